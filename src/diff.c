/* diff.c - what changed between two graphs that build wrote, and its text. */
#include "diff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The ids of g's nodes, each mapped to its index. */
static struct strmap *node_index(const struct graph *g)
{
	struct strmap *m = strmap_new();

	for (size_t v = 0; v < graph_node_count(g); v++)
		strmap_put(m, graph_str(g, false, v, "id"), (long)v);
	return m;
}

static struct diff_edge edge_of(const struct graph *g, size_t e)
{
	size_t from, to;

	graph_edge_ends(g, e, &from, &to);
	return (struct diff_edge){graph_str(g, true, e, "relation"), graph_str(g, false, from, "id"),
				  graph_str(g, false, to, "id"), 0, 0, (int)graph_num(g, true, e, "sign")};
}

/* "relation source target": ids hold no spaces (they are XML names). */
static void edge_key(struct buf *b, const struct diff_edge *e)
{
	b->len = 0;
	buf_printf(b, "%s %s %s", e->relation, e->source, e->target);
}

static struct strmap *edge_index(const struct graph *g)
{
	struct strmap *m = strmap_new();
	struct buf key = {0};

	for (size_t e = 0; e < graph_edge_count(g); e++) {
		struct diff_edge de = edge_of(g, e);

		edge_key(&key, &de);
		strmap_put(m, key.data, (long)e);
	}
	free(key.data);
	return m;
}

static struct diff_actor actor_of(const struct graph *g, size_t v)
{
	return (struct diff_actor){graph_str(g, false, v, "id"), graph_str(g, false, v, "label"), 0, 0, 0, 0};
}

static void push_actor(struct diff_actor **a, size_t *n, struct diff_actor x)
{
	*a = xrealloc(*a, (*n + 1) * sizeof **a);
	(*a)[(*n)++] = x;
}

static void push_edge(struct diff_edge **a, size_t *n, struct diff_edge x)
{
	*a = xrealloc(*a, (*n + 1) * sizeof **a);
	(*a)[(*n)++] = x;
}

/* qsort, which must not be given the NULL of an empty list */
static void sort(void *a, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(a, n, size, cmp);
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct diff_actor *)a)->id, ((const struct diff_actor *)b)->id);
}

static int by_key(const struct diff_edge *x, const struct diff_edge *y)
{
	int c = strcmp(x->relation, y->relation);

	if (!c)
		c = strcmp(x->source, y->source);
	return c ? c : strcmp(x->target, y->target);
}

/* conflict first: what a reader of the news looks for */
static int by_conflict(const void *a, const void *b)
{
	const struct diff_edge *x = a, *y = b;

	if ((x->sign < 0) != (y->sign < 0))
		return x->sign < 0 ? -1 : 1;
	return by_key(x, y);
}

static int by_edge(const void *a, const void *b)
{
	return by_key(a, b);
}

static int by_rank_change(const void *a, const void *b)
{
	const struct diff_actor *x = a, *y = b;
	double dx = fabs(x->new_rank - x->old_rank), dy = fabs(y->new_rank - y->old_rank);

	return dx != dy ? (dx > dy ? -1 : 1) : by_id(a, b);
}

static int by_degree_change(const void *a, const void *b)
{
	const struct diff_actor *x = a, *y = b;
	long dx = labs(x->new_degree - x->old_degree), dy = labs(y->new_degree - y->old_degree);

	return dx != dy ? (dx > dy ? -1 : 1) : by_id(a, b);
}

/* The actors in both graphs whose score changed, the largest changes first,
 * at most DIFF_MOVERS of them. */
static void movers(const struct diff_actor *both, size_t n, bool rank, struct diff_actor **out, size_t *nout)
{
	struct diff_actor *a = xmalloc((n ? n : 1) * sizeof *a);
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (rank ? both[i].old_rank != both[i].new_rank : both[i].old_degree != both[i].new_degree)
			a[k++] = both[i];
	sort(a, k, sizeof *a, rank ? by_rank_change : by_degree_change);
	*out = a;
	*nout = k < DIFF_MOVERS ? k : DIFF_MOVERS;
}

static void diff_actors(struct diff *d, const struct graph *old, const struct graph *new)
{
	struct strmap *in_old = node_index(old), *in_new = node_index(new);
	struct diff_actor *both = NULL;
	size_t nboth = 0;
	long v;

	for (size_t i = 0; i < graph_node_count(new); i++) {
		struct diff_actor a = actor_of(new, i);

		if ((v = strmap_get(in_old, a.id)) < 0) {
			push_actor(&d->added, &d->nadded, a);
			continue;
		}
		a.old_rank = graph_num(old, false, (size_t)v, "pagerank");
		a.old_degree = lround(graph_num(old, false, (size_t)v, "degree"));
		a.new_rank = graph_num(new, false, i, "pagerank");
		a.new_degree = lround(graph_num(new, false, i, "degree"));
		push_actor(&both, &nboth, a);
	}
	for (size_t i = 0; i < graph_node_count(old); i++)
		if (strmap_get(in_new, graph_str(old, false, i, "id")) < 0)
			push_actor(&d->removed, &d->nremoved, actor_of(old, i));
	movers(both, nboth, true, &d->rank_movers, &d->nrank_movers);
	movers(both, nboth, false, &d->degree_movers, &d->ndegree_movers);
	sort(d->added, d->nadded, sizeof *d->added, by_id);
	sort(d->removed, d->nremoved, sizeof *d->removed, by_id);
	free(both);
	strmap_free(in_old);
	strmap_free(in_new);
}

