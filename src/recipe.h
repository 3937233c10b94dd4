/* recipe.h - graphs/NAME/graph.yaml: which articles, which schema, which formats. */
#ifndef RECIPE_H
#define RECIPE_H

#include <stddef.h>

#include "diag.h"

struct recipe_input {
	char *path;		/* resolved against the recipe's folder */
	char *date;		/* YYYY-MM-DD or NULL */
};

struct recipe {
	char *dir;		/* the recipe's folder: outputs go there */
	char *name;		/* output file names; default: the folder's name */
	char *schema;		/* resolved, or NULL for the default schema */
	char *formats;		/* comma-separated, or NULL for the default */
	char *level;		/* "actor", "state", or NULL for the default */
	struct recipe_input *inputs;
	size_t ninputs;
};

/* Load DIR/graph.yaml. Returns a recipe the caller frees with recipe_free(),
 * or NULL with err set to "file:line:col: message". */
struct recipe *recipe_load(const char *dir, struct diag *err);
void recipe_free(struct recipe *r);	/* r may be NULL */

#endif
