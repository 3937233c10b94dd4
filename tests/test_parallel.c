/* test_parallel.c - results in item order whatever the workers' pace, a
 * dying worker named, a stopped run leaving no process behind, long results
 * through temporary files. */
#include "helpers.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "parallel.h"

struct seen {
	size_t n;		/* items 0 to n-1 */
	struct buf all;		/* every result taken, in the order taken */
	size_t here_every;	/* items i with i % here_every == 0 are worked on here (0: none)... */
	size_t away[2];		/* ...or all but these (when here_every is SIZE_MAX) */
	pid_t caller;
	size_t next;		/* the item take expects */
	size_t stop_at;		/* take fails at this item (or never: SIZE_MAX) */
	size_t die_at;		/* work dies at this item (or never) */
	size_t held;		/* work spills its result past this many bytes (or never) */
	size_t spilled;		/* results taken that came in a temporary file */
	size_t away_from;	/* with away[]: the items from this one on are not here either (0: none) */
	bool pids;		/* work gives its process's id, not a line */
};

static char names[64][16];

/* Item i's result: its number and a line as long as i; the odd items are
 * slow, so that results come back out of order. */
/* Item i's result: its number and a line as long as i, in lines of 10 x
 * (spilled as they come when held says); the odd items are slow, so that
 * results come back out of order. */
static void work(void *ctx, size_t i, const char *item, size_t len, struct parallel_out *out)
{
	const struct seen *s = ctx;
	char want[32];

	snprintf(want, sizeof want, "item %zu", i);	/* as next described it */
	if (len != strlen(want) || strcmp(item, want) != 0)
		raise(SIGABRT);

	if (i == s->die_at)
		raise(SIGKILL);
	if (s->pids) {
		buf_printf(&out->buf, "%zu@%ld\n", i, (long)getpid());
		return;
	}
	if (i % 2)
		usleep(2000);
	buf_printf(&out->buf, "%zu%s:", i, s->here_every && getpid() == s->caller ? "h" : "");
	for (size_t k = 0; k < i * 100; k++) {
		buf_add(&out->buf, k % 10 == 9 ? "x\n" : "x", k % 10 == 9 ? 2 : 1);
		parallel_spill(out, s->held);
	}
	buf_add(&out->buf, "\n", 1);
}

static int add(void *ctx, char *piece, size_t n, struct diag *err)
{
	struct seen *s = ctx;

	(void)err;
	assert_int_equal(strlen(piece), n);
	buf_add(&s->all, piece, n);
	return 0;
}

static int take(void *ctx, size_t i, struct parallel_out *out, struct diag *err)
{
	struct seen *s = ctx;

	assert_int_equal(i, s->next++);
	assert_int_equal(strlen(out->buf.data), out->buf.len);
	if (i == s->stop_at)
		return diag_set(err, "stopped at %zu", i);
	s->spilled += out->fd >= 0;
	return parallel_lines(out, 64, add, s, err);
}

static bool next(void *ctx, size_t i, struct buf *item)
{
	const struct seen *s = ctx;

	if (i >= s->n)
		return false;
	buf_printf(item, "item %zu", i);
	return true;
}

static bool here(void *ctx, size_t i)
{
	const struct seen *s = ctx;

	if (s->here_every == SIZE_MAX)
		return i != s->away[0] && i != s->away[1] && !(s->away_from && i >= s->away_from);
	return s->here_every && i % s->here_every == 0;
}

static const char *name(void *ctx, size_t i)
{
	(void)ctx;
	snprintf(names[i % 64], sizeof names[0], "item %zu", i);
	return names[i % 64];
}

/* Run n items in 'jobs' workers; the results, or NULL with err set. */
static char *run_some_here(size_t n, unsigned jobs, size_t stop_at, size_t die_at, size_t here_every,
			   struct diag *err)
{
	struct seen s = {n, {0}, here_every, {SIZE_MAX, SIZE_MAX}, getpid(), 0, stop_at, die_at, SIZE_MAX, 0, 0, false};
	const struct parallel_job job = {next, work, take, name, &s, here};

	if (parallel_run(&job, jobs, err) < 0) {
		free(s.all.data);
		return NULL;
	}
	return s.all.data ? s.all.data : xstrdup("");
}

static char *run(size_t n, unsigned jobs, size_t stop_at, size_t die_at, struct diag *err)
{
	return run_some_here(n, jobs, stop_at, die_at, 0, err);
}

/* No worker process is left, running or unreaped. */
static void no_children_left(void)
{
	errno = 0;
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
	assert_int_equal(errno, ECHILD);
}

static void takes_results_in_item_order_for_any_number_of_workers(void **state)
{
	struct diag err = {{0}};
	char *one = run(300, 1, SIZE_MAX, SIZE_MAX, &err);

	(void)state;
	assert_non_null(one);
	assert_true(strncmp(one, "0:\n1:x", 6) == 0);
	for (size_t n = 0; n <= 3; n++) {	/* a few items, and none */
		char *few = run(n, 8, SIZE_MAX, SIZE_MAX, &err), *alone = run(n, 1, SIZE_MAX, SIZE_MAX, &err);

		assert_non_null(few);
		assert_non_null(alone);
		assert_string_equal(few, alone);
		assert_int_equal(*few == '\0', n == 0);
		free(few);
		free(alone);
	}
	for (unsigned jobs = 2; jobs <= 5; jobs += 3) {
		char *many = run(300, jobs, SIZE_MAX, SIZE_MAX, &err);

		assert_non_null(many);
		assert_string_equal(many, one);
		free(many);
	}
	free(one);
	no_children_left();
}

