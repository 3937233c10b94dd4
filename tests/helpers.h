/* helpers.h - shared by the unit tests: run the early stages on a string. */
#ifndef HELPERS_H
#define HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <igraph.h>
#include <libxml/parser.h>

#include "actors.h"
#include "analysis.h"
#include "graph.h"
#include "relations.h"
#include "schema.h"
#include "text.h"
#include "util.h"

/* igraph as main() sets it up: no aborts, the attribute handler. */
static inline void test_igraph_setup(void)
{
	igraph_set_error_handler(igraph_error_handler_ignore);
	igraph_set_warning_handler(igraph_warning_handler_ignore);
	igraph_set_attribute_table(&igraph_cattribute_table);
}

/* The shipped schema, loaded once per test binary. */
static inline struct schema *test_schema(void)
{
	static struct schema *s;
	struct diag err = {{0}};

	if (!s) {
		s = schema_load("schema", &err);
		if (!s)
			fail_msg("%s", err.msg);
	}
	return s;
}

static inline struct doc *test_doc(const char *text)
{
	return text_parse("t.txt", "t", NULL, xstrdup(text), strlen(text));
}

/* The early stages run on one text ("a/doc.txt", named "doc"). */
struct test_run {
	struct doc *d;
	struct mention *m;
	struct event *ev;
	size_t nm, ne;
};

static inline void test_run(const char *text, const char *date, struct test_run *r)
{
	struct schema *s = test_schema();
	struct matcher *m = actors_new(s);
	struct extractor *x = relations_new(s, actors_words(m));
	int *words;

	r->d = text_parse("a/doc.txt", "doc", date, xstrdup(text), strlen(text));
	r->nm = actors_find(m, r->d, &r->m, &words);
	r->ne = relations_find(x, r->d, words, r->m, r->nm, &r->ev);
	free(words);
	relations_free(x);
	actors_free(m);
}

static inline void test_run_free(struct test_run *r)
{
	free(r->m);
	free(r->ev);
	text_free(r->d);
}

/* The events of 'text' as "relation source target modality" lines, in
 * order; with 'known', the posts the schema knows persons to hold too
 * (relations.c's known_posts: the other tests leave them out, as they are
 * of no sentence's words). */
static inline char *test_events_of(const char *text, bool known)
{
	struct schema *s = test_schema();
	struct test_run r;
	struct buf out = {0};

	test_run(text, NULL, &r);
	buf_add(&out, "", 0);
	for (size_t i = 0; i < r.ne; i++)
		if (known || strcmp(r.ev[i].rule, "affiliation.known/role") != 0)
			buf_printf(&out, "%s %s %s %s\n", s->rels[r.ev[i].rel].id, s->actors[r.ev[i].source].id,
				   s->actors[r.ev[i].target].id,
				   r.ev[i].modality == MOD_ASSERTED ? "asserted" : "hypothetical");
	test_run_free(&r);
	return out.data;
}

static inline char *test_events(const char *text)
{
	return test_events_of(text, false);
}

/* The actor ids of the mentions in 'text', space-separated. */
static inline char *test_mentions(const char *text)
{
	struct schema *s = test_schema();
	struct matcher *m = actors_new(s);
	struct doc *d = test_doc(text);
	struct mention *men;
	int *words;
	size_t nm = actors_find(m, d, &men, &words);
	struct buf out = {0};

	buf_add(&out, "", 0);
	for (size_t i = 0; i < nm; i++)
		buf_printf(&out, "%s%s", i ? " " : "", s->actors[men[i].actor].id);
	free(words);
	free(men);
	text_free(d);
	actors_free(m);
	return out.data;
}

/* The analysed graph of the given texts (NULL-terminated) under schema s,
 * each text dated 'date'. */
/* graph_add of document d's mentions, counted as a record counts them. */
static inline void test_graph_add(struct graph *g, const struct doc *d, const struct mention *men, size_t nm,
				  const struct event *ev, size_t ne)
{
	struct mention_count *counts;
	size_t nc = actors_count(men, nm, &counts);

	graph_add(g, d, counts, nc, ev, ne, NULL);
	free(counts);
}

