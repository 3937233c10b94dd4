/* conf.h - YAML files (schema, recipes) as a small tree with positions; wraps libyaml. */
#ifndef CONF_H
#define CONF_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum conf_type { CONF_SCALAR, CONF_SEQ, CONF_MAP };

struct conf_node {
	enum conf_type type;
	struct pos pos;		/* where the node starts */
	char *str;		/* CONF_SCALAR: the text */
	size_t n;		/* CONF_SEQ: items; CONF_MAP: key/value pairs */
	struct conf_node **items;	/* CONF_MAP: keys at 2i, values at 2i+1 */
};

/* What a YAML file may hold, so that a hostile one is refused before it costs
 * time or memory: its size in bytes, lists and maps nested in one another,
 * and the nodes of its tree. An alias is expanded as a copy of its anchor's
 * nodes, which count too, so an alias bomb is refused at the alias that would
 * pass the limit, before it is copied. */
enum { CONF_MAX_BYTES = 8 << 20, CONF_MAX_DEPTH = 64, CONF_MAX_NODES = 1000000 };

/* Load the first document of the YAML file 'path'. Returns its root, which the
 * caller frees with conf_free(), or NULL with err set. Duplicate keys in a
 * mapping, non-scalar keys, aliases without an anchor before them and
 * passing a limit are errors. An empty file gives an empty map. */
struct conf_node *conf_load(const char *path, struct diag *err);
void conf_free(struct conf_node *root);	/* root may be NULL */

/* Checks that fill err ("file:line:col: expected ...") and return -1 on failure. */
int conf_expect(const struct conf_node *n, enum conf_type type, const char *what, struct diag *err);
/* Every key of map n must be one of 'keys' (NULL-terminated). */
int conf_check_keys(const struct conf_node *n, const char *const keys[], struct diag *err);
/* The value of 'key' in map n, or NULL. */
const struct conf_node *conf_get(const struct conf_node *n, const char *key);
/* A scalar value of 'key'; *out is left alone when the key is absent unless required. */
int conf_string(const struct conf_node *map, const char *key, bool required, const char **out,
		struct diag *err);
int conf_bool(const struct conf_node *map, const char *key, bool *out, struct diag *err);
/* The index of scalar v in 'list' (NULL-terminated), or -1 with err naming
 * the choices: "unknown WHAT 'x' (expected one of: a, b)". */
int conf_choose(const struct conf_node *v, const char *what, const char *const list[], struct diag *err);
/* A scalar or a sequence of scalars under 'key' (absent: *n = 0). */
int conf_strings(const struct conf_node *map, const char *key, const struct conf_node ***items,
		 size_t *n, struct diag *err);

#endif
