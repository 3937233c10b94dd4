/* events.h - relation mentions explained (the sentences behind an edge) and
 * written as an event-data table with CAMEO codes and Goldstein scores. */
#ifndef EVENTS_H
#define EVENTS_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "relations.h"

/* An edge to explain: actor ids or labels (case-insensitive) and a type. */
struct edge_query {
	const char *source, *relation, *target;
};

/* Write to fp, for a person to read, the events of document d that make
 * edge q (either order for undirected types): where, the rule, the modality,
 * the evidence and the sentence. Returns how many were written. */
size_t events_explain(FILE *fp, const struct schema *s, const struct doc *d, const struct event *ev,
		      size_t n, const struct edge_query *q);

/* The root of a CAMEO code: its first two digits ("163" -> "16"), or ""
 * when 'code' does not start with two digits (a relation with no code). */
void events_cameo_root(const char *code, char root[3]);

/* The Goldstein (1992) conflict-cooperation score, -10 to +10, of a CAMEO
 * root code ("01" to "20"), into *score; false for any other string. */
bool events_goldstein(const char *root, double *score);

/* The events of d as tab-separated lines, after events_tsv_header's line:
 * the columns README.md documents; a tab, line feed or carriage return in a
 * field is written as a space. Returns 0, or -1 with err set. */
int events_tsv_header(FILE *fp, struct diag *err);
int events_tsv(FILE *fp, const struct schema *s, const struct doc *d, const struct event *ev, size_t n,
	       struct diag *err);

#endif
