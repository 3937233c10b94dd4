/* fuzz_extract.c - libFuzzer target: any bytes through text, actors and
 * relations. 'make fuzz' builds and runs it; crashes and sanitizer reports
 * are failures, and so is an event that breaks these invariants. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "relations.h"
#include "schema.h"
#include "text.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct schema *s;
	static struct matcher *m;
	static struct extractor *x;
	struct diag err = {{0}};
	struct doc *d;
	struct mention *men;
	struct event *ev;
	size_t nm, ne;

	if (!s) {
		if (!(s = schema_load("schema", &err)))
			abort();
		m = actors_new(s);
		x = relations_new(s);
	}
	d = text_parse("fuzz", "fuzz", NULL, xstrndup((const char *)data, size), size);
	nm = actors_find(m, d, &men);
	ne = relations_find(x, d, men, nm, &ev);
	for (size_t i = 0; i < ne; i++)
		if (ev[i].start >= ev[i].end || ev[i].end > d->len || ev[i].sentence >= d->nsent ||
		    ev[i].source == ev[i].target)
			abort();
	free(men);
	free(ev);
	text_free(d);
	return 0;
}
