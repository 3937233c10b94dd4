/* trie.h - a token trie: phrases of normalised tokens -> values, matched
 * token by token, so a lookup costs the same however many phrases there are. */
#ifndef TRIE_H
#define TRIE_H

#include <stddef.h>

struct strmap;

/* Words and their ids, shared by the tries of one stage, so that a token is
 * looked up once for all of them. */
struct vocab {
	struct strmap *ids;
	int n;
};

void vocab_init(struct vocab *v);
void vocab_destroy(struct vocab *v);
/* The id of 'word', added if new. */
int vocab_add(struct vocab *v, const char *word);
/* The id of 'word', or -1 if no trie of the vocabulary holds it. */
int vocab_get(const struct vocab *v, const char *word);
int vocab_getn(const struct vocab *v, const char *word, size_t len);	/* a word of len bytes */

struct trie;

/* A trie whose words are ids of 'v' (borrowed: it must outlive the trie). */
struct trie *trie_new(struct vocab *v);
void trie_free(struct trie *t);	/* t may be NULL */

/* Set 'key' (tokens separated by single spaces, as text_key() gives them) to
 * 'value' >= 0, or remove it with -1. Returns the value the key had before,
 * or -1 if it had none. */
long trie_put(struct trie *t, const char *key, long value);

struct trie_hit {
	size_t len;		/* tokens */
	long value;
};

/* The phrases that start at ids[0] (ids from vocab_get, n of them), shortest
 * first, at most 'max' of them in hits. Returns how many were found. */
size_t trie_match(const struct trie *t, const int *ids, size_t n, struct trie_hit *hits, size_t max);

#endif
