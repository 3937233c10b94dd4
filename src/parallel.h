/* parallel.h - documents worked on by several processes, their results
 * taken in document order, so that any number of them gives the same
 * output as one. */
#ifndef PARALLEL_H
#define PARALLEL_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util.h"

/* The result of an item: its bytes in memory, or, when it grew large (a
 * long document's events), its first bytes in a temporary file and the
 * rest in memory, so that what a worker and the caller hold of it stays
 * bounded. */
struct parallel_out {
	struct buf buf;		/* the result, or its last bytes; NUL-terminated */
	int fd;			/* -1, or the unlinked temporary file of its first bytes */
	size_t spilled;		/* bytes in that file */
};

struct parallel_job {
	/* In the caller, once for each item in order: what a worker needs of
	 * item i, appended to 'item'; false when there is no item i, which
	 * ends the run. The items are found as the run goes, so the caller
	 * holds what it knows of at most parallel_window() of them. */
	bool (*next)(void *ctx, size_t i, struct buf *item);
	/* In a worker process (a fork of the caller) or in the caller: the
	 * result of item i, which next described as 'item' (len bytes, a NUL
	 * after them), appended to out->buf (parallel_spill may move it to a
	 * file). */
	void (*work)(void *ctx, size_t i, const char *item, size_t len, struct parallel_out *out);
	/* In the caller, for items 0, 1, 2... in order: use the result of item
	 * i (out->buf's bytes may be changed; parallel_lines reads it whole).
	 * Returns 0, or -1 with err set to stop the run. */
	int (*take)(void *ctx, size_t i, struct parallel_out *out, struct diag *err);
	/* The name of item i, for messages, between its next and its take. */
	const char *(*name)(void *ctx, size_t i);
	void *ctx;
	/* May be NULL; else, after next, true for an item that costs less to
	 * work on in the caller than to send to a worker (one whose result is
	 * at hand). */
	bool (*here)(void *ctx, size_t i);
};

/* Run 'job' over its items in up to 'jobs' worker processes, started once
 * two items of the window are not worked on here (see 'here'); with one
 * job, or while fewer need a worker, in this process. Returns 0, or -1
 * with err set (take failed, or a worker died: the item it worked on is
 * named). */
int parallel_run(const struct parallel_job *job, unsigned jobs, struct diag *err);

/* The most items a run with 'jobs' holds between their next and their take. */
size_t parallel_window(unsigned jobs);

/* In work: when out->buf holds more than 'limit' bytes, append them to
 * out's temporary file (made in $TMPDIR, or /tmp) and empty it. Where no
 * file can be written, the result stays in memory. */
void parallel_spill(struct parallel_out *out, size_t limit);

/* Forget out's result (its file closed). */
void parallel_drop(struct parallel_out *out);

/* Give result 'out' (its file's bytes, then its buffer's) to 'use' in
 * pieces of whole lines of about 'size' bytes or more, each NUL-terminated
 * and changeable; the last may end without a line feed. Returns 0, what
 * use returned when it was not 0, or -1 with err set when the file cannot
 * be read back. */
int parallel_lines(struct parallel_out *out, size_t size,
		   int (*use)(void *ctx, char *piece, size_t n, struct diag *err), void *ctx, struct diag *err);

/* The processors this process may run on (at least 1). */
unsigned parallel_cores(void);

#endif
