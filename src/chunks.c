/* chunks.c - the documents of a build in a tree of chunks whose graphs the
 * cache keeps (see chunks.h). */
#include "chunks.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* A document taken without its record: what reads it again if its entry
 * is gone. Its path, name and date are in its node's 'strings' (offsets;
 * NO_DATE for none): four allocations a document, for millions of them,
 * were a twentieth of a rebuild. */
struct unread {
	size_t path, name, date;
	struct file_mark mark;
	bool marked;		/* it has a mark */
	struct cache_key id;
};

#define NO_DATE SIZE_MAX

/* A chunk (level 0) or a group of nodes of the level below. A node is lazy
 * while none of its documents was read: its graph may be in the cache
 * whole, and what it holds is kept to make its graph otherwise. */
struct node {
	uint64_t sig;		/* a hash of its documents' names and identities, or its nodes' */
	size_t n;		/* its documents, or nodes */
	struct graph *g;	/* its graph so far; NULL while lazy */
	size_t outside;		/* of the documents in g, those dated outside the window */
	bool keep;		/* its graph is kept: none of its documents changed since the walk */
	struct unread *docs;	/* lazy, level 0: its documents */
	struct buf strings;	/* ...and theirs */
	struct node *kids;	/* lazy, above: its nodes, lazy too */
	size_t nlazy, cap;
};

struct chunks {
	struct cache *cache;
	struct schema *s;
	uint64_t settings;
	struct chunk_hooks h;
	struct node *levels;	/* the open node of each level */
	size_t nlevels;
};

/* Groups above this level are not made: one of level 16 ends where a
 * name's hash is a multiple of 2^40, past any corpus. */
enum { LEVELS_MAX = 16 };

struct chunks *chunks_new(struct cache *c, struct schema *s, uint64_t settings, const struct chunk_hooks *h)
{
	struct chunks *t = xcalloc(1, sizeof *t);

	t->cache = c;
	t->s = s;
	t->settings = settings;
	t->h = *h;
	return t;
}

static void node_clear(struct node *x)
{
	for (size_t i = 0; x->kids && i < x->nlazy; i++)
		node_clear(&x->kids[i]);
	free(x->docs);
	free(x->strings.data);
	free(x->kids);
	graph_free(x->g);
	memset(x, 0, sizeof *x);
}

void chunks_free(struct chunks *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nlevels; i++)
		node_clear(&t->levels[i]);
	free(t->levels);
	free(t);
}

/* The open node of 'level', begun if empty. */
static struct node *open_node(struct chunks *t, size_t level)
{
	struct node *x;

	if (level >= t->nlevels) {
		t->levels = xrealloc(t->levels, (level + 1) * sizeof *t->levels);
		memset(t->levels + t->nlevels, 0, (level + 1 - t->nlevels) * sizeof *t->levels);
		t->nlevels = level + 1;
	}
	x = &t->levels[level];
	if (x->n == 0) {
		x->sig = hash64(t->settings, &level, sizeof level);
		x->keep = true;
	}
	return x;
}

static struct cache_key key_of(const struct chunks *t, const struct node *x)
{
	struct cache_key sig;

	snprintf(sig.hex, sizeof sig.hex, "%016" PRIx64, x->sig);
	return cache_key(t->cache, sig);
}

/* Keep x's graph in the cache: the documents dated outside the window,
 * then graph_dump's lines. */
static void keep_graph(struct chunks *t, const struct node *x)
{
	struct buf b = {0};

	buf_printf(&b, "outside\t%zu\n", x->outside);
	graph_dump(x->g, &b);
	cache_put(t->cache, key_of(t, x), -1, 0, b.data, b.len);
	free(b.data);
}

/* x's graph from the cache, into x->g (empty); false if it is not there whole. */
static bool kept_graph(struct chunks *t, struct node *x)
{
	struct buf b = {0};
	char *nl, *f[2];
	bool ok = cache_get(t->cache, key_of(t, x), &b) && (nl = memchr(b.data, '\n', b.len)) &&
		  split_fields(b.data, nl, f, 2) == 2 && strcmp(f[0], "outside") == 0 &&
		  graph_undump(x->g, t->s, nl + 1, b.len - (size_t)(nl + 1 - b.data));

	if (ok)
		x->outside = (size_t)strtoull(f[1], NULL, 10);
	free(b.data);
	return ok;
}

static int absorb(struct chunks *t, struct node *p, struct node *k, struct diag *err);

/* Give node x its graph, made of what it holds: its documents' records,
 * or its nodes' graphs. */
static int make(struct chunks *t, struct node *x, struct diag *err)
{
	struct unread *docs = x->docs;
	struct buf strings = x->strings;
	struct node *kids = x->kids;
	size_t n = x->nlazy;
	int rc = 0;

	x->docs = NULL;
	x->strings = (struct buf){0};
	x->kids = NULL;
	x->nlazy = x->cap = 0;
	if (!x->g)
		x->g = t->h.new_graph(t->h.ctx);
	for (size_t i = 0; i < n; i++) {
		if (docs) {
			struct unread *u = &docs[i];
			struct corpus_doc d = {.path = strings.data + u->path, .name = strings.data + u->name,
					       .date = u->date == NO_DATE ? NULL : strings.data + u->date,
					       .mark = u->marked ? &u->mark : NULL};
			bool changed = false;

			if (rc == 0)
				rc = t->h.add_unread(t->h.ctx, &d, u->id, x->g, &x->outside, &changed, err);
			x->keep = x->keep && !changed;
		} else if (rc == 0) {
			rc = absorb(t, x, &kids[i], err);
		} else {
			node_clear(&kids[i]);
		}
	}
	free(docs);
	free(strings.data);
	free(kids);
	return rc;
}

