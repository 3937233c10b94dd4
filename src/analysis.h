/* analysis.h - fifth stage: centrality and communities stored on the graph's vertices. */
#ifndef ANALYSIS_H
#define ANALYSIS_H

#include "diag.h"
#include "graph.h"

/* The analyses a build may leave out, by their bits: what they cost grows
 * fastest with the graph, and no other stage needs them. Degree, strength,
 * PageRank (the sizes of the drawings, diff's movers) and communities (their
 * colours and boxes) are always found. */
enum {
	ANALYSIS_BETWEENNESS = 1, ANALYSIS_CLOSENESS = 2, ANALYSIS_EIGENVECTOR = 4, ANALYSIS_KCORE = 8,
	ANALYSIS_BALANCE = 16,	/* friends and foes */
	ANALYSIS_ALL = 31
};
/* Their names, by bit: betweenness, closeness, eigenvector, kcore, balance
 * (NULL-terminated). */
extern const char *const analysis_names[];
/* The bit of analysis 'name', or 0 for none; and of the node attribute
 * 'attr' (0 for one that every graph has). */
unsigned analysis_bit(const char *name);
unsigned analysis_of(const char *attr);

/* Set the vertex attributes degree, strength, pagerank and community of
 * built graph g, and those of the analyses 'which' (bits above): betweenness,
 * closeness, eigenvector, kcore, friends and foes; the others are not set
 * (graph_has says so, and the writers leave them out). Undirected relations
 * count in both directions; weights are the edges' weights (betweenness and
 * closeness use 1/weight as distance). Friends and
 * foes count the actors whose relations with this one sum to cooperation or
 * to conflict (the relation types' signs, weighted). Every value is finite.
 * On a graph of more than ANALYSIS_EXACT_ACTORS actors or
 * ANALYSIS_EXACT_EDGES edges, betweenness and closeness are estimated from
 * the shortest paths of ANALYSIS_PIVOTS actors drawn at random (seeded);
 * where ARPACK does not converge, eigenvector centrality is found by power
 * iteration. graph_estimated(g) names the scores so found. Returns 0, or -1
 * with err set. */
int analysis_run(struct graph *g, unsigned which, struct diag *err);

/* Exact betweenness and closeness search the shortest paths from every
 * actor: minutes at 10,000 actors, days at 100,000. */
#define ANALYSIS_EXACT_ACTORS 5000
#define ANALYSIS_EXACT_EDGES 50000
#define ANALYSIS_PIVOTS 64

/* The node attributes analysis_run() sets, in the order tables show them. */
extern const char *const analysis_columns[];

/* The vertices of g by PageRank, highest first (ties by id), in a new
 * array the caller frees. */
size_t *analysis_rank(const struct graph *g);

/* A triangle of actors (vertex indexes) and the net signs of its sides
 * (a-b, b-c, a-c). */
struct triad {
	size_t v[3];
	int sign[3];
};

/* Structural balance of the signed graph: triangles whose three sides have a
 * net sign are balanced when the product of the signs is positive ("the
 * enemy of my enemy is my friend"). Sets *balanced to their count and
 * *unbalanced to the others, ordered by their vertices (the caller frees
 * it); returns how many. */
size_t analysis_balance(const struct graph *g, size_t *balanced, struct triad **unbalanced);

#endif
