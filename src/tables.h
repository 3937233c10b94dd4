/* tables.h - the graph as JSON and as CSV tables of nodes and edges, for
 * scripts, spreadsheets and web viewers. */
#ifndef TABLES_H
#define TABLES_H

#include <stdio.h>

#include "diag.h"
#include "graph.h"

/* {"directed": true, "nodes": [{"id", "label", ...}], "edges": [{"id",
 * "source", "target", "relation", ...}]}, every attribute on every element,
 * typed as in GraphML. Returns 0, or -1 with err set. */
int tables_json(FILE *fp, const struct graph *g, struct diag *err);

/* RFC 4180 CSV with a header line: one row per node (id, then the node
 * attributes) or per edge (id, source, target, then the edge attributes). */
int tables_nodes_csv(FILE *fp, const struct graph *g, struct diag *err);
int tables_edges_csv(FILE *fp, const struct graph *g, struct diag *err);

enum stats_format { STATS_TEXT, STATS_CSV, STATS_JSON };

/* The analysis of graph g as a table, one row per actor by PageRank: degree,
 * strength, betweenness, closeness, PageRank, eigenvector, k-core, community,
 * friends and foes; then the structural balance of the signed graph and its
 * unbalanced triads. As aligned text, CSV, or JSON. */
int tables_stats(FILE *fp, const struct graph *g, enum stats_format format, struct diag *err);

#endif
