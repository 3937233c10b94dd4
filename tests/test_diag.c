/* test_diag.c - message formatting: positions, first error wins, system errors. */
#include <errno.h>

#include "helpers.h"

static void formats_positions(void **state)
{
	struct diag d = {{0}};

	(void)state;
	assert_int_equal(diag_at(&d, (struct pos){"a.yaml", 3, 7}, "unknown key '%s'", "x"), -1);
	assert_string_equal(d.msg, "a.yaml:3:7: unknown key 'x'");
}

static void keeps_the_first_error(void **state)
{
	struct diag d = {{0}};

	(void)state;
	diag_set(&d, "first");
	diag_at(&d, (struct pos){"b", 1, 1}, "second");
	assert_string_equal(d.msg, "first");
}

static void appends_the_system_error(void **state)
{
	struct diag d = {{0}};

	(void)state;
	errno = ENOENT;
	assert_int_equal(diag_sys(&d, "open", "x.txt"), -1);
	assert_string_equal(d.msg, "cannot open 'x.txt': No such file or directory");
}

static void truncates_long_messages(void **state)
{
	struct diag d = {{0}};
	char big[2000];

	(void)state;
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	diag_set(&d, "%s", big);
	assert_int_equal(strlen(d.msg), sizeof d.msg - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(formats_positions),
		cmocka_unit_test(keeps_the_first_error),
		cmocka_unit_test(appends_the_system_error),
		cmocka_unit_test(truncates_long_messages),
	};

	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
