/* analysis.c - igraph's centralities and Louvain communities, made deterministic and finite. */
#include "analysis.h"

#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "util.h"

#define CHECK(expr)                                                                 \
	do {                                                                        \
		igraph_error_t rc_ = (expr);                                        \
		if (rc_ != IGRAPH_SUCCESS) {                                        \
			diag_set(err, "igraph: %s", igraph_strerror(rc_));          \
			goto out;                                                   \
		}                                                                   \
	} while (0)

const char *const analysis_columns[] = {
	"degree", "strength", "betweenness", "closeness", "pagerank", "eigenvector", "kcore",
	"community", "friends", "foes", NULL
};

const char *const analysis_names[] = {"betweenness", "closeness", "eigenvector", "kcore", "balance", NULL};

unsigned analysis_bit(const char *name)
{
	for (unsigned i = 0; analysis_names[i]; i++)
		if (strcmp(analysis_names[i], name) == 0)
			return 1u << i;
	return 0;
}

unsigned analysis_of(const char *attr)
{
	return strcmp(attr, "friends") == 0 || strcmp(attr, "foes") == 0 ? ANALYSIS_BALANCE : analysis_bit(attr);
}

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

size_t *analysis_rank(const struct graph *g)
{
	size_t nv = graph_node_count(g), *order = xcalloc(nv + 1, sizeof *order);

	for (size_t v = 0; v < nv; v++)
		order[v] = v;
	rank_graph = g;
	if (nv)
		qsort(order, nv, sizeof *order, by_pagerank);
	return order;
}

/* Store 'v' as vertex attribute 'name', with NaN and infinity made 0 and
 * rounding noise below 1e-12 cut off, so output is stable across machines. */
static igraph_error_t store(igraph_t *ig, const char *name, igraph_vector_t *v)
{
	for (igraph_integer_t i = 0; i < igraph_vector_size(v); i++) {
		double x = VECTOR(*v)[i];

		VECTOR(*v)[i] = isfinite(x) && fabs(x) > 1e-12 ? x : 0.0;
	}
	return SETVANV(ig, name, v);
}

/* The net sign of every linked pair: the signed weights of their relations
 * summed (cooperation +, conflict -, neutral relations left out). */
struct pairs {
	size_t n;
	size_t *a, *b;		/* a < b, sorted by (a, b) */
	int *sign;		/* -1, 0 or +1 */
};

struct signed_edge {
	size_t a, b, e;		/* a < b; e, the edge, keeps each pair's sum in edge order */
	double w;
};

static int by_pair(const void *x, const void *y)
{
	const struct signed_edge *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return p->e < q->e ? -1 : p->e > q->e;
}

static void signed_pairs(const struct graph *g, struct pairs *p)
{
	size_t ne = graph_edge_count(g), n = 0;
	struct signed_edge *se = xcalloc(ne + 1, sizeof *se);

	memset(p, 0, sizeof *p);
	for (size_t e = 0; e < ne; e++) {
		size_t from, to;
		double sign = graph_num(g, true, e, "sign");

		graph_edge_ends(g, e, &from, &to);
		if (sign != 0 && from != to)
			se[n++] = (struct signed_edge){from < to ? from : to, from < to ? to : from, e,
						       sign * graph_num(g, true, e, "weight")};
	}
	qsort(se, n, sizeof *se, by_pair);
	p->a = xcalloc(n + 1, sizeof *p->a);
	p->b = xcalloc(n + 1, sizeof *p->b);
	p->sign = xcalloc(n + 1, sizeof *p->sign);
	for (size_t i = 0; i < n;) {
		double net = 0;
		size_t j = i;

		for (; j < n && se[j].a == se[i].a && se[j].b == se[i].b; j++)
			net += se[j].w;
		p->a[p->n] = se[i].a;
		p->b[p->n] = se[i].b;
		p->sign[p->n++] = net > 0 ? 1 : net < 0 ? -1 : 0;
		i = j;
	}
	free(se);
}

static void pairs_free(struct pairs *p)
{
	free(p->a);
	free(p->b);
	free(p->sign);
}

