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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(explains_an_edge_by_id_or_label),
		cmocka_unit_test(matches_undirected_edges_either_way_and_directed_ones_one_way),
	};
	int rc = cmocka_run_group_tests_name("events", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
