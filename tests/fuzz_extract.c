/* fuzz_extract.c - libFuzzer target: any bytes through text, actors and
 * relations, and the events written as JSON lines. 'make fuzz' builds and
 * runs it; crashes and sanitizer reports are failures, and so is an event
 * that breaks these invariants or a line that jansson cannot read back. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "jsonio.h"
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
	int *words;
	size_t nm, ne;

	if (!s) {
		if (!(s = schema_load("schema", &err)))
			abort();
		m = actors_new(s);
		x = relations_new(s, actors_words(m));
	}
	d = text_parse("fuzz", "fuzz", NULL, xstrndup((const char *)data, size), size);
	nm = actors_find(m, d, &men, &words);
	ne = relations_find(x, d, words, men, nm, &ev);
	for (size_t i = 0; i < ne; i++)
		if (ev[i].start >= ev[i].end || ev[i].end > d->len || ev[i].sentence >= d->nsent ||
		    ev[i].source == ev[i].target)
			abort();
	if (ne) {
		char *out = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&out, &len);

		if (!fp || jsonio_events(fp, s, d, ev, ne, false, &err) != 0 || fclose(fp) != 0)
			abort();
		for (char *line = out, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
			json_t *o = json_loadb(line, (size_t)(nl - line), 0, NULL);

			if (!o || !json_is_string(json_object_get(o, "text")))
				abort();
			json_decref(o);
		}
		free(out);
	}
	free(words);
	free(men);
	free(ev);
	text_free(d);
	return 0;
}
