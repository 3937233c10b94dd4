/* trie.c - nodes are numbered; an edge (node, word) -> child lives in one
 * open-addressing table of 64-bit keys. */
#include "trie.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct trie {
	struct vocab *vocab;
	long *value;		/* per node, -1 if no phrase ends there */
	size_t nnodes, nodes_cap;
	uint64_t *keys;		/* edge table: (node + 1) << 32 | word, 0 = empty */
	int *child;
	size_t cap, count;
	/* the root's edges again, by word id (-1: none): most tokens start no
	 * phrase, and this says so without a probe of the table, which missed
	 * the processor's caches (half the time of matching) */
	int *first;
	size_t nfirst;
};

static uint64_t edge_key(size_t node, int word)
{
	return ((uint64_t)(node + 1) << 32) | (uint32_t)word;
}

static size_t edge_slot(const struct trie *t, uint64_t key)
{
	size_t i = (size_t)((key * 0x9e3779b97f4a7c15u) >> 20) & (t->cap - 1);

	while (t->keys[i] && t->keys[i] != key)
		i = (i + 1) & (t->cap - 1);
	return i;
}

static size_t new_node(struct trie *t)
{
	xgrow(&t->value, &t->nodes_cap, t->nnodes + 1, sizeof *t->value);
	t->value[t->nnodes] = -1;
	return t->nnodes++;
}

void vocab_init(struct vocab *v)
{
	v->ids = strmap_new();
	v->n = 0;
}

void vocab_destroy(struct vocab *v)
{
	strmap_free(v->ids);
	v->ids = NULL;
}

int vocab_add(struct vocab *v, const char *word)
{
	long id = strmap_get(v->ids, word);

	if (id < 0)
		strmap_put(v->ids, word, id = v->n++);
	return (int)id;
}

int vocab_get(const struct vocab *v, const char *word)
{
	return (int)strmap_get(v->ids, word);
}

int vocab_getn(const struct vocab *v, const char *word, size_t len)
{
	return (int)strmap_getn(v->ids, word, len);
}

struct trie *trie_new(struct vocab *v)
{
	struct trie *t = xcalloc(1, sizeof *t);

	t->vocab = v;
	t->cap = 256;
	t->keys = xcalloc(t->cap, sizeof *t->keys);
	t->child = xcalloc(t->cap, sizeof *t->child);
	new_node(t);		/* the root */
	return t;
}

void trie_free(struct trie *t)
{
	if (!t)
		return;
	free(t->value);
	free(t->keys);
	free(t->child);
	free(t->first);
	free(t);
}

static void grow_edges(struct trie *t)
{
	struct trie big = *t;

	big.cap = 2 * t->cap;
	big.keys = xcalloc(big.cap, sizeof *big.keys);
	big.child = xcalloc(big.cap, sizeof *big.child);
	for (size_t i = 0; i < t->cap; i++)
		if (t->keys[i]) {
			size_t j = edge_slot(&big, t->keys[i]);

			big.keys[j] = t->keys[i];
			big.child[j] = t->child[i];
		}
	free(t->keys);
	free(t->child);
	t->keys = big.keys;
	t->child = big.child;
	t->cap = big.cap;
}

long trie_put(struct trie *t, const char *key, long value)
{
	size_t node = 0;
	long old;

	while (*key) {
		const char *sp = strchr(key, ' ');
		size_t len = sp ? (size_t)(sp - key) : strlen(key);
		char *word = xstrndup(key, len);
		int w = vocab_add(t->vocab, word);
		uint64_t k;
		size_t slot;

		free(word);
		if (2 * (t->count + 1) > t->cap)
			grow_edges(t);
		k = edge_key(node, w);
		slot = edge_slot(t, k);
		if (!t->keys[slot]) {
			t->keys[slot] = k;
			t->child[slot] = (int)new_node(t);
			t->count++;
		}
		if (node == 0) {
			size_t had = t->nfirst;

			xgrow(&t->first, &t->nfirst, (size_t)w + 1, sizeof *t->first);
			if (t->nfirst > had)
				memset(t->first + had, 0xff, (t->nfirst - had) * sizeof *t->first);	/* -1 each */
			t->first[w] = t->child[slot];
		}
		node = (size_t)t->child[slot];
		key += len;
		while (*key == ' ')
			key++;
	}
	old = t->value[node];
	t->value[node] = value;
	return old;
}

size_t trie_match(const struct trie *t, const int *ids, size_t n, struct trie_hit *hits, size_t max)
{
	size_t node, found = 0;

	if (n == 0 || max == 0 || ids[0] < 0 || (size_t)ids[0] >= t->nfirst || t->first[ids[0]] < 0)
		return 0;
	node = (size_t)t->first[ids[0]];
	if (t->value[node] >= 0)
		hits[found++] = (struct trie_hit){1, t->value[node]};
	for (size_t i = 1; i < n && found < max && ids[i] >= 0; i++) {
		size_t slot = edge_slot(t, edge_key(node, ids[i]));

		if (!t->keys[slot])
			break;
		node = (size_t)t->child[slot];
		if (t->value[node] >= 0)
			hits[found++] = (struct trie_hit){i + 1, t->value[node]};
	}
	return found;
}
