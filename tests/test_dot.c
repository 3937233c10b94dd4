/* test_dot.c - DOT styling through cgraph and SVG rendering in a child process. */
#include "dot.h"
#include "helpers.h"

static const struct dot_style plain = {"test", NULL, false}, boxed = {"test", NULL, true};

static char *render(const struct graph *g, const char *format)
{
	char *data = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&data, &len);
	struct diag err = {{0}};
	int rc = format ? dot_render(fp, g, format, &plain, DOT_TIMEOUT, &err) : dot_write(fp, g, &plain, &err);

	fclose(fp);
	if (rc != 0)
		fail_msg("%s", err.msg);
	return data;
}

/* The attributes of the edge from 'from' to 'to' in dot, up to its ']'. */
static char *edge_attrs(const char *dot, const char *from, const char *to)
{
	struct buf name = {0};
	const char *p;

	buf_printf(&name, "\t%s -> %s\t[", from, to);
	p = strstr(dot, name.data);
	free(name.data);
	assert_non_null(p);
	return strndup(p, strcspn(p, "]"));
}

static void styles_edges_by_relation_and_modality(void **state)
{
	const char *const texts[] = {"Russia invaded Ukraine. Egypt could meet with Sudan.", NULL};
	struct graph *g = test_graph(texts, NULL);
	char *dot = render(g, NULL), *talks = edge_attrs(dot, "EGY", "SDN");

	(void)state;
	assert_non_null(strstr(dot, "digraph actors {"));
	assert_non_null(strstr(dot, "RUS -> UKR"));
	assert_non_null(strstr(dot, "color=\"#602a00:invis:#602a00\""));	/* military_conflict's, doubled */
	assert_non_null(strstr(talks, "color=\"#0072b2\""));	/* talks, once */
	assert_non_null(strstr(talks, "style=dashed"));	/* the hypothetical talks */
	assert_non_null(strstr(talks, "dir=none"));	/* talks are undirected */
	assert_non_null(strstr(dot, "label=military_conflict"));
	free(talks);
	free(dot);
	graph_free(g);
}

/* Sign without colour: a conflict is a double line whose gap is at least a
 * line wide however heavy the edge, dashed too when hypothetical; a neutral
 * tie is dotted; cooperation one solid line. */
static void draws_conflict_double_and_neutral_dotted(void **state)
{
	struct buf text = {0};
	const char *texts[] = {NULL, NULL};
	struct graph *g;
	char *dot, *war, *threat, *role, *talks, *colors;
	size_t lines = 1;
	double width;

	(void)state;
	for (int i = 0; i < 30; i++)
		buf_puts(&text, "Russia invaded Ukraine. ");
	buf_puts(&text, "Iran could threaten Israel. Russian President Vladimir Putin met with Kim Jong Un.");
	texts[0] = text.data;
	g = test_graph(texts, NULL);
	dot = render(g, NULL);
	war = edge_attrs(dot, "RUS", "UKR");
	threat = edge_attrs(dot, "IRN", "ISR");
	role = edge_attrs(dot, "vladimir_putin", "RUS");
	talks = edge_attrs(dot, "kim_jong_un", "vladimir_putin");
	assert_null(strstr(war, "style="));
	assert_non_null(strstr(war, "penwidth="));
	width = atof(strstr(war, "penwidth=") + strlen("penwidth="));
	assert_true(width >= 1);
	assert_non_null(colors = strstr(war, "color=\"#602a00:invis:invis:"));	/* heavy: more room */
	colors[strcspn(colors + 7, "\"") + 7] = '\0';
	for (const char *p = colors; (p = strchr(p, ':')); p++)
		lines++;
	assert_true(2.0 * (double)(lines - 1) - width >= width);	/* Graphviz puts lines 2 points apart */
	assert_non_null(strstr(threat, "color=\"#d55e00:invis:#d55e00\""));
	assert_non_null(strstr(threat, "style=dashed"));
	assert_non_null(strstr(role, "style=dotted"));
	assert_null(strstr(role, ":invis"));
	assert_null(strstr(talks, ":invis"));
	assert_null(strstr(talks, "style="));
	/* the legend draws each line as it is: two sides of a cell, or one, dotted */
	assert_non_null(strstr(dot, "SIDES=\"TB\" BORDER=\"1\" COLOR=\"#602a00\"></TD><TD ALIGN=\"LEFT\">"
				    "military_conflict (conflict)"));
	assert_non_null(strstr(dot, "SIDES=\"B\" BORDER=\"2\" COLOR=\"#0072b2\"></TD><TD ALIGN=\"LEFT\">"
				    "talks (cooperation)"));
	assert_non_null(strstr(dot, "SIDES=\"B\" BORDER=\"2\" COLOR=\"#999999\" STYLE=\"dotted\"></TD>"
				    "<TD ALIGN=\"LEFT\">affiliation (neutral)"));
	assert_non_null(strstr(dot, "STYLE=\"dashed\"></TD><TD ALIGN=\"LEFT\">only hypothetical"));
	free(war);
	free(threat);
	free(role);
	free(talks);
	free(dot);
	graph_free(g);
	free(text.data);
}

