/* graphml.c - GraphML: typed keys with v_/e_ ids, every attribute on every
 * element, finite numbers, stable ids. Written directly, in the layout and
 * escaping of libxml2's indenting writer, which it replaced: that writer
 * took a fifth of the time of a build of a million edges. */
#include "graphml.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *xml_type(enum attr_type t)
{
	switch (t) {
	case ATTR_INT:
		return "int";
	case ATTR_DOUBLE:
		return "double";
	case ATTR_BOOL:
		return "boolean";
	default:
		return "string";
	}
}

/* How character c is written in an attribute's value ('attr') or in text,
 * or NULL when it is written as it is. */
static const char *escape_of(unsigned char c, bool attr)
{
	switch (c) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\n':
		return attr ? "&#10;" : NULL;
	case '\t':
		return attr ? "&#9;" : NULL;
	default:
		return NULL;
	}
}

/* Value s, escaped, as an attribute's value ('attr') or as text: first
 * cleaned of what XML 1.0 cannot hold (see utf8_clean). */
static void put(FILE *fp, const char *s, bool attr)
{
	const unsigned char *p = (const unsigned char *)s;
	char *clean = NULL;

	while (*p && ((*p >= 0x20 && *p < 0x7f) || *p == '\t' || *p == '\n'))
		p++;
	if (*p)	/* most values are plain ASCII, which utf8_clean leaves alone: not copied */
		s = clean = utf8_clean(xstrdup(s));
	for (const char *special = attr ? "&<>\"\n\t" : "&<>\"";;) {
		size_t n = strcspn(s, special);

		fwrite(s, 1, n, fp);
		if (!s[n])
			break;
		fputs(escape_of((unsigned char)s[n], attr), fp);
		s += n + 1;
	}
	free(clean);
}

/* ' name="value"' */
static void attribute(FILE *fp, const char *name, const char *value)
{
	fprintf(fp, " %s=\"", name);
	put(fp, value, true);
	putc('"', fp);
}

static void write_keys(FILE *fp, const struct attr_def *defs, const char *prefix, const char *target)
{
	for (size_t i = 0; defs[i].name; i++)
		fprintf(fp, "  <key id=\"%s%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", prefix,
			defs[i].name, target, defs[i].name, xml_type(defs[i].type));
}

/* Each attribute's '<data key="...">', made once: a million edges have
 * fifteen million. */
static char **data_tags(const struct attr_def *defs, const char *prefix)
{
	size_t n = 0;
	char **tags;

	while (defs[n].name)
		n++;
	tags = xcalloc(n + 1, sizeof *tags);
	for (size_t k = 0; k < n; k++) {
		struct buf b = {0};

		buf_printf(&b, "      <data key=\"%s%s\">", prefix, defs[k].name);
		tags[k] = b.data;
	}
	return tags;
}

static void free_tags(char **tags)
{
	for (size_t k = 0; tags[k]; k++)
		free(tags[k]);
	free(tags);
}

static void write_data(FILE *fp, const struct graph *g, bool edge, size_t i, const struct attr_def *defs,
		       char *const *tags)
{
	for (size_t k = 0; defs[k].name; k++) {
		char num[64];

		fputs(tags[k], fp);
		put(fp, graph_text(g, edge, i, &defs[k], num), false);
		fputs("</data>\n", fp);
	}
}

/* A node attribute, not a graph's: Gephi rejects graph-level keys. */
static const struct attr_def estimated_attr[] = {{"estimated", ATTR_STRING}, {NULL, ATTR_STRING}};

int graphml_write(FILE *fp, const struct graph *g, struct diag *err)
{
	const char *estimated = graph_estimated(g);
	size_t nv = graph_node_count(g), ne = graph_edge_count(g);
	struct attr_def node_defs[GRAPH_NODE_ATTRS + 1];
	char **node_tags, **edge_tags;

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
	      " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
	      " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
	      " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n", fp);
	graph_node_defs(g, node_defs);
	node_tags = data_tags(node_defs, "v_");
	edge_tags = data_tags(graph_edge_attrs, "e_");
	write_keys(fp, node_defs, "v_", "node");
	write_keys(fp, graph_edge_attrs, "e_", "edge");
	if (*estimated)	/* only on a graph too large for exact scores: small graphs' files do not change */
		write_keys(fp, estimated_attr, "v_", "node");
	fputs("  <graph id=\"G\" edgedefault=\"directed\"", fp);
	fputs(nv ? ">\n" : "/>\n", fp);
	for (size_t v = 0; v < nv; v++) {
		fputs("    <node", fp);
		attribute(fp, "id", graph_str(g, false, v, "id"));
		fputs(">\n", fp);
		write_data(fp, g, false, v, node_defs, node_tags);
		if (*estimated) {
			fputs("      <data key=\"v_estimated\">", fp);
			put(fp, estimated, false);
			fputs("</data>\n", fp);
		}
		fputs("    </node>\n", fp);
	}
	for (size_t e = 0; e < ne; e++) {
		size_t from, to;

		graph_edge_ends(g, e, &from, &to);
		fputs("    <edge", fp);
		attribute(fp, "id", graph_str(g, true, e, "id"));
		attribute(fp, "source", graph_str(g, false, from, "id"));
		attribute(fp, "target", graph_str(g, false, to, "id"));
		fputs(">\n", fp);
		write_data(fp, g, true, e, graph_edge_attrs, edge_tags);
		fputs("    </edge>\n", fp);
	}
	if (nv)
		fputs("  </graph>\n", fp);
	fputs("</graphml>\n", fp);
	free_tags(node_tags);
	free_tags(edge_tags);
	if (ferror(fp))
		return diag_set(err, "cannot write GraphML");
	return 0;
}
