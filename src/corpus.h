/* corpus.h - the inputs: text files, folders of them, JSON lines of articles,
 * and standard input, as a list of documents with their names and dates. */
#ifndef CORPUS_H
#define CORPUS_H

#include <stddef.h>

#include "diag.h"

struct corpus_doc {
	char *path;		/* the file ("-" for stdin); for JSON lines "file:line" */
	char *name;		/* the document's name: file name without extension, or its "id" */
	char *date;		/* YYYY-MM-DD or NULL */
	char *text;		/* the text of a JSON line; NULL: read the file at path */
	size_t len;
};

struct corpus {
	struct corpus_doc *docs;
	size_t n, cap;
};

/* Add the documents of 'path': a text file; a folder (its *.txt and *.jsonl
 * files, recursively, in name order); "-" for standard input; or a *.jsonl
 * file with one article per line, {"id": "...", "date": "YYYY-MM-DD", "text":
 * "..."} (id and date optional). 'date' (may be NULL) dates the documents
 * that carry none. Returns 0, or -1 with err set ("file:line:col: ..." for
 * a bad JSON line). */
int corpus_add(struct corpus *c, const char *path, const char *date, struct diag *err);

/* The text of document d, in a NUL-terminated buffer the caller frees. */
int corpus_read(const struct corpus_doc *d, char **text, size_t *len, struct diag *err);

void corpus_free(struct corpus *c);

#endif
