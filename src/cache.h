/* cache.h - what extraction found in each document, kept between runs in a
 * folder, so that a rebuild extracts only the documents that are new or
 * changed. */
#ifndef CACHE_H
#define CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actors.h"
#include "diag.h"
#include "relations.h"
#include "schema.h"
#include "text.h"
#include "util.h"

struct cache;

/* The cache in folder 'dir' (made if missing) for schema s. An entry is
 * found by a document's text and given date, the bytes of the schema's
 * files, the bytes of this program and 'settings' (what else extraction
 * depends on, such as its limits): a change to any of them misses. Returns
 * NULL with err set when the folder cannot be made. */
struct cache *cache_open(const char *dir, struct schema *s, const char *settings, struct diag *err);

/* Remove the entries no build has used for CACHE_DAYS days (at most once a
 * day) but those of the documents of this build's index, and free c (may
 * be NULL). */
enum { CACHE_DAYS = 30 };
void cache_close(struct cache *c);

/* The version of records and of the entries that hold them, which a reader
 * checks: change it when either changes (the program's bytes are in a
 * cache entry's key too, not in a record written for build --records). */
enum { CACHE_FORMAT = 2 };

/* A document's record: what a graph needs of its results, as lines of text
 * (the date it had, its own date line included; the actors it introduced;
 * its mentions; its events with their sentences). A cache entry holds one, and
 * so does the message of a worker process to the build. Appended to *out. */
void cache_record(const struct schema *s, const struct doc *d, const struct mention *m, size_t nm,
		  const struct event *ev, size_t ne, struct buf *out);

/* A record read back, with the actors it introduced added to the schema. */
struct cached {
	char *date;		/* or NULL */
	struct mention_count *m;	/* an actor may count in several (one per piece) */
	size_t nm;
	struct event *ev;	/* no evidence span: only .sentence and .start are set */
	size_t ne;
	struct span *said;	/* the sentence of each event, in the record */
};

/* Read 'record' (len bytes, changed in place, and pointed into by *out's
 * sentences) into *out for schema s; false, with nothing to free, when a
 * line of it is not a record's. */
bool cache_replay(struct schema *s, char *record, size_t len, struct cached *out);
void cached_free(struct cached *x);

/* A document's identity: a hash of its text (len bytes, as read, before any
 * cleaning) and its given date (may be NULL); two documents of one
 * identity are the same document. */
struct cache_key {
	char hex[17];
};
struct cache_key cache_doc_key(const char *text, size_t len, const char *date);
/* The same of a text given in pieces (corpus.h): begin with the date, add
 * each piece in order, end. Any cut of a text gives its cache_doc_key. */
struct cache_doc_hash {
	uint64_t h;
	unsigned char tail[8];
	size_t ntail;
};
void cache_doc_begin(struct cache_doc_hash *x, const char *date);
void cache_doc_more(struct cache_doc_hash *x, const char *text, size_t len);
struct cache_key cache_doc_end(const struct cache_doc_hash *x);
/* Its key in cache c: the identity with the schema, the program and the settings. */
struct cache_key cache_key(const struct cache *c, struct cache_key doc);

/* What says that the file at 'path' (given 'date', may be NULL) is
 * unchanged: a hash of its path, date, size, inode and times of change
 * (mark), never 0; 0 for a path the index cannot hold. */
uint64_t cache_signature(const char *path, const char *date, const struct file_mark *mark);
/* The identity of a file of signature sig, without reading it: what the last
 * build's index said of a file of that signature. False when unknown. */
bool cache_known(const struct cache *c, uint64_t sig, struct cache_key *id);
/* Add the file of signature sig to this build's index (written by cache_close). */
void cache_know(struct cache *c, uint64_t sig, struct cache_key id);

/* Append the record kept under key k to *record; false when there is no
 * whole entry of this format and key (a torn, truncated or altered one
 * fails its checksum and is ignored). The key holds the program's bytes and
 * the schema's, so a whole entry is one this program wrote for this schema. */
bool cache_get(struct cache *c, struct cache_key k, struct buf *record);

/* Keep under key k the record whose first 'spilled' bytes are in file fd
 * (-1 if none) and the rest in 'record' (len bytes). An entry appears whole
 * or not at all; a failure to write costs only the entry and is reported
 * once on stderr. */
void cache_put(struct cache *c, struct cache_key k, int fd, size_t spilled, const char *record, size_t len);

#endif
