/* jsonio.c - every JSON that actorgraph writes: events directly, for speed,
 * and graphs, statistics, differences and records through jansson; and the
 * records read back. */
#include "jsonio.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "events.h"

/* s (n bytes of valid UTF-8) as a JSON string, escaped as jansson escapes
 * it: the events below are written without it, since building a jansson
 * object per event and writing it field by field took a third of extract's
 * time. tests/test_jsonio.c checks the two agree on every byte value. */
static void put_string(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t run = 0;

	buf_add(b, "\"", 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[6] = {'\\', 0};
		size_t len = 2;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_add(b, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			len = 6;
		}
		buf_add(b, esc, len);
	}
	buf_add(b, s + run, n - run);
	buf_add(b, "\"", 1);
}

/* "key": as the start of a member; a string or null as its value. */
static void put_key(struct buf *b, const char *key)
{
	buf_puts(b, ",\"");
	buf_puts(b, key);
	buf_puts(b, "\":");
}

static void put_string_or_null(struct buf *b, const char *s)
{
	if (s)
		put_string(b, s, strlen(s));
	else
		buf_puts(b, "null");
}

static void put_actor(struct buf *b, const struct schema *s, int a)
{
	buf_puts(b, "{\"id\":");
	put_string_or_null(b, s->actors[a].id);
	put_key(b, "label");
	put_string_or_null(b, s->actors[a].label);
	put_key(b, "kind");
	put_string_or_null(b, schema_kind_name(s->actors[a].kind));
	buf_puts(b, "}");
}

int jsonio_events(FILE *fp, const struct schema *s, const struct doc *d, const struct event *ev,
		  size_t n, bool compact, struct diag *err)
{
	struct buf b = {0};
	int rc = 0;

	for (size_t i = 0; i < n; i++) {
		const struct event *e = &ev[i];
		const struct reltype *rt = &s->rels[e->rel];
		struct span said = text_sentence(d, e->sentence);
		char root[3];
		double score;

		events_cameo_root(rt->cameo, root);
		buf_puts(&b, "{\"doc\":");
		put_string_or_null(&b, d->name);
		put_key(&b, "date");
		put_string_or_null(&b, d->date);
		buf_printf(&b, ",\"sentence\":%zu,\"line\":%lu,\"start\":%zu,\"end\":%zu",
			   d->sentences_before + e->sentence + 1, d->sent[e->sentence].line, d->origin + e->start,
			   d->origin + e->end);
		put_key(&b, "relation");
		put_string_or_null(&b, rt->id);
		put_key(&b, "cameo");
		put_string_or_null(&b, *rt->cameo ? rt->cameo : NULL);
		put_key(&b, "cameo_root");
		put_string_or_null(&b, *root ? root : NULL);
		put_key(&b, "goldstein");
		if (events_goldstein(root, &score))	/* jansson's form of a real: %.10g, with ".0" if whole */
			buf_printf(&b, "%.10g%s", score, score == floor(score) ? ".0" : "");
		else
			buf_puts(&b, "null");
		put_key(&b, "source");
		put_actor(&b, s, e->source);
		put_key(&b, "target");
		put_actor(&b, s, e->target);
		buf_puts(&b, rt->directed ? ",\"directed\":true" : ",\"directed\":false");
		put_key(&b, "modality");
		put_string_or_null(&b, e->modality == MOD_ASSERTED ? "asserted" : "hypothetical");
		put_key(&b, "rule");
		put_string_or_null(&b, e->rule);
		put_key(&b, "evidence");
		put_string(&b, d->text + e->start, e->end - e->start);
		if (!(compact && i > 0 && ev[i - 1].sentence == e->sentence)) {
			put_key(&b, "text");
			put_string(&b, said.p, said.len);
		}
		buf_puts(&b, "}\n");
	}
	if (b.len && fwrite(b.data, 1, b.len, fp) != b.len)
		rc = diag_set(err, "cannot write events");
	free(b.data);
	return rc;
}

