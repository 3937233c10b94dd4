/* test_util.c - buffers, the string map, sorted sets, reading files and atomic output. */
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

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

static void sets_sort_and_keep_each_word_once(void **state)
{
	const char *orders[2][5] = {{"2024-03-01", "2019-12-31", "2024-03-01", "2020-01-01", "2019-12-31"},
				    {"2020-01-01", "2019-12-31", "2024-03-01", "2024-03-01", "2020-01-01"}};

	(void)state;
	for (size_t k = 0; k < 2; k++) {
		struct strset set = {0};
		char *words;

		for (size_t i = 0; i < 5; i++)
			strset_add(&set, orders[k][i]);
		assert_int_equal(set.n, 3);
		words = strset_join(&set);
		assert_string_equal(words, "2019-12-31 2020-01-01 2024-03-01");
		free(words);
		strset_free(&set);
		words = strset_join(&set);
		assert_string_equal(words, "");
		free(words);
	}
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

/* A field escapes what would end it, and field_text gives it back whole. */
static void fields_escape_and_read_back(void **state)
{
	const char *const texts[] = {"", "plain", "a\tb\nc\rd\\e", "\\\t", "end\\", "\n\n"};
	const char *const escaped[] = {"", "plain", "a\\tb\\nc\\rd\\\\e", "\\\\\\t", "end\\\\", "\\n\\n"};

	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct buf b = {0};
		size_t len;

		buf_field(&b, texts[i], strlen(texts[i]));
		assert_string_equal(b.data ? b.data : "", escaped[i]);
		if (b.data) {
			assert_true(field_text(b.data, &len));
			assert_int_equal(len, strlen(texts[i]));
			assert_string_equal(b.data, texts[i]);
		}
		free(b.data);
	}
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

static char *contents(const char *path)
{
	struct diag err = {{0}};
	char *data;
	size_t len;

	assert_int_equal(read_file(path, SIZE_MAX, &data, &len, &err), 0);
	return data;
}

static void replaces_a_set_of_outputs_together_or_none(void **state)
{
	const char *paths[] = {"tests/out/util/set/a.txt", "tests/out/util/set/b.txt"};
	struct diag err = {{0}};
	struct outfile o[2];
	char *data;

	(void)state;
	assert_int_equal(system("rm -rf tests/out/util/set"), 0);
	assert_int_equal(make_dirs("tests/out/util/set", &err), 0);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(outfile_open(&o[i], paths[i], &err), 0);
		fputs("one", o[i].fp);
	}
	assert_int_equal(outfile_commit_all(o, 2, &err), 0);
	/* the second file fails as it is flushed: neither is replaced, no temporary file is left */
	for (int i = 0; i < 2; i++) {
		assert_int_equal(outfile_open(&o[i], paths[i], &err), 0);
		fputs("two", o[i].fp);
	}
	close(fileno(o[1].fp));
	assert_int_equal(outfile_commit_all(o, 2, &err), -1);
	assert_string_equal(err.msg, "cannot write 'tests/out/util/set/b.txt': Bad file descriptor");
	for (int i = 0; i < 2; i++) {
		assert_string_equal(data = contents(paths[i]), "one");
		free(data);
	}
	assert_int_equal(system("ls -A tests/out/util/set | wc -l | grep -qx 2"), 0);
}

