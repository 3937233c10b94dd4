/* conf.c - libyaml's events turned into conf_node trees with 1-based positions.
 * The tree is built from the events, not from libyaml's document, so that
 * the limits of conf.h stop a file at the event that passes them. */
#include "conf.h"

#include <errno.h>
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

/* A list or map being read. */
struct frame {
	struct conf_node *n;
	size_t len, cap;	/* items in n->items, keys and values alike */
	size_t first;		/* the loader's node count before n */
	int height;		/* of the deepest list or map inside n so far */
	struct strmap *keys;	/* a map's keys once it has many (duplicate_key) */
	char *anchor;		/* named when n ends */
};

/* An anchored node, with its size and height for the limits of its aliases. */
struct anchor {
	const struct conf_node *n;
	size_t nodes;
	int height;
};

struct loader {
	const char *file;
	struct diag *err;
	FILE *fp;
	size_t bytes;		/* read so far */
	int read_errno;		/* of a failed read; -1 past CONF_MAX_BYTES */
	struct conf_node *root;
	struct frame stack[CONF_MAX_DEPTH];
	int depth;
	size_t nodes;
	struct strmap *anchor_ids;	/* name -> index in anchors; a later anchor of a name wins */
	struct anchor *anchors;
	size_t nanchors, anchors_cap;
};

static int read_input(void *data, unsigned char *buf, size_t size, size_t *got)
{
	struct loader *l = data;

	*got = fread(buf, 1, size, l->fp);
	l->bytes += *got;
	if (ferror(l->fp))
		l->read_errno = errno;
	else if (l->bytes > CONF_MAX_BYTES)
		l->read_errno = -1;
	return !l->read_errno;
}

static struct conf_node *copy(const struct conf_node *n)
{
	struct conf_node *c = xcalloc(1, sizeof *c);
	size_t count = n->type == CONF_MAP ? 2 * n->n : n->n;

	*c = *n;
	c->str = n->str ? xstrdup(n->str) : NULL;
	c->items = count ? xcalloc(count, sizeof *c->items) : NULL;
	for (size_t i = 0; i < count; i++)
		c->items[i] = copy(n->items[i]);
	return c;
}

enum { KEYS_SCANNED = 16 };	/* keys of a map compared in turn before a hash map takes over */

/* Is 'key' a key of the map open in frame f already? (Most maps have a few
 * keys: a hash map for each cost more than the parse.) */
static bool duplicate_key(struct frame *f, const char *key)
{
	if (!f->keys && f->len / 2 < KEYS_SCANNED) {
		for (size_t i = 0; i < f->len; i += 2)
			if (strcmp(f->n->items[i]->str, key) == 0)
				return true;
		return false;
	}
	if (!f->keys) {
		f->keys = strmap_new();
		for (size_t i = 0; i < f->len; i += 2)
			strmap_put(f->keys, f->n->items[i]->str, 0);
	}
	return strmap_put(f->keys, key, 0) >= 0;
}

/* Attach n, of 'nodes' nodes and the given height, to the open list or map,
 * or make it the root. Takes n, also on failure. */
static int attach(struct loader *l, struct conf_node *n, size_t nodes, int height)
{
	struct frame *f = l->depth ? &l->stack[l->depth - 1] : NULL;
	int rc = 0;

	if (nodes > CONF_MAX_NODES - l->nodes)
		rc = diag_at(l->err, n->pos, "more than %d nodes, aliases expanded (the limit of a YAML file)",
			     CONF_MAX_NODES);
	else if (f && f->n->type == CONF_MAP && f->len % 2 == 0 && n->type != CONF_SCALAR)
		rc = diag_at(l->err, n->pos, "expected a scalar key");
	else if (f && f->n->type == CONF_MAP && f->len % 2 == 0 && duplicate_key(f, n->str))
		rc = diag_at(l->err, n->pos, "duplicate key '%s'", n->str);
	if (rc < 0) {
		free_node(n);
		return -1;
	}
	l->nodes += nodes;
	if (!f) {
		l->root = n;
		return 0;
	}
	/* a NULL after the last item, so that free_node() can free a key without its value */
	xgrow(&f->n->items, &f->cap, f->len + 2, sizeof *f->n->items);
	f->n->items[f->len++] = n;
	f->n->items[f->len] = NULL;
	f->n->n = f->n->type == CONF_MAP ? (f->len + 1) / 2 : f->len;
	if (height > f->height)
		f->height = height;
	return 0;
}

static void name_anchor(struct loader *l, const char *name, const struct conf_node *n, size_t nodes, int height)
{
	long i = strmap_get(l->anchor_ids, name);

	if (i < 0) {
		xgrow(&l->anchors, &l->anchors_cap, l->nanchors + 1, sizeof *l->anchors);
		i = (long)l->nanchors++;
		strmap_put(l->anchor_ids, name, i);
	}
	l->anchors[i] = (struct anchor){n, nodes, height};
}

static struct conf_node *new_node(const struct loader *l, enum conf_type type, yaml_mark_t m)
{
	struct conf_node *n = xcalloc(1, sizeof *n);

	n->type = type;
	n->pos = mark_pos(l->file, m);
	return n;
}

