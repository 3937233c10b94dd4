/* graph.h - fourth stage: events aggregated into an igraph graph with attributes.
 *
 * One vertex per actor mentioned (id from the schema), one edge per (relation
 * type, source, target) with its mention counts and dates. Vertices are sorted
 * by id and edges by (relation, source id, target id), so the same events give
 * the same graph. The writers read it through the accessors below. */
#ifndef GRAPH_H
#define GRAPH_H

#include <stdbool.h>
#include <stddef.h>

#include "actors.h"
#include "diag.h"
#include "relations.h"
#include "schema.h"
#include "text.h"
#include "util.h"

enum attr_type { ATTR_STRING, ATTR_INT, ATTR_DOUBLE, ATTR_BOOL };

struct attr_def {
	const char *name;
	enum attr_type type;
};

/* Every vertex and every edge carries each of these (terminated by a NULL
 * name), but the node attributes of the analyses a build left out
 * (analysis.h). */
enum { GRAPH_NODE_ATTRS = 15 };
extern const struct attr_def graph_node_attrs[GRAPH_NODE_ATTRS + 1];
extern const struct attr_def graph_edge_attrs[];

/* The node attribute of this name, or NULL. */
const struct attr_def *graph_node_attr(const char *name);

struct graph;
struct igraph_s;

/* The node attributes that g carries, as the writers declare them: those
 * of graph_node_attrs but the analyses left out, NULL-terminated in defs. */
void graph_node_defs(const struct graph *g, struct attr_def defs[GRAPH_NODE_ATTRS + 1]);

/* What a node stands for: every actor, or states and organizations only,
 * with persons folded into what they lead or belong to. */
enum graph_level { LEVEL_ACTOR, LEVEL_STATE };

/* An empty graph over schema 's' (which must outlive it). At LEVEL_STATE a
 * person counts as the state or organization of their role on the
 * document's date (the role open today when the document is undated), or
 * else as the body the document affiliates them with; a body that is part of
 * a state counts as the state. Relations that fold onto one node vanish. */
struct graph *graph_new(const struct schema *s, enum graph_level level);
void graph_free(struct graph *g);	/* g may be NULL */

/* Weigh mentions by their age on 'day' (YYYY-MM-DD): a mention's weight
 * halves every 'half_life' days before it (undated ones and later ones
 * count whole). */
void graph_set_decay(struct graph *g, const char *day, double half_life);

/* Count the actor mentions and relation events of document d (each call is
 * one document), and keep of each edge the names of the documents that state
 * it and its earliest and latest evidence. 'said' is the sentence of each
 * event, or NULL to take them from d's text (a document from the cache has
 * none). */
void graph_add(struct graph *g, const struct doc *d, const struct mention_count *m, size_t nm,
	       const struct event *ev, size_t ne, const struct span *said);

/* graph_add of a document given in parts, too long to hold whole: 'more'
 * is false for its first part and true for the others; 'ties' are all of
 * the document's events for which graph_ties is true (folding persons into
 * their state needs them before it sees a part). */
void graph_add_part(struct graph *g, const struct doc *d, bool more, const struct mention_count *m, size_t nm,
		    const struct event *ev, size_t ne, const struct span *said, const struct event *ties,
		    size_t nties);
/* Does folding look at event e: a person's tie to a body? */
bool graph_ties(const struct graph *g, const struct event *e);

/* A build with a cache keeps the graph of each run of documents (a chunk)
 * to add it whole to a rebuild where none of them changed, without reading
 * them again. graph_dump writes what g gathered (before graph_build) as
 * lines of text; graph_undump adds such lines to g, whose schema s is the
 * one they were written with (it adds the actors that texts introduced);
 * false, g then partly added to, when a line is not one graph_dump writes.
 * graph_absorb adds what graph 'part' gathered to g, as if g had been given
 * part's documents too (of one schema and options; none of them in g). */
void graph_dump(const struct graph *g, struct buf *out);
bool graph_undump(struct graph *g, struct schema *s, char *dump, size_t len);
void graph_absorb(struct graph *g, const struct graph *part);

/* An edge's attribute 'documents' lists the names of at most this many of the
 * documents that state it: the first in byte order; 'doc_count' counts all.
 * Names are separated by GRAPH_DOC_SEP, and a '|' or '\' in a name is
 * written after a '\'. */
enum { GRAPH_DOCS_MAX = 20 };
#define GRAPH_DOC_SEP "|"

/* Build the igraph graph from what was added. Returns 0, or -1 with err set
 * (igraph's own errors become messages). Call once, before the accessors. */
int graph_build(struct graph *g, struct diag *err);

/* Which part of the graph to keep (zero values keep everything). */
struct graph_filter {
	double min_weight;	/* edges at least this heavy */
	const char *relations;	/* comma-separated relation types, or NULL for all */
	size_t top;		/* the N actors ranked highest... */
	const char *by;		/* ...by this node attribute, one of graph_rankings (NULL: pagerank) */
	const char *ego;	/* an actor (id or label) and its neighbours... */
	int depth;		/* ...up to this many steps away */
};

/* The node attributes that may rank actors (NULL-terminated). */
extern const char *const graph_rankings[];

/* Drop the edges that f's min_weight and relations exclude, and the actors
 * that only they linked. Call after graph_build, before the analysis. */
int graph_filter_edges(struct graph *g, const struct graph_filter *f, struct diag *err);

/* Keep f's top actors and ego network, with the scores of the whole graph.
 * Call after the analysis. An unknown ego actor is an error. */
int graph_select(struct graph *g, const struct graph_filter *f, struct diag *err);

/* A graph written as GraphML by actorgraph, read back (for stats); the
 * accessors work on it except graph_edge_type. Returns NULL with err set
 * when the file is no such GraphML. */
struct graph *graph_load(const char *path, struct diag *err);

/* The built igraph graph, for the analysis stage. */
struct igraph_s *graph_igraph(const struct graph *g);

size_t graph_node_count(const struct graph *g);
/* The documents added (graph_add calls); 0 for a graph_load()ed graph. */
size_t graph_documents(const struct graph *g);
/* Edges have an id too (graph_str(g, true, e, "id")), made of their ends and
 * type, "SOURCE:relation:TARGET", which ids cannot hold: an edge keeps its id
 * across runs and corpora. Not for a graph_load()ed graph. */
size_t graph_edge_count(const struct graph *g);
void graph_edge_ends(const struct graph *g, size_t e, size_t *from, size_t *to);
/* Do the nodes (or edges) carry attribute 'name'? */
bool graph_has(const struct graph *g, bool edge, const char *name);
/* The scores analysis_run() estimated rather than computed exactly, as
 * "betweenness closeness", or "" (see analysis.h). */
const char *graph_estimated(const struct graph *g);
/* Attribute values; strings belong to the graph. */
const char *graph_str(const struct graph *g, bool edge, size_t i, const char *name);
double graph_num(const struct graph *g, bool edge, size_t i, const char *name);
bool graph_bool(const struct graph *g, bool edge, size_t i, const char *name);
/* The text of attribute a of a node or edge, as every text format writes it:
 * strings as they are, booleans "true"/"false", ints "%.0f", doubles "%.6f"
 * (finite by construction). Returns the graph's string or 'buf'. */
const char *graph_text(const struct graph *g, bool edge, size_t i, const struct attr_def *a, char buf[64]);

/* The relation type of edge e (not for a graph_load()ed graph). */
const struct reltype *graph_edge_type(const struct graph *g, size_t e);

#endif
