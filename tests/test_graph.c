/* test_graph.c - aggregation into igraph: one node per actor, one edge per relation. */
#include "helpers.h"

#include "graphml.h"

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

/* A document of the graph below: its name, date (or NULL) and text. */
struct named_doc {
	const char *name, *date, *text;
};

/* The built graph of the n documents, added in that order or in reverse;
 * with 'parts', document i goes to a graph of its own, part i % parts,
 * which is dumped, undumped and absorbed into the whole (as build's chunks). */
static struct graph *graph_in_parts(const struct named_doc *docs, size_t n, bool reverse, size_t parts)
{
	struct schema *s = test_schema();
	struct matcher *m = actors_new(s);
	struct extractor *x = relations_new(s, actors_words(m));
	struct graph *g = graph_new(s, LEVEL_ACTOR), *part[4] = {NULL};
	struct diag err = {{0}};

	test_igraph_setup();
	assert_true(parts <= 4);
	for (size_t k = 0; k < parts; k++)
		part[k] = graph_new(s, LEVEL_ACTOR);
	for (size_t i = 0; i < n; i++) {
		const struct named_doc *nd = &docs[reverse ? n - 1 - i : i];
		struct doc *d = text_parse("t.txt", nd->name, nd->date, xstrdup(nd->text), strlen(nd->text));
		struct mention *men;
		struct event *ev;
		int *words;
		size_t nm = actors_find(m, d, &men, &words), ne = relations_find(x, d, words, men, nm, &ev);

		test_graph_add(parts ? part[i % parts] : g, d, men, nm, ev, ne);
		free(words);
		free(men);
		free(ev);
		text_free(d);
	}
	for (size_t k = 0; k < parts; k++) {
		struct buf dump = {0};
		struct graph *again = graph_new(s, LEVEL_ACTOR);

		graph_dump(part[k], &dump);
		assert_true(graph_undump(again, s, dump.data, dump.len));
		graph_absorb(g, again);
		graph_free(again);
		graph_free(part[k]);
		free(dump.data);
	}
	if (graph_build(g, &err) < 0)
		fail_msg("%s", err.msg);
	relations_free(x);
	actors_free(m);
	return g;
}

static struct graph *graph_of(const struct named_doc *docs, size_t n, bool reverse)
{
	return graph_in_parts(docs, n, reverse, 0);
}

static void keeps_the_documents_and_evidence_of_each_edge_in_any_order(void **state)
{
	const struct named_doc docs[] = {
		{"b", NULL, "Russia invaded Ukraine again."},
		{"a|x\\", NULL, "Russia invaded Ukraine. Russia attacked Ukraine."},
		{"c", "2024-05-02", "Russia attacked Ukraine in May."},
		{"d", "2024-05-01", "Egypt met with Sudan. Russia attacked Ukraine on May 1."},
		{"a", "2024-05-02", "Russia invaded Ukraine in spring. Egypt met with Sudan."},
	};

	(void)state;
	for (int reverse = 0; reverse < 2; reverse++) {
		struct graph *g = graph_of(docs, 5, reverse);
		long e = test_edge(g, "military_conflict", "RUS", "UKR");

		assert_true(e >= 0);
		assert_string_equal(graph_str(g, true, (size_t)e, "id"), "RUS:military_conflict:UKR");
		/* sorted names, '|' and '\\' escaped, a document counted once */
		assert_string_equal(graph_str(g, true, (size_t)e, "documents"), "a|a\\|x\\\\|b|c|d");
		assert_int_equal((int)graph_num(g, true, (size_t)e, "doc_count"), 5);
		/* by date, then name: "d" is the earliest; undated last, by name, then place */
		assert_string_equal(graph_str(g, true, (size_t)e, "first_evidence"), "Russia attacked Ukraine on May 1.");
		assert_string_equal(graph_str(g, true, (size_t)e, "last_evidence"), "Russia invaded Ukraine again.");
		e = test_edge(g, "talks", "EGY", "SDN");
		assert_string_equal(graph_str(g, true, (size_t)e, "documents"), "a|d");
		assert_string_equal(graph_str(g, true, (size_t)e, "first_evidence"), "Egypt met with Sudan.");
		assert_string_equal(graph_str(g, true, (size_t)e, "last_evidence"), "Egypt met with Sudan.");
		graph_free(g);
	}
}

