/* parallel.c - a pool of forked workers, each sent item numbers on a pipe
 * and answering on another. An item goes to the first worker with room, so
 * that one long document holds up only its worker; results wait in a window
 * until their turn, which bounds the memory the caller holds. */
#define _GNU_SOURCE	/* sched_getaffinity: the cores taskset or a cgroup leave us */
#include "parallel.h"

#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum {
	AHEAD = 2,	/* items a worker holds: the one it works on and the next */
	WINDOW = 64	/* results kept per worker while an earlier item is unfinished */
};

struct worker {
	pid_t pid;
	int cmd, res;		/* our ends: items to do, results */
	size_t items[AHEAD];	/* the items sent and not answered, oldest first */
	size_t busy;
};

struct result {
	char *data;
	size_t len;
	bool ready;
};

static int write_all(int fd, const void *p, size_t n)
{
	for (ssize_t w; n > 0; p = (const char *)p + w, n -= (size_t)w)
		if ((w = write(fd, p, n)) < 0 && errno != EINTR)
			return -1;
		else if (w < 0)
			w = 0;
	return 0;
}

/* Returns 0, or -1 at an error or at the end of the pipe. */
static int read_all(int fd, void *p, size_t n)
{
	for (ssize_t r; n > 0; p = (char *)p + r, n -= (size_t)r)
		if ((r = read(fd, p, n)) == 0 || (r < 0 && errno != EINTR))
			return -1;
		else if (r < 0)
			r = 0;
	return 0;
}

/* A worker's life: items in, results out, until its pipe closes. */
static void serve(const struct parallel_job *job, int cmd, int res)
{
	struct buf out = {0};
	uint64_t item, head[2];

	signal(SIGPIPE, SIG_DFL);
	while (read_all(cmd, &item, sizeof item) == 0) {
		out.len = 0;
		job->work(job->ctx, (size_t)item, &out);
		head[0] = item;
		head[1] = out.len;
		if (write_all(res, head, sizeof head) < 0 || write_all(res, out.data, out.len) < 0)
			_exit(1);
	}
	_exit(0);	/* not exit(): the caller's buffers and handlers are not ours */
}

static int start(struct worker *w, size_t k, const struct parallel_job *job, struct diag *err)
{
	int cmd[2], res[2];

	if (pipe(cmd) < 0)
		return diag_set(err, "cannot start a worker process: %s", strerror(errno));
	if (pipe(res) < 0) {
		close(cmd[0]);
		close(cmd[1]);
		return diag_set(err, "cannot start a worker process: %s", strerror(errno));
	}
	if ((w[k].pid = fork()) < 0) {
		close(cmd[0]);
		close(cmd[1]);
		close(res[0]);
		close(res[1]);
		return diag_set(err, "cannot start a worker process: %s", strerror(errno));
	}
	if (w[k].pid == 0) {
		for (size_t j = 0; j < k; j++) {	/* else a worker would not see its pipe end */
			close(w[j].cmd);
			close(w[j].res);
		}
		close(cmd[1]);
		close(res[0]);
		serve(job, cmd[0], res[1]);
	}
	close(cmd[0]);
	close(res[1]);
	w[k].cmd = cmd[1];
	w[k].res = res[0];
	w[k].busy = 0;
	return 0;
}

/* Worker w ended before answering: why, naming its item. */
static int died(struct worker *w, const struct parallel_job *job, struct diag *err)
{
	int status = 0;
	const char *what = w->busy ? job->name(job->ctx, w->items[0]) : "no document";

	kill(w->pid, SIGKILL);
	waitpid(w->pid, &status, 0);
	w->pid = 0;
	if (WIFSIGNALED(status))
		return diag_set(err, "a worker process died of signal %d (%s) on %s", WTERMSIG(status),
				strsignal(WTERMSIG(status)), what);
	return diag_set(err, "a worker process ended (status %d) on %s", WEXITSTATUS(status), what);
}

static int send_item(struct worker *w, size_t item, const struct parallel_job *job, struct diag *err)
{
	uint64_t v = item;

	w->items[w->busy++] = item;
	return write_all(w->cmd, &v, sizeof v) < 0 ? died(w, job, err) : 0;
}

