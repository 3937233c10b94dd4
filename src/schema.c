/* schema.c - the schema folder (relations.yaml, actor files) -> struct schema, references checked. */
#include "schema.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "text.h"
#include "util.h"

static const char *const kind_names[] = {"state", "person", "organization", "group", "place", NULL};

const char *schema_kind_name(enum actor_kind k)
{
	return kind_names[k];
}

/* Dates of any precision compare as strings: "2024-11-13" < "2025" <= "2025-01-20". */
bool schema_role_holds(const struct role *r, const char *date)
{
	if (!date)
		return !r->to;
	return (!r->from || strcmp(r->from, date) <= 0) && (!r->to || strcmp(date, r->to) < 0);
}

bool schema_title_has(const char *title, const char *phrase)
{
	size_t n = strlen(phrase);

	for (const char *p = title; *p; p++)
		if ((p == title || !isalnum((unsigned char)p[-1])) && strncasecmp(p, phrase, n) == 0 &&
		    !isalnum((unsigned char)p[n]))
			return true;
	return false;
}

int schema_actor(const struct schema *s, const char *id)
{
	return (int)strmap_get(s->actor_ids, id);
}

int schema_reltype(const struct schema *s, const char *id)
{
	for (size_t i = 0; i < s->nrels; i++)
		if (strcmp(s->rels[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* Index of 'v' in the NULL-terminated list, or a diag naming the choices. */
static int choose(const struct conf_node *v, const char *what, const char *const list[],
		  struct diag *err)
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

/* Ids are ASCII slugs: they become GraphML node ids and file-safe names. */
static int check_id(const struct conf_node *v, struct diag *err)
{
	const char *p = v->str;

	if (!isalpha((unsigned char)*p))
		return diag_at(err, v->pos, "id '%s' must start with a letter", v->str);
	for (; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-' && *p != '.')
			return diag_at(err, v->pos,
				       "id '%s' may hold only letters, digits, '_', '-' and '.'", v->str);
	return 0;
}

/* Dates are YYYY, YYYY-MM or YYYY-MM-DD. */
static int check_date(const struct conf_node *v, struct diag *err)
{
	const char *p = v->str;
	size_t n = strlen(p);
	bool ok = n == 4 || n == 7 || n == 10;

	for (size_t i = 0; ok && i < n; i++)
		ok = (i == 4 || i == 7) ? p[i] == '-' : isdigit((unsigned char)p[i]) != 0;
	if (!ok)
		return diag_at(err, v->pos, "expected a date YYYY-MM-DD, found '%s'", p);
	return 0;
}

long schema_add_name(struct schema *s, int actor, const char *text, enum name_form form)
{
	char *key = text_key(text);
	long prev = strmap_get(s->name_keys, key);
	struct name *nm;

	if (!key[0] || (prev >= 0 && form != FORM_SURNAME && s->names[prev].form != FORM_SURNAME &&
			s->names[prev].actor != actor)) {
		free(key);
		return -1;
	}
	xgrow(&s->names, &s->names_cap, s->nnames + 1, sizeof *s->names);
	nm = &s->names[s->nnames];
	nm->text = xstrdup(text);
	nm->key = key;
	nm->actor = actor;
	nm->form = form;
	if (prev < 0)
		strmap_put(s->name_keys, key, (long)s->nnames);
	return (long)s->nnames++;
}

static int add_name(struct schema *s, const struct conf_node *v, int actor, enum name_form form,
		    struct diag *err)
{
	long prev;
	char *key;

	if (schema_add_name(s, actor, v->str, form) >= 0)
		return 0;
	key = text_key(v->str);
	prev = strmap_get(s->name_keys, key);
	free(key);
	if (prev < 0)
		return diag_at(err, v->pos, "empty name");
	return diag_at(err, v->pos, "name '%s' already names actor '%s'", v->str,
		       s->actors[s->names[prev].actor].id);
}

int schema_add_actor(struct schema *s, const char *id, const char *label, enum actor_kind kind)
{
	long idx = strmap_get(s->actor_ids, id);
	struct actor *act;

	if (idx >= 0)
		return (int)idx;
	xgrow(&s->actors, &s->actors_cap, s->nactors + 1, sizeof *s->actors);
	act = &s->actors[s->nactors];
	memset(act, 0, sizeof *act);
	act->id = xstrdup(id);
	act->label = xstrdup(label);
	act->kind = kind;
	act->part_of = -1;
	strmap_put(s->actor_ids, id, (long)s->nactors);
	return (int)s->nactors++;
}

struct loader {
	struct schema *s;
	size_t rels_cap, trig_cap;
	struct conf_node **files;	/* kept until references are resolved */
	size_t nfiles, files_cap;
};

/* References between actors may point forward, so they are resolved after
 * all files are read; these are the nodes that name them. */
struct ref {
	const struct conf_node *node;
	int *slot;
};

static int parse_names(struct loader *L, const struct conf_node *a, const char *key, int actor,
		       enum name_form form, struct diag *err)
{
	const struct conf_node **v;
	size_t n;

	if (conf_strings(a, key, &v, &n, err) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (add_name(L->s, v[i], actor, form, err) < 0)
			return -1;
	return 0;
}

static int parse_role(struct actor *act, const struct conf_node *r, struct ref **refs, size_t *nrefs,
		      size_t *refs_cap, struct diag *err)
{
	static const char *const keys[] = {"of", "title", "from", "to", NULL};
	const char *title = NULL, *from = NULL, *to = NULL, *of = NULL;
	struct role *role;

	if (conf_expect(r, CONF_MAP, "a role", err) < 0 || conf_check_keys(r, keys, err) < 0 ||
	    conf_string(r, "of", true, &of, err) < 0 || conf_string(r, "title", false, &title, err) < 0 ||
	    conf_string(r, "from", false, &from, err) < 0 || conf_string(r, "to", false, &to, err) < 0)
		return -1;
	if ((from && check_date(conf_get(r, "from"), err) < 0) ||
	    (to && check_date(conf_get(r, "to"), err) < 0))
		return -1;
	role = &act->roles[act->nroles++];
	role->of = -1;
	role->title = title ? xstrdup(title) : NULL;
	role->from = from ? xstrdup(from) : NULL;
	role->to = to ? xstrdup(to) : NULL;
	xgrow(refs, refs_cap, *nrefs + 1, sizeof **refs);
	(*refs)[(*nrefs)++] = (struct ref){conf_get(r, "of"), &role->of};
	return 0;
}

/* A member: an actor id, or {id, from, to}. */
static int parse_member(struct actor *act, const struct conf_node *m, struct ref **refs, size_t *nrefs,
			size_t *refs_cap, struct diag *err)
{
	static const char *const keys[] = {"id", "from", "to", NULL};
	const char *from = NULL, *to = NULL;
	const struct conf_node *id = m;
	struct role *r;

	if (m->type == CONF_MAP) {
		if (conf_check_keys(m, keys, err) < 0 || conf_string(m, "from", false, &from, err) < 0 ||
		    conf_string(m, "to", false, &to, err) < 0)
			return -1;
		if (!(id = conf_get(m, "id")))
			return diag_at(err, m->pos, "missing key 'id'");
		if ((from && check_date(conf_get(m, "from"), err) < 0) ||
		    (to && check_date(conf_get(m, "to"), err) < 0))
			return -1;
	}
	if (conf_expect(id, CONF_SCALAR, "a member id", err) < 0)
		return -1;
	r = &act->members[act->nmembers++];
	r->of = -1;
	r->title = NULL;
	r->from = from ? xstrdup(from) : NULL;
	r->to = to ? xstrdup(to) : NULL;
	xgrow(refs, refs_cap, *nrefs + 1, sizeof **refs);
	(*refs)[(*nrefs)++] = (struct ref){id, &r->of};
	return 0;
}

static int parse_actor(struct loader *L, const struct conf_node *a, struct ref **refs, size_t *nrefs,
		       size_t *refs_cap, struct diag *err)
{
	static const char *const keys[] = {"id", "label", "kind", "names", "adjectives", "seats",
					   "surname", "surname_alone", "part_of", "roles", "members", NULL};
	struct schema *s = L->s;
	const struct conf_node *v, *roles, *members;
	const char *id = NULL, *label = NULL, *surname = NULL;
	struct actor *act;
	int idx, kind;

	if (conf_expect(a, CONF_MAP, "an actor", err) < 0 || conf_check_keys(a, keys, err) < 0 ||
	    conf_string(a, "id", true, &id, err) < 0 || conf_string(a, "label", true, &label, err) < 0 ||
	    conf_string(a, "surname", false, &surname, err) < 0)
		return -1;
	if (check_id(conf_get(a, "id"), err) < 0)
		return -1;
	if (!(v = conf_get(a, "kind")))
		return diag_at(err, a->pos, "missing key 'kind'");
	if (conf_expect(v, CONF_SCALAR, "kind", err) < 0 || (kind = choose(v, "kind", kind_names, err)) < 0)
		return -1;
	if (strmap_get(s->actor_ids, id) >= 0)
		return diag_at(err, conf_get(a, "id")->pos, "duplicate actor id '%s'", id);
	idx = schema_add_actor(s, id, label, (enum actor_kind)kind);
	act = &s->actors[idx];

	if (add_name(s, conf_get(a, "label"), idx, FORM_NAME, err) < 0 ||
	    parse_names(L, a, "names", idx, FORM_NAME, err) < 0 ||
	    parse_names(L, a, "adjectives", idx, FORM_ADJECTIVE, err) < 0 ||
	    parse_names(L, a, "seats", idx, FORM_SEAT, err) < 0)
		return -1;
	if (conf_bool(a, "surname_alone", &act->surname_alone, err) < 0)
		return -1;
	if (act->surname_alone && kind != KIND_PERSON)
		return diag_at(err, conf_get(a, "surname_alone")->pos, "only persons have a surname");
	if (kind == KIND_PERSON) {	/* a surname refers back to a person named in full */
		const char *sp = strrchr(label, ' ');
		struct conf_node sn = {.type = CONF_SCALAR, .pos = conf_get(a, "label")->pos};

		sn.str = (char *)(surname ? surname : sp ? sp + 1 : NULL);
		if (surname)
			sn.pos = conf_get(a, "surname")->pos;
		if (sn.str && add_name(s, &sn, idx, FORM_SURNAME, err) < 0)
			return -1;
	} else if (surname) {
		return diag_at(err, conf_get(a, "surname")->pos, "only persons have a surname");
	}
	if ((v = conf_get(a, "part_of"))) {
		if (conf_expect(v, CONF_SCALAR, "part_of", err) < 0)
			return -1;
		xgrow(refs, refs_cap, *nrefs + 1, sizeof **refs);
		(*refs)[(*nrefs)++] = (struct ref){v, &act->part_of};
	}
	if ((roles = conf_get(a, "roles"))) {
		if (conf_expect(roles, CONF_SEQ, "roles", err) < 0)
			return -1;
		act->roles = xcalloc(roles->n, sizeof *act->roles);
		for (size_t i = 0; i < roles->n; i++)
			if (parse_role(act, roles->items[i], refs, nrefs, refs_cap, err) < 0)
				return -1;
	}
	if ((members = conf_get(a, "members"))) {
		if (conf_expect(members, CONF_SEQ, "members", err) < 0)
			return -1;
		act->members = xcalloc(members->n, sizeof *act->members);
		for (size_t i = 0; i < members->n; i++)
			if (parse_member(act, members->items[i], refs, nrefs, refs_cap, err) < 0)
				return -1;
	}
	return 0;
}

static int parse_trigger(struct loader *L, const struct conf_node *t, int rel, struct diag *err)
{
	static const char *const keys[] = {"id", "form", "words", "objects", "reverse", "mutual", NULL};
	static const char *const forms[] = {"verb", "noun", "title", "led", "member", NULL};
	struct schema *s = L->s;
	const struct conf_node **words, **objects, *v;
	size_t nwords, nobjects;
	const char *id = NULL;
	bool reverse = false, mutual = false;
	int form;

	if (conf_expect(t, CONF_MAP, "a trigger", err) < 0 || conf_check_keys(t, keys, err) < 0 ||
	    conf_string(t, "id", true, &id, err) < 0 || conf_bool(t, "reverse", &reverse, err) < 0 ||
	    conf_bool(t, "mutual", &mutual, err) < 0 ||
	    conf_strings(t, "words", &words, &nwords, err) < 0 ||
	    conf_strings(t, "objects", &objects, &nobjects, err) < 0)
		return -1;
	if (check_id(conf_get(t, "id"), err) < 0)
		return -1;
	for (size_t i = 0; i < s->ntriggers; i++)
		if (strcmp(s->triggers[i].id, id) == 0)
			return diag_at(err, conf_get(t, "id")->pos, "duplicate trigger id '%s'", id);
	if (!(v = conf_get(t, "form")))
		return diag_at(err, t->pos, "missing key 'form'");
	if (conf_expect(v, CONF_SCALAR, "form", err) < 0 || (form = choose(v, "form", forms, err)) < 0)
		return -1;
	if (!nwords)
		return diag_at(err, t->pos, "trigger '%s' has no words", id);
	for (size_t i = 0; i < nwords; i++) {
		struct trigger *tr;

		xgrow(&s->triggers, &L->trig_cap, s->ntriggers + 1, sizeof *s->triggers);
		tr = &s->triggers[s->ntriggers++];
		memset(tr, 0, sizeof *tr);
		tr->id = xstrdup(id);
		tr->rel = rel;
		tr->form = (enum trig_form)form;
		tr->text = xstrdup(words[i]->str);
		tr->key = text_key(words[i]->str);
		tr->reverse = reverse;
		tr->mutual = mutual;
		if (!tr->key[0])
			return diag_at(err, words[i]->pos, "empty trigger word");
		tr->nobjects = nobjects;
		tr->objects = xcalloc(nobjects, sizeof *tr->objects);
		for (size_t j = 0; j < nobjects; j++)
			tr->objects[j] = text_key(objects[j]->str);
	}
	return 0;
}

static int parse_reltype(struct loader *L, const struct conf_node *r, struct diag *err)
{
	static const char *const keys[] = {"id", "directed", "sign", "cameo", "color", "triggers", NULL};
	static const char *const signs[] = {"negative", "neutral", "positive", NULL};
	struct schema *s = L->s;
	const char *id = NULL, *cameo = "", *color = "#555555";
	const struct conf_node *v, *trig;
	struct reltype *rt;
	bool directed = true;
	int sign = 1, idx;

	if (conf_expect(r, CONF_MAP, "a relation type", err) < 0 || conf_check_keys(r, keys, err) < 0 ||
	    conf_string(r, "id", true, &id, err) < 0 || conf_string(r, "cameo", false, &cameo, err) < 0 ||
	    conf_string(r, "color", false, &color, err) < 0 ||
	    conf_bool(r, "directed", &directed, err) < 0)
		return -1;
	if (check_id(conf_get(r, "id"), err) < 0)
		return -1;
	if (schema_reltype(s, id) >= 0)
		return diag_at(err, conf_get(r, "id")->pos, "duplicate relation type '%s'", id);
	if ((v = conf_get(r, "sign")) &&
	    (conf_expect(v, CONF_SCALAR, "sign", err) < 0 || (sign = choose(v, "sign", signs, err)) < 0))
		return -1;
	if ((v = conf_get(r, "color"))) {
		bool ok = strlen(color) == 7 && color[0] == '#';

		for (int i = 1; ok && i < 7; i++)
			ok = isxdigit((unsigned char)color[i]) != 0;
		if (!ok)
			return diag_at(err, v->pos, "expected a colour #rrggbb, found '%s'", color);
	}
	idx = (int)s->nrels;
	xgrow(&s->rels, &L->rels_cap, s->nrels + 1, sizeof *s->rels);
	rt = &s->rels[s->nrels++];
	rt->id = xstrdup(id);
	rt->directed = directed;
	rt->sign = (enum sign)(sign - 1);
	rt->cameo = xstrdup(cameo);
	rt->color = xstrdup(color);
	if ((trig = conf_get(r, "triggers"))) {
		if (conf_expect(trig, CONF_SEQ, "triggers", err) < 0)
			return -1;
		for (size_t i = 0; i < trig->n; i++)
			if (parse_trigger(L, trig->items[i], idx, err) < 0)
				return -1;
	}
	return 0;
}

static int load_relations(struct loader *L, const char *path, struct diag *err)
{
	static const char *const keys[] = {"relations", "hypothetical", NULL};
	struct conf_node *root = conf_load(path, err);
	const struct conf_node *rels, **hyp;
	size_t nhyp;
	int rc = -1;

	if (!root)
		return -1;
	if (conf_expect(root, CONF_MAP, "the relations file", err) < 0 ||
	    conf_check_keys(root, keys, err) < 0)
		goto out;
	if (!(rels = conf_get(root, "relations"))) {
		diag_at(err, root->pos, "missing key 'relations'");
		goto out;
	}
	if (conf_expect(rels, CONF_SEQ, "relations", err) < 0)
		goto out;
	for (size_t i = 0; i < rels->n; i++)
		if (parse_reltype(L, rels->items[i], err) < 0)
			goto out;
	if (conf_strings(root, "hypothetical", &hyp, &nhyp, err) < 0)
		goto out;
	L->s->hypothetical = xcalloc(nhyp, sizeof *L->s->hypothetical);
	for (size_t i = 0; i < nhyp; i++)
		L->s->hypothetical[L->s->nhypothetical++] = text_key(hyp[i]->str);
	rc = 0;
out:
	conf_free(root);
	return rc;
}

static int load_actors(struct loader *L, const char *path, struct ref **refs, size_t *nrefs,
		       size_t *refs_cap, struct diag *err)
{
	static const char *const keys[] = {"actors", NULL};
	struct conf_node *root = conf_load(path, err);
	const struct conf_node *list;

	if (!root)
		return -1;
	xgrow(&L->files, &L->files_cap, L->nfiles + 1, sizeof *L->files);
	L->files[L->nfiles++] = root;
	if (conf_expect(root, CONF_MAP, "an actors file", err) < 0 || conf_check_keys(root, keys, err) < 0)
		return -1;
	if (!(list = conf_get(root, "actors")))
		return diag_at(err, root->pos, "missing key 'actors'");
	if (conf_expect(list, CONF_SEQ, "actors", err) < 0)
		return -1;
	for (size_t i = 0; i < list->n; i++)
		if (parse_actor(L, list->items[i], refs, nrefs, refs_cap, err) < 0)
			return -1;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The actor files of 'dir': every *.yaml but relations.yaml, sorted. */
static int list_actor_files(const char *dir, char ***out, size_t *n, struct diag *err)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	if (!dp)
		return diag_sys(err, "open schema directory", dir);
	while ((e = readdir(dp))) {
		size_t len = strlen(e->d_name);
		struct buf path = {0};

		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0 ||
		    strcmp(e->d_name, "relations.yaml") == 0 || e->d_name[0] == '.')
			continue;
		buf_printf(&path, "%s/%s", dir, e->d_name);
		xgrow(out, &cap, *n + 1, sizeof **out);
		(*out)[(*n)++] = path.data;
	}
	closedir(dp);
	qsort(*out, *n, sizeof **out, cmp_str);
	return 0;
}

struct schema *schema_load(const char *dir, struct diag *err)
{
	struct schema *s = xcalloc(1, sizeof *s);
	struct loader L = {.s = s};
	struct ref *refs = NULL;
	size_t nrefs = 0, refs_cap = 0, nfiles = 0;
	char **files = NULL;
	struct buf rpath = {0};
	int rc = -1;

	s->dir = xstrdup(dir);
	s->actor_ids = strmap_new();
	s->name_keys = strmap_new();
	buf_printf(&rpath, "%s/relations.yaml", dir);
	if (load_relations(&L, rpath.data, err) < 0 || list_actor_files(dir, &files, &nfiles, err) < 0)
		goto out;
	for (size_t i = 0; i < nfiles; i++)
		if (load_actors(&L, files[i], &refs, &nrefs, &refs_cap, err) < 0)
			goto out;
	for (size_t i = 0; i < nrefs; i++) {
		int a = schema_actor(s, refs[i].node->str);

		if (a < 0) {
			diag_at(err, refs[i].node->pos, "unknown actor '%s'", refs[i].node->str);
			goto out;
		}
		*refs[i].slot = a;
	}
	rc = 0;
out:
	for (size_t i = 0; i < L.nfiles; i++)
		conf_free(L.files[i]);
	free(L.files);
	for (size_t i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	free(refs);
	free(rpath.data);
	if (rc < 0) {
		schema_free(s);
		return NULL;
	}
	return s;
}

void schema_free(struct schema *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nactors; i++) {
		struct actor *a = &s->actors[i];

		for (size_t j = 0; j < a->nroles; j++) {
			free(a->roles[j].title);
			free(a->roles[j].from);
			free(a->roles[j].to);
		}
		for (size_t j = 0; j < a->nmembers; j++) {
			free(a->members[j].from);
			free(a->members[j].to);
		}
		free(a->roles);
		free(a->members);
		free(a->id);
		free(a->label);
	}
	for (size_t i = 0; i < s->nnames; i++) {
		free(s->names[i].text);
		free(s->names[i].key);
	}
	for (size_t i = 0; i < s->nrels; i++) {
		free(s->rels[i].id);
		free(s->rels[i].cameo);
		free(s->rels[i].color);
	}
	for (size_t i = 0; i < s->ntriggers; i++) {
		struct trigger *t = &s->triggers[i];

		for (size_t j = 0; j < t->nobjects; j++)
			free(t->objects[j]);
		free(t->objects);
		free(t->id);
		free(t->text);
		free(t->key);
	}
	for (size_t i = 0; i < s->nhypothetical; i++)
		free(s->hypothetical[i]);
	free(s->hypothetical);
	free(s->actors);
	free(s->names);
	free(s->rels);
	free(s->triggers);
	strmap_free(s->actor_ids);
	strmap_free(s->name_keys);
	free(s->dir);
	free(s);
}
