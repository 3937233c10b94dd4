/* trie.h - a token trie: phrases of normalised tokens -> values, matched
 * token by token, so a lookup costs the same however many phrases there are. */
#ifndef TRIE_H
#define TRIE_H

#include <stddef.h>

struct trie;

struct trie *trie_new(void);
void trie_free(struct trie *t);	/* t may be NULL */

/* Set 'key' (tokens separated by single spaces, as text_key() gives them) to
 * 'value' >= 0. Returns the value the key had before, or -1 if it is new. */
long trie_put(struct trie *t, const char *key, long value);

/* The id of a token in the trie's vocabulary, or -1 if no phrase holds it. */
int trie_word(const struct trie *t, const char *norm);

struct trie_hit {
	size_t len;		/* tokens */
	long value;
};

/* The phrases that start at ids[0] (ids from trie_word, n of them), shortest
 * first, at most 'max' of them in hits. Returns how many were found. */
size_t trie_match(const struct trie *t, const int *ids, size_t n, struct trie_hit *hits, size_t max);

#endif
