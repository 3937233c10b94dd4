/* test_paths.c - the searches of paths.c against igraph's on random graphs
 * with parallel arcs, loops, ties of length and actors no path reaches. */
#include <math.h>

#include "helpers.h"
#include "paths.h"

/* A random graph of n actors and m links (seeded), of lengths that tie
 * often (1, 1/2, 1/3, 1/4) or seldom (any in (0.1, 1.1)). */
struct sample {
	size_t n, m;
	int64_t *ends;
	double *len;
	igraph_vector_int_t ev;
	igraph_vector_t lv;
};

static void sample_init(struct sample *g, size_t n, size_t m, unsigned seed, bool ties)
{
	srand(seed);
	g->n = n;
	g->m = m;
	g->ends = xmalloc(2 * m * sizeof *g->ends);
	g->len = xmalloc(m * sizeof *g->len);
	for (size_t i = 0; i < m; i++) {
		g->ends[2 * i] = rand() % (int)n;
		g->ends[2 * i + 1] = i % 17 == 0 ? g->ends[2 * i] : rand() % (int)n;	/* some loops */
		g->len[i] = ties ? 1.0 / (1 + rand() % 4) : 0.1 + rand() / (double)RAND_MAX;
	}
	igraph_vector_int_init(&g->ev, (igraph_integer_t)(2 * m));
	igraph_vector_init(&g->lv, (igraph_integer_t)m);
	for (size_t i = 0; i < 2 * m; i++)
		VECTOR(g->ev)[i] = g->ends[i];
	for (size_t i = 0; i < m; i++)
		VECTOR(g->lv)[i] = g->len[i];
}

static void sample_destroy(struct sample *g)
{
	free(g->ends);
	free(g->len);
	igraph_vector_int_destroy(&g->ev);
	igraph_vector_destroy(&g->lv);
}

static void pick_sources(igraph_vector_int_t *v, size_t n, size_t k)
{
	igraph_vector_int_init(v, (igraph_integer_t)k);
	for (size_t i = 0; i < k; i++)
		VECTOR(*v)[i] = (igraph_integer_t)((i * 7919) % n);
}

static void betweenness_is_igraphs(size_t n, size_t m, unsigned seed, bool ties)
{
	struct sample g;
	struct arcs out, in;
	igraph_t ig;
	igraph_vector_int_t src;
	igraph_vector_t want;
	double *got = xmalloc(n * sizeof *got);
	double biggest = 0;

	sample_init(&g, n, m, seed, ties);
	pick_sources(&src, n, 24);
	igraph_create(&ig, &g.ev, (igraph_integer_t)n, IGRAPH_DIRECTED);
	igraph_vector_init(&want, 0);
	assert_int_equal(igraph_betweenness_subset(&ig, &want, igraph_vss_all(), IGRAPH_DIRECTED,
						   igraph_vss_vector(&src), igraph_vss_all(), &g.lv), IGRAPH_SUCCESS);
	arcs_init(&out, n, g.ends, g.len, m, ARCS_FORWARD);
	arcs_init(&in, n, g.ends, g.len, m, ARCS_BACKWARD);
	paths_betweenness(&out, &in, VECTOR(src), 24, got);
	for (size_t v = 0; v < n; v++) {
		/* the same sums, perhaps added in another order */
		assert_true(fabs(got[v] - VECTOR(want)[v]) <= 1e-9 * (1 + fabs(VECTOR(want)[v])));
		biggest = fmax(biggest, got[v]);
	}
	assert_true(biggest > 1);	/* paths were found through actors */
	arcs_destroy(&out);
	arcs_destroy(&in);
	igraph_vector_destroy(&want);
	igraph_destroy(&ig);
	igraph_vector_int_destroy(&src);
	sample_destroy(&g);
	free(got);
}

static void finds_igraphs_betweenness(void **state)
{
	(void)state;
	betweenness_is_igraphs(300, 900, 1, true);	/* many paths of one length */
	betweenness_is_igraphs(300, 900, 2, false);
	betweenness_is_igraphs(500, 400, 3, true);	/* many actors out of reach */
}

/* The distances igraph finds, each relation walked both ways, made into
 * closeness as analysis.c did before paths.c. */
static void closeness_is_igraphs(size_t n, size_t m, unsigned seed, bool ties)
{
	struct sample g;
	struct arcs around;
	igraph_t ig;
	igraph_vector_int_t src;
	igraph_matrix_t d;
	double *got = xmalloc(n * sizeof *got);
	size_t k = 24, nonzero = 0;

	sample_init(&g, n, m, seed, ties);
	pick_sources(&src, n, k);
	igraph_create(&ig, &g.ev, (igraph_integer_t)n, IGRAPH_DIRECTED);
	igraph_matrix_init(&d, 0, 0);
	assert_int_equal(igraph_distances_dijkstra(&ig, &d, igraph_vss_vector(&src), igraph_vss_all(), &g.lv,
						   IGRAPH_ALL), IGRAPH_SUCCESS);
	arcs_init(&around, n, g.ends, g.len, m, ARCS_BOTH);
	paths_closeness(&around, VECTOR(src), k, got);
	for (size_t v = 0; v < n; v++) {
		double sum = 0;
		int reached = 0;

		for (size_t p = 0; p < k; p++)
			if ((size_t)VECTOR(src)[p] != v && isfinite(MATRIX(d, p, v))) {
				sum += MATRIX(d, p, v);
				reached++;
			}
		assert_true(got[v] == (sum > 0 ? reached / sum : 0));	/* the same distances, added alike */
		nonzero += got[v] > 0;
	}
	assert_true(nonzero > n / 4);
	assert_true(nonzero < n || m > n);	/* the sparse graph leaves some out of reach */
	arcs_destroy(&around);
	igraph_matrix_destroy(&d);
	igraph_destroy(&ig);
	igraph_vector_int_destroy(&src);
	sample_destroy(&g);
	free(got);
}

static void finds_igraphs_closeness(void **state)
{
	(void)state;
	closeness_is_igraphs(300, 900, 4, true);
	closeness_is_igraphs(300, 900, 5, false);
	closeness_is_igraphs(500, 300, 6, true);
}

static void lays_out_arcs_by_actor(void **state)
{
	const int64_t ends[] = {2, 0, 0, 1, 2, 1};
	const double len[] = {0.5, 1, 2};
	struct arcs a;

	(void)state;
	arcs_init(&a, 4, ends, len, 3, ARCS_BOTH);
	assert_int_equal(a.first[0], 0);	/* 0: to 2 (back), to 1 */
	assert_int_equal(a.first[1], 2);	/* 1: back to 0, back to 2 */
	assert_int_equal(a.first[2], 4);	/* 2: to 0, to 1 */
	assert_int_equal(a.first[3], 6);	/* 3: none */
	assert_int_equal(a.first[4], 6);
	assert_int_equal(a.to[0], 2);
	assert_true(a.len[0] == 0.5);
	assert_int_equal(a.to[1], 1);
	assert_int_equal(a.to[2], 0);
	assert_int_equal(a.to[3], 2);
	assert_true(a.len[3] == 2);
	assert_int_equal(a.to[4], 0);
	assert_int_equal(a.to[5], 1);
	arcs_destroy(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lays_out_arcs_by_actor),
		cmocka_unit_test(finds_igraphs_betweenness),
		cmocka_unit_test(finds_igraphs_closeness),
	};

	test_igraph_setup();
	return cmocka_run_group_tests_name("paths", tests, NULL, NULL);
}
