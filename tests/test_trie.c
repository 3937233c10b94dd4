/* test_trie.c - phrases of tokens, longest and shorter matches. */
#include "helpers.h"
#include "trie.h"

static struct vocab words;

static int *ids_of(const char *key, size_t *n)
{
	char *copy = xstrdup(key), *save = NULL;
	int *ids = xcalloc(strlen(key) + 1, sizeof *ids);

	*n = 0;
	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
		ids[(*n)++] = vocab_get(&words, w);
	free(copy);
	return ids;
}

static void finds_every_phrase_on_the_path_shortest_first(void **state)
{
	struct trie *t = trie_new(&words);
	struct trie_hit hits[4];
	size_t n, nh;
	int *ids;

	(void)state;
	assert_int_equal(trie_put(t, "north korea", 1), -1);
	assert_int_equal(trie_put(t, "north", 2), -1);
	assert_int_equal(trie_put(t, "north korean troops", 3), -1);
	ids = ids_of("north korean troops left", &n);
	nh = trie_match(t, ids, n, hits, 4);
	assert_int_equal(nh, 2);
	assert_int_equal(hits[0].len, 1);
	assert_int_equal(hits[0].value, 2);
	assert_int_equal(hits[1].len, 3);
	assert_int_equal(hits[1].value, 3);
	assert_int_equal(ids[3], -1);	/* "left" is in no phrase */
	free(ids);
	trie_free(t);
}

static void replaces_values_and_reports_the_old_one(void **state)
{
	struct trie *t = trie_new(&words);
	struct trie_hit hit;
	int id;

	(void)state;
	trie_put(t, "un", 1);
	assert_int_equal(trie_put(t, "un", 7), 1);
	id = vocab_get(&words, "un");
	assert_int_equal(trie_match(t, &id, 1, &hit, 1), 1);
	assert_int_equal(hit.value, 7);
	trie_free(t);
}

static void grows_past_its_first_table(void **state)
{
	struct trie *t = trie_new(&words);
	char key[32];

	(void)state;
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "w%d x%d", i, i % 7);
		trie_put(t, key, i);
	}
	for (int i = 0; i < 5000; i += 499) {
		struct trie_hit hit;
		size_t n;
		int *ids;

		snprintf(key, sizeof key, "w%d x%d", i, i % 7);
		ids = ids_of(key, &n);
		assert_int_equal(trie_match(t, ids, n, &hit, 1), 1);
		assert_int_equal(hit.value, i);
		free(ids);
	}
	trie_free(t);
}

static void matches_nothing_in_an_empty_trie(void **state)
{
	struct trie *t = trie_new(&words);
	struct trie_hit hit;
	int id = vocab_get(&words, "nothing-here");

	(void)state;
	assert_int_equal(id, -1);
	assert_int_equal(trie_match(t, &id, 1, &hit, 1), 0);
	trie_free(t);
}

/* Tries share a vocabulary: a word that another trie added starts no
 * phrase here until one is put, and a removed phrase is no match. */
static void knows_only_its_own_first_words(void **state)
{
	struct trie *a = trie_new(&words), *b = trie_new(&words);
	struct trie_hit hit;
	size_t n;
	int *ids;

	(void)state;
	trie_put(a, "shared word", 1);
	ids = ids_of("shared word", &n);
	assert_int_equal(trie_match(b, ids, n, &hit, 1), 0);
	trie_put(b, "shared", 2);
	assert_int_equal(trie_match(b, ids, n, &hit, 1), 1);
	assert_int_equal(hit.len, 1);
	assert_int_equal(hit.value, 2);
	assert_int_equal(trie_match(a, ids, n, &hit, 1), 1);
	assert_int_equal(hit.value, 1);
	assert_int_equal(trie_put(a, "shared word", -1), 1);
	assert_int_equal(trie_match(a, ids, n, &hit, 1), 0);
	assert_int_equal(trie_match(b, ids, 0, &hit, 1), 0);	/* no tokens */
	free(ids);
	trie_free(a);
	trie_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_every_phrase_on_the_path_shortest_first),
		cmocka_unit_test(replaces_values_and_reports_the_old_one),
		cmocka_unit_test(grows_past_its_first_table),
		cmocka_unit_test(matches_nothing_in_an_empty_trie),
		cmocka_unit_test(knows_only_its_own_first_words),
	};

	int rc;

	vocab_init(&words);
	rc = cmocka_run_group_tests_name("trie", tests, NULL, NULL);
	vocab_destroy(&words);
	return rc;
}