/* The graph of texts (one document each), built but not analysed. */
static inline struct graph *test_graph_built(struct schema *s, enum graph_level level,
					     const char *const texts[], const char *date)
{
	struct matcher *m = actors_new(s);
	struct extractor *x = relations_new(s, actors_words(m));
	struct graph *g = graph_new(s, level);
	struct diag err = {{0}};

	test_igraph_setup();
	for (size_t i = 0; texts[i]; i++) {
		struct doc *d = text_parse("t.txt", "t", date, xstrdup(texts[i]), strlen(texts[i]));
		struct mention *men;
		struct event *ev;
		int *words;
		size_t nm = actors_find(m, d, &men, &words), ne = relations_find(x, d, words, men, nm, &ev);

		test_graph_add(g, d, men, nm, ev, ne);
		free(words);
		free(men);
		free(ev);
		text_free(d);
	}
	if (graph_build(g, &err) < 0)
		fail_msg("%s", err.msg);
	relations_free(x);
	actors_free(m);
	return g;
}

static inline struct graph *test_graph_at(struct schema *s, enum graph_level level,
					  const char *const texts[], const char *date)
{
	struct graph *g = test_graph_built(s, level, texts, date);
	struct diag err = {{0}};

	if (analysis_run(g, ANALYSIS_ALL, &err) < 0)
		fail_msg("%s", err.msg);
	return g;
}

static inline struct graph *test_graph_with(struct schema *s, const char *const texts[], const char *date)
{
	return test_graph_at(s, LEVEL_ACTOR, texts, date);
}

static inline struct graph *test_graph(const char *const texts[], const char *date)
{
	return test_graph_with(test_schema(), texts, date);
}

/* The index of the node with this id, or fail. */
static inline size_t test_node(const struct graph *g, const char *id)
{
	for (size_t v = 0; v < graph_node_count(g); v++)
		if (strcmp(graph_str(g, false, v, "id"), id) == 0)
			return v;
	fail_msg("no node %s", id);
	return 0;
}

/* The index of the edge relation/source/target, or -1. */
static inline long test_edge(const struct graph *g, const char *rel, const char *src, const char *dst)
{
	for (size_t e = 0; e < graph_edge_count(g); e++) {
		size_t f, t;

		graph_edge_ends(g, e, &f, &t);
		if (strcmp(graph_str(g, true, e, "relation"), rel) == 0 &&
		    strcmp(graph_str(g, false, f, "id"), src) == 0 && strcmp(graph_str(g, false, t, "id"), dst) == 0)
			return (long)e;
	}
	return -1;
}

/* What writer fn writes for graph g, as a string the caller frees. */
static inline char *test_write(int (*fn)(FILE *, const struct graph *, struct diag *), const struct graph *g)
{
	char *data = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&data, &len);
	struct diag err = {{0}};

	if (fn(fp, g, &err) != 0)
		fail_msg("%s", err.msg);
	fclose(fp);
	return data;
}

/* A graph with an actor whose label holds what XML 1.0 cannot ("Dirty",
 * U+0001, U+FFFF, " Co"), added past the cleaning of schema.c and actors.c,
 * so that a writer has to clean it itself. Free *s and the graph. */
static inline struct graph *test_dirty_graph(struct schema **s)
{
	const char *const texts[] = {"Dirty met with Bland.", NULL};
	struct diag err = {{0}};
	int a;

	if (!(*s = schema_load("tests/data/schema/escape", &err)))
		fail_msg("%s", err.msg);
	a = schema_add_actor(*s, "dirty", "Dirty\x01\xef\xbf\xbf Co", KIND_ORGANIZATION);
	schema_add_name(*s, a, "Dirty", FORM_NAME);
	return test_graph_with(*s, texts, NULL);
}

/* Is the XML x well formed? */
static inline bool test_xml_parses(const char *x)
{
	xmlDocPtr doc = xmlReadMemory(x, (int)strlen(x), "t.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);

	xmlFreeDoc(doc);
	return doc != NULL;
}

#define assert_events(text, expected)                       \
	do {                                                \
		char *got_ = test_events(text);             \
		assert_string_equal(got_, expected);        \
		free(got_);                                 \
	} while (0)

#define assert_all_events(text, expected)                   \
	do {                                                \
		char *got_ = test_events_of(text, true);    \
		assert_string_equal(got_, expected);        \
		free(got_);                                 \
	} while (0)

#define assert_mentions(text, expected)                     \
	do {                                                \
		char *got_ = test_mentions(text);           \
		assert_string_equal(got_, expected);        \
		free(got_);                                 \
	} while (0)

#endif
