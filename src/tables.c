/* tables.c - JSON through jansson; CSV by hand (quote a field when it holds
 * a comma, a quote or a line break; double the quotes). */
#include "tables.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

static json_t *value(const struct graph *g, bool edge, size_t i, const struct attr_def *a)
{
	switch (a->type) {
	case ATTR_STRING:
		return json_string(graph_str(g, edge, i, a->name));
	case ATTR_BOOL:
		return json_boolean(graph_bool(g, edge, i, a->name));
	case ATTR_INT:
		return json_integer((json_int_t)graph_num(g, edge, i, a->name));
	default:
		return json_real(round(graph_num(g, edge, i, a->name) * 1e6) / 1e6);	/* as GraphML: 6 decimals */
	}
}

static json_t *element(const struct graph *g, bool edge, size_t i)
{
	const struct attr_def *defs = edge ? graph_edge_attrs : graph_node_attrs;
	json_t *o = json_object();

	if (edge) {
		size_t from, to;
		char id[32];

		graph_edge_ends(g, i, &from, &to);
		snprintf(id, sizeof id, "e%zu", i);
		json_object_set_new(o, "id", json_string(id));
		json_object_set_new(o, "source", json_string(graph_str(g, false, from, "id")));
		json_object_set_new(o, "target", json_string(graph_str(g, false, to, "id")));
	} else {
		json_object_set_new(o, "id", json_string(graph_str(g, false, i, "id")));
	}
	for (size_t k = 0; defs[k].name; k++)
		json_object_set_new(o, defs[k].name, value(g, edge, i, &defs[k]));
	return o;
}

int tables_json(FILE *fp, const struct graph *g, struct diag *err)
{
	json_t *doc = json_object(), *nodes = json_array(), *edges = json_array();
	int rc;

	for (size_t v = 0; v < graph_node_count(g); v++)
		json_array_append_new(nodes, element(g, false, v));
	for (size_t e = 0; e < graph_edge_count(g); e++)
		json_array_append_new(edges, element(g, true, e));
	json_object_set_new(doc, "directed", json_true());
	json_object_set_new(doc, "nodes", nodes);
	json_object_set_new(doc, "edges", edges);
	rc = json_dumpf(doc, fp, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	json_decref(doc);
	if (rc != 0 || fputc('\n', fp) == EOF)
		return diag_set(err, "cannot write JSON");
	return 0;
}

static void field(FILE *fp, const char *s, bool first)
{
	if (!first)
		fputc(',', fp);
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

static int csv(FILE *fp, const struct graph *g, bool edge, struct diag *err)
{
	const struct attr_def *defs = edge ? graph_edge_attrs : graph_node_attrs;
	size_t n = edge ? graph_edge_count(g) : graph_node_count(g);

	fputs(edge ? "id,source,target" : "id", fp);
	for (size_t k = 0; defs[k].name; k++)
		field(fp, defs[k].name, false);
	fputs("\r\n", fp);
	for (size_t i = 0; i < n; i++) {
		char num[64];

		if (edge) {
			size_t from, to;

			graph_edge_ends(g, i, &from, &to);
			snprintf(num, sizeof num, "e%zu", i);
			field(fp, num, true);
			field(fp, graph_str(g, false, from, "id"), false);
			field(fp, graph_str(g, false, to, "id"), false);
		} else {
			field(fp, graph_str(g, false, i, "id"), true);
		}
		for (size_t k = 0; defs[k].name; k++) {
			const char *v = num;

			if (defs[k].type == ATTR_STRING)
				v = graph_str(g, edge, i, defs[k].name);
			else if (defs[k].type == ATTR_BOOL)
				v = graph_bool(g, edge, i, defs[k].name) ? "true" : "false";
			else
				snprintf(num, sizeof num, defs[k].type == ATTR_INT ? "%.0f" : "%.6f",
					 graph_num(g, edge, i, defs[k].name));
			field(fp, v, false);
		}
		fputs("\r\n", fp);
	}
	return ferror(fp) ? diag_set(err, "cannot write CSV") : 0;
}

int tables_nodes_csv(FILE *fp, const struct graph *g, struct diag *err)
{
	return csv(fp, g, false, err);
}

int tables_edges_csv(FILE *fp, const struct graph *g, struct diag *err)
{
	return csv(fp, g, true, err);
}
