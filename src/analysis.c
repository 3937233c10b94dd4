/* analysis.c - igraph's centralities and Louvain communities, made deterministic and finite. */
#include "analysis.h"

#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	size_t *a, *b;		/* a < b */
	int *sign;		/* -1, 0 or +1 */
};

static void signed_pairs(const struct graph *g, struct pairs *p)
{
	struct strmap *index = strmap_new();
	double *net = NULL;
	size_t cap = 0, acap = 0, bcap = 0;

	memset(p, 0, sizeof *p);
	for (size_t e = 0; e < graph_edge_count(g); e++) {
		size_t from, to;
		double sign = graph_num(g, true, e, "sign");
		char key[48];
		long k;

		graph_edge_ends(g, e, &from, &to);
		if (sign == 0 || from == to)
			continue;
		if (from > to) {
			size_t t = from;

			from = to;
			to = t;
		}
		snprintf(key, sizeof key, "%zu %zu", from, to);
		if ((k = strmap_get(index, key)) < 0) {
			xgrow(&p->a, &acap, p->n + 1, sizeof *p->a);
			xgrow(&p->b, &bcap, p->n + 1, sizeof *p->b);
			xgrow(&net, &cap, p->n + 1, sizeof *net);
			p->a[p->n] = from;
			p->b[p->n] = to;
			net[p->n] = 0;
			strmap_put(index, key, k = (long)p->n++);
		}
		net[k] += sign * graph_num(g, true, e, "weight");
	}
	p->sign = xcalloc(p->n, sizeof *p->sign);
	for (size_t i = 0; i < p->n; i++)
		p->sign[i] = net[i] > 0 ? 1 : net[i] < 0 ? -1 : 0;
	free(net);
	strmap_free(index);
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

size_t analysis_balance(const struct graph *g, size_t *balanced, struct triad **unbalanced)
{
	struct pairs p;
	struct strmap *sign_of = strmap_new();
	size_t n = 0, cap = 0;

	*balanced = 0;
	*unbalanced = NULL;
	signed_pairs(g, &p);
	for (size_t i = 0; i < p.n; i++) {
		char key[48];

		snprintf(key, sizeof key, "%zu %zu", p.a[i], p.b[i]);
		if (p.sign[i])
			strmap_put(sign_of, key, p.sign[i] + 1);	/* 0 or 2 */
	}
	/* each triangle once: its pair (a, b) with a < b, and a third c > b */
	for (size_t i = 0; i < p.n; i++)
		for (size_t j = 0; j < p.n && p.sign[i]; j++) {
			char key[48];
			long s3;
			int product;

			if (p.a[j] != p.a[i] || p.b[j] <= p.b[i] || !p.sign[j])
				continue;
			snprintf(key, sizeof key, "%zu %zu", p.b[i], p.b[j]);
			if ((s3 = strmap_get(sign_of, key)) < 0)
				continue;
			product = p.sign[i] * p.sign[j] * (int)(s3 - 1);
			if (product > 0) {
				(*balanced)++;
				continue;
			}
			xgrow(unbalanced, &cap, n + 1, sizeof **unbalanced);
			(*unbalanced)[n++] = (struct triad){{p.a[i], p.b[i], p.b[j]},
							    {p.sign[i], (int)(s3 - 1), p.sign[j]}};
		}
	strmap_free(sign_of);
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

int analysis_run(struct graph *g, struct diag *err)
{
	igraph_t *ig = graph_igraph(g), arcs, und;
	igraph_integer_t nv = igraph_vcount(ig), ne = igraph_ecount(ig);
	igraph_vector_t w, arcw, dist, res;
	igraph_vector_int_t ends, deg, memb;
	bool have_arcs = false, have_und = false;
	int rc = -1;

	igraph_vector_init(&w, 0);
	igraph_vector_init(&arcw, 0);
	igraph_vector_init(&dist, 0);
	igraph_vector_init(&res, 0);
	igraph_vector_int_init(&ends, 0);
	igraph_vector_int_init(&deg, 0);
	igraph_vector_int_init(&memb, 0);
	if (ne > 0)	/* with no edges the attribute does not exist */
		CHECK(EANV(ig, "weight", &w));

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
	CHECK(igraph_betweenness(&arcs, &res, igraph_vss_all(), IGRAPH_DIRECTED, &dist));
	CHECK(store(ig, "betweenness", &res));
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
	if (ne > 0) {
		CHECK(igraph_eigenvector_centrality(&und, &res, NULL, IGRAPH_UNDIRECTED, 1, &arcw, NULL));
	} else {
		CHECK(igraph_vector_resize(&res, nv));
		igraph_vector_null(&res);
	}
	CHECK(store(ig, "eigenvector", &res));
	CHECK(igraph_closeness(&und, &res, NULL, NULL, igraph_vss_all(), IGRAPH_ALL, &dist, 1));
	CHECK(store(ig, "closeness", &res));
	CHECK(igraph_coreness(&und, &memb, IGRAPH_ALL));
	CHECK(igraph_vector_resize(&res, nv));
	for (igraph_integer_t i = 0; i < nv; i++)
		VECTOR(res)[i] = (double)VECTOR(memb)[i];
	CHECK(store(ig, "kcore", &res));
	CHECK(friends_and_foes(g, ig, &res));
	igraph_rng_seed(igraph_rng_default(), 42);
	CHECK(igraph_community_multilevel(&und, &arcw, 1.0, &memb, NULL, NULL));
	CHECK(igraph_vector_resize(&res, nv));
	for (igraph_integer_t i = 0; i < nv; i++)
		VECTOR(res)[i] = (double)VECTOR(memb)[i];
	CHECK(store(ig, "community", &res));
	CHECK(looks(ig));
	rc = 0;
out:
	if (have_und)
		igraph_destroy(&und);
	if (have_arcs)
		igraph_destroy(&arcs);
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&arcw);
	igraph_vector_destroy(&dist);
	igraph_vector_destroy(&res);
	igraph_vector_int_destroy(&ends);
	igraph_vector_int_destroy(&deg);
	igraph_vector_int_destroy(&memb);
	return rc;
}