/* Read one result of worker w into the window. */
static int receive(struct worker *w, struct result *r, size_t window, const struct parallel_job *job,
		   struct diag *err)
{
	uint64_t head[2];
	struct result *slot;

	if (read_all(w->res, head, sizeof head) < 0 || head[0] != w->items[0] || head[1] > SIZE_MAX / 2)
		return died(w, job, err);
	slot = &r[head[0] % window];
	slot->len = (size_t)head[1];
	slot->data = xmalloc(slot->len + 1);
	if (read_all(w->res, slot->data, slot->len) < 0) {
		free(slot->data);
		slot->data = NULL;
		return died(w, job, err);
	}
	slot->data[slot->len] = '\0';
	slot->ready = true;
	memmove(w->items, w->items + 1, --w->busy * sizeof *w->items);
	return 0;
}

/* Item i worked on and taken in this process, with 'out' for its result. */
static int work_here(const struct parallel_job *job, size_t i, struct buf *out, struct diag *err)
{
	out->len = 0;
	job->work(job->ctx, i, out);
	if (!out->data)
		buf_add(out, "", 0);
	return job->take(job->ctx, i, out->data, out->len, err);
}

/* One worker: this process. */
static int run_here(const struct parallel_job *job, size_t n, struct diag *err)
{
	struct buf out = {0};
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++)
		rc = work_here(job, i, &out, err);
	free(out.data);
	return rc;
}

int parallel_run(const struct parallel_job *job, size_t n, unsigned jobs, struct diag *err)
{
	size_t nw = jobs < n ? jobs : n, started = 0, next = 0, done = 0, window;
	struct worker *w;
	struct result *r;
	struct buf here = {0};	/* the result of an item worked on here */
	struct pollfd *pf;
	void (*old_pipe)(int);
	int rc = 0;

	if (nw <= 1)
		return run_here(job, n, err);
	window = WINDOW * nw;
	w = xcalloc(nw, sizeof *w);
	r = xcalloc(window, sizeof *r);
	pf = xcalloc(nw, sizeof *pf);
	old_pipe = signal(SIGPIPE, SIG_IGN);	/* a dead worker's pipe is an error here, not a signal */
	fflush(NULL);	/* else each worker would inherit, and could write, what is buffered */
	while (started < nw && rc == 0)
		if ((rc = start(w, started, job, err)) == 0)
			started++;
	while (rc == 0 && done < n) {
		struct result *first = &r[done % window];

		for (size_t k = 0; k < started && rc == 0; k++)
			while (rc == 0 && w[k].busy < AHEAD && next < n && next < done + window)
				if (job->here && job->here(job->ctx, next))
					next++;	/* done below, in its turn */
				else
					rc = send_item(&w[k], next++, job, err);
		if (rc < 0)
			break;
		if (first->ready) {
			rc = job->take(job->ctx, done, first->data, first->len, err);
			free(first->data);
			first->data = NULL;
			first->ready = false;
			done++;
			continue;
		}
		if (done < next && job->here && job->here(job->ctx, done)) {
			rc = work_here(job, done++, &here, err);
			continue;
		}
		for (size_t k = 0; k < started; k++)
			pf[k] = (struct pollfd){w[k].busy ? w[k].res : -1, POLLIN, 0};
		if (poll(pf, started, -1) < 0) {
			if (errno != EINTR)
				rc = diag_set(err, "cannot wait for the worker processes: %s", strerror(errno));
			continue;
		}
		for (size_t k = 0; k < started && rc == 0; k++)
			if (pf[k].revents)
				rc = receive(&w[k], r, window, job, err);
	}
	for (size_t k = 0; k < started; k++) {
		close(w[k].cmd);	/* the end of its items: it exits */
		close(w[k].res);
		if (w[k].pid > 0) {
			if (rc < 0)
				kill(w[k].pid, SIGTERM);
			waitpid(w[k].pid, NULL, 0);
		}
	}
	for (size_t i = 0; i < window; i++)
		free(r[i].data);
	signal(SIGPIPE, old_pipe);
	free(here.data);
	free(pf);
	free(r);
	free(w);
	return rc;
}

unsigned parallel_cores(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
		return (unsigned)CPU_COUNT(&set);
	return 1;
}
