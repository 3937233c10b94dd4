/* test_tables.c - JSON and CSV of nodes and edges. */
#include "helpers.h"
#include "tables.h"

static void writes_typed_json(void **state)
{
	const char *const texts[] = {"Russia invaded Ukraine.", NULL};
	struct graph *g = test_graph(texts, "2022-02-24");
	char *j = test_write(tables_json, g);

	(void)state;
	assert_non_null(strstr(j, "\"directed\": true"));
	assert_non_null(strstr(j, "\"id\": \"RUS\",\n   \"label\": \"Russia\",\n   \"kind\": \"state\",\n   \"mentions\": 1,"));
	assert_non_null(strstr(j, "\"source\": \"RUS\",\n   \"target\": \"UKR\",\n   \"relation\": \"military_conflict\",\n   \"weight\": 1.0,"));
	assert_non_null(strstr(j, "\"first_seen\": \"2022-02-24\""));
	free(j);
	graph_free(g);
}

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
	assert_non_null(strstr(edges, "\r\ne0,BBB,amp,talks,1.000000,false,1,0,1,04,,,talks.meet/subject-object,#1f77b4\r\n"));
	free(nodes);
	free(edges);
	graph_free(g);
	schema_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writes_typed_json),
		cmocka_unit_test(quotes_csv_fields_that_need_it),
	};
	int rc = cmocka_run_group_tests_name("tables", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