static igraph_error_t friends_and_foes(const struct graph *g, igraph_t *ig, igraph_vector_t *res)
{
	igraph_integer_t nv = igraph_vcount(ig);
	igraph_vector_t foes;
	struct pairs p;
	igraph_error_t rc;

	signed_pairs(g, &p);
	IGRAPH_CHECK(igraph_vector_resize(res, nv));
	igraph_vector_null(res);
	IGRAPH_CHECK(igraph_vector_init(&foes, nv));
	for (size_t i = 0; i < p.n; i++) {
		igraph_vector_t *v = p.sign[i] > 0 ? res : p.sign[i] < 0 ? &foes : NULL;

		if (v) {
			VECTOR(*v)[p.a[i]] += 1;
			VECTOR(*v)[p.b[i]] += 1;
		}
	}
	rc = store(ig, "friends", res);
	if (rc == IGRAPH_SUCCESS)
		rc = store(ig, "foes", &foes);
	igraph_vector_destroy(&foes);
	pairs_free(&p);
	return rc;
}

/* The triad of vertices x, y, z and the signs of their sides, as struct
 * triad has it: vertices in increasing order, sides a-b, b-c, a-c. */
static struct triad triad_of(size_t x, size_t y, size_t z, int sxy, int syz, int sxz)
{
	size_t v[3] = {x, y, z};
	int side[3][3] = {{0, sxy, sxz}, {sxy, 0, syz}, {sxz, syz, 0}};
	int k[3] = {0, 1, 2};

	for (int i = 0; i < 3; i++)
		for (int j = i + 1; j < 3; j++)
			if (v[k[j]] < v[k[i]]) {
				int t = k[i];

				k[i] = k[j];
				k[j] = t;
			}
	return (struct triad){{v[k[0]], v[k[1]], v[k[2]]},
			      {side[k[0]][k[1]], side[k[1]][k[2]], side[k[0]][k[2]]}};
}

static int by_vertices(const void *x, const void *y)
{
	const struct triad *p = x, *q = y;

	for (int i = 0; i < 3; i++)
		if (p->v[i] != q->v[i])
			return p->v[i] < q->v[i] ? -1 : 1;
	return 0;
}

/* Triangles are listed from adjacency lists with each side directed from
 * the end of lower degree to that of higher (ties by index): each triangle
 * is found once, from its lowest vertex, in O(pairs^1.5) time where
 * comparing every two pairs took O(pairs^2). */
size_t analysis_balance(const struct graph *g, size_t *balanced, struct triad **unbalanced)
{
	size_t nv = graph_node_count(g), n = 0, cap = 0, m = 0;
	size_t *deg = xcalloc(nv + 1, sizeof *deg), *start = xcalloc(nv + 2, sizeof *start);
	size_t *fill = xcalloc(nv + 1, sizeof *fill), *to;
	int *side, *mark = xcalloc(nv + 1, sizeof *mark);
	struct pairs p;

	*balanced = 0;
	*unbalanced = NULL;
	signed_pairs(g, &p);
	for (size_t i = 0; i < p.n; i++)
		if (p.sign[i]) {
			deg[p.a[i]]++;
			deg[p.b[i]]++;
		}
#define BEFORE(u, v) (deg[u] < deg[v] || (deg[u] == deg[v] && (u) < (v)))
	for (size_t i = 0; i < p.n; i++)	/* start[u + 1]: u's out-degree, then offsets */
		if (p.sign[i])
			start[(BEFORE(p.a[i], p.b[i]) ? p.a[i] : p.b[i]) + 1]++, m++;
	for (size_t u = 0; u < nv; u++)
		start[u + 1] += start[u];
	to = xcalloc(m + 1, sizeof *to);
	side = xcalloc(m + 1, sizeof *side);
	for (size_t i = 0; i < p.n; i++) {
		size_t u = BEFORE(p.a[i], p.b[i]) ? p.a[i] : p.b[i];

		if (p.sign[i]) {
			to[start[u] + fill[u]] = u == p.a[i] ? p.b[i] : p.a[i];
			side[start[u] + fill[u]++] = p.sign[i];
		}
	}
#undef BEFORE
	for (size_t u = 0; u < nv; u++) {
		for (size_t i = start[u]; i < start[u + 1]; i++)
			mark[to[i]] = side[i];
		for (size_t i = start[u]; i < start[u + 1]; i++) {
			size_t v = to[i];

			for (size_t j = start[v]; j < start[v + 1]; j++) {
				size_t w = to[j];

				if (!mark[w])
					continue;
				if (side[i] * side[j] * mark[w] > 0) {
					(*balanced)++;
					continue;
				}
				xgrow(unbalanced, &cap, n + 1, sizeof **unbalanced);
				(*unbalanced)[n++] = triad_of(u, v, w, side[i], side[j], mark[w]);
			}
		}
		for (size_t i = start[u]; i < start[u + 1]; i++)
			mark[to[i]] = 0;
	}
	if (n)
		qsort(*unbalanced, n, sizeof **unbalanced, by_vertices);
	free(deg);
	free(start);
	free(fill);
	free(to);
	free(side);
	free(mark);
	pairs_free(&p);
	return n;
}

