/* fuzz_recipe.c - libFuzzer target: any bytes as a recipe's graph.yaml,
 * through conf.c's limits and the recipe loader. 'make fuzz' runs it from
 * the seeds in tests/fuzz/recipe/; a crash or sanitizer report fails. */
#include <stdint.h>

#include "fuzz_files.h"
#include "recipe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag err = {{0}};
	struct recipe *r = recipe_load(fuzz_write("graph.yaml", data, size), "2024-06-30", &err);

	if (!r == !err.msg[0])	/* a recipe, or an error: never both, never neither */
		abort();
	recipe_free(r);
	return 0;
}
