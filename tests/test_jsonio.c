/* test_jsonio.c - the JSON writers: events as JSON lines, the graph as JSON;
 * records as JSON lines, and read back. */
#include <jansson.h>

#include "jsonio.h"
#include "helpers.h"

static char *events_in(const char *text, const char *date, bool compact)
{
	struct test_run r;
	char *data = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&data, &len);
	struct diag err = {{0}};

	test_run(text, date, &r);
	assert_int_equal(jsonio_events(fp, test_schema(), r.d, r.ev, r.ne, compact, &err), 0);
	fclose(fp);
	test_run_free(&r);
	return data;
}

static char *events_of(const char *text, const char *date)
{
	return events_in(text, date, false);
}

/* Compact: the text of a sentence once, in its first event. */
static void writes_a_sentence_once_when_compact(void **state)
{
	const char *text = "Russia invaded Ukraine and threatened Poland. Egypt met Sudan.";
	char *full = events_of(text, NULL), *compact = events_in(text, NULL, true);
	size_t lines = 0, texts = 0;

	(void)state;
	for (const char *p = compact; (p = strchr(p, '\n')); p++)
		lines++;
	for (const char *p = compact; (p = strstr(p, "\"text\":")); p++)
		texts++;
	assert_int_equal(lines, 3);
	assert_int_equal(texts, 2);
	assert_non_null(strstr(full, "\"evidence\":\"Russia invaded Ukraine\",\"text\":\"Russia invaded Ukraine and"));
	assert_true(strlen(compact) < strlen(full));
	free(full);
	free(compact);
}

/* Events are written without jansson: their strings escaped as jansson
 * escapes them, for every byte value a text can hold. */
static void escapes_every_byte_as_jansson_does(void **state)
{
	char text[512], *out;
	size_t n = 0;
	json_t *line, *said;
	char *want;

	(void)state;
	n += (size_t)snprintf(text + n, sizeof text - n, "Russia invaded Ukraine \"");
	for (int c = 1; c < 0x80; c++)
		if (c != '\n' && c != '\r' && c != '.' && c != '?' && c != '!')	/* no sentence break */
			text[n++] = (char)c;
	n += (size_t)snprintf(text + n, sizeof text - n, " \xc3\xa9\xe2\x80\xa8\xf0\x9f\x98\x80.");
	out = events_of(text, NULL);
	line = json_loads(out, 0, NULL);
	assert_non_null(line);
	said = json_object_get(line, "text");
	assert_non_null(said);
	want = json_dumps(said, JSON_ENCODE_ANY | JSON_COMPACT);
	assert_non_null(strstr(out, want));	/* the same bytes as jansson's */
	assert_true(json_string_length(said) > 120);
	free(want);
	json_decref(line);
	free(out);
}

static void writes_one_object_per_mention_with_its_evidence(void **state)
{
	char *out = events_of("Quiet day.\nThen Russia \xe2\x80\x9cinvaded\xe2\x80\x9d Ukraine.", "2022-02-24");

	(void)state;
	assert_string_equal(out,
		"{\"doc\":\"doc\",\"date\":\"2022-02-24\",\"sentence\":2,\"line\":2,\"start\":16,\"end\":44,"
		"\"relation\":\"military_conflict\",\"cameo\":\"19\",\"cameo_root\":\"19\",\"goldstein\":-10.0,"
		"\"source\":{\"id\":\"RUS\",\"label\":\"Russia\",\"kind\":\"state\"},"
		"\"target\":{\"id\":\"UKR\",\"label\":\"Ukraine\",\"kind\":\"state\"},"
		"\"directed\":true,\"modality\":\"asserted\",\"rule\":\"military_conflict.verb/subject-object\","
		"\"evidence\":\"Russia \xe2\x80\x9cinvaded\xe2\x80\x9d Ukraine\","
		"\"text\":\"Then Russia \xe2\x80\x9cinvaded\xe2\x80\x9d Ukraine.\"}\n");
	free(out);
}

static void writes_null_for_an_unknown_date(void **state)
{
	char *out = events_of("Egypt could meet with Sudan.", NULL);

	(void)state;
	assert_non_null(strstr(out, "\"date\":null"));
	assert_non_null(strstr(out, "\"modality\":\"hypothetical\""));
	assert_non_null(strstr(out, "\"directed\":false"));
	assert_non_null(strstr(out, "\"cameo\":\"04\",\"cameo_root\":\"04\",\"goldstein\":1.0,"));
	free(out);
}

static void writes_null_codes_for_a_relation_without_cameo(void **state)
{
	char *out = events_of("Jenny Town, the director of the Stimson Center, spoke.", NULL);

	(void)state;
	assert_non_null(strstr(out, "\"relation\":\"affiliation\",\"cameo\":null,\"cameo_root\":null,\"goldstein\":null,"));
	free(out);
}