/* Give lazy node x its graph: the cache's if it is there whole, else made
 * of what x holds, and kept. */
static int whole(struct chunks *t, struct node *x, struct diag *err)
{
	x->g = t->h.new_graph(t->h.ctx);
	if (kept_graph(t, x))
		return 0;
	graph_free(x->g);	/* perhaps partly read */
	x->g = NULL;
	x->outside = 0;
	if (make(t, x, err) < 0)
		return -1;
	if (x->keep)
		keep_graph(t, x);
	return 0;
}

/* Add the graph of node k (whole() if lazy) to that of node p, and free k. */
static int absorb(struct chunks *t, struct node *p, struct node *k, struct diag *err)
{
	int rc = k->g ? 0 : whole(t, k, err);

	if (rc == 0) {
		graph_absorb(p->g, k->g);
		p->outside += k->outside;
		p->keep = p->keep && k->keep;
	}
	node_clear(k);
	return rc;
}

/* Count 'doc' (a document's name, or a node's sig) in the open node of
 * 'level', and in its sig; returns the node. */
static struct node *take(struct chunks *t, size_t level, const void *doc, size_t len)
{
	struct node *x = open_node(t, level);

	x->sig = hash64(x->sig, doc, len);
	x->n++;
	return x;
}

int chunks_add_unread(struct chunks *t, const struct corpus_doc *d, struct cache_key id, struct diag *err)
{
	struct node *x = take(t, 0, d->name, strlen(d->name) + 1);
	struct unread *u;

	x->sig = hash64(x->sig, id.hex, sizeof id.hex);
	if (x->g) {
		bool changed = false;
		int rc = t->h.add_unread(t->h.ctx, d, id, x->g, &x->outside, &changed, err);

		x->keep = x->keep && !changed;
		return rc;
	}
	xgrow(&x->docs, &x->cap, x->nlazy + 1, sizeof *x->docs);
	u = &x->docs[x->nlazy++];
	u->path = x->strings.len;
	buf_add(&x->strings, d->path, strlen(d->path) + 1);
	u->name = x->strings.len;
	buf_add(&x->strings, d->name, strlen(d->name) + 1);
	u->date = d->date ? x->strings.len : NO_DATE;
	if (d->date)
		buf_add(&x->strings, d->date, strlen(d->date) + 1);
	u->marked = d->mark != NULL;
	if (d->mark)
		u->mark = *d->mark;
	u->id = id;
	return 0;
}

struct graph *chunks_add_read(struct chunks *t, const char *name, struct cache_key id, size_t **outside,
			      struct diag *err)
{
	struct node *x = take(t, 0, name, strlen(name) + 1);

	x->sig = hash64(x->sig, id.hex, sizeof id.hex);
	if (!x->g && make(t, x, err) < 0)	/* its documents before, read now */
		return NULL;
	*outside = &x->outside;
	return x->g;
}

/* End the open node of 'level': keep its graph if made, and give it to the
 * node of the level above. */
static int close_node(struct chunks *t, size_t level, struct diag *err)
{
	struct node x = t->levels[level], *p;
	int rc = 0;

	memset(&t->levels[level], 0, sizeof x);
	if (x.g && x.keep)
		keep_graph(t, &x);
	p = take(t, level + 1, &x.sig, sizeof x.sig);
	if (x.g && !p->g)
		rc = make(t, p, err);	/* p is made now: its nodes before, taken whole or made */
	if (rc == 0 && p->g) {
		rc = absorb(t, p, &x, err);
	} else if (rc == 0) {
		xgrow(&p->kids, &p->cap, p->nlazy + 1, sizeof *p->kids);
		p->kids[p->nlazy++] = x;
	} else {
		node_clear(&x);
	}
	return rc;
}

int chunks_after(struct chunks *t, const char *name, struct diag *err)
{
	uint64_t h = hash64(HASH64_START, name, strlen(name)), span = CHUNK_DOCS;

	if (h % span != 0)	/* not the end of a chunk, unless the chunk is full */
		return t->levels[0].n < CHUNK_MAX ? 0 : close_node(t, 0, err);
	for (size_t level = 0; level < LEVELS_MAX; level++, span *= GROUP_NODES) {
		if (close_node(t, level, err) < 0)
			return -1;
		if (h % (span * GROUP_NODES) != 0)
			break;
	}
	return 0;
}

int chunks_end(struct chunks *t, struct graph *g, size_t *outside, struct diag *err)
{
	size_t top = t->nlevels;
	struct node *root;

	while (top > 0 && t->levels[top - 1].n == 0)
		top--;
	if (top == 0)
		return 0;	/* no document */
	for (size_t level = 0; level + 1 < top; level++)
		if (t->levels[level].n && close_node(t, level, err) < 0)
			return -1;
	root = &t->levels[top - 1];
	if (!root->g) {
		if (whole(t, root, err) < 0)
			return -1;
	} else if (root->keep) {
		keep_graph(t, root);
	}
	graph_absorb(g, root->g);
	*outside += root->outside;
	node_clear(root);
	return 0;
}
