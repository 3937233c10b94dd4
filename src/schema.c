/* schema.c - the schema folder (relations.yaml, actor files) -> struct schema, references checked. */
#include "schema.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "inflect.h"
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

int schema_side(const struct schema *s, int a, const char *date)
{
	const struct actor *act = &s->actors[a];

	for (size_t r = act->nroles; r-- > 0;)
		if (schema_role_holds(&act->roles[r], date))
			return act->roles[r].of;
	if (act->nroles)	/* no role that day: the latest one still tells the side */
		return act->roles[act->nroles - 1].of;
	return act->part_of >= 0 ? act->part_of : a;
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
	return date_check(v->str, true, v->pos, err);
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

void schema_forget_names(struct schema *s, size_t n)
{
	while (s->nnames > n) {
		struct name *nm = &s->names[--s->nnames];

		if (strmap_get(s->name_keys, nm->key) == (long)s->nnames)
			strmap_put(s->name_keys, nm->key, -1);	/* absent again */
		free(nm->text);
		free(nm->key);
	}
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

	if (idx >= 0) {
		act = &s->actors[idx];
		if ((size_t)idx >= s->nloaded && strcmp(label, act->label) < 0) {
			free(act->label);
			act->label = xstrdup(label);
		}
		return (int)idx;
	}
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

/* A relation type named by triggers [first, end) before it may be defined. */
struct pending {
	const struct conf_node *name;
	size_t first, end;
};

struct loader {
	struct schema *s;
	size_t rels_cap, trig_cap;
	struct conf_node **files;	/* kept until references are resolved */
	size_t nfiles, files_cap;
	struct pending *person_rels;	/* 'person_relation' names, resolved once all types are read */
	size_t nperson_rels, person_rels_cap;
	struct strmap *irregular;	/* verb lemma -> index in irregular_forms */
	const struct conf_node **irregular_forms;	/* a scalar or a sequence of forms */
	size_t nirregular, irregular_cap;
	struct strmap *trigger_keys;	/* each trigger's id, and "id key" of each of its forms */
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
	char *clean;
	int idx, kind;

	if (conf_expect(a, CONF_MAP, "an actor", err) < 0 || conf_check_keys(a, keys, err) < 0 ||
	    conf_string(a, "id", true, &id, err) < 0 || conf_string(a, "label", true, &label, err) < 0 ||
	    conf_string(a, "surname", false, &surname, err) < 0)
		return -1;
	if (check_id(conf_get(a, "id"), err) < 0)
		return -1;
	if (!(v = conf_get(a, "kind")))
		return diag_at(err, a->pos, "missing key 'kind'");
	if (conf_expect(v, CONF_SCALAR, "kind", err) < 0 || (kind = conf_choose(v, "kind", kind_names, err)) < 0)
		return -1;
	if (strmap_get(s->actor_ids, id) >= 0)
		return diag_at(err, conf_get(a, "id")->pos, "duplicate actor id '%s'", id);
	clean = utf8_clean(xstrdup(label));	/* the label reaches every output */
	idx = schema_add_actor(s, id, clean, (enum actor_kind)kind);
	free(clean);
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

/* The irregular forms of 'lemma' ("met" for "meet"), from the schema's lists. */
static void irregular_forms(const struct loader *L, const char *lemma, const struct conf_node ***forms,
			    size_t *n)
{
	long i = L->irregular ? strmap_get(L->irregular, lemma) : -1;
	const struct conf_node *v = i >= 0 ? L->irregular_forms[i] : NULL;

	*forms = NULL;
	*n = 0;
	if (v && v->type == CONF_SCALAR) {
		*forms = (const struct conf_node **)&L->irregular_forms[i];
		*n = 1;
	} else if (v) {
		*forms = (const struct conf_node **)v->items;
		*n = v->n;
	}
}

/* What the forms of one trigger word share. */
struct trigger_spec {
	const char *id;
	int rel, form, person_rel;
	bool reverse, mutual;
	const struct conf_node **objects;
	size_t nobjects;
};

/* Add 'text' as a matchable form of trigger 'ts' (its written lemma unless 'inflected'). */
static void add_trigger(struct loader *L, const struct trigger_spec *ts, const char *text, bool inflected)
{
	struct schema *s = L->s;
	struct trigger *tr;
	char *key = text_key(text);
	struct buf id_key = {0};
	long seen;

	buf_puts(&id_key, ts->id);
	buf_add(&id_key, " ", 1);
	buf_puts(&id_key, key);
	seen = strmap_put(L->trigger_keys, id_key.data, 1);
	free(id_key.data);
	if (seen >= 0) {	/* "ally" and "allies" both written */
		free(key);
		return;
	}
	xgrow(&s->triggers, &L->trig_cap, s->ntriggers + 1, sizeof *s->triggers);
	tr = &s->triggers[s->ntriggers++];
	*tr = (struct trigger){.id = xstrdup(ts->id), .rel = ts->rel, .form = (enum trig_form)ts->form,
			       .text = xstrdup(text), .key = key, .inflected = inflected,
			       .person_rel = ts->person_rel, .reverse = ts->reverse, .mutual = ts->mutual,
			       .nobjects = ts->nobjects};
	tr->objects = xcalloc(ts->nobjects, sizeof *tr->objects);
	for (size_t j = 0; j < ts->nobjects; j++)
		tr->objects[j] = text_key(ts->objects[j]->str);
}

/* A trigger word is a lemma phrase: every inflection of its head word
 * ("impose sanctions on" -> "imposed sanctions on", "sanction on" ->
 * "sanctions on") is a form of the trigger too. Titles, "led by" and
 * "member" words are matched as written. */
static int add_trigger_forms(struct loader *L, const struct trigger_spec *ts, const struct conf_node *word,
			     struct diag *err)
{
	enum { MAX_WORDS = 16 };
	const char *w[MAX_WORDS + 1];
	char *copy = xstrdup(word->str), forms[INFLECT_MAX][INFLECT_LEN], *save = NULL;
	const struct conf_node **irr = NULL;
	size_t n = 0, h, nforms, nirr = 0;
	enum word_class wc = ts->form == TRIG_VERB ? INFLECT_VERB : INFLECT_NOUN;
	bool letters = false;

	for (const unsigned char *p = (const unsigned char *)word->str; *p; p++)
		letters = letters || isalnum(*p) || *p >= 0x80;
	for (char *p = strtok_r(copy, " ", &save); p && n <= MAX_WORDS; p = strtok_r(NULL, " ", &save))
		w[n++] = p;
	if (!letters || n > MAX_WORDS) {
		free(copy);
		return diag_at(err, word->pos, !letters ? "a trigger word needs a letter or a digit" :
			       "trigger word of more than 16 words");
	}
	if (ts->form != TRIG_VERB && ts->form != TRIG_NOUN && ts->form != TRIG_NONE) {
		add_trigger(L, ts, word->str, false);
		free(copy);
		return 0;
	}
	h = inflect_head(w, n, wc);
	nforms = inflect(w[h], wc, forms);
	if (wc == INFLECT_VERB)	/* "struck", but no noun "strike on" is "struck on" */
		irregular_forms(L, w[h], &irr, &nirr);
	for (size_t f = 0; f < nforms + nirr; f++) {
		struct buf phrase = {0};

		for (size_t i = 0; i < n; i++) {	/* form 0 is the head as written, however long */
			if (i)
				buf_add(&phrase, " ", 1);
			buf_puts(&phrase, i != h || f == 0 ? w[i] : f < nforms ? forms[f] : irr[f - nforms]->str);
		}
		add_trigger(L, ts, phrase.data, f > 0);
		free(phrase.data);
	}
	free(copy);
	return 0;
}

/* A trigger of relation type 'rel', or of the type its 'relation' key names
 * when rel is -1 (the trigger files relations-*.yaml). */
static int parse_trigger(struct loader *L, const struct conf_node *t, int rel, struct diag *err)
{
	static const char *const keys[] = {"id", "relation", "form", "words", "objects", "reverse", "mutual",
					   "person_relation", NULL};
	static const char *const forms[] = {"verb", "noun", "title", "led", "member", NULL};
	struct schema *s = L->s;
	const struct conf_node **words, *v;
	size_t nwords;
	const char *relation = NULL, *person_relation = NULL;
	struct trigger_spec ts = {.rel = rel, .person_rel = -1};
	size_t first;

	if (conf_expect(t, CONF_MAP, "a trigger", err) < 0 || conf_check_keys(t, keys, err) < 0 ||
	    conf_string(t, "id", true, &ts.id, err) < 0 || conf_bool(t, "reverse", &ts.reverse, err) < 0 ||
	    conf_bool(t, "mutual", &ts.mutual, err) < 0 ||
	    conf_string(t, "relation", rel < 0, &relation, err) < 0 ||
	    conf_string(t, "person_relation", false, &person_relation, err) < 0 ||
	    conf_strings(t, "words", &words, &nwords, err) < 0 ||
	    conf_strings(t, "objects", &ts.objects, &ts.nobjects, err) < 0)
		return -1;
	if (check_id(conf_get(t, "id"), err) < 0)
		return -1;
	if (rel >= 0 && relation)
		return diag_at(err, conf_get(t, "relation")->pos,
			       "a trigger inside a relation type names no 'relation'");
	if (rel < 0 && (ts.rel = schema_reltype(s, relation)) < 0)
		return diag_at(err, conf_get(t, "relation")->pos, "unknown relation type '%s'", relation);
	if (strmap_put(L->trigger_keys, ts.id, 1) >= 0)	/* an id has no space: no "id key" of a form */
		return diag_at(err, conf_get(t, "id")->pos, "duplicate trigger id '%s'", ts.id);
	if (!(v = conf_get(t, "form")))
		return diag_at(err, t->pos, "missing key 'form'");
	if (conf_expect(v, CONF_SCALAR, "form", err) < 0 || (ts.form = conf_choose(v, "form", forms, err)) < 0)
		return -1;
	if (!nwords)
		return diag_at(err, t->pos, "trigger '%s' has no words", ts.id);
	if (person_relation && ts.form != TRIG_VERB && ts.form != TRIG_NOUN)
		return diag_at(err, conf_get(t, "person_relation")->pos,
			       "only verb and noun triggers have a person_relation");
	first = s->ntriggers;
	for (size_t i = 0; i < nwords; i++)
		if (add_trigger_forms(L, &ts, words[i], err) < 0)
			return -1;
	if (person_relation) {	/* its type may come later in the file: resolved at the end */
		xgrow(&L->person_rels, &L->person_rels_cap, L->nperson_rels + 1, sizeof *L->person_rels);
		L->person_rels[L->nperson_rels++] =
			(struct pending){conf_get(t, "person_relation"), first, s->ntriggers};
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
	    (conf_expect(v, CONF_SCALAR, "sign", err) < 0 || (sign = conf_choose(v, "sign", signs, err)) < 0))
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
	rt->cameo = utf8_clean(xstrdup(cameo));
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

/* An irregular form is one word: "met", not "" or "came back". */
static int check_form(const struct conf_node *v, struct diag *err)
{
	if (conf_expect(v, CONF_SCALAR, "an irregular form", err) < 0)
		return -1;
	if (!v->str[0] || strpbrk(v->str, " \t"))
		return diag_at(err, v->pos, "an irregular form is one word, found '%s'", v->str);
	return 0;
}

/* 'irregular: {meet: met, fight: [fought]}': forms no spelling rule gives. */
static int parse_irregular(struct loader *L, const struct conf_node *root, struct diag *err)
{
	const struct conf_node *map = conf_get(root, "irregular");

	if (!map)
		return 0;
	if (conf_expect(map, CONF_MAP, "irregular", err) < 0)
		return -1;
	if (!L->irregular)
		L->irregular = strmap_new();
	for (size_t i = 0; i < map->n; i++) {
		const struct conf_node *v = map->items[2 * i + 1];

		if (v->type == CONF_SEQ) {
			for (size_t j = 0; j < v->n; j++)
				if (check_form(v->items[j], err) < 0)
					return -1;
		} else if (conf_expect(v, CONF_SCALAR, "an irregular form or a list of them", err) < 0 ||
			   check_form(v, err) < 0) {
			return -1;
		}
		if (strmap_get(L->irregular, map->items[2 * i]->str) >= 0)
			return diag_at(err, map->items[2 * i]->pos, "irregular forms of '%s' given twice",
				       map->items[2 * i]->str);
		xgrow(&L->irregular_forms, &L->irregular_cap, L->nirregular + 1, sizeof *L->irregular_forms);
		L->irregular_forms[L->nirregular] = v;
		strmap_put(L->irregular, map->items[2 * i]->str, (long)L->nirregular++);
	}
	return 0;
}

/* Is file name 'name' a trigger file that adds to relations.yaml's types? */
static bool trigger_file(const char *name)
{
	size_t len = strlen(name);

	return strncmp(name, "relations-", 10) == 0 && len >= 15 && strcmp(name + len - 5, ".yaml") == 0;
}

/* relations.yaml: the relation types, their triggers and the hypothetical
 * cues; then the trigger files relations-*.yaml ('triggers' naming their
 * 'relation'), in name order. Irregular forms from any of them apply to all. */
static int load_relations(struct loader *L, const char *dir, char **tfiles, size_t ntfiles, struct diag *err)
{
	static const char *const keys[] = {"relations", "hypothetical", "irregular", "not_relations", NULL};
	static const char *const tkeys[] = {"triggers", "irregular", NULL};
	struct buf path = {0};
	struct conf_node *root, **troots = xcalloc(ntfiles + 1, sizeof *troots);
	const struct conf_node *rels, **hyp, *list;
	size_t nhyp;
	int rc = -1;

	buf_printf(&path, "%s/relations.yaml", dir);
	root = conf_load(path.data, err);
	free(path.data);
	if (!root)
		goto out;
	if (conf_expect(root, CONF_MAP, "the relations file", err) < 0 ||
	    conf_check_keys(root, keys, err) < 0 || parse_irregular(L, root, err) < 0)
		goto out;
	for (size_t i = 0; i < ntfiles; i++)
		if (!(troots[i] = conf_load(tfiles[i], err)) ||
		    conf_expect(troots[i], CONF_MAP, "a trigger file", err) < 0 ||
		    conf_check_keys(troots[i], tkeys, err) < 0 || parse_irregular(L, troots[i], err) < 0)
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
	if (conf_strings(root, "not_relations", &hyp, &nhyp, err) < 0)
		goto out;
	for (size_t i = 0; i < nhyp; i++) {
		/* an id no schema can give ("-"), rel unused */
		struct trigger_spec none = {.id = "-not_relations", .form = TRIG_NONE, .person_rel = -1};

		if (add_trigger_forms(L, &none, hyp[i], err) < 0)
			goto out;
	}
	for (size_t i = 0; i < ntfiles; i++) {
		if (!(list = conf_get(troots[i], "triggers")))
			continue;
		if (conf_expect(list, CONF_SEQ, "triggers", err) < 0)
			goto out;
		for (size_t j = 0; j < list->n; j++)
			if (parse_trigger(L, list->items[j], -1, err) < 0)
				goto out;
	}
	for (size_t i = 0; i < L->nperson_rels; i++) {
		const struct pending *p = &L->person_rels[i];
		int rel = schema_reltype(L->s, p->name->str);

		if (rel < 0) {
			diag_at(err, p->name->pos, "unknown relation type '%s'", p->name->str);
			goto out;
		}
		for (size_t t = p->first; t < p->end; t++)
			L->s->triggers[t].person_rel = rel;
	}
	rc = 0;
out:
	conf_free(root);
	for (size_t i = 0; i < ntfiles; i++)
		conf_free(troots[i]);
	free(troots);
	strmap_free(L->irregular);
	free(L->irregular_forms);
	free(L->person_rels);
	L->irregular = NULL;
	L->irregular_forms = NULL;
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

/* The YAML files of 'dir' but relations.yaml, sorted: the trigger files
 * relations-*.yaml in *tfiles, every other one, an actor file, in *afiles. */
static int list_files(const char *dir, char ***afiles, size_t *na, char ***tfiles, size_t *nt,
		      struct diag *err)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t acap = 0, tcap = 0;

	*afiles = *tfiles = NULL;
	*na = *nt = 0;
	if (!dp)
		return diag_sys(err, "open schema directory", dir);
	while ((e = readdir(dp))) {
		size_t len = strlen(e->d_name);
		struct buf path = {0};

		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0 ||
		    strcmp(e->d_name, "relations.yaml") == 0 || e->d_name[0] == '.')
			continue;
		buf_printf(&path, "%s/%s", dir, e->d_name);
		if (trigger_file(e->d_name)) {
			xgrow(tfiles, &tcap, *nt + 1, sizeof **tfiles);
			(*tfiles)[(*nt)++] = path.data;
		} else {
			xgrow(afiles, &acap, *na + 1, sizeof **afiles);
			(*afiles)[(*na)++] = path.data;
		}
	}
	closedir(dp);
	if (*na)	/* qsort wants a list, even of none */
		qsort(*afiles, *na, sizeof **afiles, cmp_str);
	if (*nt)
		qsort(*tfiles, *nt, sizeof **tfiles, cmp_str);
	return 0;
}

struct schema *schema_load(const char *dir, struct diag *err)
{
	struct schema *s = xcalloc(1, sizeof *s);
	struct loader L = {.s = s, .trigger_keys = strmap_new()};
	struct ref *refs = NULL;
	size_t nrefs = 0, refs_cap = 0, nfiles = 0, ntfiles = 0;
	char **files = NULL, **tfiles = NULL;
	int rc = -1;

	s->dir = xstrdup(dir);
	s->actor_ids = strmap_new();
	s->name_keys = strmap_new();
	if (list_files(dir, &files, &nfiles, &tfiles, &ntfiles, err) < 0 ||
	    load_relations(&L, dir, tfiles, ntfiles, err) < 0)
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
	s->nloaded = s->nactors;
	rc = 0;
out:
	for (size_t i = 0; i < L.nfiles; i++)
		conf_free(L.files[i]);
	free(L.files);
	strmap_free(L.trigger_keys);
	for (size_t i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	for (size_t i = 0; i < ntfiles; i++)
		free(tfiles[i]);
	free(tfiles);
	free(refs);
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
