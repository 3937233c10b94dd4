/* recipe.h - graphs/NAME/graph.yaml: which articles, which schema, which formats. */
#ifndef RECIPE_H
#define RECIPE_H

#include <stdbool.h>
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
	struct recipe_input *inputs;	/* globs expanded */
	size_t ninputs;
	char since[11], until[11];	/* the time window's days ("" when open); 'last' sets since */
	double half_life;	/* days: a mention's weight halves with each (0: none) */
	/* the filters of build's options of those names (zero or NULL: unset) */
	double min_weight;
	char *relations;	/* comma-separated */
	size_t top;
	char *ego;
	int depth;		/* -1: unset */
	/* how the graph is ranked, drawn and given to Gephi, as build's options */
	char *by;		/* a ranking of graph_rankings, or NULL */
	bool clusters;
	char *spells;		/* "day" or "accumulate", or NULL */
	unsigned analyses;	/* the bits of those to run (analysis.h; all when unnamed) */
	char **warnings;	/* for the caller to print: globs that match no file */
	size_t nwarnings;
};

/* Load DIR/graph.yaml. Returns a recipe the caller frees with recipe_free(),
 * or NULL with err set to "file:line:col: message". 'today' (YYYY-MM-DD)
 * ends a window of 'last: N' days that names no 'until'. */
struct recipe *recipe_load(const char *dir, const char *today, struct diag *err);
void recipe_free(struct recipe *r);	/* r may be NULL */

#endif
