/* graph.c - aggregation of events and the igraph graph that holds the result. */
#include "graph.h"

#include <igraph.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

const struct attr_def graph_node_attrs[GRAPH_NODE_ATTRS + 1] = {
	{"label", ATTR_STRING}, {"kind", ATTR_STRING}, {"mentions", ATTR_INT},
	{"degree", ATTR_INT}, {"strength", ATTR_DOUBLE}, {"betweenness", ATTR_DOUBLE},
	{"closeness", ATTR_DOUBLE}, {"pagerank", ATTR_DOUBLE}, {"eigenvector", ATTR_DOUBLE},
	{"kcore", ATTR_INT}, {"community", ATTR_INT}, {"friends", ATTR_INT}, {"foes", ATTR_INT},
	{"color", ATTR_STRING}, {"size", ATTR_DOUBLE}, {NULL, ATTR_STRING}
};

const struct attr_def graph_edge_attrs[] = {
	{"relation", ATTR_STRING}, {"weight", ATTR_DOUBLE}, {"directed", ATTR_BOOL},
	{"asserted", ATTR_INT}, {"hypothetical", ATTR_INT}, {"sign", ATTR_INT},
	{"cameo", ATTR_STRING}, {"first_seen", ATTR_STRING}, {"last_seen", ATTR_STRING},
	{"rules", ATTR_STRING}, {"color", ATTR_STRING}, {"documents", ATTR_STRING}, {"doc_count", ATTR_INT},
	{"first_evidence", ATTR_STRING}, {"last_evidence", ATTR_STRING}, {NULL, ATTR_STRING}
};

void graph_node_defs(const struct graph *g, struct attr_def defs[GRAPH_NODE_ATTRS + 1])
{
	size_t n = 0;

	for (size_t i = 0; graph_node_attrs[i].name; i++)
		if (graph_has(g, false, graph_node_attrs[i].name))
			defs[n++] = graph_node_attrs[i];
	defs[n] = graph_node_attrs[GRAPH_NODE_ATTRS];
}

const struct attr_def *graph_node_attr(const char *name)
{
	for (size_t i = 0; graph_node_attrs[i].name; i++)
		if (strcmp(graph_node_attrs[i].name, name) == 0)
			return &graph_node_attrs[i];
	return NULL;
}

/* Where a mention of an edge is, in the order of evidence (see graph.h); the
 * sentence text breaks the ties of two documents of one name and date. */
struct mark {
	char date[11];		/* "" when undated */
	char *doc;
	size_t sentence, start;
	char *text;
	size_t len;
};

/* A set of full dates as the numbers YYYYMMDD, in the order of their text
 * once settled: no allocation per date, compared as numbers (a million
 * edges' dates as sorted strings were a fifth of a build). Dates are
 * appended, and sorted and made distinct when the array fills and before
 * they are read, not kept sorted as they come (the dates of an actor of
 * many documents were moved for each one). */
struct dateset {
	int32_t *v;
	size_t n, cap;
};

struct agg_edge {
	int rel, source, target;
	long asserted, hypothetical;
	double weight;		/* a mention counts 1, a hypothetical one half, times its decay */
	struct dateset dates;	/* distinct document dates */
	struct strset rules;	/* distinct rule ids */
	long ndocs;		/* documents that state it */
	size_t seen;		/* the last document (g->ndocs) that counted in ndocs */
	char *docs[GRAPH_DOCS_MAX];	/* the first names in byte order */
	size_t nkept;
	struct mark first, last;	/* NULL doc until a mention */
};

struct graph {
	const struct schema *s;
	enum graph_level level;
	int affiliation;	/* the relation type that ties persons to bodies, or -1 */
	long *mentions;		/* per actor; grows with the actors texts introduce */
	struct dateset *dates;	/* per actor: dates of the documents that mention it */
	size_t nactors;		/* actors that mentions and dates cover */
	size_t ndocs;		/* graph_add calls */
	long decay_day;		/* the day mentions are weighed on (date_days) */
	double half_life;	/* days; 0: no decay */
	/* the edges by relation, source and target: an edge's index + 1 (0:
	 * free), at most half full; the keys are the edges' own fields (a map of
	 * strings cost a key, allocated and freed, for each of a million edges) */
	uint32_t *index;
	size_t index_cap;
	struct agg_edge *edges;
	size_t nedges, cap;
	igraph_t ig;
	bool built;
};

struct graph *graph_new(const struct schema *s, enum graph_level level)
{
	struct graph *g = xcalloc(1, sizeof *g);

	g->s = s;
	g->level = level;
	g->affiliation = schema_reltype(s, "affiliation");
	return g;
}

void graph_set_decay(struct graph *g, const char *day, double half_life)
{
	g->decay_day = date_days(day);
	g->half_life = half_life;
}

/* What a mention of document d weighs, by its age on the decay day. */
static double decay_of(const struct graph *g, const struct doc *d)
{
	long age;

	if (g->half_life <= 0 || !d->date || strlen(d->date) != 10)
		return 1;
	age = g->decay_day - date_days(d->date);
	return age > 0 ? pow(0.5, (double)age / g->half_life) : 1;
}

