/* tables.c - JSON through jansson; CSV by hand (quote a field when it holds
 * a comma, a quote or a line break; double the quotes). */
#include "tables.h"

#include <stdlib.h>

#include <jansson.h>
#include <math.h>
#include <string.h>

#include "analysis.h"
#include "util.h"

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
		for (size_t k = 0; defs[k].name; k++)
			field(fp, graph_text(g, edge, i, &defs[k], num), false);
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

/* The columns of the stats table: the node attributes after label and kind. */
static const char *const stats_columns[] = {
	"degree", "strength", "betweenness", "closeness", "pagerank", "eigenvector", "kcore",
	"community", "friends", "foes", NULL
};

static const struct graph *rank_graph;	/* qsort has no context argument */

static int by_pagerank(const void *a, const void *b)
{
	double x = graph_num(rank_graph, false, *(const size_t *)a, "pagerank");
	double y = graph_num(rank_graph, false, *(const size_t *)b, "pagerank");

	if (x != y)
		return x < y ? 1 : -1;
	return strcmp(graph_str(rank_graph, false, *(const size_t *)a, "id"),
		      graph_str(rank_graph, false, *(const size_t *)b, "id"));
}

static bool is_int_column(const char *name)
{
	return strcmp(name, "degree") == 0 || strcmp(name, "kcore") == 0 || strcmp(name, "community") == 0 ||
	       strcmp(name, "friends") == 0 || strcmp(name, "foes") == 0;
}

/* Print s left-aligned in 'width' characters (UTF-8 aware, cut if longer). */
static void pad(FILE *fp, const char *s, size_t width)
{
	size_t chars = 0;

	for (; *s && chars < width; chars++) {
		size_t n = 1;

		while ((s[n] & 0xc0) == 0x80)
			n++;
		fwrite(s, 1, n, fp);
		s += n;
	}
	for (; chars < width; chars++)
		fputc(' ', fp);
}

static const char *sign_char(int sign)
{
	return sign > 0 ? "+" : "-";
}

int tables_stats(FILE *fp, const struct graph *g, enum stats_format format, struct diag *err)
{
	size_t nv = graph_node_count(g), balanced, nunb;
	size_t *order = xcalloc(nv, sizeof *order);
	struct triad *unb;
	json_t *rows = NULL, *list = NULL;

	for (size_t v = 0; v < nv; v++)
		order[v] = v;
	rank_graph = g;
	if (nv)
		qsort(order, nv, sizeof *order, by_pagerank);
	nunb = analysis_balance(g, &balanced, &unb);
	if (format == STATS_JSON) {
		rows = json_array();
		list = json_array();
	} else if (format == STATS_CSV) {
		fputs("id,label,kind", fp);
		for (size_t k = 0; stats_columns[k]; k++)
			fprintf(fp, ",%s", stats_columns[k]);
		fputs("\r\n", fp);
	} else {
		pad(fp, "actor", 28);
		pad(fp, "kind", 13);
		for (size_t k = 0; stats_columns[k]; k++)
			fprintf(fp, " %*s", is_int_column(stats_columns[k]) ? 9 : 11, stats_columns[k]);
		fputc('\n', fp);
	}
	for (size_t r = 0; r < nv; r++) {
		size_t v = order[r];
		json_t *o = NULL;

		if (format == STATS_JSON) {
			o = json_object();
			json_object_set_new(o, "id", json_string(graph_str(g, false, v, "id")));
			json_object_set_new(o, "label", json_string(graph_str(g, false, v, "label")));
			json_object_set_new(o, "kind", json_string(graph_str(g, false, v, "kind")));
		} else if (format == STATS_CSV) {
			field(fp, graph_str(g, false, v, "id"), true);
			field(fp, graph_str(g, false, v, "label"), false);
			field(fp, graph_str(g, false, v, "kind"), false);
		} else {
			pad(fp, graph_str(g, false, v, "label"), 27);
			fputc(' ', fp);
			pad(fp, graph_str(g, false, v, "kind"), 13);
		}
		for (size_t k = 0; stats_columns[k]; k++) {
			double x = graph_num(g, false, v, stats_columns[k]);
			bool integer = is_int_column(stats_columns[k]);

			if (format == STATS_JSON)
				json_object_set_new(o, stats_columns[k], integer ? json_integer((json_int_t)x)
										  : json_real(round(x * 1e6) / 1e6));
			else if (format == STATS_CSV)
				fprintf(fp, integer ? ",%.0f" : ",%.6f", x);
			else
				fprintf(fp, integer ? " %9.0f" : " %11.6f", x);
		}
		if (o)
			json_array_append_new(rows, o);
		else
			fputs(format == STATS_CSV ? "\r\n" : "\n", fp);
	}
	if (format == STATS_TEXT) {
		fprintf(fp, "\nstructural balance: %zu triads balanced, %zu unbalanced\n", balanced, nunb);
		for (size_t i = 0; i < nunb; i++)
			fprintf(fp, "unbalanced: %s %s %s %s %s, %s %s\n", graph_str(g, false, unb[i].v[0], "label"),
				sign_char(unb[i].sign[0]), graph_str(g, false, unb[i].v[1], "label"),
				sign_char(unb[i].sign[1]), graph_str(g, false, unb[i].v[2], "label"),
				sign_char(unb[i].sign[2]), graph_str(g, false, unb[i].v[0], "label"));
	} else if (format == STATS_JSON) {
		json_t *doc = json_object(), *bal = json_object();

		for (size_t i = 0; i < nunb; i++) {
			json_t *t = json_object(), *ids = json_array(), *signs = json_array();

			for (int k = 0; k < 3; k++) {
				json_array_append_new(ids, json_string(graph_str(g, false, unb[i].v[k], "id")));
				json_array_append_new(signs, json_integer(unb[i].sign[k]));
			}
			json_object_set_new(t, "actors", ids);
			json_object_set_new(t, "signs", signs);
			json_array_append_new(list, t);
		}
		json_object_set_new(bal, "balanced", json_integer((json_int_t)balanced));
		json_object_set_new(bal, "unbalanced", list);
		json_object_set_new(doc, "actors", rows);
		json_object_set_new(doc, "balance", bal);
		if (json_dumpf(doc, fp, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)) == 0)
			fputc('\n', fp);
		json_decref(doc);
	}
	free(order);
	free(unb);
	return ferror(fp) ? diag_set(err, "cannot write the statistics") : 0;
}
