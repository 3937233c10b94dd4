/* gexf.h - GEXF 1.3 writer (Gephi's own format): typed attributes, viz colours,
 * sizes and positions, and spells, so that Gephi's timeline plays the
 * graph's history. */
#ifndef GEXF_H
#define GEXF_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "graph.h"

/* Write analysed graph g to fp as GEXF 1.3, each node at a position of a
 * force-directed layout (so that Gephi opens it laid out). Nodes and edges
 * carry one spell per date of the documents that mention them, or when
 * 'accumulate' one spell from the first of those dates on; a graph with no
 * dated document is written static. Returns 0, or -1 with err set. */
int gexf_write(FILE *fp, const struct graph *g, bool accumulate, struct diag *err);

#endif
