/* analysis.c - igraph's centralities and Louvain communities, made deterministic and finite. */
#include "analysis.h"

#include <igraph.h>
#include <math.h>

#define CHECK(expr)                                                                 \
	do {                                                                        \
		igraph_error_t rc_ = (expr);                                        \
		if (rc_ != IGRAPH_SUCCESS) {                                        \
			diag_set(err, "igraph: %s", igraph_strerror(rc_));          \
			goto out;                                                   \
		}                                                                   \
	} while (0)

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

	/* eigenvector centrality and communities on the undirected view */
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
	igraph_rng_seed(igraph_rng_default(), 42);	/* Louvain is randomised: fix it */
	CHECK(igraph_community_multilevel(&und, &arcw, 1.0, &memb, NULL, NULL));
	CHECK(igraph_vector_resize(&res, nv));
	for (igraph_integer_t i = 0; i < nv; i++)
		VECTOR(res)[i] = (double)VECTOR(memb)[i];
	CHECK(store(ig, "community", &res));
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
