/* test_html.c - the HTML page: the graph's JSON inside it cannot close its
 * script, and the title is escaped. Rendering is tested by tests/html.sh. */
#include <jansson.h>
#include <strings.h>

#include "html.h"
#include "helpers.h"

#define HOSTILE "</script><script>alert(1)</SCRIPT ><!--<script>\xe2\x80\xa8\xe2\x80\xa9 Co"

static char *page_of(const struct graph *g, const char *name)
{
	char *data = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&data, &len);
	struct diag err = {{0}};

	if (html_write(fp, g, name, &err) != 0)
		fail_msg("%s", err.msg);
	fclose(fp);
	return data;
}

/* How often s holds what, in any case: HTML's tag names have none. */
static size_t count(const char *s, const char *what)
{
	size_t n = 0;

	for (const char *p = s; *p; p++)
		n += strncasecmp(p, what, strlen(what)) == 0;
	return n;
}

static struct graph *hostile_graph(struct schema **s)
{
	const char *const texts[] = {"Dirty met with Bland.", NULL};
	struct diag err = {{0}};
	int a;

	if (!(*s = schema_load("tests/data/schema/escape", &err)))
		fail_msg("%s", err.msg);
	a = schema_add_actor(*s, "dirty", HOSTILE, KIND_ORGANIZATION);
	schema_add_name(*s, a, "Dirty", FORM_NAME);
	return test_graph_with(*s, texts, NULL);
}

static void keeps_a_hostile_label_inside_its_script(void **state)
{
	struct schema *s;
	struct graph *g = hostile_graph(&s);
	char *page = page_of(g, "g");
	const char *open = "<script type=\"application/json\" id=\"graph-data\">";
	char *start = strstr(page, open), *end;
	json_t *doc, *label = NULL;
	size_t i;

	(void)state;
	/* each script element closes once: the data's, the error handler's, 3 vendored, the viewer's */
	assert_int_equal(count(page, "</script"), 6);
	assert_int_equal(count(page, "<!--"), 0);
	assert_non_null(start);
	start += strlen(open);
	end = strstr(start, "</script>");
	assert_non_null(end);
	*end = '\0';
	assert_null(strstr(start, "\xe2\x80\xa8"));
	assert_null(strstr(start, "\xe2\x80\xa9"));
	assert_non_null(strstr(start, "\\u003c/script>"));
	/* and the JSON reads back to the label itself */
	doc = json_loads(start, 0, NULL);
	assert_non_null(doc);
	json_array_foreach(json_object_get(doc, "nodes"), i, label)
		if (strcmp(json_string_value(json_object_get(label, "id")), "dirty") == 0)
			break;
	assert_string_equal(json_string_value(json_object_get(label, "label")), HOSTILE);
	json_decref(doc);
	free(page);
	graph_free(g);
	schema_free(s);
}

static void escapes_the_title(void **state)
{
	const char *const texts[] = {"Russia invaded Ukraine.", NULL};
	struct graph *g = test_graph(texts, NULL);
	char *page = page_of(g, "a<b>&\"c'");

	(void)state;
	assert_non_null(strstr(page, "<title>a&lt;b&gt;&amp;&quot;c&#39; - actorgraph</title>"));
	assert_non_null(strstr(page, "<h1 id=\"title\">a&lt;b&gt;&amp;&quot;c&#39;</h1>"));
	free(page);
	graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keeps_a_hostile_label_inside_its_script),
		cmocka_unit_test(escapes_the_title),
	};
	int rc = cmocka_run_group_tests_name("html", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
