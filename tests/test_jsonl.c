/* test_jsonl.c - articles read from lines of JSON: members found and
 * decoded, other members skipped, every malformed line refused at its
 * place, and the same strings as jansson decodes. */
#include "helpers.h"

#include <jansson.h>

#include "jsonl.h"

/* The decoded member of a line's article, or NULL (caller frees). */
static char *decoded(const char *span, size_t len)
{
	size_t n;

	return span ? jsonl_string(span, len, &n) : NULL;
}

static void finds_and_decodes_the_members(void **state)
{
	static const char line[] = "{\"skip\": [1, -2.5e+3, {\"a\": [true, false, null]}, \"x\\\"y\"],"
				   " \"\\u0069d\": \"a\\/b\", \"date\": null,"
				   " \"text\": \"K\\u00f6ln \\ud83d\\ude00 \\\"so\\\"\\n\\ttab\", \"more\": {}}";
	struct jsonl_article a;
	const char *why = NULL;
	char *id, *text;
	size_t len;

	(void)state;
	assert_int_equal(jsonl_article(line, strlen(line), &a, &why), 0);
	assert_null(a.date);
	id = decoded(a.id, a.id_len);
	text = jsonl_string(a.text, a.text_len, &len);
	assert_string_equal(id, "a/b");
	assert_string_equal(text, "K\xc3\xb6ln \xf0\x9f\x98\x80 \"so\"\n\ttab");
	assert_int_equal(len, strlen(text));
	free(id);
	free(text);
}

static void refuses_malformed_lines_where_they_go_wrong(void **state)
{
	static const struct {
		const char *line;
		size_t col;
		const char *why;	/* part of what was expected */
	} cases[] = {
		{"[\"text\"]", 1, "{\"text\": string"},
		{"{\"id\": \"a\"}", 1, "{\"text\": string"},
		{"{\"text\": 5}", 10, "{\"text\": string"},
		{"{\"text\": \"a\", \"text\": \"b\"}", 23, "once"},
		{"{\"text\": \"a\"", 13, "',' or '}'"},
		{"{\"text\": \"a}", 13, "closing quote"},
		{"{\"text\": \"a\\q\"}", 12, "an escape"},
		{"{\"text\": \"a\\u12\"}", 12, "four hex digits"},
		{"{\"text\": \"\\u0000\"}", 11, "other than \\u0000"},
		{"{\"text\": \"\\ude00\"}", 11, "high surrogate"},
		{"{\"text\": \"\\ud83dx\"}", 17, "low surrogate"},
		{"{\"text\": \"a\tb\"}", 12, "control character"},
		{"{\"text\": \"a\", \"n\": 01}", 21, "',' or '}'"},
		{"{\"text\": \"a\", \"n\": 1.}", 22, "decimal point"},
		{"{\"text\": \"a\", \"n\": tru}", 20, "a value"},
		{"{\"text\": \"a\"} x", 15, "end of the line"},
		{"{\"text\": \"a\", 5: 1}", 15, "a key in quotes"},
		{"{\"text\": \"a\", \"k\" 1}", 19, "':'"},
	};
	struct jsonl_article a;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *why = NULL;
		size_t col = jsonl_article(cases[i].line, strlen(cases[i].line), &a, &why);

		if (col != cases[i].col || !why || !strstr(why, cases[i].why))
			fail_msg("%s: column %zu (%s), expected %zu (%s)", cases[i].line, col, why ? why : "",
				 cases[i].col, cases[i].why);
	}
}

static void bounds_nesting(void **state)
{
	struct buf line = {0};
	struct jsonl_article a;
	const char *why = NULL;

	(void)state;
	buf_puts(&line, "{\"text\": \"a\", \"deep\": ");
	for (int i = 0; i < 100000; i++)
		buf_add(&line, "[", 1);
	assert_int_not_equal(jsonl_article(line.data, line.len, &a, &why), 0);
	assert_non_null(strstr(why, "nesting"));
	free(line.data);
}

/* A string's plain bytes are skipped a word at a time: a quote, a
 * backslash or a control byte stops the scan at any place in the word,
 * and bytes of UTF-8 (0x80 and up) do not. */
static void stops_at_any_place_in_a_word(void **state)
{
	(void)state;
	for (size_t at = 0; at < 24; at++) {
		char text[32], line[64];
		struct jsonl_article a;
		const char *why = NULL;
		size_t col;

		memset(text, 'x', sizeof text);
		text[sizeof text - 1] = '\0';
		text[at] = '\xc3';	/* "é": bytes of 0x80 and up */
		text[at + 1] = '\xa9';
		snprintf(line, sizeof line, "{\"text\": \"%s\"}", text);
		assert_int_equal(jsonl_article(line, strlen(line), &a, &why), 0);
		assert_int_equal(a.text_len, sizeof text - 1);
		for (const char *stop = "\"\\\x1f\t"; *stop; stop++) {
			text[at] = *stop;
			snprintf(line, sizeof line, "{\"text\": \"%s\"}", text);
			col = jsonl_article(line, strlen(line), &a, &why);
			/* a quote ends the string, and the line is bad after it; "\x" is
			 * no escape, and a control byte is refused where it is */
			assert_int_equal(col, 11 + at + (*stop == '"'));
		}
	}
}

/* What jansson reads from the same lines, it reads too. */
static void agrees_with_jansson(void **state)
{
	static const char *const lines[] = {
		"{\"text\": \"\\u00e9t\\u00e9 \\\\ \\b\\f\\r\", \"id\": \"\\ud834\\udd1e\"}",
		"  {\"date\": \"2024-01-02\", \"text\": \"\", \"x\": [[], {}, 0, -0.0, 1E9]}  ",
		"{\"text\": \"plain text, no escapes at all\"}",
	};

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		json_error_t je;
		json_t *o = json_loads(lines[i], JSON_REJECT_DUPLICATES, &je);
		struct jsonl_article a;
		const char *why;
		char *text, *id;
		size_t len;

		assert_non_null(o);
		assert_int_equal(jsonl_article(lines[i], strlen(lines[i]), &a, &why), 0);
		text = jsonl_string(a.text, a.text_len, &len);
		assert_int_equal(len, json_string_length(json_object_get(o, "text")));
		assert_memory_equal(text, json_string_value(json_object_get(o, "text")), len);
		id = decoded(a.id, a.id_len);
		if (json_object_get(o, "id"))
			assert_string_equal(id, json_string_value(json_object_get(o, "id")));
		free(id);
		free(text);
		json_decref(o);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_and_decodes_the_members),
		cmocka_unit_test(refuses_malformed_lines_where_they_go_wrong),
		cmocka_unit_test(bounds_nesting),
		cmocka_unit_test(stops_at_any_place_in_a_word),
		cmocka_unit_test(agrees_with_jansson),
	};

	return cmocka_run_group_tests_name("jsonl", tests, NULL, NULL);
}
