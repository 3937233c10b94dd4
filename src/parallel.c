/* parallel.c - a pool of forked workers, each sent items (their numbers
 * and descriptions) on a pipe and answering on a socket (which also carries the temporary file of a
 * large result, so that no file is left behind whoever dies), both in
 * batches. Items go to the first worker with room, so that one long
 * document holds up only its worker; results wait in a window until their
 * turn, which bounds the memory the caller holds. */
#define _GNU_SOURCE	/* sched_getaffinity: the cores taskset or a cgroup leave us */
#include "parallel.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

enum {
	/* items a worker holds, sent in batches of half of it; a worker sends
	 * its results a half batch at a time, as each message wakes the
	 * caller, which then takes a core from a worker */
	AHEAD = 16,
	WINDOW = 64	/* results kept per worker while an earlier item is unfinished */
};

struct worker {
	pid_t pid;
	int cmd, res;		/* our ends: items to do, results */
	size_t items[AHEAD];	/* the items sent and not answered, oldest first */
	size_t busy;
	/* the item it works on, which it writes in memory shared with us: it
	 * holds results back, so the oldest unanswered may be done (NULL
	 * where no memory could be shared: then that one is named) */
	volatile uint64_t *now;
};

struct result {
	struct parallel_out out;
	bool ready;
	bool here;		/* worked on here in its turn... */
	struct buf item;	/* ...as described: kept until then */
};

/* An item on a worker's pipe: its number and the bytes of its description,
 * which follow with a NUL. */
struct item_head {
	uint64_t i, len;
};

/* A result's head: its item, the bytes of its buffer and of its file,
 * which goes with it when there is one. */
static int send_head(int res, const uint64_t head[3], int fd)
{
	union {
		struct cmsghdr h;
		char room[CMSG_SPACE(sizeof(int))];
	} u;
	struct iovec iov = {(void *)head, 3 * sizeof *head};
	struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};
	ssize_t n;

	if (fd >= 0) {
		memset(&u, 0, sizeof u);
		m.msg_control = u.room;
		m.msg_controllen = sizeof u.room;
		CMSG_FIRSTHDR(&m)->cmsg_level = SOL_SOCKET;
		CMSG_FIRSTHDR(&m)->cmsg_type = SCM_RIGHTS;
		CMSG_FIRSTHDR(&m)->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(CMSG_FIRSTHDR(&m)), &fd, sizeof(int));
	}
	while ((n = sendmsg(res, &m, 0)) < 0 && errno == EINTR)
		;
	return n < 0 ? -1 : fd_write_all(res, (const char *)head + n, 3 * sizeof *head - (size_t)n);
}

