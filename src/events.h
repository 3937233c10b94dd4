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

#endif
