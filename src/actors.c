/* actors.c - longest-match lookup of gazetteer names, token by token, and the
 * persons and organizations that a text introduces without the gazetteer. */
#include "actors.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "trie.h"
#include "util.h"

enum { MAX_NAME_TOKENS = 32, MAX_PERSON_WORDS = 4, APPOSITION_REACH = 5 };

struct matcher {
	struct schema *s;
	struct vocab words;	/* the words of names and titles */
	struct trie *keys;	/* name key -> first name with that key */
	int *next;		/* next name with the same key, or -1 */
	char **caps;		/* per name: 'C' all caps, 'U' capitalised, '-' any, per token */
	size_t indexed;		/* names in the trie */
	size_t next_cap, caps_cap;
	struct trie *titles;	/* the schema's title triggers ("president", "director") */
	int title_words;	/* word ids below this are the titles' words */
};

/* Words that head an organisation's name: "Bank of America" names no state,
 * and "the Center for X Studies" is an organization. */
static const char *const org_heads[] = {
	"institute", "institution", "university", "bank", "college", "center", "centre", "council",
	"foundation", "museum", "association", "society", "academy", "corporation", "company",
	"party", "church", "school", "fund", "league", "federation", "union", "commission",
	"committee", "agency", "court", "organization", "organisation", "forum", "initiative",
	"endowment", "program", "programme", "movement", "front", "alliance", "network", NULL
};

/* Heads of bodies that act for their state ("the Defense Ministry"): no
 * actor of their own, the state stands for them. */
static const char *const state_bodies[] = {
	"ministry", "ministries", "department", "army", "navy", "forces", "police", "guard",
	"government", "parliament", "congress", "senate", "assembly", "cabinet", "embassy",
	"command", "office", "administration", "military", "agency", "court", "council",
	"commission", "committee", "bank", NULL
};

/* Capitalised words that start sentences or name times, not persons. */
static const char *const not_names[] = {
	"the", "a", "an", "but", "and", "or", "in", "on", "at", "for", "of", "to", "from", "with",
	"as", "by", "after", "before", "since", "when", "while", "if", "this", "that", "these",
	"those", "there", "it", "its", "we", "they", "he", "she", "his", "her", "their", "our",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "mr", "mrs", "ms", "dr", "president", "minister", "prime", "north",
	"south", "east", "west", "new", "islamic", "national", "state", "federal", "general", NULL
};

static const char *const name_particles[] = {
	"al", "el", "bin", "ibn", "de", "da", "do", "dos", "van", "von", "der", "den", "di", "du",
	"la", "le", NULL
};

static const char *const leading_verbs[] = {"led", "headed", "commanded", "chaired", "founded", NULL};
static const char *const speech_verbs[] = {
	"said", "says", "told", "added", "noted", "wrote", "argued", "explained", "warned", NULL
};

/* Put names [indexed, nnames) of the schema into the trie. */
static void index_names(struct matcher *m)
{
	const struct schema *s = m->s;

	xgrow(&m->next, &m->next_cap, s->nnames, sizeof *m->next);
	xgrow(&m->caps, &m->caps_cap, s->nnames, sizeof *m->caps);
	for (size_t i = m->indexed; i < s->nnames; i++) {
		struct doc *d = text_parse("", "", NULL, xstrdup(s->names[i].text), strlen(s->names[i].text));
		long first = trie_put(m->keys, s->names[i].key, (long)i);

		m->caps[i] = xcalloc(d->ntok + 1, 1);
		for (size_t t = 0; t < d->ntok; t++)
			m->caps[i][t] = (d->tok[t].flags & TOK_CAPS) ? 'C' : (d->tok[t].flags & TOK_UPPER) ? 'U' : '-';
		text_free(d);
		m->next[i] = -1;
		if (first >= 0) {	/* keep the first; chain the others after it in schema order */
			int j = (int)first;

			trie_put(m->keys, s->names[i].key, first);
			while (m->next[j] >= 0)
				j = m->next[j];
			m->next[j] = (int)i;
		}
	}
	m->indexed = s->nnames;
}

struct matcher *actors_new(struct schema *s)
{
	struct matcher *m = xcalloc(1, sizeof *m);

