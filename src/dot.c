/* dot.c - the only file that includes Graphviz headers. cgraph 2.43 takes
 * char * for names and values, so string literals go through agstr(). */
#include "dot.h"

#include <errno.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

enum {
	MAX_NAME = 256		/* bytes of a node's DOT name */
};

/* A writable copy of s in g's string pool, as cgraph's prototypes want. */
static char *agstr(Agraph_t *g, const char *s)
{
	return agstrdup(g, (char *)s);
}

static void set(Agraph_t *g, void *obj, const char *name, const char *value)
{
	char *v = agstr(g, value);

	agset(obj, (char *)name, v);
	agstrfree(g, v);
}

/* s as a label: at most DOT_MAX_LABEL characters (Graphviz refuses quoted
 * strings over 16 KB), cut at a character and ended with an ellipsis, and
 * backslashes doubled, since Graphviz reads backslash escapes in labels. */
static char *label_text(const char *s)
{
	struct buf b = {0};
	size_t chars = 0;

	buf_add(&b, "", 0);
	for (; *s; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80 && chars++ == DOT_MAX_LABEL) {
			buf_puts(&b, "\u2026");
			break;
		}
		if (*s == '\\')
			buf_puts(&b, "\\\\");
		else
			buf_add(&b, s, 1);
	}
	return b.data;
}

/* The DOT name of node v: its id, or the first MAX_NAME bytes of a longer
 * one, made unique by '~' (which no id holds) and v. */
static char *node_name(const char *id, size_t v)
{
	struct buf b = {0};
	size_t n = strlen(id);

	if (n <= MAX_NAME)
		return xstrdup(id);
	for (n = MAX_NAME; ((unsigned char)id[n] & 0xc0) == 0x80; n--)
		;
	buf_add(&b, id, n);
	buf_printf(&b, "~%zu", v);
	return b.data;
}

static void declare(Agraph_t *g, int kind, const char *name, const char *def)
{
	agattr(g, kind, (char *)name, (char *)def);
}

/* The first and last dates of the relations drawn, or "". */
static void date_range(const struct graph *gr, const bool *drawn, char first[11], char last[11])
{
	first[0] = last[0] = '\0';
	for (size_t e = 0; e < graph_edge_count(gr); e++) {
		const char *f = graph_str(gr, true, e, "first_seen"), *l = graph_str(gr, true, e, "last_seen");
		size_t from, to;

		graph_edge_ends(gr, e, &from, &to);
		if (!drawn[from] || !drawn[to] || !*f)
			continue;
		if (!first[0] || strcmp(f, first) < 0)
			snprintf(first, 11, "%s", f);
		if (strcmp(l, last) > 0)
			snprintf(last, 11, "%s", l);
	}
}

/* Text for an HTML-like label: &, < and > escaped (labels are cut already). */
static void html_text(struct buf *b, const char *s)
{
	for (; *s; s++)
		if (*s == '&')
			buf_puts(b, "&amp;");
		else if (*s == '<')
			buf_puts(b, "&lt;");
		else if (*s == '>')
			buf_puts(b, "&gt;");
		else
			buf_add(b, s, 1);
}

/* The title: the graph's name, its documents and dates, and how many of its
 * actors are drawn when not all are. */
