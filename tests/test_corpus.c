/* test_corpus.c - inputs: folders, JSON lines, dates. */
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"
#include "helpers.h"

/* Folders with links and faults are made by the tests, not kept in the repository. */
#define OUT "tests/out/corpus"

static void write_text(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (!fp)
		fail_msg("cannot create %s", path);
	fputs(text, fp);
	fclose(fp);
}

static void reads_folders_and_json_lines_in_name_order(void **state)
{
	struct corpus c = {0};
	struct diag err = {{0}};
	const struct corpus_limits lim = CORPUS_LIMITS_DEFAULT;
	struct corpus_cut cut;
	char *text;
	size_t len;

	(void)state;
	assert_int_equal(corpus_add(&c, "tests/data/corpus", "2020-01-01", &err), 0);
	assert_int_equal(c.n, 3);	/* two JSON lines, one text file; not notes.md */
	assert_string_equal(c.docs[0].name, "a1");
	assert_string_equal(c.docs[0].date, "2024-05-01");	/* its own date wins */
	assert_string_equal(c.docs[0].path, "tests/data/corpus/feed.jsonl:1");
	assert_string_equal(c.docs[1].name, "feed-3");	/* no id: file and line */
	assert_string_equal(c.docs[1].date, "2020-01-01");
	assert_string_equal(c.docs[2].name, "b");
	assert_int_equal(corpus_read(&c.docs[1], &lim, &text, &len, &cut, &err), 0);
	assert_string_equal(text, "Egypt met with Sudan.");
	free(text);
	assert_int_equal(corpus_read(&c.docs[2], &lim, &text, &len, &cut, &err), 0);
	assert_string_equal(text, "Egypt met with Sudan.\n");
	free(text);
	corpus_free(&c);
}

static void cleans_ids_of_controls(void **state)
{
	struct corpus c = {0};
	struct diag err = {{0}};

	(void)state;
	assert_int_equal(corpus_add(&c, "tests/data/corpus-controls.jsonl", NULL, &err), 0);
	assert_string_equal(c.docs[0].name, "a b c ");
	corpus_free(&c);
}

/* A bad JSON line is a document that fails with its position; the lines
 * after it are read. */
static void reports_bad_json_lines_where_they_are(void **state)
{
	struct corpus c = {0};
	struct diag err = {{0}};
	const struct corpus_limits lim = CORPUS_LIMITS_DEFAULT;
	struct corpus_cut cut;
	char *text;
	size_t len;

	(void)state;
	assert_int_equal(make_dirs(OUT, &err), 0);
	write_text(OUT "/feed.jsonl", "{\"text\": \"x\"\n{\"text\": \"Egypt met with Sudan.\"}\n");
	assert_int_equal(corpus_add(&c, OUT "/feed.jsonl", NULL, &err), 0);
	assert_int_equal(corpus_add(&c, "tests/data/corpus-bad-field.jsonl", NULL, &err), 0);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.docs[0].path, OUT "/feed.jsonl:1");
	assert_int_equal(corpus_read(&c.docs[0], &lim, &text, &len, &cut, &err), -1);
	assert_string_equal(err.msg, OUT "/feed.jsonl:1:13: expected ',' or '}'");
	assert_int_equal(corpus_read(&c.docs[1], &lim, &text, &len, &cut, &err), 0);
	free(text);
	err.msg[0] = '\0';
	assert_int_equal(corpus_read(&c.docs[2], &lim, &text, &len, &cut, &err), -1);
	assert_string_equal(err.msg, "tests/data/corpus-bad-field.jsonl:1:8: expected {\"text\": string, "
				     "\"id\": string, \"date\": \"YYYY-MM-DD\"}");
	err.msg[0] = '\0';
	assert_int_equal(corpus_add(&c, "tests/data/corpus-bad-date.jsonl", NULL, &err), 0);
	assert_int_equal(c.n, 5);
	assert_string_equal(c.docs[4].path, "tests/data/corpus-bad-date.jsonl:2");
	assert_int_equal(corpus_read(&c.docs[4], &lim, &text, &len, &cut, &err), -1);
	assert_string_equal(err.msg, "tests/data/corpus-bad-date.jsonl:2:22: expected a date YYYY-MM-DD, "
				     "found '2023-02-29' (no such day)");
	err.msg[0] = '\0';
	assert_int_equal(corpus_add(&c, "tests/data/none", NULL, &err), -1);
	assert_string_equal(err.msg, "cannot open 'tests/data/none': No such file or directory");
	corpus_free(&c);
}

/* A folder with links to itself and to its parent, a dangling link, a
 * second link to a file: each file is read once, each skip is a warning. */
