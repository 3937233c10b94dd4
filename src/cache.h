/* cache.h - what extraction found in each document, kept between runs in a
 * folder, so that a rebuild extracts only the documents that are new or
 * changed. */
#ifndef CACHE_H
#define CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "actors.h"
#include "diag.h"
#include "relations.h"
#include "schema.h"
#include "text.h"

struct cache;

/* The cache in folder 'dir' (made if missing) for schema s. An entry is
 * found by a document's text and given date, the bytes of the schema's
 * files, the bytes of this program and 'settings' (what else extraction
 * depends on, such as its limits): a change to any of them misses. Returns
 * NULL with err set when the folder cannot be made. */
struct cache *cache_open(const char *dir, struct schema *s, const char *settings, struct diag *err);

/* Remove the entries no build has used for CACHE_DAYS days (at most once a
 * day), and free c (may be NULL). */
enum { CACHE_DAYS = 30 };
void cache_close(struct cache *c);

/* One document's results as a graph needs them: the date it had (its own
 * date line included) and the actors of its mentions and its events, with
 * the actors it introduced added to the schema again. */
struct cached {
	char *date;		/* or NULL */
	struct mention *m;	/* only .actor is set */
	size_t nm;
	struct event *ev;	/* no evidence span: only .sentence and .start are set */
	size_t ne;
	struct span *said;	/* the sentence of each event, in 'store' */
	char *store;
};

/* A document's key: a hash of its text (len bytes, as read, before any
 * cleaning), its given date (may be NULL), the schema and the program. */
struct cache_key {
	char hex[17];
};
struct cache_key cache_key(const struct cache *c, const char *text, size_t len, const char *date);

/* The results kept under key k, into *out; false when there is no whole,
 * valid entry (a torn, truncated or foreign one is ignored). */
bool cache_get(struct cache *c, struct cache_key k, struct cached *out);

/* Keep the results of document d under key k. An entry appears whole or
 * not at all; a failure to write costs only the entry and is reported once
 * on stderr. */
void cache_put(struct cache *c, struct cache_key k, const struct doc *d, const struct mention *m, size_t nm,
	       const struct event *ev, size_t ne);

void cached_free(struct cached *x);

#endif
