/* jsonio.h - the JSON writers: relation mentions as JSON lines (the map
 * output), the graph, the statistics table and the differences of two
 * graphs as JSON. */
#ifndef JSONIO_H
#define JSONIO_H

#include <stdio.h>

#include "analysis.h"
#include "diag.h"
#include "diff.h"
#include "graph.h"
#include "relations.h"

/* Write the n events of document d to fp, one JSON object per line, with the
 * fields README.md documents. Returns 0, or -1 with err set. */
int jsonio_events(FILE *fp, const struct schema *s, const struct doc *d, const struct event *ev,
		  size_t n, struct diag *err);

/* {"directed": true, "nodes": [{"id", "label", ...}], "edges": [{"id",
 * "source", "target", "relation", ...}]}, every attribute on every element,
 * typed as in GraphML. Returns 0, or -1 with err set. */
int jsonio_graph(FILE *fp, const struct graph *g, struct diag *err);

/* The same graph as compact JSON on one line, for the HTML page. Returns a
 * string the caller frees with free(), or NULL when memory ran out. */
char *jsonio_graph_text(const struct graph *g);

/* The statistics of tables_stats() as {"actors": [...], "balance":
 * {"balanced": N, "unbalanced": [{"actors": [ids], "signs": [...]}]}}. */
int jsonio_stats(FILE *fp, const struct graph *g, struct diag *err);

/* The differences d between the graphs of old_path and new_path as
 * {"old", "new", "changed": bool, "actors_added": [{"id", "label"}],
 * "actors_removed", "edges_added": [{"relation", "source", "target", "sign",
 * "weight"}], "edges_removed", "weights_changed": [{..., "old_weight",
 * "new_weight"}], "pagerank_movers": [{"id", "label", "old", "new",
 * "change"}], "degree_movers"}, in diff.h's order. */
int jsonio_diff(FILE *fp, const struct diff *d, const char *old_path, const char *new_path, struct diag *err);

#endif
