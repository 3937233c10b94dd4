/* test_idset.c - sets of identities in memory and on disk. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "../src/idset.h"
#include "../src/util.h"

/* Adds n distinct ids twice over (the second time each is there), with 0 and
 * ids that share their low bits among them. */
static void add_twice(struct idset *s, uint64_t n)
{
	for (uint64_t round = 0; round < 2; round++)
		for (uint64_t i = 0; i < n; i++)
			assert_int_equal(idset_add(s, i << 20), round == 1);
	assert_int_equal(s->count + s->zero, n);
}

static void keeps_each_id_once_in_memory(void **state)
{
	struct idset s = {0};

	(void)state;
	add_twice(&s, 250);
	assert_false(s.on_disk);
	assert_false(idset_add(&s, 1));
	idset_free(&s);
	assert_null(s.slots);
}

/* Past the memory's share the table moves to a file and grows there twice
 * (at half load of four times the memory's slots, then eight). */
static void keeps_each_id_once_on_disk(void **state)
{
	struct idset s = {0};
	uint64_t n = 5 * IDSET_MEMORY_SLOTS;

	(void)state;
	add_twice(&s, n);
	assert_true(s.on_disk);
	assert_null(s.slots);
	assert_int_equal(s.cap, 16 * IDSET_MEMORY_SLOTS);
	for (uint64_t i = 0; i < 1000; i++)	/* hashed ids, as a build's are */
		assert_false(idset_add(&s, hash64(HASH64_START, &i, sizeof i)));
	for (uint64_t i = 0; i < 1000; i++)
		assert_true(idset_add(&s, hash64(HASH64_START, &i, sizeof i)));
	idset_free(&s);
	assert_false(s.on_disk);
}

/* No temporary file can be made: the set stays in memory and works. */
static void stays_in_memory_without_a_temporary_folder(void **state)
{
	struct idset s = {0};
	const char *tmpdir = getenv("TMPDIR");
	char *saved = tmpdir ? xstrdup(tmpdir) : NULL;

	(void)state;
	setenv("TMPDIR", "/nonexistent/actorgraph-test", 1);
	add_twice(&s, 2 * IDSET_MEMORY_SLOTS);
	assert_false(s.on_disk);
	assert_non_null(s.slots);
	idset_free(&s);
	if (saved)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keeps_each_id_once_in_memory),
		cmocka_unit_test(keeps_each_id_once_on_disk),
		cmocka_unit_test(stays_in_memory_without_a_temporary_folder),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
