/* corpus.h - the inputs: text files, folders of them, JSON lines of articles,
 * and standard input, as a list of documents with their names and dates. */
#ifndef CORPUS_H
#define CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "diag.h"

struct corpus_doc {
	char *path;		/* the file ("-" for stdin); for JSON lines "file:line" */
	char *name;		/* the document's name: file name without extension, or its "id" */
	char *date;		/* YYYY-MM-DD or NULL */
	char *file;		/* a JSON line's file, read again for its text; NULL: read path */
	long offset;		/* where the line starts in it */
	size_t len;		/* its bytes */
	char *error;		/* why the document cannot be read, or NULL */
	struct stat st;		/* a text file as the walk found it; st_nlink 0 for stdin and JSON lines */
};

struct corpus_seen;

struct corpus {
	struct corpus_doc *docs;
	size_t n, cap;
	char **warnings;	/* what the walks skipped and why, for the caller to print */
	size_t nwarnings, warnings_cap;
	struct corpus_seen *seen;	/* corpus.c's own: the files and folders added */
};

/* Add the documents of 'path': a text file; a folder (its *.txt and *.jsonl
 * files, recursively, in name order); "-" for standard input; or a *.jsonl
 * file with one article per line, {"id": "...", "date": "YYYY-MM-DD", "text":
 * "..."} (id and date optional; a feed is read a line at a time, and the text
 * of each line is read again when the document is). 'date' (may be NULL) dates the documents
 * that carry none. Each file and folder is read once, by the first path
 * that reaches it: a second path (a symbolic link to a folder being read, a
 * loop) is skipped with a warning, and so is a dangling link. A document that
 * cannot be read (a bad JSON line, a feed or subfolder that cannot be opened,
 * a folder entry that is no regular file) is added with its error, for
 * corpus_read to report. Returns 0, or -1 with err set when 'path' itself
 * cannot be opened. */
int corpus_add(struct corpus *c, const char *path, const char *date, struct diag *err);

/* The most corpus_read reads of a document, in bytes. */
struct corpus_limits {
	size_t document;	/* a longer text ends at its last line break before the limit */
	size_t line;		/* a longer line is read as spaces past the limit */
};
#define CORPUS_LIMITS_DEFAULT {16 << 20, 4 << 20}

/* What corpus_read cut to keep within its limits. */
struct corpus_cut {
	bool document;		/* the text ends before the document did */
	size_t lines;		/* lines read as spaces past the line limit */
	unsigned long first_line;	/* the first of them */
};

/* The text of document d, in a NUL-terminated buffer the caller frees, cut
 * to 'lim' as *cut says; offsets in it are those of the file. Or -1 with err
 * set to why it cannot be read ("file:line:col: ..." for a bad JSON line). */
int corpus_read(const struct corpus_doc *d, const struct corpus_limits *lim, char **text, size_t *len,
		struct corpus_cut *cut, struct diag *err);

void corpus_free(struct corpus *c);

#endif
