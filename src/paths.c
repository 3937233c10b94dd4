/* paths.c - Dijkstra's searches from a few sources over arcs in arrays. */
#include "paths.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void arcs_init(struct arcs *a, size_t n, const int64_t *ends, const double *len, size_t m, enum arcs_way way)
{
	size_t narcs = 0, *at;

	a->n = n;
	a->first = xcalloc(n + 2, sizeof *a->first);
	for (size_t i = 0; i < m; i++) {	/* count each actor's arcs one place ahead */
		if (way & ARCS_FORWARD)
			a->first[ends[2 * i] + 2]++;
		if (way & ARCS_BACKWARD)
			a->first[ends[2 * i + 1] + 2]++;
	}
	for (size_t v = 2; v < n + 2; v++)
		a->first[v] += a->first[v - 1];
	narcs = a->first[n + 1];
	a->to = xmalloc((narcs + 1) * sizeof *a->to);
	a->len = xmalloc((narcs + 1) * sizeof *a->len);
	at = a->first + 1;	/* at[v]: where v's next arc goes; ends as first[v + 1] */
	for (size_t i = 0; i < m; i++) {
		int64_t from = ends[2 * i], to = ends[2 * i + 1];

		if (way & ARCS_FORWARD) {
			a->to[at[from]] = (int32_t)to;
			a->len[at[from]++] = len[i];
		}
		if (way & ARCS_BACKWARD) {
			a->to[at[to]] = (int32_t)from;
			a->len[at[to]++] = len[i];
		}
	}
}

void arcs_destroy(struct arcs *a)
{
	free(a->first);
	free(a->to);
	free(a->len);
	memset(a, 0, sizeof *a);
}

/* A binary heap of actors by key[actor], least first; pos[v] is v's place
 * in it plus one, 0 when v is not in it. */
struct heap {
	int32_t *v;
	size_t n;
	size_t *pos;
	const double *key;
};

static void heap_init(struct heap *h, size_t n, const double *key)
{
	h->v = xmalloc((n + 1) * sizeof *h->v);
	h->pos = xcalloc(n + 1, sizeof *h->pos);
	h->n = 0;
	h->key = key;
}

static void heap_destroy(struct heap *h)
{
	free(h->v);
	free(h->pos);
}

static void put(struct heap *h, size_t i, int32_t v)
{
	h->v[i] = v;
	h->pos[v] = i + 1;
}

/* v's key went down (or v is new at place i): move it up. */
static void rise(struct heap *h, size_t i)
{
	int32_t v = h->v[i];

	while (i > 0 && h->key[h->v[(i - 1) / 2]] > h->key[v]) {
		put(h, i, h->v[(i - 1) / 2]);
		i = (i - 1) / 2;
	}
	put(h, i, v);
}

static void heap_push(struct heap *h, int32_t v)
{
	h->v[h->n] = v;
	rise(h, h->n++);
}

static void heap_lower(struct heap *h, int32_t v)
{
	rise(h, h->pos[v] - 1);
}

static int32_t heap_pop(struct heap *h)
{
	int32_t top = h->v[0], v = h->v[--h->n];
	size_t i = 0;

	h->pos[top] = 0;
	for (size_t c; h->n && (c = 2 * i + 1) < h->n; i = c) {
		if (c + 1 < h->n && h->key[h->v[c + 1]] < h->key[h->v[c]])
			c++;
		if (h->key[h->v[c]] >= h->key[v])
			break;
		put(h, i, h->v[c]);
	}
	if (h->n)
		put(h, i, v);
	return top;
}

/* Are lengths a and b (both >= 1) equal within PATHS_EPSILON, as igraph's
 * igraph_cmp_epsilon() says? -1 if a is shorter, 1 if longer. */
static int compare(double a, double b)
{
	if (a == b || fabs(a - b) < PATHS_EPSILON * (a + b))
		return 0;
	return a < b ? -1 : 1;
}

