/* test_recipe.c - graph recipes: paths resolved, dates and keys checked. */
#include <unistd.h>

#include "helpers.h"
#include "recipe.h"

static void resolves_paths_against_the_recipe(void **state)
{
	struct diag err = {{0}};
	struct recipe *r = recipe_load("tests/data/recipe/ok", &err);

	(void)state;
	assert_non_null(r);
	assert_string_equal(r->name, "ok");	/* the folder's name */
	assert_null(r->schema);
	assert_string_equal(r->formats, "graphml,svg");
	assert_int_equal(r->ninputs, 2);
	assert_string_equal(r->inputs[0].path, "tests/data/recipe/ok/a.txt");
	assert_null(r->inputs[0].date);
	assert_string_equal(r->inputs[1].path, "/abs/b.txt");
	assert_string_equal(r->inputs[1].date, "2024-02-29");
	recipe_free(r);
}

static void rejects_bad_dates(void **state)
{
	struct diag err = {{0}};

	(void)state;
	assert_null(recipe_load("tests/data/recipe/bad-date", &err));
	assert_string_equal(err.msg, "tests/data/recipe/bad-date/graph.yaml:2:25: expected a date YYYY-MM-DD, "
				     "found '29 Feb 2024'");
	err.msg[0] = '\0';
	assert_null(recipe_load("tests/data/recipe/bad-day", &err));
	assert_string_equal(err.msg, "tests/data/recipe/bad-day/graph.yaml:3:25: expected a date YYYY-MM-DD, "
				     "found '2024-02-30' (no such day)");
}

static void rejects_a_recipe_without_inputs(void **state)
{
	struct diag err = {{0}};

	(void)state;
	assert_null(recipe_load("tests/data/recipe/no-inputs", &err));
	assert_string_equal(err.msg, "tests/data/recipe/no-inputs/graph.yaml:2:9: no inputs");
}

static void loads_the_bundled_example(void **state)
{
	struct diag err = {{0}};
	struct recipe *r = recipe_load("graphs/korea", &err);

	(void)state;
	assert_non_null(r);
	assert_string_equal(r->name, "korea");
	assert_string_equal(r->schema, "graphs/korea/../../schema");
	recipe_free(r);
}

/* The limits of conf.c hold for recipes: a hostile one is refused at once. */
static void refuses_an_alias_bomb_and_deep_nesting(void **state)
{
	struct diag err = {{0}};
	FILE *fp;

	(void)state;
	assert_int_equal(make_dirs("tests/out/recipe/bomb", &err), 0);
	assert_int_equal(make_dirs("tests/out/recipe/deep", &err), 0);
	fp = fopen("tests/out/recipe/bomb/graph.yaml", "w");
	fputs("a: &a [x, x, x, x, x, x, x, x, x, x]\n", fp);
	for (char c = 'b'; c <= 'i'; c++)
		fprintf(fp, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n", c, c, c - 1, c - 1, c - 1,
			c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
	fputs("inputs: [*i]\n", fp);
	fclose(fp);
	fp = fopen("tests/out/recipe/deep/graph.yaml", "w");
	fputs("inputs: ", fp);
	for (int i = 0; i < 100000; i++)
		fputc('[', fp);
	fclose(fp);
	alarm(20);	/* each took minutes */
	assert_null(recipe_load("tests/out/recipe/bomb", &err));
	assert_string_equal(err.msg, "tests/out/recipe/bomb/graph.yaml:6:36: more than 1000000 nodes, "
				     "aliases expanded (the limit of a YAML file)");
	err.msg[0] = '\0';
	assert_null(recipe_load("tests/out/recipe/deep", &err));
	alarm(0);
	assert_string_equal(err.msg, "tests/out/recipe/deep/graph.yaml:1:72: nested deeper than 64 levels "
				     "(the limit of a YAML file)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(resolves_paths_against_the_recipe),
		cmocka_unit_test(rejects_bad_dates),
		cmocka_unit_test(rejects_a_recipe_without_inputs),
		cmocka_unit_test(loads_the_bundled_example),
		cmocka_unit_test(refuses_an_alias_bomb_and_deep_nesting),
	};

	return cmocka_run_group_tests_name("recipe", tests, NULL, NULL);
}
