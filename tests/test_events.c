/* test_events.c - explaining an edge by the sentences that state it. */
#include "events.h"
#include "helpers.h"

static char *explain(const char *text, const char *src, const char *rel, const char *dst, size_t *found)
{
	struct edge_query q = {src, rel, dst};
	struct test_run r;
	char *data = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&data, &len);

	test_run(text, NULL, &r);
	*found = events_explain(fp, test_schema(), r.d, r.ev, r.ne, &q);
	fclose(fp);
	test_run_free(&r);
	return data;
}

static void explains_an_edge_by_id_or_label(void **state)
{
	size_t n;
	char *out = explain("Quiet.\nRussia invaded Ukraine.", "russia", "military_conflict", "UKR", &n);

	(void)state;
	assert_int_equal(n, 1);
	assert_string_equal(out, "a/doc.txt:2: Russia military_conflict Ukraine (asserted, rule "
				 "military_conflict.verb/subject-object)\n  evidence: Russia invaded Ukraine\n"
				 "  sentence: Russia invaded Ukraine.\n");
	free(out);
}

static void matches_undirected_edges_either_way_and_directed_ones_one_way(void **state)
{
	size_t n;
	char *out;

	(void)state;
	out = explain("Egypt met with Sudan.", "SDN", "talks", "EGY", &n);
	assert_int_equal(n, 1);
	free(out);
	out = explain("Russia invaded Ukraine.", "UKR", "military_conflict", "RUS", &n);
	assert_int_equal(n, 0);
	assert_string_equal(out, "");
	free(out);
}

static void scores_cameo_root_codes_on_the_goldstein_scale(void **state)
{
	char root[3];
	double score;

	(void)state;
	events_cameo_root("163", root);
	assert_string_equal(root, "16");
	events_cameo_root("", root);
	assert_string_equal(root, "");
	assert_true(events_goldstein("16", &score) && score == -4.0);
	assert_true(events_goldstein("07", &score) && score == 7.0);
	assert_true(events_goldstein("13", &score) && score == -4.4);
	assert_true(events_goldstein("20", &score) && score == -10.0);
	assert_false(events_goldstein("21", &score));
	assert_false(events_goldstein("00", &score));
	assert_false(events_goldstein("163", &score));
	assert_false(events_goldstein("", &score));
}

static void writes_events_as_tab_separated_lines(void **state)
{
	struct test_run r;
	char *data = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&data, &len);
	struct diag err = {{0}};

	(void)state;
	test_run("Quiet.\nRussia imposed sanctions on Iran. Egypt could meet with Sudan.", "2024-05-01", &r);
	free(r.d->name);
	r.d->name = xstrdup("a\tb");	/* a tab in a field becomes a space */
	assert_int_equal(events_tsv_header(fp, &err), 0);
	assert_int_equal(events_tsv(fp, test_schema(), r.d, r.ev, r.ne, &err), 0);
	fclose(fp);
	assert_string_equal(data, "document\tdate\tsentence\tsource\tsource_kind\ttarget\ttarget_kind\trelation\t"
				  "cameo\tcameo_root\tgoldstein\thypothetical\trule\n"
				  "a b\t2024-05-01\t2\tRUS\tstate\tIRN\tstate\tsanctions\t163\t16\t-4.0\tfalse\t"
				  "sanctions.verb/subject-object\n"
				  "a b\t2024-05-01\t3\tEGY\tstate\tSDN\tstate\ttalks\t04\t04\t1.0\ttrue\t"
				  "talks.meet/subject-object\n");
	free(data);
	test_run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(explains_an_edge_by_id_or_label),
		cmocka_unit_test(scores_cameo_root_codes_on_the_goldstein_scale),
		cmocka_unit_test(writes_events_as_tab_separated_lines),
		cmocka_unit_test(matches_undirected_edges_either_way_and_directed_ones_one_way),
	};
	int rc = cmocka_run_group_tests_name("events", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
