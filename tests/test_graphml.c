/* test_graphml.c - the GraphML contract: keys, every value, escaping, ids. */
#include "graphml.h"
#include "helpers.h"

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

static void writes_prefixed_typed_keys_and_no_graph_keys(void **state)
{
	const char *const texts[] = {"Russia invaded Ukraine.", NULL};
	struct graph *g = test_graph(texts, "2024-01-02");
	char *x = test_write(graphml_write, g);

	(void)state;
	assert_non_null(strstr(x, "<key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"));
	assert_non_null(strstr(x, "<key id=\"e_asserted\" for=\"edge\" attr.name=\"asserted\" attr.type=\"int\"/>"));
	assert_non_null(strstr(x, "<key id=\"e_directed\" for=\"edge\" attr.name=\"directed\" attr.type=\"boolean\"/>"));
	/* the names Gephi reads as colour and size */
	assert_non_null(strstr(x, "<key id=\"v_color\" for=\"node\" attr.name=\"color\" attr.type=\"string\"/>"));
	assert_non_null(strstr(x, "<key id=\"v_size\" for=\"node\" attr.name=\"size\" attr.type=\"double\"/>"));
	assert_non_null(strstr(x, "<data key=\"e_color\">#602a00</data>"));
	assert_null(strstr(x, "for=\"graph\""));
	assert_null(strstr(x, "attr.name=\"type\""));
	assert_non_null(strstr(x, "<graph id=\"G\" edgedefault=\"directed\">"));
	assert_non_null(strstr(x, "<node id=\"RUS\">"));
	assert_non_null(strstr(x, "<edge id=\"RUS:military_conflict:UKR\" source=\"RUS\" target=\"UKR\">"));
	assert_non_null(strstr(x, "<key id=\"e_doc_count\" for=\"edge\" attr.name=\"doc_count\" attr.type=\"int\"/>"));
	assert_non_null(strstr(x, "<data key=\"e_documents\">t</data>"));
	assert_non_null(strstr(x, "<data key=\"e_first_evidence\">Russia invaded Ukraine.</data>"));
	assert_non_null(strstr(x, "<data key=\"e_first_seen\">2024-01-02</data>"));
	assert_non_null(strstr(x, "<data key=\"e_directed\">true</data>"));
	free(x);
	graph_free(g);
}

static void writes_every_attribute_on_every_element(void **state)
{
	const char *const texts[] = {"Egypt met with Sudan. Egypt condemned Chad.", NULL};
	struct graph *g = test_graph(texts, NULL);
	char *x = test_write(graphml_write, g);
	size_t nattr = 0, eattr = 0;

	(void)state;
	while (graph_node_attrs[nattr].name)
		nattr++;
	while (graph_edge_attrs[eattr].name)
		eattr++;
	assert_int_equal(count(x, "<data key=\"v_"), 3 * nattr);
	assert_int_equal(count(x, "<data key=\"e_"), 2 * eattr);
	assert_null(strstr(x, "nan"));
	assert_null(strstr(x, "inf"));
	free(x);
	graph_free(g);
}

static void escapes_labels(void **state)
{
	struct diag err = {{0}};
	struct schema *s = schema_load("tests/data/schema/escape", &err);
	const char *const texts[] = {"Smith Sons met Bland.", NULL};
	struct graph *g;
	char *x;

	(void)state;
	assert_non_null(s);
	g = test_graph_with(s, texts, NULL);
	x = test_write(graphml_write, g);
	assert_non_null(strstr(x, "Smith &amp; Sons &lt;Ltd&gt; &quot;Q&quot; C:\\new"));
	free(x);
	graph_free(g);
	schema_free(s);
}

static void cleans_what_xml_cannot_hold(void **state)
{
	struct schema *s;
	struct graph *g = test_dirty_graph(&s);
	char *x = test_write(graphml_write, g);

	(void)state;
	assert_non_null(strstr(x, "<data key=\"v_label\">Dirty   Co</data>"));
	assert_true(test_xml_parses(x));
	free(x);
	graph_free(g);
	schema_free(s);
}

/* The layout libxml2's writer gave, which the direct writer keeps: an
 * element with no children closes itself; text keeps its tabs. */
static void writes_the_layout_of_libxml2(void **state)
{
	const char *const none[] = {"Nothing here.", NULL};
	const char *const lines[] = {"Russia invaded\tUkraine & more.", NULL};
	struct graph *g = test_graph(none, NULL);
	char *x = test_write(graphml_write, g);

	(void)state;
	assert_non_null(strstr(x, "  <graph id=\"G\" edgedefault=\"directed\"/>\n</graphml>\n"));
	assert_true(test_xml_parses(x));
	free(x);
	graph_free(g);
	g = test_graph(lines, NULL);
	x = test_write(graphml_write, g);
	assert_non_null(strstr(x, "    <node id=\"RUS\">\n      <data key=\"v_label\">Russia</data>\n"));
	assert_non_null(strstr(x, "<data key=\"e_first_evidence\">Russia invaded\tUkraine &amp; more.</data>\n"));
	assert_non_null(strstr(x, "    </edge>\n  </graph>\n</graphml>\n"));
	assert_true(test_xml_parses(x));
	free(x);
	graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writes_prefixed_typed_keys_and_no_graph_keys),
		cmocka_unit_test(writes_every_attribute_on_every_element),
		cmocka_unit_test(escapes_labels),
		cmocka_unit_test(cleans_what_xml_cannot_hold),
		cmocka_unit_test(writes_the_layout_of_libxml2),
	};
	int rc = cmocka_run_group_tests_name("graphml", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
