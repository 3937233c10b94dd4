/* gexf.h - GEXF 1.3 writer (Gephi's own format): typed attributes, viz colours
 * and sizes, and spells, so that Gephi's timeline plays the graph's history. */
#ifndef GEXF_H
#define GEXF_H

#include <stdio.h>

#include "diag.h"
#include "graph.h"

/* Write analysed graph g to fp as GEXF 1.3. Nodes and edges carry one spell
 * per date of the documents that mention them; a graph with no dated
 * document is written static. Returns 0, or -1 with err set. */
int gexf_write(FILE *fp, const struct graph *g, struct diag *err);

#endif
