/* test_analysis.c - centralities and communities on small known graphs. */
#include <math.h>

#include "helpers.h"

static void ranks_the_hub_of_a_star_first(void **state)
{
	const char *const texts[] = {
		"Egypt met with Sudan. Egypt met with Chad. Egypt met with Libya. Egypt met with Kenya.", NULL
	};
	struct graph *g = test_graph(texts, NULL);
	size_t hub = test_node(g, "EGY"), leaf = test_node(g, "SDN");

	(void)state;
	assert_int_equal((int)graph_num(g, false, hub, "degree"), 4);
	assert_true(graph_num(g, false, hub, "strength") == 4.0);
	assert_true(graph_num(g, false, hub, "pagerank") > graph_num(g, false, leaf, "pagerank"));
	assert_true(graph_num(g, false, hub, "betweenness") > 0);
	assert_true(graph_num(g, false, leaf, "betweenness") == 0);
	assert_true(fabs(graph_num(g, false, hub, "eigenvector") - 1.0) < 1e-9);
	graph_free(g);
}

static void separates_two_disconnected_groups(void **state)
{
	const char *const texts[] = {
		"Egypt met with Sudan. Sudan met with Chad. Egypt met with Chad. "
		"Japan met with Vietnam. Vietnam met with Thailand. Japan met with Thailand.", NULL
	};
	struct graph *g = test_graph(texts, NULL);

	(void)state;
	assert_true(graph_num(g, false, test_node(g, "EGY"), "community") ==
		    graph_num(g, false, test_node(g, "TCD"), "community"));
	assert_true(graph_num(g, false, test_node(g, "EGY"), "community") !=
		    graph_num(g, false, test_node(g, "JPN"), "community"));
	graph_free(g);
}

static void gives_finite_values_to_isolated_actors(void **state)
{
	const char *const texts[] = {"Egypt and Japan were quiet.", NULL};
	struct graph *g = test_graph(texts, NULL);

	(void)state;
	for (size_t v = 0; v < graph_node_count(g); v++) {
		assert_true(isfinite(graph_num(g, false, v, "eigenvector")));
		assert_true(isfinite(graph_num(g, false, v, "pagerank")));
		assert_true(graph_num(g, false, v, "betweenness") == 0);
	}
	graph_free(g);
}

static void finds_friends_foes_and_unbalanced_triads(void **state)
{
	const char *const texts[] = {
		"Egypt allied with Sudan. Sudan allied with Chad. Egypt attacked Chad. "
		"Japan allied with Vietnam. Vietnam attacked Thailand. Japan attacked Thailand.", NULL
	};
	struct graph *g = test_graph(texts, NULL);
	struct triad *unb;
	size_t balanced, n = analysis_balance(g, &balanced, &unb);

	(void)state;
	assert_int_equal((int)graph_num(g, false, test_node(g, "EGY"), "friends"), 1);
	assert_int_equal((int)graph_num(g, false, test_node(g, "EGY"), "foes"), 1);
	/* Japan-Vietnam +, Vietnam-Thailand -, Japan-Thailand -: the enemy of my friend is my enemy */
	assert_int_equal(balanced, 1);
	assert_int_equal(n, 1);
	assert_string_equal(graph_str(g, false, unb[0].v[0], "id"), "EGY");
	assert_string_equal(graph_str(g, false, unb[0].v[2], "id"), "TCD");
	free(unb);
	graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ranks_the_hub_of_a_star_first),
		cmocka_unit_test(separates_two_disconnected_groups),
		cmocka_unit_test(gives_finite_values_to_isolated_actors),
		cmocka_unit_test(finds_friends_foes_and_unbalanced_triads),
	};
	int rc = cmocka_run_group_tests_name("analysis", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