/* Read a head that send_head sent; *fd its file, or -1. */
static int receive_head(int res, uint64_t head[3], int *fd)
{
	union {
		struct cmsghdr h;
		char room[CMSG_SPACE(sizeof(int))];
	} u;
	struct iovec iov = {head, 3 * sizeof *head};
	struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.room, .msg_controllen = sizeof u.room};
	ssize_t n;

	*fd = -1;
	while ((n = recvmsg(res, &m, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR)
		;
	if (n <= 0)
		return -1;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
			memcpy(fd, CMSG_DATA(c), sizeof(int));
	return fd_read_all(res, (char *)head + n, 3 * sizeof *head - (size_t)n);
}

/* Send the results held in *held, if any. */
static void send_held(int res, struct buf *held, size_t *nheld)
{
	if (held->len && fd_write_all(res, held->data, held->len) < 0)
		_exit(1);
	held->len = *nheld = 0;
}

/* The whole items in 'in' from byte 'at', up to 'max'. */
static size_t whole_items(const struct buf *in, size_t at, size_t max)
{
	size_t n = 0;
	struct item_head h;

	while (n < max && in->len - at >= sizeof h) {
		memcpy(&h, in->data + at, sizeof h);
		if (in->len - at - sizeof h < h.len + 1)
			break;
		at += sizeof h + h.len + 1;
		n++;
	}
	return n;
}

/* A worker's life: items in, results out, until its pipe closes. */
static void serve(const struct parallel_job *job, int cmd, int res, volatile uint64_t *now)
{
	struct parallel_out out = {{0}, -1, 0};
	struct buf in = {0}, held = {0};	/* items read, from byte 'at'; results held */
	size_t at = 0, nheld = 0;
	uint64_t head[3];
	bool end = false;	/* the pipe of items closed */
	ssize_t got;

	signal(SIGPIPE, SIG_DFL);
	fcntl(cmd, F_SETFL, fcntl(cmd, F_GETFL) | O_NONBLOCK);
	for (;;) {
		struct item_head h;

		/* the items sent since, without waiting unless there are none */
		if (!end && whole_items(&in, at, AHEAD / 2) < AHEAD / 2) {
			if (at) {
				memmove(in.data, in.data + at, in.len - at);
				in.len -= at;
				at = 0;
			}
			xgrow(&in.data, &in.cap, in.len + (1 << 16), 1);
			if ((got = read(cmd, in.data + in.len, 1 << 16)) > 0)
				in.len += (size_t)got;
			else if (got == 0 || (errno != EINTR && errno != EAGAIN))
				end = true;
		}
		if (!whole_items(&in, at, 1)) {
			struct pollfd p = {cmd, POLLIN, 0};

			if (end)
				break;
			send_held(res, &held, &nheld);
			poll(&p, 1, -1);
			continue;
		}
		memcpy(&h, in.data + at, sizeof h);
		if (now)
			*now = h.i;
		job->work(job->ctx, (size_t)h.i, in.data + at + sizeof h, (size_t)h.len, &out);
		at += sizeof h + h.len + 1;
		head[0] = h.i;
		head[1] = out.buf.len;
		head[2] = out.spilled;
		if (out.spilled) {	/* with its file: alone */
			send_held(res, &held, &nheld);
			if (send_head(res, head, out.fd) < 0 || fd_write_all(res, out.buf.data, out.buf.len) < 0)
				_exit(1);
		} else {
			buf_add(&held, (const char *)head, sizeof head);
			buf_add(&held, out.buf.data ? out.buf.data : "", out.buf.len);
			nheld++;
		}
		parallel_drop(&out);	/* the caller has its own descriptor of the file */
		if (nheld >= AHEAD / 2 || held.len > 1 << 16)
			send_held(res, &held, &nheld);
	}
	send_held(res, &held, &nheld);
	_exit(0);	/* not exit(): the caller's buffers and handlers are not ours */
}

static int start(struct worker *w, size_t k, const struct parallel_job *job, struct diag *err)
{
	int cmd[2], res[2];

	if (pipe(cmd) < 0)
		return diag_set(err, "cannot start a worker process: %s", strerror(errno));
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, res) < 0) {
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
		serve(job, cmd[0], res[1], w[k].now);
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
	const char *what = !w->busy ? "no document" : job->name(job->ctx, w->now ? (size_t)*w->now : w->items[0]);

	kill(w->pid, SIGKILL);
	waitpid(w->pid, &status, 0);
	w->pid = 0;
	if (WIFSIGNALED(status))
		return diag_set(err, "a worker process died of signal %d (%s) on %s", WTERMSIG(status),
				strsignal(WTERMSIG(status)), what);
	return diag_set(err, "a worker process ended (status %d) on %s", WEXITSTATUS(status), what);
}

/* Send worker w the items of 'batch' (n of them, numbered from 'items'). */
static int send_items(struct worker *w, const struct buf *batch, const size_t *items, size_t n,
		      const struct parallel_job *job, struct diag *err)
{
	for (size_t i = 0; i < n; i++)
		w->items[w->busy++] = items[i];
	return n && fd_write_all(w->cmd, batch->data, batch->len) < 0 ? died(w, job, err) : 0;
}

/* Read one result of worker w into the window. */
static int receive(struct worker *w, struct result *r, size_t window, const struct parallel_job *job,
		   struct diag *err)
{
	uint64_t head[3];
	struct result *slot;
	int fd;

	if (receive_head(w->res, head, &fd) < 0 || head[0] != w->items[0] || head[1] > SIZE_MAX / 2 ||
	    (head[2] > 0) != (fd >= 0)) {
		if (fd >= 0)
			close(fd);
		return died(w, job, err);
	}
	slot = &r[head[0] % window];
	slot->out = (struct parallel_out){{xmalloc((size_t)head[1] + 1), (size_t)head[1], (size_t)head[1] + 1},
					  fd, (size_t)head[2]};
	if (fd_read_all(w->res, slot->out.buf.data, slot->out.buf.len) < 0) {
		parallel_drop(&slot->out);
		return died(w, job, err);
	}
	slot->out.buf.data[slot->out.buf.len] = '\0';
	slot->ready = true;
	memmove(w->items, w->items + 1, --w->busy * sizeof *w->items);
	return 0;
}

/* Item i, described by 'item', worked on and taken in this process, with
 * 'out' for its result. */
static int work_here(const struct parallel_job *job, size_t i, const struct buf *item, struct parallel_out *out,
		     struct diag *err)
{
	int rc;

	job->work(job->ctx, i, item->data ? item->data : "", item->len, out);
	if (!out->buf.data)
		buf_add(&out->buf, "", 0);
	rc = job->take(job->ctx, i, out, err);
	parallel_drop(out);
	return rc;
}

