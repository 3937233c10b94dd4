/* test_parallel.c - results in item order whatever the workers' pace, a
 * dying worker named, a stopped run leaving no process behind. */
#include "helpers.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "parallel.h"

struct seen {
	struct buf all;		/* every result taken, in the order taken */
	size_t here_every;	/* items i with i % here_every == 0 are worked on here (0: none) */
	pid_t caller;
	size_t next;		/* the item take expects */
	size_t stop_at;		/* take fails at this item (or never: SIZE_MAX) */
	size_t die_at;		/* work dies at this item (or never) */
};

static char names[64][16];

/* Item i's result: its number and a line as long as i; the odd items are
 * slow, so that results come back out of order. */
static void work(void *ctx, size_t i, struct buf *out)
{
	const struct seen *s = ctx;

	if (i == s->die_at)
		raise(SIGKILL);
	if (i % 2)
		usleep(2000);
	buf_printf(out, "%zu%s:", i, s->here_every && getpid() == s->caller ? "h" : "");
	for (size_t k = 0; k < i * 100; k++)
		buf_add(out, "x", 1);
	buf_add(out, "\n", 1);
}

static int take(void *ctx, size_t i, char *data, size_t len, struct diag *err)
{
	struct seen *s = ctx;

	assert_int_equal(i, s->next++);
	assert_int_equal(strlen(data), len);
	if (i == s->stop_at)
		return diag_set(err, "stopped at %zu", i);
	buf_add(&s->all, data, len);
	return 0;
}

static bool here(void *ctx, size_t i)
{
	const struct seen *s = ctx;

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
	struct seen s = {{0}, here_every, getpid(), 0, stop_at, die_at};
	const struct parallel_job job = {work, take, name, &s, here};

	if (parallel_run(&job, n, jobs, err) < 0) {
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
			buf_add(&want, "x", 1);
		buf_add(&want, "\n", 1);
	}
	assert_non_null(two);
	assert_string_equal(two, want.data);
	free(want.data);
	free(two);
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
		cmocka_unit_test(names_the_item_a_worker_died_on),
		cmocka_unit_test(stops_when_a_result_cannot_be_taken),
	};

	return cmocka_run_group_tests_name("parallel", tests, NULL, NULL);
}
