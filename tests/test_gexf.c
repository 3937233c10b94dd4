/* test_gexf.c - GEXF 1.3: mixed edge types, kinds, spells, viz. */
#include "gexf.h"
#include "helpers.h"

static int gexf_days(FILE *fp, const struct graph *g, struct diag *err)
{
	return gexf_write(fp, g, false, err);
}

/* Every node at a position, the same one each time the graph is written. */
static void lays_out_every_node_the_same_each_time(void **state)
{
	const char *const texts[] = {"Russia invaded Ukraine. Egypt could meet with Sudan. China met Russia.", NULL};
	struct graph *g = test_graph(texts, NULL);
	char *x = test_write(gexf_days, g), *again = test_write(gexf_days, g);
	size_t positions = 0;

	(void)state;
	for (const char *p = x; (p = strstr(p, "<viz:position x=\"")); p++)
		positions++;
	assert_int_equal(positions, graph_node_count(g));
	assert_true(positions >= 5);
	assert_null(strstr(x, "x=\"nan\""));
	assert_string_equal(x, again);
	free(x);
	free(again);
	graph_free(g);
}

static void writes_a_mixed_graph_with_kinds_and_types(void **state)
{
	const char *const texts[] = {"Russia invaded Ukraine. Egypt could meet with Sudan.", NULL};
	struct graph *g = test_graph(texts, NULL);
	char *x = test_write(gexf_days, g);

	(void)state;
	assert_non_null(strstr(x, "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">"));
	assert_non_null(strstr(x, "<graph mode=\"static\">"));	/* no defaultedgetype */
	assert_non_null(strstr(x, "type=\"undirected\" kind=\"talks\" label=\"talks\" weight=\"0.500000\""));
	assert_non_null(strstr(x, "type=\"directed\" kind=\"military_conflict\""));
	assert_non_null(strstr(x, "<attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>"));
	assert_non_null(strstr(x, "<viz:shape value=\"dashed\"/>"));	/* the hypothetical talks */
	assert_null(strstr(x, "<spells>"));
	free(x);
	graph_free(g);
}

static void gives_dated_elements_one_spell_per_date(void **state)
{
	const char *const texts[] = {"Russia invaded Ukraine.", NULL};
	struct graph *a = test_graph(texts, "2022-02-24");
	char *x = test_write(gexf_days, a);

	(void)state;
	assert_non_null(strstr(x, "<graph mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\">"));
	assert_non_null(strstr(x, "<spell start=\"2022-02-24\" end=\"2022-02-24\"/>"));
	free(x);
	graph_free(a);
}

static void cleans_what_xml_cannot_hold(void **state)
{
	struct schema *s;
	struct graph *g = test_dirty_graph(&s);
	char *x = test_write(gexf_days, g);

	(void)state;
	assert_non_null(strstr(x, "<node id=\"dirty\" label=\"Dirty   Co\">"));
	assert_true(test_xml_parses(x));
	free(x);
	graph_free(g);
	schema_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lays_out_every_node_the_same_each_time),
		cmocka_unit_test(writes_a_mixed_graph_with_kinds_and_types),
		cmocka_unit_test(gives_dated_elements_one_spell_per_date),
		cmocka_unit_test(cleans_what_xml_cannot_hold),
	};
	int rc = cmocka_run_group_tests_name("gexf", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
