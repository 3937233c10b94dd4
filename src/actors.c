/* actors.c - longest-match lookup of gazetteer names, token by token, and the
 * persons and organizations that a text introduces without the gazetteer. */
#include "actors.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "trie.h"
#include "util.h"

/* MAX_NAME_TOKENS: the longest name looked up, or introduced by a text; the
 * name trie is walked no further, so that a run of capitalised words costs
 * what its tokens cost and not their square. */
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
	uint64_t *classes;	/* per word id below class_words: its C_ bits */
	int class_words;	/* the names' words, above, have none */
};

/* Words that head an organisation's name: "Bank of America" names no state,
 * and "the Center for X Studies" is an organization. */
static const char *const org_heads[] = {
	"institute", "institution", "university", "bank", "college", "center", "centre", "council",
	"foundation", "museum", "association", "society", "academy", "corporation", "company",
	"party", "church", "school", "fund", "league", "federation", "union", "commission",
	"committee", "agency", "court", "organization", "organisation", "forum", "initiative",
	"endowment", "program", "programme", "movement", "front", "alliance", "network", "corp", "inc",
	"ltd", NULL
};

/* Heads of bodies that act for their state ("the Defense Ministry"): no
 * actor of their own, the state stands for them. */
static const char *const state_bodies[] = {
	"ministry", "ministries", "department", "army", "navy", "forces", "police", "guard",
	"government", "parliament", "congress", "senate", "assembly", "cabinet", "embassy",
	"command", "office", "administration", "military", "agency", "court", "council",
	"commission", "committee", "bank", NULL
};

/* Words of grammar, which no name holds: capitalised, one starts a
 * sentence, even where the sentence before it lacks its stop ("... the
 * Academy Awards The film"). */
static const char *const function_words[] = {
	"the", "a", "an", "but", "and", "or", "in", "on", "at", "for", "of", "to", "from", "with",
	"as", "by", "after", "before", "since", "when", "while", "if", "this", "that", "these",
	"those", "there", "it", "its", "we", "they", "he", "she", "his", "her", "their", "our",
	"i", "you", "my", "your", NULL
};

/* Capitalised words of times, ranks and places that start no person's
 * name (nor does a word of grammar). */
static const char *const not_names[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "mr", "mrs", "ms", "dr", "president", "minister", "prime", "north",
	"south", "east", "west", "new", "islamic", "national", "state", "federal", "general", NULL
};

static const char *const name_particles[] = {
	"al", "el", "bin", "ibn", "de", "da", "do", "dos", "van", "von", "der", "den", "di", "du",
	"la", "le", NULL
};

/* Abbreviated ranks and honorifics before a name: "Sen. Mike Rogers". */
static const char *const ranks[] = {
	"sen", "rep", "gen", "col", "adm", "gov", "amb", "dr", "lt", "maj", "capt", "cmdr", "sgt",
	"brig", "prof", "mr", "mrs", "ms", "rev", "supt", NULL
};

/* Of those, the ones that name no role (no title trigger of the schema). */
static const char *const honorifics[] = {"mr", "mrs", "ms", "dr", NULL};

static const char *const name_suffixes[] = {"jr", "sr", NULL};

/* Lowercase words after a hyphen that end no given name: "Ahmed-led". */
static const char *const not_given_names[] = {"era", "style", "born", "run", "type", "like", NULL};

static const char *const leading_verbs[] = {"led", "headed", "commanded", "chaired", "founded", NULL};
static const char *const speech_verbs[] = {
	"said", "says", "told", "added", "noted", "wrote", "argued", "explained", "warned", "asked",
	"stressed", "insisted", "declared", "tweeted", NULL
};

/* Pronouns of a person ("he", "his"), of a state or body ("it", "its"),
 * and of the members of a list ("they"). */
static const char *const person_pronouns[] = {"he", "she", "him", "his", "her", NULL};
static const char *const thing_pronouns[] = {"it", "its", NULL};
static const char *const plural_pronouns[] = {"they", "them", "their", NULL};

/* Prepositions whose object "it" may go on with: "won't speak to Hamas,
 * labeling it a terrorist group". */
static const char *const object_preps[] = {"to", "with", "on", "against", "at", "from", NULL};

/* "the country" stands for a state, "the alliance" for a body, unless the
 * noun takes its own parties ("the alliance between"). */
static const char *const state_nouns[] = {"country", "nation", "kingdom", "republic", "regime", NULL};
static const char *const body_nouns[] = {"alliance", "bloc", "organization", "organisation", "group",
					 "militia", "militants", "union", "coalition", "movement", NULL};
static const char *const own_parties[] = {"between", "with", "of", "-", NULL};

/* "the two countries", "both sides", "the two leaders" */
static const char *const pair_states[] = {"countries", "nations", "sides", "states", "neighbours",
					  "neighbors", "powers", "governments", "capitals", NULL};
static const char *const pair_persons[] = {"leaders", "presidents", "ministers", "men", "women", NULL};

/* "the Obama administration" is a state's */
static const char *const governments[] = {"administration", "government", NULL};

/* Lowercase words inside an organisation's name, and the legislatures
 * whose committees are organizations of their own. */
static const char *const org_joins[] = {"of", "for", "and", "on", "the", "&", NULL};
static const char *const chambers[] = {"house", "senate", "congressional", "parliamentary", "parliament",
				       "duma", "knesset", NULL};
static const char *const committees[] = {"committee", "subcommittee", NULL};

/* Who "we" and "I" stand for in a quotation. */
static const char *const we_us[] = {"we", "us", "our", NULL};
static const char *const i_me[] = {"i", "me", "my", NULL};

/* The word lists above, and words that rules look for, as classes of word
 * ids: a token's classes are found with the lookup of its word id, where
 * scanning the lists cost a fifth of extraction. More classes than an int
 * has bits. */
#define C_ORG_HEAD		(1ULL << 0)
#define C_STATE_BODY		(1ULL << 1)
#define C_NOT_NAME		(1ULL << 2)
#define C_PARTICLE		(1ULL << 3)
#define C_RANK			(1ULL << 4)
#define C_HONORIFIC		(1ULL << 5)
#define C_SUFFIX		(1ULL << 6)
#define C_NOT_GIVEN		(1ULL << 7)
#define C_LEADING_VERB		(1ULL << 8)
#define C_SPEECH_VERB		(1ULL << 9)
#define C_PERSON_PRONOUN	(1ULL << 10)
#define C_THING_PRONOUN		(1ULL << 11)
#define C_PLURAL_PRONOUN	(1ULL << 12)
#define C_OBJECT_PREP		(1ULL << 13)
#define C_STATE_NOUN		(1ULL << 14)
#define C_BODY_NOUN		(1ULL << 15)
#define C_OWN_PARTIES		(1ULL << 16)
#define C_PAIR_STATES		(1ULL << 17)
#define C_PAIR_PERSONS		(1ULL << 18)
#define C_GOVERNMENT		(1ULL << 19)
#define C_ORG_JOIN		(1ULL << 20)
#define C_CHAMBER		(1ULL << 21)
#define C_COMMITTEE		(1ULL << 22)
#define C_WE			(1ULL << 23)
#define C_I			(1ULL << 24)
#define C_OF_FOR		(1ULL << 25)
#define C_THE			(1ULL << 26)
#define C_AND			(1ULL << 27)
#define C_BOTH			(1ULL << 28)
#define C_TWO			(1ULL << 29)
#define C_BY			(1ULL << 30)
#define C_IT			(1ULL << 31)
#define C_HYPHEN		(1ULL << 32)
#define C_FUNCTION		(1ULL << 33)