	m->s = s;
	vocab_init(&m->words);
	m->keys = trie_new(&m->words);
	m->titles = trie_new(&m->words);
	for (size_t i = 0; i < s->ntriggers; i++)
		if (s->triggers[i].form == TRIG_TITLE)
			trie_put(m->titles, s->triggers[i].key, 1);
	m->title_words = m->words.n;	/* the names' words come after */
	index_names(m);
	return m;
}

void actors_free(struct matcher *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->indexed; i++)
		free(m->caps[i]);
	free(m->caps);
	free(m->next);
	trie_free(m->keys);
	trie_free(m->titles);
	vocab_destroy(&m->words);
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

/* What one document has seen so far, per actor. */
struct seen {
	bool *named;		/* named in full: its surname may follow */
	size_t *recent;		/* 1 + index of its latest mention */
	size_t n;		/* actors covered */
};

/* Cover actors [n, nactors) too, as not seen yet. */
static void seen_grow(struct seen *sn, size_t nactors)
{
	if (nactors <= sn->n)
		return;
	sn->named = xrealloc(sn->named, nactors * sizeof *sn->named);
	sn->recent = xrealloc(sn->recent, nactors * sizeof *sn->recent);
	memset(sn->named + sn->n, 0, (nactors - sn->n) * sizeof *sn->named);
	memset(sn->recent + sn->n, 0, (nactors - sn->n) * sizeof *sn->recent);
	sn->n = nactors;
}

/* The actor a matched key refers to: a full name, adjective or seat wins; a
 * surname goes to the person most recently named in full, if any. */
static int resolve(const struct matcher *m, int name, const struct token *tok, const struct seen *sn,
		   enum name_form *form)
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
		if ((sn->named[nm->actor] || m->s->actors[nm->actor].surname_alone) &&
		    (surname < 0 || sn->recent[nm->actor] > sn->recent[m->s->names[surname].actor]))
			surname = i;
	}
	if (surname < 0)
		return -1;
	*form = FORM_SURNAME;
	return m->s->names[surname].actor;
}

static bool heads_org_name(const struct doc *d, size_t first, size_t i)
{
	return i >= first + 2 &&
	       (strcmp(d->tok[i - 1].norm, "of") == 0 || strcmp(d->tok[i - 1].norm, "for") == 0) &&
	       (d->tok[i - 2].flags & TOK_UPPER) && word_in(d->tok[i - 2].norm, org_heads);
}

/* Pronouns of a person, and of a state or body ("it said", "its war"). */
static bool is_pronoun(const char *w)
{
	return strcmp(w, "he") == 0 || strcmp(w, "she") == 0 || strcmp(w, "him") == 0 ||
	       strcmp(w, "his") == 0 || strcmp(w, "her") == 0;
}

static bool is_thing_pronoun(const char *w)
{
	return strcmp(w, "it") == 0 || strcmp(w, "its") == 0;
}

/* Does actor kind k fit what a pronoun or description asks for: a person,
 * or a state, organization or group? */
static bool fits(enum actor_kind k, bool person)
{
	return person ? k == KIND_PERSON : k == KIND_STATE || k == KIND_ORGANIZATION || k == KIND_GROUP;
}

/* The one person (or one state or body) named from token from_tok on, or
 * -1 when there is none or more than one: a wrong antecedent is worse than
 * none. */
static int antecedent(const struct schema *s, const struct mention *list, size_t n, size_t from_tok,
		      bool person)
{
	int found = -1;

	for (size_t k = n; k-- > 0 && list[k].first >= from_tok;) {
		int a = list[k].actor;

		if (!fits(s->actors[a].kind, person))
			continue;
		if (found >= 0 && found != a)
			return -1;
		found = a;
	}
	return found;
}

struct found {
	struct mention *list;
	size_t n, cap;
	struct seen seen;
	bool *covered;		/* per token: inside a mention */
	int *persons;		/* the persons mentioned so far, each once */
	size_t npersons, persons_cap;
};