static void reads_each_file_once_and_warns_of_links(void **state)
{
	struct corpus c = {0};
	struct diag err = {{0}};

	(void)state;
	assert_int_equal(make_dirs(OUT "/links/sub", &err), 0);
	write_text(OUT "/links/a.txt", "Egypt met with Sudan.\n");
	write_text(OUT "/links/sub/c.txt", "Egypt met with Sudan.\n");
	assert_int_equal(symlink(".", OUT "/links/self"), 0);
	assert_int_equal(symlink("..", OUT "/links/sub/up"), 0);
	assert_int_equal(symlink("nowhere.txt", OUT "/links/dangling.txt"), 0);
	assert_int_equal(symlink("a.txt", OUT "/links/b.txt"), 0);
	alarm(20);	/* the loop was followed until the path was too long */
	assert_int_equal(corpus_add(&c, OUT "/links", NULL, &err), 0);
	alarm(0);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.docs[0].path, OUT "/links/a.txt");
	assert_string_equal(c.docs[1].path, OUT "/links/sub/c.txt");
	assert_int_equal(c.nwarnings, 4);
	assert_string_equal(c.warnings[0], OUT "/links/b.txt: skipped, the same file as " OUT "/links/a.txt");
	assert_string_equal(c.warnings[1], OUT "/links/dangling.txt: skipped, a symbolic link to 'nowhere.txt': "
					   "No such file or directory");
	assert_string_equal(c.warnings[2], OUT "/links/self: skipped, the same folder as " OUT "/links");
	assert_string_equal(c.warnings[3], OUT "/links/sub/up: skipped, the same folder as " OUT "/links");
	/* named again, a folder is read once too */
	assert_int_equal(corpus_add(&c, OUT "/links/sub", NULL, &err), 0);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.warnings[4], OUT "/links/sub: skipped, the same folder as " OUT "/links/sub");
	corpus_free(&c);
}

/* Documents that cannot be read fail alone: a FIFO named like a text (it
 * would block), a file removed after the walk listed it. */
static void documents_that_cannot_be_read_fail_alone(void **state)
{
	struct corpus c = {0};
	struct diag err = {{0}};
	const struct corpus_limits lim = CORPUS_LIMITS_DEFAULT;
	struct corpus_cut cut;
	char *text;
	size_t len;

	(void)state;
	assert_int_equal(make_dirs(OUT "/faults", &err), 0);
	assert_int_equal(mkfifo(OUT "/faults/fifo.txt", 0644), 0);
	write_text(OUT "/faults/gone.txt", "Egypt met with Sudan.\n");
	assert_int_equal(corpus_add(&c, OUT "/faults", NULL, &err), 0);
	assert_int_equal(c.n, 2);
	assert_int_equal(corpus_read(&c.docs[0], &lim, &text, &len, &cut, &err), -1);
	assert_string_equal(err.msg, "cannot read '" OUT "/faults/fifo.txt': not a regular file");
	assert_int_equal(unlink(OUT "/faults/gone.txt"), 0);
	err.msg[0] = '\0';
	assert_int_equal(corpus_read(&c.docs[1], &lim, &text, &len, &cut, &err), -1);
	assert_string_equal(err.msg, "cannot open '" OUT "/faults/gone.txt': No such file or directory");
	corpus_free(&c);
}

/* Past the document limit a text ends at its last line break, or else
 * before a character the limit splits; past the line limit a line is read
 * as spaces. JSON lines and files alike. */
static void reads_documents_within_the_limits(void **state)
{
	struct corpus c = {0};
	struct diag err = {{0}};
	struct corpus_limits lim = {30, 12};
	struct corpus_cut cut;
	char *text;
	size_t len;

	(void)state;
	assert_int_equal(make_dirs(OUT, &err), 0);
	write_text(OUT "/long.txt", "Egypt met Sudan.\nChina sanctioned Japan.\n");
	write_text(OUT "/long.jsonl", "{\"text\": \"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\"}\n");
	assert_int_equal(corpus_add(&c, OUT "/long.txt", NULL, &err), 0);
	assert_int_equal(corpus_add(&c, OUT "/long.jsonl", NULL, &err), 0);
	assert_int_equal(corpus_read(&c.docs[0], &lim, &text, &len, &cut, &err), 0);
	assert_true(cut.document);
	assert_int_equal(cut.lines, 1);
	assert_int_equal(cut.first_line, 1);
	assert_string_equal(text, "Egypt met Su    \n");
	free(text);
	lim = (struct corpus_limits){7, 100};	/* "é" is two bytes: three and a half fit */
	assert_int_equal(corpus_read(&c.docs[1], &lim, &text, &len, &cut, &err), 0);
	assert_true(cut.document);
	assert_string_equal(text, "\u00e9\u00e9\u00e9");
	free(text);
	lim = (struct corpus_limits){100, 5};
	assert_int_equal(corpus_read(&c.docs[1], &lim, &text, &len, &cut, &err), 0);
	assert_false(cut.document);
	assert_int_equal(cut.lines, 1);
	assert_string_equal(text, "\u00e9\u00e9        ");
	free(text);
	corpus_free(&c);
}

int main(void)
{
	if (system("rm -rf " OUT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_folders_and_json_lines_in_name_order),
		cmocka_unit_test(cleans_ids_of_controls),
		cmocka_unit_test(reports_bad_json_lines_where_they_are),
		cmocka_unit_test(reads_each_file_once_and_warns_of_links),
		cmocka_unit_test(documents_that_cannot_be_read_fail_alone),
		cmocka_unit_test(reads_documents_within_the_limits),
	};

	return cmocka_run_group_tests_name("corpus", tests, NULL, NULL);
}
