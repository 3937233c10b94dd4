/* tables.h - the graph as CSV tables of nodes and edges, and the statistics
 * table, for scripts, spreadsheets and people. */
#ifndef TABLES_H
#define TABLES_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "graph.h"

/* RFC 4180 CSV with a header line: one row per node (id, then the node
 * attributes) or per edge (id, source, target, then the edge attributes). */
int tables_nodes_csv(FILE *fp, const struct graph *g, struct diag *err);
int tables_edges_csv(FILE *fp, const struct graph *g, struct diag *err);

/* The analysis of graph g as a table, one row per actor by PageRank (the
 * columns of analysis_columns), then the structural balance of the signed
 * graph and its unbalanced triads; as aligned text, or as CSV (the rows only). */
int tables_stats(FILE *fp, const struct graph *g, bool csv, struct diag *err);

#endif