static void names_the_first_documents_and_counts_them_all(void **state)
{
	struct named_doc docs[GRAPH_DOCS_MAX + 5];
	char names[GRAPH_DOCS_MAX + 5][8];
	struct buf want = {0};
	struct graph *g;

	(void)state;
	for (size_t i = 0; i < GRAPH_DOCS_MAX + 5; i++) {
		snprintf(names[i], sizeof names[i], "d%02zu", GRAPH_DOCS_MAX + 4 - i);	/* the last first */
		docs[i] = (struct named_doc){names[i], NULL, "Russia invaded Ukraine."};
	}
	for (size_t i = 0; i < GRAPH_DOCS_MAX; i++)
		buf_printf(&want, "%sd%02zu", i ? "|" : "", i);
	g = graph_of(docs, GRAPH_DOCS_MAX + 5, false);
	assert_string_equal(graph_str(g, true, 0, "documents"), want.data);
	assert_int_equal((int)graph_num(g, true, 0, "doc_count"), GRAPH_DOCS_MAX + 5);
	free(want.data);
	graph_free(g);
}

static void adds_graphs_of_parts_as_their_documents(void **state)
{
	const struct named_doc docs[] = {
		{"b\tx", NULL, "Russia invaded Ukraine again.\nEgypt may attack Sudan."},
		{"a|x\\", "2024-05-03", "Foreign Minister Jan Kowalski met Sergei Lavrov. Jan Kowalski condemned Egypt."},
		{"c", "2024-05-02", "Russia attacked Ukraine in May. Egypt could attack Sudan."},
		{"d", "2024-05-01", "Egypt met with Sudan. Russia attacked Ukraine on May 1."},
		{"e", "2024-05-02", "Russia invaded Ukraine in spring. Jan Kowalski met Sergei Lavrov in Cairo."},
	};
	struct graph *whole = graph_of(docs, 5, false);
	char *want = test_write(graphml_write, whole);

	(void)state;
	assert_true(test_edge(whole, "criticism", "jan_kowalski", "EGY") >= 0);	/* an actor a text introduced */
	for (size_t parts = 1; parts <= 3; parts++) {
		struct graph *g = graph_in_parts(docs, 5, parts == 2, parts);
		char *got = test_write(graphml_write, g);

		assert_string_equal(got, want);
		free(got);
		graph_free(g);
	}
	free(want);
	graph_free(whole);
}

static void refuses_a_dump_it_did_not_write(void **state)
{
	struct schema *s = test_schema();
	struct graph *seed = graph_new(s, LEVEL_ACTOR);
	struct diag err = {{0}};
	char *data;
	size_t len;
	const char *const bad[] = {
		"documents\t1\nmention\tNOSUCH\t2\t\n", "edge\ttalks\tEGY\tSDN\t1\t0\t0x1p+0\t1\t\t\n",
		"documents\t1\ndoc\ta\n", "mention\tEGY\t2\t20240230x\n", "documents\tmany\n",
		"documents\t1\nedge\ttalks\tEGY\tSDN\t1\t0\t-1\t1\tr\t\n", "documents\t1",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct graph *g = graph_new(s, LEVEL_ACTOR);
		char *dump = xstrdup(bad[i]);

		if (graph_undump(g, s, dump, strlen(dump)))
			fail_msg("dump %zu was taken", i);
		free(dump);
		graph_free(g);
	}
	/* the fuzzer's seed is a dump it takes, escapes and an actor a text introduced included */
	assert_int_equal(read_file("tests/fuzz/undump/seed.dump", SIZE_MAX, &data, &len, &err), 0);
	assert_true(graph_undump(seed, s, data, len));
	assert_int_equal(graph_build(seed, &err), 0);
	assert_int_equal(graph_edge_count(seed), 2);
	free(data);
	graph_free(seed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(aggregates_mentions_into_counted_edges),
		cmocka_unit_test(sorts_nodes_and_edges_by_id),
		cmocka_unit_test(builds_an_empty_graph),
		cmocka_unit_test(folds_persons_into_what_they_lead_on_the_documents_date),
		cmocka_unit_test(filters_relations_weights_top_actors_and_ego_networks),
		cmocka_unit_test(keeps_the_documents_and_evidence_of_each_edge_in_any_order),
		cmocka_unit_test(names_the_first_documents_and_counts_them_all),
		cmocka_unit_test(adds_graphs_of_parts_as_their_documents),
		cmocka_unit_test(refuses_a_dump_it_did_not_write),
	};
	int rc = cmocka_run_group_tests_name("graph", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