static void keeps_the_file_a_set_replaces(void **state)
{
	const char *path = "tests/out/util/keep/g.txt", *keep = "tests/out/util/keep/prev.txt";
	struct diag err = {{0}};
	struct outfile o[2];
	char *data;

	(void)state;
	assert_int_equal(system("rm -rf tests/out/util/keep"), 0);
	assert_int_equal(make_dirs("tests/out/util/keep", &err), 0);
	assert_int_equal(outfile_link(&o[1], path, keep, &err), 1);	/* nothing to keep yet */
	for (const char *const *v = (const char *const[]){"first", "second", "third", NULL}; *v; v++) {
		size_t n = 1;

		assert_int_equal(outfile_open(&o[0], path, &err), 0);
		fputs(*v, o[0].fp);
		if (outfile_link(&o[1], path, keep, &err) == 0)
			n++;
		assert_int_equal(outfile_commit_all(o, n, &err), 0);
	}
	assert_string_equal(data = contents(keep), "second");
	free(data);
	/* a set that fails keeps nothing, and leaves no link behind */
	assert_int_equal(outfile_open(&o[0], path, &err), 0);
	assert_int_equal(outfile_link(&o[1], path, keep, &err), 0);
	close(fileno(o[0].fp));
	fputs("fourth", o[0].fp);
	assert_int_equal(outfile_commit_all(o, 2, &err), -1);
	assert_string_equal(data = contents(keep), "second");
	free(data);
	/* 'keep' that is 'path' already: nothing to do (a rename would leave the link) */
	assert_int_equal(link(path, "tests/out/util/keep/same.txt"), 0);
	assert_int_equal(outfile_link(&o[1], path, "tests/out/util/keep/same.txt", &err), 1);
	assert_int_equal(system("ls -A tests/out/util/keep | wc -l | grep -qx 3"), 0);
}

/* Status 0 when another process takes the lock 'path' as 'want' says:
 * NULL for taken, else the message of its failure. */
