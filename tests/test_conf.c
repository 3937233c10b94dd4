/* test_conf.c - the YAML tree: positions, lookups, typed checks and limits. */
#include <unistd.h>

#include "conf.h"
#include "helpers.h"

/* Hostile files are written here by the tests, not kept in the repository. */
#define OUT "tests/out/conf"

static FILE *create(const char *path)
{
	struct diag err = {{0}};
	FILE *fp;

	if (make_dirs(OUT, &err) < 0 || !(fp = fopen(path, "w")))
		fail_msg("cannot create %s %s", path, err.msg);
	return fp;
}

static void write_text(const char *path, const char *text)
{
	FILE *fp = create(path);

	fputs(text, fp);
	fclose(fp);
}

static void loads_a_tree_with_positions(void **state)
{
	struct diag err = {{0}};
	struct conf_node *root = conf_load("tests/data/conf/sample.yaml", &err);
	const struct conf_node *list, **items;
	const char *name = NULL;
	size_t n;

	(void)state;
	assert_non_null(root);
	assert_int_equal(root->type, CONF_MAP);
	assert_int_equal(conf_string(root, "name", true, &name, &err), 0);
	assert_string_equal(name, "x");
	list = conf_get(root, "list");
	assert_int_equal(list->type, CONF_SEQ);
	assert_int_equal(list->pos.line, 2);
	assert_int_equal(list->pos.col, 7);
	assert_int_equal(conf_strings(root, "list", &items, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(items[1]->str, "b");
	assert_int_equal(conf_strings(root, "one", &items, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(items[0]->str, "solo");
	assert_null(conf_get(root, "missing"));
	conf_free(root);
}

static void reports_type_errors_where_they_are(void **state)
{
	struct diag err = {{0}};
	struct conf_node *root = conf_load("tests/data/conf/sample.yaml", &err);
	bool flag;

	(void)state;
	assert_int_equal(conf_bool(root, "flag", &flag, &err), -1);
	assert_string_equal(err.msg, "tests/data/conf/sample.yaml:4:7: expected true or false for 'flag', found 'yes'");
	err.msg[0] = '\0';
	assert_int_equal(conf_expect(conf_get(root, "nested"), CONF_MAP, "nested", &err), -1);
	assert_string_equal(err.msg, "tests/data/conf/sample.yaml:6:3: expected a mapping as nested, found a list");
	err.msg[0] = '\0';
	assert_int_equal(conf_check_keys(root, (const char *const[]){"name", NULL}, &err), -1);
	assert_string_equal(err.msg, "tests/data/conf/sample.yaml:2:1: unknown key 'list' (expected one of: name)");
	conf_free(root);
}

static void rejects_duplicate_keys(void **state)
{
	struct diag err = {{0}};

	(void)state;
	assert_null(conf_load("tests/data/conf/duplicate.yaml", &err));
	assert_string_equal(err.msg, "tests/data/conf/duplicate.yaml:2:1: duplicate key 'a'");
}

static void reads_an_empty_file_as_an_empty_map(void **state)
{
	struct diag err = {{0}};
	struct conf_node *root = conf_load("tests/data/conf/empty.yaml", &err);

	(void)state;
	assert_non_null(root);
	assert_int_equal(root->type, CONF_MAP);
	assert_int_equal(root->n, 0);
	conf_free(root);
}

static void expands_aliases_as_copies(void **state)
{
	struct diag err = {{0}};
	struct conf_node *root;
	const struct conf_node *b, *d;

	(void)state;
	write_text(OUT "/alias.yaml", "a: &x [1, {k: v}]\nb: *x\nc: &s word\nd: *s\n");
	root = conf_load(OUT "/alias.yaml", &err);
	assert_non_null(root);
	b = conf_get(root, "b");
	assert_int_equal(b->type, CONF_SEQ);
	assert_int_equal(b->n, 2);
	assert_string_equal(conf_get(b->items[1], "k")->str, "v");
	assert_ptr_not_equal(b, conf_get(root, "a"));	/* a copy: the tree is a tree */
	d = conf_get(root, "d");
	assert_string_equal(d->str, "word");
	conf_free(root);
}

static void rejects_an_alias_without_an_anchor_before_it(void **state)
{
	struct diag err = {{0}};

	(void)state;
	write_text(OUT "/no-anchor.yaml", "a: *x\nb: &x 1\n");
	assert_null(conf_load(OUT "/no-anchor.yaml", &err));
	assert_string_equal(err.msg, OUT "/no-anchor.yaml:1:4: alias '*x' has no anchor before it");
}

/* "Billion laughs": nine levels of ten aliases of the level before expand to
 * 10^9 nodes; it is refused at the alias that passes the limit, at once. */
static void refuses_an_alias_bomb_before_expanding_it(void **state)
{
	struct diag err = {{0}};
	FILE *fp = create(OUT "/bomb.yaml");

	(void)state;
	fputs("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n", fp);
	for (int i = 1; i < 9; i++)
		fprintf(fp, "l%d: &l%d [*l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d]\n", i, i, i - 1,
			i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	fclose(fp);
	alarm(20);	/* expanded, it takes minutes and gigabytes */
	assert_null(conf_load(OUT "/bomb.yaml", &err));
	alarm(0);
	assert_string_equal(err.msg, OUT "/bomb.yaml:6:45: more than 1000000 nodes, aliases expanded "
				     "(the limit of a YAML file)");
}

static void refuses_nesting_deeper_than_the_limit(void **state)
{
	struct diag err = {{0}};
	FILE *fp = create(OUT "/deep.yaml");

	(void)state;
	for (int i = 0; i < 100000; i++)	/* flow style */
		fputc('[', fp);
	fclose(fp);
	alarm(20);
	assert_null(conf_load(OUT "/deep.yaml", &err));
	assert_string_equal(err.msg, OUT "/deep.yaml:1:65: nested deeper than 64 levels (the limit of a YAML file)");
	fp = create(OUT "/deep-block.yaml");
	for (int i = 0; i < 100000; i++)	/* block style */
		fputs("- ", fp);
	fputs("x\n", fp);
	fclose(fp);
	err.msg[0] = '\0';
	assert_null(conf_load(OUT "/deep-block.yaml", &err));
	alarm(0);
	assert_string_equal(err.msg, OUT "/deep-block.yaml:1:129: nested deeper than 64 levels "
				     "(the limit of a YAML file)");
	/* an alias counts the depth of its anchor */
	fp = create(OUT "/deep-alias.yaml");
	fputs("a: &x ", fp);
	for (int i = 0; i < 60; i++)
		fputc('[', fp);
	for (int i = 0; i < 60; i++)
		fputc(']', fp);
	fputs("\nb: [[[[*x]]]]\n", fp);
	fclose(fp);
	err.msg[0] = '\0';
	assert_null(conf_load(OUT "/deep-alias.yaml", &err));
	assert_string_equal(err.msg, OUT "/deep-alias.yaml:2:8: nested deeper than 64 levels, aliases expanded "
				     "(the limit of a YAML file)");
}

/* 150,000 keys took minutes when each key was compared with those before it. */
static void finds_a_duplicate_among_many_keys_in_linear_time(void **state)
{
	struct diag err = {{0}};
	FILE *fp = create(OUT "/keys.yaml");

	(void)state;
	for (int i = 0; i < 150000; i++)
		fprintf(fp, "k%d: v\n", i);
	fputs("k7: again\n", fp);
	fclose(fp);
	alarm(20);
	assert_null(conf_load(OUT "/keys.yaml", &err));
	alarm(0);
	assert_string_equal(err.msg, OUT "/keys.yaml:150001:1: duplicate key 'k7'");
}

static void refuses_a_file_larger_than_the_limit(void **state)
{
	struct diag err = {{0}};
	FILE *fp = create(OUT "/big.yaml");
	const char *tail = ": larger than 8388608 bytes (the limit of a YAML file)";

	(void)state;
	assert_int_equal(CONF_MAX_BYTES, 8388608);
	fputs("comments:\n", fp);
	for (long n = 0; n <= CONF_MAX_BYTES; n += 64)
		fprintf(fp, "# %61s\n", "");
	fclose(fp);
	assert_null(conf_load(OUT "/big.yaml", &err));
	assert_true(strncmp(err.msg, OUT "/big.yaml:", strlen(OUT "/big.yaml:")) == 0);
	assert_string_equal(err.msg + strlen(err.msg) - strlen(tail), tail);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads_a_tree_with_positions),
		cmocka_unit_test(reports_type_errors_where_they_are),
		cmocka_unit_test(rejects_duplicate_keys),
		cmocka_unit_test(reads_an_empty_file_as_an_empty_map),
		cmocka_unit_test(expands_aliases_as_copies),
		cmocka_unit_test(rejects_an_alias_without_an_anchor_before_it),
		cmocka_unit_test(refuses_an_alias_bomb_before_expanding_it),
		cmocka_unit_test(refuses_nesting_deeper_than_the_limit),
		cmocka_unit_test(finds_a_duplicate_among_many_keys_in_linear_time),
		cmocka_unit_test(refuses_a_file_larger_than_the_limit),
	};

	return cmocka_run_group_tests_name("conf", tests, NULL, NULL);
}