static void add_mention(struct found *f, size_t first, size_t end, int actor, enum name_form form)
{
	xgrow(&f->list, &f->cap, f->n + 1, sizeof *f->list);
	f->list[f->n++] = (struct mention){first, end, actor, form};
	for (size_t i = first; i < end; i++)
		f->covered[i] = true;
	if (f->seen.recent[actor] == 0 && f->seen.named[actor] == false) {
		xgrow(&f->persons, &f->persons_cap, f->npersons + 1, sizeof *f->persons);
		f->persons[f->npersons++] = actor;	/* filtered by kind where used */
	}
	if (form == FORM_NAME || form == FORM_ADJECTIVE || form == FORM_SEAT)
		f->seen.named[actor] = true;
	f->seen.recent[actor] = f->n;
}

/* "the president", "the prime minister": the one person named earlier in
 * the document whose role has that title. On success *end is past it. */
static int titled(const struct matcher *m, const struct doc *d, const struct found *f, size_t i,
		  size_t limit, size_t *end)
{
	int person = -1;

	for (size_t len = 2; len >= 1; len--) {
		char phrase[64];

		if (i + len > limit || !(d->tok[i + len - 1].flags & TOK_WORD))
			continue;
		snprintf(phrase, sizeof phrase, "%s%s%s", d->tok[i].norm, len > 1 ? " " : "",
			 len > 1 ? d->tok[i + 1].norm : "");
		for (size_t k = 0; k < f->npersons; k++) {
			const struct actor *a = &m->s->actors[f->persons[k]];

			for (size_t r = 0; r < a->nroles; r++)
				if (a->roles[r].title && schema_title_has(a->roles[r].title, phrase)) {
					if (person >= 0 && person != f->persons[k])
						return -1;
					person = f->persons[k];
				}
		}
		if (person >= 0) {
			*end = i + len;
			return person;
		}
	}
	return -1;
}

/* The one actor of 'kind' (a body: organization or group) mentioned in
 * tokens [from, to), or -1. */
static int one_of_kind(const struct schema *s, const struct found *f, size_t from, size_t to,
		       enum actor_kind kind)
{
	int found = -1;

	for (size_t k = f->n; k-- > 0 && f->list[k].first >= from;) {
		int a = f->list[k].actor;
		enum actor_kind ak = s->actors[a].kind == KIND_GROUP ? KIND_ORGANIZATION : s->actors[a].kind;

		if (f->list[k].first >= to || ak != kind)
			continue;
		if (found >= 0 && found != a)
			return -1;
		found = a;
	}
	return found;
}

/* "the country", "the kingdom": the one state of the sentence before;
 * "the alliance", "the group": the one body of this sentence and the one
 * before, unless the noun takes its own parties ("the alliance between").
 * Returns the actor, or -1. */
static int description(const struct schema *s, const struct doc *d, size_t si, size_t i, const struct found *f)
{
	static const char *const states[] = {"country", "nation", "kingdom", "republic", "regime", NULL};
	static const char *const bodies[] = {"alliance", "bloc", "organization", "organisation", "group",
					     "militia", "militants", "union", "coalition", "movement", NULL};
	static const char *const own[] = {"between", "with", "of", "-", NULL};
	size_t from = si > 0 ? d->sent[si - 1].first : d->sent[si].first;

	if (i + 1 >= d->sent[si].end)
		return -1;
	if (word_in(d->tok[i + 1].norm, states))
		return one_of_kind(s, f, from, d->sent[si].first, KIND_STATE);
	if (word_in(d->tok[i + 1].norm, bodies) &&
	    !(i + 2 < d->sent[si].end && word_in(d->tok[i + 2].norm, own)))
		return one_of_kind(s, f, from, i, KIND_ORGANIZATION);
	return -1;
}

/* "the two countries", "both sides", "the two leaders" at token i: the two
 * states (or persons) named in this sentence before it and the one before,
 * if exactly two, as two mentions side by side. Returns the tokens taken. */
static size_t two_states(const struct schema *s, const struct doc *d, size_t si, size_t i,
		       struct found *f)
{
	static const char *const states[] = {"countries", "nations", "sides", "states", "neighbours",
					     "neighbors", "powers", "governments", "capitals", NULL};
	static const char *const persons[] = {"leaders", "presidents", "ministers", "men", "women", NULL};
	size_t from = si > 0 ? d->sent[si - 1].first : d->sent[si].first, noun, to = i;
	enum actor_kind kind;
	int a = -1, b = -1;