/* Free what edge e gathered (graph_build has given it to igraph). */
static void drop_gathered(struct agg_edge *e)
{
	strset_free(&e->rules);
	free(e->dates.v);
	e->dates = (struct dateset){0};
	for (size_t k = 0; k < e->nkept; k++)
		free(e->docs[k]);
	e->nkept = 0;
	free(e->first.doc);
	free(e->first.text);
	free(e->last.doc);
	free(e->last.text);
	memset(&e->first, 0, sizeof e->first);
	memset(&e->last, 0, sizeof e->last);
}

void graph_free(struct graph *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->nedges; i++)
		drop_gathered(&g->edges[i]);
	for (size_t i = 0; i < g->nactors; i++)
		free(g->dates[i].v);
	free(g->dates);
	free(g->edges);
	free(g->mentions);
	free(g->index);
	if (g->built)
		igraph_destroy(&g->ig);
	free(g);
}

static int cmp_day(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

/* Sort s and keep each date once. */
static void settle(struct dateset *s)
{
	size_t n = 0;

	if (s->n > 1)
		qsort(s->v, s->n, sizeof *s->v, cmp_day);
	for (size_t i = 0; i < s->n; i++)
		if (n == 0 || s->v[i] != s->v[n - 1])
			s->v[n++] = s->v[i];
	s->n = n;
}

/* Add day k (YYYYMMDD) to a set of dates, or 'date' (YYYY-MM-DD, or NULL,
 * or partial: not added). */
static void add_day(struct dateset *s, int32_t k)
{
	if (s->n && s->v[s->n - 1] == k)
		return;	/* the document before's, most often */
	if (s->n == s->cap) {
		settle(s);
		if (2 * s->n >= s->cap)	/* less than half full after: appends stay cheap */
			xgrow(&s->v, &s->cap, 2 * s->n + 1, sizeof *s->v);
	}
	s->v[s->n++] = k;
}

static void add_date(struct dateset *s, const char *date)
{
	if (date && strlen(date) == 10)
		add_day(s, (int32_t)(atoi(date) * 10000 + atoi(date + 5) * 100 + atoi(date + 8)));
}

/* Date k of a dateset as text, in out: its eight digits from the last,
 * into the places of the template's zeros. */
static char *date_text(int32_t k, char out[11])
{
	uint32_t n = (uint32_t)k;

	memcpy(out, "0000-00-00", 11);
	for (int at = 9; at >= 0; at--)
		if (out[at] == '0') {
			out[at] = (char)('0' + n % 10);
			n /= 10;
		}
	return out;
}

/* The first or last date of a set, or "", in out. */
static const char *end_date(const struct dateset *dates, bool last, char out[11])
{
	return dates->n ? date_text(dates->v[last ? dates->n - 1 : 0], out) : "";
}

/* Set string attribute 'name' of a vertex or edge to the words of 'set'. */
static igraph_error_t set_words(igraph_t *ig, bool edge, const char *name, size_t i, const struct strset *set)
{
	char *words = strset_join(set);
	igraph_error_t rc = edge ? SETEAS(ig, name, i, words) : SETVAS(ig, name, i, words);

	free(words);
	return rc;
}

/* Set attribute "dates" of a vertex or edge to the dates of 'set', joined by
 * spaces; 'b' is room for them. */
static igraph_error_t set_dates(igraph_t *ig, bool edge, size_t i, const struct dateset *set, struct buf *b)
{
	char day[11];

	b->len = 0;
	buf_add(b, "", 0);
	for (size_t k = 0; k < set->n; k++) {
		if (k)
			buf_add(b, " ", 1);
		buf_add(b, date_text(set->v[k], day), 10);
	}
	return edge ? SETEAS(ig, "dates", i, b->data) : SETVAS(ig, "dates", i, b->data);
}

/* Keep the name of one more document that states e, if it is among the
 * first GRAPH_DOCS_MAX in byte order. */
static void add_doc(struct agg_edge *e, const char *name)
{
	size_t at = e->nkept;

	while (at > 0 && strcmp(e->docs[at - 1], name) > 0)
		at--;
	if (at == GRAPH_DOCS_MAX)
		return;
	if (e->nkept == GRAPH_DOCS_MAX)
		free(e->docs[--e->nkept]);
	memmove(e->docs + at + 1, e->docs + at, (e->nkept - at) * sizeof *e->docs);
	e->docs[at] = xstrdup(name);
	e->nkept++;
}

/* The names kept, joined by '|', with '|' and '\\' escaped by a '\\'. */
static void join_docs(const struct agg_edge *e, struct buf *out)
{
	buf_add(out, "", 0);
	for (size_t k = 0; k < e->nkept; k++) {
		if (k)
			buf_add(out, "|", 1);
		for (const char *p = e->docs[k]; *p; p++) {
			if (*p == '|' || *p == '\\')
				buf_add(out, "\\", 1);
			buf_add(out, p, 1);
		}
	}
}

/* <0, 0, >0 as mention x comes before, with, or after y. */
static int cmp_mark(const struct mark *x, const struct mark *y)
{
	int c;

	if (!x->date[0] != !y->date[0])
		return x->date[0] ? -1 : 1;	/* undated last */
	if ((c = strcmp(x->date, y->date)) != 0 || (c = strcmp(x->doc, y->doc)) != 0)
		return c;
	if (x->sentence != y->sentence)
		return x->sentence < y->sentence ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if ((c = memcmp(x->text, y->text, x->len < y->len ? x->len : y->len)) != 0)
		return c;
	return (x->len > y->len) - (x->len < y->len);
}

/* Make *m mention 'at' if it is unset or 'at' comes before it (after it,
 * when 'later'); only then are the document name and sentence copied. */
static void keep_mark(struct mark *m, const struct mark *at, bool later)
{
	if (m->doc) {
		int c = cmp_mark(at, m);

		if (later ? c <= 0 : c >= 0)
			return;
	}
	free(m->doc);
	free(m->text);
	*m = *at;
	m->doc = xstrdup(at->doc);
	m->text = xstrndup(at->text, at->len);
}

/* The slot of the index that holds the edge of relation rel from src to
 * dst, or the free one where it goes. */
static size_t edge_slot(const struct graph *g, int rel, int src, int dst)
{
	uint64_t h = ((uint64_t)(uint32_t)src << 32 | (uint32_t)dst) ^ (uint64_t)(uint32_t)rel * 0x9e3779b97f4a7c15u;
	size_t i;

	h *= 0xbf58476d1ce4e5b9u;
	for (i = (size_t)(h ^ h >> 31) & (g->index_cap - 1); g->index[i]; i = (i + 1) & (g->index_cap - 1)) {
		const struct agg_edge *e = &g->edges[g->index[i] - 1];

		if (e->rel == rel && e->source == src && e->target == dst)
			break;
	}
	return i;
}

/* The edge of relation rel from src to dst, made if new. */
static struct agg_edge *edge_of(struct graph *g, int rel, int src, int dst)
{
	size_t i;

	if (2 * (g->nedges + 1) > g->index_cap) {
		free(g->index);
		g->index_cap = g->index_cap ? 2 * g->index_cap : 64;
		g->index = xcalloc(g->index_cap, sizeof *g->index);
		for (size_t k = 0; k < g->nedges; k++)
			g->index[edge_slot(g, g->edges[k].rel, g->edges[k].source, g->edges[k].target)] = (uint32_t)(k + 1);
	}
	if (!g->index[i = edge_slot(g, rel, src, dst)]) {
		xgrow(&g->edges, &g->cap, g->nedges + 1, sizeof *g->edges);
		memset(&g->edges[g->nedges], 0, sizeof *g->edges);
		g->edges[g->nedges].rel = rel;
		g->edges[g->nedges].source = src;
		g->edges[g->nedges].target = dst;
		g->index[i] = (uint32_t)++g->nedges;
	}
	return &g->edges[g->index[i] - 1];
}

/* The node an actor counts as at LEVEL_STATE (see graph.h); 'depth' stops
 * a schema whose bodies are part of each other. */
static int fold_at(const struct graph *g, int a, const char *date, const struct event *ev, size_t ne,
		   int depth)
{
	const struct actor *act;

	if (g->level == LEVEL_ACTOR || depth > 4)
		return a;
	act = &g->s->actors[a];
	if (act->part_of >= 0)
		return fold_at(g, act->part_of, date, ev, ne, depth + 1);
	if (act->kind != KIND_PERSON)
		return a;
	for (size_t i = act->nroles; i-- > 0;)	/* the latest role first */
		if (schema_role_holds(&act->roles[i], date))
			return fold_at(g, act->roles[i].of, date, ev, ne, depth + 1);
	for (size_t i = 0; i < ne; i++)
		if (ev[i].rel == g->affiliation && ev[i].source == a && g->s->actors[ev[i].target].kind != KIND_PERSON)
			return fold_at(g, ev[i].target, date, ev, ne, depth + 1);
	return a;
}

static int fold(const struct graph *g, int a, const char *date, const struct event *ev, size_t ne)
{
	return fold_at(g, a, date, ev, ne, 0);
}

/* Make room for the actors of the schema, which texts may have added to since. */
static void cover_actors(struct graph *g)
{
	size_t old = g->nactors, n = g->s->nactors;

	if (n > old) {
		g->mentions = xrealloc(g->mentions, n * sizeof *g->mentions);
		g->dates = xrealloc(g->dates, n * sizeof *g->dates);
		memset(g->mentions + old, 0, (n - old) * sizeof *g->mentions);
		memset(g->dates + old, 0, (n - old) * sizeof *g->dates);
		g->nactors = n;
	}
}

void graph_add(struct graph *g, const struct doc *d, const struct mention_count *m, size_t nm,
	       const struct event *ev, size_t ne, const struct span *said)
{
	graph_add_part(g, d, false, m, nm, ev, ne, said, ev, ne);
}

bool graph_ties(const struct graph *g, const struct event *e)
{
	return e->rel == g->affiliation;
}

void graph_add_part(struct graph *g, const struct doc *d, bool more, const struct mention_count *m, size_t nm,
		    const struct event *ev, size_t ne, const struct span *said, const struct event *ties,
		    size_t nties)
{
	double decay = decay_of(g, d);

	cover_actors(g);
	for (size_t i = 0; i < nm; i++) {
		int a = fold(g, m[i].actor, d->date, ties, nties);

		g->mentions[a] += (long)m[i].count;
		add_date(&g->dates[a], d->date);
	}
	g->ndocs += !more;
	for (size_t i = 0; i < ne; i++) {
		int src = fold(g, ev[i].source, d->date, ties, nties), dst = fold(g, ev[i].target, d->date, ties, nties);
		const struct reltype *rt = &g->s->rels[ev[i].rel];
		struct span text = said ? said[i] : text_sentence(d, ev[i].sentence);
		struct mark at = {.doc = d->name, .sentence = ev[i].sentence, .start = ev[i].start,
				  .text = (char *)text.p, .len = text.len};	/* borrowed: keep_mark copies */
		struct agg_edge *e;

		if (src == dst)
			continue;
		if (!rt->directed && strcmp(g->s->actors[src].id, g->s->actors[dst].id) > 0) {
			int t = src;	/* folding may change the canonical order */

			src = dst;
			dst = t;
		}
		e = edge_of(g, ev[i].rel, src, dst);
		if (ev[i].modality == MOD_ASSERTED)
			e->asserted++;
		else
			e->hypothetical++;
		/* a hypothetical mention counts half: it is a weaker tie than a stated one */
		e->weight += (ev[i].modality == MOD_ASSERTED ? 1.0 : 0.5) * decay;
		add_date(&e->dates, d->date);
		strset_add(&e->rules, ev[i].rule);
		if (e->seen != g->ndocs) {
			e->seen = g->ndocs;
			e->ndocs++;
			add_doc(e, d->name);
		}
		if (d->date && strlen(d->date) == 10)
			memcpy(at.date, d->date, 11);
		keep_mark(&e->first, &at, false);
		keep_mark(&e->last, &at, true);
	}
}

/* Add what edge x of another graph gathered to edge e. */
static void merge_edge(struct agg_edge *e, const struct agg_edge *x)
{
	e->asserted += x->asserted;
	e->hypothetical += x->hypothetical;
	e->weight += x->weight;
	for (size_t k = 0; k < x->dates.n; k++)
		add_day(&e->dates, x->dates.v[k]);
	for (size_t k = 0; k < x->rules.n; k++)
		strset_add(&e->rules, x->rules.v[k]);
	e->ndocs += x->ndocs;
	for (size_t k = 0; k < x->nkept; k++)
		add_doc(e, x->docs[k]);
	keep_mark(&e->first, &x->first, false);
	keep_mark(&e->last, &x->last, true);
}

void graph_absorb(struct graph *g, const struct graph *part)
{
	cover_actors(g);
	for (size_t a = 0; a < part->nactors; a++) {
		g->mentions[a] += part->mentions[a];
		for (size_t k = 0; k < part->dates[a].n; k++)
			add_day(&g->dates[a], part->dates[a].v[k]);
	}
	g->ndocs += part->ndocs;
	for (size_t i = 0; i < part->nedges; i++) {
		const struct agg_edge *x = &part->edges[i];

		merge_edge(edge_of(g, x->rel, x->source, x->target), x);
	}
}

/* The days of a set, as YYYYMMDD numbers apart by spaces. */
static void dump_days(const struct dateset *set, struct buf *out)
{
	for (size_t k = 0; k < set->n; k++)
		buf_printf(out, "%s%" PRId32, k ? " " : "", set->v[k]);
}

static void dump_mark(const char *which, const struct mark *m, struct buf *out)
{
	buf_printf(out, "%s\t%s\t%zu\t%zu\t", which, m->date, m->sentence, m->start);
	buf_field(out, m->doc, strlen(m->doc));
	buf_add(out, "\t", 1);
	buf_field(out, m->text, m->len);
	buf_add(out, "\n", 1);
}

void graph_dump(const struct graph *g, struct buf *out)
{
	const struct schema *s = g->s;
	bool *used = xcalloc(g->nactors + 1, sizeof *used);

	for (size_t a = 0; a < g->nactors; a++)
		used[a] = g->mentions[a] || g->dates[a].n;
	for (size_t i = 0; i < g->nedges; i++)
		used[g->edges[i].source] = used[g->edges[i].target] = true;
	buf_printf(out, "documents\t%zu\n", g->ndocs);
	for (size_t a = s->nloaded; a < g->nactors; a++)	/* the actors texts introduced, first */
		if (used[a]) {
			buf_printf(out, "actor\t%d\t%s\t", (int)s->actors[a].kind, s->actors[a].id);
			buf_field(out, s->actors[a].label, strlen(s->actors[a].label));
			buf_add(out, "\n", 1);
		}
	for (size_t a = 0; a < g->nactors; a++)
		if (g->mentions[a] || g->dates[a].n) {
			buf_printf(out, "mention\t%s\t%ld\t", s->actors[a].id, g->mentions[a]);
			dump_days(&g->dates[a], out);
			buf_add(out, "\n", 1);
		}
	for (size_t i = 0; i < g->nedges; i++) {
		const struct agg_edge *e = &g->edges[i];
		char *rules = strset_join(&e->rules);

		/* the weight in hexadecimal: read back exactly */
		buf_printf(out, "edge\t%s\t%s\t%s\t%ld\t%ld\t%a\t%ld\t%s\t", s->rels[e->rel].id,
			   s->actors[e->source].id, s->actors[e->target].id, e->asserted, e->hypothetical, e->weight,
			   e->ndocs, rules);
		dump_days(&e->dates, out);
		buf_add(out, "\n", 1);
		for (size_t k = 0; k < e->nkept; k++) {
			buf_add(out, "doc\t", 4);
			buf_field(out, e->docs[k], strlen(e->docs[k]));
			buf_add(out, "\n", 1);
		}
		dump_mark("first", &e->first, out);
		dump_mark("last", &e->last, out);
		free(rules);
	}
	free(used);
}

/* A count of digits into *out; false if s is none. */
static bool count_of(const char *s, long *out)
{
	char *stop;

	if (*s < '0' || *s > '9')
		return false;
	*out = strtol(s, &stop, 10);
	return *stop == '\0' && *out >= 0;
}

/* Days that dump_days wrote, added to a set; false if s is not such a list. */
static bool undump_days(char *s, struct dateset *set)
{
	for (char *w = strtok(s, " "); w; w = strtok(NULL, " ")) {
		long k;

		if (!count_of(w, &k) || k < 18000101 || k > 29991231)
			return false;
		add_day(set, (int32_t)k);
	}
	return true;
}

/* A mark that dump_mark wrote (f: its fields after the first) into m of e. */
static bool undump_mark(char **f, struct mark *m, bool later)
{
	struct mark at = {.doc = f[3], .text = f[4]};
	long sentence, start;
	size_t doclen;

	if ((f[0][0] && strlen(f[0]) != 10) || !count_of(f[1], &sentence) || !count_of(f[2], &start) ||
	    !field_text(f[3], &doclen) || !field_text(f[4], &at.len))
		return false;
	memcpy(at.date, f[0], strlen(f[0]) + 1);
	at.sentence = (size_t)sentence;
	at.start = (size_t)start;
	keep_mark(m, &at, later);
	return true;
}

bool graph_undump(struct graph *g, struct schema *s, char *dump, size_t len)
{
	struct agg_edge *e = NULL;
	char *end = dump + len;
	int marks = 3;		/* of the edge before: bit 1 its first, bit 2 its last */

	for (char *p = dump, *nl; p < end; p = nl + 1) {
		char *f[10];
		size_t n, label_len;
		long a, b, rel, x, y, docs;

		if (!(nl = memchr(p, '\n', (size_t)(end - p))))
			return false;
		n = split_fields(p, nl, f, 10);
		if (n == 2 && strcmp(f[0], "documents") == 0 && count_of(f[1], &x)) {
			g->ndocs += (size_t)x;
		} else if (n == 4 && strcmp(f[0], "actor") == 0 && count_of(f[1], &x) && x >= KIND_STATE &&
			   x <= KIND_PLACE && field_text(f[3], &label_len)) {
			schema_add_actor(s, f[2], f[3], (enum actor_kind)x);
		} else if (n == 4 && strcmp(f[0], "mention") == 0 && (a = schema_actor(s, f[1])) >= 0 &&
			   count_of(f[2], &x)) {
			cover_actors(g);
			g->mentions[a] += x;
			if (!undump_days(f[3], &g->dates[a]))
				return false;
		} else if (n == 10 && strcmp(f[0], "edge") == 0 && (rel = schema_reltype(s, f[1])) >= 0 &&
			   (a = schema_actor(s, f[2])) >= 0 && (b = schema_actor(s, f[3])) >= 0 &&
			   count_of(f[4], &x) && count_of(f[5], &y) && count_of(f[7], &docs)) {
			char *stop;
			double weight = strtod(f[6], &stop);

			if (*stop || !(weight >= 0) || marks != 3)
				return false;
			marks = 0;
			e = edge_of(g, (int)rel, (int)a, (int)b);
			e->asserted += x;
			e->hypothetical += y;
			e->weight += weight;
			e->ndocs += docs;
			for (char *w = strtok(f[8], " "); w; w = strtok(NULL, " "))
				strset_add(&e->rules, w);
			if (!undump_days(f[9], &e->dates))
				return false;
		} else if (n == 2 && strcmp(f[0], "doc") == 0 && e && field_text(f[1], &label_len)) {
			add_doc(e, f[1]);
		} else if (n == 6 && e && (strcmp(f[0], "first") == 0 || strcmp(f[0], "last") == 0) &&
			   undump_mark(f + 1, f[0][0] == 'f' ? &e->first : &e->last, f[0][0] == 'l')) {
			marks |= f[0][0] == 'f' ? 1 : 2;
		} else {
			return false;
		}
	}
	cover_actors(g);
	return marks == 3;
}

static const struct schema *sort_schema;	/* qsort has no context argument */

static int cmp_actor(const void *a, const void *b)
{
	return strcmp(sort_schema->actors[*(const int *)a].id, sort_schema->actors[*(const int *)b].id);
}

static int cmp_rel(const void *a, const void *b)
{
	return strcmp(sort_schema->rels[*(const int *)a].id, sort_schema->rels[*(const int *)b].id);
}

/* Edges by relation id, source id and target id, compared by their ranks
 * in that order (a million edges' ids compared as strings took seconds). */
static const int *rel_rank, *vertex_of;

static int cmp_edge(const void *a, const void *b)
{
	const struct agg_edge *x = a, *y = b;
	int c = rel_rank[x->rel] - rel_rank[y->rel];

	if (!c)
		c = vertex_of[x->source] - vertex_of[y->source];
	if (!c)
		c = vertex_of[x->target] - vertex_of[y->target];
	return c;
}

#define CHECK(expr)                                                                 \
	do {                                                                        \
		igraph_error_t rc_ = (expr);                                        \
		if (rc_ != IGRAPH_SUCCESS) {                                        \
			diag_set(err, "igraph: %s", igraph_strerror(rc_));          \
			goto out;                                                   \
		}                                                                   \
	} while (0)

/* The numbers graph_build gives each edge. */
enum edge_number { EDGE_WEIGHT, EDGE_ASSERTED, EDGE_HYPOTHETICAL, EDGE_SIGN, EDGE_DOC_COUNT };

static double edge_number(const struct graph *g, const struct agg_edge *e, enum edge_number what)
{
	switch (what) {
	case EDGE_WEIGHT:
		return e->weight;
	case EDGE_ASSERTED:
		return (double)e->asserted;
	case EDGE_HYPOTHETICAL:
		return (double)e->hypothetical;
	case EDGE_SIGN:
		return g->s->rels[e->rel].sign;
	default:
		return (double)e->ndocs;
	}
}

/* Edge attribute 'name', a number, of every edge at once: igraph finds an
 * attribute by its name, once here instead of once per edge. */
static igraph_error_t set_numbers(struct graph *g, const char *name, enum edge_number what)
{
	igraph_vector_t v;
	igraph_error_t rc;

	IGRAPH_CHECK(igraph_vector_init(&v, (igraph_integer_t)g->nedges));
	for (size_t i = 0; i < g->nedges; i++)
		VECTOR(v)[i] = edge_number(g, &g->edges[i], what);
	rc = SETEANV(&g->ig, name, &v);
	igraph_vector_destroy(&v);
	return rc;
}

static igraph_error_t set_directed(struct graph *g)
{
	igraph_vector_bool_t b;
	igraph_error_t rc;

	IGRAPH_CHECK(igraph_vector_bool_init(&b, (igraph_integer_t)g->nedges));
	for (size_t i = 0; i < g->nedges; i++)
		VECTOR(b)[i] = g->s->rels[g->edges[i].rel].directed;
	rc = SETEABV(&g->ig, "directed", &b);
	igraph_vector_bool_destroy(&b);
	return rc;
}

int graph_build(struct graph *g, struct diag *err)
{
	const struct schema *s = g->s;
	int *order = xcalloc(s->nactors, sizeof *order), *vertex = xcalloc(s->nactors, sizeof *vertex);
	int *rels = xcalloc(s->nrels + 1, sizeof *rels), *rank = xcalloc(s->nrels + 1, sizeof *rank);
	igraph_vector_int_t ends;
	struct buf id = {0}, docs = {0}, dates = {0};
	char day[11];
	size_t nv = 0;
	int rc = -1;

	igraph_vector_int_init(&ends, 0);
	for (size_t a = 0; a < s->nactors && a < g->nactors; a++)
		if (g->mentions[a])
			order[nv++] = (int)a;
	for (size_t i = 0; i < g->nedges; i++)	/* an actor in a relation is a node even if unmentioned */
		for (int k = 0; k < 2; k++) {
			int a = k ? g->edges[i].target : g->edges[i].source;

			if (!g->mentions[a]) {
				g->mentions[a] = 1;
				order[nv++] = a;
			}
		}
	sort_schema = s;
	if (nv)
		qsort(order, nv, sizeof *order, cmp_actor);
	for (size_t i = 0; i < nv; i++)
		vertex[order[i]] = (int)i;
	for (size_t r = 0; r < s->nrels; r++)
		rels[r] = (int)r;
	qsort(rels, s->nrels, sizeof *rels, cmp_rel);
	for (size_t r = 0; r < s->nrels; r++)
		rank[rels[r]] = (int)r;
	rel_rank = rank;
	vertex_of = vertex;
	if (g->nedges)
		qsort(g->edges, g->nedges, sizeof *g->edges, cmp_edge);
	CHECK(igraph_empty(&g->ig, (igraph_integer_t)nv, IGRAPH_DIRECTED));
	g->built = true;
	for (size_t i = 0; i < g->nedges; i++) {
		CHECK(igraph_vector_int_push_back(&ends, vertex[g->edges[i].source]));
		CHECK(igraph_vector_int_push_back(&ends, vertex[g->edges[i].target]));
	}
	CHECK(igraph_add_edges(&g->ig, &ends, NULL));
	for (size_t i = 0; i < nv; i++) {
		const struct actor *a = &s->actors[order[i]];

		CHECK(SETVAS(&g->ig, "id", i, a->id));
		CHECK(SETVAS(&g->ig, "label", i, a->label));
		CHECK(SETVAS(&g->ig, "kind", i, schema_kind_name(a->kind)));
		CHECK(SETVAN(&g->ig, "mentions", i, g->mentions[order[i]]));
		settle(&g->dates[order[i]]);
		CHECK(set_dates(&g->ig, false, i, &g->dates[order[i]], &docs));
		free(g->dates[order[i]].v);
		g->dates[order[i]] = (struct dateset){0};
	}
	if (g->nedges) {	/* with no edges igraph has no edge attributes */
		CHECK(set_numbers(g, "weight", EDGE_WEIGHT));
		CHECK(set_directed(g));
		CHECK(set_numbers(g, "asserted", EDGE_ASSERTED));
		CHECK(set_numbers(g, "hypothetical", EDGE_HYPOTHETICAL));
		CHECK(set_numbers(g, "sign", EDGE_SIGN));
		CHECK(set_numbers(g, "doc_count", EDGE_DOC_COUNT));
	}
	for (size_t i = 0; i < g->nedges; i++) {
		const struct agg_edge *e = &g->edges[i];
		const struct reltype *rt = &s->rels[e->rel];

		id.len = docs.len = 0;
		buf_printf(&id, "%s:%s:%s", s->actors[e->source].id, rt->id, s->actors[e->target].id);
		join_docs(e, &docs);
		CHECK(SETEAS(&g->ig, "id", i, id.data));
		CHECK(SETEAS(&g->ig, "relation", i, rt->id));
		CHECK(SETEAS(&g->ig, "cameo", i, rt->cameo));
		settle(&g->edges[i].dates);
		CHECK(SETEAS(&g->ig, "first_seen", i, end_date(&e->dates, false, day)));
		CHECK(SETEAS(&g->ig, "last_seen", i, end_date(&e->dates, true, day)));
		CHECK(set_dates(&g->ig, true, i, &e->dates, &dates));
		CHECK(set_words(&g->ig, true, "rules", i, &e->rules));
		CHECK(SETEAS(&g->ig, "color", i, rt->color));
		CHECK(SETEAS(&g->ig, "documents", i, docs.data));
		CHECK(SETEAS(&g->ig, "first_evidence", i, e->first.text));
		CHECK(SETEAS(&g->ig, "last_evidence", i, e->last.text));
		drop_gathered(&g->edges[i]);	/* igraph has a copy: not held twice (1M edges) */
	}
	free(g->index);	/* no edge is added to a built graph */
	g->index = NULL;
	rc = 0;
out:
	igraph_vector_int_destroy(&ends);
	free(id.data);
	free(docs.data);
	free(dates.data);
	free(order);
	free(vertex);
	free(rels);
	free(rank);
	return rc;
}

struct graph *graph_load(const char *path, struct diag *err)
{
	static const char *const vattrs[] = {"id", "label", "kind", NULL};
	static const char *const eattrs[] = {"relation", "weight", "directed", "sign", NULL};
	struct graph *g;
	igraph_error_t rc;
	FILE *fp = fopen(path, "rb");

	if (!fp) {
		diag_sys(err, "open", path);
		return NULL;
	}
	g = xcalloc(1, sizeof *g);
	rc = igraph_read_graph_graphml(&g->ig, fp, 0);
	fclose(fp);
	if (rc != IGRAPH_SUCCESS) {
		diag_set(err, "%s: not a GraphML file igraph can read (%s)", path, igraph_strerror(rc));
		free(g);
		return NULL;
	}
	g->built = true;
	for (size_t i = 0; vattrs[i]; i++)
		if (!igraph_cattribute_has_attr(&g->ig, IGRAPH_ATTRIBUTE_VERTEX, vattrs[i]))
			goto foreign;
	for (size_t i = 0; eattrs[i] && igraph_ecount(&g->ig) > 0; i++)
		if (!igraph_cattribute_has_attr(&g->ig, IGRAPH_ATTRIBUTE_EDGE, eattrs[i]))
			goto foreign;
	return g;
foreign:
	diag_set(err, "%s: not a GraphML file of actorgraph (no node label, kind, or edge relation, "
		      "weight, directed, sign)", path);
	graph_free(g);
	return NULL;
}

static bool in_csv_list(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = list; (p = strstr(p, word)); p += n)
		if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return true;
	return false;
}

