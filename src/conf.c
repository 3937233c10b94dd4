/* conf.c - libyaml's document API turned into conf_node trees with 1-based positions. */
#include "conf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util.h"

/* The file name every pos.file of a tree points to lives in the root's str. */

static void free_node(struct conf_node *n);

static struct pos mark_pos(const char *file, yaml_mark_t m)
{
	return (struct pos){file, m.line + 1, m.column + 1};
}

/* Where byte 'offset' of fp is: libyaml reports a bad byte (invalid UTF-8,
 * a control character) by its offset, with its mark left at the start. */
static struct pos offset_pos(const char *file, FILE *fp, size_t offset)
{
	struct pos p = {file, 1, 1};
	int c;

	rewind(fp);
	for (size_t i = 0; i < offset && (c = getc(fp)) != EOF; i++) {
		p.col = c == '\n' ? 1 : p.col + 1;
		p.line += c == '\n';
	}
	return p;
}

static const char *type_name(enum conf_type t)
{
	return t == CONF_MAP ? "a mapping" : t == CONF_SEQ ? "a list" : "a scalar";
}

static struct conf_node *convert(yaml_document_t *doc, yaml_node_t *y, const char *file,
				 int depth, struct diag *err)
{
	struct conf_node *n;

	if (depth > 64) {
		diag_at(err, mark_pos(file, y->start_mark), "nesting too deep");
		return NULL;
	}
	n = xcalloc(1, sizeof *n);
	n->pos = mark_pos(file, y->start_mark);
	switch (y->type) {
	case YAML_SCALAR_NODE:
		n->type = CONF_SCALAR;
		n->str = xstrndup((const char *)y->data.scalar.value, y->data.scalar.length);
		return n;
	case YAML_SEQUENCE_NODE:
		n->type = CONF_SEQ;
		n->n = (size_t)(y->data.sequence.items.top - y->data.sequence.items.start);
		n->items = xcalloc(n->n, sizeof *n->items);
		for (size_t i = 0; i < n->n; i++) {
			yaml_node_t *c = yaml_document_get_node(doc, y->data.sequence.items.start[i]);

			if (!(n->items[i] = convert(doc, c, file, depth + 1, err)))
				goto fail;
		}
		return n;
	case YAML_MAPPING_NODE:
		n->type = CONF_MAP;
		n->n = (size_t)(y->data.mapping.pairs.top - y->data.mapping.pairs.start);
		n->items = xcalloc(2 * n->n, sizeof *n->items);
		for (size_t i = 0; i < n->n; i++) {
			yaml_node_pair_t *p = &y->data.mapping.pairs.start[i];
			yaml_node_t *k = yaml_document_get_node(doc, p->key);

			if (!(n->items[2 * i] = convert(doc, k, file, depth + 1, err)))
				goto fail;
			if (k->type != YAML_SCALAR_NODE) {
				diag_at(err, n->items[2 * i]->pos, "expected a scalar key");
				goto fail;
			}
			for (size_t j = 0; j < i; j++)
				if (strcmp(n->items[2 * j]->str, n->items[2 * i]->str) == 0) {
					diag_at(err, n->items[2 * i]->pos, "duplicate key '%s'",
						n->items[2 * i]->str);
					goto fail;
				}
			if (!(n->items[2 * i + 1] =
				      convert(doc, yaml_document_get_node(doc, p->value), file, depth + 1, err)))
				goto fail;
		}
		return n;
	default:
		break;
	}
	n->type = CONF_SCALAR;
	n->str = xstrdup("");
	return n;
fail:
	free_node(n);
	return NULL;
}

struct conf_node *conf_load(const char *path, struct diag *err)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	struct conf_node *root = NULL;
	yaml_node_t *top;
	FILE *fp;
	char *file;

	if (!(fp = fopen(path, "rb"))) {
		diag_sys(err, "open", path);
		return NULL;
	}
	file = xstrdup(path);
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, fp);
	if (!yaml_parser_load(&parser, &doc)) {
		diag_at(err, parser.error == YAML_READER_ERROR ? offset_pos(file, fp, parser.problem_offset) :
			mark_pos(file, parser.problem_mark), "%s", parser.problem ? parser.problem : "out of memory");
		yaml_parser_delete(&parser);
		fclose(fp);
		free(file);
		return NULL;
	}
	top = yaml_document_get_root_node(&doc);
	if (!top) {
		root = xcalloc(1, sizeof *root);
		root->type = CONF_MAP;
		root->pos = (struct pos){file, 1, 1};
	} else {
		root = convert(&doc, top, file, 0, err);
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	fclose(fp);
	if (!root) {
		free(file);
		return NULL;
	}
	/* the root owns the file name; every pos in the tree points at it */
	root->pos.file = file;
	return root;
}