/* as GraphML: 6 decimals */
static json_t *real6(double x)
{
	return json_real(round(x * 1e6) / 1e6);
}

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
		return real6(graph_num(g, edge, i, a->name));
	}
}

/* The attributes 'defs' of a node or edge as an object. */
static json_t *attributes(const struct graph *g, bool edge, size_t i, const struct attr_def *defs)
{
	json_t *o = json_object();

	for (size_t k = 0; defs[k].name; k++)
		json_object_set_new(o, defs[k].name, value(g, edge, i, &defs[k]));
	return o;
}

/* Edge e's source and target ids into o. */
static void set_ends(json_t *o, const struct graph *g, size_t e)
{
	size_t from, to;

	graph_edge_ends(g, e, &from, &to);
	json_object_set_new(o, "source", json_string(graph_str(g, false, from, "id")));
	json_object_set_new(o, "target", json_string(graph_str(g, false, to, "id")));
}

static int dump(FILE *fp, json_t *doc, struct diag *err)
{
	int rc = json_dumpf(doc, fp, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));

	json_decref(doc);
	if (rc != 0 || fputc('\n', fp) == EOF)
		return diag_set(err, "cannot write JSON");
	return 0;
}

/* Node or edge i as an object of its "id", for an edge its "key" (the same:
 * networkx takes it as the key of a multigraph's edge), "source" and
 * "target", then its attributes. */
static json_t *element(const struct graph *g, bool edge, size_t i, const struct attr_def *defs)
{
	json_t *o = json_object(), *a = attributes(g, edge, i, defs);

	json_object_set_new(o, "id", json_string(graph_str(g, edge, i, "id")));
	if (edge) {
		json_object_set_new(o, "key", json_string(graph_str(g, edge, i, "id")));
		set_ends(o, g, i);
	}
	json_object_update(o, a);
	json_decref(a);
	return o;
}

/* networkx's node-link form (node_link_graph): a multigraph, since two
 * actors may have several relations; the edges under "edges" (networkx 3.6
 * on, and the HTML page) and, when 'links', again under "links" (before). */
static json_t *graph_json(const struct graph *g, bool links_too)
{
	json_t *doc = json_object(), *nodes = json_array(), *links = json_array();
	struct attr_def node_defs[GRAPH_NODE_ATTRS + 1];

	graph_node_defs(g, node_defs);
	for (size_t v = 0; v < graph_node_count(g); v++)
		json_array_append_new(nodes, element(g, false, v, node_defs));
	for (size_t e = 0; e < graph_edge_count(g); e++)
		json_array_append_new(links, element(g, true, e, graph_edge_attrs));
	json_object_set_new(doc, "directed", json_true());
	json_object_set_new(doc, "multigraph", json_true());
	json_object_set_new(doc, "graph", json_object());
	json_object_set_new(doc, "nodes", nodes);
	json_object_set(doc, "edges", links);
	if (links_too)
		json_object_set(doc, "links", links);
	json_decref(links);
	return doc;
}

int jsonio_graph(FILE *fp, const struct graph *g, struct diag *err)
{
	return dump(fp, graph_json(g, true), err);
}

char *jsonio_graph_text(const struct graph *g)
{
	json_t *doc = graph_json(g, false);
	char *text = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));

	json_decref(doc);
	return text;
}

/* graphology's serialized form (Graph.from, graph.import): a mixed
 * multigraph, each node and edge with a "key" and its "attributes". */
