/* test_graph.c - aggregation into igraph: one node per actor, one edge per relation. */
#include "helpers.h"

static void aggregates_mentions_into_counted_edges(void **state)
{
	const char *const texts[] = {
		"Russia invaded Ukraine. Russia attacked Ukraine again.",
		"Russia could attack Ukraine. Egypt met with Sudan.", NULL
	};
	struct graph *g = test_graph(texts, "2024-05-01");
	long e = test_edge(g, "military_conflict", "RUS", "UKR");

	(void)state;
	assert_int_equal(graph_node_count(g), 4);
	assert_int_equal(graph_edge_count(g), 2);
	assert_true(e >= 0);
	assert_int_equal((int)graph_num(g, true, (size_t)e, "asserted"), 2);
	assert_int_equal((int)graph_num(g, true, (size_t)e, "hypothetical"), 1);
	assert_true(graph_num(g, true, (size_t)e, "weight") == 2.5);
	assert_true(graph_bool(g, true, (size_t)e, "directed"));
	assert_string_equal(graph_str(g, true, (size_t)e, "first_seen"), "2024-05-01");
	assert_string_equal(graph_str(g, true, (size_t)e, "rules"),
			    "military_conflict.verb/subject-object");
	assert_false(graph_bool(g, true, (size_t)test_edge(g, "talks", "EGY", "SDN"), "directed"));
	assert_int_equal((int)graph_num(g, false, test_node(g, "RUS"), "mentions"), 3);
	assert_string_equal(graph_str(g, false, test_node(g, "RUS"), "kind"), "state");
	graph_free(g);
}

static void sorts_nodes_and_edges_by_id(void **state)
{
	const char *const texts[] = {"Sudan met with Egypt. Japan condemned Chad.", NULL};
	struct graph *g = test_graph(texts, NULL);
	size_t f, t;

	(void)state;
	assert_string_equal(graph_str(g, false, 0, "id"), "EGY");
	assert_string_equal(graph_str(g, false, 3, "id"), "TCD");
	assert_string_equal(graph_str(g, true, 0, "relation"), "criticism");
	graph_edge_ends(g, 1, &f, &t);
	assert_string_equal(graph_str(g, false, f, "id"), "EGY");
	assert_string_equal(graph_str(g, true, 1, "first_seen"), "");	/* undated */
	graph_free(g);
}

static void builds_an_empty_graph(void **state)
{
	const char *const texts[] = {"Nothing here.", NULL};
	struct graph *g = test_graph(texts, NULL);

	(void)state;
	assert_int_equal(graph_node_count(g), 0);
	assert_int_equal(graph_edge_count(g), 0);
	graph_free(g);
}

static void folds_persons_into_what_they_lead_on_the_documents_date(void **state)
{
	const char *const texts[] = {
		"President Donald Trump met Kim Jong Un. Victor Cha, a fellow at the Stimson Center, "
		"criticized Japan.", NULL
	};
	struct graph *g = test_graph_at(test_schema(), LEVEL_STATE, texts, "2019-02-27");
	struct graph *g2023 = test_graph_at(test_schema(), LEVEL_STATE, texts, "2023-06-01");

	(void)state;
	assert_true(test_edge(g, "talks", "PRK", "USA") >= 0);
	assert_true(test_edge(g, "criticism", "stimson_center", "JPN") >= 0);
	assert_true(test_edge(g, "affiliation", "victor_cha", "stimson_center") < 0);	/* folded away */
	assert_int_equal(graph_edge_count(g), 2);
	/* in 2023 Trump led nothing: he stays a person */
	assert_true(test_edge(g2023, "talks", "PRK", "donald_trump") >= 0);
	graph_free(g);
	graph_free(g2023);
}

static void filters_relations_weights_top_actors_and_ego_networks(void **state)
{
	const char *const texts[] = {
		"Egypt met with Sudan. Egypt met with Sudan again. Egypt condemned Chad. "
		"Chad met with Libya. Japan met with Vietnam.", NULL
	};
	struct diag err = {{0}};
	struct graph *g = test_graph(texts, NULL);
	struct graph_filter by_type = {.relations = "talks"}, heavy = {.min_weight = 2},
			    ego = {.ego = "Egypt", .depth = 1}, top = {.top = 2}, nobody = {.ego = "Peru"};

	(void)state;
	assert_int_equal(graph_filter_edges(g, &by_type, &err), 0);
	assert_int_equal(graph_edge_count(g), 3);
	assert_int_equal(graph_node_count(g), 6);	/* Chad stays: it meets Libya */
	assert_int_equal(graph_filter_edges(g, &heavy, &err), 0);
	assert_int_equal(graph_edge_count(g), 1);
	assert_int_equal(graph_node_count(g), 2);	/* only Egypt and Sudan are left */
	graph_free(g);

	g = test_graph(texts, NULL);
	assert_int_equal(graph_select(g, &ego, &err), 0);
	assert_int_equal(graph_node_count(g), 3);	/* Egypt, Sudan, Chad; not Libya */
	graph_free(g);
	g = test_graph(texts, NULL);
	assert_int_equal(graph_select(g, &top, &err), 0);
	assert_int_equal(graph_node_count(g), 2);
	assert_int_equal(graph_select(g, &nobody, &err), -1);
	assert_string_equal(err.msg, "no actor 'Peru' in the graph (give an id or a label)");
	graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(aggregates_mentions_into_counted_edges),
		cmocka_unit_test(sorts_nodes_and_edges_by_id),
		cmocka_unit_test(builds_an_empty_graph),
		cmocka_unit_test(folds_persons_into_what_they_lead_on_the_documents_date),
		cmocka_unit_test(filters_relations_weights_top_actors_and_ego_networks),
	};
	int rc = cmocka_run_group_tests_name("graph", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
