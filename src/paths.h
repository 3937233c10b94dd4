/* paths.h - shortest paths from a sample of actors on a large weighted
 * graph, for the estimated betweenness and closeness of analysis.c. Each
 * actor's arcs lie together in arrays that a search reads in order, where
 * igraph's searches go from a list of edge ids per actor to its edge table
 * (on the million-edge graph they took four to six times as long). */
#ifndef PATHS_H
#define PATHS_H

#include <stddef.h>
#include <stdint.h>

/* Arcs of actors 0..n-1: actor v's are [first[v], first[v + 1]), in the
 * order of the links they come from. */
struct arcs {
	size_t n;
	size_t *first;		/* n + 1 */
	int32_t *to;
	double *len;		/* > 0 */
};

/* Which way the arcs of a link from ends[2i] to ends[2i + 1] go. */
enum arcs_way { ARCS_FORWARD = 1, ARCS_BACKWARD = 2, ARCS_BOTH = 3 };

/* The arcs of the m links ends[2i] -> ends[2i + 1] of length len[i], the
 * way 'way'; the caller frees them with arcs_destroy(). */
void arcs_init(struct arcs *a, size_t n, const int64_t *ends, const double *len, size_t m, enum arcs_way way);
void arcs_destroy(struct arcs *a);

/* Into res (n values): each actor's dependency on the shortest paths from
 * the k sources to every actor, summed over the sources in turn (Brandes),
 * as igraph_betweenness_subset() finds it: lengths within a relative
 * PATHS_EPSILON of each other are equal, the paths of both counted. 'out'
 * are the arcs, 'in' the same arcs reversed. */
#define PATHS_EPSILON 1e-10	/* igraph's IGRAPH_SHORTEST_PATH_EPSILON */
void paths_betweenness(const struct arcs *out, const struct arcs *in, const int64_t *sources, size_t k,
		       double *res);

/* Into res (n values): closeness estimated from the k sources (Eppstein
 * and Wang): the number of sources other than the actor that reach it over
 * the sum of their distances to it, or 0 when none does. Sums are taken in
 * the order of the sources. */
void paths_closeness(const struct arcs *a, const int64_t *sources, size_t k, double *res);

#endif
