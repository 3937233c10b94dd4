/* text.h - first pipeline stage: a document's bytes -> tokens and sentences. */
#ifndef TEXT_H
#define TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum {
	TOK_WORD = 1 << 0,	/* letters or digits, not punctuation */
	TOK_UPPER = 1 << 1,	/* starts with an uppercase letter ("Émile", "Łukasz") */
	TOK_CAPS = 1 << 2,	/* two or more cased letters, all uppercase ("US", "NATO", "RAÚL") */
	TOK_SPACE = 1 << 3,	/* whitespace before the token */
	TOK_OPEN = 1 << 4,	/* an opening quotation mark */
};

/* A token is a span of the original text and its normalised form: letters
 * lowercased (ASCII and the scripts utf8_case knows: "RAÚL" -> "raúl"),
 * curly quotes and apostrophes made straight, en dashes and hyphens "-", em
 * dashes "--". */
struct token {
	size_t start, end;	/* byte offsets in doc->text */
	const char *norm;
	unsigned flags;
	unsigned len;		/* of norm, in bytes */
};

/* A sentence is a run of tokens inside one line (paragraph) of the text. */
struct sentence {
	size_t first, end;	/* tokens [first, end) */
	unsigned long line, col;	/* where it starts */
	bool question;		/* ends with '?' */
};

struct doc {
	char *name;		/* file name without directory or extension */
	char *path;
	char *date;		/* YYYY-MM-DD or NULL */
	char *text;
	size_t len;
	struct token *tok;
	size_t ntok;
	struct sentence *sent;
	size_t nsent;
	size_t bad_bytes;	/* invalid UTF-8 bytes, replaced by spaces in text */
	struct pos first_bad;	/* where the first one was */
	char *norms;		/* storage of the tokens' norm strings */
	/* where the text is in its document, which is read in pieces when it is
	 * long (corpus.h): 0 for the first piece, or the whole */
	size_t origin;		/* bytes before it */
	size_t sentences_before;	/* sentences of the pieces before it */
};

/* A stretch of text: 'len' bytes at 'p', not NUL-terminated. */
struct span {
	const char *p;
	size_t len;
};

/* The text of sentence i of d, from its first token to its last. */
struct span text_sentence(const struct doc *d, size_t i);

/* Split 'text' (len bytes, NUL-terminated; the doc takes ownership) from file
 * 'path' into tokens and sentences. 'name' and 'date' (may be NULL) are copied.
 * Never fails: invalid UTF-8 bytes and NULs are counted in bad_bytes and
 * replaced by spaces, so later stages see valid UTF-8 at unchanged offsets. */
struct doc *text_parse(const char *path, const char *name, const char *date, char *text, size_t len);
void text_free(struct doc *d);	/* d may be NULL */

/* Place d as a piece of a longer document, after 'origin' bytes, 'lines'
 * line breaks and 'sentences' sentences: its sentences' lines, and its
 * first invalid byte's, count from there. */
void text_place(struct doc *d, size_t origin, unsigned long lines, size_t sentences);

/* The default of the limit below: news sentences run to 100 tokens or so. */
enum { TEXT_SENTENCE_TOKENS = 2000 };

/* Cut each sentence longer than 'max' (>= 1) tokens into pieces of 'max' tokens, so
 * that no later stage sees a longer one. Returns how many sentences were
 * cut, and the line of the first in *first_line. */
size_t text_limit_sentences(struct doc *d, size_t max, unsigned long *first_line);

/* The lookup key of a phrase: its tokens' norms joined by single spaces, as
 * the matchers build them from a document ("U.S.-led" -> "u.s. - led").
 * The caller frees the result. */
char *text_key(const char *phrase);

/* The date an article gives itself on one of its first five lines, alone or
 * after "Date:", "Published:" or "Updated:": "2024-11-13", "November 13,
 * 2024", "13 Nov 2024". Writes YYYY-MM-DD to out and returns true if found;
 * a day that is no date (is_date in util.h: "February 30, 2024") is not. */
bool text_date(const struct doc *d, char out[11]);

/* The document name for a path: "a/b/fp-trump-kim.txt" -> "fp-trump-kim". */
char *text_doc_name(const char *path);

#endif
