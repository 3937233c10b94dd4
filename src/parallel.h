/* parallel.h - documents worked on by several processes, their results
 * taken in document order, so that any number of them gives the same
 * output as one. */
#ifndef PARALLEL_H
#define PARALLEL_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util.h"

struct parallel_job {
	/* In a worker process (a fork of the caller): the result of item i,
	 * appended to *out. */
	void (*work)(void *ctx, size_t i, struct buf *out);
	/* In the caller, for items 0, 1, 2... in order: use the result of item
	 * i (data, len bytes, NUL-terminated, the callee may change it).
	 * Returns 0, or -1 with err set to stop the run. */
	int (*take)(void *ctx, size_t i, char *data, size_t len, struct diag *err);
	/* The name of item i, for messages. */
	const char *(*name)(void *ctx, size_t i);
	void *ctx;
	/* May be NULL; else true for an item that costs less to work on in
	 * the caller than to send to a worker (one whose result is at hand). */
	bool (*here)(void *ctx, size_t i);
};

/* Run 'job' over items 0 to n-1 in up to 'jobs' worker processes; with
 * one, or a single item, in this process. Returns 0, or -1 with err set
 * (take failed, or a worker died: the item it worked on is named). */
int parallel_run(const struct parallel_job *job, size_t n, unsigned jobs, struct diag *err);

/* The processors this process may run on (at least 1). */
unsigned parallel_cores(void);

#endif
