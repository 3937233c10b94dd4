/* graphml.c - GraphML through libxml2's xmlwriter: typed keys with v_/e_ ids,
 * every attribute on every element, finite numbers, stable ids. */
#include "graphml.h"

#include <libxml/xmlwriter.h>
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

/* Attribute 'name' of the element, or its text when name is NULL: a value
 * from the graph, cleaned again of what XML 1.0 cannot hold, since libxml2
 * writes it as it is (see utf8_clean). Returns nonzero on failure. */
static int put(xmlTextWriterPtr w, const char *name, const char *value)
{
	const unsigned char *p = (const unsigned char *)value;
	char *clean = NULL;
	int rc;

	while (*p && ((*p >= 0x20 && *p < 0x7f) || *p == '\t' || *p == '\n'))
		p++;
	if (*p)	/* most values are plain ASCII, which utf8_clean leaves alone: not copied */
		value = clean = utf8_clean(xstrdup(value));
	rc = name ? xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value) :
		    xmlTextWriterWriteString(w, BAD_CAST value);
	free(clean);
	return rc < 0;
}

static int write_keys(xmlTextWriterPtr w, const struct attr_def *defs, const char *prefix,
		      const char *target)
{
	int bad = 0;

	for (size_t i = 0; defs[i].name; i++) {
		char id[64];

		snprintf(id, sizeof id, "%s%s", prefix, defs[i].name);
		bad |= xmlTextWriterStartElement(w, BAD_CAST "key") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST target) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name", BAD_CAST defs[i].name) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type", BAD_CAST xml_type(defs[i].type)) < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	return bad ? -1 : 0;
}

static int write_data(xmlTextWriterPtr w, const struct graph *g, bool edge, size_t i,
		      const struct attr_def *defs, const char *prefix)
{
	int bad = 0;

	for (size_t k = 0; defs[k].name; k++) {
		char id[64], num[64];
		const char *value = graph_text(g, edge, i, &defs[k], num);

		snprintf(id, sizeof id, "%s%s", prefix, defs[k].name);
		bad |= xmlTextWriterStartElement(w, BAD_CAST "data") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST id) < 0;
		bad |= put(w, NULL, value);
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	return bad ? -1 : 0;
}

/* A node attribute, not a graph's: Gephi rejects graph-level keys. */
static const struct attr_def estimated_attr[] = {{"estimated", ATTR_STRING}, {NULL, ATTR_STRING}};

int graphml_write(FILE *fp, const struct graph *g, struct diag *err)
{
	xmlOutputBufferPtr out = xmlOutputBufferCreateFile(fp, NULL);
	xmlTextWriterPtr w = out ? xmlNewTextWriter(out) : NULL;
	const char *estimated = graph_estimated(g);
	int bad = 0;

	if (!w) {
		if (out)
			xmlOutputBufferClose(out);
		return diag_set(err, "cannot start the GraphML writer");
	}
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	bad |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "graphml") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
					   BAD_CAST "http://graphml.graphdrawing.org/xmlns") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi",
					   BAD_CAST "http://www.w3.org/2001/XMLSchema-instance") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:schemaLocation",
		BAD_CAST "http://graphml.graphdrawing.org/xmlns "
			 "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd") < 0;
	bad |= write_keys(w, graph_node_attrs, "v_", "node") < 0;
	bad |= write_keys(w, graph_edge_attrs, "e_", "edge") < 0;
	if (*estimated)	/* only on a graph too large for exact scores: small graphs' files do not change */
		bad |= write_keys(w, estimated_attr, "v_", "node") < 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "graph") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "G") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "edgedefault", BAD_CAST "directed") < 0;
	for (size_t v = 0; v < graph_node_count(g); v++) {
		bad |= xmlTextWriterStartElement(w, BAD_CAST "node") < 0;
		bad |= put(w, "id", graph_str(g, false, v, "id"));
		bad |= write_data(w, g, false, v, graph_node_attrs, "v_") < 0;
		if (*estimated) {
			bad |= xmlTextWriterStartElement(w, BAD_CAST "data") < 0;
			bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST "v_estimated") < 0;
			bad |= put(w, NULL, estimated);
			bad |= xmlTextWriterEndElement(w) < 0;
		}
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	for (size_t e = 0; e < graph_edge_count(g); e++) {
		size_t from, to;

		graph_edge_ends(g, e, &from, &to);
		bad |= xmlTextWriterStartElement(w, BAD_CAST "edge") < 0;
		bad |= put(w, "id", graph_str(g, true, e, "id"));
		bad |= put(w, "source", graph_str(g, false, from, "id"));
		bad |= put(w, "target", graph_str(g, false, to, "id"));
		bad |= write_data(w, g, true, e, graph_edge_attrs, "e_") < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	bad |= xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);	/* flushes and frees the output buffer, not fp */
	if (bad)
		return diag_set(err, "cannot write GraphML");
	return 0;
}
