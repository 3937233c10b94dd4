/* tables.c - CSV by hand (quote a field when it holds a comma, a quote or a
 * line break; double the quotes) and the stats table as text. */
#include "tables.h"

#include <stdlib.h>

#include <string.h>

#include "analysis.h"
#include "util.h"

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
	struct attr_def node_defs[GRAPH_NODE_ATTRS + 1];
	const struct attr_def *defs = edge ? graph_edge_attrs : node_defs;
	size_t n = edge ? graph_edge_count(g) : graph_node_count(g);

	graph_node_defs(g, node_defs);

	fputs(edge ? "id,source,target" : "id", fp);
	for (size_t k = 0; defs[k].name; k++)
		field(fp, defs[k].name, false);
	fputs("\r\n", fp);
	for (size_t i = 0; i < n; i++) {
		char num[64];

		if (edge) {
			size_t from, to;

			graph_edge_ends(g, i, &from, &to);
			field(fp, graph_str(g, true, i, "id"), true);
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

static bool is_int_column(const char *name)
{
	return graph_node_attr(name)->type == ATTR_INT;
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

int tables_stats(FILE *fp, const struct graph *g, bool csv, struct diag *err)
{
	size_t nv = graph_node_count(g), balanced = 0, nunb = 0;
	size_t *order = analysis_rank(g);
	struct triad *unb = NULL;
	const char *const *cols = analysis_columns;
	bool balance = graph_has(g, false, "friends");	/* --analyses may leave it out */

	if (balance)
		nunb = analysis_balance(g, &balanced, &unb);
	if (csv) {
		fputs("id,label,kind", fp);
		for (size_t k = 0; cols[k]; k++)
			if (graph_has(g, false, cols[k]))
				fprintf(fp, ",%s", cols[k]);
		fputs("\r\n", fp);
	} else {
		pad(fp, "actor", 28);
		pad(fp, "kind", 13);
		for (size_t k = 0; cols[k]; k++)
			if (graph_has(g, false, cols[k]))
				fprintf(fp, " %*s", is_int_column(cols[k]) ? 9 : 11, cols[k]);
		fputc('\n', fp);
	}
	for (size_t r = 0; r < nv; r++) {
		size_t v = order[r];

		if (csv) {
			field(fp, graph_str(g, false, v, "id"), true);
			field(fp, graph_str(g, false, v, "label"), false);
			field(fp, graph_str(g, false, v, "kind"), false);
		} else {
			pad(fp, graph_str(g, false, v, "label"), 27);
			fputc(' ', fp);
			pad(fp, graph_str(g, false, v, "kind"), 13);
		}
		for (size_t k = 0; cols[k]; k++) {
			double x;
			bool integer = is_int_column(cols[k]);

			if (!graph_has(g, false, cols[k]))
				continue;
			x = graph_num(g, false, v, cols[k]);
			if (csv)
				fprintf(fp, integer ? ",%.0f" : ",%.6f", x);
			else
				fprintf(fp, integer ? " %9.0f" : " %11.6f", x);
		}
		fputs(csv ? "\r\n" : "\n", fp);
	}
	if (!csv && balance)
		fprintf(fp, "\nstructural balance: %zu triads balanced, %zu unbalanced\n", balanced, nunb);
	if (!csv) {
		for (size_t i = 0; i < nunb; i++)
			fprintf(fp, "unbalanced: %s %s %s %s %s, %s %s\n", graph_str(g, false, unb[i].v[0], "label"),
				sign_char(unb[i].sign[0]), graph_str(g, false, unb[i].v[1], "label"),
				sign_char(unb[i].sign[1]), graph_str(g, false, unb[i].v[2], "label"),
				sign_char(unb[i].sign[2]), graph_str(g, false, unb[i].v[0], "label"));
		if (*graph_estimated(g))
			fprintf(fp, "\nestimated, not exact: %s\n", graph_estimated(g));
	}
	free(order);
	free(unb);
	return ferror(fp) ? diag_set(err, "cannot write the statistics") : 0;
}
