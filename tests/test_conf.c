/* test_conf.c - the YAML tree: positions, lookups and typed checks. */
#include "conf.h"
#include "helpers.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads_a_tree_with_positions),
		cmocka_unit_test(reports_type_errors_where_they_are),
		cmocka_unit_test(rejects_duplicate_keys),
		cmocka_unit_test(reads_an_empty_file_as_an_empty_map),
	};

	return cmocka_run_group_tests_name("conf", tests, NULL, NULL);
}