/* Community colours and sizes by PageRank, as node attributes that Gephi,
 * the GEXF viz elements and the diagrams share. The colours are Paul Tol's
 * "light" scheme, made for fills under black text and told apart by
 * colour-blind readers too. They go to the largest communities (ties: the
 * lower number), not to the first: Louvain numbers communities in the order
 * of their actors, and an actor in no relation is a community of its own.
 * The others, and communities of one actor, get the scheme's pale grey,
 * which the legends call other communities: no colour stands for two. */
static igraph_error_t looks(igraph_t *ig)
{
	static const char *const palette[] = {
		"#77aadd", "#ee8866", "#eedd88", "#ffaabb", "#99ddff", "#44bb99", "#bbcc33", "#aaaa00"
	};
	igraph_integer_t nv = igraph_vcount(ig), *size = xcalloc(nv + 1, sizeof *size);
	igraph_integer_t *colour = xcalloc(nv + 1, sizeof *colour);
	igraph_error_t rc = IGRAPH_SUCCESS;
	double maxpr = 0;

	for (igraph_integer_t v = 0; v < nv; v++) {
		size[(igraph_integer_t)VAN(ig, "community", v)]++;
		colour[v] = -1;
	}
	for (size_t i = 0; i < sizeof palette / sizeof *palette; i++) {
		igraph_integer_t best = -1;

		for (igraph_integer_t c = 0; c < nv; c++)
			if (size[c] > 1 && colour[c] < 0 && (best < 0 || size[c] > size[best]))
				best = c;
		if (best >= 0)
			colour[best] = (igraph_integer_t)i;
	}
	for (igraph_integer_t v = 0; v < nv; v++)
		maxpr = fmax(maxpr, VAN(ig, "pagerank", v));
	for (igraph_integer_t v = 0; v < nv && rc == IGRAPH_SUCCESS; v++) {
		double pr = maxpr > 0 ? VAN(ig, "pagerank", v) / maxpr : 0;
		igraph_integer_t c = colour[(igraph_integer_t)VAN(ig, "community", v)];

		rc = SETVAS(ig, "color", v, c >= 0 ? palette[c] : "#dddddd");
		if (rc == IGRAPH_SUCCESS)
			rc = SETVAN(ig, "size", v, round((10 + 40 * sqrt(pr)) * 100) / 100);	/* area by PageRank */
	}
	free(size);
	free(colour);
	return rc;
}

/* Closeness as igraph_closeness() normalizes it, the inverse of the mean
 * distance to the actors reached, with the mean taken over the pivots only
 * (the estimate of Eppstein and Wang); the relations are walked both ways. */