static void title(struct buf *html, const struct graph *gr, const struct dot_style *st, const bool *drawn,
		  size_t shown, size_t among)
{
	char first[11], last[11];
	size_t docs = graph_documents(gr);

	date_range(gr, drawn, first, last);
	buf_puts(html, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"16\"><B>");
	html_text(html, st->title ? st->title : "actors");
	buf_puts(html, "</B></FONT></TD></TR><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">");
	if (docs)
		buf_printf(html, "%zu document%s", docs, docs == 1 ? "" : "s");
	if (first[0] && strcmp(first, last) != 0)
		buf_printf(html, "%s%s to %s", docs ? ", " : "", first, last);
	else if (first[0])
		buf_printf(html, "%s%s", docs ? ", " : "", first);
	if (shown < among)
		buf_printf(html, "%s%zu of %zu actors drawn: those of highest %s", docs || first[0] ? "; " : "", shown,
			   among, st->by ? st->by : "PageRank");
	buf_puts(html, "</TD></TR>");
}

/* A swatch of a fill colour in the legend, outlined as the nodes are. */
static void swatch(struct buf *html, const char *color)
{
	buf_printf(html, "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"16\" HEIGHT=\"11\" CELLPADDING=\"0\" BORDER=\"1\" "
		   "COLOR=\"#555555\" BGCOLOR=\"%s\"></TD>", color);
}

/* The communities drawn, each named by its highest ranked actor drawn
 * (rank: drawn actors, best first), beside its colour. Communities that
 * share a colour (analysis.c gives those past its palette one grey) are
 * counted on one line, so that no colour is named twice. */
static void communities(struct buf *html, const struct graph *gr, const size_t *rank, size_t shown)
{
	size_t others = 0, in_others = 0;
	const char *other_color = NULL;

	for (size_t i = 0; i < shown; i++) {
		double c = graph_num(gr, false, rank[i], "community");
		const char *color = graph_str(gr, false, rank[i], "color");
		size_t members = 0, j = 0;
		bool shared = false;
		char *label;

		while (j < i && graph_num(gr, false, rank[j], "community") != c)
			j++;
		if (j < i)
			continue;	/* named already, by a higher ranked actor */
		for (size_t k = 0; k < shown; k++)
			if (graph_num(gr, false, rank[k], "community") == c)
				members++;
			else
				shared = shared || strcmp(graph_str(gr, false, rank[k], "color"), color) == 0;
		if (shared) {
			others++;
			in_others += members;
			other_color = color;
			continue;
		}
		label = label_text(graph_str(gr, false, rank[i], "label"));
		buf_puts(html, "<TR>");
		swatch(html, color);
		buf_puts(html, "<TD ALIGN=\"LEFT\">community of ");
		html_text(html, label);
		buf_printf(html, " (%zu actor%s)</TD></TR>", members, members == 1 ? "" : "s");
		free(label);
	}
	if (others) {
		buf_puts(html, "<TR>");
		swatch(html, other_color);
		buf_printf(html, "<TD ALIGN=\"LEFT\">%zu other communities (%zu actors)</TD></TR>", others, in_others);
	}
}

/* A sample of the line a relation of this sign is drawn with (see
 * line_style), as the sides of an empty cell: the bottom one, or the top and
 * bottom ones of a double line. */
static void line_sample(struct buf *html, int sign, const char *color, bool dashed)
{
	buf_printf(html, "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"36\" HEIGHT=\"%d\" CELLPADDING=\"0\" SIDES=\"%s\" "
		   "BORDER=\"%d\" COLOR=\"%s\"%s></TD>", sign < 0 ? 5 : 4, sign < 0 ? "TB" : "B", sign < 0 ? 1 : 2,
		   color, dashed ? " STYLE=\"dashed\"" : sign == 0 ? " STYLE=\"dotted\"" : "");
}

/* The place of a relation type's sign in the legend. */
static int rank_sign(const struct reltype *rt)
{
	return rt->sign > 0 ? 0 : rt->sign < 0 ? 1 : 2;
}

/* The title and legend, as the graph's label below it: the relation types
 * drawn, the communities, shapes and sizes. */
static void legend(Agraph_t *g, const struct graph *gr, const struct dot_style *st, const bool *drawn,
		   const size_t *rank, size_t shown, size_t among)
{
	const struct reltype *seen[64];
	size_t n = 0;
	bool dashed = false;
	struct buf html = {0};
	char *label;

	for (size_t e = 0; e < graph_edge_count(gr); e++) {
		const struct reltype *rt = graph_edge_type(gr, e);
		size_t i = 0, from, to;

		graph_edge_ends(gr, e, &from, &to);
		if (!drawn[from] || !drawn[to])
			continue;
		while (i < n && seen[i] != rt)
			i++;
		if (i == n && n < sizeof seen / sizeof *seen)
			seen[n++] = rt;
		dashed = dashed || graph_num(gr, true, e, "asserted") == 0;
	}
	for (size_t i = 1; i < n; i++)	/* cooperation, conflict, neutral; each in the order seen */
		for (size_t j = i; j > 0 && rank_sign(seen[j]) < rank_sign(seen[j - 1]); j--) {
			const struct reltype *t = seen[j];

			seen[j] = seen[j - 1];
			seen[j - 1] = t;
		}
	buf_puts(&html, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">");
	title(&html, gr, st, drawn, shown, among);
	for (size_t i = 0; i < n; i++) {
		buf_puts(&html, "<TR>");
		line_sample(&html, seen[i]->sign, seen[i]->color, false);
		buf_printf(&html, "<TD ALIGN=\"LEFT\">%s (%s)</TD></TR>", seen[i]->id,
			   seen[i]->sign > 0 ? "cooperation" : seen[i]->sign < 0 ? "conflict" : "neutral");
	}
	if (dashed) {
		buf_puts(&html, "<TR>");
		line_sample(&html, 1, "#555555", true);
		buf_puts(&html, "<TD ALIGN=\"LEFT\">only hypothetical</TD></TR>");
	}
	communities(&html, gr, rank, shown);
	if (shown)
		buf_puts(&html, "<TR><TD></TD><TD ALIGN=\"LEFT\">ellipses: states and persons; boxes: "
			   "organizations; size: PageRank</TD></TR>");
	buf_puts(&html, "</TABLE>");
	label = agstrdup_html(g, html.data);
	agset(g, (char *)"label", label);
	agstrfree(g, label);
	declare(g, AGRAPH, "labelloc", "b");
	declare(g, AGRAPH, "labeljust", "l");
	declare(g, AGRAPH, "fontsize", "12");
	free(html.data);
}

/* Graphviz draws an edge of n colours "A:B:..." as n parallel lines, each
 * penwidth wide, their middles GV_SEP points apart (SEP in its emit.c). */
enum { GV_SEP = 2 };

/* How an edge is drawn: its colour and a line that tells its sign without
 * the colour, so that readers who see few colours (or a grey print) can
 * too. A conflict is a double line: its colour, "invis" as often as it takes
 * to leave a gap at least as wide as a line, and its colour again, each line
 * half the width; a neutral tie is dotted. Any relation only ever
 * hypothetical is dashed, which a double line keeps. */
static void line_style(Agraph_t *g, Agedge_t *edge, int sign, const char *color, double width, bool hypothetical)
{
	struct buf list = {0};
	char num[32];

	buf_puts(&list, color);
	if (sign < 0) {
		width /= 2;
		for (int gaps = (int)ceil((width + fmax(GV_SEP, width)) / GV_SEP); gaps > 1; gaps--)
			buf_puts(&list, ":invis");
		buf_printf(&list, ":%s", color);
	}
	set(g, edge, "color", list.data);
	if (hypothetical)
		set(g, edge, "style", "dashed");
	else if (sign == 0)
		set(g, edge, "style", "dotted");
	snprintf(num, sizeof num, "%.2f", width);
	set(g, edge, "penwidth", num);
	free(list.data);
}

struct ranked {
	double score;
	size_t v;
};

/* Highest score first, ties by position, as --top ranks them. */
static int by_rank(const void *x, const void *y)
{
	const struct ranked *p = x, *q = y;

	if (p->score != q->score)
		return p->score > q->score ? -1 : 1;
	return p->v < q->v ? -1 : p->v > q->v;
}

/* Mark the actors to draw in 'drawn' (zeroed): a diagram shows relations, so
 * actors in none are left out, unless all are; of the others, the
 * DOT_MAX_ACTORS ranked highest by 'by'. Returns how many there were before
 * that cut; *rank gets those drawn, best first (the caller frees it). */
static size_t choose(const struct graph *gr, const char *by, bool *drawn, size_t **rank)
{
	size_t nv = graph_node_count(gr), ne = graph_edge_count(gr), n = 0;
	struct ranked *r = xcalloc(nv + 1, sizeof *r);

	*rank = xcalloc(nv + 1, sizeof **rank);
	for (size_t v = 0; v < nv; v++)
		if (ne == 0 || graph_num(gr, false, v, "degree") > 0)
			r[n++] = (struct ranked){graph_num(gr, false, v, by ? by : "pagerank"), v};
	qsort(r, n, sizeof *r, by_rank);
	for (size_t i = 0; i < n && i < DOT_MAX_ACTORS; i++) {
		drawn[r[i].v] = true;
		(*rank)[i] = r[i].v;
	}
	free(r);
	return n;
}

struct pair {
	size_t a, b;
};

static int by_pair(const void *x, const void *y)
{
	const struct pair *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}

/* May the drawn edges be routed around the nodes? Not above
 * DOT_ROUTED_EDGES of them (routing 150 edges among 80 actors took 2.4 s,
 * drawing them straight 0.05 s), nor when two join the same two actors:
 * Graphviz 2.42 writes out of bounds routing those (makeMultiSpline, for
 * neato and fdp). Such drawings get straight edges. */
static bool routable(const struct graph *gr, const bool *drawn)
{
	size_t ne = graph_edge_count(gr), n = 0;
	struct pair *p = xcalloc(ne + 1, sizeof *p);
	bool ok = true;

	for (size_t e = 0; e < ne; e++) {
		size_t from, to;

		graph_edge_ends(gr, e, &from, &to);
		if (drawn[from] && drawn[to])
			p[n++] = from < to ? (struct pair){from, to} : (struct pair){to, from};
	}
	qsort(p, n, sizeof *p, by_pair);
	for (size_t i = 1; i < n && ok; i++)
		ok = p[i].a != p[i - 1].a || p[i].b != p[i - 1].b;
	free(p);
	return ok && n <= DOT_ROUTED_EDGES;
}

/* cgraph writes subgraphs in the order of their ids, and its own ids of
 * names are the names' addresses: the clusters' order changed with the
 * heap. These ids count the names in the order they are made (even, as
 * cgraph wants them; anonymous objects get the odd ones). */
struct ids {
	Agraph_t *g;
	struct strmap *of;	/* name -> its index in names */
	char **names;		/* in g's string pool, which cgraph's writer wants */
	size_t n, cap;
	IDTYPE anonymous;	/* the next odd id */
};

static void *ids_open(Agraph_t *g, Agdisc_t *d)
{
	struct ids *s = xcalloc(1, sizeof *s);

	s->g = g;
	s->of = strmap_new();
	s->anonymous = 1;
	return s;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	struct ids *s = state;
	long k;

	if (!str) {
		*id = s->anonymous;
		s->anonymous += 2;
		return 1;
	}
	if ((k = strmap_get(s->of, str)) < 0) {
		if (!createflag)
			return 0;
		xgrow(&s->names, &s->cap, s->n + 1, sizeof *s->names);
		s->names[s->n] = agstrdup(s->g, str);
		strmap_put(s->of, str, k = (long)s->n++);
	}
	*id = 2 * (IDTYPE)k + 2;
	return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE request)
{
	return 0;	/* no ids chosen by the caller, as in cgraph's own */
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
	const struct ids *s = state;

	return id % 2 == 0 ? s->names[id / 2 - 1] : NULL;
}

static void ids_close(void *state)
{
	struct ids *s = state;

	free(s->names);	/* the pool goes with the graph */
	strmap_free(s->of);
	free(s);
}

static void ids_register(void *state, int objtype, void *obj)
{
}

static Agiddisc_t counted_ids = {ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register};
static Agdisc_t disc = {&AgMemDisc, &counted_ids, &AgIoDisc};

/* The box of v's community, "cluster_3"; made if make, else NULL if none. */
static Agraph_t *cluster(Agraph_t *g, const struct graph *gr, size_t v, bool make)
{
	char name[32];

	snprintf(name, sizeof name, "cluster_%.0f", graph_num(gr, false, v, "community"));
	return agsubg(g, name, make);
}

static Agraph_t *build(const struct graph *gr, const struct dot_style *st)
{
	size_t nv = graph_node_count(gr), ne = graph_edge_count(gr), among, shown, *rank;
	bool *drawn = xcalloc(nv + 1, sizeof *drawn), clusters = st->clusters;
	Agraph_t *g = agopen((char *)"actors", Agdirected, &disc);
	Agnode_t **nodes = xcalloc(nv, sizeof *nodes);
	double maxpr = 0;
	char num[64];

	among = choose(gr, st->by, drawn, &rank);
	shown = among < DOT_MAX_ACTORS ? among : DOT_MAX_ACTORS;
	/* of the engines for undirected layouts only fdp draws clusters */
	declare(g, AGRAPH, "layout", clusters ? "fdp" : "neato");
	declare(g, AGRAPH, "overlap", "prism");
	declare(g, AGRAPH, "splines", routable(gr, drawn) ? "true" : "false");
	declare(g, AGRAPH, "outputorder", "edgesfirst");
	declare(g, AGRAPH, "fontname", "DejaVu Sans");
	declare(g, AGRAPH, "pad", "0.3");
	declare(g, AGRAPH, "size", "30,30");	/* inches: a larger layout is scaled down to it */
	declare(g, AGRAPH, "sep", "+8");
	declare(g, AGRAPH, "label", "");	/* the legend's, and the clusters' */
	declare(g, AGRAPH, "style", "");
	declare(g, AGRAPH, "color", "#555555");
	declare(g, AGNODE, "shape", "ellipse");
	declare(g, AGNODE, "style", "filled");
	declare(g, AGNODE, "fillcolor", "#d9d9d9");
	declare(g, AGNODE, "color", "#555555");
	declare(g, AGNODE, "fontname", "DejaVu Sans");
	declare(g, AGNODE, "fontsize", "10");
	declare(g, AGNODE, "label", "\\N");
	declare(g, AGNODE, "width", "0.75");
	declare(g, AGNODE, "tooltip", "");
	declare(g, AGEDGE, "color", "#555555");
	declare(g, AGEDGE, "style", "solid");
	declare(g, AGEDGE, "penwidth", "1");
	declare(g, AGEDGE, "arrowsize", "0.6");
	declare(g, AGEDGE, "dir", "forward");
	declare(g, AGEDGE, "fontname", "DejaVu Sans");
	declare(g, AGEDGE, "fontsize", "8");
	declare(g, AGEDGE, "fontcolor", "#444444");
	declare(g, AGEDGE, "label", "");

	for (size_t i = 0; clusters && i < shown; i++)	/* best first: each box named by its best */
		if (!cluster(g, gr, rank[i], false)) {
			char *name = label_text(graph_str(gr, false, rank[i], "label"));
			struct buf label = {0};
			Agraph_t *sub = cluster(g, gr, rank[i], true);

			buf_printf(&label, "community of %s", name);
			set(g, sub, "label", label.data);
			set(g, sub, "style", "rounded,dashed");
			set(g, sub, "color", "#999999");
			free(label.data);
			free(name);
		}
	for (size_t v = 0; v < nv; v++)
		if (graph_num(gr, false, v, "pagerank") > maxpr)
			maxpr = graph_num(gr, false, v, "pagerank");
	for (size_t v = 0; v < nv; v++) {
		const char *kind = graph_str(gr, false, v, "kind");
		char *label, *id;
		double pr = maxpr > 0 ? graph_num(gr, false, v, "pagerank") / maxpr : 0;

		if (!drawn[v])
			continue;
		label = label_text(graph_str(gr, false, v, "label"));
		id = node_name(graph_str(gr, false, v, "id"), v);
		nodes[v] = agnode(g, id, 1);
		free(id);
		if (clusters)
			agsubnode(cluster(g, gr, v, true), nodes[v], 1);
		set(g, nodes[v], "label", label);
		free(label);
		set(g, nodes[v], "fillcolor", graph_str(gr, false, v, "color"));
		snprintf(num, sizeof num, "%.2f", 0.75 + 1.25 * sqrt(pr));	/* area grows with PageRank */
		set(g, nodes[v], "width", num);
		if (strcmp(kind, "person") != 0 && strcmp(kind, "state") != 0) {
			set(g, nodes[v], "shape", "box");
			set(g, nodes[v], "style", "filled,rounded");
		}
		snprintf(num, sizeof num, "%s, pagerank %.3f", kind, graph_num(gr, false, v, "pagerank"));
		set(g, nodes[v], "tooltip", num);
	}
	for (size_t e = 0; e < ne; e++) {
		const struct reltype *rt = graph_edge_type(gr, e);
		size_t from, to;
		Agedge_t *edge;
		char name[32];

		graph_edge_ends(gr, e, &from, &to);
		if (!drawn[from] || !drawn[to])
			continue;
		snprintf(name, sizeof name, "e%zu", e);
		edge = agedge(g, nodes[from], nodes[to], name, 1);
		line_style(g, edge, rt->sign, graph_str(gr, true, e, "color"),
			   1 + 2 * log1p(graph_num(gr, true, e, "weight")), graph_num(gr, true, e, "asserted") == 0);
		if (!rt->directed)
			set(g, edge, "dir", "none");
		set(g, edge, "label", rt->id);
	}
	legend(g, gr, st, drawn, rank, shown, among);
	free(rank);
	free(drawn);
	free(nodes);
	return g;
}

int dot_write(FILE *fp, const struct graph *gr, const struct dot_style *st, struct diag *err)
{
	Agraph_t *g = build(gr, st);
	int rc = agwrite(g, fp);

	agclose(g);
	return rc == 0 ? 0 : diag_set(err, "cannot write DOT");
}

/* Graphviz prints its errors in pieces ("Error", ": renderer for x is
 * unavailable\n"); we keep the first line for our message instead. */
static char gv_error[256];
static bool gv_error_done;

static int keep_error(char *msg)
{
	size_t n = strlen(gv_error);

	if (!gv_error_done) {
		snprintf(gv_error + n, sizeof gv_error - n, "%s", msg);
		n = strcspn(gv_error, "\n");
		gv_error_done = gv_error[n] != '\0';
		gv_error[n] = '\0';
	}
	return 0;
}

static void send_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return;	/* the parent gave up on us */
		p += k;
		n -= (size_t)k;
	}
}

