/* events.h - the map output: relation mentions as JSON lines, one object per line. */
#ifndef EVENTS_H
#define EVENTS_H

#include <stdio.h>

#include "diag.h"
#include "relations.h"

/* Write the n events of document d to fp, one JSON object per line, with the
 * fields README.md documents. Returns 0, or -1 with err set. */
int events_write(FILE *fp, const struct schema *s, const struct doc *d, const struct event *ev,
		 size_t n, struct diag *err);

/* An edge to explain: actor ids or labels (case-insensitive) and a type. */
struct edge_query {
	const char *source, *relation, *target;
};

/* Write to fp, for a person to read, the events of document d that make
 * edge q (either order for undirected types): where, the rule, the modality,
 * the evidence and the sentence. Returns how many were written. */
size_t events_explain(FILE *fp, const struct schema *s, const struct doc *d, const struct event *ev,
		      size_t n, const struct edge_query *q);

#endif