/* The next item into its slot of the window, with whether it is worked on
 * here (counted in *away when not), unless there is none: then *ended. */
static bool pull(const struct parallel_job *job, struct result *r, size_t window, size_t *next, bool *ended,
		 size_t *away)
{
	struct result *slot = &r[*next % window];

	slot->item.len = 0;
	if (*ended || !job->next(job->ctx, *next, &slot->item)) {
		*ended = true;
		return false;
	}
	if (!slot->item.data)
		buf_add(&slot->item, "", 0);
	slot->here = job->here && job->here(job->ctx, *next);
	*away += !slot->here;
	(*next)++;
	return true;
}

size_t parallel_window(unsigned jobs)
{
	return WINDOW * (jobs > 1 ? jobs : 1);
}

/* The workers of a run, once started. */
struct pool {
	struct worker *w;
	size_t n, size;		/* started, of 'size' asked for (0: none) */
	struct pollfd *pf;
	volatile uint64_t *now;	/* 'size' of them, or MAP_FAILED */
	void (*old_pipe)(int);
};

/* Start n workers (fewer if a fork fails: then -1 with err set). */
static int pool_start(struct pool *p, size_t n, const struct parallel_job *job, struct diag *err)
{
	int rc = 0;

	p->size = n;
	p->w = xcalloc(n, sizeof *p->w);
	p->now = mmap(NULL, n * sizeof *p->now, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	for (size_t k = 0; k < n && p->now != MAP_FAILED; k++)
		p->w[k].now = &p->now[k];
	p->pf = xcalloc(n, sizeof *p->pf);
	p->old_pipe = signal(SIGPIPE, SIG_IGN);	/* a dead worker's pipe is an error here, not a signal */
	fflush(NULL);	/* else each worker would inherit, and could write, what is buffered */
	while (p->n < n && rc == 0)
		if ((rc = start(p->w, p->n, job, err)) == 0)
			p->n++;
	return rc;
}

/* Close the workers' pipes and wait for them to exit; killed first after
 * an error. */
static void pool_stop(struct pool *p, bool failed)
{
	for (size_t k = 0; k < p->n; k++) {
		close(p->w[k].cmd);	/* the end of its items: it exits */
		close(p->w[k].res);
		if (p->w[k].pid > 0) {
			if (failed)
				kill(p->w[k].pid, SIGTERM);
			waitpid(p->w[k].pid, NULL, 0);
		}
	}
	if (p->w)
		signal(SIGPIPE, p->old_pipe);
	if (p->now != MAP_FAILED)
		munmap((void *)p->now, p->size * sizeof *p->now);
	free(p->pf);
	free(p->w);
}

int parallel_run(const struct parallel_job *job, unsigned jobs, struct diag *err)
{
	size_t window = parallel_window(jobs), next = 0, sent = 0, done = 0;
	size_t away = 0;	/* of the items pulled, those not worked on here... */
	size_t away_here = 0;	/* ...and of them, those worked on here before the workers started */
	struct result *r = xcalloc(window, sizeof *r);
	struct parallel_out here = {{0}, -1, 0};	/* the result of an item worked on here */
	struct pool pool = {NULL, 0, 0, NULL, MAP_FAILED, NULL};
	struct worker *w;
	struct buf batch = {0};
	bool ended = false;
	int rc = 0;

	while (rc == 0 && (done < next || pull(job, r, window, &next, &ended, &away))) {
		struct result *first = &r[done % window];

		/* The workers start when two items of the window want one: a
		 * rebuild that extracts one document of thousands taken from its
		 * cache does not pay for forks, nor for the copies of the pages
		 * this process writes after them. As many as 'jobs', unless all
		 * items are found and fewer want one. (Until then, each item is
		 * worked on here as it is pulled: sent == done.) */
		while (!pool.size && jobs > 1 && away - away_here < jobs && next < done + window &&
		       pull(job, r, window, &next, &ended, &away))
			;
		if (!pool.size && jobs > 1 && away - away_here >= 2 &&
		    (rc = pool_start(&pool, ended && away - away_here < jobs ? away - away_here : jobs, job, err)) < 0)
			break;
		w = pool.w;
		for (size_t k = 0; k < pool.n && rc == 0; k++) {
			size_t items[AHEAD], nb = 0;

			if (w[k].busy > AHEAD / 2)
				continue;
			batch.len = 0;
			while (w[k].busy + nb < AHEAD && sent < done + window &&
			       (sent < next || pull(job, r, window, &next, &ended, &away))) {
				struct result *slot = &r[sent % window];
				struct item_head h = {sent, slot->item.len};

				if (slot->here) {
					sent++;	/* done below, in its turn */
					continue;
				}
				buf_add(&batch, (const char *)&h, sizeof h);
				buf_add(&batch, slot->item.data, slot->item.len + 1);
				items[nb++] = sent++;
			}
			rc = send_items(&w[k], &batch, items, nb, job, err);
		}
		if (rc < 0)
			break;
		if (first->ready) {
			rc = job->take(job->ctx, done, &first->out, err);
			parallel_drop(&first->out);
			free(first->out.buf.data);
			first->out.buf = (struct buf){0};
			first->ready = false;
			done++;
			continue;
		}
		if (!pool.size || (done < sent && first->here)) {	/* no workers, or one for here */
			if (!pool.size) {
				sent++;
				away_here += !first->here;
			}
			rc = work_here(job, done++, &first->item, &here, err);
			continue;
		}
		for (size_t k = 0; k < pool.n; k++)
			pool.pf[k] = (struct pollfd){w[k].busy ? w[k].res : -1, POLLIN, 0};
		if (poll(pool.pf, pool.n, -1) < 0) {
			if (errno != EINTR)
				rc = diag_set(err, "cannot wait for the worker processes: %s", strerror(errno));
			continue;
		}
		for (size_t k = 0; k < pool.n && rc == 0; k++)
			if (pool.pf[k].revents)
				rc = receive(&w[k], r, window, job, err);
	}
	pool_stop(&pool, rc < 0);
	for (size_t i = 0; i < window; i++) {
		parallel_drop(&r[i].out);
		free(r[i].out.buf.data);
		free(r[i].item.data);
	}
	free(batch.data);
	free(here.buf.data);
	free(r);
	return rc;
}

unsigned parallel_cores(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
		return (unsigned)CPU_COUNT(&set);
	return 1;
}

void parallel_spill(struct parallel_out *out, size_t limit)
{
	if (out->buf.len <= limit)
		return;
	if (out->fd < 0) {
		const char *dir = getenv("TMPDIR");
		struct buf path = {0};

		buf_printf(&path, "%s/actorgraph-XXXXXX", dir && *dir ? dir : "/tmp");
		if ((out->fd = mkostemp(path.data, O_CLOEXEC)) >= 0)
			unlink(path.data);	/* gone with its last descriptor */
		free(path.data);
		out->spilled = 0;
	}
	for (size_t n = 0; out->fd >= 0 && n < out->buf.len;) {
		ssize_t w = pwrite(out->fd, out->buf.data + n, out->buf.len - n, (off_t)(out->spilled + n));

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;	/* the file keeps what it had; the rest stays here */
		n += (size_t)w;
	}
	out->spilled += out->buf.len;
	out->buf.len = 0;
	out->buf.data[0] = '\0';
}

void parallel_drop(struct parallel_out *out)
{
	if (out->fd >= 0)
		close(out->fd);
	out->fd = -1;
	out->spilled = 0;
	out->buf.len = 0;
	if (out->buf.data)
		out->buf.data[0] = '\0';
}

int parallel_lines(struct parallel_out *out, size_t size,
		   int (*use)(void *ctx, char *piece, size_t n, struct diag *err), void *ctx, struct diag *err)
{
	struct buf b = {0};
	size_t at = 0, in_file = out->fd >= 0 ? out->spilled : 0;
	int rc = 0;

	while (rc == 0 && at < in_file) {
		size_t left = in_file - at;
		ssize_t r;
		char *nl;

		xgrow(&b.data, &b.cap, b.len + size + 1, 1);
		r = pread(out->fd, b.data + b.len, size < left ? size : left, (off_t)at);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			rc = diag_set(err, "cannot read back a temporary file: %s", r < 0 ? strerror(errno) : "it is short");
			break;
		}
		at += (size_t)r;
		b.len += (size_t)r;
		if ((nl = memrchr(b.data, '\n', b.len))) {	/* whole lines go; the rest waits */
			size_t n = (size_t)(nl + 1 - b.data);
			char c = b.data[n];

			b.data[n] = '\0';
			rc = use(ctx, b.data, n, err);
			b.data[n] = c;
			memmove(b.data, b.data + n, b.len - n);
			b.len -= n;
		}
	}
	if (rc == 0 && b.len) {	/* the file's last line, finished by the buffer */
		buf_add(&b, out->buf.data, out->buf.len);
		rc = use(ctx, b.data, b.len, err);
	} else if (rc == 0 && out->buf.len) {
		rc = use(ctx, out->buf.data, out->buf.len, err);
	}
	free(b.data);
	return rc;
}