int graph_filter_edges(struct graph *g, const struct graph_filter *f, struct diag *err)
{
	igraph_vector_int_t drop, lonely;
	igraph_vector_int_t deg;
	int rc = -1;

	if (f->min_weight <= 0 && !f->relations)
		return 0;
	igraph_vector_int_init(&drop, 0);
	igraph_vector_int_init(&lonely, 0);
	igraph_vector_int_init(&deg, 0);
	for (igraph_integer_t e = 0; e < igraph_ecount(&g->ig); e++)
		if (EAN(&g->ig, "weight", e) < f->min_weight ||
		    (f->relations && !in_csv_list(f->relations, EAS(&g->ig, "relation", e))))
			CHECK(igraph_vector_int_push_back(&drop, e));
	CHECK(igraph_delete_edges(&g->ig, igraph_ess_vector(&drop)));
	/* the actors that only the dropped relations linked go too */
	CHECK(igraph_degree(&g->ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS));
	for (igraph_integer_t v = 0; v < igraph_vcount(&g->ig); v++)
		if (VECTOR(deg)[v] == 0)
			CHECK(igraph_vector_int_push_back(&lonely, v));
	CHECK(igraph_delete_vertices(&g->ig, igraph_vss_vector(&lonely)));
	rc = 0;
out:
	igraph_vector_int_destroy(&drop);
	igraph_vector_int_destroy(&lonely);
	igraph_vector_int_destroy(&deg);
	return rc;
}

