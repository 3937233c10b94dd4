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

/* The net sign of pair (a, b) the slow way: every edge's signed weight. */
static int pair_sign(const struct graph *g, size_t a, size_t b)
{
	double net = 0;

	for (size_t e = 0; e < graph_edge_count(g); e++) {
		size_t from, to;

		graph_edge_ends(g, e, &from, &to);
		if ((from == a && to == b) || (from == b && to == a))
			net += graph_num(g, true, e, "sign") * graph_num(g, true, e, "weight");
	}
	return net > 0 ? 1 : net < 0 ? -1 : 0;
}

/* The analyses left out leave no attribute, and the writers declare none. */
static void runs_only_the_analyses_chosen(void **state)
{
	const char *const texts[] = {"Russia attacked Ukraine. China met with Russia. Iran met with Russia.", NULL};
	struct graph *g = test_graph_built(test_schema(), LEVEL_ACTOR, texts, NULL);
	struct attr_def defs[GRAPH_NODE_ATTRS + 1];
	struct diag err = {{0}};
	size_t n = 0;

	(void)state;
	assert_int_equal(analysis_run(g, ANALYSIS_KCORE | ANALYSIS_BALANCE, &err), 0);
	assert_true(graph_has(g, false, "kcore") && graph_has(g, false, "foes") && graph_has(g, false, "friends"));
	assert_true(graph_has(g, false, "pagerank") && graph_has(g, false, "community") && graph_has(g, false, "size"));
	assert_false(graph_has(g, false, "betweenness") || graph_has(g, false, "closeness") ||
		     graph_has(g, false, "eigenvector"));
	graph_node_defs(g, defs);
	while (defs[n].name)
		assert_false(analysis_of(defs[n++].name) & ~(unsigned)(ANALYSIS_KCORE | ANALYSIS_BALANCE));
	assert_int_equal(n, GRAPH_NODE_ATTRS - 3);
	assert_int_equal(analysis_bit("closeness"), ANALYSIS_CLOSENESS);
	assert_int_equal(analysis_bit("pagerank"), 0);	/* always found: not to choose */
	assert_int_equal(analysis_of("foes"), ANALYSIS_BALANCE);
	graph_free(g);
}

static void counts_every_signed_triangle_once(void **state)
{
	const char *const texts[] = {
		"Egypt allied with Sudan. Sudan attacked Chad. Egypt attacked Chad. Libya attacked Egypt. "
		"Libya allied with Sudan. Chad allied with Libya. Kenya attacked Libya. Kenya attacked Egypt. "
		"Kenya allied with Sudan. Kenya attacked Chad. Ethiopia allied with Kenya. Ethiopia attacked Sudan. "
		"Ethiopia attacked Egypt. Ethiopia allied with Egypt. Ethiopia allied with Egypt. Niger met with Chad.", NULL
	};
	struct graph *g = test_graph(texts, NULL);
	size_t nv = graph_node_count(g), balanced, want_balanced = 0, want = 0, k = 0;
	struct triad *unb;
	size_t n = analysis_balance(g, &balanced, &unb);

	(void)state;
	for (size_t a = 0; a < nv; a++)
		for (size_t b = a + 1; b < nv; b++)
			for (size_t c = b + 1; c < nv; c++) {
				int ab = pair_sign(g, a, b), bc = pair_sign(g, b, c), ac = pair_sign(g, a, c);

				if (!ab || !bc || !ac)
					continue;
				if (ab * bc * ac > 0) {
					want_balanced++;
					continue;
				}
				want++;
				/* listed in order of their vertices, with their sides' signs */
				assert_true(k < n);
				assert_int_equal(unb[k].v[0], a);
				assert_int_equal(unb[k].v[1], b);
				assert_int_equal(unb[k].v[2], c);
				assert_int_equal(unb[k].sign[0], ab);
				assert_int_equal(unb[k].sign[1], bc);
				assert_int_equal(unb[k].sign[2], ac);
				k++;
			}
	assert_true(want_balanced > 2 && want > 2);
	assert_int_equal(balanced, want_balanced);
	assert_int_equal(n, want);
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
		cmocka_unit_test(counts_every_signed_triangle_once),
		cmocka_unit_test(runs_only_the_analyses_chosen),
	};
	int rc = cmocka_run_group_tests_name("analysis", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