static void writes_nothing_without_events(void **state)
{
	char *out = events_of("Nothing happened.", NULL);

	(void)state;
	assert_string_equal(out, "");
	free(out);
}

static void writes_typed_json(void **state)
{
	const char *const texts[] = {"Russia invaded Ukraine.", NULL};
	struct graph *g = test_graph(texts, "2022-02-24");
	char *j = test_write(jsonio_graph, g);

	(void)state;
	assert_non_null(strstr(j, "\"directed\": true"));
	assert_non_null(strstr(j, "\"id\": \"RUS\",\n   \"label\": \"Russia\",\n   \"kind\": \"state\",\n   \"mentions\": 1,"));
	assert_non_null(strstr(j, "\"source\": \"RUS\",\n   \"target\": \"UKR\",\n   \"relation\": \"military_conflict\",\n   \"weight\": 1.0,"));
	assert_non_null(strstr(j, "\"first_seen\": \"2022-02-24\""));
	free(j);
	graph_free(g);
}

/* A record with a tab, a newline, a backslash and a NUL, through a line and back. */
static void reads_back_the_record_it_writes(void **state)
{
	static const char record[] = "date\t\nevent\tx\\n \"q\"\n\0z";
	char *data = NULL, *path = xstrdup("a/b\x01\xff.txt");
	size_t len = 0;
	FILE *fp = open_memstream(&data, &len);
	struct jsonio_record r;
	struct diag err = {{0}};

	(void)state;
	assert_int_equal(jsonio_record(fp, "b", path, record, sizeof record - 1, &err), 0);
	fclose(fp);
	assert_string_equal(data, "{\"format\":2,\"doc\":\"b\",\"path\":\"a/b  .txt\",\"record\":"
				  "\"date\\t\\nevent\\tx\\\\n \\\"q\\\"\\n\\u0000z\"}\n");
	assert_int_equal(jsonio_record_read(data, len - 1, (struct pos){"r.jsonl", 4, 0}, &r, &err), 0);
	assert_string_equal(r.doc, "b");
	assert_string_equal(r.path, "a/b  .txt");
	assert_int_equal(r.len, sizeof record - 1);
	assert_memory_equal(r.record, record, sizeof record - 1);
	jsonio_record_free(&r);
	data[len - 1] = '\t';	/* as a Hadoop Streaming reducer reads it: the line as key, a tab, no value */
	assert_int_equal(jsonio_record_read(data, len, (struct pos){"r.jsonl", 4, 0}, &r, &err), 0);
	assert_int_equal(r.len, sizeof record - 1);
	jsonio_record_free(&r);
	free(data);
	free(path);
}

static void read_record_error(const char *line, const char *msg)
{
	struct jsonio_record r;
	struct diag err = {{0}};

	assert_int_equal(jsonio_record_read(line, strlen(line), (struct pos){"r.jsonl", 7, 0}, &r, &err), -1);
	assert_string_equal(err.msg, msg);
	assert_null(r.doc);
}

static void refuses_a_line_that_is_no_record_at_its_place(void **state)
{
	(void)state;
	read_record_error("{\"format\": 2, \"doc\": \"x\"", "r.jsonl:7:24: '}' expected near end of file");
	read_record_error("{\"format\": 2, \"doc\": \"x\", \"doc\": \"y\"}",
			  "r.jsonl:7:31: duplicate object key near '\"doc\"'");
	read_record_error("{\"format\": 2, \"doc\": \"\", \"path\": \"p\", \"record\": \"\"}",
			  "r.jsonl:7:1: expected a record {\"format\": 2, \"doc\": string, \"path\": string, "
			  "\"record\": string}, as extract --format records writes");
	read_record_error("{\"format\": \"2\", \"doc\": \"x\", \"path\": \"p\", \"record\": \"\"}",
			  "r.jsonl:7:1: expected a record {\"format\": 2, \"doc\": string, \"path\": string, "
			  "\"record\": string}, as extract --format records writes");
	read_record_error("{\"format\": 3, \"doc\": \"x\", \"path\": \"p\", \"record\": \"\"}",
			  "r.jsonl:7:1: a record of format 3, and this actorgraph reads format 2: extract the "
			  "documents again with it");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writes_one_object_per_mention_with_its_evidence),
		cmocka_unit_test(escapes_every_byte_as_jansson_does),
		cmocka_unit_test(writes_a_sentence_once_when_compact),
		cmocka_unit_test(writes_null_for_an_unknown_date),
		cmocka_unit_test(writes_null_codes_for_a_relation_without_cameo),
		cmocka_unit_test(writes_nothing_without_events),
		cmocka_unit_test(writes_typed_json),
		cmocka_unit_test(reads_back_the_record_it_writes),
		cmocka_unit_test(refuses_a_line_that_is_no_record_at_its_place),
	};
	int rc = cmocka_run_group_tests_name("jsonio", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
