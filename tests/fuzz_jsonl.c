/* fuzz_jsonl.c - libFuzzer target: any bytes as a JSON-lines feed of
 * articles, read by corpus.c with small limits. Every line is a document or
 * a document that fails with its error; every document reads as pieces
 * within the limits, in order; and each line that jansson reads as an article, jsonl.c reads
 * too, with the same text. 'make fuzz' runs it from the seeds in
 * tests/fuzz/jsonl/; a crash, a sanitizer report or a broken invariant fails. */
#include <jansson.h>
#include <stdint.h>

#include "corpus.h"
#include "fuzz_files.h"
#include "jsonl.h"

/* If jansson reads line [p, p+n) as an article, jsonl.c reads the same one. */
static void same_as_jansson(const char *p, size_t n)
{
	json_t *o = json_loadb(p, n, JSON_REJECT_DUPLICATES, NULL), *tx, *id, *dt;
	struct jsonl_article a;
	const char *why;
	char *text;
	size_t len;

	if (!o)
		return;
	tx = json_object_get(o, "text");
	id = json_object_get(o, "id");
	dt = json_object_get(o, "date");
	if (json_is_object(o) && json_is_string(tx) && (!id || json_is_string(id)) &&
	    (!dt || json_is_null(dt) || json_is_string(dt))) {
		if (jsonl_article(p, n, &a, &why) != 0)
			abort();
		text = jsonl_string(a.text, a.text_len, &len);
		if (len != json_string_length(tx) || memcmp(text, json_string_value(tx), len) != 0)
			abort();
		free(text);
	}
	json_decref(o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct corpus_limits lim = {64, 16};
	char path[sizeof fuzz_dir + 16];
	struct corpus c = {0};
	struct corpus_doc d;
	struct diag err = {{0}};

	snprintf(path, sizeof path, "%s/feed.jsonl", fuzz_write("feed.jsonl", data, size));
	if (corpus_add(&c, path, NULL, &err) < 0)
		abort();
	for (; corpus_take(&c, &d); corpus_doc_free(&d)) {
		struct corpus_reader r;
		struct corpus_piece at;
		char *text = NULL;
		size_t len, read = 0;
		int rc;

		err.msg[0] = '\0';
		if (corpus_open(&r, &d, &lim, &err) < 0) {
			if (!d.error || !err.msg[0])
				abort();
			corpus_close(&r);
			continue;
		}
		while ((rc = corpus_next(&r, &text, &len, &at, &err)) > 0) {	/* pieces within the limit, in order */
			if (len > lim.document || text[len] != '\0' || at.origin != read)
				abort();
			read += len;
			free(text);
		}
		if (rc < 0)
			abort();
		corpus_close(&r);
	}
	corpus_free(&c);
	for (const char *p = (const char *)data, *end = p + size, *nl; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		same_as_jansson(p, (size_t)(nl - p));
	}
	return 0;
}
