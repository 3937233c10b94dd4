/* events.h - relation mentions explained: the sentences behind an edge. */
#ifndef EVENTS_H
#define EVENTS_H

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

#endif
