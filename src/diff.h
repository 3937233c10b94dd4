/* diff.h - what changed between two graphs that build wrote: actors and
 * edges added and removed, weights changed, the biggest movers in PageRank
 * and degree. Read by graph_load(), written as text here and as JSON by jsonio.c. */
#ifndef DIFF_H
#define DIFF_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "graph.h"

enum { DIFF_MOVERS = 10 };	/* movers listed per score */

/* An actor: its scores in the old and the new graph (0 where it is absent). */
struct diff_actor {
	const char *id, *label;
	double old_rank, new_rank;
	long old_degree, new_degree;
};

/* An edge, known by (relation, source, target). */
struct diff_edge {
	const char *relation, *source, *target;
	double old_weight, new_weight;
	int sign;	/* -1 conflict, 0 neutral, 1 cooperation */
};

/* The strings belong to the two graphs, which must outlive the diff.
 * Actors are sorted by id, edges by (relation, source, target) with the
 * conflict edges (sign -1) first, movers by their change, largest first
 * (then by id); only actors in both graphs move. */
struct diff {
	struct diff_actor *added, *removed, *rank_movers, *degree_movers;
	size_t nadded, nremoved, nrank_movers, ndegree_movers;
	struct diff_edge *edges_added, *edges_removed, *reweighted;
	size_t nedges_added, nedges_removed, nreweighted;
};

/* Compare graphs 'old' and 'new', read by graph_load() from the files
 * old_path and new_path (named in errors). Returns 0, or -1 with err set
 * when a graph lacks the node scores pagerank and degree. Free d with
 * diff_destroy() either way. */
int diff_run(struct diff *d, const struct graph *old, const char *old_path, const struct graph *new,
	     const char *new_path, struct diag *err);
void diff_destroy(struct diff *d);

/* Does d hold no change? */
bool diff_is_empty(const struct diff *d);

/* d as text for a person, one section per kind of change; "no changes"
 * when there are none. Returns 0, or -1 with err set when fp fails. */
int diff_write(FILE *fp, const struct diff *d, struct diag *err);

#endif
