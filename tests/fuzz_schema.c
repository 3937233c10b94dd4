/* fuzz_schema.c - libFuzzer target: any bytes as a schema, through conf.c's
 * limits and the schema loader. The input is relations.yaml, a NUL byte and
 * actors.yaml; without a NUL it is actors.yaml beside the relations.yaml of
 * tests/data/schema/ok. 'make fuzz' runs it from the seeds in
 * tests/fuzz/schema/; a crash or sanitizer report fails. */
#include <stdint.h>

#include "fuzz_files.h"
#include "schema.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *relations;
	static size_t nrelations;
	struct diag err = {{0}};
	const uint8_t *nul = memchr(data, '\0', size);
	struct schema *s;
	const char *dir;

	if (!relations && read_file("tests/data/schema/ok/relations.yaml", SIZE_MAX, &relations, &nrelations,
				    &err) < 0)
		abort();
	if (nul) {
		fuzz_write("relations.yaml", data, (size_t)(nul - data));
		dir = fuzz_write("actors.yaml", nul + 1, size - (size_t)(nul - data) - 1);
	} else {
		fuzz_write("relations.yaml", relations, nrelations);
		dir = fuzz_write("actors.yaml", data, size);
	}
	s = schema_load(dir, &err);
	if (!s == !err.msg[0])
		abort();
	schema_free(s);
	return 0;
}