struct ranked {
	double score;
	igraph_integer_t v;
};

static int by_score(const void *a, const void *b)	/* best first, ties by position */
{
	const struct ranked *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->v < y->v ? -1 : x->v > y->v;
}

const char *const graph_rankings[] = {"pagerank", "degree", "strength", "betweenness", "closeness", "eigenvector",
				     "mentions", NULL};

int graph_select(struct graph *g, const struct graph_filter *f, struct diag *err)
{
	igraph_integer_t nv = igraph_vcount(&g->ig);
	igraph_vector_int_t drop;
	igraph_vector_int_list_t near;
	bool *keep = xcalloc((size_t)nv + 1, sizeof *keep);
	int rc = -1;

	igraph_vector_int_init(&drop, 0);
	igraph_vector_int_list_init(&near, 0);
	for (igraph_integer_t v = 0; v < nv; v++)
		keep[v] = true;
	if (f->ego) {
		igraph_integer_t ego = -1;

		for (igraph_integer_t v = 0; v < nv && ego < 0; v++)
			if (strcasecmp(VAS(&g->ig, "id", v), f->ego) == 0 || strcasecmp(VAS(&g->ig, "label", v), f->ego) == 0)
				ego = v;
		if (ego < 0) {
			diag_set(err, "no actor '%s' in the graph (give an id or a label)", f->ego);
			goto out;
		}
		CHECK(igraph_neighborhood(&g->ig, &near, igraph_vss_1(ego), f->depth, IGRAPH_ALL, 0));
		for (igraph_integer_t v = 0; v < nv; v++)
			keep[v] = false;
		for (igraph_integer_t i = 0; i < igraph_vector_int_size(igraph_vector_int_list_get_ptr(&near, 0)); i++)
			keep[VECTOR(*igraph_vector_int_list_get_ptr(&near, 0))[i]] = true;
	}
	if (f->top > 0) {	/* the N best by f->by among those kept */
		struct ranked *r = xcalloc((size_t)nv + 1, sizeof *r);
		size_t n = 0;

		for (igraph_integer_t v = 0; v < nv; v++)
			if (keep[v])
				r[n++] = (struct ranked){VAN(&g->ig, f->by ? f->by : "pagerank", v), v};
		qsort(r, n, sizeof *r, by_score);
		for (size_t i = f->top; i < n; i++)
			keep[r[i].v] = false;
		free(r);
	}
	for (igraph_integer_t v = 0; v < nv; v++)
		if (!keep[v])
			CHECK(igraph_vector_int_push_back(&drop, v));
	igraph_vector_int_sort(&drop);
	if (igraph_vector_int_size(&drop) > 0)	/* igraph copies the graph even to delete nothing */
		CHECK(igraph_delete_vertices(&g->ig, igraph_vss_vector(&drop)));
	rc = 0;
out:
	free(keep);
	igraph_vector_int_destroy(&drop);
	igraph_vector_int_list_destroy(&near);
	return rc;
}