void paths_betweenness(const struct arcs *out, const struct arcs *in, const int64_t *sources, size_t k,
		       double *res)
{
	size_t n = out->n, nord;
	/* dist: the length from the source plus one, 0 when not reached (igraph's
	 * own, whose rounding it keeps); paths: how many are that short; order:
	 * the actors as their length became final */
	double *dist = xcalloc(n + 1, sizeof *dist), *paths = xcalloc(n + 1, sizeof *paths);
	double *dep = xcalloc(n + 1, sizeof *dep);
	int32_t *order = xmalloc((n + 1) * sizeof *order);
	struct heap h;

	heap_init(&h, n, dist);
	memset(res, 0, n * sizeof *res);
	for (size_t s = 0; s < k; s++) {
		int32_t src = (int32_t)sources[s];

		nord = 0;
		dist[src] = 1.0;
		paths[src] = 1;
		heap_push(&h, src);
		while (h.n) {
			int32_t u = heap_pop(&h);

			order[nord++] = u;
			for (size_t i = out->first[u]; i < out->first[u + 1]; i++) {
				int32_t v = out->to[i];
				double alt = dist[u] + out->len[i];
				int c;

				if (v == u)
					continue;
				if (dist[v] == 0) {	/* reached first */
					paths[v] = paths[u];
					dist[v] = alt;
					heap_push(&h, v);
				} else if ((c = compare(alt, dist[v])) < 0) {
					paths[v] = paths[u];
					dist[v] = alt;
					heap_lower(&h, v);
				} else if (c == 0) {
					paths[v] += paths[u];
				}
			}
		}
		/* the dependencies, from the farthest back: an arc v->w is on a
		 * shortest path when v's length and its own make w's */
		for (size_t j = nord; j-- > 0;) {
			int32_t w = order[j];
			double coeff = (1 + dep[w]) / paths[w];

			for (size_t i = in->first[w]; i < in->first[w + 1]; i++) {
				int32_t v = in->to[i];

				if (v != w && dist[v] != 0 && compare(dist[v] + in->len[i], dist[w]) == 0)
					dep[v] += paths[v] * coeff;
			}
			if (w != src)
				res[w] += dep[w];
		}
		for (size_t j = 0; j < nord; j++)
			dist[order[j]] = paths[order[j]] = dep[order[j]] = 0;
	}
	heap_destroy(&h);
	free(dist);
	free(paths);
	free(dep);
	free(order);
}

void paths_closeness(const struct arcs *a, const int64_t *sources, size_t k, double *res)
{
	size_t n = a->n;
	double *dist = xmalloc((n + 1) * sizeof *dist);
	int *reached = xcalloc(n + 1, sizeof *reached);
	struct heap h;

	heap_init(&h, n, dist);
	memset(res, 0, n * sizeof *res);	/* the sums of distances, then the scores */
	for (size_t s = 0; s < k; s++) {
		for (size_t i = 0; i < n; i++)
			dist[i] = INFINITY;
		dist[sources[s]] = 0;
		heap_push(&h, (int32_t)sources[s]);
		while (h.n) {
			int32_t u = heap_pop(&h);

			for (size_t i = a->first[u]; i < a->first[u + 1]; i++) {
				int32_t v = a->to[i];
				double alt = dist[u] + a->len[i];

				if (alt < dist[v]) {
					bool fresh = dist[v] == INFINITY;

					dist[v] = alt;
					if (fresh)
						heap_push(&h, v);
					else
						heap_lower(&h, v);
				}
			}
		}
		for (size_t v = 0; v < n; v++)
			if ((int64_t)v != sources[s] && isfinite(dist[v])) {
				res[v] += dist[v];
				reached[v]++;
			}
	}
	for (size_t v = 0; v < n; v++)
		res[v] = res[v] > 0 ? reached[v] / res[v] : 0;
	heap_destroy(&h);
	free(dist);
	free(reached);
}
