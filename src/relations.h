/* relations.h - third stage: triggers and their arguments in sentences -> events. */
#ifndef RELATIONS_H
#define RELATIONS_H

#include <stddef.h>

#include "actors.h"
#include "schema.h"
#include "text.h"

enum modality { MOD_ASSERTED, MOD_HYPOTHETICAL };

/* One relation mention with its evidence. */
struct event {
	int rel;		/* reltype index */
	int source, target;	/* actor indexes; canonical order for undirected types */
	enum modality modality;
	size_t sentence;	/* index in doc->sent */
	size_t start, end;	/* bytes of the evidence span in doc->text */
	char rule[96];		/* trigger id and argument pattern: "sanctions.noun/object" */
};

struct extractor;
struct vocab;

/* An extractor for schema 's', its words added to 'words', the matcher's
 * vocabulary (actors_words), so that each token is looked up once for both
 * stages (both must outlive it). */
struct extractor *relations_new(const struct schema *s, struct vocab *words);
void relations_free(struct extractor *x);	/* x may be NULL */

/* The relation mentions of document 'd', whose tokens' word ids and actor
 * mentions are 'words' and 'm' (n of them), as actors_find() gives them, in
 * text order. The caller frees *out. Returns the count. */
size_t relations_find(const struct extractor *x, const struct doc *d, const int *words, const struct mention *m,
		      size_t n, struct event **out);

#endif