/* Ten communities: the eight largest get a colour each, the largest first
 * though Louvain numbers it last; the other two and Iceland, alone, the same
 * grey, which the legend names once as other communities. */
static void colours_eight_communities_and_the_others_grey(void **state)
{
	const char *const texts[] = {
		"Iceland was quiet. Egypt met with Sudan. Japan met with Vietnam. France met with Germany. "
		"Chile met with Peru. Kenya met with Uganda. Norway met with Sweden. Poland met with Hungary. "
		"Canada met with Mexico. Ghana met with Nigeria. Zambia met with Zimbabwe. Zimbabwe met with Yemen.",
		NULL
	};
	struct graph *g = test_graph(texts, NULL);
	char *dot = render(g, NULL);
	const char *fill[64];
	size_t colours = 0, grey = 0, rows = 0, nv = graph_node_count(g);
	const char *largest = graph_str(g, false, test_node(g, "ZWE"), "color");

	(void)state;
	assert_int_equal(nv, 22);
	assert_string_equal(graph_str(g, false, test_node(g, "ISL"), "color"), "#dddddd");
	assert_string_equal(largest, "#77aadd");	/* the first of the palette */
	for (size_t v = 0; v < nv; v++) {
		const char *c = graph_str(g, false, v, "color");
		double community = graph_num(g, false, v, "community");
		size_t i = 0;

		if (strcmp(c, "#dddddd") == 0) {
			grey++;
			continue;
		}
		for (size_t u = 0; u < nv; u++)	/* one colour, one community */
			if (strcmp(graph_str(g, false, u, "color"), c) == 0)
				assert_true(graph_num(g, false, u, "community") == community);
		while (i < colours && strcmp(fill[i], c) != 0)
			i++;
		if (i == colours)
			fill[colours++] = c;
	}
	assert_int_equal(colours, 8);
	assert_int_equal(grey, 5);
	for (const char *p = dot; (p = strstr(p, ">community of ")); p++)
		rows++;
	assert_int_equal(rows, 8);
	assert_non_null(strstr(dot, "BGCOLOR=\"#dddddd\"></TD><TD ALIGN=\"LEFT\">2 other communities (4 actors)"));
	assert_non_null(strstr(dot, "BGCOLOR=\"#77aadd\"></TD><TD ALIGN=\"LEFT\">community of Zimbabwe (3 actors)"));
	free(dot);
	graph_free(g);
}

static void draws_a_legend_and_leaves_out_actors_in_no_relation(void **state)
{
	const char *const texts[] = {"Russia invaded Ukraine. Egypt was quiet.", NULL};
	struct graph *g = test_graph(texts, NULL);
	char *dot = render(g, NULL);

	(void)state;
	assert_non_null(strstr(dot, "military_conflict (conflict)"));
	assert_null(strstr(dot, "only hypothetical"));
	assert_null(strstr(dot, "EGY"));
	assert_non_null(strstr(dot, "RUS"));
	free(dot);
	graph_free(g);
}

static int dot_clustered(FILE *fp, const struct graph *g, struct diag *err)
{
	return dot_write(fp, g, &boxed, err);
}

static void boxes_communities_on_request(void **state)
{
	const char *const texts[] = {"Egypt met with Sudan. Egypt met with Libya. Japan met with Vietnam. "
				     "Japan met with Cambodia.", NULL};
	struct graph *g = test_graph(texts, NULL);
	char *data = test_write(dot_clustered, g);
	struct diag err = {{0}};
	FILE *fp;
	size_t len = 0;

	(void)state;
	assert_non_null(strstr(data, "layout=fdp"));
	assert_non_null(strstr(data, "subgraph cluster_0"));
	assert_non_null(strstr(data, "subgraph cluster_1"));
	/* each box named by its most central actor, as the legend names it */
	assert_non_null(strstr(data, "label=\"community of Egypt\""));
	assert_non_null(strstr(data, "label=\"community of Japan\""));
	free(data);
	fp = open_memstream(&data, &len);
	assert_int_equal(dot_render(fp, g, "svg", &boxed, DOT_TIMEOUT, &err), 0);
	fclose(fp);
	assert_non_null(strstr(data, "community of Japan"));
	free(data);
	graph_free(g);
}

static void escapes_backslashes_in_labels(void **state)
{
	struct diag err = {{0}};
	struct schema *s = schema_load("tests/data/schema/escape", &err);
	const char *const texts[] = {"Smith Sons met Bland.", NULL};
	struct graph *g = test_graph_with(s, texts, NULL);
	char *dot = render(g, NULL);

	(void)state;
	assert_non_null(strstr(dot, "C:\\\\new"));
	free(dot);
	graph_free(g);
	schema_free(s);
}

static void draws_straight_edges_between_actors_with_two_relations(void **state)
{
	const char *const one[] = {"Russia invaded Ukraine. Iran imposed sanctions on Russia.", NULL};
	const char *const two[] = {"Russia imposed sanctions on Iran. Iran imposed sanctions on Russia.", NULL};
	struct graph *g = test_graph(one, NULL), *h = test_graph(two, NULL);
	char *dot = render(g, NULL), *multi = render(h, NULL);

	(void)state;
	assert_non_null(strstr(dot, "splines=true"));
	assert_non_null(strstr(multi, "splines=false"));	/* Graphviz 2.42 crashes routing them */
	free(dot);
	free(multi);
	graph_free(g);
	graph_free(h);
}

