/* test_recipe.c - graph recipes: paths resolved, dates and keys checked. */
#include <unistd.h>

#include "helpers.h"
#include "recipe.h"

static void resolves_paths_against_the_recipe(void **state)
{
	struct diag err = {{0}};
	struct recipe *r = recipe_load("tests/data/recipe/ok", "2024-06-30", &err);

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
	assert_null(recipe_load("tests/data/recipe/bad-date", "2024-06-30", &err));
	assert_string_equal(err.msg, "tests/data/recipe/bad-date/graph.yaml:2:25: expected a date YYYY-MM-DD, "
				     "found '29 Feb 2024'");
	err.msg[0] = '\0';
	assert_null(recipe_load("tests/data/recipe/bad-day", "2024-06-30", &err));
	assert_string_equal(err.msg, "tests/data/recipe/bad-day/graph.yaml:3:25: expected a date YYYY-MM-DD, "
				     "found '2024-02-30' (no such day)");
}

static void rejects_a_recipe_without_inputs(void **state)
{
	struct diag err = {{0}};

	(void)state;
	assert_null(recipe_load("tests/data/recipe/no-inputs", "2024-06-30", &err));
	assert_string_equal(err.msg, "tests/data/recipe/no-inputs/graph.yaml:2:9: no inputs");
}

static void loads_the_bundled_example(void **state)
{
	struct diag err = {{0}};
	struct recipe *r = recipe_load("graphs/korea", "2024-06-30", &err);

	(void)state;
	assert_non_null(r);
	assert_string_equal(r->name, "korea");
	assert_string_equal(r->schema, "graphs/korea/../../schema");
	recipe_free(r);
}

/* Write 'yaml' as tests/out/recipe/NAME/graph.yaml, with files a.txt, b.txt
 * and c.jsonl beside it, and load it. */
static struct recipe *load_written(const char *name, const char *yaml, struct diag *err)
{
	const char *const files[] = {"a.txt", "b.txt", "c.jsonl", "graph.yaml"};
	struct buf path = {0};

	buf_printf(&path, "tests/out/recipe/%s", name);
	assert_int_equal(make_dirs(path.data, err), 0);
	for (size_t i = 0; i < 4; i++) {
		FILE *fp;

		path.len = 0;
		buf_printf(&path, "tests/out/recipe/%s/%s", name, files[i]);
		assert_non_null(fp = fopen(path.data, "w"));
		fputs(i == 3 ? yaml : "Russia met China.\n", fp);
		fclose(fp);
	}
	path.len = 0;
	buf_printf(&path, "tests/out/recipe/%s", name);
	err->msg[0] = '\0';
	{
		struct recipe *r = recipe_load(path.data, "2024-06-30", err);

		free(path.data);
		return r;
	}
}

static void reads_globs_windows_decay_and_filters(void **state)
{
	struct diag err = {{0}};
	struct recipe *r = load_written("grown", "inputs: ['*.txt', '*.none', c.jsonl]\nlast: 4w\ndecay: 30d\n"
					"min_weight: 1.5\nrelations: [talks, pact]\ntop: 20\nego: Russia\ndepth: 1\n"
					"by: degree\nclusters: true\nspells: accumulate\n", &err);

	(void)state;
	assert_non_null(r);
	assert_int_equal(r->ninputs, 3);
	assert_string_equal(r->inputs[0].path, "tests/out/recipe/grown/a.txt");
	assert_string_equal(r->inputs[1].path, "tests/out/recipe/grown/b.txt");
	assert_int_equal(r->nwarnings, 1);
	assert_string_equal(r->warnings[0], "tests/out/recipe/grown/graph.yaml:1:19: '*.none' matches no file");
	assert_string_equal(r->since, "2024-06-03");	/* the 28 days up to today, today among them */
	assert_string_equal(r->until, "");
	assert_true(r->half_life == 30 && r->min_weight == 1.5 && r->top == 20 && r->depth == 1);
	assert_string_equal(r->relations, "talks,pact");
	assert_string_equal(r->ego, "Russia");
	assert_string_equal(r->by, "degree");
	assert_true(r->clusters);
	assert_string_equal(r->spells, "accumulate");
	recipe_free(r);
	assert_non_null(r = load_written("until", "inputs: [a.txt]\nuntil: 2024-03-01\nlast: 1d\n", &err));
	assert_string_equal(r->since, "2024-03-01");
	assert_string_equal(r->until, "2024-03-01");
	assert_true(!r->by && !r->clusters && !r->spells);
	recipe_free(r);
}

static void refuses_bad_windows_and_filters(void **state)
{
	static const struct {
		const char *yaml, *msg;
	} cases[] = {
		{"inputs: [a.txt]\nlast: 30\n", "graph.yaml:2:7: expected days or weeks such as 30d or 4w, found '30'"},
		{"inputs: [a.txt]\nsince: 2024-01-01\nlast: 3d\n", "graph.yaml:3:7: a window has 'since' or 'last', not both"},
		{"inputs: [a.txt]\nsince: 2024-05-01\nuntil: 2024-04-01\n", "graph.yaml:1:1: the window ends (2024-04-01) before it begins (2024-05-01)"},
		{"inputs: [a.txt]\ntop: 0\n", "graph.yaml:2:6: expected a whole number >= 1, found '0'"},
		{"inputs: [a.txt]\ndepth: 1.5\n", "graph.yaml:2:8: expected a whole number >= 0, found '1.5'"},
		{"inputs: [a.txt]\nwindow: 3d\n", "graph.yaml:2:1: unknown key 'window'"},
		{"inputs: [a.txt]\nby: size\n", "graph.yaml:2:5: unknown ranking 'size' (expected one of: pagerank, degree, "
						 "strength, betweenness, closeness, eigenvector, mentions)"},
		{"inputs: [a.txt]\nclusters: yes\n", "graph.yaml:2:11: expected true or false for 'clusters', found 'yes'"},
		{"inputs: [a.txt]\nspells: [day]\n", "graph.yaml:2:9: expected a scalar as spells, found a list"},
	};
	struct diag err = {{0}};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_null(load_written("bad", cases[i].yaml, &err));
		if (!strstr(err.msg, cases[i].msg))
			fail_msg("%s: %s, expected %s", cases[i].yaml, err.msg, cases[i].msg);
	}
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
	assert_null(recipe_load("tests/out/recipe/bomb", "2024-06-30", &err));
	assert_string_equal(err.msg, "tests/out/recipe/bomb/graph.yaml:6:36: more than 1000000 nodes, "
				     "aliases expanded (the limit of a YAML file)");
	err.msg[0] = '\0';
	assert_null(recipe_load("tests/out/recipe/deep", "2024-06-30", &err));
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
		cmocka_unit_test(reads_globs_windows_decay_and_filters),
		cmocka_unit_test(refuses_bad_windows_and_filters),
	};

	return cmocka_run_group_tests_name("recipe", tests, NULL, NULL);
}
