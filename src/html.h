/* html.h - the interactive view: one self-contained HTML page that draws the
 * graph with sigma.js, all of its scripts and styles inline (viewer.h). */
#ifndef HTML_H
#define HTML_H

#include <stdio.h>

#include "diag.h"
#include "graph.h"

/* Write graph g, titled 'name', as an HTML page to fp: the graph as the JSON
 * of jsonio_graph(), the vendored renderer and the viewer of src/viewer/.
 * Nothing of the data can close the page's <script>. Returns 0, or -1 with
 * err set. */
int html_write(FILE *fp, const struct graph *g, const char *name, struct diag *err);

#endif
