/* test_tables.c - CSV of nodes and edges, and the stats table. */
#include "helpers.h"
#include "tables.h"

static void quotes_csv_fields_that_need_it(void **state)
{
	struct diag err = {{0}};
	struct schema *s = schema_load("tests/data/schema/escape", &err);
	const char *const texts[] = {"Smith Sons met Bland.", NULL};
	struct graph *g = test_graph_with(s, texts, NULL);
	char *nodes = test_write(tables_nodes_csv, g), *edges = test_write(tables_edges_csv, g);

	(void)state;
	assert_true(strncmp(nodes, "id,label,kind,mentions,", 23) == 0);
	assert_non_null(strstr(nodes, "\r\namp,\"Smith & Sons <Ltd> \"\"Q\"\" C:\\new\",organization,1,"));
	assert_true(strncmp(edges, "id,source,target,relation,weight,directed,", 42) == 0);
	assert_non_null(strstr(edges, "\r\nBBB:talks:amp,BBB,amp,talks,1.000000,false,1,0,1,04,,,talks.meet/subject-object,#0072b2,t,1,"
				   "Smith Sons met Bland.,Smith Sons met Bland.\r\n"));
	free(nodes);
	free(edges);
	graph_free(g);
	schema_free(s);
}

static int stats_text(FILE *fp, const struct graph *g, struct diag *err)
{
	return tables_stats(fp, g, false, err);
}

static void prints_stats_by_pagerank_with_the_balance(void **state)
{
	static const char head[] = "actor                       kind             degree";
	const char *const texts[] = {"Egypt met with Sudan. Egypt met with Chad.", NULL};
	struct graph *g = test_graph(texts, NULL);
	char *data = test_write(stats_text, g);

	(void)state;
	assert_true(strncmp(data, head, sizeof head - 1) == 0);
	assert_non_null(strstr(data, "\nEgypt                       state                 2"));
	assert_non_null(strstr(data, "structural balance: 0 triads balanced, 0 unbalanced\n"));
	free(data);
	graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quotes_csv_fields_that_need_it),
		cmocka_unit_test(prints_stats_by_pagerank_with_the_balance),
	};
	int rc = cmocka_run_group_tests_name("tables", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
