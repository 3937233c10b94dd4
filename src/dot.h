/* dot.h - diagrams: DOT through Graphviz cgraph, SVG and PNG rendered with gvc in a child process. */
#ifndef DOT_H
#define DOT_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "graph.h"

enum {
	DOT_MAX_ACTORS = 80,	/* actors in a drawing, above which it is a summary of the highest ranked */
	DOT_ROUTED_EDGES = 100,	/* edges in a drawing, above which they are straight, not routed around nodes */
	DOT_MAX_LABEL = 100,	/* characters of a label; longer ones are cut and end in an ellipsis */
	DOT_TIMEOUT = 60	/* seconds a drawing may take, unless told otherwise */
};

/* How a diagram is drawn. */
struct dot_style {
	const char *title;	/* the graph's name, first in the legend */
	const char *by;		/* the node attribute that ranks actors for a summary (NULL: pagerank) */
	bool clusters;		/* each community in a box of its own */
};

/* Write analysed graph g to fp as styled DOT: edges coloured by relation
 * type, dashed when only hypothetical, wider with weight, undirected types
 * without arrows; nodes sized by PageRank, filled by community; under it a
 * title (name, documents, dates) and a legend of the relation types, the
 * communities (named by their highest ranked actor), shapes and sizes.
 * Actors in no relation are left out of the drawing, and above
 * DOT_MAX_ACTORS all but those ranked highest, as the title says. The
 * image is at most 30 inches wide and high. */
int dot_write(FILE *fp, const struct graph *g, const struct dot_style *st, struct diag *err);

/* Lay the same drawing out (neato; fdp when st->clusters boxes each
 * community) and render it to fp in 'format' ("svg" or
 * "png"). Graphviz runs in a child process killed after 'timeout' seconds,
 * so that its crashes, its exit() and its runaway layouts cost this drawing
 * only: they return -1 with err saying what happened, and nothing written to
 * fp. Write errors on fp are left for the caller to find with ferror(). */
int dot_render(FILE *fp, const struct graph *g, const char *format, const struct dot_style *st, double timeout,
	       struct diag *err);

#endif
