/* fuzz_undump.c - libFuzzer target: any bytes as the kept graph of a chunk
 * (graph_undump, chunks.c). No crash; a graph that is taken dumps to lines
 * that are taken again to the same graph, which builds and writes the same
 * GraphML. 'make fuzz' runs it from the seeds in tests/fuzz/undump/. */
#include <igraph.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "graphml.h"
#include "schema.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* g built and written as GraphML, in memory. */
static char *graphml_of(struct graph *g)
{
	struct diag err = {{0}};
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);

	if (!fp || graph_build(g, &err) < 0 || graphml_write(fp, g, &err) < 0 || fclose(fp) != 0)
		abort();
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct schema *s;
	struct diag err = {{0}};
	char *text = xstrndup((const char *)data, size);
	struct graph *g, *again;
	struct buf dump = {0};

	if (!s) {
		igraph_set_error_handler(igraph_error_handler_printignore);
		igraph_set_attribute_table(&igraph_cattribute_table);
		if (!(s = schema_load("schema", &err)))
			abort();
	}
	g = graph_new(s, LEVEL_ACTOR);
	if (graph_undump(g, s, text, strlen(text))) {
		char *want, *got;

		graph_dump(g, &dump);
		again = graph_new(s, LEVEL_ACTOR);
		if (!graph_undump(again, s, dump.data, dump.len))
			abort();
		want = graphml_of(g);
		got = graphml_of(again);
		if (strcmp(want, got) != 0)
			abort();
		free(want);
		free(got);
		graph_free(again);
	}
	free(dump.data);
	graph_free(g);
	free(text);
	return 0;
}
