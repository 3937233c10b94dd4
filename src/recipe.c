/* recipe.c - graph recipes read through conf.c. */
#include "recipe.h"

#include <stdlib.h>
#include <string.h>

#include "conf.h"
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

static int parse_input(struct recipe *r, const struct conf_node *in, struct diag *err)
{
	static const char *const keys[] = {"path", "date", NULL};
	struct recipe_input *ri = &r->inputs[r->ninputs];
	const char *path = NULL, *date = NULL;

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
	ri->path = resolve(r->dir, path);
	ri->date = date ? xstrdup(date) : NULL;
	r->ninputs++;
	return 0;
}

struct recipe *recipe_load(const char *dir, struct diag *err)
{
	static const char *const keys[] = {"name", "description", "schema", "formats", "level", "inputs", NULL};
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
	    conf_strings(root, "formats", &formats, &nformats, err) < 0)
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
	r->inputs = xcalloc(inputs->n, sizeof *r->inputs);
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
	free(r->dir);
	free(r->name);
	free(r->schema);
	free(r->formats);
	free(r->level);
	free(r);
}
