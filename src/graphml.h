/* graphml.h - GraphML writer (the contract in README.md: Gephi, networkx, igraph, graphology). */
#ifndef GRAPHML_H
#define GRAPHML_H

#include <stdio.h>

#include "diag.h"
#include "graph.h"

/* Write built and analysed graph g to fp as GraphML. Returns 0, or -1 with
 * err set. */
int graphml_write(FILE *fp, const struct graph *g, struct diag *err);

#endif
