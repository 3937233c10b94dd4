/* gexf.c - GEXF 1.3 through libxml2's xmlwriter, after the rules Gephi's
 * importer sets: no defaultedgetype (a mixed graph), a type on every edge, the
 * relation as the edge kind so parallel edges survive, one attribute block per
 * class, "integer" not "int". */
#include "gexf.h"

#include <igraph.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *gexf_type(enum attr_type t)
{
	switch (t) {
	case ATTR_INT:
		return "integer";
	case ATTR_DOUBLE:
		return "double";
	case ATTR_BOOL:
		return "boolean";
	default:
		return "string";
	}
}

/* Attributes that GEXF carries in its own fields: labels, weights, viz. */
static bool own_field(const char *name)
{
	return strcmp(name, "label") == 0 || strcmp(name, "weight") == 0 || strcmp(name, "color") == 0 ||
	       strcmp(name, "size") == 0;
}

/* Every value is cleaned again of what XML 1.0 cannot hold, which libxml2
 * writes as it is (see utf8_clean). */
static int attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	char *clean = utf8_clean(xstrdup(value));
	int bad = xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST clean) < 0;

	free(clean);
	return bad;
}

static int declare(xmlTextWriterPtr w, const char *cls, const struct attr_def *defs)
{
	int bad = xmlTextWriterStartElement(w, BAD_CAST "attributes") < 0;

	bad |= attr(w, "class", cls);
	for (size_t i = 0; defs[i].name; i++) {
		if (own_field(defs[i].name))
			continue;
		bad |= xmlTextWriterStartElement(w, BAD_CAST "attribute") < 0;
		bad |= attr(w, "id", defs[i].name);
		bad |= attr(w, "title", defs[i].name);
		bad |= attr(w, "type", gexf_type(defs[i].type));
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	return bad | (xmlTextWriterEndElement(w) < 0);
}

static int values(xmlTextWriterPtr w, const struct graph *g, bool edge, size_t i,
		  const struct attr_def *defs)
{
	int bad = xmlTextWriterStartElement(w, BAD_CAST "attvalues") < 0;

	for (size_t k = 0; defs[k].name; k++) {
		char num[64];
		const char *v = graph_text(g, edge, i, &defs[k], num);

		if (own_field(defs[k].name))
			continue;
		bad |= xmlTextWriterStartElement(w, BAD_CAST "attvalue") < 0;
		bad |= attr(w, "for", defs[k].name);
		bad |= attr(w, "value", v);
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	return bad | (xmlTextWriterEndElement(w) < 0);
}

/* One spell per date: the day the documents that mention it appeared; or,
 * when 'accumulate', one from the first of them on (no end: to the end of
 * the timeline). */
static int spells(xmlTextWriterPtr w, const char *dates, bool accumulate)
{
	int bad = 0;

	if (!*dates)
		return 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "spells") < 0;
	for (const char *p = dates; *p; p += p[10] ? 11 : 10) {
		char day[11];

		snprintf(day, sizeof day, "%.10s", p);
		bad |= xmlTextWriterStartElement(w, BAD_CAST "spell") < 0;
		bad |= attr(w, "start", day);
		if (!accumulate)
			bad |= attr(w, "end", day);
		bad |= xmlTextWriterEndElement(w) < 0;
		if (accumulate)
			break;
	}
	return bad | (xmlTextWriterEndElement(w) < 0);
}

/* Node positions (rows of xy): Fruchterman-Reingold from a fixed seed, so
 * that one graph is laid out one way, with fewer rounds as it grows (on a
 * grid above 1,000 nodes: igraph's), to keep a large graph's layout to
 * seconds. */
static int layout(const struct graph *g, igraph_matrix_t *xy)
{
	const igraph_t *ig = graph_igraph(g);
	double size = (double)igraph_vcount(ig) + (double)igraph_ecount(ig);
	igraph_integer_t rounds = size > 1e5 ? 20 : size > 1e4 ? 100 : 500;

	igraph_rng_seed(igraph_rng_default(), 42);
	return igraph_layout_fruchterman_reingold(ig, xy, false, rounds, sqrt((double)igraph_vcount(ig)), IGRAPH_LAYOUT_AUTOGRID,
				NULL, NULL, NULL, NULL, NULL) == IGRAPH_SUCCESS ? 0 : -1;
}

static int position(xmlTextWriterPtr w, const igraph_matrix_t *xy, size_t v)
{
	char x[32], y[32];
	int bad = xmlTextWriterStartElementNS(w, BAD_CAST "viz", BAD_CAST "position", NULL) < 0;

	/* Gephi draws nodes some 10 to 40 units wide: spread them to match */
	snprintf(x, sizeof x, "%.2f", 50 * MATRIX(*xy, (igraph_integer_t)v, 0));
	snprintf(y, sizeof y, "%.2f", 50 * MATRIX(*xy, (igraph_integer_t)v, 1));
	bad |= attr(w, "x", x);
	bad |= attr(w, "y", y);
	bad |= attr(w, "z", "0.0");
	return bad | (xmlTextWriterEndElement(w) < 0);
}

static int viz(xmlTextWriterPtr w, const char *what, const char *name, const char *value)
{
	int bad = xmlTextWriterStartElementNS(w, BAD_CAST "viz", BAD_CAST what, NULL) < 0;

	bad |= attr(w, name, value);
	return bad | (xmlTextWriterEndElement(w) < 0);
}

int gexf_write(FILE *fp, const struct graph *g, bool accumulate, struct diag *err)
{
	xmlOutputBufferPtr out;
	xmlTextWriterPtr w;
	size_t nv = graph_node_count(g), ne = graph_edge_count(g);
	struct attr_def node_defs[GRAPH_NODE_ATTRS + 1];
	igraph_matrix_t xy;
	bool dated = false;
	int bad = 0;

	if (igraph_matrix_init(&xy, 0, 0) != IGRAPH_SUCCESS)
		return diag_set(err, "out of memory laying out the graph for the GEXF");
	if (layout(g, &xy) < 0) {
		igraph_matrix_destroy(&xy);
		return diag_set(err, "cannot lay out the graph for the GEXF");
	}
	out = xmlOutputBufferCreateFile(fp, NULL);
	if (!(w = out ? xmlNewTextWriter(out) : NULL)) {
		if (out)
			xmlOutputBufferClose(out);
		igraph_matrix_destroy(&xy);
		return diag_set(err, "cannot start the GEXF writer");
	}
	for (size_t v = 0; v < nv; v++)
		dated = dated || *graph_str(g, false, v, "dates");
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	bad |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "gexf") < 0;
	bad |= attr(w, "xmlns", "http://gexf.net/1.3");
	bad |= attr(w, "xmlns:viz", "http://gexf.net/1.3/viz");
	bad |= attr(w, "version", "1.3");
	bad |= xmlTextWriterStartElement(w, BAD_CAST "meta") < 0;
	bad |= xmlTextWriterWriteElement(w, BAD_CAST "creator", BAD_CAST "actorgraph") < 0;
	bad |= xmlTextWriterWriteElement(w, BAD_CAST "description",
					 BAD_CAST "Political actors and their relations, extracted from articles") < 0;
	bad |= xmlTextWriterEndElement(w) < 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "graph") < 0;
	bad |= attr(w, "mode", dated ? "dynamic" : "static");
	if (dated) {
		bad |= attr(w, "timeformat", "date");
		bad |= attr(w, "timerepresentation", "interval");
	}
	graph_node_defs(g, node_defs);
	bad |= declare(w, "node", node_defs);
	bad |= declare(w, "edge", graph_edge_attrs);
	bad |= xmlTextWriterStartElement(w, BAD_CAST "nodes") < 0;
	for (size_t v = 0; v < nv; v++) {
		char size[32];

		snprintf(size, sizeof size, "%.2f", graph_num(g, false, v, "size"));
		bad |= xmlTextWriterStartElement(w, BAD_CAST "node") < 0;
		bad |= attr(w, "id", graph_str(g, false, v, "id"));
		bad |= attr(w, "label", graph_str(g, false, v, "label"));
		bad |= values(w, g, false, v, node_defs);
		bad |= spells(w, graph_str(g, false, v, "dates"), accumulate);
		bad |= viz(w, "color", "hex", graph_str(g, false, v, "color"));
		bad |= position(w, &xy, v);
		bad |= viz(w, "size", "value", size);
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	bad |= xmlTextWriterEndElement(w) < 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "edges") < 0;
	for (size_t e = 0; e < ne; e++) {
		const struct reltype *rt = graph_edge_type(g, e);
		char weight[64];
		size_t from, to;

		graph_edge_ends(g, e, &from, &to);
		snprintf(weight, sizeof weight, "%.6f", graph_num(g, true, e, "weight"));
		bad |= xmlTextWriterStartElement(w, BAD_CAST "edge") < 0;
		bad |= attr(w, "id", graph_str(g, true, e, "id"));
		bad |= attr(w, "source", graph_str(g, false, from, "id"));
		bad |= attr(w, "target", graph_str(g, false, to, "id"));
		bad |= attr(w, "type", rt->directed ? "directed" : "undirected");
		bad |= attr(w, "kind", rt->id);
		bad |= attr(w, "label", rt->id);
		bad |= attr(w, "weight", weight);
		bad |= values(w, g, true, e, graph_edge_attrs);
		bad |= spells(w, graph_str(g, true, e, "dates"), accumulate);
		bad |= viz(w, "color", "hex", graph_str(g, true, e, "color"));
		bad |= viz(w, "thickness", "value", weight);
		if (graph_num(g, true, e, "asserted") == 0)
			bad |= viz(w, "shape", "value", "dashed");	/* only ever hypothetical */
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	bad |= xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);
	igraph_matrix_destroy(&xy);
	return bad ? diag_set(err, "cannot write GEXF") : 0;
}
