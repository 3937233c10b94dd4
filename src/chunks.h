/* chunks.h - the documents of a build with a cache, in a tree of chunks
 * whose graphs the cache keeps, so that a rebuild reads only what changed.
 *
 * Documents are taken in the order of the walk. A chunk (level 0) ends
 * after a document whose name hashes to a multiple of CHUNK_DOCS (or after
 * CHUNK_MAX documents); a group of level L ends after a document whose name
 * hashes to a multiple of CHUNK_DOCS x GROUP_NODES^L. A name added or
 * removed changes its own chunk and the groups above it only. The graph of
 * each chunk and group (graph.h's dump) is kept in the cache under a hash
 * of its documents' names and identities; a rebuild makes again the chunks
 * and groups of documents that changed, and takes each of their other
 * parts whole: with 10,000 documents and one changed, it reads the records
 * of that one's chunk and some ten graphs, not 10,000 records. */
#ifndef CHUNKS_H
#define CHUNKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cache.h"
#include "corpus.h"
#include "diag.h"
#include "graph.h"

enum { CHUNK_DOCS = 256, CHUNK_MAX = 4 * CHUNK_DOCS, GROUP_NODES = 4 };

/* What the build does for the chunks. */
struct chunk_hooks {
	/* an empty graph as the build's options say */
	struct graph *(*new_graph)(void *ctx);
	/* add to g the record of document d (of identity id), not read when
	 * it was taken: from the cache, or read and extracted again; counted
	 * in *outside if dated outside the window. *changed is set when d is
	 * not what id says any more (its text changed since, or it cannot be
	 * read, which is the hook's to report): a graph with it is not kept.
	 * Returns 0, or -1 with err set on a failure that ends the build. */
	int (*add_unread)(void *ctx, const struct corpus_doc *d, struct cache_key id, struct graph *g,
			  size_t *outside, bool *changed, struct diag *err);
	void *ctx;
};

struct chunks;

/* Chunks for cache c and schema s; 'settings' is a hash of what the graph
 * depends on besides the documents, the schema and the program (the
 * window, the level). */
struct chunks *chunks_new(struct cache *c, struct schema *s, uint64_t settings, const struct chunk_hooks *h);
void chunks_free(struct chunks *t);	/* t may be NULL */

/* Take the next document, of identity id: one whose record was not read
 * (kept, to be read if its chunk must be made)... */
int chunks_add_unread(struct chunks *t, const struct corpus_doc *d, struct cache_key id, struct diag *err);
/* ...or one whose record was: returns the graph to add it to and, in
 * *outside, where to count it if it is dated outside the window; NULL with
 * err set on failure. */
struct graph *chunks_add_read(struct chunks *t, const char *name, struct cache_key id, size_t **outside,
			      struct diag *err);
/* Then end the chunk and groups that document 'name' ends. */
int chunks_after(struct chunks *t, const char *name, struct diag *err);

/* Add the graph of all the documents taken to g, and those dated outside
 * the window to *outside. */
int chunks_end(struct chunks *t, struct graph *g, size_t *outside, struct diag *err);

#endif