static int take_in_child(const char *path, const char *want)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		struct outlock l = {-1};
		struct diag err = {{0}};
		int rc = outlock_take(&l, path, &err);

		_exit(want ? rc != -1 || strcmp(err.msg, want) != 0 || l.fd != -1 : rc != 0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void a_held_lock_names_its_holder_and_is_free_once_released(void **state)
{
	const char *path = "tests/out/util/.g.lock";
	struct outlock l = {-1};
	struct diag err = {{0}};
	char want[160], *data;

	(void)state;
	assert_int_equal(make_dirs("tests/out/util", &err), 0);
	assert_int_equal(system("echo 999999999 > tests/out/util/.g.lock"), 0);	/* left by a process gone */
	assert_int_equal(outlock_take(&l, path, &err), 0);
	snprintf(want, sizeof want, "'%s' is held by process %ld, another build writing there: "
		 "try again when it ends", path, (long)getpid());
	assert_int_equal(take_in_child(path, want), 0);
	outlock_release(&l);
	/* read only now: closing any descriptor of the file drops a process's record locks */
	snprintf(want, sizeof want, "%ld\n", (long)getpid());
	assert_string_equal(data = contents(path), want);
	free(data);
	assert_int_equal(take_in_child(path, NULL), 0);
	outlock_release(&l);
}

static void reports_an_output_folder_that_cannot_be_made(void **state)
{
	struct diag err = {{0}};
	struct outfile o;

	(void)state;
	assert_int_equal(outfile_open(&o, "tests/out/no/such/dir/f.txt", &err), -1);
	assert_string_equal(err.msg, "cannot create 'tests/out/no/such/dir/f.txt': No such file or directory");
}

static void cleans_what_outputs_cannot_hold(void **state)
{
	char all[600], want[600], s[64];
	size_t n = 0, k = 0;

	(void)state;
	/* every byte but NUL, then U+0085, U+009F, U+FFFE, U+FFFF, U+FDD0 and
	 * U+10FFFF, three that stay (U+FFFD, U+00A0, U+1F600), and a surrogate's
	 * three bytes */
	for (int b = 1; b < 256; b++)
		all[n++] = (char)b;
	sprintf(all + n, "\xc2\x85\xc2\x9f\xef\xbf\xbe\xef\xbf\xbf\xef\xb7\x90\xf4\x8f\xbf\xbf\ufffd\u00a0\U0001f600\xed\xa0\x80");
	for (int b = 1; b < 256; b++)
		want[k++] = b == '\t' || b == '\n' || (b >= 0x20 && b < 0x7f) ? (char)b : ' ';
	sprintf(want + k, "      \ufffd\u00a0\U0001f600   ");
	assert_string_equal(utf8_clean(all), want);
	snprintf(s, sizeof s, "Lars\fEklund\xc2\x85\xef\xbf\xbf, \x01O\xe9\x7f\tN\n");
	assert_string_equal(utf8_clean(s), "Lars Eklund  ,  O  \tN\n");
}

static void knows_the_days_of_the_calendar(void **state)
{
	static const char *const dates[] = {"2024-02-29", "2000-02-29", "1800-01-01", "2999-12-31",
					    "2024-04-30", NULL};
	static const char *const no_dates[] = {"2023-02-29", "1900-02-29", "2024-04-31", "2024-00-10",
					       "2024-13-01", "2024-01-00", "1799-12-31", "3000-01-01",
					       "0000-01-01", "2024-1-01", "2024-01-01 ", "2024/01/01", "",
					       "2024", NULL};

	(void)state;
	for (size_t i = 0; dates[i]; i++)
		assert_true(is_date(dates[i], false));
	for (size_t i = 0; no_dates[i]; i++)
		if (is_date(no_dates[i], false))
			fail_msg("'%s' taken for a date", no_dates[i]);
	assert_true(is_date("2024", true));
	assert_true(is_date("2024-02", true));
	assert_false(is_date("2024-13", true));
	assert_false(is_date("1024", true));
	assert_false(is_date("2024-02-30", true));
}

static void says_what_date_it_expected(void **state)
{
	struct diag err = {{0}};
	struct pos p = {"f.yaml", 3, 9};

	(void)state;
	assert_int_equal(date_check("2024-02-29", false, p, &err), 0);
	assert_string_equal(err.msg, "");
	assert_int_equal(date_check("2024-02-30", false, p, &err), -1);
	assert_string_equal(err.msg, "f.yaml:3:9: expected a date YYYY-MM-DD, found '2024-02-30' (no such day)");
	err.msg[0] = '\0';
	assert_int_equal(date_check("2024-14", true, p, &err), -1);
	assert_string_equal(err.msg, "f.yaml:3:9: expected a date YYYY-MM-DD, YYYY-MM or YYYY, found '2024-14' "
				     "(no such month)");
	err.msg[0] = '\0';
	assert_int_equal(date_check("0224-01-01", false, p, &err), -1);
	assert_string_equal(err.msg, "f.yaml:3:9: expected a date YYYY-MM-DD, found '0224-01-01' "
				     "(years 1800 to 2999)");
	err.msg[0] = '\0';
	assert_int_equal(date_check("13 May 2024", false, p, &err), -1);
	assert_string_equal(err.msg, "f.yaml:3:9: expected a date YYYY-MM-DD, found '13 May 2024'");
}

static void makes_names_safe_as_file_names(void **state)
{
	char long_name[FILE_NAME_MAX + 10], *f;

	(void)state;
	f = file_name_of("../../x");
	assert_string_equal(f, "___.._x");
	free(f);
	f = file_name_of("a/b\tc");
	assert_string_equal(f, "a_b_c");
	free(f);
	f = file_name_of("");
	assert_string_equal(f, "document");
	free(f);
	memset(long_name, 'a', sizeof long_name);
	memcpy(long_name + FILE_NAME_MAX - 1, "\xc3\xa9", 2);	/* "é" across the limit */
	long_name[sizeof long_name - 1] = '\0';
	f = file_name_of(long_name);
	assert_int_equal(strlen(f), FILE_NAME_MAX - 1);
	free(f);
	assert_true(is_file_name("fp-trump-kim"));
	assert_false(is_file_name(".hidden"));
	assert_false(is_file_name("a/b"));
}

/* A process ended by SIGTERM while writing leaves the old file and no
 * temporary one. */
static void removes_temporary_files_on_sigterm(void **state)
{
	const char *path = "tests/out/util-sigterm.txt";
	struct diag err = {{0}};
	char *data;
	size_t len;
	int status;
	pid_t pid;

	(void)state;
	assert_int_equal(make_dirs("tests/out", &err), 0);
	assert_int_equal(system("rm -f tests/out/util-sigterm.txt*; echo old > tests/out/util-sigterm.txt"), 0);
	if ((pid = fork()) == 0) {
		struct outfile out;

		if (outfile_open(&out, path, &err) == 0) {
			fputs("new, half written", out.fp);
			fflush(out.fp);
			raise(SIGTERM);
		}
		_exit(1);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	assert_int_equal(system("ls tests/out/util-sigterm.txt.tmp* 2>/dev/null | grep -q ."), 256);
	assert_int_equal(read_file(path, SIZE_MAX, &data, &len, &err), 0);
	assert_string_equal(data, "old\n");
	free(data);
}

/* fixed_text against printf: integers, ties (odd multiples of 1/128 are
 * exact ties at 6 decimals), signs, zeros, large and random values. */
static void writes_numbers_as_printf_does(void **state)
{
	static const double cases[] = {0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 1.0 / 128, 3.0 / 128, -5.0 / 128,
				       0.0000005, 0.0000015, 1e-7, -1e-7, 999999.9999995, 1e6, 123456789.123, 1e300,
				       0.1234565, 2.675, 1.0000005};
	char mine[64], theirs[64];
	unsigned long long r = 42;

	(void)state;
	for (size_t k = 0; k < 2 * 1000000 + sizeof cases / sizeof *cases; k++) {
		double x;

		if (k < sizeof cases / sizeof *cases) {
			x = cases[k];
		} else {
			r = r * 6364136223846793005ULL + 1442695040888963407ULL;
			x = (double)(r >> 11) / (double)(1ULL << 53) * pow(10, (double)(r % 13) - 6);
			if (r & 1)
				x = -x;
			if (k % 7 == 0)
				x = round(x * 128) / 128;	/* ties at 6 decimals */
		}
		for (int d = 0; d <= 6; d += 6) {
			snprintf(theirs, sizeof theirs, d ? "%.6f" : "%.0f", x);
			assert_string_equal(fixed_text(x, d, mine), theirs);
		}
	}
}

static void hash64_tells_texts_apart(void **state)
{
	(void)state;
	assert_int_equal(hash64(HASH64_START, "abc", 3), hash64(HASH64_START, "abc", 3));
	assert_true(hash64(HASH64_START, "abc", 3) != hash64(HASH64_START, "abd", 3));
	assert_true(hash64(HASH64_START, "abcdefgh1", 9) != hash64(HASH64_START, "abcdefgh2", 9));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(map_stores_replaces_and_grows),
		cmocka_unit_test(hash64_tells_texts_apart),
		cmocka_unit_test(writes_numbers_as_printf_does),
		cmocka_unit_test(makes_names_safe_as_file_names),
		cmocka_unit_test(removes_temporary_files_on_sigterm),
		cmocka_unit_test(buffers_format_and_append),
		cmocka_unit_test(sets_sort_and_keep_each_word_once),
		cmocka_unit_test(fields_escape_and_read_back),
		cmocka_unit_test(reads_files_and_reports_missing_ones),
		cmocka_unit_test(replaces_output_only_on_commit),
		cmocka_unit_test(replaces_a_set_of_outputs_together_or_none),
		cmocka_unit_test(keeps_the_file_a_set_replaces),
		cmocka_unit_test(a_held_lock_names_its_holder_and_is_free_once_released),
		cmocka_unit_test(reports_an_output_folder_that_cannot_be_made),
		cmocka_unit_test(cleans_what_outputs_cannot_hold),
		cmocka_unit_test(knows_the_days_of_the_calendar),
		cmocka_unit_test(says_what_date_it_expected),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