/* Items the caller works on itself come in their turn, among the workers'. */
static void works_on_some_items_here(void **state)
{
	struct diag err = {{0}};
	char *two = run_some_here(200, 2, SIZE_MAX, SIZE_MAX, 3, &err);
	struct buf want = {0};

	(void)state;
	for (size_t i = 0; i < 200; i++) {
		buf_printf(&want, "%zu%s:", i, i % 3 == 0 ? "h" : "");
		for (size_t k = 0; k < i * 100; k++)
			buf_add(&want, k % 10 == 9 ? "x\n" : "x", k % 10 == 9 ? 2 : 1);
		buf_add(&want, "\n", 1);
	}
	assert_non_null(two);
	assert_string_equal(two, want.data);
	free(want.data);
	free(two);
	no_children_left();
}

/* Workers start only when two items of the window want one: a lone item
 * that is not worked on here among many that are is worked on here too. */
static void starts_workers_for_two_items(void **state)
{
	const size_t away[][2] = {{150, SIZE_MAX}, {150, 200}, {150, 290}};
	const char *const want[] = {"150h:", "150:", "150h:"};	/* 290 is out of 150's window */

	(void)state;
	for (size_t t = 0; t < sizeof away / sizeof *away; t++) {
		struct seen s = {300, {0}, SIZE_MAX, {away[t][0], away[t][1]}, getpid(), 0,
				 SIZE_MAX, SIZE_MAX, SIZE_MAX, 0, 0, false};
		const struct parallel_job job = {next, work, take, name, &s, here};
		struct diag err = {{0}};

		assert_int_equal(parallel_run(&job, 2, &err), 0);
		assert_non_null(strstr(s.all.data, want[t]));
		assert_non_null(strstr(s.all.data, "149h:"));
		free(s.all.data);
	}
	no_children_left();
}

/* Two items early start all the workers when more are to come: the
 * items far past the window go to as many as the jobs. */
static void starts_all_workers_for_items_to_come(void **state)
{
	struct seen s = {1000, {0}, SIZE_MAX, {0, 1}, getpid(), 0, SIZE_MAX, SIZE_MAX, SIZE_MAX, 0, 600, true};
	const struct parallel_job job = {next, work, take, name, &s, here};
	struct diag err = {{0}};
	long pids[8];
	size_t npids = 0;

	(void)state;
	assert_int_equal(parallel_run(&job, 4, &err), 0);
	for (const char *p = s.all.data; p && *p; p = strchr(p, '\n') + 1) {
		size_t i = strtoul(p, NULL, 10), k = 0;
		long pid = strtol(strchr(p, '@') + 1, NULL, 10);

		while (i >= 600 && k < npids && pids[k] != pid)
			k++;
		if (i >= 600 && k == npids && npids < 8)
			pids[npids++] = pid;
	}
	assert_int_equal(npids, 4);
	free(s.all.data);
	no_children_left();
}

/* Results longer than the worker may hold come whole and in order through
 * their temporary files, from workers and from the caller alike, and
 * leave no file open. */
static void spills_long_results_to_files(void **state)
{
	struct diag err = {{0}};
	char *kept = run(120, 2, SIZE_MAX, SIZE_MAX, &err);

	(void)state;
	assert_non_null(kept);
	for (unsigned jobs = 1; jobs <= 2; jobs++) {
		struct seen s = {120, {0}, 0, {SIZE_MAX, SIZE_MAX}, getpid(), 0, SIZE_MAX, SIZE_MAX, 500, 0, 0, false};
		const struct parallel_job job = {next, work, take, name, &s, here};
		int fd = dup(0);

		assert_int_equal(parallel_run(&job, jobs, &err), 0);
		assert_true(s.spilled > 100);	/* every item longer than 500 bytes */
		assert_string_equal(s.all.data, kept);
		close(fd);
		assert_int_equal(dup(0), fd);	/* the lowest free descriptor: none was left open */
		close(fd);
		free(s.all.data);
	}
	free(kept);
	no_children_left();
}

static void names_the_item_a_worker_died_on(void **state)
{
	struct diag err = {{0}};

	(void)state;
	assert_null(run(50, 2, SIZE_MAX, 17, &err));
	assert_non_null(strstr(err.msg, "signal 9"));
	assert_non_null(strstr(err.msg, "item 17"));
	no_children_left();
}

static void stops_when_a_result_cannot_be_taken(void **state)
{
	struct diag err = {{0}};

	(void)state;
	assert_null(run(400, 2, 7, SIZE_MAX, &err));
	assert_string_equal(err.msg, "stopped at 7");
	no_children_left();
	assert_true(parallel_cores() >= 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(takes_results_in_item_order_for_any_number_of_workers),
		cmocka_unit_test(works_on_some_items_here),
		cmocka_unit_test(starts_workers_for_two_items),
		cmocka_unit_test(starts_all_workers_for_items_to_come),
		cmocka_unit_test(spills_long_results_to_files),
		cmocka_unit_test(names_the_item_a_worker_died_on),
		cmocka_unit_test(stops_when_a_result_cannot_be_taken),
	};

	return cmocka_run_group_tests_name("parallel", tests, NULL, NULL);
}