/* One event of the first document; sets *done at its end. */
static int event(struct loader *l, const yaml_event_t *e, bool *done)
{
	struct pos at = mark_pos(l->file, e->start_mark);
	const char *anchor = NULL;
	struct conf_node *n;
	struct frame *f;
	long a;

	switch (e->type) {
	case YAML_SCALAR_EVENT:
		n = new_node(l, CONF_SCALAR, e->start_mark);
		n->str = xstrndup((const char *)e->data.scalar.value, e->data.scalar.length);
		if (attach(l, n, 1, 0) < 0)
			return -1;
		if (e->data.scalar.anchor)
			name_anchor(l, (const char *)e->data.scalar.anchor, n, 1, 0);
		return 0;
	case YAML_ALIAS_EVENT:
		if ((a = strmap_get(l->anchor_ids, (const char *)e->data.alias.anchor)) < 0)
			return diag_at(l->err, at, "alias '*%s' has no anchor before it", e->data.alias.anchor);
		if (l->depth + l->anchors[a].height > CONF_MAX_DEPTH)
			return diag_at(l->err, at, "nested deeper than %d levels, aliases expanded "
				       "(the limit of a YAML file)", CONF_MAX_DEPTH);
		if (l->anchors[a].nodes > CONF_MAX_NODES - l->nodes)	/* before copying */
			return diag_at(l->err, at, "more than %d nodes, aliases expanded (the limit of a YAML file)",
				       CONF_MAX_NODES);
		return attach(l, copy(l->anchors[a].n), l->anchors[a].nodes, l->anchors[a].height);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (l->depth == CONF_MAX_DEPTH)
			return diag_at(l->err, at, "nested deeper than %d levels (the limit of a YAML file)",
				       CONF_MAX_DEPTH);
		if (e->type == YAML_SEQUENCE_START_EVENT) {
			n = new_node(l, CONF_SEQ, e->start_mark);
			anchor = (const char *)e->data.sequence_start.anchor;
		} else {
			n = new_node(l, CONF_MAP, e->start_mark);
			anchor = (const char *)e->data.mapping_start.anchor;
		}
		f = &l->stack[l->depth];
		*f = (struct frame){.n = n, .first = l->nodes};
		if (attach(l, n, 1, 0) < 0)
			return -1;
		f->anchor = anchor ? xstrdup(anchor) : NULL;
		l->depth++;
		return 0;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		f = &l->stack[--l->depth];
		if (l->depth && f->height + 1 > l->stack[l->depth - 1].height)
			l->stack[l->depth - 1].height = f->height + 1;
		if (f->anchor)
			name_anchor(l, f->anchor, f->n, l->nodes - f->first, f->height + 1);
		strmap_free(f->keys);
		free(f->anchor);
		return 0;
	case YAML_DOCUMENT_END_EVENT:
	case YAML_STREAM_END_EVENT:
		*done = true;
		return 0;
	default:
		return 0;
	}
}

struct conf_node *conf_load(const char *path, struct diag *err)
{
	struct loader l = {.err = err};
	yaml_parser_t parser;
	yaml_event_t e;
	bool done = false;
	char *file;
	int rc = 0;

	if (!(l.fp = fopen(path, "rb"))) {
		diag_sys(err, "open", path);
		return NULL;
	}
	l.file = file = xstrdup(path);
	l.anchor_ids = strmap_new();
	yaml_parser_initialize(&parser);
	yaml_parser_set_input(&parser, read_input, &l);
	while (rc == 0 && !done) {
		if (!yaml_parser_parse(&parser, &e)) {
			if (l.read_errno > 0) {
				errno = l.read_errno;
				rc = diag_sys(err, "read", path);
			} else if (l.read_errno < 0) {
				rc = diag_at(err, mark_pos(file, parser.mark),
					     "larger than %d bytes (the limit of a YAML file)", CONF_MAX_BYTES);
			} else {
				rc = diag_at(err, parser.error == YAML_READER_ERROR ?
						  offset_pos(file, l.fp, parser.problem_offset) :
						  mark_pos(file, parser.problem_mark),
					     "%s", parser.problem ? parser.problem : "out of memory");
			}
			break;
		}
		rc = event(&l, &e, &done);
		yaml_event_delete(&e);
	}
	while (l.depth > 0) {	/* after an error: the open lists and maps */
		strmap_free(l.stack[--l.depth].keys);
		free(l.stack[l.depth].anchor);
	}
	strmap_free(l.anchor_ids);
	free(l.anchors);
	yaml_parser_delete(&parser);
	fclose(l.fp);
	if (rc < 0) {
		free_node(l.root);
		free(file);
		return NULL;
	}
	if (!l.root) {	/* an empty file */
		l.root = xcalloc(1, sizeof *l.root);
		l.root->type = CONF_MAP;
		l.root->pos = (struct pos){file, 1, 1};
	}
	/* the root owns the file name; every pos in the tree points at it */
	return l.root;
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

int conf_choose(const struct conf_node *v, const char *what, const char *const list[], struct diag *err)
{
	struct buf b = {0};

	for (int i = 0; list[i]; i++)
		if (strcmp(list[i], v->str) == 0)
			return i;
	for (int i = 0; list[i]; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", list[i]);
	diag_at(err, v->pos, "unknown %s '%s' (expected one of: %s)", what, v->str, b.data);
	free(b.data);
	return -1;
}
