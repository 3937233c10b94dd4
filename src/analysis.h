/* analysis.h - fifth stage: centrality and communities stored on the graph's vertices. */
#ifndef ANALYSIS_H
#define ANALYSIS_H

#include "diag.h"
#include "graph.h"

/* Set the vertex attributes degree, strength, betweenness, pagerank,
 * eigenvector and community of built graph g. Undirected relations count in
 * both directions; weights are the edges' weights (betweenness uses 1/weight
 * as distance). Every value is finite. Returns 0, or -1 with err set. */
int analysis_run(struct graph *g, struct diag *err);

#endif
