/* recipe.c - graph recipes read through conf.c: inputs (globs expanded), a
 * time window, decay, filters, analyses, formats. */
#include "recipe.h"

#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "conf.h"
#include "graph.h"
#include "text.h"
#include "util.h"

static char *resolve(const char *dir, const char *path)
{
	struct buf b = {0};

	if (path[0] == '/')
		return xstrdup(path);
	buf_printf(&b, "%s/%s", dir, path);
	return b.data;
}

static void add_input(struct recipe *r, char *path, const char *date)
{
	r->inputs = xrealloc(r->inputs, (r->ninputs + 1) * sizeof *r->inputs);
	r->inputs[r->ninputs].path = path;
	r->inputs[r->ninputs++].date = date ? xstrdup(date) : NULL;
}

/* An input: a path, or a glob of them (its matches in name order), with the
 * date of its documents. */
static int parse_input(struct recipe *r, const struct conf_node *in, struct diag *err)
{
	static const char *const keys[] = {"path", "date", NULL};
	const char *path = NULL, *date = NULL;
	char *full;
	glob_t g;
	int rc;

	if (in->type == CONF_SCALAR) {
		path = in->str;
	} else {
		if (conf_expect(in, CONF_MAP, "an input (a path, or path and date)", err) < 0 ||
		    conf_check_keys(in, keys, err) < 0 || conf_string(in, "path", true, &path, err) < 0 ||
		    conf_string(in, "date", false, &date, err) < 0)
			return -1;
		if (date && date_check(date, false, conf_get(in, "date")->pos, err) < 0)
			return -1;
	}
	if (!path[0])
		return diag_at(err, in->pos, "empty input path");
	full = resolve(r->dir, path);
	if (!strpbrk(path, "*?[")) {
		add_input(r, full, date);
		return 0;
	}
	if ((rc = glob(full, GLOB_ERR, NULL, &g)) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++)
			add_input(r, xstrdup(g.gl_pathv[i]), date);
	} else if (rc == GLOB_NOMATCH) {
		struct buf w = {0};

		buf_printf(&w, "%s:%lu:%lu: '%s' matches no file", in->pos.file, in->pos.line, in->pos.col, path);
		r->warnings = xrealloc(r->warnings, (r->nwarnings + 1) * sizeof *r->warnings);
		r->warnings[r->nwarnings++] = w.data;
	} else {
		diag_at(err, in->pos, "cannot read the folders of '%s'", path);
	}
	if (rc != GLOB_NOMATCH)
		globfree(&g);
	free(full);
	return rc == 0 || rc == GLOB_NOMATCH ? 0 : -1;
}

/* "30d" or "4w": a number of days, > 0. */
static int parse_days(const struct conf_node *map, const char *key, double *days, struct diag *err)
{
	const char *s = NULL;
	char *end;
	double n;

	if (conf_string(map, key, false, &s, err) < 0)
		return -1;
	if (!s)
		return 0;
	n = strtod(s, &end);
	if (end == s || n <= 0 || n > 1e6 || (strcmp(end, "d") != 0 && strcmp(end, "w") != 0))
		return diag_at(err, conf_get(map, key)->pos, "expected days or weeks such as 30d or 4w, found '%s'", s);
	*days = *end == 'w' ? 7 * n : n;
	return 0;
}

/* since, until and last: the window's days. */
static int parse_window(struct recipe *r, const struct conf_node *root, const char *today, struct diag *err)
{
	const char *since = NULL, *until = NULL;
	double last = 0;

	if (conf_string(root, "since", false, &since, err) < 0 || conf_string(root, "until", false, &until, err) < 0 ||
	    parse_days(root, "last", &last, err) < 0 || parse_days(root, "decay", &r->half_life, err) < 0 ||
	    (since && date_check(since, false, conf_get(root, "since")->pos, err) < 0) ||
	    (until && date_check(until, false, conf_get(root, "until")->pos, err) < 0))
		return -1;
	if (since && last)
		return diag_at(err, conf_get(root, "last")->pos, "a window has 'since' or 'last', not both");
	snprintf(r->until, sizeof r->until, "%s", until ? until : "");
	if (last)	/* the last N days, the end day among them */
		date_of_days(date_days(until ? until : today) - (long)last + 1, r->since);
	else
		snprintf(r->since, sizeof r->since, "%s", since ? since : "");
	if (r->since[0] && r->until[0] && strcmp(r->since, r->until) > 0)
		return diag_at(err, root->pos, "the window ends (%s) before it begins (%s)", r->until, r->since);
	return 0;
}

/* The filters, as build's options of those names. */
static int parse_filters(struct recipe *r, const struct conf_node *root, struct diag *err)
{
	static const char *const numbers[] = {"min_weight", "top", "depth"};
	const struct conf_node **relations = NULL;
	const char *ego = NULL, *s;
	size_t n;

	r->depth = -1;
	for (size_t i = 0; i < 3; i++) {
		char *end;
		double v;

		s = NULL;
		if (conf_string(root, numbers[i], false, &s, err) < 0)
			return -1;
		if (!s)
			continue;
		v = strtod(s, &end);
		if (end == s || *end || v < (i == 1) || v > 1e9 || (i > 0 && v != (long)v))
			return diag_at(err, conf_get(root, numbers[i])->pos, "expected %s, found '%s'",
				       i == 0 ? "a number >= 0" : i == 1 ? "a whole number >= 1" : "a whole number >= 0", s);
		if (i == 0)
			r->min_weight = v;
		else if (i == 1)
			r->top = (size_t)v;
		else
			r->depth = (int)v;
	}
	if (conf_strings(root, "relations", &relations, &n, err) < 0 || conf_string(root, "ego", false, &ego, err) < 0)
		return -1;
	if (n) {
		struct buf b = {0};

		for (size_t i = 0; i < n; i++)
			buf_printf(&b, "%s%s", i ? "," : "", relations[i]->str);
		r->relations = b.data;
	}
	r->ego = ego ? xstrdup(ego) : NULL;
	return 0;
}

