/* jsonio.h - the JSON writers: relation mentions as JSON lines (the map
 * output), the graph, the statistics table and the differences of two
 * graphs as JSON; and documents' records as JSON lines, written by the map
 * step of a sharded run and read back by its reduce step. */
#ifndef JSONIO_H
#define JSONIO_H

#include <stdio.h>

#include "analysis.h"
#include "cache.h"
#include "diag.h"
#include "diff.h"
#include "graph.h"
#include "relations.h"

/* Write the n events of document d to fp, one JSON object per line, with the
 * fields README.md documents; when 'compact', an event of the same sentence
 * as the one before it has no "text". Returns 0, or -1 with err set. */
int jsonio_events(FILE *fp, const struct schema *s, const struct doc *d, const struct event *ev,
		  size_t n, bool compact, struct diag *err);

/* The graph as networkx's node_link_graph() reads it: {"directed": true,
 * "multigraph": true, "graph": {}, "nodes": [{"id", "label", ...}], "edges":
 * [{"id", "key", "source", "target", "relation", ...}], "links": the same
 * edges}, every attribute on every element, typed as in GraphML. Returns 0,
 * or -1 with err set. */
int jsonio_graph(FILE *fp, const struct graph *g, struct diag *err);

/* The graph as graphology's Graph.from() and import() read it: {"options":
 * {"type": "mixed", "multi": true, ...}, "attributes": {}, "nodes": [{"key",
 * "attributes"}], "edges": [{"key", "source", "target", "undirected",
 * "attributes"}]}. Returns 0, or -1 with err set. */
int jsonio_graphology(FILE *fp, const struct graph *g, struct diag *err);

/* The same graph as compact JSON on one line (without "links"), for the
 * HTML page. Returns a
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

/* Write document 'name' (read from 'path') with its record (cache.h, len
 * bytes) as one line {"format": CACHE_FORMAT, "doc": name, "path": path,
 * "record": record}; the path's bytes that are not UTF-8 are written as
 * spaces. Returns 0, or -1 with err set. */
int jsonio_record(FILE *fp, const char *name, const char *path, const char *record, size_t len,
		  struct diag *err);

/* A line of jsonio_record read back; the caller frees it with jsonio_record_free. */
struct jsonio_record {
	char *doc, *path;	/* doc cleaned as names are where they enter (utf8_clean) */
	char *record;		/* len bytes, NUL-terminated */
	size_t len;
};

/* Read 'line' (len bytes, without its newline) into *out. Returns 0, or -1
 * with err set to "FILE:LINE:COL: what is wrong" ('where' gives FILE and
 * LINE): not JSON, not such an object, or a record of another format. */
int jsonio_record_read(const char *line, size_t len, struct pos where, struct jsonio_record *out,
		       struct diag *err);
void jsonio_record_free(struct jsonio_record *r);

#endif