	if (strcmp(d->tok[i].norm, "both") == 0) {
		noun = i + 1;	/* "both sides": of the sentence before, not those who press them */
		if (si == 0)
			return 0;
		to = d->sent[si].first;
	}
	else if (i + 1 < d->sent[si].end && strcmp(d->tok[i + 1].norm, "two") == 0)
		noun = i + 2;
	else
		return 0;
	if (noun >= d->sent[si].end)
		return 0;
	if (word_in(d->tok[noun].norm, states))
		kind = KIND_STATE;
	else if (word_in(d->tok[noun].norm, persons))
		kind = KIND_PERSON;
	else
		return 0;
	for (size_t k = f->n; k-- > 0 && f->list[k].first >= from;) {
		int x = f->list[k].actor;

		if (f->list[k].first >= to || s->actors[x].kind != kind || x == a || x == b)
			continue;
		if (a < 0)
			a = x;
		else if (b < 0)
			b = x;
		else
			return 0;	/* three or more: which two? */
	}
	if (b < 0)
		return 0;
	add_mention(f, i, noun, a, FORM_PAIR);
	add_mention(f, noun, noun + 1, b, FORM_PAIR);
	return noun + 1 - i;
}

/* Gazetteer names and pronouns in sentence si. */
static void match_names(const struct matcher *m, const struct doc *d, size_t si, const int *ids,
			const int *tids, struct found *f)
{
	const struct sentence *s = &d->sent[si];
	/* pronouns look back over this sentence and the one before, which may end
	 * the paragraph before ("... Kim Yo Jong said. / She also criticized") */
	size_t window = si > 0 ? d->sent[si - 1].first : s->first;

	for (size_t i = s->first; i < s->end;) {
		struct trie_hit hits[MAX_NAME_TOKENS];
		size_t nh = trie_match(m->keys, ids + i, s->end - i, hits, MAX_NAME_TOKENS);
		bool found = false;
		size_t pair;

		while (nh > 0 && !found) {	/* longest first */
			size_t len = hits[--nh].len;
			enum name_form form;
			int actor = resolve(m, (int)hits[nh].value, &d->tok[i], &f->seen, &form);

			if (actor < 0)
				continue;
			found = true;
			i += len;
			/* a place or a name inside an organisation's only hides what is inside it */
			if (m->s->actors[actor].kind != KIND_PLACE && !heads_org_name(d, s->first, i - len))
				add_mention(f, i - len, i, actor, form);
		}
		if (found)
			continue;
		if (is_pronoun(d->tok[i].norm) || is_thing_pronoun(d->tok[i].norm)) {
			/* after names: "He Lifeng" is a name */
			int a = antecedent(m->s, f->list, f->n, window, is_pronoun(d->tok[i].norm));

			if (a >= 0)
				add_mention(f, i, i + 1, a, FORM_PRONOUN);
		} else if (strcmp(d->tok[i].norm, "both") == 0 && (pair = two_states(m->s, d, si, i, f)) > 0) {
			i += pair;	/* "both sides" */
			continue;
		} else if (strcmp(d->tok[i].norm, "the") == 0 && i + 1 < s->end) {
			size_t end = i + 1;
			int a = tids[i + 1] >= 0 ? titled(m, d, f, i + 1, s->end, &end) : -1;

			if (a < 0 && (pair = two_states(m->s, d, si, i, f)) > 0) {	/* "the two countries" */
				i += pair;
				continue;
			}
			if (a < 0 && (a = description(m->s, d, si, i, f)) >= 0)
				end = i + 2;
			if (a >= 0) {
				add_mention(f, i, end, a, FORM_PRONOUN);
				i = end;
				continue;
			}
		}
		i++;
	}
}

/* An id from a name: lowercase ASCII letters and digits joined by '_'. */
static char *slug(const char *label)
{
	struct buf b = {0};

	for (const unsigned char *p = (const unsigned char *)label; *p; p++) {
		if (isalnum(*p)) {
			char c = (char)tolower(*p);

			buf_add(&b, &c, 1);
		} else if (b.len && b.data[b.len - 1] != '_') {
			buf_add(&b, "_", 1);
		}
	}
	while (b.len && b.data[b.len - 1] == '_')
		b.data[--b.len] = '\0';
	if (!b.len)
		buf_puts(&b, "actor");
	return b.data;
}

