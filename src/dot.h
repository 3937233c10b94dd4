/* dot.h - diagrams: DOT through Graphviz cgraph, SVG and PNG rendered in-process with gvc. */
#ifndef DOT_H
#define DOT_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "graph.h"

/* Labels longer than this many characters are cut, and end in an ellipsis. */
enum { DOT_MAX_LABEL = 100 };

/* Write analysed graph g to fp as styled DOT: edges coloured by relation
 * type, dashed when only hypothetical, wider with weight, undirected types
 * without arrows; nodes sized by PageRank, filled by community; a legend of
 * the relation types. Actors in no relation are left out of the drawing.
 * With 'clusters', each community is drawn in a box of its own. */
int dot_write(FILE *fp, const struct graph *g, bool clusters, struct diag *err);

/* Lay the same drawing out (neato up to 100 nodes, sfdp above; fdp when
 * 'clusters' boxes each community) and render it to fp in 'format' ("svg" or
 * "png"). */
int dot_render(FILE *fp, const struct graph *g, const char *format, bool clusters, struct diag *err);

/* Free the Graphviz context that dot_render() keeps; call once, at exit. */
void dot_cleanup(void);

#endif
