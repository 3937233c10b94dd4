/* test_corpus.c - inputs: folders, JSON lines, dates. */
#include "corpus.h"
#include "helpers.h"

static void reads_folders_and_json_lines_in_name_order(void **state)
{
	struct corpus c = {0};
	struct diag err = {{0}};
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
	assert_int_equal(corpus_read(&c.docs[1], &text, &len, &err), 0);
	assert_string_equal(text, "Egypt met with Sudan.");
	free(text);
	assert_int_equal(corpus_read(&c.docs[2], &text, &len, &err), 0);
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

static void reports_bad_json_lines_where_they_are(void **state)
{
	struct corpus c = {0};
	struct diag err = {{0}};

	(void)state;
	assert_int_equal(corpus_add(&c, "tests/data/corpus-bad.jsonl", NULL, &err), -1);
	assert_string_equal(err.msg, "tests/data/corpus-bad.jsonl:1:12: '}' expected near end of file");
	err.msg[0] = '\0';
	assert_int_equal(corpus_add(&c, "tests/data/corpus-bad-field.jsonl", NULL, &err), -1);
	assert_string_equal(err.msg, "tests/data/corpus-bad-field.jsonl:1:1: expected {\"text\": string, "
				     "\"id\": string, \"date\": \"YYYY-MM-DD\"}");
	err.msg[0] = '\0';
	assert_int_equal(corpus_add(&c, "tests/data/corpus-bad-date.jsonl", NULL, &err), -1);
	assert_string_equal(err.msg, "tests/data/corpus-bad-date.jsonl:2:1: expected a date YYYY-MM-DD, "
				     "found '2023-02-29' (no such day)");
	err.msg[0] = '\0';
	assert_int_equal(corpus_add(&c, "tests/data/none", NULL, &err), -1);
	assert_string_equal(err.msg, "cannot open 'tests/data/none': No such file or directory");
	corpus_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_folders_and_json_lines_in_name_order),
		cmocka_unit_test(cleans_ids_of_controls),
		cmocka_unit_test(reports_bad_json_lines_where_they_are),
	};

	return cmocka_run_group_tests_name("corpus", tests, NULL, NULL);
}