struct igraph_s *graph_igraph(const struct graph *g)
{
	return (struct igraph_s *)&g->ig;	/* as strchr does: the caller knows what it may change */
}

size_t graph_documents(const struct graph *g)
{
	return g->ndocs;
}

size_t graph_node_count(const struct graph *g)
{
	return (size_t)igraph_vcount(&g->ig);
}

size_t graph_edge_count(const struct graph *g)
{
	return (size_t)igraph_ecount(&g->ig);
}

void graph_edge_ends(const struct graph *g, size_t e, size_t *from, size_t *to)
{
	*from = (size_t)IGRAPH_FROM(&g->ig, e);
	*to = (size_t)IGRAPH_TO(&g->ig, e);
}

bool graph_has(const struct graph *g, bool edge, const char *name)
{
	return igraph_cattribute_has_attr(&g->ig, edge ? IGRAPH_ATTRIBUTE_EDGE : IGRAPH_ATTRIBUTE_VERTEX, name);
}

const char *graph_estimated(const struct graph *g)
{
	return igraph_cattribute_has_attr(&g->ig, IGRAPH_ATTRIBUTE_GRAPH, "estimated") ? GAS(&g->ig, "estimated") : "";
}

const char *graph_str(const struct graph *g, bool edge, size_t i, const char *name)
{
	return edge ? EAS(&g->ig, name, i) : VAS(&g->ig, name, i);
}

double graph_num(const struct graph *g, bool edge, size_t i, const char *name)
{
	return edge ? EAN(&g->ig, name, i) : VAN(&g->ig, name, i);
}

bool graph_bool(const struct graph *g, bool edge, size_t i, const char *name)
{
	return edge ? EAB(&g->ig, name, i) : VAB(&g->ig, name, i);
}

const char *graph_text(const struct graph *g, bool edge, size_t i, const struct attr_def *a, char buf[64])
{
	switch (a->type) {
	case ATTR_STRING:
		return graph_str(g, edge, i, a->name);
	case ATTR_BOOL:
		return graph_bool(g, edge, i, a->name) ? "true" : "false";
	case ATTR_INT:
		return fixed_text(graph_num(g, edge, i, a->name), 0, buf);
	default:
		return fixed_text(graph_num(g, edge, i, a->name), 6, buf);
	}
}

const struct reltype *graph_edge_type(const struct graph *g, size_t e)
{
	return &g->s->rels[schema_reltype(g->s, EAS(&g->ig, "relation", e))];
}
