/* jsonio.h - the JSON writers: relation mentions as JSON lines (the map
 * output), the graph as JSON, and the statistics table as JSON. */
#ifndef JSONIO_H
#define JSONIO_H

#include <stdio.h>

#include "analysis.h"
#include "diag.h"
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

/* The statistics of tables_stats() as {"actors": [...], "balance":
 * {"balanced": N, "unbalanced": [{"actors": [ids], "signs": [...]}]}}. */
int jsonio_stats(FILE *fp, const struct graph *g, struct diag *err);

#endif
