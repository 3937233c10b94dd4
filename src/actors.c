/* actors.c - longest-match lookup of gazetteer names, token by token. */
#include "actors.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "trie.h"
#include "util.h"

enum { MAX_NAME_TOKENS = 32 };

struct matcher {
	const struct schema *s;
	struct trie *keys;	/* name key -> first name with that key */
	int *next;		/* next name with the same key, or -1 */
	char **caps;		/* per name: 'C' all caps, 'U' capitalised, '-' any, per token */
};

struct matcher *actors_new(const struct schema *s)
{
	struct matcher *m = xcalloc(1, sizeof *m);

	m->s = s;
	m->keys = trie_new();
	m->next = xcalloc(s->nnames, sizeof *m->next);
	m->caps = xcalloc(s->nnames, sizeof *m->caps);
	for (size_t i = 0; i < s->nnames; i++) {
		struct doc *d = text_parse("", "", NULL, xstrdup(s->names[i].text), strlen(s->names[i].text));
		long first = trie_put(m->keys, s->names[i].key, (long)i);

		m->caps[i] = xcalloc(d->ntok + 1, 1);
		for (size_t t = 0; t < d->ntok; t++)
			m->caps[i][t] = (d->tok[t].flags & TOK_CAPS) ? 'C' : (d->tok[t].flags & TOK_UPPER) ? 'U' : '-';
		text_free(d);
		m->next[i] = -1;
		if (first >= 0) {	/* append, keeping schema order within a key */
			int j = (int)first;

			trie_put(m->keys, s->names[i].key, first);

			while (m->next[j] >= 0)
				j = m->next[j];
			m->next[j] = (int)i;
		}
	}
	return m;
}

void actors_free(struct matcher *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->s->nnames; i++)
		free(m->caps[i]);
	free(m->caps);
	free(m->next);
	trie_free(m->keys);
	free(m);
}

static bool case_ok(const char *caps, const struct token *tok)
{
	for (size_t i = 0; caps[i]; i++) {
		if (caps[i] == 'C' && !(tok[i].flags & TOK_CAPS))
			return false;
		if (caps[i] == 'U' && !(tok[i].flags & TOK_UPPER))
			return false;
	}
	return true;
}

/* The actor a matched key refers to: a full name, adjective or seat wins; a
 * surname goes to the person most recently named in full, if any. */
static int resolve(const struct matcher *m, int name, const struct token *tok, const bool *named,
		   const int *recent, enum name_form *form)
{
	int surname = -1;

	for (int i = name; i >= 0; i = m->next[i]) {
		const struct name *nm = &m->s->names[i];

		if (!case_ok(m->caps[i], tok))
			continue;
		if (nm->form != FORM_SURNAME) {
			*form = nm->form;
			return nm->actor;
		}
		if (named[nm->actor] && (surname < 0 || recent[nm->actor] > recent[m->s->names[surname].actor]))
			surname = i;
	}
	if (surname < 0)
		return -1;
	*form = FORM_SURNAME;
	return m->s->names[surname].actor;
}

/* Words that head an organisation's name: "Bank of America" names no state. */
static bool heads_org_name(const struct doc *d, size_t first, size_t i)
{
	static const char *const heads[] = {
		"institute", "university", "bank", "college", "center", "centre", "council",
		"foundation", "museum", "association", "society", "academy", "corporation", "company",
		"party", "church", "school", "fund", "league", "federation", "union", "commission",
		"committee", "agency", "court", "organization", "organisation", NULL
	};

	if (i < first + 2 || !(strcmp(d->tok[i - 1].norm, "of") == 0 ||
			       strcmp(d->tok[i - 1].norm, "for") == 0) ||
	    !(d->tok[i - 2].flags & TOK_UPPER))
		return false;
	for (size_t k = 0; heads[k]; k++)
		if (strcmp(d->tok[i - 2].norm, heads[k]) == 0)
			return true;
	return false;
}

static bool is_pronoun(const char *w)
{
	return strcmp(w, "he") == 0 || strcmp(w, "she") == 0 || strcmp(w, "him") == 0 ||
	       strcmp(w, "his") == 0 || strcmp(w, "her") == 0;
}

/* The one person named in sentences [from, si] before token i, or -1 when
 * there is none or more than one: a wrong antecedent is worse than none. */
static int antecedent(const struct matcher *m, const struct doc *d, const struct mention *list,
		      size_t n, size_t from_tok)
{
	int person = -1;

	for (size_t k = n; k-- > 0 && list[k].first >= from_tok;) {
		int a = list[k].actor;

		if (m->s->actors[a].kind != KIND_PERSON)
			continue;
		if (person >= 0 && person != a)
			return -1;
		person = a;
	}
	return person;
}

size_t actors_find(const struct matcher *m, const struct doc *d, struct mention **out)
{
	bool *named = xcalloc(m->s->nactors, sizeof *named);
	int *recent = xcalloc(m->s->nactors, sizeof *recent);
	int *ids = xmalloc((d->ntok + 1) * sizeof *ids);
	struct mention *list = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < d->ntok; i++)
		ids[i] = trie_word(m->keys, d->tok[i].norm);

	for (size_t si = 0; si < d->nsent; si++) {
		const struct sentence *s = &d->sent[si];

		size_t window = si > 0 && d->sent[si - 1].line == s->line ? d->sent[si - 1].first : s->first;

		for (size_t i = s->first; i < s->end;) {
			struct trie_hit hits[MAX_NAME_TOKENS];
			size_t nh = trie_match(m->keys, ids + i, s->end - i, hits, MAX_NAME_TOKENS);
			bool found = false;

			if (is_pronoun(d->tok[i].norm)) {
				int a = antecedent(m, d, list, n, window);

				if (a >= 0) {
					xgrow(&list, &cap, n + 1, sizeof *list);
					list[n++] = (struct mention){i, i + 1, a, FORM_PRONOUN};
				}
				i++;
				continue;
			}

			while (nh > 0 && !found) {	/* longest first */
				size_t len = hits[--nh].len;
				enum name_form form;
				int actor = resolve(m, (int)hits[nh].value, &d->tok[i], named, recent, &form);

				if (actor < 0)
					continue;
				found = true;
				i += len;
				/* a place or a name inside an organisation's only hides what is inside it */
				if (m->s->actors[actor].kind == KIND_PLACE || heads_org_name(d, s->first, i - len))
					continue;
				xgrow(&list, &cap, n + 1, sizeof *list);
				list[n++] = (struct mention){i - len, i, actor, form};
				if (form != FORM_SURNAME)
					named[actor] = true;
				recent[actor] = (int)n;
			}
			if (!found)
				i++;
		}
	}
	free(ids);
	free(named);
	free(recent);
	*out = list;
	return n;
}