static igraph_error_t sampled_closeness(const igraph_t *ig, const igraph_vector_int_t *pivots,
					const igraph_vector_t *dist, igraph_vector_t *res)
{
	igraph_vector_int_t ends;
	struct arcs around;
	igraph_error_t rc;

	IGRAPH_CHECK(igraph_vector_int_init(&ends, 0));
	if ((rc = igraph_get_edgelist(ig, &ends, 0)) == IGRAPH_SUCCESS &&
	    (rc = igraph_vector_resize(res, igraph_vcount(ig))) == IGRAPH_SUCCESS) {
		arcs_init(&around, (size_t)igraph_vcount(ig), VECTOR(ends), VECTOR(*dist),
			  (size_t)igraph_ecount(ig), ARCS_BOTH);
		paths_closeness(&around, VECTOR(*pivots), (size_t)igraph_vector_int_size(pivots), VECTOR(*res));
		arcs_destroy(&around);
	}
	igraph_vector_int_destroy(&ends);
	return rc;
}

/* Betweenness from the shortest paths of the pivots only, scaled to all
 * actors: those of the arcs 'ends' of lengths 'dist' (above 0). */
static igraph_error_t sampled_betweenness(igraph_integer_t nv, const igraph_vector_int_t *ends,
					  const igraph_vector_t *dist, const igraph_vector_int_t *pivots,
					  igraph_vector_t *res)
{
	size_t m = (size_t)igraph_vector_size(dist);
	struct arcs out, in;

	IGRAPH_CHECK(igraph_vector_resize(res, nv));
	arcs_init(&out, (size_t)nv, VECTOR(*ends), VECTOR(*dist), m, ARCS_FORWARD);
	arcs_init(&in, (size_t)nv, VECTOR(*ends), VECTOR(*dist), m, ARCS_BACKWARD);
	paths_betweenness(&out, &in, VECTOR(*pivots), (size_t)igraph_vector_int_size(pivots), VECTOR(*res));
	arcs_destroy(&out);
	arcs_destroy(&in);
	igraph_vector_scale(res, (double)nv / ANALYSIS_PIVOTS);
	return IGRAPH_SUCCESS;
}

/* Eigenvector centrality by power iteration on A + I (the identity keeps
 * bipartite graphs from oscillating), from the degrees, scaled to a maximum
 * of 1: for the graphs ARPACK gives up on, such as a long cycle, whose
 * leading eigenvalues lie close together. */
static igraph_error_t power_eigenvector(const igraph_t *und, const igraph_vector_t *w, igraph_vector_t *x)
{
	igraph_integer_t nv = igraph_vcount(und), ne = igraph_ecount(und);
	igraph_vector_t y;

	IGRAPH_CHECK(igraph_strength(und, x, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, w));
	IGRAPH_CHECK(igraph_vector_init(&y, nv));
	for (int it = 0; it < 10000; it++) {
		double top = 0, change = 0;

		igraph_vector_update(&y, x);
		for (igraph_integer_t e = 0; e < ne; e++) {
			igraph_integer_t a = IGRAPH_FROM(und, e), b = IGRAPH_TO(und, e);

			VECTOR(y)[a] += VECTOR(*w)[e] * VECTOR(*x)[b];
			VECTOR(y)[b] += VECTOR(*w)[e] * VECTOR(*x)[a];
		}
		top = igraph_vector_max(&y);
		for (igraph_integer_t v = 0; v < nv && top > 0; v++) {
			double next = VECTOR(y)[v] / top;

			change = fmax(change, fabs(next - VECTOR(*x)[v]));
			VECTOR(*x)[v] = next;
		}
		if (change < 1e-10)
			break;
	}
	igraph_vector_destroy(&y);
	return IGRAPH_SUCCESS;
}