/* The child: lay out and render gr, and send 'O' and the image, or 'E' and
 * Graphviz's message, to fd. It ends with _exit(), which leaves the parent's
 * buffers and the leak checker alone. */
_Noreturn static void draw(int fd, pid_t parent, const struct graph *gr, const char *format,
			   const struct dot_style *st)
{
	Agraph_t *g;
	GVC_t *gvc;
	char *data = NULL;
	unsigned int len = 0;
	struct buf msg = {0};

	prctl(PR_SET_PDEATHSIG, SIGKILL);	/* a drawing dies with actorgraph */
	if (getppid() != parent)
		_exit(1);
	agseterrf(keep_error);
	gvc = gvContext();
	g = build(gr, st);
	if (gvLayout(gvc, g, agget(g, (char *)"layout")) != 0)
		buf_printf(&msg, "EGraphviz could not lay out the graph: %s", gv_error);
	else if (gvRenderData(gvc, g, format, &data, &len) != 0)
		buf_printf(&msg, "EGraphviz could not render %s: %s", format, gv_error);
	if (msg.data) {
		send_all(fd, msg.data, msg.len);
	} else {
		send_all(fd, "O", 1);
		send_all(fd, data, len);
	}
	_exit(0);
}

static void stop(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Read the child's answer from fd until it ends or 'timeout' seconds have
 * passed, then reap the child. Returns 0 with the answer in 'out', or -1 with
 * err saying why there is none. */
static int collect(int fd, pid_t pid, double timeout, struct buf *out, struct diag *err)
{
	struct timespec t0;
	char chunk[65536];
	ssize_t n = 1;
	int status;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (n != 0) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		double left = timeout - seconds_since(&t0);

		if (left <= 0) {
			stop(pid);
			return diag_set(err, "Graphviz took more than %g s", timeout);
		}
		if (poll(&p, 1, (int)ceil(fmin(left * 1000, INT_MAX))) <= 0)
			continue;	/* time is up, or a signal: look again */
		n = read(fd, chunk, sizeof chunk);
		if (n > 0) {
			buf_add(out, chunk, (size_t)n);
		} else if (n < 0 && errno != EINTR) {
			diag_set(err, "cannot read from Graphviz: %s", strerror(errno));
			stop(pid);
			return -1;
		}
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return diag_set(err, "cannot wait for Graphviz: %s", strerror(errno));
	if (WIFSIGNALED(status))
		return diag_set(err, "Graphviz crashed (%s)", strsignal(WTERMSIG(status)));
	if (WEXITSTATUS(status) != 0)
		return diag_set(err, "Graphviz exited with status %d", WEXITSTATUS(status));
	if (out->len > 0 && out->data[0] == 'E')
		return diag_set(err, "%s", out->data + 1);
	if (out->len == 0 || out->data[0] != 'O')
		return diag_set(err, "Graphviz stopped without a drawing");
	return 0;
}

int dot_render(FILE *fp, const struct graph *gr, const char *format, const struct dot_style *st, double timeout,
	       struct diag *err)
{
	struct buf out = {0};
	pid_t parent = getpid(), pid;
	int fds[2], rc;

	if (pipe(fds) != 0)
		return diag_set(err, "cannot start Graphviz: %s", strerror(errno));
	fflush(NULL);	/* should Graphviz call exit() in the child, nothing is written twice */
	if ((pid = fork()) < 0) {
		rc = diag_set(err, "cannot start Graphviz: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return rc;
	}
	if (pid == 0) {
		close(fds[0]);
		draw(fds[1], parent, gr, format, st);
	}
	close(fds[1]);
	rc = collect(fds[0], pid, timeout, &out, err);
	close(fds[0]);
	if (rc == 0)
		fwrite(out.data + 1, 1, out.len - 1, fp);	/* errors show at the file's commit */
	free(out.data);
	return rc;
}