static void cuts_long_labels_and_names(void **state)
{
	struct buf text = {0};
	const char *texts[] = {NULL, NULL};
	struct graph *g;
	char *dot, *label;

	(void)state;
	buf_puts(&text, "\"No,\" said A");
	for (int i = 0; i < 19999; i++)
		buf_puts(&text, "b");
	buf_puts(&text, " Cole.");
	texts[0] = text.data;
	g = test_graph(texts, NULL);
	dot = render(g, NULL);
	assert_non_null(label = strstr(dot, "label=Abbb"));
	assert_int_equal(strcspn(label, ","), strlen("label=") + DOT_MAX_LABEL + strlen("\u2026"));
	assert_non_null(strstr(label, "bbb\u2026,"));
	assert_true(strlen(dot) < 4096);	/* the node's name is cut too */
	free(dot);
	graph_free(g);
	free(text.data);
}

static void draws_at_most_DOT_MAX_ACTORS_and_says_so(void **state)
{
	const char *const syllables[] = {"Ba", "Ke", "Lo", "Mi", "Nu", "Ra", "Si", "To", "Vu", "Ze"};
	struct buf text = {0}, note = {0};
	const char *texts[] = {NULL, NULL};
	struct graph *g;
	char *dot;
	size_t drawn = 0;

	(void)state;
	for (size_t i = 0; i < DOT_MAX_ACTORS + 10; i++)	/* persons in no relation */
		buf_printf(&text, "\"No,\" said %sdan %s%sson.\n", syllables[i % 10], syllables[i / 10 % 10],
			   syllables[i / 100 % 10]);
	texts[0] = text.data;
	g = test_graph(texts, NULL);
	assert_int_equal(graph_node_count(g), DOT_MAX_ACTORS + 10);
	dot = render(g, NULL);
	for (const char *p = dot; (p = strstr(p, "tooltip=\"person")); p++)
		drawn++;
	assert_int_equal(drawn, DOT_MAX_ACTORS);
	buf_printf(&note, "%d of %d actors drawn: those of highest PageRank", DOT_MAX_ACTORS, DOT_MAX_ACTORS + 10);
	assert_non_null(strstr(dot, note.data));
	free(dot);
	graph_free(g);
	free(note.data);
	free(text.data);
}

static void renders_svg(void **state)
{
	const char *const texts[] = {"Russia invaded Ukraine.", NULL};
	struct graph *g = test_graph(texts, NULL);
	char *svg = render(g, "svg");

	(void)state;
	assert_non_null(strstr(svg, "<svg"));
	assert_non_null(strstr(svg, ">Russia</text>"));
	assert_non_null(strstr(svg, "</svg>"));
	free(svg);
	graph_free(g);
}

static void reports_unknown_render_formats(void **state)
{
	const char *const texts[] = {"Russia invaded Ukraine.", NULL};
	struct graph *g = test_graph(texts, NULL);
	FILE *fp = tmpfile();
	struct diag err = {{0}};

	(void)state;
	assert_int_equal(dot_render(fp, g, "nosuchformat", &plain, DOT_TIMEOUT, &err), -1);
	assert_string_equal(err.msg, "Graphviz could not render nosuchformat: "
				     "Error: renderer for nosuchformat is unavailable");
	fclose(fp);
	graph_free(g);
}

static void gives_up_on_a_drawing_past_its_time_limit(void **state)
{
	const char *const texts[] = {"Russia invaded Ukraine.", NULL};
	struct graph *g = test_graph(texts, NULL);
	char *data = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&data, &len);
	struct diag err = {{0}};

	(void)state;
	assert_int_equal(dot_render(fp, g, "svg", &plain, 0.001, &err), -1);
	assert_string_equal(err.msg, "Graphviz took more than 0.001 s");
	fclose(fp);
	assert_int_equal(len, 0);
	free(data);
	graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(styles_edges_by_relation_and_modality),
		cmocka_unit_test(draws_conflict_double_and_neutral_dotted),
		cmocka_unit_test(colours_eight_communities_and_the_others_grey),
		cmocka_unit_test(draws_a_legend_and_leaves_out_actors_in_no_relation),
		cmocka_unit_test(boxes_communities_on_request),
		cmocka_unit_test(escapes_backslashes_in_labels),
		cmocka_unit_test(draws_straight_edges_between_actors_with_two_relations),
		cmocka_unit_test(cuts_long_labels_and_names),
		cmocka_unit_test(draws_at_most_DOT_MAX_ACTORS_and_says_so),
		cmocka_unit_test(renders_svg),
		cmocka_unit_test(reports_unknown_render_formats),
		cmocka_unit_test(gives_up_on_a_drawing_past_its_time_limit),
	};
	int rc = cmocka_run_group_tests_name("dot", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
