/* corpus.h - the inputs: text files, folders of them, JSON lines of articles,
 * and standard input, walked a document at a time, each with its name and
 * date. */
#ifndef CORPUS_H
#define CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

struct corpus_doc {
	char *path;		/* the file ("-" for stdin); for JSON lines "file:line" */
	char *name;		/* the document's name: file name without extension, or its "id" */
	char *date;		/* YYYY-MM-DD or NULL */
	struct corpus_feed *feed;	/* a JSON line's file, read again for its text; NULL: read path */
	long offset;		/* where the line starts in it */
	size_t len;		/* its bytes */
	char *error;		/* why the document cannot be read, or NULL */
	struct file_mark *mark;	/* a text file as the walk found it; NULL for stdin and JSON lines */
};

struct corpus_seen;
struct corpus_walk;
struct corpus_walker;

/* A JSON-lines file, which its documents share: opened by the first of them
 * that a process reads, and kept open for the others. */
struct corpus_feed {
	char *path;
	int fd;		/* -1 until then */
};
/* Make f (zeroed, or one used before) the feed at 'path', closing the one it
 * was unless that is the same: a worker keeps the last feed it read. */
void corpus_feed_use(struct corpus_feed *f, const char *path);
void corpus_feed_close(struct corpus_feed *f);

/* The inputs, walked as their documents are taken: what is held is the
 * folders being walked and the documents found and not yet taken, not the
 * corpus. */
struct corpus {
	struct corpus_doc *docs;	/* found, not yet taken: docs[head] to docs[n - 1] */
	size_t head, n, cap;
	size_t found;		/* documents found so far (corpus_found) */
	char **warnings;	/* what the walk skipped and why (corpus_warning): from warned on */
	size_t warned, nwarnings, warnings_cap;
	struct corpus_seen *seen;	/* corpus.c's own: the files and folders walked */
	struct corpus_feed **feeds;	/* the JSON-lines files of the documents */
	size_t nfeeds, feeds_cap;
	struct corpus_walk *walk;	/* corpus.c's own: where the walk is */
	struct corpus_walker *walker;	/* corpus.c's own: the thread that walks, or NULL */
};

/* Add 'path' to the inputs: a text file; a folder (its *.txt and *.jsonl
 * files, recursively, in name order); "-" for standard input; or a *.jsonl
 * file with one article per line, {"id": "...", "date": "YYYY-MM-DD", "text":
 * "..."} (id and date optional; a feed is read a line at a time, and the text
 * of each line is read again when the document is). 'date' (may be NULL)
 * dates the documents that carry none. Returns 0, or -1 with err set when
 * 'path' itself cannot be opened. */
int corpus_add(struct corpus *c, const char *path, const char *date, struct diag *err);

/* Take the next document of the inputs into *d (corpus_doc_free frees it,
 * before or after the corpus): 1, or 0 after the last. Each file and folder
 * is read once, by the first path that reaches it: a second path (a symbolic
 * link to a folder being read, a loop) is skipped with a warning, and so is
 * a dangling link. A document that cannot be read (a bad JSON line, a feed or
 * subfolder that cannot be opened, a folder entry that is no regular file)
 * comes with its error, for corpus_open to report. */
int corpus_take(struct corpus *c, struct corpus_doc *d);

/* From now on, walk the inputs in a thread of their own, up to 'ahead'
 * documents before corpus_take, until the walk ends, corpus_rewind or
 * corpus_free: on a rebuild from a cache, the stat() of each file takes as
 * long as all else done with it. No corpus_add after. False when no thread
 * can be started: the walk goes on in the caller's. */
bool corpus_walk_apart(struct corpus *c, size_t ahead);

/* The documents found so far, and the warnings of the walk, one at a time
 * in the order found (the caller frees them), or NULL. */
size_t corpus_found(struct corpus *c);
char *corpus_warning(struct corpus *c);

/* Do the inputs hold a document? Walks until one is found. */
bool corpus_any(struct corpus *c);

/* Walk the inputs again from the first, as if none had been taken (the
 * warnings too); the documents taken before are not to be read after. */
void corpus_rewind(struct corpus *c);

void corpus_doc_free(struct corpus_doc *d);

/* What a document may cost, in bytes. */
struct corpus_limits {
	size_t document;	/* a longer document is read in pieces of at most this */
	size_t line;		/* a longer line is read as spaces past the limit */
};
#define CORPUS_LIMITS_DEFAULT {1 << 20, 4 << 20}

/* Where a piece of a document starts, and what was read as spaces in it. */
struct corpus_piece {
	size_t origin;		/* bytes of the document before it */
	unsigned long lines;	/* line breaks before it */
	bool last;		/* the document ends with it */
	size_t long_lines;	/* lines of it read as spaces past the line limit */
	unsigned long first_long;	/* the first of them, in the document */
};

/* A document read piece by piece, so that what is held of it is bounded
 * whatever its size: each piece ends at its last line break, or, in a line
 * longer than a piece, at its last end of a sentence or space, or before
 * the character the limit splits. A JSON line's
 * text is held whole, as its line was, and given in the same pieces. */
struct corpus_reader {
	const struct corpus_doc *d;
	struct corpus_limits lim;
	FILE *fp;		/* the file or stdin being read; NULL for a JSON line */
	char *text;		/* a JSON line's text... */
	size_t text_len, text_read;	/* ...its bytes, and those given in pieces */
	char *rest;		/* bytes read past the last piece */
	size_t nrest;
	bool end;		/* fp has no more */
	size_t line_so_far;	/* bytes of the line the last piece ended in, for the line limit */
	struct corpus_piece at;	/* where the next piece starts */
};

/* Open document d (its error, if it has one, is err's) for corpus_next. */
int corpus_open(struct corpus_reader *r, const struct corpus_doc *d, const struct corpus_limits *lim,
		struct diag *err);
/* The next piece of r's document: 1 with its text in a NUL-terminated
 * buffer the caller frees (offsets in it are the document's less
 * where->origin) and *where; 0 after the last (an empty document is one
 * empty piece); -1 with err set to why it cannot be read ("file:line:col:
 * ..." for a bad JSON line). */
int corpus_next(struct corpus_reader *r, char **text, size_t *len, struct corpus_piece *where, struct diag *err);
void corpus_close(struct corpus_reader *r);

/* Free c; the documents taken from it are not to be read after (their
 * feeds are its). */
void corpus_free(struct corpus *c);

#endif
