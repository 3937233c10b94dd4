/* test_diff.c - the differences of two graphs read back from GraphML. */
#include "helpers.h"

#include "diff.h"

#define OUT "tests/out/diff"

/* A GraphML as build writes it, with the attributes diff reads: nodes
 * "ID PAGERANK DEGREE", edges "RELATION SOURCE TARGET WEIGHT SIGN", one a
 * line each. Returns its path (static: one at a time). */
static const char *graphml(const char *name, const char *nodes, const char *edges)
{
	static char path[256];
	char id[64], rel[64], src[64], dst[64];
	double rank, weight;
	int degree, sign, used;
	FILE *fp;
	struct diag err = {{0}};

	assert_int_equal(make_dirs(OUT, &err), 0);
	snprintf(path, sizeof path, OUT "/%s.graphml", name);
	assert_non_null(fp = fopen(path, "w"));
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
	      "<key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
	      "<key id=\"v_kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
	      "<key id=\"v_degree\" for=\"node\" attr.name=\"degree\" attr.type=\"int\"/>\n"
	      "<key id=\"v_pagerank\" for=\"node\" attr.name=\"pagerank\" attr.type=\"double\"/>\n"
	      "<key id=\"e_relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
	      "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
	      "<key id=\"e_directed\" for=\"edge\" attr.name=\"directed\" attr.type=\"boolean\"/>\n"
	      "<key id=\"e_sign\" for=\"edge\" attr.name=\"sign\" attr.type=\"int\"/>\n"
	      "<graph id=\"G\" edgedefault=\"directed\">\n", fp);
	for (const char *p = nodes; sscanf(p, "%63s %lf %d\n%n", id, &rank, &degree, &used) == 3; p += used)
		fprintf(fp, "<node id=\"%s\"><data key=\"v_label\">L%s</data><data key=\"v_kind\">state</data>"
			"<data key=\"v_degree\">%d</data><data key=\"v_pagerank\">%.6f</data></node>\n",
			id, id, degree, rank);
	for (const char *p = edges; sscanf(p, "%63s %63s %63s %lf %d\n%n", rel, src, dst, &weight, &sign, &used) == 5;
	     p += used)
		fprintf(fp, "<edge source=\"%s\" target=\"%s\"><data key=\"e_relation\">%s</data>"
			"<data key=\"e_weight\">%.6f</data><data key=\"e_directed\">true</data>"
			"<data key=\"e_sign\">%d</data></edge>\n", src, dst, rel, weight, sign);
	fputs("</graph>\n</graphml>\n", fp);
	assert_int_equal(fclose(fp), 0);
	return path;
}

static struct graph *load(const char *path)
{
	struct diag err = {{0}};
	struct graph *g = graph_load(path, &err);

	if (!g)
		fail_msg("%s", err.msg);
	return g;
}

static const char *const nodes_ab = "A 0.5 1\nB 0.5 1\n";

static void identical_graphs_have_no_changes(void **state)
{
	struct graph *g = load(graphml("same", nodes_ab, "talks A B 1 0\n"));
	struct diag err = {{0}};
	struct diff d;
	char out[64] = "";
	FILE *fp = fmemopen(out, sizeof out, "w");

	(void)state;
	assert_int_equal(diff_run(&d, g, "a", g, "b", &err), 0);
	assert_true(diff_is_empty(&d));
	assert_int_equal(diff_write(fp, &d, &err), 0);
	fclose(fp);
	assert_string_equal(out, "no changes\n");
	diff_destroy(&d);
	graph_free(g);
}