static const struct {
	const char *const *words;
	uint64_t bit;
} word_classes[] = {
	{org_heads, C_ORG_HEAD}, {state_bodies, C_STATE_BODY}, {not_names, C_NOT_NAME},
	{function_words, C_NOT_NAME | C_FUNCTION},
	{name_particles, C_PARTICLE}, {ranks, C_RANK}, {honorifics, C_HONORIFIC}, {name_suffixes, C_SUFFIX},
	{not_given_names, C_NOT_GIVEN}, {leading_verbs, C_LEADING_VERB}, {speech_verbs, C_SPEECH_VERB},
	{person_pronouns, C_PERSON_PRONOUN}, {thing_pronouns, C_THING_PRONOUN},
	{plural_pronouns, C_PLURAL_PRONOUN}, {object_preps, C_OBJECT_PREP}, {state_nouns, C_STATE_NOUN},
	{body_nouns, C_BODY_NOUN}, {own_parties, C_OWN_PARTIES}, {pair_states, C_PAIR_STATES},
	{pair_persons, C_PAIR_PERSONS}, {governments, C_GOVERNMENT}, {org_joins, C_ORG_JOIN},
	{chambers, C_CHAMBER}, {committees, C_COMMITTEE}, {we_us, C_WE}, {i_me, C_I},
	{(const char *const[]){"of", "for", NULL}, C_OF_FOR}, {(const char *const[]){"the", NULL}, C_THE},
	{(const char *const[]){"and", NULL}, C_AND}, {(const char *const[]){"both", NULL}, C_BOTH},
	{(const char *const[]){"two", NULL}, C_TWO}, {(const char *const[]){"by", NULL}, C_BY},
	{(const char *const[]){"it", NULL}, C_IT}, {(const char *const[]){"-", NULL}, C_HYPHEN},
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
	m->title_words = m->words.n;	/* the classes' words and the names' come after */
	for (size_t k = 0; k < sizeof word_classes / sizeof *word_classes; k++)
		for (size_t i = 0; word_classes[k].words[i]; i++)
			vocab_add(&m->words, word_classes[k].words[i]);
	m->class_words = m->words.n;
	m->classes = xcalloc((size_t)m->class_words, sizeof *m->classes);
	for (size_t k = 0; k < sizeof word_classes / sizeof *word_classes; k++)
		for (size_t i = 0; word_classes[k].words[i]; i++)
			m->classes[vocab_get(&m->words, word_classes[k].words[i])] |= word_classes[k].bit;
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
	free(m->classes);
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

enum { COREF_REACH = 120 };	/* tokens a pronoun or description looks back at most */

/* Where a pronoun or description at token i of sentence si looks back from:
 * this sentence and the one before, which may end the paragraph before
 * ("... Kim Yo Jong said. / She also criticized"), but no further than
 * COREF_REACH tokens, so that a run-on paragraph costs what its bytes cost. */
static size_t lookback(const struct doc *d, size_t si, size_t i)
{
	size_t from = si > 0 ? d->sent[si - 1].first : d->sent[si].first;

	return i > from + COREF_REACH ? i - COREF_REACH : from;
}

/* Kinds of actor a pronoun or description may stand for, as bits. */
enum {
	PERSONS = 1 << KIND_PERSON, STATES = 1 << KIND_STATE,
	BODIES = 1 << KIND_ORGANIZATION | 1 << KIND_GROUP
};

struct found {
	struct mention *list;
	size_t n, cap;
	struct seen seen;
	long *at;		/* per token: the mention in list covering it, HIDDEN, or -1;
				 * the indexes hold until a sentence's mentions are sorted */
	int *persons;		/* the persons mentioned so far, each once */
	size_t npersons, persons_cap;
	const uint64_t *cls;	/* per token: its word's C_ bits */
};

/* Is the word of token i of one of 'classes'? */
static bool tok_is(const struct found *f, size_t i, uint64_t classes)
{
	return (f->cls[i] & classes) != 0;
}

static bool heads_org_name(const struct doc *d, const struct found *f, size_t first, size_t i)
{
	return i >= first + 2 && tok_is(f, i - 1, C_OF_FOR) && (d->tok[i - 2].flags & TOK_UPPER) &&
	       tok_is(f, i - 2, C_ORG_HEAD);
}

enum { HIDDEN = -2 };	/* f->at of a token inside a place's name */

static bool covered(const struct found *f, size_t i)
{
	return f->at[i] != -1;
}

/* Make mention k of the list the mention m, and record what it shows. */
static void set_mention(struct found *f, size_t k, struct mention m)
{
	f->list[k] = m;
	for (size_t i = m.first; i < m.end; i++)
		f->at[i] = (long)k;
	if (f->seen.recent[m.actor] == 0 && f->seen.named[m.actor] == false) {
		xgrow(&f->persons, &f->persons_cap, f->npersons + 1, sizeof *f->persons);
		f->persons[f->npersons++] = m.actor;	/* filtered by kind where used */
	}
	if (m.form == FORM_NAME || m.form == FORM_ADJECTIVE || m.form == FORM_SEAT)
		f->seen.named[m.actor] = true;
	f->seen.recent[m.actor] = k + 1;
}

static void add_mention(struct found *f, size_t first, size_t end, int actor, enum name_form form)
{
	xgrow(&f->list, &f->cap, f->n + 1, sizeof *f->list);
	set_mention(f, f->n++, (struct mention){first, end, actor, form});
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

/* The one actor of the kinds asked for mentioned in tokens [from, to), or
 * NONE, or MANY when there is more than one: a wrong antecedent is worse than
 * none. */
enum { NONE = -1, MANY = -2 };
static int the_one(const struct schema *s, const struct found *f, size_t from, size_t to, unsigned kinds)
{
	int found = NONE;

	for (size_t k = f->n; k-- > 0 && f->list[k].first >= from;) {
		int a = f->list[k].actor;

		if (f->list[k].first >= to || !(kinds & 1u << s->actors[a].kind))
			continue;
		if (found >= 0 && found != a)
			return MANY;
		found = a;
	}
	return found;
}

/* The subject sentence si opens with, an actor of those kinds named before
 * any lowercase word ("Trump said", "Russian President Vladimir Putin
 * met"), or NONE. */
static int opening_actor(const struct schema *s, const struct doc *d, const struct found *f, size_t si,
			 unsigned kinds)
{
	size_t first = d->sent[si].first, k = f->n, open = (size_t)-1;

	while (k > 0 && f->list[k - 1].first >= first) {
		k--;
		if (f->list[k].first < d->sent[si].end)
			open = k;
	}
	/* past a title's state: "Russian President Vladimir Putin met" */
	while (open != (size_t)-1 && f->list[open].form == FORM_ADJECTIVE && open + 1 < f->n &&
	       f->list[open + 1].first < d->sent[si].end && (d->tok[f->list[open].end].flags & TOK_UPPER))
		open++;
	if (open == (size_t)-1 || !(kinds & 1u << s->actors[f->list[open].actor].kind) ||
	    f->list[open].form == FORM_PRONOUN)
		return NONE;
	if (open + 1 < f->n && f->list[open + 1].first < d->sent[si].end) {
		size_t t = f->list[open].end;	/* "Xi Jinping and Vladimir Putin met": either */

		while (t < f->list[open + 1].first && (strcmp(d->tok[t].norm, ",") == 0 || tok_is(f, t, C_AND)))
			t++;
		if (t == f->list[open + 1].first)
			return NONE;
	}
	for (size_t t = first; t < f->list[open].first; t++)
		if (!(d->tok[t].flags & TOK_UPPER))
			return NONE;
	return f->list[open].actor;
}

/* A pronoun's antecedent at token i: the one actor of those kinds named
 * before it in its sentence, or when there is none there, in the sentence
 * before ("Israel and Lebanon ... Pakistan's army said it had"); of several
 * persons there, the one it opens with when the pronoun opens its own
 * ("Trump said the two leaders had made plans. He did not bring up"), but
 * "it" is too often no actor at all to be guessed so. */
static int antecedent(const struct schema *s, const struct doc *d, const struct found *f, size_t si, size_t i,
		      unsigned kinds)
{
	size_t from = lookback(d, si, i), here = d->sent[si].first > from ? d->sent[si].first : from;
	int a = the_one(s, f, here, i, kinds), before;
	long m;

	/* among several, the doer of an infinitive it is the object of: "urged
	 * Iran to halt its program", "called for Israel to drop its plans" */
	if (a == MANY && i >= here + 3 && strcmp(d->tok[i - 2].norm, "to") == 0 &&
	    (d->tok[i - 1].flags & TOK_WORD) && !(d->tok[i - 1].flags & TOK_UPPER) && (m = f->at[i - 3]) >= 0 &&
	    f->list[m].end == i - 2 && (kinds & 1u << s->actors[f->list[m].actor].kind))
		return f->list[m].actor;
	if (a != NONE)
		return a;
	before = the_one(s, f, from, here, kinds);
	if (before == MANY && kinds == PERSONS && i == d->sent[si].first && si > 0 && d->sent[si - 1].first >= from)
		return opening_actor(s, d, f, si - 1, kinds);
	return before;
}

/* "it" as a verb's object ("won't speak to Hamas, labeling it a terrorist
 * group") goes on with the last object of a preposition before it in the
 * sentence when that is a state or body; else -1. */
static int object_before(const struct schema *s, const struct doc *d, const struct found *f, size_t first,
			 size_t i)
{
	/* after a verb: a plain lowercase word, no preposition or conjunction */
	if (i <= first || !(d->tok[i - 1].flags & TOK_WORD) || (d->tok[i - 1].flags & TOK_UPPER) ||
	    tok_is(f, i - 1, C_OBJECT_PREP | C_NOT_NAME))
		return -1;
	for (size_t k = f->n; k-- > 0 && f->list[k].first >= first;) {
		const struct mention *mn = &f->list[k];
		size_t b = mn->first;

		if (mn->first >= i)
			continue;
		if (b > first && tok_is(f, b - 1, C_THE))
			b--;
		return b > first && tok_is(f, b - 1, C_OBJECT_PREP) &&
		       ((STATES | BODIES) & 1u << s->actors[mn->actor].kind) ? mn->actor : -1;
	}
	return -1;
}

/* "the country", "the kingdom": the one state of the sentence before;
 * "the alliance", "the group": the one body of this sentence and the one
 * before, unless the noun takes its own parties ("the alliance between").
 * Returns the actor, or a negative number. */
static int description(const struct schema *s, const struct doc *d, size_t si, size_t i, const struct found *f)
{
	size_t from = lookback(d, si, i);

	if (i + 1 >= d->sent[si].end)
		return -1;
	if (tok_is(f, i + 1, C_STATE_NOUN))
		return the_one(s, f, from, d->sent[si].first, STATES);
	if (tok_is(f, i + 1, C_BODY_NOUN) && !(i + 2 < d->sent[si].end && tok_is(f, i + 2, C_OWN_PARTIES)))
		return the_one(s, f, from, i, BODIES);
	return -1;
}

enum { MAX_GROUP = 16 };

/* "they" at token i: the actors of the one list ("Belgium, France and
 * Norway", "the US and the UK") named in this sentence before it and the one
 * before, all persons or all states and bodies, into out. Returns how many:
 * 0 when there is no list, or two of them, or a group named ("the Taliban",
 * not "European") that "they" may name as well. */
static size_t plural(const struct schema *s, const struct doc *d, const struct found *f, size_t from,
		     size_t i, int *out)
{
	size_t n = 0, lists = 0;

	for (size_t k = f->n; k-- > 0 && f->list[k].first >= from;) {
		size_t run = 1;	/* mentions k - run + 1 .. k make a list */

		if (f->list[k].first >= i)
			continue;
		if (s->actors[f->list[k].actor].kind == KIND_GROUP && f->list[k].form == FORM_NAME)
			return 0;
		for (; run <= k && run < MAX_GROUP; run++) {
			const struct mention *mn = &f->list[k - run + 1], *prev = &f->list[k - run];
			size_t t = prev->end;

			while (t < mn->first && (strcmp(d->tok[t].norm, ",") == 0 || tok_is(f, t, C_AND | C_THE)))
				t++;
			if (prev->first < from || t < mn->first || prev->end >= mn->first ||	/* "United
				 * Nations Voluntary Fund": one name, not a list of two */
			    (s->actors[prev->actor].kind == KIND_PERSON) != (s->actors[mn->actor].kind == KIND_PERSON))
				break;
		}
		if (run >= 2 && lists++ == 0)
			for (size_t r = 0; r < run; r++)
				out[n++] = f->list[k - run + 1 + r].actor;	/* in text order */
		k -= run - 1;
	}
	return lists == 1 ? n : 0;
}

/* "the two countries", "both sides", "the two leaders" at token i: the two
 * states (or persons) named in this sentence before it and the one before,
 * if exactly two, as a group of two mentions. Returns the tokens taken. */
static size_t two_states(const struct schema *s, const struct doc *d, size_t si, size_t i,
		       struct found *f)
{
	size_t from = lookback(d, si, i), noun, to = i;
	enum actor_kind kind;
	int a = -1, b = -1;

	if (tok_is(f, i, C_BOTH)) {
		noun = i + 1;	/* "both sides": of the sentence before, not those who press them */
		if (si == 0)
			return 0;
		to = d->sent[si].first;
	} else if (i + 1 < d->sent[si].end && tok_is(f, i + 1, C_TWO))
		noun = i + 2;
	else
		return 0;
	if (noun >= d->sent[si].end)
		return 0;
	if (tok_is(f, noun, C_PAIR_STATES))
		kind = KIND_STATE;
	else if (tok_is(f, noun, C_PAIR_PERSONS))
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
	add_mention(f, i, noun + 1, a, FORM_GROUP);
	add_mention(f, i, noun + 1, b, FORM_GROUP);
	return noun + 1 - i;
}

/* The actor of a person's name ending before token end: "the Obama
 * administration", "the Erdogan government" is the state the person leads
 * on the document's date, named (*form), as "the U.S. administration" is. */
static int acting(const struct schema *s, const struct doc *d, const struct found *f, size_t end, size_t limit,
		  int a, enum name_form *form)
{
	int state;

	if (s->actors[a].kind != KIND_PERSON || end >= limit || !tok_is(f, end, C_GOVERNMENT))
		return a;
	state = schema_side(s, a, d->date);
	if (s->actors[state].kind != KIND_STATE)
		return a;
	*form = FORM_NAME;
	return state;
}

/* Forget the names a document added to the schema, names [n, nnames): the
 * next document finds the actors it introduced only if it introduces them
 * too, so that what a document gives depends on it and the schema alone. */
static void forget_names(struct matcher *m, size_t n)
{
	for (size_t i = m->indexed; i-- > n;) {
		const char *key = m->s->names[i].key;
		long first = trie_put(m->keys, key, -1);	/* i is the last of its chain */

		if (first != (long)i) {
			int j = (int)first;

			trie_put(m->keys, key, first);
			while (m->next[j] != (int)i)
				j = m->next[j];
			m->next[j] = -1;
		}
		free(m->caps[i]);
	}
	if (m->indexed > n)
		m->indexed = n;
	schema_forget_names(m->s, n);
}

/* Gazetteer names and pronouns in sentence si. */
static void match_names(const struct matcher *m, const struct doc *d, size_t si, const int *ids,
			const int *tids, struct found *f)
{
	const struct sentence *s = &d->sent[si];

	for (size_t i = s->first; i < s->end;) {
		struct trie_hit hits[MAX_NAME_TOKENS];
		size_t nh = trie_match(m->keys, ids + i, s->end - i < MAX_NAME_TOKENS ? s->end - i : MAX_NAME_TOKENS,
				       hits, MAX_NAME_TOKENS);
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
			if (m->s->actors[actor].kind != KIND_PLACE && !heads_org_name(d, f, s->first, i - len)) {
				actor = acting(m->s, d, f, i, s->end, actor, &form);
				add_mention(f, i - len, i, actor, form);
			} else if (m->s->actors[actor].kind == KIND_PLACE)
				for (size_t k = i - len; k < i; k++)
					f->at[k] = HIDDEN;	/* and no name a text introduces: "told Fox News" */
		}
		if (found)
			continue;
		if (tok_is(f, i, C_PLURAL_PRONOUN)) {
			int group[MAX_GROUP];
			size_t n = plural(m->s, d, f, lookback(d, si, i), i, group);

			for (size_t k = 0; k < n; k++)
				add_mention(f, i, i + 1, group[k], FORM_GROUP);
		} else if (tok_is(f, i, C_PERSON_PRONOUN | C_THING_PRONOUN)) {
			/* after names: "He Lifeng" is a name */
			int a = antecedent(m->s, d, f, si, i, tok_is(f, i, C_PERSON_PRONOUN) ? PERSONS : STATES | BODIES);

			if (a < 0 && tok_is(f, i, C_IT))
				a = object_before(m->s, d, f, s->first, i);

			if (a >= 0)
				add_mention(f, i, i + 1, a, FORM_PRONOUN);
		} else if (tok_is(f, i, C_BOTH) && (pair = two_states(m->s, d, si, i, f)) > 0) {
			i += pair;	/* "both sides" */
			continue;
		} else if (tok_is(f, i, C_THE) && i + 1 < s->end) {
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

/* ASCII for the Latin letters U+00C0..U+017F, one letter each; a space
 * where it takes two letters (see ascii_of) or is no letter ("×"). */
static const char latin_ascii[] =
	"aaaaaa ceeeeiiiidnooooo ouuuuy  aaaaaa ceeeeiiiidnooooo ouuuuy y"
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii  jjkkkllllllllllnnnnnnnnnoooooo  "
	"rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/* The ASCII letters for a letter of the Latin scripts, or NULL. */
static const char *ascii_of(unsigned long cp, char one[2])
{
	switch (cp) {
	case 0xc6: case 0xe6: return "ae";
	case 0xde: case 0xfe: return "th";
	case 0xdf: return "ss";
	case 0x132: case 0x133: return "ij";
	case 0x152: case 0x153: return "oe";
	case 0x18f: case 0x259: return "a";	/* Azeri schwa: "Əliyev" */
	case 0x1a0: case 0x1a1: return "o";	/* Vietnamese horned letters */
	case 0x1af: case 0x1b0: return "u";
	case 0x218: case 0x219: return "s";	/* Romanian comma below */
	case 0x21a: case 0x21b: return "t";
	default: break;
	}
	if (cp < 0xc0 || cp > 0x17f || latin_ascii[cp - 0xc0] == ' ')
		return NULL;
	one[0] = latin_ascii[cp - 0xc0];
	one[1] = '\0';
	return one;
}

/* Punctuation, symbols and spaces outside ASCII, which separate words:
 * also emoji, private use, variation selectors and U+FFFD, which no XML
 * name (a GraphML id) may hold. */
static bool is_separator(unsigned long cp)
{
	return (cp >= 0x80 && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7 || (cp >= 0x2000 && cp <= 0x2bff) ||
	       (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xfe00 && cp <= 0xfe0f) ||
	       cp == 0xfeff || cp == 0xfffd || (cp >= 0x1f000 && cp <= 0x1faff);
}

/* An id from a name: its letters and digits lowercased and joined by '_'.
 * Latin letters are written in ASCII ("Jürgen Groß" -> jurgen_gross) unless
 * 'keep' is set; letters of other scripts are always kept (lowercased). */
static char *slug(const char *label, bool keep)
{
	const unsigned char *p = (const unsigned char *)label;
	size_t n = strlen(label), l;
	struct buf b = {0};

	for (size_t i = 0; i < n; i += l) {
		unsigned long cp = '?';
		char enc[4], one[2];
		const char *ascii;

		l = utf8_decode(p + i, n - i, &cp);
		if (!l)
			l = 1;	/* labels come from checked text; skip a stray byte */
		if (cp < 0x80 ? !isalnum((int)cp) : is_separator(cp)) {
			if (b.len && b.data[b.len - 1] != '_')
				buf_add(&b, "_", 1);
		} else if (cp < 0x80) {
			enc[0] = (char)tolower((int)cp);
			buf_add(&b, enc, 1);
		} else if (!keep && (ascii = ascii_of(cp, one))) {
			buf_puts(&b, ascii);
		} else {
			buf_add(&b, enc, utf8_encode(utf8_lower(cp), enc));
		}
	}
	while (b.len && b.data[b.len - 1] == '_')
		b.data[--b.len] = '\0';
	if (!b.len)
		buf_puts(&b, "actor");
	return b.data;
}

/* Do two labels name the same actor: the same letters and digits, whatever
 * the case, spaces and punctuation ("Kim Dong-yub", "Kim Dong Yub")? Accents
 * count: "Jürgen" is not "Jurgen". */
static bool same_name(const char *a, const char *b)
{
	char *x = slug(a, true), *y = slug(b, true);
	size_t i = 0, j = 0;
	bool same;

	for (;; i++, j++) {
		while (x[i] == '_')
			i++;
		while (y[j] == '_')
			j++;
		if (x[i] != y[j] || !x[i])
			break;
	}
	same = !x[i] && !y[j];
	free(x);
	free(y);
	return same;
}

/* A new actor's id, from its name alone, so that it does not depend on
 * what other documents said: its name in ASCII, or with its letters kept
 * when it has letters outside ASCII ("jörgen_groß", not the "jorgen_gross" of
 * "Jorgen Gross"); a number after it when an actor of the schema's files
 * has that id under another name ("john_smith_2"). Texts that name an actor
 * alike ("Kim Dong-yub", "KIM DONG-YUB") give it the same id. */
static char *new_id(const struct schema *s, const char *label)
{
	bool ascii = true;
	char *base, *id;

	for (const char *p = label; *p; p++)
		ascii = ascii && !(*p & 0x80);
	base = slug(label, !ascii);
	id = xstrdup(base);
	for (unsigned k = 2;; k++) {
		int a = schema_actor(s, id);
		struct buf num = {0};

		if (a < 0 || (size_t)a >= s->nloaded || same_name(s->actors[a].label, label)) {
			free(base);
			return id;
		}
		free(id);
		buf_printf(&num, "%s_%u", base, k);
		id = num.data;
	}
}

/* Add token i of d as a name of actor a. */
static void add_token_name(struct matcher *m, const struct doc *d, size_t i, int a, enum name_form form)
{
	char *name = xstrndup(d->text + d->tok[i].start, d->tok[i].end - d->tok[i].start);

	schema_add_name(m->s, a, name, form);
	free(name);
}

/* Register the actor named by tokens [first, end) with its name (and, for a
 * person, the word of token 'surname'), unless an earlier text or the
 * gazetteer has it under the same name. */
static int introduce(struct matcher *m, const struct doc *d, size_t first, size_t end, enum actor_kind kind,
		     size_t surname)
{
	char *label = xstrndup(d->text + d->tok[first].start, d->tok[end - 1].end - d->tok[first].start);
	char *id;
	int a;

	for (char *p = label; *p; p++)	/* a name broken over a line */
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	utf8_clean(label);
	id = new_id(m->s, label);
	a = schema_add_actor(m->s, id, label, kind);
	schema_add_name(m->s, a, label, FORM_NAME);
	if (kind == KIND_PERSON)
		add_token_name(m, d, surname, a, FORM_SURNAME);
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

static bool is_given_name_part(const struct doc *d, const struct found *f, size_t i)
{
	size_t n = strlen(d->tok[i].norm);

	return !tok_is(f, i, C_NOT_GIVEN) && !(n > 2 && strcmp(d->tok[i].norm + n - 2, "ed") == 0);
}

/* A run of capitalised words that can be a person's name. */
struct run {
	size_t end;		/* past its last token */
	size_t words;		/* capitalised words and initials */
	size_t surname;		/* the token whose word alone refers back to the person */
};

/* The run of capitalised words from token i that can be a person's name:
 * with particles ("al-", "bin", "von der"), middle initials ("George W.
 * Bush"), given names joined by a hyphen ("Ban Ki-moon") and a final "Jr."
 * or "Sr.". It stops at a title, an organisation's head, an acronym and any
 * actor found, except that token i may be a surname found: "Kim Yong Chol"
 * after Kim Jong Un. A hyphenated given name puts the surname first, as
 * Korean names do ("Ban Ki-moon" is Ban); otherwise it is the last word. */
static struct run name_run(const struct doc *d, const int *tids, const struct found *f, size_t i, size_t end)
{
	struct run r = {i, 0, i};
	size_t j = i;
	bool hyphenated = false;

	if (!(d->tok[i].flags & TOK_UPPER) || tok_is(f, i, C_NOT_NAME | C_RANK))
		return r;
	while (j < end && (j == i || !covered(f, j)) && !(tids[j] >= 0 && (d->tok[j].flags & TOK_WORD))) {	/* titles are no names */
		const struct token *t = &d->tok[j];

		if (j > i && (t->flags & TOK_UPPER) && tok_is(f, j, C_FUNCTION)) {
			/* a sentence whose stop is lost ("Academy Awards The film"), or
			 * a title in capitals ("Morsi Praised For Cease-Fire"): no name */
			if (j + 1 < end && (d->tok[j + 1].flags & TOK_UPPER))
				r.words = 0;
			break;
		}
		if (r.words >= 2 && (t->flags & TOK_UPPER) && tok_is(f, j, C_SUFFIX)) {
			j++;
			if (j < end && strcmp(d->tok[j].norm, ".") == 0 && !(d->tok[j].flags & TOK_SPACE))
				j++;
			break;
		}
		if ((t->flags & TOK_UPPER) && !(t->flags & TOK_CAPS) && !tok_is(f, j, C_ORG_HEAD | C_STATE_BODY)) {
			r.words++;
			r.surname = j++;
			hyphenated = false;
			/* a middle initial: "W." before the next name */
			if (!t->norm[1] && j + 1 < end && strcmp(d->tok[j].norm, ".") == 0 &&
			    !(d->tok[j].flags & TOK_SPACE) && (d->tok[j + 1].flags & TOK_UPPER))
				j++;
		} else if (r.words && tok_is(f, j, C_HYPHEN) && !(t->flags & TOK_SPACE) && j + 1 < end &&
			   (d->tok[j + 1].flags & TOK_WORD) && !(d->tok[j + 1].flags & (TOK_UPPER | TOK_SPACE)) &&
			   is_given_name_part(d, f, j + 1)) {
			j += 2;	/* "Ki-moon" */
			hyphenated = true;
		} else if (tok_is(f, j, C_PARTICLE | C_HYPHEN) && j + 1 < end && (d->tok[j + 1].flags & TOK_UPPER) &&
			   !(d->tok[j + 1].flags & TOK_SPACE && tok_is(f, j, C_HYPHEN))) {
			j++;
		} else if (r.words && tok_is(f, j, C_PARTICLE) && j + 2 < end &&
			   tok_is(f, j + 1, C_HYPHEN) && !(d->tok[j + 1].flags & TOK_SPACE) &&
			   (d->tok[j + 2].flags & TOK_UPPER) && !(d->tok[j + 2].flags & TOK_SPACE)) {
			j += 2;	/* "al-Malki" */
		} else {
			break;
		}
	}
	r.end = j;
	if (hyphenated)
		r.surname = i;
	return r;
}

/* A title and "of" or "for" (or "to", "at" when 'at') and "the" before
 * token k: "Secretary of | Defense", "the head of the | IAEA". */
static bool title_of_before(const struct matcher *m, const struct doc *d, const int *tids,
			    const struct found *f, size_t first, size_t k, bool at)
{
	if (k > first && tok_is(f, k - 1, C_THE))
		k--;
	return k > first + 1 &&
	       (tok_is(f, k - 1, C_OF_FOR) ||
		(at && (strcmp(d->tok[k - 1].norm, "to") == 0 || strcmp(d->tok[k - 1].norm, "at") == 0))) &&
	       title_before(m, tids, first, k - 1);
}

/* Does a title, "of" or "for" and the capitalised name of a department end
 * before token i ("Secretary of Defense | Jim Mattis"), or, if not 'named',
 * before the department's name that starts at i ("Secretary of | Homeland
 * Security Kirstjen Nielsen")? */
static bool department_before(const struct matcher *m, const struct doc *d, const int *tids,
			      const struct found *f, size_t first, size_t i, bool named)
{
	size_t k = i;

	while (k > first && i - k < 4 && (d->tok[k - 1].flags & TOK_UPPER))
		k--;
	if (named != (k < i))
		return false;
	return title_of_before(m, d, tids, f, first, k, false);
}

/* A title and the body or state it serves, ending at token i: "the
 * ambassador to the UN", "the head of the IAEA" (before ", | Barbara
 * Woodward"). */
static bool title_of_body_before(const struct matcher *m, const struct doc *d, const int *tids,
				 const struct found *f, size_t first, size_t i)
{
	long k = i > first ? f->at[i - 1] : -1;

	return k >= 0 && f->list[k].end == i && title_of_before(m, d, tids, f, first, f->list[k].first, true);
}

/* Tokens before token i that mark a person: a title ("Trade Representative
 * | Jamieson Greer"), an abbreviated rank or honorific ("Sen. | Mike
 * Rogers", "Lt. Gen."), a title of a department ("Secretary of Defense |
 * Jim Mattis"), a title in an apposition ("the envoy, | Ilse
 * Varga", "the head of the IAEA, | Rafael Grossi"), a speech verb ("said |
 * Jenny Town") or "led by". */
static bool person_before(const struct matcher *m, const struct doc *d, const int *tids, const struct found *f,
			  size_t first, size_t i)
{
	if (i == first)
		return false;
	/* a state's own: "Britain's David Frost", not "Serbia's Security Intelligence Agency" */
	if (i >= first + 2 && strcmp(d->tok[i - 1].norm, "'s") == 0 && f->at[i - 2] >= 0 &&
	    m->s->actors[f->list[f->at[i - 2]].actor].kind == KIND_STATE) {
		size_t j = i;

		while (j < d->ntok && (d->tok[j].flags & TOK_UPPER))
			j++;
		return !tok_is(f, j - 1, C_ORG_HEAD | C_STATE_BODY);
	}
	if (title_before(m, tids, first, i) || department_before(m, d, tids, f, first, i, true) ||
	    tok_is(f, i - 1, C_SPEECH_VERB) ||
	    ((d->tok[i - 1].flags & TOK_UPPER) && tok_is(f, i - 1, C_RANK)))
		return true;
	if (i < first + 2)
		return false;
	if (strcmp(d->tok[i - 1].norm, ".") == 0 && !(d->tok[i - 1].flags & TOK_SPACE) &&
	    (d->tok[i - 2].flags & TOK_UPPER) && tok_is(f, i - 2, C_RANK))
		return true;
	if (strcmp(d->tok[i - 1].norm, ",") == 0 &&
	    (title_before(m, tids, first, i - 1) || title_of_body_before(m, d, tids, f, first, i - 1)))
		return true;
	return tok_is(f, i - 1, C_BY) && tok_is(f, i - 2, C_LEADING_VERB);
}

/* Tokens after a name that mark a person: a speech verb ("Jenny Town
 * said"), or an apposition with a title ("Edwin Palma, Colombia's minister
 * of mines"). */
static bool person_after(const struct matcher *m, const struct doc *d, const int *tids, const struct found *f,
			 size_t end, size_t stop)
{
	if (end < stop && tok_is(f, end, C_SPEECH_VERB))
		return true;
	if (end + 1 < stop && strcmp(d->tok[end].norm, ",") == 0)
		for (size_t k = end + 1; k < stop && k <= end + APPOSITION_REACH; k++)
			if (tids[k] >= 0 && title_before(m, tids, end + 1, k + 1))
				return true;
	return false;
}

/* The index in f->list of a surname found at token i alone, or -1. */
static long surname_at(const struct found *f, size_t i)
{
	long k = f->at[i];

	return k >= 0 && f->list[k].first == i && f->list[k].end == i + 1 && f->list[k].form == FORM_SURNAME ? k : -1;
}

/* Make mention k the name [first, end) of actor a. */
static void retarget(struct found *f, size_t k, size_t first, size_t end, int a)
{
	int was = f->list[k].actor;

	if (was != a && f->seen.recent[was] == k + 1)
		f->seen.recent[was] = 0;	/* the mention is no longer its latest */
	set_mention(f, k, (struct mention){first, end, a, FORM_NAME});
}

/* Do tokens [i, end) name person a in part: its first name ("Donald J.
 * Trump" for Donald Trump), or the end of its name ("Mr. Burbano de Lara"
 * for Felipe Burbano de Lara)? */
static bool names_in_part(const struct schema *s, int a, const struct doc *d, size_t i, size_t end)
{
	char *key = text_key(s->actors[a].label);
	struct buf part = {0};
	size_t n = strlen(d->tok[i].norm);
	bool same = strncmp(key, d->tok[i].norm, n) == 0 && key[n] == ' ';

	for (size_t k = i; k < end; k++)
		buf_printf(&part, " %s", d->tok[k].norm);
	n = strlen(key);
	/* part is " w1 w2": the label ends with it, after a space or as a whole */
	same = same || (part.len && part.len <= n + 1 && strcmp(key + n + 1 - part.len, part.data + 1) == 0 &&
			(part.len == n + 1 || key[n - part.len] == ' '));
	free(part.data);
	free(key);
	return same;
}

/* Persons the gazetteer lacks, where the text marks them as persons (see
 * person_before and person_after). Names before a surname found are the
 * same person when they name it in part ("Donald J. Trump"), and else a
 * person of their own ("Jay Carney" after Mark Carney); so are
 * more names after a surname found ("Kim Yong Chol" after Kim Jong Un). */
static void find_persons(struct matcher *m, const struct doc *d, size_t si, const int *tids,
			 struct found *f)
{
	const struct sentence *s = &d->sent[si];

	for (size_t i = s->first; i < s->end; i++) {
		long k = surname_at(f, i);
		struct run r;
		int a;

		if (covered(f, i) && k < 0)
			continue;
		r = name_run(d, tids, f, i, s->end);
		if (!r.words)
			continue;
		if (k < 0 && r.end < s->end && (k = surname_at(f, r.end)) >= 0) {
			if (names_in_part(m->s, f->list[k].actor, d, i, r.end + 1)) {
				retarget(f, (size_t)k, i, r.end + 1, f->list[k].actor);
				i = r.end;
				continue;
			}
			r.surname = r.end++;
			r.words++;
		}
		if (r.words >= 3 && k < 0 && r.surname == r.end - 1 && department_before(m, d, tids, f, s->first, i, false)) {
			/* "Secretary of | Defense Jim Mattis": the department, then the name */
			size_t p = r.surname;

			while (p-- > i && (!(d->tok[p].flags & TOK_UPPER) || !d->tok[p].norm[1]))
				;	/* past middle initials: "Kirstjen M. Nielsen" */
			i = p;
			r.words = 2;
		}
		if (r.words >= 2 && r.words <= MAX_PERSON_WORDS &&
		    (person_before(m, d, tids, f, s->first, i) || person_after(m, d, tids, f, r.end, s->end))) {
			a = introduce(m, d, i, r.end, KIND_PERSON, r.surname);
			seen_grow(&f->seen, m->s->nactors);
			if (k >= 0)
				retarget(f, (size_t)k, i, r.end, a);
			else
				add_mention(f, i, r.end, a, FORM_NAME);
		}
		i = r.end - 1;
	}
}

/* The index in f->list of a state named, or named by its adjective or seat,
 * from token i on, or -1. */
static long state_at(const struct schema *sc, const struct found *f, size_t i)
{
	long k = f->at[i];
	const struct mention *mn = k >= 0 ? &f->list[k] : NULL;

	return mn && mn->first == i && sc->actors[mn->actor].kind == KIND_STATE &&
	       (mn->form == FORM_NAME || mn->form == FORM_ADJECTIVE || mn->form == FORM_SEAT) ? k : -1;
}

/* Can token i start an organisation's name? A capitalised word, not a
 * title ("CEO of"); an acronym only before a head ("AK Party"); a state's
 * name, adjective or seat before more capitalised words ("Georgetown
 * University", "American Enterprise Institute"). */
static bool starts_org_name(const struct matcher *m, const struct doc *d, size_t si, const int *tids,
			    const struct found *f, size_t i)
{
	const struct token *t = &d->tok[i];
	long k;

	if (covered(f, i))
		return (k = state_at(m->s, f, i)) >= 0 && f->list[k].end < d->sent[si].end &&
		       !covered(f, f->list[k].end) && (d->tok[f->list[k].end].flags & TOK_UPPER);
	if (!(t->flags & TOK_UPPER) || tids[i] >= 0 || tok_is(f, i, C_NOT_NAME))
		return false;
	return !(t->flags & TOK_CAPS) || (i + 1 < d->sent[si].end && !covered(f, i + 1) &&
					  (d->tok[i + 1].flags & TOK_UPPER) && tok_is(f, i + 1, C_ORG_HEAD));
}

/* Organizations the gazetteer lacks, by the form of their name: capitalised
 * words around a head such as "Institute" or "Center" ("the Center for
 * Strategic and International Studies"), which may begin with a state's
 * name or adjective: "the Latin American Social Sciences Institute" is one
 * organization, not the United States and another. "and" after a head ends
 * the name ("the Republican Party and the Democratic Party"). Bodies of a
 * state ("the Foreign Ministry") are left to the state, but a committee of
 * a legislature ("the Senate Armed Services Committee", "the House Armed
 * Services subcommittee") is an organization of its own. An acronym in
 * parentheses after the name is the same organization: a known one, or a
 * new name of this one. */
static void find_organizations(struct matcher *m, const struct doc *d, size_t si, const int *tids,
			       struct found *f)
{
	const struct sentence *s = &d->sent[si];

	for (size_t i = s->first; i < s->end; i++) {
		size_t j = i, last = i, words = 0;
		bool head = false, body = false, committee;
		long state = -1;	/* the mention of a state inside the name */
		int a;

		if (!starts_org_name(m, d, si, tids, f, i))
			continue;
		while (j < s->end) {
			const struct token *t = &d->tok[j];
			long k = state_at(m->s, f, j);

			/* a state only right before or among the capitalised words */
			if (covered(f, j) && (k < 0 || state >= 0 || (j > i && last != j)))
				break;
			if (k >= 0) {
				state = k;
				words++;
				j = last = f->list[k].end;
				continue;
			}
			if ((t->flags & TOK_UPPER) && j > i && tok_is(f, j, C_FUNCTION) &&
			    !(j + 1 < s->end && (d->tok[j + 1].flags & TOK_UPPER)))
				break;	/* a sentence whose stop is lost: "Yale University The study" */
			if (t->flags & TOK_UPPER) {
				words++;
				last = j + 1;
				head = head || tok_is(f, j, C_ORG_HEAD);
				body = body || tok_is(f, j, C_STATE_BODY);
			} else if (!tok_is(f, j, C_ORG_JOIN) ||
				   (tok_is(f, j, C_AND) && last == j && tok_is(f, j - 1, C_ORG_HEAD))) {
				break;
			}
			j++;
		}
		committee = tok_is(f, i, C_CHAMBER) && words >= 2;
		if (committee && last == j && j < s->end && !covered(f, j) && tok_is(f, j, C_COMMITTEE))
			last = j + 1;	/* "the House Armed Services subcommittee" */
		committee = committee && tok_is(f, last - 1, C_COMMITTEE);
		if (!(head || committee) || (body && !committee) || words < 2 || last - i > MAX_NAME_TOKENS) {
			i = last > i ? last - 1 : i;
			continue;
		}
		if (last + 2 < s->end && strcmp(d->tok[last].norm, "(") == 0 &&
		    (d->tok[last + 1].flags & TOK_CAPS) && strcmp(d->tok[last + 2].norm, ")") == 0) {
			long known = strmap_get(m->s->name_keys, d->tok[last + 1].norm);

			if (known >= 0) {
				a = m->s->names[known].actor;
			} else {
				a = introduce(m, d, i, last, KIND_ORGANIZATION, 0);
				add_token_name(m, d, last + 1, a, FORM_NAME);
			}
		} else {
			a = introduce(m, d, i, last, KIND_ORGANIZATION, 0);
		}
		seen_grow(&f->seen, m->s->nactors);
		if (state >= 0)
			retarget(f, (size_t)state, i, last, a);
		else
			add_mention(f, i, last, a, FORM_NAME);
		i = last - 1;
	}
}

/* A person's mention takes in the honorific before it ("Mr. Obama"), so
 * that it stands where a name stands: "accused Mr. Obama of". The mentions
 * of sentence si from the list's 'from' on. */
static void take_honorifics(const struct schema *s, const struct doc *d, size_t si, struct found *f, size_t from)
{
	for (size_t k = from; k < f->n; k++) {
		size_t i = f->list[k].first;
		bool dot = i >= d->sent[si].first + 2 && strcmp(d->tok[i - 1].norm, ".") == 0 &&
			   !(d->tok[i - 1].flags & TOK_SPACE) && f->at[i - 1] == -1;	/* "Mr." */
		size_t r = dot ? i - 2 : i - 1;

		if (s->actors[f->list[k].actor].kind == KIND_PERSON && f->list[k].form != FORM_PRONOUN &&
		    i > d->sent[si].first && f->at[r] == -1 && (d->tok[r].flags & TOK_UPPER) &&
		    tok_is(f, r, C_HONORIFIC))
			set_mention(f, k, (struct mention){r, f->list[k].end, f->list[k].actor, f->list[k].form});
	}
}

static int cmp_mention(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;

	return x->first < y->first ? -1 : x->first > y->first;
}

enum { QUOTE_REACH = 200, SPEAKER_REACH = 8 };	/* tokens */

/* The first mention of the group that mention k belongs to. */
static size_t group_first(const struct found *f, size_t k)
{
	while (k > 0 && f->list[k].form == FORM_GROUP && f->list[k - 1].form == FORM_GROUP &&
	       f->list[k - 1].first == f->list[k].first)
		k--;
	return k;
}

/* The speaker of the quotation from the opening quote at token o to the
 * closing one at q: '"...," said X', '"...," X said', 'X told them: "..."'.
 * Returns the mention (the first of its group), or -1. */
static long speaker(const struct doc *d, const struct found *f, size_t o, size_t q, size_t line_end)
{
	size_t t = q + 1;

	if (t < line_end && tok_is(f, t, C_SPEECH_VERB)) {	/* said X */
		t += t + 1 < line_end && tok_is(f, t + 1, C_THE) ? 2 : 1;
		return t < line_end && f->at[t] >= 0 && f->list[f->at[t]].first == t ? f->at[t] : -1;
	}
	for (; t < line_end && t <= q + SPEAKER_REACH && (d->tok[t].flags & TOK_WORD); t++)	/* X said */
		if (tok_is(f, t, C_SPEECH_VERB))
			return t > q + 1 && f->at[t - 1] >= 0 && f->list[f->at[t - 1]].end == t ? f->at[t - 1] : -1;
	if (o < 2 || (strcmp(d->tok[o - 1].norm, ":") != 0 && strcmp(d->tok[o - 1].norm, ",") != 0))
		return -1;
	for (t = o - 1; t-- > 1 && t + SPEAKER_REACH > o && (d->tok[t].flags & TOK_WORD);)	/* X said: */
		if (tok_is(f, t, C_SPEECH_VERB))
			return f->at[t - 1] >= 0 && f->list[f->at[t - 1]].end == t ? f->at[t - 1] : -1;
	return -1;
}

/* "...our close relationship with Israel," they warned: in a quotation,
 * "we", "us" and "our" stand for its speaker, and "I", "me" and "my" for a
 * speaking person. Runs once the document's other mentions are found, as a
 * speaker may be named after the words; a quotation ends in its paragraph. */
static void quoted_speakers(const struct schema *s, const struct doc *d, struct found *f)
{
	size_t nfound = f->n;

	for (size_t k = 0; k < nfound; k++)
		for (size_t t = f->list[k].first; t < f->list[k].end; t++)
			f->at[t] = (long)k;
	for (size_t si = 0, o; si < d->nsent; si = o) {
		size_t line_end = d->sent[si].end, q;
		enum name_form form;
		bool person;
		long sp;

		for (o = si + 1; o < d->nsent && d->sent[o].line == d->sent[si].line; o++)
			line_end = d->sent[o].end;
		for (size_t t = d->sent[si].first; t < line_end; t = q + 1) {
			for (; t < line_end && !(d->tok[t].flags & TOK_OPEN); t++)
				;
			for (q = t + 1; q < line_end && q < t + QUOTE_REACH && strcmp(d->tok[q].norm, "\"") != 0; q++)
				;
			if (q >= line_end || strcmp(d->tok[q].norm, "\"") != 0 || (d->tok[q].flags & TOK_OPEN) ||
			    (sp = speaker(d, f, t, q, line_end)) < 0)
				continue;
			person = s->actors[f->list[sp].actor].kind == KIND_PERSON;
			form = f->list[sp].form == FORM_GROUP ? FORM_GROUP : FORM_PRONOUN;
			for (size_t w = t + 1; w < q; w++) {
				if (f->at[w] != -1 ||
				    !(tok_is(f, w, C_WE) || (person && tok_is(f, w, C_I))))
					continue;
				for (size_t k = group_first(f, (size_t)sp);
				     k < nfound && f->list[k].first == f->list[sp].first; k++)
					add_mention(f, w, w + 1, f->list[k].actor, form);
			}
		}
	}
	if (f->n > nfound)
		qsort(f->list, f->n, sizeof *f->list, cmp_mention);
}

struct vocab *actors_words(struct matcher *m)
{
	return &m->words;
}

size_t actors_find(struct matcher *m, const struct doc *d, struct mention **out, int **words)
{
	int *ids = xmalloc((d->ntok + 1) * sizeof *ids), *tids = xmalloc((d->ntok + 1) * sizeof *tids);
	uint64_t *cls = xmalloc((d->ntok + 1) * sizeof *cls);
	struct found f = {.at = xmalloc((d->ntok + 1) * sizeof *f.at), .cls = cls};
	size_t nnames = m->s->nnames;	/* the names this document adds are its own */
	int known = m->words.n;	/* the words before the names this document adds */

	seen_grow(&f.seen, m->s->nactors);
	/* every token's classes first: a sentence's rules read some tokens past it */
	for (size_t i = 0; i <= d->ntok; i++) {
		f.at[i] = -1;
		ids[i] = i < d->ntok ? vocab_getn(&m->words, d->tok[i].norm, d->tok[i].len) : -1;
		cls[i] = ids[i] >= 0 && ids[i] < m->class_words ? m->classes[ids[i]] : 0;
	}
	for (size_t si = 0; si < d->nsent; si++) {
		size_t from = f.n;

		if (m->indexed < m->s->nnames)
			index_names(m);	/* names that earlier sentences introduced */
		for (size_t i = d->sent[si].first; i < d->sent[si].end; i++) {
			if (ids[i] < 0 && m->words.n > known)	/* perhaps a word of those names */
				ids[i] = vocab_getn(&m->words, d->tok[i].norm, d->tok[i].len);
			/* tids: the word's id if it is a title's, else -1 */
			tids[i] = ids[i] < m->title_words ? ids[i] : -1;
		}
		match_names(m, d, si, ids, tids, &f);
		find_organizations(m, d, si, tids, &f);
		find_persons(m, d, si, tids, &f);
		take_honorifics(m->s, d, si, &f, from);
		if (f.n > from)
			qsort(f.list + from, f.n - from, sizeof *f.list, cmp_mention);
	}
	quoted_speakers(m->s, d, &f);
	forget_names(m, nnames);
	*words = ids;
	free(tids);
	free(cls);
	free(f.seen.named);
	free(f.seen.recent);
	free(f.at);
	free(f.persons);
	*out = f.list;
	return f.n;
}

static int cmp_count(const void *a, const void *b)
{
	const struct mention_count *x = a, *y = b;

	return (x->actor > y->actor) - (x->actor < y->actor);
}

size_t actors_count(const struct mention *m, size_t nm, struct mention_count **out)
{
	struct mention_count *c = xmalloc((nm ? nm : 1) * sizeof *c);
	size_t n = 0;

	for (size_t i = 0; i < nm; i++)
		c[i] = (struct mention_count){m[i].actor, 1};
	qsort(c, nm, sizeof *c, cmp_count);
	for (size_t i = 0; i < nm; i++)
		if (n > 0 && c[n - 1].actor == c[i].actor)
			c[n - 1].count++;
		else
			c[n++] = c[i];
	*out = c;
	return n;
}