/* Add token i of d as a name of actor a. */
static void add_token_name(struct matcher *m, const struct doc *d, size_t i, int a, enum name_form form)
{
	char *name = xstrndup(d->text + d->tok[i].start, d->tok[i].end - d->tok[i].start);

	schema_add_name(m->s, a, name, form);
	free(name);
}

/* Register the actor named by tokens [first, end) with its name (and
 * surname), unless the gazetteer or an earlier text has it. */
static int introduce(struct matcher *m, const struct doc *d, size_t first, size_t end, enum actor_kind kind)
{
	char *label = xstrndup(d->text + d->tok[first].start, d->tok[end - 1].end - d->tok[first].start);
	char *id = slug(label);
	int a;

	for (char *p = label; *p; p++)	/* a name broken over a line */
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	a = schema_add_actor(m->s, id, label, kind);
	schema_add_name(m->s, a, label, FORM_NAME);
	if (kind == KIND_PERSON)
		add_token_name(m, d, end - 1, a, FORM_SURNAME);
	free(id);
	free(label);
	return a;
}

/* Does a title phrase end just before token i ("Treasury Secretary | Scott")? */
static bool title_before(const struct matcher *m, const int *tids, size_t first, size_t i)
{
	for (size_t k = i; k-- > first && i - k <= 3;) {
		struct trie_hit hits[4];
		size_t nh = trie_match(m->titles, tids + k, i - k, hits, 4);

		while (nh-- > 0)
			if (hits[nh].len == i - k)
				return true;
	}
	return false;
}

/* A run of capitalised words that can be a person's name: 2 to 4 words,
 * with particles ("al-", "bin", "von der") and hyphens inside. Returns its
 * end, or i when there is none. */
static size_t name_run(const struct doc *d, const int *tids, const struct found *f, size_t i, size_t end)
{
	size_t j = i, words = 0;

	if (!(d->tok[i].flags & TOK_UPPER) || word_in(d->tok[i].norm, not_names))
		return i;
	while (j < end && !f->covered[j] && !(tids[j] >= 0 && (d->tok[j].flags & TOK_WORD))) {	/* titles are no names */
		const struct token *t = &d->tok[j];

		if ((t->flags & TOK_UPPER) && !(t->flags & TOK_CAPS) && !word_in(t->norm, org_heads) &&
		    !word_in(t->norm, state_bodies)) {
			words++;
			j++;
		} else if ((word_in(t->norm, name_particles) || strcmp(t->norm, "-") == 0) && j + 1 < end &&
			   (d->tok[j + 1].flags & TOK_UPPER) && !(d->tok[j + 1].flags & TOK_SPACE && *t->norm == '-')) {
			j++;
		} else {
			break;
		}
	}
	return words >= 2 && words <= MAX_PERSON_WORDS ? j : i;
}

/* Persons the gazetteer lacks, where the text marks them as persons: after
 * a title ("Trade Representative Jamieson Greer"), before an apposition with
 * a title ("Edwin Palma, Colombia's minister of mines"), or speaking ("said
 * Jenny Town", "Jenny Town said"). */
static void find_persons(struct matcher *m, const struct doc *d, size_t si, const int *tids,
			 struct found *f)
{
	const struct sentence *s = &d->sent[si];

	for (size_t i = s->first; i < s->end; i++) {
		size_t end = f->covered[i] ? i : name_run(d, tids, f, i, s->end);
		bool person = false;

		if (end == i)
			continue;
		if (title_before(m, tids, s->first, i) ||
		    (i > s->first && word_in(d->tok[i - 1].norm, speech_verbs)) ||
		    (i > s->first + 1 && strcmp(d->tok[i - 1].norm, "by") == 0 &&
		     word_in(d->tok[i - 2].norm, leading_verbs)) ||
		    (end < s->end && word_in(d->tok[end].norm, speech_verbs)))
			person = true;
		if (!person && end + 1 < s->end && strcmp(d->tok[end].norm, ",") == 0)
			for (size_t k = end + 1; k < s->end && k <= end + APPOSITION_REACH && !person; k++)
				person = tids[k] >= 0 && title_before(m, tids, end + 1, k + 1);
		if (person) {
			int a = introduce(m, d, i, end, KIND_PERSON);

			seen_grow(&f->seen, m->s->nactors);
			add_mention(f, i, end, a, FORM_NAME);
		}
		i = end - 1;
	}
}