static void diff_edges(struct diff *d, const struct graph *old, const struct graph *new)
{
	struct strmap *in_old = edge_index(old), *in_new = edge_index(new);
	struct buf key = {0};
	long e;

	for (size_t i = 0; i < graph_edge_count(new); i++) {
		struct diff_edge x = edge_of(new, i);

		edge_key(&key, &x);
		x.new_weight = graph_num(new, true, i, "weight");
		if ((e = strmap_get(in_old, key.data)) < 0) {
			push_edge(&d->edges_added, &d->nedges_added, x);
			continue;
		}
		x.old_weight = graph_num(old, true, (size_t)e, "weight");
		if (x.old_weight != x.new_weight)
			push_edge(&d->reweighted, &d->nreweighted, x);
	}
	for (size_t i = 0; i < graph_edge_count(old); i++) {
		struct diff_edge x = edge_of(old, i);

		edge_key(&key, &x);
		x.old_weight = graph_num(old, true, i, "weight");
		if (strmap_get(in_new, key.data) < 0)
			push_edge(&d->edges_removed, &d->nedges_removed, x);
	}
	sort(d->edges_added, d->nedges_added, sizeof *d->edges_added, by_conflict);
	sort(d->edges_removed, d->nedges_removed, sizeof *d->edges_removed, by_conflict);
	sort(d->reweighted, d->nreweighted, sizeof *d->reweighted, by_edge);
	free(key.data);
	strmap_free(in_old);
	strmap_free(in_new);
}

/* graph_load() checked the rest; the scores are ours to check. */
static int has_scores(const struct graph *g, const char *path, struct diag *err)
{
	if (graph_node_count(g) > 0 && (!graph_has(g, false, "pagerank") || !graph_has(g, false, "degree")))
		return diag_set(err, "%s: no node pagerank or degree: not a graph that build wrote", path);
	return 0;
}

int diff_run(struct diff *d, const struct graph *old, const char *old_path, const struct graph *new,
	     const char *new_path, struct diag *err)
{
	memset(d, 0, sizeof *d);
	if (has_scores(old, old_path, err) < 0 || has_scores(new, new_path, err) < 0)
		return -1;
	diff_actors(d, old, new);
	diff_edges(d, old, new);
	return 0;
}

void diff_destroy(struct diff *d)
{
	free(d->added);
	free(d->removed);
	free(d->rank_movers);
	free(d->degree_movers);
	free(d->edges_added);
	free(d->edges_removed);
	free(d->reweighted);
}

bool diff_is_empty(const struct diff *d)
{
	return !d->nadded && !d->nremoved && !d->nrank_movers && !d->ndegree_movers && !d->nedges_added &&
	       !d->nedges_removed && !d->nreweighted;
}

static void write_actors(FILE *fp, const char *title, char mark, const struct diff_actor *a, size_t n)
{
	if (!n)
		return;
	fprintf(fp, "%s (%zu):\n", title, n);
	for (size_t i = 0; i < n; i++)
		fprintf(fp, "  %c %s (%s)\n", mark, a[i].label, a[i].id);
}

static void write_edges(FILE *fp, const char *title, char mark, const struct diff_edge *e, size_t n)
{
	if (!n)
		return;
	fprintf(fp, "%s (%zu):\n", title, n);
	for (size_t i = 0; i < n; i++)
		fprintf(fp, "  %c %s %s %s, weight %.6f%s\n", mark, e[i].source, e[i].relation, e[i].target,
			mark == '+' ? e[i].new_weight : e[i].old_weight, e[i].sign < 0 ? " (conflict)" : "");
}

int diff_write(FILE *fp, const struct diff *d, struct diag *err)
{
	if (diff_is_empty(d))
		fputs("no changes\n", fp);
	write_actors(fp, "actors added", '+', d->added, d->nadded);
	write_actors(fp, "actors removed", '-', d->removed, d->nremoved);
	write_edges(fp, "edges added, conflict first", '+', d->edges_added, d->nedges_added);
	write_edges(fp, "edges removed, conflict first", '-', d->edges_removed, d->nedges_removed);
	if (d->nreweighted)
		fprintf(fp, "weights changed (%zu):\n", d->nreweighted);
	for (size_t i = 0; i < d->nreweighted; i++) {
		const struct diff_edge *e = &d->reweighted[i];

		fprintf(fp, "  ~ %s %s %s, weight %.6f -> %.6f\n", e->source, e->relation, e->target,
			e->old_weight, e->new_weight);
	}
	if (d->nrank_movers)
		fprintf(fp, "PageRank, largest changes (%zu):\n", d->nrank_movers);
	for (size_t i = 0; i < d->nrank_movers; i++) {
		const struct diff_actor *a = &d->rank_movers[i];

		fprintf(fp, "  %s (%s): %.6f -> %.6f (%+.6f)\n", a->label, a->id, a->old_rank, a->new_rank,
			a->new_rank - a->old_rank);
	}
	if (d->ndegree_movers)
		fprintf(fp, "degree, largest changes (%zu):\n", d->ndegree_movers);
	for (size_t i = 0; i < d->ndegree_movers; i++) {
		const struct diff_actor *a = &d->degree_movers[i];

		fprintf(fp, "  %s (%s): %ld -> %ld (%+ld)\n", a->label, a->id, a->old_degree, a->new_degree,
			a->new_degree - a->old_degree);
	}
	if (ferror(fp))
		return diag_set(err, "cannot write the differences");
	return 0;
}