int jsonio_graphology(FILE *fp, const struct graph *g, struct diag *err)
{
	json_t *doc = json_object(), *nodes = json_array(), *edges = json_array();
	struct attr_def node_defs[GRAPH_NODE_ATTRS + 1];

	graph_node_defs(g, node_defs);
	for (size_t v = 0; v < graph_node_count(g); v++)
		json_array_append_new(nodes, json_pack("{s:s, s:o}", "key", graph_str(g, false, v, "id"), "attributes",
						       attributes(g, false, v, node_defs)));
	for (size_t e = 0; e < graph_edge_count(g); e++) {
		json_t *o = json_pack("{s:s}", "key", graph_str(g, true, e, "id"));

		set_ends(o, g, e);
		json_object_set_new(o, "undirected", json_boolean(!graph_bool(g, true, e, "directed")));
		json_object_set_new(o, "attributes", attributes(g, true, e, graph_edge_attrs));
		json_array_append_new(edges, o);
	}
	json_object_set_new(doc, "options",
			    json_pack("{s:s, s:b, s:b}", "type", "mixed", "multi", 1, "allowSelfLoops", 0));
	json_object_set_new(doc, "attributes", json_object());
	json_object_set_new(doc, "nodes", nodes);
	json_object_set_new(doc, "edges", edges);
	return dump(fp, doc, err);
}