/* Organizations the gazetteer lacks, by the form of their name: capitalised
 * words around a head such as "Institute" or "Center" ("the Center for
 * Strategic and International Studies"). Bodies of a state ("the Foreign
 * Ministry") are left to the state. An acronym in parentheses after the name
 * is the same organization: a known one, or a new name of this one. */
static void find_organizations(struct matcher *m, const struct doc *d, size_t si, const int *tids,
			       struct found *f)
{
	static const char *const joins[] = {"of", "for", "and", "on", "the", "&", NULL};
	const struct sentence *s = &d->sent[si];

	for (size_t i = s->first; i < s->end; i++) {
		size_t j = i, last = i, words = 0;
		bool head = false, body = false;
		int a;

		/* a name starts with a capitalised word, not an acronym or a title ("CEO of") */
		if (f->covered[i] || !(d->tok[i].flags & TOK_UPPER) || (d->tok[i].flags & TOK_CAPS) ||
		    tids[i] >= 0 || word_in(d->tok[i].norm, not_names))
			continue;
		for (; j < s->end && !f->covered[j]; j++) {
			const struct token *t = &d->tok[j];

			if (t->flags & TOK_UPPER) {
				words++;
				last = j + 1;
				head = head || word_in(t->norm, org_heads);
				body = body || word_in(t->norm, state_bodies);
			} else if (!word_in(t->norm, joins)) {
				break;
			}
		}
		if (!head || body || words < 2) {
			i = last > i ? last - 1 : i;
			continue;
		}
		if (last + 2 < s->end && strcmp(d->tok[last].norm, "(") == 0 &&
		    (d->tok[last + 1].flags & TOK_CAPS) && strcmp(d->tok[last + 2].norm, ")") == 0) {
			long known = strmap_get(m->s->name_keys, d->tok[last + 1].norm);

			if (known >= 0) {
				add_mention(f, i, last, m->s->names[known].actor, FORM_NAME);
				i = last - 1;
				continue;
			}
			a = introduce(m, d, i, last, KIND_ORGANIZATION);
			add_token_name(m, d, last + 1, a, FORM_NAME);
		} else {
			a = introduce(m, d, i, last, KIND_ORGANIZATION);
		}
		seen_grow(&f->seen, m->s->nactors);
		add_mention(f, i, last, a, FORM_NAME);
		i = last - 1;
	}
}

static int cmp_mention(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;

	return x->first < y->first ? -1 : x->first > y->first;
}

size_t actors_find(struct matcher *m, const struct doc *d, struct mention **out)
{
	int *ids = xmalloc((d->ntok + 1) * sizeof *ids), *tids = xmalloc((d->ntok + 1) * sizeof *tids);
	struct found f = {.covered = xcalloc(d->ntok + 1, sizeof *f.covered)};

	seen_grow(&f.seen, m->s->nactors);
	for (size_t si = 0; si < d->nsent; si++) {
		size_t from = f.n;

		if (m->indexed < m->s->nnames)
			index_names(m);	/* names that earlier sentences introduced */
		for (size_t i = d->sent[si].first; i < d->sent[si].end; i++) {
			ids[i] = vocab_get(&m->words, d->tok[i].norm);
			/* tids: the word's id if it is a title's, else -1 */
			tids[i] = ids[i] < m->title_words ? ids[i] : -1;
		}
		match_names(m, d, si, ids, tids, &f);
		find_organizations(m, d, si, tids, &f);
		find_persons(m, d, si, tids, &f);
		if (f.n > from)
			qsort(f.list + from, f.n - from, sizeof *f.list, cmp_mention);
	}
	free(ids);
	free(tids);
	free(f.seen.named);
	free(f.seen.recent);
	free(f.covered);
	free(f.persons);
	*out = f.list;
	return f.n;
}
