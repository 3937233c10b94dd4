/* test_chunks.c - a build by chunks gives the graph of all its documents,
 * and a rebuild reads the documents of changed chunks only. */
#include "helpers.h"

#include "cache.h"
#include "chunks.h"
#include "graphml.h"

static char dir[] = "/tmp/actorgraph-chunks-XXXXXX";

enum { NDOCS = 3000 };

static const char *const states[] = {"Russia", "China", "Egypt", "Sudan", "Japan", "Chad", "Peru", "Iran", "India"};
static const char *const verbs[] = {"met", "condemned", "attacked", "threatened"};

/* The documents of a run: their names, texts and dates (every seventh is
 * undated); 'gone' is left out. */
struct corpus_of {
	char name[NDOCS][8], text[NDOCS][64], date[NDOCS][11];
	size_t gone;
	/* the run's: extraction, and the documents given to the hook */
	struct matcher *m;
	struct extractor *x;
	struct schema *s;
	size_t unread_added;
};

static void docs_init(struct corpus_of *c, struct schema *s)
{
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < NDOCS; i++) {
		snprintf(c->name[i], sizeof c->name[i], "d%04zu", i);
		snprintf(c->text[i], sizeof c->text[i], "%s %s %s.", states[i % 9], verbs[i / 9 % 4],
			 states[(i / 36 + i + 1) % 9]);
		if (i % 7)
			snprintf(c->date[i], sizeof c->date[i], "2024-05-%02zu", 1 + i % 28);
	}
	c->gone = NDOCS;
	c->s = s;
	c->m = actors_new(s);
	c->x = relations_new(s, actors_words(c->m));
}

static void docs_free(struct corpus_of *c)
{
	relations_free(c->x);
	actors_free(c->m);
}

static const char *date_of(const struct corpus_of *c, size_t i)
{
	return c->date[i][0] ? c->date[i] : NULL;
}

/* Add document i of c to g. */
static void add_doc(struct corpus_of *c, size_t i, struct graph *g)
{
	struct doc *d = text_parse("t.txt", c->name[i], date_of(c, i), xstrdup(c->text[i]), strlen(c->text[i]));
	struct mention *men;
	struct event *ev;
	int *words;
	size_t nm = actors_find(c->m, d, &men, &words), ne = relations_find(c->x, d, words, men, nm, &ev);

	test_graph_add(g, d, men, nm, ev, ne);
	free(words);
	free(men);
	free(ev);
	text_free(d);
}

static struct graph *new_graph(void *ctx)
{
	const struct corpus_of *c = ctx;

	return graph_new(c->s, LEVEL_ACTOR);
}

static int add_unread(void *ctx, const struct corpus_doc *d, struct cache_key id, struct graph *g, size_t *outside,
		      bool *changed, struct diag *err)
{
	struct corpus_of *c = ctx;

	(void)id, (void)outside, (void)changed, (void)err;
	add_doc(c, (size_t)atoi(d->name + 1), g);
	c->unread_added++;
	return 0;
}

/* GraphML of the graph made of c's documents (all, or all but 'gone'), by
 * chunks: the documents 'read' with their records, the others without. */
static char *by_chunks(struct corpus_of *c, bool (*read)(size_t i))
{
	const struct chunk_hooks hooks = {new_graph, add_unread, c};
	struct diag err = {{0}};
	struct cache *cache = cache_open(dir, c->s, "", &err);
	struct chunks *t = chunks_new(cache, c->s, 42, &hooks);
	struct graph *g = graph_new(c->s, LEVEL_ACTOR);
	size_t outside = 0;
	char *out;

	assert_non_null(cache);
	c->unread_added = 0;
	for (size_t i = 0; i < NDOCS; i++) {
		struct corpus_doc d = {.path = c->name[i], .name = c->name[i], .date = c->date[i][0] ? c->date[i] : NULL};
		struct cache_key id = cache_doc_key(c->text[i], strlen(c->text[i]), d.date);
		size_t *count;
		struct graph *part;

		if (i == c->gone)
			continue;
		if (read(i)) {
			part = chunks_add_read(t, d.name, id, &count, &err);
			assert_non_null(part);
			add_doc(c, i, part);
		} else {
			assert_int_equal(chunks_add_unread(t, &d, id, &err), 0);
		}
		assert_int_equal(chunks_after(t, d.name, &err), 0);
	}
	assert_int_equal(chunks_end(t, g, &outside, &err), 0);
	chunks_free(t);
	cache_close(cache);
	assert_int_equal(graph_build(g, &err), 0);
	out = test_write(graphml_write, g);
	graph_free(g);
	return out;
}

/* The same, every document added to one graph. */
static char *at_once(struct corpus_of *c)
{
	struct graph *g = graph_new(c->s, LEVEL_ACTOR);
	struct diag err = {{0}};
	char *out;

	for (size_t i = 0; i < NDOCS; i++)
		if (i != c->gone)
			add_doc(c, i, g);
	assert_int_equal(graph_build(g, &err), 0);
	out = test_write(graphml_write, g);
	graph_free(g);
	return out;
}

static bool all(size_t i)
{
	return (void)i, true;
}

static bool none(size_t i)
{
	return (void)i, false;
}

static bool doc_1500(size_t i)
{
	return i == 1500;
}

static void assert_same(char *got, char *want)
{
	assert_string_equal(got, want);
	free(got);
	free(want);
}

static void reads_again_only_the_chunks_that_changed(void **state)
{
	static struct corpus_of c;

	(void)state;
	test_igraph_setup();
	docs_init(&c, test_schema());
	assert_same(by_chunks(&c, all), at_once(&c));
	assert_same(by_chunks(&c, none), at_once(&c));	/* the whole graph, kept */
	assert_int_equal(c.unread_added, 0);
	snprintf(c.text[1500], sizeof c.text[1500], "Japan attacked Peru.");
	assert_same(by_chunks(&c, doc_1500), at_once(&c));
	assert_true(c.unread_added > 0 && c.unread_added < CHUNK_MAX);	/* its chunk's others */
	assert_same(by_chunks(&c, none), at_once(&c));
	assert_int_equal(c.unread_added, 0);
	c.gone = 700;
	assert_same(by_chunks(&c, none), at_once(&c));
	assert_true(c.unread_added > 0 && c.unread_added < 2 * CHUNK_MAX);
	docs_free(&c);
}

static void makes_again_what_the_cache_lost(void **state)
{
	static struct corpus_of c;
	struct buf cmd = {0};

	(void)state;
	test_igraph_setup();
	docs_init(&c, test_schema());
	assert_same(by_chunks(&c, all), at_once(&c));
	buf_printf(&cmd, "for f in %s/[0-9a-f][0-9a-f]/*; do printf x >>$f; done", dir);	/* every entry damaged */
	assert_int_equal(system(cmd.data), 0);
	assert_same(by_chunks(&c, none), at_once(&c));
	assert_int_equal(c.unread_added, NDOCS);
	assert_same(by_chunks(&c, none), at_once(&c));	/* and kept again */
	assert_int_equal(c.unread_added, 0);
	free(cmd.data);
	docs_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_again_only_the_chunks_that_changed),
		cmocka_unit_test(makes_again_what_the_cache_lost),
	};
	struct buf cmd = {0};
	int rc;

	if (!mkdtemp(dir))
		return 1;
	rc = cmocka_run_group_tests_name("chunks", tests, NULL, NULL);
	buf_printf(&cmd, "rm -r %s", dir);
	if (system(cmd.data) != 0)
		rc = 1;
	free(cmd.data);
	schema_free(test_schema());
	return rc;
}
