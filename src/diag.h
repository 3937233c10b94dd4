/* diag.h - positions in input files and one-sentence error messages. */
#ifndef DIAG_H
#define DIAG_H

/* A place in an input file; line and col are 1-based, col counts bytes. */
struct pos {
	const char *file;
	unsigned long line, col;
};

/* The first error of an operation: a finished sentence, printed by main. */
struct diag {
	char msg[512];
};

/* Set d to "file:line:col: message" unless it already holds an error.
 * Returns -1 so that callers can write 'return diag_at(...)'. */
int diag_at(struct diag *d, struct pos p, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Set d to a message without a position. Returns -1. */
int diag_set(struct diag *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Set d to "cannot WHAT 'path': strerror(errno)". Returns -1. */
int diag_sys(struct diag *d, const char *what, const char *path);

#endif