static void finds_actors_and_edges_added_and_removed_conflict_first(void **state)
{
	struct graph *old = load(graphml("old", "A 0.4 1\nB 0.3 2\nC 0.3 1\n", "talks A B 1 0\npact B C 1 1\n"));
	struct graph *new = load(graphml("new", "A 0.4 1\nB 0.3 3\nD 0.3 2\nE 0 0\n",
					 "talks A B 1 0\naid B D 1 1\nsanctions D B 2 -1\nwar B D 1 -1\n"));
	struct diag err = {{0}};
	struct diff d;

	(void)state;
	assert_int_equal(diff_run(&d, old, "old", new, "new", &err), 0);
	assert_int_equal(d.nadded, 2);
	assert_string_equal(d.added[0].id, "D");
	assert_string_equal(d.added[1].label, "LE");
	assert_int_equal(d.nremoved, 1);
	assert_string_equal(d.removed[0].id, "C");
	assert_int_equal(d.nedges_added, 3);
	assert_string_equal(d.edges_added[0].relation, "sanctions");
	assert_int_equal(d.edges_added[0].new_weight, 2);
	assert_string_equal(d.edges_added[1].relation, "war");
	assert_string_equal(d.edges_added[2].relation, "aid");
	assert_int_equal(d.nedges_removed, 1);
	assert_string_equal(d.edges_removed[0].target, "C");
	assert_int_equal(d.nreweighted, 0);
	assert_int_equal(d.ndegree_movers, 1);	/* B; D and C are added and removed, not moved */
	assert_int_equal(d.degree_movers[0].new_degree - d.degree_movers[0].old_degree, 1);
	assert_int_equal(d.nrank_movers, 0);
	diff_destroy(&d);
	graph_free(new);
	graph_free(old);
}

static void lists_weights_changed_and_at_most_ten_movers_largest_first(void **state)
{
	struct buf before = {0}, after = {0};
	struct graph *old, *new;
	struct diag err = {{0}};
	struct diff d;

	(void)state;
	for (int i = 0; i < 12; i++) {	/* N00 moves least, N11 most; N05 and N06 alike */
		buf_printf(&before, "N%02d 0.1 %d\n", i, i);
		buf_printf(&after, "N%02d %.6f %d\n", i, 0.1 + (i == 6 ? 5 : i) * 0.01, i == 3 ? 0 : i);
	}
	old = load(graphml("before", before.data, "talks N00 N01 1 0\npact N01 N02 2 1\n"));
	new = load(graphml("after", after.data, "talks N00 N01 1.5 0\npact N01 N02 2 1\n"));
	assert_int_equal(diff_run(&d, old, "before", new, "after", &err), 0);
	assert_int_equal(d.nreweighted, 1);
	assert_string_equal(d.reweighted[0].relation, "talks");
	assert_true(d.reweighted[0].old_weight == 1 && d.reweighted[0].new_weight == 1.5);
	assert_int_equal(d.nrank_movers, DIFF_MOVERS);
	assert_string_equal(d.rank_movers[0].id, "N11");
	assert_string_equal(d.rank_movers[5].id, "N05");
	assert_string_equal(d.rank_movers[6].id, "N06");
	assert_string_equal(d.rank_movers[9].id, "N02");
	assert_int_equal(d.ndegree_movers, 1);
	assert_string_equal(d.degree_movers[0].id, "N03");
	diff_destroy(&d);
	graph_free(new);
	graph_free(old);
	free(before.data);
	free(after.data);
}

static void rejects_a_graph_without_scores(void **state)
{
	struct diag err = {{0}};
	struct graph *g = load(graphml("scored", nodes_ab, "")), *bare;
	FILE *fp = fopen(OUT "/bare.graphml", "w");
	struct diff d;

	(void)state;
	fputs("<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
	      "<key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
	      "<key id=\"v_kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
	      "<graph edgedefault=\"directed\"><node id=\"A\"><data key=\"v_label\">A</data>"
	      "<data key=\"v_kind\">state</data></node></graph></graphml>\n", fp);
	fclose(fp);
	bare = load(OUT "/bare.graphml");
	assert_int_equal(diff_run(&d, g, "scored", bare, OUT "/bare.graphml", &err), -1);
	assert_string_equal(err.msg, OUT "/bare.graphml: no node pagerank or degree: not a graph that build wrote");
	diff_destroy(&d);
	graph_free(bare);
	graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(identical_graphs_have_no_changes),
		cmocka_unit_test(finds_actors_and_edges_added_and_removed_conflict_first),
		cmocka_unit_test(lists_weights_changed_and_at_most_ten_movers_largest_first),
		cmocka_unit_test(rejects_a_graph_without_scores),
	};

	test_igraph_setup();
	return cmocka_run_group_tests_name("diff", tests, NULL, NULL);
}