static void free_node(struct conf_node *n)
{
	size_t count;

	if (!n)
		return;
	count = n->type == CONF_MAP ? 2 * n->n : n->n;
	for (size_t i = 0; i < count && n->items; i++)
		free_node(n->items[i]);
	free(n->items);
	free(n->str);
	free(n);
}

void conf_free(struct conf_node *root)
{
	char *file;

	if (!root)
		return;
	file = (char *)root->pos.file;
	free_node(root);
	free(file);
}

int conf_expect(const struct conf_node *n, enum conf_type type, const char *what, struct diag *err)
{
	if (n->type == type)
		return 0;
	return diag_at(err, n->pos, "expected %s as %s, found %s", type_name(type), what,
		       type_name(n->type));
}

int conf_check_keys(const struct conf_node *n, const char *const keys[], struct diag *err)
{
	for (size_t i = 0; i < n->n; i++) {
		const char *k = n->items[2 * i]->str;
		size_t j = 0;

		while (keys[j] && strcmp(keys[j], k) != 0)
			j++;
		if (!keys[j]) {
			struct buf allowed = {0};

			for (j = 0; keys[j]; j++)
				buf_printf(&allowed, "%s%s", j ? ", " : "", keys[j]);
			diag_at(err, n->items[2 * i]->pos, "unknown key '%s' (expected one of: %s)", k,
				allowed.data);
			free(allowed.data);
			return -1;
		}
	}
	return 0;
}

const struct conf_node *conf_get(const struct conf_node *n, const char *key)
{
	if (n->type != CONF_MAP)
		return NULL;
	for (size_t i = 0; i < n->n; i++)
		if (strcmp(n->items[2 * i]->str, key) == 0)
			return n->items[2 * i + 1];
	return NULL;
}

int conf_string(const struct conf_node *map, const char *key, bool required, const char **out,
		struct diag *err)
{
	const struct conf_node *v = conf_get(map, key);

	if (!v) {
		if (required)
			return diag_at(err, map->pos, "missing key '%s'", key);
		return 0;
	}
	if (conf_expect(v, CONF_SCALAR, key, err) < 0)
		return -1;
	if (required && !v->str[0])
		return diag_at(err, v->pos, "'%s' must not be empty", key);
	*out = v->str;
	return 0;
}

int conf_bool(const struct conf_node *map, const char *key, bool *out, struct diag *err)
{
	const struct conf_node *v = conf_get(map, key);

	if (!v)
		return 0;
	if (conf_expect(v, CONF_SCALAR, key, err) < 0)
		return -1;
	if (strcmp(v->str, "true") == 0)
		*out = true;
	else if (strcmp(v->str, "false") == 0)
		*out = false;
	else
		return diag_at(err, v->pos, "expected true or false for '%s', found '%s'", key, v->str);
	return 0;
}

int conf_strings(const struct conf_node *map, const char *key, const struct conf_node ***items,
		 size_t *n, struct diag *err)
{
	const struct conf_node *v = conf_get(map, key);

	*n = 0;
	*items = NULL;
	if (!v)
		return 0;
	if (v->type == CONF_SCALAR) {	/* a one-item list: point at the map's own slot */
		for (size_t i = 0; i < map->n; i++)
			if (map->items[2 * i + 1] == v)
				*items = (const struct conf_node **)&map->items[2 * i + 1];
		*n = 1;
		return 0;
	}
	if (conf_expect(v, CONF_SEQ, key, err) < 0)
		return -1;
	for (size_t i = 0; i < v->n; i++)
		if (conf_expect(v->items[i], CONF_SCALAR, key, err) < 0)
			return -1;
	*items = (const struct conf_node **)v->items;
	*n = v->n;
	return 0;
}
