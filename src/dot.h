/* dot.h - diagrams: DOT through Graphviz cgraph, SVG and PNG rendered with gvc in a child process. */
#ifndef DOT_H
#define DOT_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "graph.h"

enum {
	DOT_MAX_ACTORS = 300,	/* actors in a drawing, so that Graphviz takes seconds, not minutes */
	DOT_MAX_LABEL = 100,	/* characters of a label; longer ones are cut and end in an ellipsis */
	DOT_TIMEOUT = 60	/* seconds a drawing may take, unless told otherwise */
};

/* Write analysed graph g to fp as styled DOT: edges coloured by relation
 * type, dashed when only hypothetical, wider with weight, undirected types
 * without arrows; nodes sized by PageRank, filled by community; a legend of
 * the relation types. Actors in no relation are left out of the drawing,
 * and above DOT_MAX_ACTORS all but those of highest PageRank, as the legend
 * says. With 'clusters', each community is drawn in a box of its own. */
int dot_write(FILE *fp, const struct graph *g, bool clusters, struct diag *err);

/* Lay the same drawing out (neato up to 100 nodes, sfdp above; fdp when
 * 'clusters' boxes each community) and render it to fp in 'format' ("svg" or
 * "png"). Graphviz runs in a child process killed after 'timeout' seconds,
 * so that its crashes, its exit() and its runaway layouts cost this drawing
 * only: they return -1 with err saying what happened, and nothing written to
 * fp. Write errors on fp are left for the caller to find with ferror(). */
int dot_render(FILE *fp, const struct graph *g, const char *format, bool clusters, double timeout,
	       struct diag *err);

#endif