int jsonio_stats(FILE *fp, const struct graph *g, struct diag *err)
{
	json_t *doc = json_object(), *rows = json_array(), *list = json_array(), *bal = json_object();
	const char *const *columns = analysis_columns;
	size_t *order = analysis_rank(g), balanced = 0, nunb = 0;
	struct triad *unb = NULL;
	bool balance = graph_has(g, false, "friends");	/* --analyses may leave it out */
	int rc;

	if (balance)
		nunb = analysis_balance(g, &balanced, &unb);
	for (size_t r = 0; r < graph_node_count(g); r++) {
		size_t v = order[r];
		json_t *o = json_object();

		json_object_set_new(o, "id", json_string(graph_str(g, false, v, "id")));
		json_object_set_new(o, "label", json_string(graph_str(g, false, v, "label")));
		json_object_set_new(o, "kind", json_string(graph_str(g, false, v, "kind")));
		for (size_t k = 0; columns[k]; k++)
			if (graph_has(g, false, columns[k]))
				json_object_set_new(o, columns[k], value(g, false, v, graph_node_attr(columns[k])));
		json_array_append_new(rows, o);
	}
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
	if (balance)
		json_object_set_new(doc, "balance", bal);
	else
		json_decref(bal);
	if (*graph_estimated(g))	/* as in the GraphML: only when some scores are estimates */
		json_object_set_new(doc, "estimated", json_string(graph_estimated(g)));
	rc = json_dumpf(doc, fp, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	json_decref(doc);
	free(order);
	free(unb);
	if (rc != 0 || fputc('\n', fp) == EOF)
		return diag_set(err, "cannot write JSON");
	return 0;
}

static json_t *diff_actors(const struct diff_actor *a, size_t n, int scores)
{
	json_t *list = json_array();

	for (size_t i = 0; i < n; i++) {
		json_t *o = json_pack("{s:s, s:s}", "id", a[i].id, "label", a[i].label);

		if (scores == 'r') {
			json_object_set_new(o, "old", real6(a[i].old_rank));
			json_object_set_new(o, "new", real6(a[i].new_rank));
			json_object_set_new(o, "change", real6(a[i].new_rank - a[i].old_rank));
		} else if (scores == 'd') {
			json_object_set_new(o, "old", json_integer(a[i].old_degree));
			json_object_set_new(o, "new", json_integer(a[i].new_degree));
			json_object_set_new(o, "change", json_integer(a[i].new_degree - a[i].old_degree));
		}
		json_array_append_new(list, o);
	}
	return list;
}

/* 'weights': "weight" of the side the edge is on ('+' new, '-' old), or both ('~') */
static json_t *diff_edges(const struct diff_edge *e, size_t n, int weights)
{
	json_t *list = json_array();

	for (size_t i = 0; i < n; i++) {
		json_t *o = json_pack("{s:s, s:s, s:s, s:i}", "relation", e[i].relation, "source", e[i].source,
				      "target", e[i].target, "sign", e[i].sign);

		if (weights == '~') {
			json_object_set_new(o, "old_weight", real6(e[i].old_weight));
			json_object_set_new(o, "new_weight", real6(e[i].new_weight));
		} else {
			json_object_set_new(o, "weight", real6(weights == '+' ? e[i].new_weight : e[i].old_weight));
		}
		json_array_append_new(list, o);
	}
	return list;
}

int jsonio_diff(FILE *fp, const struct diff *d, const char *old_path, const char *new_path, struct diag *err)
{
	json_t *doc = json_pack("{s:s, s:s, s:b}", "old", old_path, "new", new_path, "changed",
				!diff_is_empty(d));
	int rc;

	json_object_set_new(doc, "actors_added", diff_actors(d->added, d->nadded, 0));
	json_object_set_new(doc, "actors_removed", diff_actors(d->removed, d->nremoved, 0));
	json_object_set_new(doc, "edges_added", diff_edges(d->edges_added, d->nedges_added, '+'));
	json_object_set_new(doc, "edges_removed", diff_edges(d->edges_removed, d->nedges_removed, '-'));
	json_object_set_new(doc, "weights_changed", diff_edges(d->reweighted, d->nreweighted, '~'));
	json_object_set_new(doc, "pagerank_movers", diff_actors(d->rank_movers, d->nrank_movers, 'r'));
	json_object_set_new(doc, "degree_movers", diff_actors(d->degree_movers, d->ndegree_movers, 'd'));
	rc = json_dumpf(doc, fp, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	json_decref(doc);
	if (rc != 0 || fputc('\n', fp) == EOF)
		return diag_set(err, "cannot write JSON");
	return 0;
}

int jsonio_record(FILE *fp, const char *name, const char *path, const char *record, size_t len,
		  struct diag *err)
{
	char *where = utf8_clean(xstrdup(path));	/* a file name may be any bytes */
	json_t *o = json_pack("{s:i, s:s, s:s, s:s%}", "format", CACHE_FORMAT, "doc", name, "path", where,
			      "record", record, len);
	int rc = o ? json_dumpf(o, fp, JSON_COMPACT | JSON_PRESERVE_ORDER) : -1;

	json_decref(o);
	if (!o)
		diag_set(err, "%s: cannot encode its record as JSON", where);
	else if (rc != 0 || fputc('\n', fp) == EOF)
		diag_set(err, "cannot write records");
	free(where);
	return o && rc == 0 ? 0 : -1;
}

static const char expected_record[] =
	"expected a record {\"format\": " "%d, \"doc\": string, \"path\": string, \"record\": string}, "
	"as extract --format records writes";

int jsonio_record_read(const char *line, size_t len, struct pos where, struct jsonio_record *out,
		       struct diag *err)
{
	json_error_t jerr;
	json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
	const char *doc, *path, *record;
	json_int_t format;
	size_t record_len;
	int rc = -1;

	memset(out, 0, sizeof *out);
	where.col = 1;
	if (!o) {
		where.col = jerr.column > 0 ? (unsigned long)jerr.column : 1;
		return diag_at(err, where, "%s", jerr.text);
	}
	if (json_unpack(o, "{s:I, s:s, s:s, s:s%}", "format", &format, "doc", &doc, "path", &path,
			"record", &record, &record_len) != 0 || strlen(doc) == 0)
		diag_at(err, where, expected_record, CACHE_FORMAT);
	else if (format != CACHE_FORMAT)
		diag_at(err, where, "a record of format %" JSON_INTEGER_FORMAT ", and this actorgraph reads format %d: "
			"extract the documents again with it", format, CACHE_FORMAT);
	else
		rc = 0;
	if (rc == 0) {
		out->doc = utf8_clean(xstrdup(doc));
		out->path = xstrdup(path);
		out->record = xstrndup(record, record_len);
		out->len = record_len;
	}
	json_decref(o);
	return rc;
}

void jsonio_record_free(struct jsonio_record *r)
{
	free(r->doc);
	free(r->path);
	free(r->record);
	memset(r, 0, sizeof *r);
}
