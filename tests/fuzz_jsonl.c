/* fuzz_jsonl.c - libFuzzer target: any bytes as a JSON-lines feed of
 * articles, read by corpus.c with small limits. Every line is a document or
 * a document that fails with its error; every text read keeps within the
 * limits. 'make fuzz' runs it from the seeds in tests/fuzz/jsonl/; a crash,
 * a sanitizer report or a broken invariant fails. */
#include <stdint.h>

#include "corpus.h"
#include "fuzz_files.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct corpus_limits lim = {64, 16};
	char path[sizeof fuzz_dir + 16];
	struct corpus c = {0};
	struct diag err = {{0}};

	snprintf(path, sizeof path, "%s/feed.jsonl", fuzz_write("feed.jsonl", data, size));
	if (corpus_add(&c, path, NULL, &err) < 0)
		abort();
	for (size_t i = 0; i < c.n; i++) {
		struct corpus_cut cut;
		char *text = NULL;
		size_t len;

		err.msg[0] = '\0';
		if (corpus_read(&c.docs[i], &lim, &text, &len, &cut, &err) < 0) {
			if (!c.docs[i].error || !err.msg[0])
				abort();
			continue;
		}
		if (len > lim.document || text[len] != '\0' || cut.document != (c.docs[i].len > lim.document))
			abort();
		free(text);
	}
	corpus_free(&c);
	return 0;
}