int analysis_run(struct graph *g, unsigned which, struct diag *err)
{
	igraph_t *ig = graph_igraph(g), arcs, und;
	igraph_integer_t nv = igraph_vcount(ig), ne = igraph_ecount(ig);
	igraph_vector_t w, arcw, dist, reldist, res;
	igraph_vector_int_t ends, deg, memb, pivots;
	bool have_arcs = false, have_und = false, estimate, power = false;
	struct buf estimated = {0};	/* the scores not computed exactly */
	int rc = -1;

	igraph_vector_init(&w, 0);
	igraph_vector_init(&arcw, 0);
	igraph_vector_init(&dist, 0);
	igraph_vector_init(&reldist, 0);
	igraph_vector_init(&res, 0);
	igraph_vector_int_init(&ends, 0);
	igraph_vector_int_init(&deg, 0);
	igraph_vector_int_init(&memb, 0);
	igraph_vector_int_init(&pivots, 0);
	for (size_t k = 0; analysis_columns[k]; k++)	/* a graph read back has the scores it was written with */
		if (analysis_of(analysis_columns[k]) & ~which &&
		    igraph_cattribute_has_attr(ig, IGRAPH_ATTRIBUTE_VERTEX, analysis_columns[k]))
			igraph_cattribute_remove_v(ig, analysis_columns[k]);
	if (ne > 0)	/* with no edges the attribute does not exist */
		CHECK(EANV(ig, "weight", &w));
	/* a GraphML written elsewhere may hold any weight; the searches need
	 * distances 1 / weight above 0 */
	for (igraph_integer_t e = 0; e < ne; e++)
		if (!(VECTOR(w)[e] >= 0)) {
			size_t from, to;

			graph_edge_ends(g, (size_t)e, &from, &to);
			diag_set(err, "the relation of %s and %s has weight %g: weights must be numbers of 0 or more",
				 graph_str(g, false, from, "id"), graph_str(g, false, to, "id"), VECTOR(w)[e]);
			goto out;
		}

	/* the graph of arcs: an undirected relation is an arc each way */
	for (igraph_integer_t e = 0; e < ne; e++) {
		igraph_integer_t from = IGRAPH_FROM(ig, e), to = IGRAPH_TO(ig, e);

		CHECK(igraph_vector_int_push_back(&ends, from));
		CHECK(igraph_vector_int_push_back(&ends, to));
		CHECK(igraph_vector_push_back(&arcw, VECTOR(w)[e]));
		if (!EAB(ig, "directed", e)) {
			CHECK(igraph_vector_int_push_back(&ends, to));
			CHECK(igraph_vector_int_push_back(&ends, from));
			CHECK(igraph_vector_push_back(&arcw, VECTOR(w)[e]));
		}
	}
	CHECK(igraph_create(&arcs, &ends, nv, IGRAPH_DIRECTED));
	have_arcs = true;

	CHECK(igraph_degree(ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS));
	CHECK(igraph_vector_resize(&res, nv));
	for (igraph_integer_t i = 0; i < nv; i++)
		VECTOR(res)[i] = (double)VECTOR(deg)[i];
	CHECK(store(ig, "degree", &res));
	CHECK(igraph_strength(ig, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &w));
	CHECK(store(ig, "strength", &res));

	CHECK(igraph_vector_resize(&dist, igraph_vector_size(&arcw)));
	for (igraph_integer_t i = 0; i < igraph_vector_size(&arcw); i++)
		VECTOR(dist)[i] = 1.0 / VECTOR(arcw)[i];	/* a strong tie is a short path */
	/* closeness walks the relations themselves, each once both ways: the
	 * same distances as the arcs, where an undirected relation is two */
	CHECK(igraph_vector_resize(&reldist, ne));
	for (igraph_integer_t e = 0; e < ne; e++)
		VECTOR(reldist)[e] = 1.0 / VECTOR(w)[e];
	estimate = (nv > ANALYSIS_EXACT_ACTORS || ne > ANALYSIS_EXACT_EDGES) && nv > ANALYSIS_PIVOTS;
	if (estimate && (which & (ANALYSIS_BETWEENNESS | ANALYSIS_CLOSENESS))) {
		igraph_rng_seed(igraph_rng_default(), 42);
		CHECK(igraph_random_sample(&pivots, 0, nv - 1, ANALYSIS_PIVOTS));
	}
	if (which & ANALYSIS_BETWEENNESS) {
		if (estimate) {
			CHECK(sampled_betweenness(nv, &ends, &dist, &pivots, &res));
		} else {
			CHECK(igraph_betweenness(&arcs, &res, igraph_vss_all(), IGRAPH_DIRECTED, &dist));
		}
		CHECK(store(ig, "betweenness", &res));
	}
	CHECK(igraph_pagerank(&arcs, IGRAPH_PAGERANK_ALGO_PRPACK, &res, NULL, igraph_vss_all(),
			      IGRAPH_DIRECTED, 0.85, &arcw, NULL));
	CHECK(store(ig, "pagerank", &res));

	/* eigenvector centrality and communities on the undirected view; both
	 * draw random numbers (ARPACK's start, Louvain's order), so the seed is
	 * set before each: a graph's scores do not depend on the graphs before it */
	igraph_rng_seed(igraph_rng_default(), 42);
	CHECK(igraph_copy(&und, &arcs));
	have_und = true;
	CHECK(igraph_to_undirected(&und, IGRAPH_TO_UNDIRECTED_EACH, NULL));
	if ((which & ANALYSIS_EIGENVECTOR) && ne > 0) {
		igraph_arpack_options_t arpack;

		igraph_arpack_options_init(&arpack);
		arpack.mxiter = 300;	/* ample for most graphs; igraph's 3000 take seconds to fail on a long cycle */
		if (igraph_eigenvector_centrality(&und, &res, NULL, IGRAPH_UNDIRECTED, 1, &arcw, &arpack) != IGRAPH_SUCCESS) {
			CHECK(power_eigenvector(&und, &arcw, &res));
			power = true;
		}
	} else {
		CHECK(igraph_vector_resize(&res, nv));
		igraph_vector_null(&res);
	}
	if (which & ANALYSIS_EIGENVECTOR)
		CHECK(store(ig, "eigenvector", &res));
	if (which & ANALYSIS_CLOSENESS) {
		if (estimate) {
			CHECK(sampled_closeness(ig, &pivots, &reldist, &res));
		} else {
			CHECK(igraph_closeness(ig, &res, NULL, NULL, igraph_vss_all(), IGRAPH_ALL, &reldist, 1));
		}
		CHECK(store(ig, "closeness", &res));
	}
	if (which & ANALYSIS_KCORE) {
		CHECK(igraph_coreness(&und, &memb, IGRAPH_ALL));
		CHECK(igraph_vector_resize(&res, nv));
		for (igraph_integer_t i = 0; i < nv; i++)
			VECTOR(res)[i] = (double)VECTOR(memb)[i];
		CHECK(store(ig, "kcore", &res));
	}
	if (which & ANALYSIS_BALANCE)
		CHECK(friends_and_foes(g, ig, &res));
	igraph_rng_seed(igraph_rng_default(), 42);
	CHECK(igraph_community_multilevel(&und, &arcw, 1.0, &memb, NULL, NULL));
	CHECK(igraph_vector_resize(&res, nv));
	for (igraph_integer_t i = 0; i < nv; i++)
		VECTOR(res)[i] = (double)VECTOR(memb)[i];
	CHECK(store(ig, "community", &res));
	CHECK(looks(ig));
	if (estimate && (which & ANALYSIS_BETWEENNESS))
		buf_printf(&estimated, "betweenness");
	if (estimate && (which & ANALYSIS_CLOSENESS))
		buf_printf(&estimated, "%scloseness", estimated.len ? " " : "");
	if (power)
		buf_printf(&estimated, "%seigenvector", estimated.len ? " " : "");
	CHECK(SETGAS(ig, "estimated", estimated.len ? estimated.data : ""));
	rc = 0;
out:
	if (have_und)
		igraph_destroy(&und);
	if (have_arcs)
		igraph_destroy(&arcs);
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&arcw);
	igraph_vector_destroy(&dist);
	igraph_vector_destroy(&reldist);
	igraph_vector_destroy(&res);
	igraph_vector_int_destroy(&ends);
	igraph_vector_int_destroy(&deg);
	igraph_vector_int_destroy(&memb);
	igraph_vector_int_destroy(&pivots);
	free(estimated.data);
	return rc;
}
