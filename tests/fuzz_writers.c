/* fuzz_writers.c - libFuzzer target: any bytes as the label of an actor
 * (and, after a NUL, as a document's name), cleaned as where names enter,
 * in a graph written in every text format; each output must parse back:
 * GraphML and GEXF with libxml2, JSON with jansson, DOT with cgraph, the
 * CSV tables with as many fields on each row as in their header, and the
 * HTML page (titled with the name) with its six scripts closed only where
 * they end, its title closed only where it ends, and its graph's JSON.
 * 'make fuzz' runs it from the seeds in tests/fuzz/writers/. */
#include <graphviz/cgraph.h>
#include <igraph.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <strings.h>

#include "analysis.h"
#include "dot.h"
#include "gexf.h"
#include "graph.h"
#include "graphml.h"
#include "html.h"
#include "jsonio.h"
#include "schema.h"
#include "tables.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The output of one writer, in memory. */
static char *written(int (*write)(FILE *, const struct graph *, struct diag *), const struct graph *g, size_t *len)
{
	char *out = NULL;
	FILE *fp = open_memstream(&out, len);
	struct diag err = {{0}};

	if (!fp || write(fp, g, &err) < 0 || fclose(fp) != 0)
		abort();
	return out;
}

static int gexf_days(FILE *fp, const struct graph *g, struct diag *err)
{
	return gexf_write(fp, g, false, err);
}

static int dot_plain(FILE *fp, const struct graph *g, struct diag *err)
{
	static const struct dot_style st = {"fuzz", NULL, false};

	return dot_write(fp, g, &st, err);
}

static const char *page_name;	/* the title of the HTML page */

static int html_page(FILE *fp, const struct graph *g, struct diag *err)
{
	return html_write(fp, g, page_name, err);
}

/* Where s holds what (which starts with a '<'), in any case (HTML's tag
 * names have none), or NULL. */
static char *find_nocase(char *s, const char *what)
{
	for (; (s = strchr(s, what[0])); s++)
		if (strncasecmp(s, what, strlen(what)) == 0)
			return s;
	return NULL;
}

/* The page: a script or the title is closed only by its own end tag (the
 * data has no '<' left), and the graph's JSON reads back. */
static void page_holds(char *page)
{
	const char *data = "<script type=\"application/json\" id=\"graph-data\">";
	char *p = page, *start, *end;
	json_t *json;
	int closes = 0;

	while ((p = find_nocase(p, "</script")))
		closes++, p++;
	if (closes != 6 || find_nocase(page, "<!--"))
		abort();
	if (!(start = strstr(page, "<title>")) || !(end = strchr(start + 1, '<')) ||
	    strncmp(end, "</title>", 8) != 0)
		abort();
	if (!(start = strstr(page, data)) || !(end = strstr(start, "</script>")))
		abort();
	*end = '\0';
	if (!(json = json_loads(start + strlen(data), 0, NULL)))
		abort();
	json_decref(json);
}

/* An id as the schema and name discovery make them: a letter, then
 * letters, digits and '_' (non-ASCII letters are left out here). */
static char *slug(const char *label)
{
	struct buf b = {0};

	buf_puts(&b, "f");
	for (const char *p = label; *p && b.len < 64; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_')
			buf_add(&b, p, 1);
	return b.data;
}

/* Fields of each CSV row, by RFC 4180; every row must have the header's. */
static void same_fields(const char *csv, size_t len)
{
	size_t fields = 1, want = 0;
	bool quoted = false;

	for (size_t i = 0; i < len; i++) {
		char c = csv[i];

		if (quoted) {
			if (c == '"' && i + 1 < len && csv[i + 1] == '"')
				i++;
			else if (c == '"')
				quoted = false;
		} else if (c == '"') {
			quoted = true;
		} else if (c == ',') {
			fields++;
		} else if (c == '\n') {
			if (want && fields != want)
				abort();
			want = fields;
			fields = 1;
		}
	}
	if (quoted)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct schema *s;
	const uint8_t *nul = memchr(data, '\0', size);
	char *label = xstrndup((const char *)data, nul ? (size_t)(nul - data) : size);
	char *name = nul ? xstrndup((const char *)nul + 1, size - (size_t)(nul - data) - 1) : xstrdup("doc");
	struct diag err = {{0}};
	struct graph *g;
	size_t len;
	char *out, *id;
	xmlDoc *xml;
	json_t *json;
	Agraph_t *dot;
	int a;

	if (!s) {
		igraph_set_error_handler(igraph_error_handler_ignore);
		igraph_set_warning_handler(igraph_warning_handler_ignore);
		igraph_set_attribute_table(&igraph_cattribute_table);
		if (!(s = schema_load("tests/data/schema/ok", &err)))
			abort();
	}
	utf8_clean(label);	/* as texts, JSON lines and schema files are, where they enter */
	utf8_clean(name);
	id = slug(label);
	a = schema_add_actor(s, id, *label ? label : "fuzz", KIND_PERSON);
	{
		const struct mention_count m[] = {{a, 1}, {schema_actor(s, "AAA"), 1}};
		struct event ev = {schema_reltype(s, "talks"), a, schema_actor(s, "AAA"), MOD_ASSERTED, 0, 0, 0, "talks.meet"};
		const struct doc d = {.name = name, .path = name, .date = "2024-02-29"};
		const struct span said = {label, strlen(label)};	/* the label as the evidence too */

		if (ev.source == ev.target)
			ev.source = schema_actor(s, "ann_bee");
		g = graph_new(s, LEVEL_ACTOR);
		graph_add(g, &d, m, 2, &ev, 1, &said);
	}
	if (graph_build(g, &err) < 0 || analysis_run(g, ANALYSIS_ALL, &err) < 0)
		abort();
	out = written(graphml_write, g, &len);
	if (!(xml = xmlReadMemory(out, (int)len, "graphml", NULL, XML_PARSE_NONET)))
		abort();
	xmlFreeDoc(xml);
	free(out);
	out = written(gexf_days, g, &len);
	if (!(xml = xmlReadMemory(out, (int)len, "gexf", NULL, XML_PARSE_NONET)))
		abort();
	xmlFreeDoc(xml);
	free(out);
	out = written(jsonio_graph, g, &len);
	if (!(json = json_loadb(out, len, 0, NULL)))
		abort();
	json_decref(json);
	free(out);
	page_name = name;
	out = written(html_page, g, &len);
	page_holds(out);
	free(out);
	out = written(dot_plain, g, &len);
	if (!(dot = agmemread(out)))
		abort();
	agclose(dot);
	free(out);
	out = written(tables_nodes_csv, g, &len);
	same_fields(out, len);
	free(out);
	out = written(tables_edges_csv, g, &len);
	same_fields(out, len);
	free(out);
	graph_free(g);
	free(id);
	free(name);
	free(label);
	return 0;
}