/* How the graph is ranked (for 'top' and the diagrams' summary), drawn and
 * given to Gephi, as build's options of those names. */
static int parse_views(struct recipe *r, const struct conf_node *root, struct diag *err)
{
	static const char *const spells[] = {"day", "accumulate", NULL};
	const struct conf_node *by = conf_get(root, "by"), *sp = conf_get(root, "spells");

	if ((by && (conf_expect(by, CONF_SCALAR, "by", err) < 0 || conf_choose(by, "ranking", graph_rankings, err) < 0)) ||
	    (sp && (conf_expect(sp, CONF_SCALAR, "spells", err) < 0 || conf_choose(sp, "spells", spells, err) < 0)) ||
	    conf_bool(root, "clusters", &r->clusters, err) < 0)
		return -1;
	r->by = by ? xstrdup(by->str) : NULL;
	r->spells = sp ? xstrdup(sp->str) : NULL;
	return 0;
}

/* The analyses to run, by name (analysis.h); all when the key is absent. */
static int parse_analyses(struct recipe *r, const struct conf_node *root, struct diag *err)
{
	const struct conf_node **names;
	size_t n;

	if (conf_strings(root, "analyses", &names, &n, err) < 0)
		return -1;
	r->analyses = conf_get(root, "analyses") ? 0 : ANALYSIS_ALL;
	for (size_t i = 0; i < n; i++) {
		if (conf_choose(names[i], "analysis", analysis_names, err) < 0)
			return -1;
		r->analyses |= analysis_bit(names[i]->str);
	}
	return 0;
}

struct recipe *recipe_load(const char *dir, const char *today, struct diag *err)
{
	static const char *const keys[] = {"name", "description", "schema", "formats", "level", "inputs", "since",
					   "until", "last", "decay", "min_weight", "relations", "top", "ego",
					   "depth", "by", "clusters", "spells", "analyses", NULL};
	struct recipe *r = xcalloc(1, sizeof *r);
	struct buf path = {0};
	struct conf_node *root;
	const struct conf_node *inputs, **formats;
	const char *name = NULL, *schema = NULL, *desc = NULL, *level = NULL;
	size_t nformats;
	int rc = -1;

	r->dir = xstrdup(dir);
	buf_printf(&path, "%s/graph.yaml", dir);
	root = conf_load(path.data, err);
	free(path.data);
	if (!root)
		goto out;
	if (conf_expect(root, CONF_MAP, "a recipe", err) < 0 || conf_check_keys(root, keys, err) < 0 ||
	    conf_string(root, "name", false, &name, err) < 0 ||
	    conf_string(root, "description", false, &desc, err) < 0 ||
	    conf_string(root, "schema", false, &schema, err) < 0 ||
	    conf_string(root, "level", false, &level, err) < 0 ||
	    conf_strings(root, "formats", &formats, &nformats, err) < 0 || parse_window(r, root, today, err) < 0 ||
	    parse_filters(r, root, err) < 0 || parse_views(r, root, err) < 0 || parse_analyses(r, root, err) < 0)
		goto out;
	if (!(inputs = conf_get(root, "inputs"))) {
		diag_at(err, root->pos, "missing key 'inputs'");
		goto out;
	}
	if (conf_expect(inputs, CONF_SEQ, "inputs", err) < 0)
		goto out;
	if (inputs->n == 0) {
		diag_at(err, inputs->pos, "no inputs");
		goto out;
	}
	if (level && strcmp(level, "actor") != 0 && strcmp(level, "state") != 0) {
		diag_at(err, conf_get(root, "level")->pos, "expected actor or state, found '%s'", level);
		goto out;
	}
	if (name && !is_file_name(name)) {	/* the outputs stay beside the recipe */
		diag_at(err, conf_get(root, "name")->pos, "expected a file name (no '/', no leading dot), found '%s'",
			name);
		goto out;
	}
	r->level = level ? xstrdup(level) : NULL;
	if (name) {
		r->name = xstrdup(name);
	} else {	/* the folder's name: "graphs/.." names no file */
		char *folder = text_doc_name(dir);

		r->name = file_name_of(folder);
		free(folder);
	}
	r->schema = schema ? resolve(dir, schema) : NULL;
	if (nformats) {
		struct buf f = {0};

		for (size_t i = 0; i < nformats; i++)
			buf_printf(&f, "%s%s", i ? "," : "", formats[i]->str);
		r->formats = f.data;
	}
	for (size_t i = 0; i < inputs->n; i++)
		if (parse_input(r, inputs->items[i], err) < 0)
			goto out;
	rc = 0;
out:
	conf_free(root);
	if (rc < 0) {
		recipe_free(r);
		return NULL;
	}
	return r;
}

void recipe_free(struct recipe *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->ninputs; i++) {
		free(r->inputs[i].path);
		free(r->inputs[i].date);
	}
	free(r->inputs);
	for (size_t i = 0; i < r->nwarnings; i++)
		free(r->warnings[i]);
	free(r->warnings);
	free(r->relations);
	free(r->ego);
	free(r->by);
	free(r->spells);
	free(r->dir);
	free(r->name);
	free(r->schema);
	free(r->formats);
	free(r->level);
	free(r);
}
