/* test_util.c - buffers, the string map, reading files and atomic output. */
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

static void map_stores_replaces_and_grows(void **state)
{
	struct strmap *m = strmap_new();
	char key[32];

	(void)state;
	for (long i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "k%ld", i);
		assert_int_equal(strmap_put(m, key, i), -1);
	}
	assert_int_equal(strmap_put(m, "k5", 55), 5);
	assert_int_equal(strmap_get(m, "k5"), 55);
	assert_int_equal(strmap_get(m, "k999"), 999);
	assert_int_equal(strmap_get(m, "k1000"), -1);
	assert_int_equal(strmap_getn(m, "k12xyz", 3), 12);
	strmap_free(m);
}

static void buffers_format_and_append(void **state)
{
	struct buf b = {0};

	(void)state;
	buf_puts(&b, "a");
	buf_printf(&b, "%d-%s", 42, "b");
	buf_add(&b, "cd", 1);
	assert_string_equal(b.data, "a42-bc");
	assert_int_equal(b.len, 6);
	free(b.data);
}

static void reads_files_and_reports_missing_ones(void **state)
{
	struct diag err = {{0}};
	char *data;
	size_t len;

	(void)state;
	assert_int_equal(read_file("tests/data/schema/ok/actors.yaml", SIZE_MAX, &data, &len, &err), 0);
	assert_true(len > 10);
	assert_int_equal(data[len], '\0');
	free(data);
	assert_int_equal(read_file("tests/data/schema/ok/actors.yaml", 10, &data, &len, &err), 1);	/* longer */
	assert_int_equal(len, 10);
	assert_int_equal(data[len], '\0');
	free(data);
	assert_int_equal(read_file("tests/data/none.txt", SIZE_MAX, &data, &len, &err), -1);
	assert_string_equal(err.msg, "cannot open 'tests/data/none.txt': No such file or directory");
}

static void replaces_output_only_on_commit(void **state)
{
	struct diag err = {{0}};
	struct outfile o;
	char *data;
	size_t len;

	(void)state;
	assert_int_equal(make_dirs("tests/out/util/a", &err), 0);
	assert_int_equal(outfile_open(&o, "tests/out/util/a/f.txt", &err), 0);
	fputs("old", o.fp);
	assert_int_equal(outfile_commit(&o, &err), 0);
	/* a failed write leaves the old file as it was, and no temporary file */
	assert_int_equal(outfile_open(&o, "tests/out/util/a/f.txt", &err), 0);
	fputs("half", o.fp);
	outfile_abort(&o);
	assert_int_equal(read_file("tests/out/util/a/f.txt", SIZE_MAX, &data, &len, &err), 0);
	assert_string_equal(data, "old");
	free(data);
	assert_int_equal(rmdir("tests/out/util/a"), -1);	/* only f.txt is left: not empty */
	unlink("tests/out/util/a/f.txt");
	assert_int_equal(rmdir("tests/out/util/a"), 0);
}

static void reports_an_output_folder_that_cannot_be_made(void **state)
{
	struct diag err = {{0}};
	struct outfile o;

	(void)state;
	assert_int_equal(outfile_open(&o, "tests/out/no/such/dir/f.txt", &err), -1);
	assert_string_equal(err.msg, "cannot create 'tests/out/no/such/dir/f.txt': No such file or directory");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(map_stores_replaces_and_grows),
		cmocka_unit_test(buffers_format_and_append),
		cmocka_unit_test(reads_files_and_reports_missing_ones),
		cmocka_unit_test(replaces_output_only_on_commit),
		cmocka_unit_test(reports_an_output_folder_that_cannot_be_made),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
