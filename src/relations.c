/* relations.c - trigger lookup, argument patterns, direction and modality.
 *
 * A trigger from the schema is found in a sentence; its arguments are the
 * actor mentions that the grammar around it makes its parties, not every
 * actor in the sentence: a subject before a verb and its object after it; a
 * possessor or modifier of a noun and the object of its preposition; the two
 * sides of "between A and B" or of a compound "A-B summit"; the agent of a
 * passive "by". Lists ("A, B and C") give one relation per member. */
#include "relations.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trie.h"
#include "util.h"

enum { SUBJECT_WINDOW = 20, OBJECT_WINDOW = 6, OBJECTS_WINDOW = 10, MODAL_WINDOW = 10 };

enum { MAX_PHRASE = 16 };	/* tokens in the longest trigger or cue that counts */
enum { MAX_LIST = 8 };		/* members of a list that count: "A, B, C and D" */

struct extractor {
	const struct schema *s;
	struct vocab *words;		/* the matcher's, which triggers, cues and classes join */
	int nwords;			/* its words when the extractor was made: classes' size */
	struct trie *triggers, *cues;	/* key -> first trigger; key -> 1 */
	int *next;			/* next trigger with the same key, or -1 */
	unsigned *classes;		/* per word id: its W_ bits */
	int **objects;			/* per trigger: word ids of its objects */
	int title;			/* the first title trigger, or -1 */
	int membership;			/* the first noun trigger of membership ("member of"), or -1 */
	int affiliation;		/* the relation of a person to a state or body, or -1 */
	int talks;			/* the relation of mediators to the parties, or -1 */
	int threat, conflict, sanctions;	/* a vow of either of the last two is the first; or -1 */
	int presence;			/* troops or bases in another's land, or -1 */
};

static const char *const preps[] = {
	"on", "in", "at", "to", "with", "of", "for", "from", "against", "toward", "towards", "into",
	"by", "about", "over", "under", "between", "among", "after", "before", "than", "like", "via",
	"across", "through", "within", "without", "out", "behind", "beyond", "upon", "onto", "during",
	"despite", "near", "off", "around", "since", "until", "following", NULL
};
/* prepositions after which a noun takes an object: "war in", "talks with" */
static const char *const noun_preps[] = {
	"with", "on", "against", "between", "to", "toward", "towards", "in", "into", "of", "over",
	"for", NULL
};
static const char *const dets[] = {"the", "a", "an", NULL};
/* people and bodies that act for the state they are "of" */
static const char *const agents[] = {
	"official", "officials", "chief", "chiefs", "minister", "ministers", "leader", "leaders",
	"envoy", "envoys", "delegation", "delegations", "representative", "representatives",
	"government", "governments", "administration", "ministry", "ministries", "forces", "army", "armies",
	"military", "militaries", "navy", "president", "head", "heads", "spokesman", "spokeswoman",
	"spokesperson", "ambassador", "ambassadors", "diplomats", "authorities", "negotiators",
	"troops", "allies", "countries", "nations", "states", "powers", "members", "coalition",
	"mediators", "secretary", "general", "generals", "commander", "commanders", "chairman",
	"chairwoman", "chancellor", "premier", "king", "queen", "emir", "prince", "embassy", "embassies",
	"consulate", "office", "cabinet", "regime", "junta", "council", "agency", "department",
	"spokespeople", "presidency", "police", "guard",
	"force", "diplomat", "mission", "delegates", NULL
};
static const char *const clause_words[] = {
	"but", "while", "whereas", "although", "though", "because", "yet", "unless", NULL
};
static const char *const clause_marks[] = {";", ":", "--", "(", ")", ".", "?", "!", NULL};
static const char *const pronouns[] = {"he", "she", "they", "we", "it", "i", "you", NULL};
static const char *const speech_verbs[] = {
	"said", "say", "says", "announced", "stated", "added", "confirmed", "declared", "denied",
	"denies", "claimed", "claims", "insisted", "insists", "argued", NULL
};
/* the fighters of an armed group ("Hezbollah fighters attacked"); a state's
 * demonym before them names its opposition, not the state ("Syrian rebels") */
static const char *const fighters[] = {
	"fighters", "militants", "rebels", "insurgents", "guerrillas", "militiamen", "gunmen", NULL
};
/* nouns that name the one they relate to right after them: "its ally Belarus" */
static const char *const partners[] = {
	"ally", "allies", "partner", "partners", "backer", "backers", "member", "members", "friend", "friends",
	"allied", "backed", "supported", "sponsored", NULL	/* "Iranian-backed Houthi rebels" */
};
/* what a state acts through besides its agents: "Chinese vessels fired" */
static const char *const instruments[] = {
	"vessels", "vessel", "ships", "ship", "warships", "warship", "jets", "aircraft", "planes",
	"warplanes", "bombers", "helicopters", "soldiers", "artillery", "tanks", "submarines", "frigates",
	"destroyers", "gunboats",
	"drones", "missiles", "coast", "guard", "police", "navy", "security", "intelligence", "regime",
	"leadership", "side", "media", "officials", "official", "court", "courts", NULL
};
/* what an actor issues, that speaks for it: "a resolution condemning X" */
static const char *const statements[] = {
	"statement", "statements", "resolution", "resolutions", "declaration", "communique",
	"letter", "speech", "remarks", "message", "report", "tweet", "post", "comments", NULL
};
static const char *const relatives[] = {"who", "whom", "whose", "which", "that", NULL};
/* where a meeting is, whose owner is no party: "on the sidelines of the SCO summit" */
static const char *const venues[] = {"sidelines", "sideline", "margins", "margin", NULL};
/* nouns that measure an act: "a new round of talks" is talks */
static const char *const measures[] = {
	"round", "rounds", "series", "wave", "waves", "spate", "flurry", "string", "raft", "package",
	"thousands", "hundreds", "dozens", "tens", NULL
};
static const char *const amounts[] = {"million", "billion", "trillion", "thousand", NULL};
/* words of a wish whose object follows "for": "called for talks with" (not
 * "calls", which may be a noun: "rejected calls for a ceasefire") */
static const char *const wishes[] = {
	"ready", "called", "calling", "pushed", "pushing", "pressed", "pressing", "appealed", "appealing", NULL
};
/* verbs of a response whose means follow "with": "retaliated with levies on" */
static const char *const responses[] = {
	"retaliated", "retaliate", "retaliates", "retaliating", "responded", "respond", "responds",
	"responding", "reacted", "react", "reacts", "reacting", "back", NULL
};
static const char *const copulas[] = {
	"is", "was", "are", "were", "has", "have", "been", "being", "remain", "remains", "remained", "became",
	"become", "becomes", "becoming", "stay", "stays", "stayed", NULL
};
/* past participles that "-ed" does not show */
static const char *const participles[] = {
	"made", "built", "sold", "bought", "given", "sent", "held", "led", "run", "taken", "won",
	"written", "known", "seen", "done", "paid", "brought", NULL
};
/* the future of a threat or a vow */
static const char *const wills[] = {"would", "will", "'ll", NULL};
/* words that open a condition, which rules the clause after it */
static const char *const conditions[] = {"if", "unless", "whether", NULL};
/* words that open a leading subordinate clause, which a comma closes */
static const char *const subordinators[] = {
	"if", "unless", "when", "while", "although", "though", "after", "before", "because",
	"once", "as", "since", "whether", NULL
};
/* adverbs of adverb() */
static const char *const adverbs[] = {
	"not", "never", "also", "already", "just", "still", "now", "again", "even", "since", "long", NULL
};
/* auxiliaries of a passive: "has been criticized", "got sanctioned" */
static const char *const be[] = {
	"is", "are", "was", "were", "be", "been", "being", "get", "got", "remain", "remains", "remained",
	"stay", "stays", "stayed", NULL
};
/* words of a time set between a subject and its verb: "Russia last week
 * condemned", "China earlier this year signed" */
static const char *const time_words[] = {
	"last", "this", "next", "earlier", "later", "week", "weekend", "month", "year", "night", "morning",
	"afternoon", "evening", "today", "yesterday", "tonight", "ago", "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday", NULL
};
/* agents that speak for the state they come "from" */
static const char *const envoys[] = {
	"official", "officials", "delegation", "delegations", "diplomat", "diplomats", "envoy", "envoys",
	"representative", "representatives", "negotiators", "minister", "ministers", "leader", "leaders",
	"government", "governments", NULL
};
/* what a state's forces, trade or diplomacy are: words a name may stand
 * before as the owner of the noun after them ("a U.S. air base") */
static const char *const branches[] = {
	"military", "naval", "air", "army", "defense", "defence", "security", "peacekeeping", "trade",
	"economic", "financial", "nuclear", "missile", "joint", "diplomatic", "intelligence", "border",
	"special", "armed", "combat", "marine", NULL
};
static const char *const question_words[] = {
	"will", "would", "could", "can", "should", "shall", "may", "might", "do", "does", "did",
	"is", "are", "was", "were", "has", "have", "had", "what", "how", "why", "whether", "who",
	"when", "where", "which", NULL
};

/* Word classes, looked up once per token instead of list by list. */
enum {
	W_PREP = 1 << 0, W_NOUN_PREP = 1 << 1, W_DET = 1 << 2, W_CLAUSE = 1 << 3,
	W_AGENT = 1 << 4, W_QUESTION = 1 << 5, W_PRONOUN = 1 << 6, W_SPEECH = 1 << 7,
	W_COPULA = 1 << 8, W_AMOUNT = 1 << 9, W_STATEMENT = 1 << 10, W_INSTRUMENT = 1 << 11,
	W_PARTNER = 1 << 12, W_FIGHTERS = 1 << 13, W_CONDITION = 1 << 14,
	W_SUBORDINATOR = 1 << 15, W_ADVERB = 1 << 16, W_BE = 1 << 17, W_BRANCH = 1 << 18,
	W_TIME = 1 << 19, W_ENVOY = 1 << 20
};

static const struct {
	const char *const *words;
	unsigned bit;
} classes[] = {
	{preps, W_PREP}, {noun_preps, W_NOUN_PREP}, {dets, W_DET}, {clause_words, W_CLAUSE},
	{clause_marks, W_CLAUSE}, {agents, W_AGENT}, {question_words, W_QUESTION},
	{pronouns, W_PRONOUN}, {speech_verbs, W_SPEECH}, {copulas, W_COPULA}, {amounts, W_AMOUNT},
	{statements, W_STATEMENT}, {instruments, W_INSTRUMENT}, {partners, W_PARTNER},
	{fighters, W_FIGHTERS}, {conditions, W_CONDITION}, {subordinators, W_SUBORDINATOR},
	{adverbs, W_ADVERB}, {be, W_BE}, {branches, W_BRANCH}, {time_words, W_TIME}, {envoys, W_ENVOY},
};

struct extractor *relations_new(const struct schema *s, struct vocab *words)
{
	struct extractor *x = xcalloc(1, sizeof *x);

	x->words = words;
	x->triggers = trie_new(words);
	x->cues = trie_new(words);

	x->s = s;
	x->next = xcalloc(s->ntriggers, sizeof *x->next);
	/* written words before inflected forms in each chain: "meeting" is the
	 * noun written as such before a form of the verb "meet" */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < s->ntriggers; i++) {
			long first;

			if (s->triggers[i].inflected != (pass == 1))
				continue;
			first = trie_put(x->triggers, s->triggers[i].key, (long)i);
			x->next[i] = -1;
			if (first >= 0) {	/* keep the first, chain the others after it */
				int j = (int)first;

				trie_put(x->triggers, s->triggers[i].key, first);
				while (x->next[j] >= 0)
					j = x->next[j];
				x->next[j] = (int)i;
			}
		}
	for (size_t i = 0; i < s->nhypothetical; i++)
		trie_put(x->cues, s->hypothetical[i], 1);
	for (size_t k = 0; k < sizeof classes / sizeof *classes; k++)
		for (size_t i = 0; classes[k].words[i]; i++)
			vocab_add(words, classes[k].words[i]);
	x->title = x->membership = -1;
	x->affiliation = schema_reltype(s, "affiliation");
	x->talks = schema_reltype(s, "talks");
	x->threat = schema_reltype(s, "threat");
	x->conflict = schema_reltype(s, "military_conflict");
	x->sanctions = schema_reltype(s, "sanctions");
	x->presence = schema_reltype(s, "military_presence");
	for (size_t t = 0; t < s->ntriggers; t++) {
		if (s->triggers[t].form == TRIG_TITLE && x->title < 0)
			x->title = (int)t;
		if (s->triggers[t].form == TRIG_NOUN && s->triggers[t].person_rel >= 0 && x->membership < 0)
			x->membership = (int)t;
	}
	/* objects as word ids: a token's id is compared, not its text */
	x->objects = xcalloc(s->ntriggers + 1, sizeof *x->objects);
	for (size_t t = 0; t < s->ntriggers; t++) {
		x->objects[t] = xcalloc(s->triggers[t].nobjects + 1, sizeof **x->objects);
		for (size_t j = 0; j < s->triggers[t].nobjects; j++)
			x->objects[t][j] = vocab_add(words, s->triggers[t].objects[j]);
	}
	x->nwords = words->n;
	x->classes = xcalloc((size_t)x->nwords, sizeof *x->classes);
	for (size_t k = 0; k < sizeof classes / sizeof *classes; k++)
		for (size_t i = 0; classes[k].words[i]; i++)
			x->classes[vocab_get(words, classes[k].words[i])] |= classes[k].bit;
	return x;
}

void relations_free(struct extractor *x)
{
	if (!x)
		return;
	trie_free(x->triggers);
	trie_free(x->cues);
	for (size_t t = 0; t < x->s->ntriggers; t++)
		free(x->objects[t]);
	free(x->objects);
	free(x->classes);
	free(x->next);
	free(x);
}

/* The work on one sentence. */
struct ctx {
	const struct extractor *x;
	const struct doc *d;
	const struct sentence *S;
	size_t si;
	const struct mention *m;
	size_t nm;		/* mentions in m */
	const int *at;		/* token -> mention covering it, or -1 */
	const int *wid;		/* token -> word id in the tries, or -1 */
	const unsigned *cls;	/* token -> W_ bits */
	int *head;		/* mention -> the person it is a title modifier of, or -1 */
	size_t lead_comma;	/* see lead_comma() */
	const struct trigger *tr;	/* the trigger relate() is reading, or NULL */
	struct event *ev;
	size_t n, cap, sent_first;	/* events of this sentence start at sent_first */
};

static const char *word(const struct ctx *c, size_t i)
{
	return c->d->tok[i].norm;
}

static bool is(const struct ctx *c, size_t i, unsigned bit)
{
	return (c->cls[i] & bit) != 0;
}

/* his, her, their, its, our */
static bool possessive(const struct ctx *c, size_t i)
{
	return strcmp(word(c, i), "his") == 0 || strcmp(word(c, i), "her") == 0 ||
	       strcmp(word(c, i), "their") == 0 || strcmp(word(c, i), "its") == 0 ||
	       strcmp(word(c, i), "our") == 0;
}

/* Does word w end with 'end' after at least two more letters ("attacked",
 * not "red")? */
static bool ends(const char *w, const char *end)
{
	size_t n = strlen(w), k = strlen(end);

	return n > k + 1 && strcmp(w + n - k, end) == 0;
}

static bool is_boundary(const struct ctx *c, size_t i)
{
	return (is(c, i, W_CLAUSE) && !(strcmp(word(c, i), "yet") == 0 && i + 1 < c->S->end &&
					strcmp(word(c, i + 1), "to") == 0)) ||	/* "have yet to sign" */
	       i == c->lead_comma;
}

/* A plain word that may modify a noun: lowercase, no function word. */
static bool modifier_word(const struct ctx *c, size_t i)
{
	return c->at[i] < 0 && (c->d->tok[i].flags & TOK_WORD) && !(c->d->tok[i].flags & TOK_UPPER) &&
	       !is(c, i, W_PREP | W_COPULA | W_PRONOUN | W_QUESTION | W_CLAUSE) &&
	       strcmp(word(c, i), "and") != 0 && strcmp(word(c, i), "or") != 0;
}

/* The comma that closes a leading subordinate clause ("If Iran attacks
 * Israel, the US ..."), a clause boundary; or (size_t)-1. */
static size_t lead_comma(const struct ctx *c)
{
	if (!is(c, c->S->first, W_SUBORDINATOR))
		return (size_t)-1;
	for (size_t i = c->S->first + 1; i < c->S->end && i < c->S->first + 64; i++)
		if (strcmp(word(c, i), ",") == 0)
			return i;
	return (size_t)-1;
}

/* The mention ending just before token i (i itself excluded), or -1. */
static int mention_ending(const struct ctx *c, size_t i)
{
	if (i <= c->S->first)
		return -1;
	int mi = c->at[i - 1];

	return mi >= 0 && c->m[mi].end == i ? mi : -1;
}

/* The mention that starts at token i, also after a determiner ("the
 * Philippines" may be a name of its own or "the" + "Philippines"), or -1. */
static int mention_at(const struct ctx *c, size_t i)
{
	if (i < c->S->end && c->at[i] >= 0 && c->m[c->at[i]].first == i)
		return c->at[i];
	if (i + 1 < c->S->end && is(c, i, W_DET) && c->at[i + 1] >= 0 &&
	    c->m[c->at[i + 1]].first == i + 1)
		return c->at[i + 1];
	return -1;
}

/* The preposition that governs mention mi ("on the UN" -> "on"), or NULL.
 * Later members of a list share the first member's: "from Japan and Vietnam". */
static const char *governor(const struct ctx *c, int mi)
{
	size_t i = c->m[mi].first;
	int cur = mi;

	for (int steps = 0; steps < MAX_LIST; steps++) {
		size_t j = i;
		int prev;

		while (j > c->S->first && is(c, j - 1, W_DET))
			j--;
		/* a list of one kind of name: "in Damascus, Saudi Arabia and Qatar have"
		 * does not put the two states after "in" */
		if (j > c->S->first && (strcmp(word(c, j - 1), "and") == 0 || strcmp(word(c, j - 1), ",") == 0 ||
					strcmp(word(c, j - 1), "or") == 0) &&
		    (prev = mention_ending(c, j - 1)) >= 0 &&
		    (strcmp(word(c, j - 1), ",") != 0 || c->m[prev].form == c->m[cur].form)) {
			i = c->m[prev].first;
			cur = prev;
			continue;
		}
		break;
	}
	while (i > c->S->first && is(c, i - 1, W_DET))
		i--;
	/* "the chiefs of Pakistan", "a spokesman for China", "officials from
	 * Russia and China": a body acting for the state, not an object (but
	 * "troops from Egypt" are where the troops come from) */
	if (i > c->S->first + 1 && (((strcmp(word(c, i - 1), "of") == 0 || strcmp(word(c, i - 1), "for") == 0) &&
				     is(c, i - 2, W_AGENT)) ||
				    (strcmp(word(c, i - 1), "from") == 0 && is(c, i - 2, W_ENVOY))))
		return NULL;
	if (i > c->S->first && is(c, i - 1, W_PREP))
		return word(c, i - 1);
	return NULL;
}

/* The actor a mention stands for: a title modifier stands for its person. */
static int actor_of(const struct ctx *c, int mi)
{
	return c->m[c->head[mi] >= 0 ? c->head[mi] : mi].actor;
}

/* Record relation rel from actor sa to ta, with evidence tokens [first, end). */
static void emit(struct ctx *c, int rel, int sa, int ta, size_t first, size_t end, enum modality mod,
		 const char *tid, const char *pattern)
{
	const struct schema *s = c->x->s;
	struct event *e;

	if (sa == ta)
		return;
	/* an armed group's fighters or bases where it fights are no garrison
	 * ("the coalition attacking IS forces in Syria"), though fighters it
	 * sends or deploys are ("Wagner fighters have been deployed to Libya") */
	if (rel == c->x->presence && s->actors[sa].kind == KIND_GROUP && c->tr && c->tr->form == TRIG_NOUN)
		return;
	/* an actor and the state or body it serves are one side: only the tie
	 * between them is a relation ("a visit to a U.S. air base, Trump said") */
	if (rel != c->x->affiliation &&
	    (schema_side(s, sa, c->d->date) == ta || schema_side(s, ta, c->d->date) == sa))
		return;
	if (!s->rels[rel].directed && strcmp(s->actors[sa].id, s->actors[ta].id) > 0) {
		int t = sa;

		sa = ta;
		ta = t;
	}
	for (size_t i = c->sent_first; i < c->n; i++) {
		e = &c->ev[i];
		if (e->rel == rel && e->source == sa && e->target == ta) {
			if (mod == MOD_ASSERTED)	/* an asserted mention outranks a hypothetical one */
				e->modality = MOD_ASSERTED;
			return;
		}
	}
	xgrow(&c->ev, &c->cap, c->n + 1, sizeof *c->ev);
	e = &c->ev[c->n++];
	e->rel = rel;
	e->source = sa;
	e->target = ta;
	e->modality = mod;
	e->sentence = c->si;
	e->start = c->d->tok[first].start;
	e->end = c->d->tok[end - 1].end;
	snprintf(e->rule, sizeof e->rule, "%s/%s", tid, pattern);
}

/* Does "each other" or "one another" follow the trigger ending at b? */
static bool each_other(const struct ctx *c, size_t b, size_t cr)
{
	return b + 1 < cr && ((strcmp(word(c, b), "each") == 0 && strcmp(word(c, b + 1), "other") == 0) ||
			      (strcmp(word(c, b), "one") == 0 && strcmp(word(c, b + 1), "another") == 0));
}

static bool cue_at(const struct ctx *c, size_t i, size_t limit);
static size_t clause_start(const struct ctx *c, size_t a);

/* Is the trigger at a vowed ("vowed to attack", "promised to retaliate") or
 * announced as the speaker's own ("warned it would strike", "said they will
 * impose")? */
static bool vowed(const struct ctx *c, size_t a)
{
	static const char *const vows[] = {
		"vow", "vows", "vowed", "vowing", "promise", "promises", "promised", "promising",
		"swear", "swears", "swore", "pledge", "pledges", "pledged", "pledging", NULL
	};
	static const char *const announces[] = {
		"said", "says", "warned", "warns", "signaled", "signalled", "announced", "declared",
		"threatened", "vowed", "insisted", "stated", NULL
	};
	static const char *const selves[] = {"it", "they", "we", "he", "she", NULL};
	size_t v = a - 2;

	if (a >= c->S->first + 3 && word_in(word(c, a - 1), wills) && word_in(word(c, a - 2), selves)) {
		v = a - 3;
		if (v > c->S->first && strcmp(word(c, v), "that") == 0)
			v--;
		if (!word_in(word(c, v), announces))
			return false;
	} else if (a < c->S->first + 2 || strcmp(word(c, a - 1), "to") != 0 || !word_in(word(c, v), vows))
		return false;
	for (size_t i = clause_start(c, v); i < v; i++)
		if (cue_at(c, i, v))
			return false;	/* "did not vow to attack" */
	return true;
}

/* A relation between mentions src and dst found by the trigger at [a, b). */
static void add_event(struct ctx *c, int rel, int src, int dst, size_t a, size_t b,
		      enum modality mod, const char *tid, const char *pattern)
{
	size_t first = a, end = b;
	int sa, ta;

	if (c->m[src].first < first)
		first = c->m[src].first;
	if (c->m[dst].first < first)
		first = c->m[dst].first;
	if (c->m[src].end > end)
		end = c->m[src].end;
	if (c->m[dst].end > end)
		end = c->m[dst].end;
	sa = actor_of(c, src);
	ta = actor_of(c, dst);
	/* a person's membership of a body is their affiliation, a state's an alliance */
	if (c->tr && c->tr->person_rel >= 0 && c->tr->rel == rel &&
	    (c->x->s->actors[sa].kind == KIND_PERSON) != (c->x->s->actors[ta].kind == KIND_PERSON)) {
		bool swap = c->x->s->actors[sa].kind != KIND_PERSON;

		rel = c->tr->person_rel;
		emit(c, rel, swap ? ta : sa, swap ? sa : ta, first, end, mod, tid, pattern);
		return;
	}
	emit(c, rel, sa, ta, first, end, mod, tid, pattern);
	/* a vow to attack or to punish, or one's own attack announced, is a
	 * threat made now (CAMEO 13) */
	if (mod == MOD_HYPOTHETICAL && c->x->threat >= 0 && (rel == c->x->conflict || rel == c->x->sanctions) &&
	    vowed(c, a))
		emit(c, c->x->threat, sa, ta, first, end, MOD_ASSERTED, tid, "vow");
}

/* Where the phrase of mention mi starts: at the body or state of its title
 * ("[Chinese Vice-Premier] He Lifeng"). */
static size_t np_start(const struct ctx *c, int mi)
{
	size_t first = c->m[mi].first;

	for (int k = mi; k-- > 0 && c->m[k].end + 4 >= first;)
		if (c->head[k] == mi)
			return c->m[k].first;
	return first;
}

/* A relation between mentions x and y, and from y to x too when 'both'. */
static void add_both(struct ctx *c, int rel, int x, int y, bool both, size_t a, size_t b,
		     enum modality mod, const char *tid, const char *pattern)
{
	add_event(c, rel, x, y, a, b, mod, tid, pattern);
	if (both)
		add_event(c, rel, y, x, a, b, mod, tid, pattern);
}

/* Mention mi and the others of its group ("the two countries"), at most
 * max, into out. Returns how many. */
static size_t group(const struct ctx *c, int mi, int *out, size_t max)
{
	int k = mi;
	size_t n = 0;

	while (k > 0 && c->m[mi].form == FORM_GROUP && c->m[k - 1].form == FORM_GROUP &&
	       c->m[k - 1].first == c->m[mi].first)
		k--;
	do
		out[n++] = k++;
	while (n < max && (size_t)k < c->nm && c->m[mi].form == FORM_GROUP && c->m[k].form == FORM_GROUP &&
	       c->m[k].first == c->m[mi].first);
	return n;
}

/* Are mentions x and y, joined by "and", an object and the next clause's
 * subject rather than a list: a person and a state, the first after a verb,
 * the second before one ("Trump praised Putin and Russia attacked Ukraine",
 * but "Biden and NATO condemned Russia")? */
static bool two_clauses(const struct ctx *c, int x, int y)
{
	const struct schema *s = c->x->s;
	size_t before = c->m[x].first, after = c->m[y].end;

	return (s->actors[actor_of(c, x)].kind == KIND_PERSON) != (s->actors[actor_of(c, y)].kind == KIND_PERSON) &&
	       before > c->S->first && modifier_word(c, before - 1) && after < c->S->end &&
	       ends(word(c, after), "ed");
}

/* Is token i a hyphen that joins a compound ("the Russia-Ukraine war"), not
 * a dash set apart ("SEOUL - North Korea")? */
static bool hyphen(const struct ctx *c, size_t i)
{
	return strcmp(word(c, i), "-") == 0 && !(c->d->tok[i].flags & TOK_SPACE) &&
	       !(i + 1 < c->S->end && (c->d->tok[i + 1].flags & TOK_SPACE));
}

/* Members of a list around mention mi: "A, B and C", "A-B". dir is +1 to
 * collect rightwards, -1 leftwards. Returns how many were stored in out. */
static size_t coordinate(const struct ctx *c, int mi, int dir, int *out, size_t max)
{
	size_t n = group(c, mi, out, max);

	mi = out[n - 1];
	while (n < max) {
		size_t i;
		int next = -1;

		if (dir > 0) {
			i = c->m[mi].end;
			if (i < c->S->end && strcmp(word(c, i), ",") == 0)
				i++;
			if (i < c->S->end && (strcmp(word(c, i), "and") == 0 || hyphen(c, i)))
				i++;
			if (i == c->m[mi].end)
				break;
			next = mention_at(c, i);
		} else {
			i = np_start(c, mi);
			if (i > c->S->first && strcmp(word(c, i - 1), "the") == 0)
				i--;	/* "the US, the UK"; but "Turkey, a NATO member" is no list */
			if (i > c->S->first && (strcmp(word(c, i - 1), "and") == 0 || hyphen(c, i - 1)))
				i--;
			if (i > c->S->first && strcmp(word(c, i - 1), ",") == 0)
				i--;
			if (i == c->m[mi].first || (i < c->m[mi].first && is(c, i, W_DET)))
				break;
			next = mention_ending(c, i);
		}
		/* across a comma only a list of one kind of name: not "in Riyadh, Egypt",
		 * nor "Montenegro, NATO's newest member", nor past a leading clause */
		if (next < 0 || (dir > 0 ? c->m[mi].end : c->m[next].end) == c->lead_comma ||
		    (strcmp(word(c, dir > 0 ? c->m[mi].end : c->m[next].end), ",") == 0 &&
				 (c->m[next].form != c->m[mi].form ||
				  strcmp(word(c, c->m[dir > 0 ? next : mi].end), "'s") == 0)))
			break;
		if (two_clauses(c, dir > 0 ? mi : next, dir > 0 ? next : mi))
			break;
		n += group(c, next, out + n, max - n);
		mi = out[n - 1];
	}
	return n;
}

/* Does token i hold the start of a cue that makes a relation hypothetical? */
static bool cue_at(const struct ctx *c, size_t i, size_t limit)
{
	/* the nouns among the cues, which modifiers may stand before */
	static const char *const plans[] = {"plan", "plans", "proposal", "proposals", "prospect", "prospects", NULL};
	struct trie_hit hit;
	size_t n = strlen(word(c, i)), k = i;

	if (c->at[i] >= 0)
		return false;	/* a name's word: "Theresa May met Putin" */
	if (n > 3 && strcmp(word(c, i) + n - 3, "n't") == 0)	/* "doesn't", "won't" */
		return true;
	/* a possessed noun is a thing, unless it takes an infinitive: "Trump's
	 * (peace) plan was rejected", but "Iran's plan to attack", "its planned
	 * visit" and "Iran's army never attacked" */
	if (word_in(word(c, i), plans))
		while (k > c->S->first + 1 && i - k < 2 && strcmp(word(c, k - 1), "'s") != 0 && !possessive(c, k - 1) &&
		       modifier_word(c, k - 1))
			k--;
	if (k > c->S->first && (possessive(c, k - 1) || strcmp(word(c, k - 1), "'s") == 0) &&
	    !ends(word(c, i), "ed") && !(i + 1 < limit && strcmp(word(c, i + 1), "to") == 0))
		return false;
	/* "no" negates the phrase it opens ("no extradition treaty", "no
	 * Americans fighting"), not one after it ("no fan of garrisoning troops") */
	if (strcmp(word(c, i), "no") == 0)
		for (k = i + 1; k < limit; k++)
			if (c->at[k] < 0 && !modifier_word(c, k))
				return false;
	return trie_match(c->x->cues, c->wid + i, limit - i, &hit, 1) > 0;
}

/* Where a question's hypothetical part starts: at its first auxiliary or
 * wh-word that opens a clause ("Now that X has Y, will Z ...?"). */
static size_t question_start(const struct ctx *c)
{
	for (size_t i = c->S->first; i < c->S->end; i++) {
		bool opens = i == c->S->first || strcmp(word(c, i - 1), ",") == 0 ||
			     strcmp(word(c, i - 1), "\"") == 0 || strcmp(word(c, i - 1), "--") == 0 ||
			     strcmp(word(c, i - 1), "or") == 0;

		if (opens && is(c, i, W_QUESTION))
			return i;
	}
	return c->S->first;
}

/* The clause around a trigger, as far as any pattern reaches: a run-on
 * "sentence" of a million words costs no more per trigger than a short one. */
enum { CLAUSE_REACH = 64 };

/* prepositions of time: an event in their phrase happened ("did not mention
 * it during a visit", "since a deadly attack on Kosovo") */
static const char *const times[] = {"during", "amid", "on", "after", "following", "since", NULL};
/* of those, the ones whose event is the clause subject's own ("Panetta said
 * during a visit to Vietnam"), unlike "since an attack on Kosovo" */
static const char *const occasions[] = {"during", "amid", "on", NULL};
/* prepositions that may open a clause: "after Putin met Modi" */
static const char *const conjunctions[] = {"after", "before", "since", "until", NULL};
/* and the ones whose event is the subject's when their phrase opens the
 * sentence ("After talks with Scholz, Macron said"); not later, where it
 * may be another's ("agreed to a truce after talks with Hamas") */
static const char *const openers[] = {"after", "following", NULL};

/* Does a trigger's phrase end in its preposition ("talks with")? */
static bool key_has_prep(const char *key)
{
	return word_in(strrchr(key, ' ') ? strrchr(key, ' ') + 1 : key, preps);
}

/* Where the definite phrase of the noun at a starts ("the", a possessive,
 * "X's"), past a few modifiers; or -1 when the noun is no definite one. */
static int definite(const struct ctx *c, size_t a)
{
	size_t k = a;
	int mi;

	while (k > c->S->first && a - k < 3 && c->at[k - 1] < 0 && (c->d->tok[k - 1].flags & TOK_WORD) &&
	       !is(c, k - 1, W_DET | W_PREP | W_COPULA) && !possessive(c, k - 1))
		k--;
	if (k > c->S->first && (strcmp(word(c, k - 1), "the") == 0 || possessive(c, k - 1) ||
				strcmp(word(c, k - 1), "'s") == 0))
		return (int)k - 1;
	/* an event in a phrase of time happened: "did not mention it during a visit" */
	if (k > c->S->first + 1 && is(c, k - 1, W_DET) && word_in(word(c, k - 2), times))
		return (int)k - 1;
	/* a standing tie named by its other side: "some U.S. allies", not "a U.S. ally" */
	if (k > c->S->first && is(c, a, W_PARTNER) && (mi = mention_ending(c, k)) >= 0 &&
	    !(c->m[mi].first > c->S->first && (strcmp(word(c, c->m[mi].first - 1), "a") == 0 ||
					       strcmp(word(c, c->m[mi].first - 1), "an") == 0)))
		return (int)c->m[mi].first;
	return -1;
}

/* Is the gerund at a what someone is accused of or blamed for ("accused the
 * UAE of arming the RSF", "blamed Kyiv for attacking")? */
static bool accused_of(const struct ctx *c, size_t a, size_t cl)
{
	static const char *const accusations[] = {
		"accuse", "accuses", "accused", "accusing", "blame", "blames", "blamed", "blaming",
		"suspect", "suspects", "suspected", "suspecting", NULL
	};

	if (a < cl + 2 || !ends(word(c, a), "ing") ||
	    (strcmp(word(c, a - 1), "of") != 0 && strcmp(word(c, a - 1), "for") != 0))
		return false;
	for (size_t k = a - 1; k > cl && a - k < 8; k--)
		if (word_in(word(c, k - 1), accusations))
			return true;
	return false;
}

/* A cue before the trigger at a makes it hypothetical, unless the trigger
 * is in a phrase of its own after an earlier trigger (ending at 'prev'),
 * which the cue belongs to: "has not imposed sanctions on Russia following
 * Putin's invasion". */
static enum modality modality(const struct ctx *c, size_t a, size_t clause_start, size_t qstart, size_t prev)
{
	size_t from = a > clause_start + MODAL_WINDOW ? a - MODAL_WINDOW : clause_start;

	/* (but an infinitive's "to" is no preposition: "calling on X to impose") */
	for (size_t i = a; i > prev && i > from; i--)
		if (is(c, i - 1, W_PREP) && prev > c->S->first && !(i == a && strcmp(word(c, i - 1), "to") == 0)) {
			from = i;
			break;
		}
	/* a cue before a comma belongs to its own clause ("will go to Montenegro,
	 * NATO's newest member"), but a condition rules the clause after it ("If
	 * talks fail, Russia will attack") */
	for (size_t i = a; i > from; i--)
		if (strcmp(word(c, i - 1), ",") == 0) {
			from = i;
			break;
		}
	for (size_t i = c->S->first; i < from && i < c->S->first + CLAUSE_REACH; i++)
		if (is(c, i, W_CONDITION))
			return MOD_HYPOTHETICAL;
	if (c->S->question && a >= qstart)
		return MOD_HYPOTHETICAL;
	if (a > c->S->first && strcmp(word(c, a - 1), "against") == 0 && ends(word(c, a), "ing"))
		return MOD_HYPOTHETICAL;	/* "warned the US against selling arms to Taiwan" */
	if (accused_of(c, a, clause_start))
		return MOD_HYPOTHETICAL;	/* "accused the UAE of arming the RSF" (the guide) */
	for (size_t i = from; i < a; i++)
		if (cue_at(c, i, a))
			return MOD_HYPOTHETICAL;
	return MOD_ASSERTED;
}

static size_t clause_start(const struct ctx *c, size_t a)
{
	size_t stop = a > c->S->first + CLAUSE_REACH ? a - CLAUSE_REACH : c->S->first;

	while (a > stop && !is_boundary(c, a - 1))
		a--;
	return a;
}

static size_t clause_end(const struct ctx *c, size_t b)
{
	size_t stop = b + CLAUSE_REACH < c->S->end ? b + CLAUSE_REACH : c->S->end;

	while (b < stop && !is_boundary(c, b))
		b++;
	return b;
}

/* Is token i one of trigger t's object words? (By word id, not by text.) */
static bool is_object(const struct ctx *c, const struct trigger *t, size_t i)
{
	const int *ids = c->x->objects[t - c->x->s->triggers];

	for (size_t j = 0; j < t->nobjects && c->wid[i] >= 0; j++)
		if (c->wid[i] == ids[j])
			return true;
	return false;
}

/* Where one of the objects a trigger's word list asks for stands nearby
 * ("provided X with munitions"), or 0. */
static size_t object_word(const struct ctx *c, const struct trigger *t, size_t b, size_t cr)
{
	size_t lim = b + OBJECTS_WINDOW < cr ? b + OBJECTS_WINDOW : cr;

	for (size_t i = b; i < lim; i++)
		if (is_object(c, t, i))
			return i;
	return 0;
}

/* Is token i a plural agent ("diplomats", "forces"), which heads its phrase
 * rather than modifying the next word ("Iranian diplomats held talks")? */
static bool plural_agent(const struct ctx *c, size_t i)
{
	const char *w = word(c, i);

	return is(c, i, W_AGENT) && w[strlen(w) - 1] == 's';
}

/* verbs in the past that "-ed" does not show, whose object may come before a
 * noun that is also a trigger: "struck Hezbollah targets" */
static const char *const struck[] = {"struck", "hit", "shot", "fought", "overran", NULL};

/* verbs whose gerund is their object, in forms "-ed" does not show */
static const char *const beginnings[] = {"began", "begun", "begin", "begins", "keep", "keeps", "kept", NULL};

/* Is token i an adjective in "-ing" ("neighbouring Lebanon", "the ruling
 * party"), no gerund or participle? */
static bool ing_adjective(const struct ctx *c, size_t i)
{
	static const char *const list[] = {
		"neighbouring", "neighboring", "ruling", "governing", "warring", "leading", "surrounding",
		"opposing", "incoming", "outgoing", "remaining", "including", NULL
	};

	return word_in(word(c, i), list);
}

/* An adverb between a subject or auxiliary and its verb: "has not imposed". */
static bool adverb(const struct ctx *c, size_t i)
{
	static const char *const not_adverbs[] = {
		"ally", "rally", "supply", "assembly", "family", "anomaly", "monopoly", "reply", "apply",
		"comply", "rely", NULL
	};

	return c->at[i] < 0 && ((ends(word(c, i), "ly") && !word_in(word(c, i), not_adverbs)) || is(c, i, W_ADVERB));
}

/* Is the verb trigger at token a used as a verb? Not after a determiner
 * ("the attacks", "a crossborder attack") or in a compound ("cyber-attacks"),
 * and not as a participle of a noun that is no actor ("leaflets criticizing
 * Kim", "a class closely allied with Caracas"): its subject is that noun. */
static bool used_as_verb(const struct ctx *c, size_t a, size_t b)
{
	static const char *const calls[] = {"call", "calls", "called", "calling", NULL};
	static const char *const call_particles[] = {"on", "upon", "for", "off", "up", NULL};
	const char *w = word(c, a), *p;
	size_t k = a;

	/* "given the fragility of the US system": a preposition, unless a
	 * participle after its auxiliary ("has given", "were given") */
	if (strcmp(w, "given") == 0 &&
	    !(a > c->S->first && (is(c, a - 1, W_COPULA) || strcmp(word(c, a - 1), "had") == 0 ||
				  strcmp(word(c, a - 1), "be") == 0)))
		return false;
	/* "called on Putin to", "called for", "called off": another verb than "call" */
	if (word_in(w, calls) && b < c->S->end && word_in(word(c, b), call_particles))
		return false;

	/* a demonym before it makes it a noun: "a Russian court" (but "Russians
	 * attacked": a plural is the people); so does a name that is the object of
	 * a verb in the past before it: "struck Hezbollah targets" */
	if (a > c->S->first && c->at[a - 1] >= 0 && c->m[c->at[a - 1]].end == a) {
		const struct mention *m = &c->m[c->at[a - 1]];

		if (m->form == FORM_ADJECTIVE && !ends(word(c, a - 1), "s"))
			return false;
		if (m->first > c->S->first && modifier_word(c, m->first - 1) &&
		    (ends(word(c, m->first - 1), "ed") || word_in(word(c, m->first - 1), struck)))
			return false;
	}
	for (size_t i = a; i > c->S->first && a - i < 3; i--) {
		if (is(c, i - 1, W_DET) || possessive(c, i - 1))
			return false;	/* also a resolved one: "their support" */
		if (c->at[i - 1] >= 0)
			break;
		if ((strcmp(word(c, i - 1), "against") == 0 || strcmp(word(c, i - 1), "of") == 0) &&
		    !ends(w, "ing") && !ends(w, "ed"))
			return false;	/* "measures against \"intensive attacks\"" (but "of backing") */
		if (c->d->tok[i - 1].flags & TOK_OPEN)
			continue;
		/* "its troops struck": acting ones, in the plural, are its subject */
		if (i == a && is(c, i - 1, W_AGENT | W_INSTRUMENT | W_FIGHTERS) && ends(word(c, i - 1), "s"))
			break;
		/* "a letter denouncing": a participle after an acting noun */
		if (!modifier_word(c, i - 1) || (i == a && is(c, i - 1, W_AGENT | W_INSTRUMENT | W_FIGHTERS |
									W_STATEMENT) &&
						  (ends(w, "ing") || ends(w, "ed"))))
			break;
	}
	if (a > c->S->first && strcmp(word(c, a - 1), "-") == 0 && !(c->d->tok[a].flags & TOK_SPACE))
		return false;
	/* an adverb: "strike back at Israel", "pushed back against", "fired back
	 * that", "hit back": not the verb, which takes its object after it */
	if (strcmp(w, "back") == 0 &&
	    ((b < c->S->end && (is(c, b, W_PREP) || strcmp(word(c, b), "that") == 0 ||
				!(c->d->tok[b].flags & TOK_WORD))) ||
	     (a > c->S->first && (ends(word(c, a - 1), "ed") || word_in(word(c, a - 1), struck)))))
		return false;
	if (!ends(w, "ing") && !ends(w, "ed"))
		return true;
	while (k > c->S->first + 1 && (adverb(c, k - 1) || (c->at[k - 1] < 0 && is(c, k - 1, W_TIME))))
		k--;	/* past adverbs and a time: "currently mediating", "last week condemned" */
	if (k <= c->S->first || c->at[k - 1] >= 0 || (ends(w, "ed") && b < c->S->end && strcmp(word(c, b), "by") == 0))
		return true;
	p = word(c, k - 1);
	/* after an auxiliary, a verb ("continued attacking", "began supplying"),
	 * an agent ("Russian forces attacking") or a statement ("a resolution
	 * condemning") */
	return !modifier_word(c, k - 1) || is(c, k - 1, W_AGENT | W_INSTRUMENT | W_FIGHTERS | W_STATEMENT) ||
	       ends(p, "ed") || word_in(p, beginnings) ||
	       strcmp(p, "be") == 0;
}

/* Is the verb at a passive ("has been criticized")? Its subject is then its target. */
static bool passive(const struct ctx *c, size_t a)
{
	size_t k = a;

	if (ends(word(c, a), "ing"))
		return false;
	while (k > c->S->first + 1 && adverb(c, k - 1))
		k--;
	return k > c->S->first && c->at[k - 1] < 0 && is(c, k - 1, W_BE);
}

static int subject(const struct ctx *c, size_t a, size_t cl, bool noun);

/* Is token i a dash between spaces, that opens or closes an aside? */
static bool dash(const struct ctx *c, size_t i)
{
	return strcmp(word(c, i), "-") == 0 && (c->d->tok[i].flags & TOK_SPACE) && i + 1 < c->S->end &&
	       (c->d->tok[i + 1].flags & TOK_SPACE);
}

/* The actor of an agent noun right before a participle at a: "the US-led
 * coalition attacking", "Russian forces shelling"; or -1. */
static int participle_agent(const struct ctx *c, size_t a)
{
	size_t k = a - 1;

	if (a < c->S->first + 2 || !ends(word(c, a), "ing") || c->at[k] >= 0 || !is(c, k, W_AGENT))
		return -1;
	if (k > c->S->first + 2 && strcmp(word(c, k - 2), "-") == 0 && c->at[k - 1] < 0)
		k -= 2;	/* "US-led", "Iranian-backed" */
	return mention_ending(c, k);
}

/* Is the verb at a a participle after a comma or a dash, whose subject is
 * the sentence's ("..., warning Ankara")? */
static bool free_adjunct(const struct ctx *c, size_t a)
{
	return a > c->S->first + 1 && ends(word(c, a), "ing") &&
	       (strcmp(word(c, a - 1), ",") == 0 || dash(c, a - 1));
}

/* Where the noun phrase whose head is at token i starts: past up to three
 * plain modifiers and a determiner, not before cl. */
static size_t np_before(const struct ctx *c, size_t i, size_t cl)
{
	size_t k = i;

	while (k > cl && i - k < 3 && modifier_word(c, k - 1))
		k--;
	if (k > cl && is(c, k - 1, W_DET))
		k--;
	return k;
}

/* The actor a noun phrase ending in the trigger at a stands beside, after a
 * comma ("Iran, historic backers of Hamas"), or -1. */
static int apposed_to(const struct ctx *c, size_t a, size_t cl)
{
	size_t k = np_before(c, a, cl);
	int mi;

	if (k <= cl + 1 || strcmp(word(c, k - 1), ",") != 0 || (mi = mention_ending(c, k - 1)) < 0)
		return -1;
	k = c->m[mi].first;
	if (k > c->S->first && is(c, k - 1, W_DET))
		k--;
	/* "In Argentina, a close ally of X": a place set before the clause */
	return k == c->S->first + 1 && is(c, k - 1, W_PREP) ? -1 : mi;
}

/* The actor at token i, past up to two words of a title ("Mr Johnson",
 * "President Trump"), or -1. */
static int actor_past_title(const struct ctx *c, size_t i, size_t end)
{
	size_t k = i;

	while (k < end && k < i + 2 && c->at[k] < 0 && (c->d->tok[k].flags & TOK_UPPER))
		k++;
	return mention_at(c, k);
}

/* The first comma within 16 tokens from a, which ends a phrase set before
 * the clause's subject; or (size_t)-1. */
static size_t comma_after(const struct ctx *c, size_t a)
{
	for (size_t k = a; k < c->S->end && k < a + 16; k++)
		if (strcmp(word(c, k), ",") == 0)
			return k;
	return (size_t)-1;
}

/* Is the word at a a participle after a word of time that opens the
 * sentence ("After meeting Xi, Biden said")? */
static bool opening_participle(const struct ctx *c, size_t a)
{
	static const char *const whens[] = {"after", "following", "before", "while", "when", "since", "upon", NULL};

	return a == c->S->first + 1 && ends(word(c, a), "ing") && word_in(word(c, c->S->first), whens);
}

/* The subject of a participle that opens the sentence after a word of time
 * ("After meeting Xi, Biden said", "While visiting Kyiv, Scholz"): the actor
 * right after the first comma; or -1. */
static int opening_subject(const struct ctx *c, size_t a)
{
	size_t comma;

	if (!opening_participle(c, a) || (comma = comma_after(c, a)) == (size_t)-1)
		return -1;
	return actor_past_title(c, comma + 1, c->S->end);
}

/* The subject that noun phrases set before it describe: "A close ally of
 * Russia, Belarus hosted the drills", "A friend of Mr Johnson and ally of
 * the United Kingdom, President Trump has...". The sentence opens with
 * phrases of a noun, a preposition and an actor, joined by "and", up to its
 * first comma; the trigger at a heads one of them, and the subject comes
 * right after the comma. Else -1. */
static int fronted_subject(const struct ctx *c, size_t a)
{
	size_t i = c->S->first, comma = comma_after(c, a);
	bool heads = false;
	int mi;

	if (comma == (size_t)-1)
		return -1;
	for (;;) {
		size_t k = i;

		if (is(c, k, W_DET))
			k++;
		while (k < comma && (modifier_word(c, k) ||	/* "Speaking in Estonia, he" */
				     (k == c->S->first && c->at[k] < 0 && (c->d->tok[k].flags & TOK_WORD) &&
				      !is(c, k, W_PREP))))
			k++;
		if (k == i || k >= comma || !is(c, k, W_PREP) || (mi = actor_past_title(c, k + 1, comma)) < 0)
			return -1;
		heads |= a >= i && a < k;
		if ((k = c->m[mi].end) == comma)
			break;
		if (strcmp(word(c, k), "and") != 0)
			return -1;
		i = k + 1;
	}
	return heads ? actor_past_title(c, comma + 1, c->S->end) : -1;
}

/* Whom the noun phrase starting at token i describes: the subject when it
 * follows "is", "has" or the like ("Kim has a strong Russian partner"), the
 * actor before the comma when it is an apposition ("the United States, a
 * NATO ally", "Montenegro, NATO's newest member"); else -1. */
static int predicated(const struct ctx *c, size_t i, size_t cl)
{
	size_t k = np_before(c, i, cl);

	/* "Turkey is one of NATO's members", "is among its allies" */
	if (k > cl + 2 && strcmp(word(c, k - 1), "of") == 0 && strcmp(word(c, k - 2), "one") == 0)
		k -= 2;
	else if (k > cl + 1 && strcmp(word(c, k - 1), "among") == 0)
		k--;
	if (k > cl && is(c, k - 1, W_COPULA))
		return subject(c, i, cl, false);
	if (k > cl + 1 && strcmp(word(c, k - 1), ",") == 0)
		return mention_ending(c, k - 1);
	return -1;
}

/* The subject of the verb whose object is the noun phrase that the list
 * of modifiers ending with mention mi opens ("Putin has brushed aside [U.S.
 * and European warnings]", "Russia faces [Western sanctions]"), or -1 when
 * no verb word stands right before it. */
static int recipient(const struct ctx *c, int mi, size_t cl)
{
	int list[MAX_LIST];
	size_t n = coordinate(c, mi, -1, list, MAX_LIST), k = np_start(c, list[n - 1]);

	if (k > cl && is(c, k - 1, W_DET))
		k--;
	if (k <= cl + 1 || !modifier_word(c, k - 1) || is(c, k - 1, W_SPEECH) ||
	    strcmp(word(c, k - 1), "including") == 0)
		return -1;	/* no verb before: "the sanctions", "Iran's sanctions"; nor one
				 * the speaker's ("noted ..., including the EU's opposition") */
	return subject(c, k - 1, cl, false);
}

/* Does the word before token a call for a verb: a subject ("Russia
 * attacks"), "to", an auxiliary or modal ("will visit")? */
static bool verb_slot(const struct ctx *c, size_t a)
{
	size_t k;

	if (a <= c->S->first)
		return false;
	if (c->at[a - 1] >= 0) {	/* a subject, not the object of a verb or preposition */
		const struct mention *m = &c->m[c->at[a - 1]];

		if (strcmp(word(c, a - 1), "'s") == 0 || m->form == FORM_ADJECTIVE)
			return false;
		k = m->first;
		if (k > c->S->first && is(c, k - 1, W_DET))
			k--;
		return k == c->S->first || !(modifier_word(c, k - 1) || is(c, k - 1, W_PREP));
	}
	return is(c, a - 1, W_PRONOUN | W_QUESTION) || strcmp(word(c, a - 1), "to") == 0 ||
	       strcmp(word(c, a - 1), "must") == 0 || free_adjunct(c, a) || opening_participle(c, a);
}

/* The trigger's object word that is the subject of its passive verb at a
 * ("Sanctions were imposed on", "Kenyan troops are stationed in"), or
 * (size_t)-1. */
static size_t passive_object(const struct ctx *c, const struct trigger *t, size_t a, size_t cl)
{
	size_t k = a;

	while (k > cl + 1 && (adverb(c, k - 1) || is(c, k - 1, W_COPULA)))
		k--;
	return k > cl && is_object(c, t, k - 1) ? k - 1 : (size_t)-1;
}

/* The owner of a trigger's object word that stands before its passive verb
 * at a ("[Kenyan] troops are stationed"), or -1. */
static int passive_owner(const struct ctx *c, const struct trigger *t, size_t a, size_t cl)
{
	size_t k = passive_object(c, t, a, cl);

	return k != (size_t)-1 ? mention_ending(c, k) : -1;
}

/* The trigger of the chain at 'first' that fits the place [a, b): a verb
 * where a verb can be and a noun elsewhere ("a state visit", "Xi will
 * visit"), and among those, one whose object words are present before one
 * that asks for none. */
static int pick_trigger(const struct ctx *c, int first, size_t a, size_t b, size_t cr)
{
	const struct schema *s = c->x->s;
	bool nouns = false, verbs = false, verb;
	int best = -1, plain = -1;
	size_t nearest = (size_t)-1;

	for (int t = first; t >= 0; t = c->x->next[t]) {
		nouns = nouns || s->triggers[t].form == TRIG_NOUN;
		verbs = verbs || s->triggers[t].form == TRIG_VERB;
	}
	verb = verbs && used_as_verb(c, a, b) && (!nouns || verb_slot(c, a));
	/* a trigger that names its objects first, the one whose object is
	 * nearest ("called Russia their biggest threat, telling the allies":
	 * a threat, not allies); else the first that names none */
	for (int t = first; t >= 0; t = c->x->next[t]) {
		const struct trigger *tr = &s->triggers[t];
		size_t ow;

		if ((tr->form == TRIG_VERB && !verb) || (tr->form == TRIG_NOUN && verb))
			continue;
		if (!tr->nobjects) {
			if (plain < 0)
				plain = t;
			continue;
		}
		ow = passive(c, a) && passive_object(c, tr, a, c->S->first) != (size_t)-1 ? b : object_word(c, tr, b, cr);
		if (ow > 0 && ow < nearest) {
			best = t;
			nearest = ow;
		}
	}
	return best >= 0 ? best : plain;
}

/* The state or body before mention org that owns a post at it or about it:
 * a state's demonym right before ("Russian U.N. ambassador"), or, for an
 * envoy's post, any state or body a few words before ("the U.S. special
 * Syria envoy"); else -1. */
static int post_owner(const struct ctx *c, int org, bool envoy)
{
	const struct schema *s = c->x->s;
	size_t k = c->m[org].first;
	int owner;

	while (envoy && k > c->S->first && c->m[org].first - k < 2 && modifier_word(c, k - 1))
		k--;
	if (k <= c->S->first || (owner = mention_ending(c, k)) < 0 || s->actors[c->m[owner].actor].kind == KIND_PERSON)
		return -1;
	if (envoy || (c->m[owner].form == FORM_ADJECTIVE && k == c->m[org].first &&
		      s->actors[c->m[owner].actor].kind == KIND_STATE))
		return owner;
	return -1;
}

/* "Russian President Vladimir Putin", "Kosovo's Prime Minister Albin Kurti",
 * "US Treasury Secretary Scott Bessent": a state or body, a title, then a
 * person. With no body named ("President Vladimir Putin"), the person's own
 * role with that title on the document's date names it. */
static void title_before(struct ctx *c, const struct trigger *t, size_t a, size_t b)
{
	const struct schema *s = c->x->s;
	static const char *const generic_titles[] = {"leader", "head", "chief", "ruler", NULL};
	static const char *const local_titles[] = {"mayor", "governor", NULL};
	static const char *const topic_titles[] = {
		"expert", "analyst", "scholar", "specialist", "researcher", "fellow", "senior fellow",
		"professor", "economist", "historian", "lecturer", "scientist", "political scientist", NULL
	};
	static const char *const posts[] = {"envoy", "ambassador", "representative", "delegate", NULL};
	size_t i = b, k = a;
	int org, person, pa, owner, served = -1;
	bool generic, former;

	/* "President-elect", "Foreign Minister", "Lt. Col.": capitalised words may follow */
	while (i < c->S->end && i < b + 5 && c->at[i] < 0 &&
	       ((c->d->tok[i].flags & TOK_UPPER) || strcmp(word(c, i), "-") == 0 ||
		strcmp(word(c, i), "elect") == 0 || (strcmp(word(c, i), ".") == 0 && i > b)))
		i++;
	/* and the body a post is at: "Ambassador to the UN Kelly Craft", or
	 * serves: "the head of the IAEA, Rafael Grossi" */
	if (i + 2 < c->S->end && (strcmp(word(c, i), "to") == 0 || strcmp(word(c, i), "of") == 0) &&
	    (org = mention_at(c, i + 1)) >= 0) {
		if (strcmp(word(c, i), "of") == 0)
			served = org;
		i = c->m[org].end;
	}
	/* the person may stand in apposition: "Pakistan's Foreign Minister, Shah
	 * Qureshi,"; after the body served only so ("the head of the IAEA Atoms
	 * Programme" may go on naming the body) */
	if (i + 1 < c->S->end && strcmp(word(c, i), ",") == 0 && c->at[i + 1] >= 0 &&
	    c->m[c->at[i + 1]].form != FORM_PRONOUN)
		i++;
	else
		served = -1;
	if (i >= c->S->end || (person = c->at[i]) < 0 || c->m[person].first != i ||
	    s->actors[pa = c->m[person].actor].kind != KIND_PERSON)
		return;
	/* and precede it: "Treasury", "Vice-", "'s", and a few plain words ("Indian
	 * army commander", "Pakistan's newly elected prime minister") */
	while (k > c->S->first && a - k < 4 && c->at[k - 1] < 0 &&
	       ((c->d->tok[k - 1].flags & TOK_UPPER) || strcmp(word(c, k - 1), "-") == 0 ||
		strcmp(word(c, k - 1), "'s") == 0 ||
		(modifier_word(c, k - 1) && strcmp(word(c, k - 1), "former") != 0)))
		k--;
	org = mention_ending(c, k);
	/* "Israel's UN ambassador", "Russian U.N. ambassador": the state that
	 * owns the post, not the body the post is at */
	if (org >= 0 && c->m[org].first > c->S->first + 1 && strcmp(word(c, c->m[org].first - 1), "'s") == 0 &&
	    mention_ending(c, c->m[org].first - 1) >= 0)
		org = mention_ending(c, c->m[org].first - 1);
	else if (org >= 0 && (owner = post_owner(c, org, word_in(t->key, posts))) >= 0)
		org = owner;
	/* "Caracas Mayor X": a city's mayor or governor holds no post of the
	 * state; "Egypt expert X": a state before an expert is the topic */
	if (org >= 0 && ((c->m[org].form == FORM_SEAT && word_in(t->key, local_titles)) ||
			 (word_in(t->key, topic_titles) && s->actors[c->m[org].actor].kind == KIND_STATE)))
		return;
	if (org >= 0 && s->actors[c->m[org].actor].kind != KIND_PERSON) {
		add_event(c, t->rel, person, org, a, b, MOD_ASSERTED, t->id, "title");
		c->head[org] = person;	/* from now on the modifier stands for the person */
		return;
	}
	if (served >= 0 && s->actors[c->m[served].actor].kind != KIND_PERSON && !word_in(t->key, topic_titles) &&
	    !(c->m[served].form == FORM_SEAT && word_in(t->key, local_titles))) {
		add_event(c, t->rel, person, served, a, b, MOD_ASSERTED, t->id, "title-of");
		return;
	}
	/* "Foreign Minister Jane Roe of Canada": the state or body after the name */
	if (c->m[person].end + 1 < c->S->end && strcmp(word(c, c->m[person].end), "of") == 0 &&
	    (org = mention_at(c, c->m[person].end + 1)) >= 0 && s->actors[c->m[org].actor].kind != KIND_PERSON &&
	    !(c->m[org].form == FORM_SEAT && word_in(t->key, local_titles)) && !word_in(t->key, topic_titles)) {
		add_event(c, t->rel, person, org, a, b, MOD_ASSERTED, t->id, "title-of");
		return;
	}
	/* "former leader Omar al-Bashir": a generic title fits any role, and
	 * "former" a role that has ended; an undated text takes the title's word */
	generic = word_in(t->key, generic_titles);
	former = k > c->S->first && strcmp(word(c, k - 1), "former") == 0;
	for (size_t r = s->actors[pa].nroles; r-- > 0;) {
		const struct role *role = &s->actors[pa].roles[r];

		if ((generic || (role->title && schema_title_has(role->title, t->key))) &&
		    (former || !c->d->date || schema_role_holds(role, c->d->date))) {
			emit(c, t->rel, pa, role->of, a, c->m[person].end, MOD_ASSERTED, t->id, "title-role");
			return;
		}
	}
}

/* "Victor Cha, the Korea chair at CSIS": a person, a comma, a title, and the
 * body after "at" (or else after "of"/"for") before the clause ends. */
static void title_apposition(struct ctx *c, const struct trigger *t, size_t a, size_t b)
{
	size_t i = a, lim;
	int person = -1, at = -1, of = -1, owner = -1, possessor = -1;
	const char *gov = NULL;

	while (i > c->S->first && a - i < 5 && strcmp(word(c, i - 1), ",") != 0) {
		if (is_boundary(c, i - 1))
			return;
		if (c->at[i - 1] >= 0) {	/* "X, Iran's foreign minister", "X, the UN envoy": the owner */
			if (owner >= 0 || (strcmp(word(c, i), "'s") != 0 && !modifier_word(c, i) && i != a))
				return;
			owner = c->at[i - 1];
			if (c->x->s->actors[c->m[owner].actor].kind == KIND_PERSON)
				return;	/* "his special representative": no body named */
			i = c->m[owner].first + 1;
		}
		i--;
	}
	if (i <= c->S->first || strcmp(word(c, i - 1), ",") != 0)
		return;
	person = mention_ending(c, i - 1);
	if (person < 0 || c->x->s->actors[c->m[person].actor].kind != KIND_PERSON)
		return;
	/* the last "at", "of", "for" or "from" before a mention governs it, across
	 * names the gazetteer lacks and an acronym in parentheses: "of the Korea
	 * Economic Institute (KEI)"; a possessor stands for the body only when
	 * none follows it: "from Seoul's Institute for Far Eastern Studies" */
	lim = b + 16 < c->S->end ? b + 16 : c->S->end;
	for (i = b; i < lim && strcmp(word(c, i), ",") != 0; i++) {
		const char *w = word(c, i);
		int mi = c->at[i];

		if (strcmp(w, "at") == 0 || strcmp(w, "of") == 0 || strcmp(w, "for") == 0 ||
		    strcmp(w, "from") == 0) {
			gov = w;
			continue;
		}
		if (is(c, i, W_PREP)) {	/* "at the University of X in the UK": not the UK */
			gov = NULL;
			continue;
		}
		if (is_boundary(c, i) && strcmp(w, "(") != 0 && strcmp(w, ")") != 0)
			break;
		if (strcmp(w, "who") == 0 || strcmp(w, "which") == 0 || strcmp(w, "that") == 0 ||
		    (mi < 0 && ends(w, "ing") && !(c->d->tok[i].flags & TOK_UPPER) && !ing_adjective(c, i)))
			break;	/* "the chief executive who transformed BP from...", "the envoy
				 * for the coalition fighting Islamic State": the role ends (not
				 * at an adjective: "leader of the ruling Democratic Party") */
		if (mi < 0 || c->m[mi].first != i)
			continue;
		if (c->x->s->actors[c->m[mi].actor].kind == KIND_PERSON)
			return;
		i = c->m[mi].end - 1;
		if (gov && i + 1 < lim && strcmp(word(c, i + 1), "'s") == 0) {
			if (possessor < 0)
				possessor = mi;
			i++;
		} else if (gov && strcmp(gov, "at") == 0) {
			at = mi;
		} else if (gov && of < 0) {
			of = mi;
		}
	}
	if (at < 0 && of < 0)
		of = possessor;
	if (at >= 0 || of >= 0 || owner >= 0)
		add_event(c, t->rel, person, at >= 0 ? at : of >= 0 ? of : owner, a, b, MOD_ASSERTED, t->id,
			  "apposition");
}

/* Is token i a dash, a colon or an opening parenthesis, which may open a list? */
static bool list_mark(const struct ctx *c, size_t i)
{
	return i < c->S->end && (dash(c, i) || strcmp(word(c, i), ":") == 0 || strcmp(word(c, i), "(") == 0);
}

/* "the Middle East Quartet of mediators - the US, Russia, the EU and the
 * UN", "the BRICS group of Brazil, Russia, India, China and South Africa",
 * "the Quad (the US, Japan, India and Australia)": an organization, then a
 * list of two or more states or bodies, its members, each related to it by
 * the membership trigger t (an alliance: see the guide's Membership). */
static void enumerated_members(struct ctx *c, const struct trigger *t)
{
	const struct schema *s = c->x->s;
	const struct trigger *was;

	for (size_t i = c->S->first; i < c->S->end; i++) {
		int body = c->at[i], list[MAX_LIST], first;
		size_t j, n;
		bool bodies = true;

		if (body < 0 || c->m[body].first != i || s->actors[c->m[body].actor].kind != KIND_ORGANIZATION)
			continue;	/* not a group: "The Baltic states - Estonia, ..." names, not joins */
		j = c->m[body].end;
		i = j - 1;
		if (j + 1 < c->S->end && modifier_word(c, j) && strcmp(word(c, j + 1), "of") == 0)
			j += 2;	/* "group of" */
		else if (j + 2 < c->S->end && strcmp(word(c, j), "of") == 0 && modifier_word(c, j + 1) &&
			 list_mark(c, j + 2))
			j += 3;	/* "of mediators -" */
		else if (list_mark(c, j))
			j++;
		else
			continue;
		if ((first = mention_at(c, j)) < 0 || (n = coordinate(c, first, +1, list, MAX_LIST)) < 2)
			continue;
		for (size_t k = 0; k < n; k++)
			bodies &= s->actors[c->m[list[k]].actor].kind != KIND_PERSON &&
				  c->m[list[k]].actor != c->m[body].actor;
		if (!bodies)
			continue;
		was = c->tr;	/* add_event reads the trigger for persons */
		c->tr = t;
		for (size_t k = 0; k < n; k++)
			add_event(c, t->rel, list[k], body, c->m[body].first, c->m[list[k]].end, MOD_ASSERTED, t->id,
				  "enumeration");
		c->tr = was;
	}
}

/* Is mention mi of an organization or group ("NATO", "the AK Party")? */
static bool is_body(const struct ctx *c, int mi)
{
	enum actor_kind k = c->x->s->actors[c->m[mi].actor].kind;

	return k == KIND_ORGANIZATION || k == KIND_GROUP;
}

/* Is token i the noun that a name before it modifies ("NATO expansion"),
 * not the name's own ("AK Party") nor a verb ("Republicans backed")? */
static bool names_a_thing(const struct ctx *c, size_t i)
{
	return modifier_word(c, i) && strcmp(word(c, i), "party") != 0 && !ends(word(c, i), "ed") &&
	       !is(c, i, W_SPEECH);
}

/* "Britain's David Frost", "Russia's Putin": a state or body's own person;
 * "Erdogan's AK Party", "his own Republican Party": a person's own body (but
 * not "Putin's NATO expansion"); related as the title trigger t relates
 * them. */
static void possessed_persons(struct ctx *c, const struct trigger *t)
{
	const struct schema *s = c->x->s;

	for (size_t i = c->S->first + 1; i + 1 < c->S->end; i++) {
		int owner, owned;
		size_t k = i;
		enum actor_kind ko;

		if ((owner = mention_ending(c, i)) < 0)
			continue;
		if (strcmp(word(c, k), "'s") == 0)
			k++;
		else if (!possessive(c, k - 1))
			continue;
		if (strcmp(word(c, k), "own") == 0)
			k++;
		if (k >= c->S->end || (owned = mention_at(c, k)) < 0 || c->m[owned].first != k)
			continue;
		ko = s->actors[c->m[owner].actor].kind;
		if (ko != KIND_PERSON && s->actors[c->m[owned].actor].kind == KIND_PERSON && k == i + 1)
			emit(c, t->rel, c->m[owned].actor, c->m[owner].actor, c->m[owner].first, c->m[owned].end,
			     MOD_ASSERTED, t->id, "possessive");
		else if (ko == KIND_PERSON && is_body(c, owned) &&
			 !(c->m[owned].end < c->S->end && names_a_thing(c, c->m[owned].end)))
			emit(c, t->rel, c->m[owner].actor, c->m[owned].actor, c->m[owner].first, c->m[owned].end,
			     MOD_ASSERTED, t->id, "possessive");
	}
}

/* "Kelly Ayotte, a Republican representing New Hampshire", "X, a Hamas
 * commander": a person set beside one of a body or group, related as the
 * title trigger t relates them. */
static void apposed_bodies(struct ctx *c, const struct trigger *t)
{
	const struct schema *s = c->x->s;

	for (size_t i = c->S->first + 1; i + 2 < c->S->end; i++) {
		int person, body;

		if (strcmp(word(c, i), ",") != 0 ||
		    (strcmp(word(c, i + 1), "a") != 0 && strcmp(word(c, i + 1), "an") != 0) ||
		    (person = mention_ending(c, i)) < 0 || s->actors[c->m[person].actor].kind != KIND_PERSON ||
		    (body = mention_at(c, i + 2)) < 0 || c->m[body].first != i + 2)
			continue;
		if (is_body(c, body))
			emit(c, t->rel, c->m[person].actor, c->m[body].actor, c->m[person].first, c->m[body].end,
			     MOD_ASSERTED, t->id, "apposition");
	}
}

/* "the Rapid Support Forces (RSF) led by Mohamed Hamdan Dagalo", "the armed
 * forces under General al-Burhan", "the United States under Trump": a body or
 * state, the trigger, then (past a title) a person who leads it. */
static void led_by(struct ctx *c, const struct trigger *t, size_t a, size_t b)
{
	const struct schema *s = c->x->s;
	size_t i = b, k = a;
	int body, person;

	if (k >= c->S->first + 3 && strcmp(word(c, k - 1), ")") == 0 && strcmp(word(c, k - 3), "(") == 0)
		k -= 3;	/* past an acronym in parentheses */
	while (i < c->S->end && i < b + 3 && c->at[i] < 0 && (c->d->tok[i].flags & TOK_UPPER))
		i++;	/* "General", "President" */
	if ((body = mention_ending(c, k)) < 0 || (person = mention_at(c, i)) < 0 ||
	    s->actors[c->m[person].actor].kind != KIND_PERSON || s->actors[c->m[body].actor].kind == KIND_PERSON)
		return;
	add_event(c, t->rel, person, body, a, b, MOD_ASSERTED, t->id, "led-by");
}

/* "Milan Radoicic of the Serbian List", "Jenny Town at the Stimson Center",
 * "Jens Stoltenberg, who leads NATO": a person, the trigger, then an
 * organization or group. */
static void member_of(struct ctx *c, const struct trigger *t, size_t a, size_t b)
{
	const struct schema *s = c->x->s;
	int person = mention_ending(c, a), body = mention_at(c, b);

	/* "Mike Rogers, who heads the House Armed Services Committee": past the
	 * comma and the article */
	if (person < 0 && a > c->S->first && strcmp(word(c, a - 1), ",") == 0)
		person = mention_ending(c, a - 1);
	if (body < 0 && b + 1 < c->S->end && strcmp(word(c, b), "the") == 0)
		body = mention_at(c, b + 1);

	if (person >= 0 && body >= 0 && s->actors[c->m[person].actor].kind == KIND_PERSON && is_body(c, body))
		add_event(c, t->rel, person, body, a, b, MOD_ASSERTED, t->id, "member");
}

/* The noun's own modifier: "UN sanctions", "Russia's war", "Russian dance
 * partner", "U.S.-South Korean joint military exercises". */
static int modifier(const struct ctx *c, size_t a)
{
	size_t i = a;
	int mi;

	while (i > c->S->first && a - i < 2 && c->at[i - 1] < 0 &&
	       (c->d->tok[i - 1].flags & TOK_WORD) && !(c->d->tok[i - 1].flags & TOK_UPPER) &&
	       !is(c, i - 1, W_PREP) && !is(c, i - 1, W_DET) &&
	       !is_boundary(c, i - 1) && strcmp(word(c, i - 1), "and") != 0 &&
	       !(i < a && plural_agent(c, i - 1)))	/* "Iranian diplomats held talks" */
		i--;
	if (i > c->S->first && strcmp(word(c, i - 1), "'s") == 0)
		return mention_ending(c, i - 1);
	mi = mention_ending(c, i);
	/* a demonym after a possessor describes the noun, which is the
	 * possessor's: "Egypt's Western ally" (not "Yemen's Iranian-allied") */
	if (mi >= 0 && c->m[mi].form == FORM_ADJECTIVE && c->m[mi].first > c->S->first + 1 &&
	    strcmp(word(c, c->m[mi].end), "-") != 0 && strcmp(word(c, c->m[mi].first - 1), "'s") == 0 &&
	    mention_ending(c, c->m[mi].first - 1) >= 0)
		return mention_ending(c, c->m[mi].first - 1);
	/* past other words only a demonym or possessive modifies: "Russian dance
	 * partner", "our close relationship", not "Austin held talks"; or a name
	 * past the branch of its forces or policy: "a U.S. air base" */
	return mi >= 0 && (i == a || c->m[mi].form == FORM_ADJECTIVE || possessive(c, c->m[mi].first) ||
			   (is(c, i, W_BRANCH) && (i + 1 == a || is(c, i + 1, W_BRANCH))))
		       ? mi
		       : -1;
}

/* The state or body actor a serves on the document's date, or a itself. */
static int side(const struct ctx *c, int a)
{
	return schema_side(c->x->s, a, c->d->date);
}

/* "Blinken and Austin held talks": two officials of one state are one side. */
static bool same_side(const struct ctx *c, int a, int b)
{
	return side(c, a) == side(c, b);
}

/* "Australia and Japan joined the Philippines and the US in joint naval
 * drills": every member of both lists takes part in the noun's relation. */
static bool joined_in(struct ctx *c, size_t a, size_t cl, const struct trigger *tr, enum modality mod)
{
	static const char *const joins[] = {"joined", "join", "joins", "joining", NULL};
	int all[2 * MAX_LIST], first;
	size_t i = a, n, k;

	while (i > cl && a - i < 4 && c->at[i - 1] < 0 && !is(c, i - 1, W_PREP) &&
	       (c->d->tok[i - 1].flags & TOK_WORD))
		i--;	/* "in joint naval drills" */
	if (i <= cl || strcmp(word(c, i - 1), "in") != 0 || (first = mention_ending(c, i - 1)) < 0)
		return false;
	n = coordinate(c, first, -1, all, MAX_LIST);
	k = np_start(c, all[n - 1]);
	if (k > cl && strcmp(word(c, k - 1), "the") == 0)
		k--;
	if (k <= cl || !word_in(word(c, k - 1), joins) || (first = subject(c, k - 1, cl, false)) < 0)
		return false;
	n += coordinate(c, first, -1, all + n, MAX_LIST);
	for (size_t x = 0; x < n; x++)
		for (size_t y = x + 1; y < n; y++)
			if (!same_side(c, actor_of(c, all[x]), actor_of(c, all[y])))
				add_event(c, tr->rel, all[x], all[y], a, a + 1, mod, tr->id, "joined-in");
	return true;
}

/* Where the verb at token a starts with its auxiliaries and adverbs ("and
 * has also", "and was rejected"). */
static size_t verb_group(const struct ctx *c, size_t a, size_t cl)
{
	size_t i = a;

	while (i > cl && a - i < 2 && c->at[i - 1] < 0 && (is(c, i - 1, W_COPULA) ||
	       strcmp(word(c, i - 1), "will") == 0 || strcmp(word(c, i - 1), "also") == 0))
		i--;
	return i;
}

/* Is the verb at a the second of two that share a subject: "... and (is)
 * bankrolling", "... and called on"? */
static bool second_verb(const struct ctx *c, size_t a, size_t cl)
{
	size_t i = verb_group(c, a, cl);

	return i > cl && strcmp(word(c, i - 1), "and") == 0 && c->at[i - 1] < 0 && mention_ending(c, i - 1) < 0;
}

/* Is mention mi inside an apposition: ", a NATO member," / ", an Iranian ally,"? */
static bool apposition(const struct ctx *c, int mi)
{
	size_t i = c->m[mi].first;

	return i >= c->S->first + 2 && (strcmp(word(c, i - 1), "a") == 0 || strcmp(word(c, i - 1), "an") == 0) &&
	       strcmp(word(c, i - 2), ",") == 0;
}

/* "to attacks" is a preposition and a noun, "to wage" an infinitive. */
static bool plural(const struct ctx *c, size_t i)
{
	size_t n = strlen(word(c, i));

	return n > 3 && word(c, i)[n - 1] == 's' && word(c, i)[n - 2] != 's';
}

/* Is mention mi a news dateline's place, "ISLAMABAD: Pakistan and ..." or
 * "MOSCOW (Reuters) - Russia ...": at the sentence's start, then a colon, a
 * parenthesis or a dash? */
static bool dateline(const struct ctx *c, int mi)
{
	size_t e = c->m[mi].end;

	return c->m[mi].first == c->S->first && e < c->S->end &&
	       (strcmp(word(c, e), ":") == 0 || strcmp(word(c, e), "(") == 0 || dash(c, e));
}

/* Is [i, e) a noun phrase that a verb takes as its object ("denied the
 * report"), no clause ("said the army attacked")? */
static bool object_phrase(const struct ctx *c, size_t i, size_t e)
{
	if (i >= e || e - i > 4 || !(is(c, i, W_DET) || possessive(c, i)))
		return false;
	for (size_t k = i + 1; k < e; k++)
		if (!modifier_word(c, k) || ends(word(c, k), "ed") || is(c, k, W_AGENT | W_BE))
			return false;
	return true;
}

/* The first actor of the sentence that is no object of a preposition, before a. */
static int first_subject(const struct ctx *c, size_t a)
{
	size_t from = c->S->first, group = verb_group(c, a, c->S->first);

	for (size_t i = a; i > c->S->first && a - i < 4 * CLAUSE_REACH; i--)
		if (c->at[i - 1] < 0 && is(c, i - 1, W_SPEECH) && !is(c, i, W_PREP) &&
		    !(group > c->S->first && strcmp(word(c, group - 1), "and") == 0 && object_phrase(c, i, group - 1))) {
			/* "X said Y attacked and ...": Y; but "X said during a visit" and
			 * "X denied the report and blamed": X */
			from = i;
			break;
		}
	for (size_t i = from; i < a && i < from + 4 * CLAUSE_REACH; i++) {
		int mi = mention_at(c, i);

		if (mi >= 0 && c->m[mi].first >= i && !governor(c, mi) && !dateline(c, mi))
			return mi;
	}
	return -1;
}

/* "its war against Hamas": the possessive pronoun stands for the clause's
 * subject. Returns that subject's mention, or -1. */
static int possessor(const struct ctx *c, size_t a, size_t cl)
{
	size_t i = a;

	while (i > cl && a - i < 2 && c->at[i - 1] < 0 && (c->d->tok[i - 1].flags & TOK_WORD) &&
	       strcmp(word(c, i - 1), "its") != 0 && strcmp(word(c, i - 1), "their") != 0 &&
	       !is(c, i - 1, W_PREP | W_DET))
		i--;
	if (i <= cl || (strcmp(word(c, i - 1), "its") != 0 && strcmp(word(c, i - 1), "their") != 0))
		return -1;
	return subject(c, i - 1, cl, false);
}

/* The dash that opens the aside closed by the dash at token i, or cl. */
static size_t aside_start(const struct ctx *c, size_t i, size_t cl)
{
	for (size_t k = i; k-- > cl;)
		if (dash(c, k))
			return k;
	return cl;
}

/* The comma that opens the relative or participle clause closed by the
 * comma at token i (", who chairs the committee,", "Rouhani, returning to
 * Tehran after attending the U.N. General Assembly,"), or cl. */
static size_t relative_start(const struct ctx *c, size_t i, size_t cl)
{
	for (size_t k = i; k-- > cl + 1;)
		if (strcmp(word(c, k), ",") == 0)
			return strcmp(word(c, k + 1), "who") == 0 || strcmp(word(c, k + 1), "which") == 0 ||
			       (c->at[k + 1] < 0 && ends(word(c, k + 1), "ing") && mention_ending(c, k) >= 0) ? k : cl;
	return cl;
}

/* Is mention mi a demonym of a thing that is not its state acting
 * ("the Israeli military action", "Syrian rebels"), rather than of an agent
 * ("Israeli forces", "the Chinese government")? */
static bool modifies_a_thing(const struct ctx *c, int mi, size_t limit)
{
	size_t i = c->m[mi].end;

	if (c->m[mi].form != FORM_ADJECTIVE || i >= limit || c->at[i] >= 0)
		return false;
	/* the head is the last noun of the phrase, which ends before the trigger
	 * at 'limit': "military" in "the Israeli military action" is no agent
	 * there, but a verb ends the phrase ("the Israeli military said") */
	while (i + 1 < limit && i < c->m[mi].end + 2 && c->at[i + 1] < 0 && modifier_word(c, i) &&
	       modifier_word(c, i + 1) && !is(c, i + 1, W_SPEECH) && !ends(word(c, i + 1), "ed") &&
	       !plural_agent(c, i))
		i++;
	return modifier_word(c, i) && !is(c, i, W_AGENT | W_INSTRUMENT);
}

/* Where an apposition that ends at the comma at token i opens: ", China's
 * closest ally,", ", a NATO member,", after a name; else cl. */
static size_t appositive_start(const struct ctx *c, size_t i, size_t cl)
{
	size_t k = i;
	bool opens;

	while (k > cl + 1 && i - k < 8 && strcmp(word(c, k - 1), ",") != 0 &&
	       ((c->d->tok[k - 1].flags & TOK_WORD) || strcmp(word(c, k - 1), "'s") == 0 ||
		strcmp(word(c, k - 1), "-") == 0) &&
	       !ends(word(c, k - 1), "ed") && !is(c, k - 1, W_COPULA | W_SPEECH | W_CLAUSE))
		k--;
	if (k <= cl + 1 || k == i || strcmp(word(c, k - 1), ",") != 0 || mention_ending(c, k - 1) < 0)
		return cl;
	/* it opens with an article or a possessor: "a NATO member", "China's" */
	opens = is(c, k, W_DET) ||
		(c->at[k] >= 0 && c->m[c->at[k]].end < i && strcmp(word(c, c->m[c->at[k]].end), "'s") == 0);
	return opens ? k - 1 : cl;
}

/* The owner of the thing a noun phrase ending before token i names, up to
 * its "'s" ("Obama's revisions", "Trump's so-called "Middle East plan""),
 * or -1. */
static int owner_of_thing(const struct ctx *c, size_t i)
{
	for (size_t k = i; k > c->S->first + 1 && i - k < 8; k--) {
		const char *w = word(c, k - 1);

		if (strcmp(w, "'s") == 0)
			return k < i ? mention_ending(c, k - 1) : -1;
		if (c->at[k - 1] >= 0 || strcmp(w, ",") == 0 ||
		    ((c->d->tok[k - 1].flags & TOK_WORD) ? is(c, k - 1, W_PREP | W_DET | W_CLAUSE | W_PRONOUN) ||
							   strcmp(w, "and") == 0 || strcmp(w, "or") == 0
							 : strcmp(w, "\"") != 0 && strcmp(w, "-") != 0))
			return -1;
	}
	return -1;
}

/* The actor a relative pronoun at token r stands for: the mention just
 * before it, or before the apposition it continues ("Georgia, a country
 * which fought") or the place it is in ("Republicans in Congress who"), or
 * the owner of the thing it stands for after a comma ("Obama's revisions,
 * which are backed by NATO": what backs the revisions backs Obama); -1
 * when that is no actor. */
static int relative_antecedent(const struct ctx *c, size_t r)
{
	size_t i = r;

	if (r <= c->S->first)
		return -1;	/* "Who attacked Ukraine?" */
	if (i > c->S->first && strcmp(word(c, i - 1), ",") == 0)
		i--;
	if (i > c->S->first + 1 && strcmp(word(c, i - 1), ")") == 0 && mention_ending(c, i - 1) >= 0)
		return mention_ending(c, i - 1);	/* "the Kurdistan Workers Party (PKK) which" */
	if (mention_ending(c, i) < 0) {	/* ", a country which": past the apposition */
		while (i > c->S->first && r - i < 4 && modifier_word(c, i - 1))
			i--;
		if (i > c->S->first && is(c, i - 1, W_DET))
			i--;
		if (i > c->S->first && strcmp(word(c, i - 1), ",") == 0)
			i--;
	}
	if (mention_ending(c, i) < 0 && i == r) {	/* "Republicans in Congress who": past its place */
		size_t k = i;

		while (k > c->S->first + 2 && r - k < 3 && c->at[k - 1] < 0 && (c->d->tok[k - 1].flags & TOK_UPPER))
			k--;
		if (k < r && (strcmp(word(c, k - 1), "in") == 0 || strcmp(word(c, k - 1), "from") == 0) &&
		    mention_ending(c, k - 1) >= 0)
			return mention_ending(c, k - 1);
	}
	if (mention_ending(c, i) < 0 && (i == r || strcmp(word(c, r - 1), ",") == 0))
		return owner_of_thing(c, r - (strcmp(word(c, r - 1), ",") == 0));
	return mention_ending(c, i);
}

/* Is token i a number ("28,500")? */
static bool numeral(const struct ctx *c, size_t i)
{
	return word(c, i)[0] >= '0' && word(c, i)[0] <= '9';
}

/* Is the phrase at token i, after a possessive, its owner's agents acting
 * at a ("its forces had struck", "their troops attacked")? */
static bool own_agents(const struct ctx *c, size_t i, size_t a)
{
	static const char *const auxiliaries[] = {"had", "have", "has", "was", "were", "is", "are", "also", NULL};

	if (i >= a || !is(c, i, W_AGENT | W_INSTRUMENT))
		return false;
	for (size_t k = i + 1; k < a; k++)
		if (!word_in(word(c, k), auxiliaries))
			return false;
	return true;
}

/* The start of the determiner and up to two modifiers before token a. */
static size_t np_words_before(const struct ctx *c, size_t a, size_t cl)
{
	static const char *const abouts[] = {"about", "around", "over", "under", NULL};
	size_t i = a;

	/* a preposition before a number is part of the phrase: "has about
	 * 28,500 troops in" */
	while (i > cl && a - i < 3 && c->at[i - 1] < 0 && (c->d->tok[i - 1].flags & TOK_WORD) &&
	       !(c->d->tok[i - 1].flags & TOK_UPPER) &&
	       (!is(c, i - 1, W_PREP) || (word_in(word(c, i - 1), abouts) && i < a && numeral(c, i))) &&
	       strcmp(word(c, i - 1), "and") != 0 && strcmp(word(c, i - 1), "or") != 0)
		i--;
	return i;
}

/* The verb of the journey whose purpose the "for" at token f gives
 * ("arrived in Moscow on Monday for talks", "flew to Beijing for a visit"),
 * or (size_t)-1. */
static size_t went_for(const struct ctx *c, size_t f, size_t cl)
{
	static const char *const journeys[] = {
		"arrive", "arrives", "arrived", "arriving", "travel", "travels", "travelled", "traveled",
		"travelling", "traveling", "fly", "flies", "flew", "flying", "go", "goes", "went", "going",
		"come", "comes", "came", "coming", "head", "heads", "headed", "heading", "landed", "visit",
		"visits", "visited", "visiting", NULL
	};

	for (size_t k = f; k > cl && f - k < 8; k--)
		if (word_in(word(c, k - 1), journeys) ||	/* "is in Abuja for meetings" */
		    (is(c, k - 1, W_COPULA) && k < f && (strcmp(word(c, k), "in") == 0 || strcmp(word(c, k), "at") == 0)))
			return k - 1;
	return (size_t)-1;
}

/* The verb of the journey made for the noun at a ("arrived in Moscow on
 * Monday for a two-day official visit": arrived), or (size_t)-1. */
static size_t journey_of(const struct ctx *c, size_t a, size_t cl)
{
	size_t f = a;

	while (f > cl && a - f < 7 && c->at[f - 1] < 0 && strcmp(word(c, f - 1), "for") != 0 &&
	       ((c->d->tok[f - 1].flags & TOK_WORD) || strcmp(word(c, f - 1), "-") == 0))
		f--;	/* past "a two-day official" */
	return f > cl && strcmp(word(c, f - 1), "for") == 0 ? went_for(c, f - 1, cl) : (size_t)-1;
}

/* Where the journey went whose purpose is the noun at a ("arrived in
 * Moscow for a two-day visit": Moscow), or -1. */
static int journey_end(const struct ctx *c, size_t a, size_t cl)
{
	static const char *const towards[] = {"in", "to", "at", NULL};
	size_t v = journey_of(c, a, cl);
	int mi;

	if (v == (size_t)-1 || !word_in(word(c, v + 1), towards) || v + 2 >= a)
		return -1;
	mi = mention_at(c, v + 2);
	return mi >= 0 && governor(c, mi) ? mi : -1;
}

/* The word of a wish before the noun at token a, past its determiner and
 * modifiers ("called for the expulsion of", "is ready for talks with"), or
 * (size_t)-1. What is wished is not done. */
static size_t wished(const struct ctx *c, size_t a, size_t cl)
{
	size_t i = np_words_before(c, a, cl);

	return i > cl + 1 && strcmp(word(c, i - 1), "for") == 0 && word_in(word(c, i - 2), wishes) ? i - 2
												    : (size_t)-1;
}

/* The nearest mention before a that can be the clause's subject: not the
 * object of a preposition, except the agent "by X" for nouns. A noun that is
 * itself the object of a preposition ("the end of the war") has none. */
static int subject(const struct ctx *c, size_t a, size_t cl, bool noun)
{
	size_t group = verb_group(c, a, cl);

	/* "sanctioned Iran for supplying", "accused Kyiv of attacking": the one
	 * sanctioned or accused; none we know after a thing ("sanctions on two
	 * Chinese companies for supplying") */
	if (!noun && ends(word(c, a), "ing") && a > cl + 1 &&
	    (strcmp(word(c, a - 1), "for") == 0 || strcmp(word(c, a - 1), "of") == 0) &&
	    modifier_word(c, a - 2) && !ends(word(c, a - 2), "ed"))
		return -1;
	/* "met Japan and slammed Seoul", "favours Israel and was rejected by":
	 * a name before "and" is the first verb's object, not the second's
	 * subject, which is the first's */
	if (!noun && group > cl + 2 && !possessive(c, a) && strcmp(word(c, group - 1), "and") == 0 &&
	    mention_ending(c, group - 1) >= 0)
		return first_subject(c, a);
	if (noun) {	/* past its determiner and up to two modifiers; "to" is mostly "to wage" */
		size_t i = np_words_before(c, a, cl), v;

		if (i > cl + 1 && strcmp(word(c, i - 1), "of") == 0 && word_in(word(c, i - 2), measures))
			i = np_words_before(c, i - 2, cl);	/* "held a new round of border talks" */
		if (i > cl && (strcmp(word(c, i - 1), "and") == 0 || strcmp(word(c, i - 1), "or") == 0) &&
		    (mention_ending(c, i - 1) >= 0 ||
		     (i > cl + 1 && strcmp(word(c, i - 2), ",") == 0 && mention_ending(c, i - 2) >= 0)))
			return -1;	/* "Democrats and members of X", "Brazil, Australia, and the
					 * members of the EU": a list, not an act of theirs */
		/* "during a visit to Vietnam": an event in a phrase of time is the
		 * clause subject's ("Panetta said during a visit to Vietnam"), also
		 * when the phrase comes first ("On a visit to Moscow, Xi said") */
		if (i > cl && (word_in(word(c, i - 1), occasions) || word_in(word(c, i - 1), openers))) {
			size_t comma = comma_after(c, a);
			bool opens = i - 1 == c->S->first ||	/* "Speaking after talks with" */
				     (i - 2 == c->S->first && ends(word(c, i - 2), "ing"));

			if (!opens && word_in(word(c, i - 1), occasions))
				return first_subject(c, i - 1);
			/* an opener's noun names its other side ("talks with"), not a
			 * venue that may be a state ("talks in Qatar") */
			if (!opens || (word_in(word(c, i - 1), openers) && !key_has_prep(c->tr->key)))
				return -1;
			return comma == (size_t)-1 ? -1 : actor_past_title(c, comma + 1, c->S->end);
		}
		/* talks "for" are the purpose of the traveller's journey ("arrived in
		 * Moscow for talks with Putin", "will visit Washington for a summit") */
		if (c->tr->rel == c->x->talks && (v = journey_of(c, a, cl)) != (size_t)-1)
			return subject(c, v, cl, false);
		/* "Iran called for talks with the US", "is ready for talks": the
		 * subject's wish */
		if ((v = wished(c, a, cl)) != (size_t)-1)
			return subject(c, v, cl, false);
		/* "China retaliated with levies on US goods": the responder's act */
		if (i > cl + 1 && strcmp(word(c, i - 1), "with") == 0 && word_in(word(c, i - 2), responses))
			return subject(c, i - 2, cl, false);
		/* "the Houthis claimed responsibility for an attack on": the claimant's */
		if (i > cl + 2 && strcmp(word(c, i - 1), "for") == 0 &&
		    (strcmp(word(c, i - 2), "responsibility") == 0 || strcmp(word(c, i - 2), "credit") == 0))
			return subject(c, i - 3, cl, false);
		/* "$500 million in new aid" is no object of "in"; "to" is mostly "to
		 * wage war" or "agreed to a deal", but after a comma "X, to a summit"
		 * is a phrase apart */
		if (i > cl && is(c, i - 1, W_PREP) &&
		    !(strcmp(word(c, i - 1), "to") == 0 && !plural(c, i) &&
		      !(is(c, i, W_DET) && i > cl + 1 && strcmp(word(c, i - 2), ",") == 0)) &&
		    !(i > cl + 1 && is(c, i - 2, W_AMOUNT)) &&
		    strcmp(word(c, i - 1), "out") != 0)	/* a particle: "carried out an attack" */
			return -1;
	}
	for (size_t i = a; i > cl && a - i < SUBJECT_WINDOW; i--) {
		int mi = mention_ending(c, i);
		const char *gov;
		size_t open;

		if (dash(c, i - 1) && (open = aside_start(c, i - 1, cl)) > cl) {
			i = open + 1;	/* past an aside: "the deal - the first between X and Y - warning Z" */
			continue;
		}
		if (strcmp(word(c, i - 1), ",") == 0 &&
		    ((open = relative_start(c, i - 1, cl)) > cl || (open = appositive_start(c, i - 1, cl)) > cl)) {
			i = open + 1;	/* past a relative clause: "Godoy, who chairs X, accused"; past
					 * an apposition: "Pakistan, China's closest ally, received" */
			continue;
		}

		if (mi < 0 && c->at[i - 1] < 0 && is(c, i - 1, W_SPEECH) && i < a &&
		    strcmp(word(c, i - 1), "announced") != 0 && strcmp(word(c, i - 1), "confirmed") != 0 &&
		    strcmp(word(c, i), "to") != 0)	/* "Egypt claims to have launched": Egypt */
			return -1;	/* "Kyiv said the refinery supplied": not Kyiv ("announced
					 * steps to boost ties" has an object, no clause) */
		if (mi < 0 && c->at[i - 1] < 0 && (strcmp(word(c, i - 1), "who") == 0 ||
						    strcmp(word(c, i - 1), "which") == 0))
			return relative_antecedent(c, i - 1);
		if (mi < 0 && c->at[i - 1] < 0 && (strcmp(word(c, i - 1), "sides") == 0 ||
						    strcmp(word(c, i - 1), "parties") == 0))
			return -1;	/* "pressed both sides to accept a ceasefire": theirs */
		if (mi < 0 && c->at[i - 1] < 0 && is(c, i - 1, W_PRONOUN)) {
			/* "Manila and Beijing said they agreed": they are the speakers */
			size_t v = i - 1;	/* the pronoun; the speech verb before it, past "that" */

			if (v > cl && strcmp(word(c, v - 1), "that") == 0)
				v--;
			while (v > cl && c->at[v - 1] < 0 && (is(c, v - 1, W_TIME) || strcmp(word(c, v - 1), "on") == 0))
				v--;	/* "Germany said on Monday it would" */
			if ((strcmp(word(c, i - 1), "they") == 0 || strcmp(word(c, i - 1), "it") == 0) &&
			    v > cl && is(c, v - 1, W_SPEECH)) {
				size_t k = v - 1;	/* past an adverb: "has repeatedly denied" */

				while (k > cl && c->at[k - 1] < 0 && !(c->d->tok[k - 1].flags & TOK_UPPER) &&
				       (c->d->tok[k - 1].flags & TOK_WORD) && v - k < 4)
					k--;
				return mention_ending(c, k);
			}
			return -1;	/* a subject we cannot name: no guessing further back */
		}
		if (mi < 0)
			continue;
		if (dateline(c, mi))
			return -1;	/* "SEOUL - The meeting of North Korea's ruling party" */
		if (c->m[mi].form == FORM_PRONOUN && (strcmp(word(c, i - 1), "his") == 0 ||
						      strcmp(word(c, i - 1), "her") == 0))
			return -1;	/* "stormed his seat": a possessive, and no subject we know */
		if (c->m[mi].form == FORM_PRONOUN &&
		    (strcmp(word(c, i - 1), "its") == 0 || strcmp(word(c, i - 1), "their") == 0)) {
			if (own_agents(c, i, a))
				return mi;	/* "Russia said its forces had struck": Russia */
			continue;	/* "the US reaffirmed its commitment to defend": the US */
		}
		if (apposition(c, mi) || modifies_a_thing(c, mi, a)) {
			i = c->m[mi].first + 1;	/* "Turkey, a NATO member, has bought": Turkey; "He
						 * condemned the Israeli action and supported": he */
			continue;
		}
		gov = governor(c, mi);
		if (!gov || (noun && strcmp(gov, "by") == 0))
			return mi;
		if (!noun && c->m[mi].end == a && word_in(gov, conjunctions))
			return mi;	/* a clause's subject: "the Kremlin said after Putin met Modi" */
		i = c->m[mi].first + 1;
	}
	return -1;
}

/* "a visit to his friend, President Vladimir Putin", "Israel's closest
 * ally, the United States": after a noun that a possessive governs (tokens
 * [b, i)), the actor in apposition. */
static int apposed(const struct ctx *c, size_t b, size_t i, size_t cr)
{
	bool possessed = false;
	int mi;

	for (size_t k = b; k < i; k++)
		possessed = possessed || possessive(c, k) || strcmp(word(c, k), "'s") == 0;
	if (!possessed || i + 1 >= cr || strcmp(word(c, i), ",") != 0)
		return -1;
	for (i++; i < cr && c->at[i] < 0 && (c->d->tok[i].flags & TOK_UPPER) && i < b + 8; i++)
		;	/* past a title: "President" */
	mi = mention_at(c, i);
	return mi >= 0 && c->m[mi].form != FORM_ADJECTIVE ? mi : -1;	/* not "the Iranian proxy" */
}

/* The person after one to three capitalised words at token i, a title
 * ("President Trump"), or -1. */
static int titled_person(const struct ctx *c, size_t i, size_t cr)
{
	size_t k = i;
	int mi;

	while (k < cr && k < i + 3 && c->at[k] < 0 && (c->d->tok[k].flags & TOK_UPPER))
		k++;
	if (k == i || (mi = mention_at(c, k)) < 0)
		return -1;
	return c->x->s->actors[c->m[mi].actor].kind == KIND_PERSON ? mi : -1;
}

/* The actor named right after token b, or after ", including" or "such
 * as": the one a partner noun names ("its ally Belarus"), or -1. */
static int listed_after(const struct ctx *c, size_t b, size_t cr)
{
	size_t i = b;

	if (i < cr && strcmp(word(c, i), ",") == 0)
		i++;
	if (i < cr && strcmp(word(c, i), "including") == 0)
		i++;
	else if (i + 1 < cr && strcmp(word(c, i), "such") == 0 && strcmp(word(c, i + 1), "as") == 0)
		i += 2;
	else if (i != b)
		return -1;
	if (i >= cr)
		return -1;
	return mention_at(c, i) >= 0 ? mention_at(c, i) : titled_person(c, i, cr);
}

/* The owner named before the mention that ends at token i: "its" or "X's"
 * in "its United States-backed plans", "Iran's Russia-backed program"; or -1. */
static int owner_before(const struct ctx *c, size_t i)
{
	int mi = mention_ending(c, i);
	size_t k;

	if (mi < 0 || (k = c->m[mi].first) <= c->S->first)
		return -1;
	if (possessive(c, k - 1))
		return c->at[k - 1];
	return strcmp(word(c, k - 1), "'s") == 0 ? mention_ending(c, k - 1) : -1;
}

/* Is mention mi the backer in "Iran-backed militias", whom an act on the
 * militias does not name (but an act on a plan names its backer: "rejected
 * the U.S.-backed plan")? */
static bool backer(const struct ctx *c, int mi)
{
	static const char *const armed[] = {"militia", "militias", "proxies", "groups", "group", NULL};
	size_t i = c->m[mi].end;

	if (i + 2 >= c->S->end || strcmp(word(c, i), "-") != 0 || !is(c, i + 1, W_PARTNER) ||
	    !ends(word(c, i + 1), "ed"))
		return false;
	i += 2;
	return c->at[i] >= 0 || is(c, i, W_AGENT | W_FIGHTERS) || word_in(word(c, i), armed);
}

/* The state whose ground holds what an attack's object names, from token i:
 * "an offensive against Kurdish militants in northern Syria", "strikes on
 * militant hideouts inside Afghanistan" (the guide's attack on Afghanistan);
 * or -1. */
static int attacked_place(const struct ctx *c, size_t i, size_t cr)
{
	static const char *const inside[] = {"in", "inside", NULL};
	size_t lim = i + 8 < cr ? i + 8 : cr;
	int mi;

	while (i < lim && c->at[i] < 0 && (c->d->tok[i].flags & TOK_WORD) && !is(c, i, W_PREP | W_CLAUSE))
		i++;	/* past the object's words */
	if (i >= lim || !word_in(word(c, i), inside))
		return -1;
	for (i++; i < lim && modifier_word(c, i); i++)
		;	/* "northern" */
	if (i >= lim || (mi = mention_at(c, i)) < 0 || c->x->s->actors[c->m[mi].actor].kind != KIND_STATE)
		return -1;
	return mi;
}

/* Past a rate after a noun at i ("of 125%", "of 25 percent"), or i. */
static size_t past_rate(const struct ctx *c, size_t i, size_t cr)
{
	static const char *const rates[] = {"%", "percent", "cent", NULL};
	size_t k = i + 1;

	if (k >= cr || strcmp(word(c, i), "of") != 0)
		return i;
	if (k + 1 < cr && strcmp(word(c, k), "up") == 0 && strcmp(word(c, k + 1), "to") == 0)
		k += 2;	/* "of up to 50%" */
	if (k >= cr || !numeral(c, k))
		return i;
	for (k++; k < cr && k < i + 6; k++)
		if (word_in(word(c, k), rates))
			return k + 1;
	return i;
}

/* Participles that do what the noun before them names ("sanctions ...
 * were extended by the EU", "sanctions imposed on Syria"). */
static const char *const bes[] = {"was", "were", "is", "are", "been", NULL};
static const char *const doings[] = {
	"imposed", "extended", "announced", "launched", "approved", "adopted", "introduced",
	"renewed", "expanded", "levied", "slapped", "tightened", "waged", "conducted", "held",
	"signed", "provided", "delivered", "supplied", "given", "sent", "granted", "offered",
	"pledged", "issued", "made", "staged", "mounted", "reimposed", "carried", NULL
};

/* Past a passive of one of those at i ("were imposed", "has been carried
 * out"): the token after it, or i. */
static size_t past_passive(const struct ctx *c, size_t i, size_t cr)
{
	size_t k = i;

	if (k + 1 < cr && (strcmp(word(c, k), "has") == 0 || strcmp(word(c, k), "have") == 0 ||
			   strcmp(word(c, k), "had") == 0))
		k++;
	if (k >= cr || !word_in(word(c, k), bes) || (k > i && strcmp(word(c, k), "been") != 0))
		return i;
	k++;
	if (k >= cr || !word_in(word(c, k), doings))
		return i;
	return k + (k + 1 < cr && strcmp(word(c, k), "carried") == 0 && strcmp(word(c, k + 1), "out") == 0 ? 2 : 1);
}

/* Past a participle that does the noun before i: "sanctions (that were)
 * imposed on Syria", "aid (which was) sent to Gaza"; else i. */
static size_t past_doing(const struct ctx *c, size_t i, size_t cr)
{
	size_t k;

	if (i < cr && (strcmp(word(c, i), "that") == 0 || strcmp(word(c, i), "which") == 0))
		return (k = past_passive(c, i + 1, cr)) > i + 1 ? k : i;
	/* a bare one only before its preposition: not "its allies imposed sanctions on" */
	return i + 1 < cr && word_in(word(c, i), doings) && is(c, i + 1, W_PREP) ? i + 1 : i;
}

/* Does a partner in the act stand at i, not its object ("carried out the
 * strikes in coordination with Libya", "alongside Ukraine's forces")? */
static bool partner_at(const struct ctx *c, size_t i)
{
	static const char *const joint[] = {
		"coordination", "cooperation", "conjunction", "concert", "consultation", "together", "partnership",
		NULL
	};

	return (i > c->S->first && strcmp(word(c, i - 1), "alongside") == 0) ||
	       (i > c->S->first + 1 && strcmp(word(c, i - 1), "with") == 0 && word_in(word(c, i - 2), joint));
}

/* Nouns that stand for the one named after their "of": what a state or
 * place is called by ("the island of Taiwan"), and what of it an act is for
 * or against ("the security of the Baltic states"). */
static const char *const stand_ins[] = {
	"island", "country", "nation", "state", "kingdom", "republic", "territory", "region", "province",
	"city", "people", "peoples", "government", "security", "defense", "defence", "sovereignty",
	"independence", "integrity", "existence", "survival", NULL
};

/* Is the mention at token i, after a verb's phrase that ends at b, the
 * agent of a participle in the object ("signed a deal brokered by China",
 * "sent drones made by Iran to Russia"), no object of the verb? */
static bool participle_agent_at(const struct ctx *c, size_t b, size_t i)
{
	if (i > b && is(c, i - 1, W_DET))
		i--;
	return i >= b + 2 && strcmp(word(c, i - 1), "by") == 0 &&
	       (ends(word(c, i - 2), "ed") || word_in(word(c, i - 2), participles));
}

/* The first mention after the trigger, within reach of a verb or after a
 * noun's preposition. */
static int object_named(const struct ctx *c, size_t b, size_t cr, const struct trigger *t)
{
	size_t i = b, lim;
	int mi;
	bool prep_in_key = key_has_prep(t->key);

	if (t->form == TRIG_NOUN) {
		if (!prep_in_key && i < cr && is(c, i, W_COPULA)) {	/* "X's ally has been Egypt" */
			while (i < cr && is(c, i, W_COPULA))
				i++;
			mi = mention_at(c, i);
			return mi >= 0 && c->m[mi].end <= cr ? mi : -1;
		}
		if (!prep_in_key && is(c, b - 1, W_PARTNER) &&
		    ((mi = listed_after(c, b, cr)) >= 0 ||
		     (b >= 2 && (mi = apposed(c, b >= c->S->first + 3 ? b - 3 : b - 2, b, cr)) >= 0)))
			return mi;	/* "its ally Belarus", "U.S. allies, including Poland", "his
					 * friend, President Vladimir Putin" */
		if (!prep_in_key && is(c, b - 1, W_PARTNER) && ends(word(c, b - 1), "ed"))
			return owner_before(c, b - 2);	/* what "-backed" names comes next, or is
							 * owned before: "its United States-backed
							 * plans"; not "a UN-backed mission in Haiti" */
		if (!prep_in_key) {
			i = past_rate(c, i, cr);	/* "tariffs of 25 percent on" */
			i = past_doing(c, i, cr);
			/* its preposition may come a few words later: "a visit this week to" */
			while (i < cr && i < b + 3 && !is(c, i, W_NOUN_PREP) && c->at[i] < 0 &&
			       (c->d->tok[i].flags & TOK_WORD) && !(c->d->tok[i].flags & TOK_UPPER) &&
			       !is(c, i, W_PREP | W_COPULA | W_QUESTION) && strcmp(word(c, i), "that") != 0 &&
			       !ends(word(c, i), "ed"))
				i++;	/* not into a relative clause: "a partner that delivers for him",
					 * nor a verb: "its allies imposed sanctions on Russia" */
			if (i >= cr || !is(c, i, W_NOUN_PREP) || (i > b && strcmp(word(c, i), "of") == 0))
				return -1;	/* a later "of" belongs to the words between */
			/* "talks in Washington": a capital after "in" or "at" is the venue */
			if ((strcmp(word(c, i), "in") == 0 || strcmp(word(c, i), "at") == 0) &&
			    (mi = mention_at(c, i + 1)) >= 0 && c->m[mi].form == FORM_SEAT)
				return -1;
			i++;
		}
		/* past a determiner, a possessive and a few modifiers: "sanctions on
		 * the whole of Iran", "a visit to his friend" */
		while (i < cr && (possessive(c, i) || (mention_at(c, i) < 0 && (c->d->tok[i].flags & TOK_WORD) &&
		       !(c->d->tok[i].flags & TOK_UPPER) && c->at[i] < 0)) && i < b + 6 && !is(c, i, W_PREP)) {
			if (strcmp(word(c, i), "not") == 0 || strcmp(word(c, i), "never") == 0)
				return -1;	/* a verb's phrase: "Kabul's commitment to not support
						 * terrorists targeting Pakistan" */
			i++;
		}
		/* "support of the island of Taiwan", "aid to the people of Gaza", "a
		 * threat to the sovereignty of Ukraine": the one named */
		if (i > b && i + 1 < cr && strcmp(word(c, i), "of") == 0 &&
		    word_in(word(c, i - 1), stand_ins) && mention_at(c, i + 1) >= 0)
			i++;
		mi = i < cr ? mention_at(c, i) : -1;
		if (mi < 0)
			mi = titled_person(c, i, cr);	/* "an ally in President Trump" */
		if (mi < 0 && i > b)	/* "meetings with world leaders, including President Obama" */
			mi = listed_after(c, i, cr);
		if (mi < 0)
			mi = apposed(c, b, i, cr);
		if (mi < 0 && t->rel == c->x->conflict)
			mi = attacked_place(c, i, cr);
		return mi >= 0 && c->m[mi].end <= cr ? mi : -1;
	}
	/* a trigger that names its objects reaches past them: "received a new batch of
	 * missiles from Germany" */
	lim = b + (t->nobjects ? OBJECTS_WINDOW : OBJECT_WINDOW);
	if (lim > cr)
		lim = cr;
	/* "met his counterpart X": X; but not into a relative clause after a
	 * plain object ("backed rebels who hoped to topple X"), though one
	 * after an object word may name the target ("imposed sanctions that
	 * have kept Iran from") */
	for (; i < lim && strcmp(word(c, i), ",") != 0; i++) {
		if (c->at[i] >= 0 && c->m[c->at[i]].first == i && !possessive(c, i) && !backer(c, c->at[i]) &&
		    !partner_at(c, i) && (t->reverse || !participle_agent_at(c, b, i)))
			return c->at[i];	/* the reverse's source may be: "intercepted a missile fired by the Houthis" */
		if (i > b && c->at[i] < 0 && ends(word(c, i), "ing") && is(c, i - 1, W_PREP) &&
		    !(c->d->tok[i].flags & TOK_UPPER) && !t->nobjects && !ing_adjective(c, i))
			return -1;	/* a gerund's object: "rejected the idea of involving the IMF"
					 * (not an adjective's noun: "struck targets in neighbouring Lebanon") */
		if (i > b && !t->nobjects && c->at[i] < 0 && word_in(word(c, i), relatives))
			return -1;
		if (c->at[i] < 0 && word_in(word(c, i), venues))
			return -1;	/* "met on the sidelines of the SCO summit" */
	}
	/* "met several leaders, including Xi": plain words naming actors, then
	 * those they stand for (but "denounced the act, such as X": X denounced) */
	for (size_t k = b; k < i; k++)
		if (!modifier_word(c, k) && !is(c, k, W_DET))
			return -1;
	return i > b && i < lim && is(c, i - 1, W_AGENT | W_PARTNER) ? listed_after(c, i, cr) : -1;
}

/* The object of trigger t: the person a state or body's possessive names
 * in place of the owner ("met China's Xi Jinping": Xi). */
static int object(const struct ctx *c, size_t b, size_t cr, const struct trigger *t)
{
	int mi = object_named(c, b, cr, t), p;
	size_t e = mi >= 0 ? c->m[mi].end : 0;

	if (mi >= 0 && e + 1 < cr && strcmp(word(c, e), "'s") == 0 && (p = mention_at(c, e + 1)) >= 0 &&
	    c->m[p].first == e + 1 && c->x->s->actors[c->m[p].actor].kind == KIND_PERSON &&
	    c->x->s->actors[c->m[mi].actor].kind != KIND_PERSON)
		return p;
	return mi;
}

/* Is mention mi the host of what the trigger names, after "in" or "at"
 * ("talks in Oman")? */
static bool hosted(const struct ctx *c, int mi)
{
	size_t i = c->m[mi].first;

	return i > c->S->first && (strcmp(word(c, i - 1), "in") == 0 || strcmp(word(c, i - 1), "at") == 0);
}

/* The actor named at token i, or past an article there ("by the UN
 * Security Council"), or -1. */
static int agent_at(const struct ctx *c, size_t i, size_t cr)
{
	int mi = i < cr ? mention_at(c, i) : -1;

	return mi < 0 && i + 1 < cr && is(c, i, W_DET) ? mention_at(c, i + 1) : mi;
}

/* Past "were imposed" at i, to its "by": a passive of a verb whose agent
 * is that of the noun before ("sanctions against Iran were extended by the
 * EU"), not one of its own ("the invasion was condemned by France"). */
static size_t past_done(const struct ctx *c, size_t i, size_t cr)
{
	size_t k = past_passive(c, i, cr);

	return k > i && k < cr && strcmp(word(c, k), "by") == 0 ? k : i;
}

/* The agent of a noun after its object and "by" ("the invasion of Ukraine by
 * Russia", "the shooting of two Palestinians by Israeli soldiers", and past
 * a passive that does the noun: "sanctions against Iran were extended by
 * the EU"), or -1: an actor, not a thing it modifies ("by Israeli courts")
 * nor a means ("by land"). The object's list is in objs (n of them). */
static int noun_agent(const struct ctx *c, const int *objs, size_t n, size_t cr)
{
	size_t i = past_done(c, c->m[objs[n - 1]].end, cr);
	int mi;

	if (i + 1 >= cr || strcmp(word(c, i), "by") != 0 || (mi = agent_at(c, i + 1, cr)) < 0 ||
	    c->m[mi].end > cr)
		return -1;
	return !modifies_a_thing(c, mi, cr) || is(c, c->m[mi].end, W_AGENT | W_INSTRUMENT) ? mi : -1;
}

/* The "by" of a verb ending at b: right after it, or for a passive after a
 * phrase of its own ("cited for war crimes by the ICC", "criticized in a
 * statement by France"); or (size_t)-1. */
static size_t passive_by(const struct ctx *c, size_t a, size_t b, size_t cr)
{
	if (b < cr && strcmp(word(c, b), "by") == 0)
		return b;
	if (b >= cr || !is(c, b, W_PREP) || !passive(c, a))
		return (size_t)-1;
	for (size_t k = b + 1; k < cr && k < b + 6; k++) {
		if (strcmp(word(c, k), "by") == 0)
			return k;
		if (!(c->d->tok[k].flags & TOK_WORD) || ends(word(c, k), "ed") || word_in(word(c, k), participles) ||
		    is(c, k, W_PREP | W_CLAUSE | W_COPULA))
			break;	/* one phrase only: not "with drones made by Iran" */
	}
	return (size_t)-1;
}

/* The signatories of a pact named by "signed by" after the noun ending at
 * b ("the agreement signed by Israel and the UAE", "the deal, sealed by Iran
 * and Saudi Arabia in Beijing,"), into out; returns how many. */
static size_t signatories(const struct ctx *c, size_t b, size_t cr, int *out)
{
	static const char *const signs[] = {"signed", "concluded", "sealed", "struck", "reached", "agreed", NULL};
	size_t i = b < cr && strcmp(word(c, b), ",") == 0 ? b + 1 : b;
	int mi;

	if (i + 2 >= cr || !word_in(word(c, i), signs) || strcmp(word(c, i + 1), "by") != 0 ||
	    (mi = agent_at(c, i + 2, cr)) < 0)
		return 0;
	return coordinate(c, mi, +1, out, MAX_LIST);
}

/* Does the noun at [a, b) name one who provides ("arms supplier", "source
 * of weapons")? */
static bool provider(const struct ctx *c, size_t a, size_t b)
{
	static const char *const providers[] = {"supplier", "suppliers", "source", "sources", NULL};

	for (size_t i = a; i < b; i++)
		if (word_in(word(c, i), providers))
			return true;
	return false;
}

/* The two sides of "between A and B" just after the trigger. */
static bool between(const struct ctx *c, size_t b, size_t cr, int *x, int *y)
{
	size_t i = b;

	if (strcmp(word(c, b - 1), "between") == 0)	/* the trigger's own: "war between" */
		i--;
	else	/* past a place: "the talks in Geneva between A and B" */
		while (i < cr && i < b + 4 && strcmp(word(c, i), "between") != 0 && strcmp(word(c, i), ",") != 0)
			i++;
	if (i >= cr || strcmp(word(c, i), "between") != 0 || (*x = mention_at(c, i + 1)) < 0)
		return false;
	i = c->m[*x].end;
	/* past the first side's leader: "between the armed forces under General X and" */
	if (i + 1 < cr && (strcmp(word(c, i), "under") == 0 || strcmp(word(c, i), "led") == 0)) {
		size_t k = i + 1;

		while (k < cr && k < i + 6 && c->at[k] < 0 && strcmp(word(c, k), "and") != 0)
			k++;	/* "by", a title */
		if (k < cr && c->at[k] >= 0 && c->x->s->actors[c->m[c->at[k]].actor].kind == KIND_PERSON)
			i = c->m[c->at[k]].end;
	}
	if (i >= cr || strcmp(word(c, i), "and") != 0)
		return false;
	for (size_t and = i++; i < cr && i < and + 4 && mention_at(c, i) < 0 && (is(c, i, W_DET) || modifier_word(c, i));)
		i++;	/* "and the paramilitary RSF" */
	return i < cr && (*y = mention_at(c, i)) >= 0 && c->m[*y].end <= cr;
}

/* The place "there" stands for after the trigger at a: the one state named
 * before it in the sentence other than owner mention mi ("underwriting
 * South Korea's security by garrisoning U.S. troops there"), or -1. */
static int state_there(const struct ctx *c, size_t a, int mi)
{
	int found = -1;

	for (size_t i = c->S->first; i < a; i++) {
		int k = c->at[i];

		if (k < 0 || c->m[k].first != i || actor_of(c, k) == actor_of(c, mi) ||
		    c->x->s->actors[actor_of(c, k)].kind != KIND_STATE)
			continue;
		if (found >= 0 && actor_of(c, found) != actor_of(c, k))
			return -1;	/* two: which, the text does not say */
		found = k;
	}
	return found;
}

/* Is mention mi the owner of the trigger's object ("U.S. troops")? */
static bool owns_object(const struct ctx *c, const struct trigger *t, int mi)
{
	size_t i = c->m[mi].end;

	return i < c->S->end && is_object(c, t, i);
}

/* "negotiations in Doha mediated by Qatar and Turkiye", "talks between
 * Israel and Hamas, brokered by Egypt", "the US-brokered deal between Israel
 * and the UAE": the noun's mediators have talks with
 * each of its parties, those between which it is or else the sentence's
 * first subject and its list. */
static void mediation(struct ctx *c, const struct trigger *tr, size_t a, size_t b, size_t cr, enum modality mod)
{
	static const char *const by_words[] = {"mediated", "brokered", "facilitated", "hosted", NULL};
	static const char *const within[] = {"in", "at", "between", "with", "and", ",", NULL};
	int parties[MAX_LIST], by[MAX_LIST], x, y, mi;
	size_t i = b, np = 0, nb;
	bool mediated = false;

	if (c->x->talks < 0)
		return;
	/* past the noun's own phrase only: its place or parties ("in Doha",
	 * "between Israel and Hamas,", "was"), not "a truce after talks mediated by" */
	for (; i + 2 < c->S->end && i < b + 8; i++) {
		if ((mediated = word_in(word(c, i), by_words) && strcmp(word(c, i + 1), "by") == 0))
			break;
		if (c->at[i] < 0 && !is(c, i, W_DET | W_BE) && !word_in(word(c, i), within))
			break;
	}
	if (mediated && (mi = mention_at(c, i + 2)) >= 0)
		nb = coordinate(c, mi, +1, by, MAX_LIST);
	else if (a > c->S->first + 2 && word_in(word(c, a - 1), by_words) && strcmp(word(c, a - 2), "-") == 0 &&
		 (mi = mention_ending(c, a - 2)) >= 0)
		nb = coordinate(c, mi, -1, by, MAX_LIST);	/* "the US-brokered deal between" */
	else
		return;
	if (between(c, b, cr, &x, &y)) {
		parties[np++] = x;
		parties[np++] = y;
	} else if ((mi = first_subject(c, a)) >= 0) {
		np = coordinate(c, mi, +1, parties, MAX_LIST);
	}
	for (size_t j = 0; j < nb; j++)
		for (size_t k = 0; k < np; k++)
			add_event(c, c->x->talks, by[j], parties[k], a, b, mod, tr->id, "mediation");
}

/* The object of a relative clause that opens with it ("Ukraine, which
 * Russia invaded", "Ledezma, whom the government accuses of plotting"): the
 * antecedent of the pronoun before the clause's subject, the list
 * left[0..n); else -1. */
static int relative_object(const struct ctx *c, const int *left, size_t n)
{
	size_t i = c->m[left[0]].first;

	for (size_t k = 0; k < n; k++) {
		if (c->m[left[k]].form == FORM_PRONOUN)
			return -1;	/* "Kadyrov, whom she accused": she is too often misread */
		if (c->m[left[k]].first < i)
			i = c->m[left[k]].first;
	}
	if (i > c->S->first && is(c, i - 1, W_DET))
		i--;
	if (i < c->S->first + 2 || c->at[i - 1] >= 0 ||
	    (strcmp(word(c, i - 1), "which") != 0 && strcmp(word(c, i - 1), "whom") != 0))
		return -1;
	return relative_antecedent(c, i - 1);
}

/* Is there a modal verb shortly before the "and" at token k, in its clause
 * (from cl) and past no comma, which the verb after "and" shares ("could
 * have invaded Ukraine and attacked Poland")? */
static bool modal_before(const struct ctx *c, size_t cl, size_t k)
{
	static const char *const modals[] = {
		"would", "could", "might", "may", "should", "will", "shall", "can", "must", "'ll", "'d", NULL
	};

	for (size_t i = k; i > cl && k - i < MODAL_WINDOW && strcmp(word(c, i - 1), ",") != 0; i--)
		if (c->at[i - 1] < 0 && word_in(word(c, i - 1), modals))	/* not "Theresa May" */
			return true;
	return false;
}

/* Does the verb trigger tr, ending at token b, relate its subjects to one
 * another: "with" ("Russia and China cooperate with"), or no object after it
 * ("the Big Four met", "met on Friday"), not "have supported it"? */
static bool reciprocal(const struct ctx *c, const struct trigger *tr, size_t b, size_t cr)
{
	const char *last = strrchr(tr->key, ' ') ? strrchr(tr->key, ' ') + 1 : tr->key;

	return strcmp(last, "with") == 0 || b >= cr || strcmp(word(c, b), ",") == 0 ||
	       strcmp(word(c, b), "and") == 0 || is(c, b, W_PREP | W_CLAUSE | W_TIME) || adverb(c, b);
}

/* Is there a cue in tokens [i, ow), before a label's object word ("said
 * Venezuela could not be a threat")? A threat's future is none: what it
 * says will come, if need be, is the threat ("said Russia would face
 * consequences"). */
static bool cue_before_label(const struct ctx *c, size_t i, size_t ow, bool threat)
{
	for (; i < ow; i++)
		if (cue_at(c, i, ow) && !(threat && word_in(word(c, i), wills)))
			return true;
	return false;
}

static void relate(struct ctx *c, int t, size_t a, size_t b, size_t qstart, size_t prev)
{
	static const char *const prefixes[] = {"post", "pre", "anti", "inter", "non", NULL};
	const struct trigger *tr = c->tr = &c->x->s->triggers[t];
	bool directed = c->x->s->rels[tr->rel].directed, noun = tr->form == TRIG_NOUN;
	size_t cl = clause_start(c, a), cr = clause_end(c, b), nl = 0, nr = 0, by_at, v;
	/* a finite verb after "and" has a mood of its own: "Moscow denied the
	 * report and (has) blamed Kyiv" (but "will meet Xi and sign a deal" and
	 * "could have invaded X and attacked Y" share theirs) */
	size_t group = verb_group(c, a, cl);
	bool own_mood = !noun && tr->inflected && !ends(word(c, a), "ing") && group > cl &&
			strcmp(word(c, group - 1), "and") == 0 && (group < a || !modal_before(c, cl, group - 1));
	enum modality mod = modality(c, a, own_mood ? a : cl, qstart, prev);
	size_t ow = tr->nobjects ? object_word(c, tr, b, cr) : 0;
	int left[MAX_LIST], right[MAX_LIST], x, y, mi, obj;
	const char *pattern;

	/* "the post-war world", "anti-war protests": no war, a word about one */
	if (noun && a >= c->S->first + 2 && strcmp(word(c, a - 1), "-") == 0 && word_in(word(c, a - 2), prefixes))
		return;

	/* "potentially escalating the war": a definite noun's thing exists; only a
	 * cue inside its phrase counts ("the planned summit") */
	if (noun && mod == MOD_HYPOTHETICAL && (x = definite(c, a)) >= 0 && !c->S->question) {
		mod = MOD_ASSERTED;
		for (size_t i = (size_t)x; i < a && mod == MOD_ASSERTED; i++)
			if (cue_at(c, i, a))
				mod = MOD_HYPOTHETICAL;
	}
	if (noun && wished(c, a, cl) != (size_t)-1)
		mod = MOD_HYPOTHETICAL;	/* "called for the expulsion of" */
	/* "said that Venezuela could not be a threat": a cue before the object word */
	if (cue_before_label(c, b, ow, tr->rel == c->x->threat))
		mod = MOD_HYPOTHETICAL;

	/* talks a journey is made for are as sure as the journey ("will visit
	 * Washington for a summit with Biden") */
	if (noun && tr->rel == c->x->talks && mod == MOD_ASSERTED && (v = journey_of(c, a, cl)) != (size_t)-1)
		mod = modality(c, v, cl, qstart, c->S->first);
	if (noun)
		mediation(c, tr, a, b, cr, mod);
	if (between(c, b, cr, &x, &y)) {
		if (!noun && (mi = subject(c, a, cl, false)) >= 0) {
			/* "Egypt and Qatar mediated between Israel and Hamas": each
			 * mediator with each side */
			nl = coordinate(c, mi, -1, left, MAX_LIST);
			for (size_t i = 0; i < nl; i++) {
				add_event(c, tr->rel, left[i], x, a, b, mod, tr->id, "subject-between");
				add_event(c, tr->rel, left[i], y, a, b, mod, tr->id, "subject-between");
			}
			return;
		}
		add_both(c, tr->rel, x, y, directed, a, b, mod, tr->id, "between");	/* "the war between A and B" */
		return;
	}
	if (noun && !directed && (nl = signatories(c, b, cr, left)) >= 2) {
		for (size_t i = 0; i < nl; i++)
			for (size_t j = i + 1; j < nl; j++)
				add_event(c, tr->rel, left[i], left[j], a, b, mod, tr->id, "signed-by");
		return;
	}
	by_at = noun ? (size_t)-1 : passive_by(c, a, b, cr);
	if (!noun && passive(c, a) && by_at == (size_t)-1) {
		/* "Kenyan troops are stationed in Somalia": the owner of the object
		 * word before it, to the place after it; else by whom is not said
		 * ("Trump has been criticized in the US") */
		if ((x = passive_owner(c, tr, a, cl)) >= 0)
			for (size_t i = b; i < cr && i < b + OBJECT_WINDOW; i++)
				if ((mi = mention_at(c, i)) >= 0 && governor(c, mi)) {
					add_event(c, tr->rel, x, mi, a, b, mod, tr->id, "passive-owner");
					break;
				}
		return;
	}
	obj = object(c, b, cr, tr);
	/* "sent drones at Kyiv": what is sent at or against an actor is no gift */
	if (tr->nobjects && obj >= 0 && c->x->s->rels[tr->rel].sign > 0 && governor(c, obj) &&
	    (strcmp(governor(c, obj), "at") == 0 || strcmp(governor(c, obj), "against") == 0))
		return;
	if (noun && obj < 0 && tr->rel == c->x->talks)
		obj = journey_end(c, a, cl);	/* "arrived in Moscow for a visit" */
	if (noun && !tr->reverse && obj >= 0) {
		nr = coordinate(c, obj, +1, right, MAX_LIST);
		if ((mi = noun_agent(c, right, nr, cr)) >= 0) {
			nl = coordinate(c, mi, +1, left, MAX_LIST);
			for (size_t i = 0; i < nl; i++)
				for (size_t j = 0; j < nr; j++)
					add_event(c, tr->rel, left[i], right[j], a, b, mod, tr->id, "agent-object");
			return;
		}
		nr = 0;
	}
	if (noun && tr->reverse && strcmp(word(c, b - 1), "from") == 0 && (mi = obj) >= 0 &&
	    (x = first_subject(c, a)) >= 0) {
		/* "X fired a missile, drawing condemnation from Y": the reaction is to
		 * the sentence's first subject (and its list) */
		nr = coordinate(c, mi, +1, right, MAX_LIST);
		nl = coordinate(c, x, +1, left, MAX_LIST);
		for (size_t i = 0; i < nl; i++)
			for (size_t j = 0; j < nr; j++)
				add_event(c, tr->rel, right[j], left[i], a, b, mod, tr->id, "reaction");
		return;
	}
	if (noun && !directed && joined_in(c, a, cl, tr, mod))
		return;
	if (noun && (mi = possessor(c, a, cl)) >= 0) {
		nl = coordinate(c, mi, -1, left, MAX_LIST);
		pattern = "possessor";
	} else if (noun && (mi = modifier(c, a)) >= 0) {
		int pair[2], subj;
		size_t f = c->m[mi].first;

		/* "the United States and its (our) NATO allies": the one before "and"
		 * with the body whose members its allies are */
		if (!directed && obj < 0 && is(c, b - 1, W_PARTNER) && is_body(c, mi) && f >= c->S->first + 3 &&
		    possessive(c, f - 1) && strcmp(word(c, f - 2), "and") == 0 &&
		    (subj = mention_ending(c, f - 2)) >= 0 && !is_body(c, subj)) {
			add_event(c, tr->rel, subj, mi, a, b, mod, tr->id, "owner-modifier");
			return;
		}

		if ((!directed || tr->mutual) && coordinate(c, mi, -1, pair, 2) == 2 &&
		    strcmp(word(c, c->m[mi].first - 1), "-") == 0) {	/* "the Russia-Ukraine war" */
			add_both(c, tr->rel, pair[1], pair[0], directed, a, b, mod, tr->id, "compound");
			return;
		}
		/* "Kim has a Russian partner", "Turkey is a NATO member": the subject
		 * and the modifier of a predicate noun; "Germany is Ukraine's biggest
		 * supplier of weapons": the subject provides to the modifier */
		if ((!directed || (!tr->mutual && !tr->reverse && provider(c, a, b))) && obj < 0 &&
		    coordinate(c, mi, -1, pair, 2) == 1 &&
		    (subj = predicated(c, c->m[mi].first, cl)) >= 0 &&
		    !same_side(c, actor_of(c, subj), actor_of(c, mi))) {
			add_event(c, tr->rel, subj, mi, a, b, mod, tr->id, "subject-modifier");
			return;
		}
		/* "Putin has brushed aside U.S. warnings": the modifier's act, its
		 * target the subject of the verb it is the object of */
		if (directed && !tr->mutual && obj < 0 &&
		    (subj = recipient(c, mi, cl)) >= 0 &&
		    !same_side(c, actor_of(c, subj), actor_of(c, mi))) {
			nl = coordinate(c, mi, -1, left, MAX_LIST);
			for (size_t k = 0; k < nl; k++)
				add_event(c, tr->rel, left[k], subj, a, b, mod, tr->id, "modifier-recipient");
			return;
		}
		nl = coordinate(c, mi, -1, left, MAX_LIST);
		pattern = "modifier";
	} else if (noun && (mi = apposed_to(c, a, cl)) >= 0) {
		/* "from Iran, historic backers of Hamas": the actor the noun is put beside */
		nl = 1;
		left[0] = mi;
		pattern = "apposition";
	} else if (noun && (mi = fronted_subject(c, a)) >= 0) {
		/* "A close ally of Russia, Belarus hosted the drills" */
		nl = 1;
		left[0] = mi;
		pattern = "fronted";
	} else if (!noun && (mi = participle_agent(c, a)) >= 0) {
		/* "the US-led coalition attacking IS": the agent the participle follows */
		nl = coordinate(c, mi, -1, left, MAX_LIST);
		pattern = "subject";
	} else if (!noun && (mi = opening_subject(c, a)) >= 0) {
		/* "After meeting Xi, Biden said": the subject after the comma */
		nl = coordinate(c, mi, +1, left, MAX_LIST);
		pattern = "subject";
	} else if (!noun && free_adjunct(c, a) && (mi = first_subject(c, a)) >= 0) {
		/* "The US urged Turkey to drop it, warning Ankara": the sentence's subject */
		nl = coordinate(c, mi, +1, left, MAX_LIST);
		pattern = "subject";
	} else if (!noun && second_verb(c, a, cl) && (mi = first_subject(c, a)) >= 0 && c->m[mi].first >= cl) {
		/* "Zelensky thanked Britain and called on the US": the first verb's subject */
		nl = coordinate(c, mi, +1, left, MAX_LIST);
		pattern = "subject";
	} else if ((mi = subject(c, a, cl, noun)) >= 0) {
		nl = coordinate(c, mi, -1, left, MAX_LIST);
		pattern = "subject";
	} else {
		pattern = "object";
	}
	if (!noun && obj < 0 && nl > 0 && strcmp(pattern, "subject") == 0)
		obj = relative_object(c, left, nl);
	/* passive: "condemned by North Korea" */
	if (by_at != (size_t)-1 && by_at + 1 < cr) {
		int agent = agent_at(c, by_at + 1, cr), by[MAX_LIST];
		size_t nby;

		if (agent < 0 ? modifier_word(c, by_at + 1) || is(c, by_at + 1, W_DET) : modifies_a_thing(c, agent, cr))
			return;	/* an agent that is no actor: "backed by pro-Turkey Syrian rebels" */
		if (agent >= 0) {	/* "mediated by Qatar and Turkiye" */
			if (!nl && obj >= 0 && c->m[obj].end <= by_at)	/* "Sanctions were imposed on */
				nl = coordinate(c, obj, +1, left, MAX_LIST);	/* North Korea by the UN" */
			nby = coordinate(c, agent, +1, by, MAX_LIST);
			for (size_t j = 0; j < nby; j++)
				for (size_t k = 0; k < nl; k++)
					add_event(c, tr->rel, by[j], left[k], a, b, mod, tr->id, "passive");
			return;
		}
	}
	if ((mi = obj) >= 0 && !noun && tr->reverse && owns_object(c, tr, mi)) {
		/* "Japan hosts American troops": the owner of the troops is the source */
		for (size_t k = 0; k < nl; k++)
			add_event(c, tr->rel, mi, left[k], a, b, mod, tr->id, "owner-subject");
		return;
	}
	if (mi >= 0 && !noun && !tr->reverse && owns_object(c, tr, mi)) {
		/* "garrisoning U.S. troops in Y": the owner of the troops is the source */
		int place = -1;

		for (size_t i = c->m[mi].end + 1; i < cr && i < c->m[mi].end + OBJECT_WINDOW && place < 0; i++)
			if (c->at[i] >= 0 && governor(c, c->at[i]))
				place = c->at[i];
			else if (strcmp(word(c, i), "there") == 0)
				place = state_there(c, a, mi);	/* "garrisoning 28,500 U.S. troops there" */
		if (place >= 0) {
			add_event(c, tr->rel, mi, place, a, b, mod, tr->id, "owner-object");
			return;
		}
		/* no place: the owner is the object ("summoned the Iranian ambassador") */
	}
	if (mi >= 0)
		nr = coordinate(c, mi, +1, right, MAX_LIST);
	/* "Russia and North Korea signed a pact"; "India and Pakistan exchanged
	 * fire" and "accused each other" both ways; "U.S. and Iranian negotiators
	 * held talks in Oman": with each other as well as with their host */
	if ((!nr || (!directed && hosted(c, right[0]))) && (!directed || tr->mutual || each_other(c, b, cr)) &&
	    nl > 1 && (strcmp(pattern, "modifier") != 0 || tr->mutual) && tr->person_rel < 0 &&
	    !(strcmp(pattern, "possessor") == 0 && is(c, b - 1, W_PARTNER)) &&
	    (noun || tr->mutual || tr->nobjects || each_other(c, b, cr) || reciprocal(c, tr, b, cr))) {
		/* but "Russian and Iranian backers" back someone else,
		 * "Britain and Denmark are members" of something else, "their
		 * friends" are others (not a modifier, nor a possessor of a partner),
		 * and "the US and Canada support this deployment" support a thing */
		for (size_t i = 0; i < nl; i++)
			for (size_t j = i + 1; j < nl; j++)
				if (!same_side(c, actor_of(c, left[i]), actor_of(c, left[j])))
					add_both(c, tr->rel, left[i], left[j], directed, a, b, mod, tr->id,
						 "coordination");
		if (!nr)
			return;
	}
	for (size_t i = 0; i < nl; i++)
		for (size_t j = 0; j < nr; j++) {
			char p[48];

			snprintf(p, sizeof p, "%s-object%s", pattern, tr->reverse ? "-reverse" : "");
			if (tr->reverse)
				add_event(c, tr->rel, right[j], left[i], a, b, mod, tr->id, p);
			else	/* "Georgia fought a war with Russia": both fought (but "a resolution
				 * for fighting IS" says who fights no more than who is fought) */
				add_both(c, tr->rel, left[i], right[j],
					 directed && tr->mutual && !noun && !ends(word(c, a), "ing"), a, b, mod,
					 tr->id, p);
		}
}

/* A trigger occurrence: tokens [a, b), chain of triggers with that key. */
struct hit {
	size_t a, b;
	int first;
};

/* A phrase with words inside that no trigger spells, at token i: an adverb
 * after a verb ("complained bitterly that", "spoke directly to"), a rate
 * after a noun ("levies of 125% on", "tariffs of 25 percent on"). Returns
 * its chain of triggers and its length with the words inside in *len, or
 * -1. */
static long phrase_past_insert(const struct ctx *c, size_t i, size_t *len)
{
	int ids[MAX_PHRASE];
	struct trie_hit th[MAX_PHRASE];
	enum trig_form form = TRIG_NOUN;
	size_t rest, n, nh;

	if (i + 2 >= c->S->end)
		return -1;
	if (adverb(c, i + 1) && ends(word(c, i + 1), "ly") && !(c->d->tok[i + 1].flags & TOK_UPPER)) {
		rest = i + 2;
		form = TRIG_VERB;
	} else if ((rest = past_rate(c, i + 1, c->S->end)) == i + 1 || rest >= c->S->end)
		return -1;
	n = c->S->end - rest + 1 < MAX_PHRASE ? c->S->end - rest + 1 : MAX_PHRASE;
	ids[0] = c->wid[i];
	memcpy(ids + 1, c->wid + rest, (n - 1) * sizeof *ids);
	nh = trie_match(c->x->triggers, ids, n, th, MAX_PHRASE);
	if (nh == 0 || th[nh - 1].len < 2 || c->x->s->triggers[th[nh - 1].value].form != form)
		return -1;
	*len = th[nh - 1].len + rest - i - 1;
	return th[nh - 1].value;
}

/* The longest trigger at each place, left to right, never inside a name. */
static size_t find_triggers(const struct ctx *c, struct hit **out)
{
	struct hit *hits = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = c->S->first; i < c->S->end; i++) {
		struct trie_hit th[MAX_PHRASE + 1];
		size_t nh = c->at[i] >= 0 ? 0 : trie_match(c->x->triggers, c->wid + i, c->S->end - i, th, MAX_PHRASE);
		long v;

		if (c->at[i] < 0 && (nh == 0 || th[nh - 1].len == 1) &&
		    (v = phrase_past_insert(c, i, &th[nh].len)) >= 0)
			th[nh++].value = v;	/* the longest, so tried first */
		while (nh > 0) {
			size_t len = th[--nh].len;
			bool clear = true;

			for (size_t k = i; k < i + len; k++)
				clear = clear && c->at[k] < 0;
			if (!clear)
				continue;
			xgrow(&hits, &cap, n + 1, sizeof *hits);
			hits[n++] = (struct hit){i, i + len, (int)th[nh].value};
			i += len - 1;
			break;
		}
	}
	*out = hits;
	return n;
}

/* Does a quotation that the sentence before leaves open go on in this one?
 * (Its last quotation mark opens.) */
static bool quote_goes_on(const struct ctx *c)
{
	const struct sentence *prev;

	if (c->si == 0 || (prev = c->S - 1)->end != c->S->first)
		return false;
	for (size_t i = prev->end; i-- > prev->first;)
		if (strcmp(word(c, i), "\"") == 0)
			return (c->d->tok[i].flags & TOK_OPEN) != 0;
	return false;
}

/* The chain of triggers of the hit among [0, nh) at token i, or -1. */
static int chain_at(const struct hit *hits, size_t nh, size_t i)
{
	for (size_t h = 0; h < nh && hits[h].a <= i; h++)	/* in text order */
		if (hits[h].a == i)
			return hits[h].first;
	return -1;
}

/* The warning verb among the hits [0, nh) at token i ("they warned"): a
 * trigger of threat that names no objects; or NULL. */
static const struct trigger *warning_at(const struct ctx *c, const struct hit *hits, size_t nh, size_t i)
{
	for (int t = chain_at(hits, nh, i); t >= 0; t = c->x->next[t])
		if (c->x->s->triggers[t].form == TRIG_VERB && !c->x->s->triggers[t].nobjects &&
		    c->x->s->triggers[t].rel == c->x->threat)
			return &c->x->s->triggers[t];
	return NULL;
}

/* Does token i report words: "said", or a warning (hits [0, nh))? */
static bool reporting(const struct ctx *c, const struct hit *hits, size_t nh, size_t i)
{
	return is(c, i, W_SPEECH) || warning_at(c, hits, nh, i);
}

/* The speaker of reported words that end at token 'after' ("said Eliot
 * Engel", "Iran's supreme leader said", "they warned"): its mention, the
 * verb at *v; or -1. */
static int speaker_after(const struct ctx *c, const struct hit *hits, size_t nh, size_t after, size_t *v)
{
	if (after + 1 < c->S->end && reporting(c, hits, nh, after)) {
		*v = after;
		return mention_at(c, after + 1);
	}
	for (*v = after + 1; *v < c->S->end && *v < after + 8; ++*v)
		if (reporting(c, hits, nh, *v))	/* the name before the verb, past its title */
			return mention_ending(c, *v) >= 0 ? mention_ending(c, *v) : mention_at(c, after);
	return -1;
}

/* The one actor named in tokens [i, end) that is not on the side of
 * 'speaker', or -1 when there is none or more than one. */
static int one_other(const struct ctx *c, size_t i, size_t end, int speaker)
{
	int found = -1;

	for (; i < end; i++)
		if (c->at[i] >= 0 && c->m[c->at[i]].first == i && !same_side(c, actor_of(c, speaker), actor_of(c, c->at[i]))) {
			if (found >= 0 && actor_of(c, found) != actor_of(c, c->at[i]))
				return -1;
			found = c->at[i];
		}
	return found;
}

/* Is mention 'target', or the thing it owns, the subject of a copula
 * before the label at token ow ("the US is a threat", "their calculus is
 * wrong"), or, for a threat, of what will come to it ("Israel will face
 * retaliation")? */
static bool labelled(const struct ctx *c, int target, size_t ow, bool threat)
{
	size_t k = c->m[target].end;

	if (strcmp(word(c, k), "'s") == 0 || possessive(c, c->m[target].first))	/* its thing's */
		for (k += strcmp(word(c, k), "'s") == 0;
		     k < ow && k < c->m[target].end + 3 && modifier_word(c, k) && !is(c, k, W_COPULA | W_BE);)
			k++;
	while (k < ow && adverb(c, k))
		k++;
	return is(c, k, W_COPULA | W_BE) || (threat && word_in(word(c, k), wills));
}

/* '"The US is a threat to peace," Iran's leader said', '"... he has made the
 * wrong choice," said Eliot Engel', 'China is a threat, Russia said':
 * reported words before their speaker that give an actor a label are the
 * speaker's criticism, as "said the US is a threat" is. The label is an
 * object word of the speech verb's trigger (hits[0..nh) are the
 * sentence's); a quotation opens the sentence, or goes on from the one
 * before, or there is none and a comma ends the words. Consequences so
 * said to come are a threat ('"Israel will face retaliation," Iran said'),
 * and a warning so reported threatens the one other actor it names
 * ('"Annexation would have consequences for our relationship with Israel,"
 * they warned'). */
static void quoted_label(struct ctx *c, const struct hit *hits, size_t nh)
{
	size_t first = c->S->first, q = first + 1, v = 0, qs = first, ends_at;
	int speaker = -1, target = -1, who[MAX_LIST];
	const struct trigger *tr = NULL;
	size_t ow = 0, n;
	enum modality mod;

	if (c->S->end < first + 4)	/* words, a comma, a speaker and a verb */
		return;
	while (q < c->S->end && strcmp(word(c, q), "\"") != 0)
		q++;	/* the quotation's end, after a comma */
	if (q < c->S->end) {
		if (q + 2 >= c->S->end || (c->d->tok[q].flags & TOK_OPEN) || strcmp(word(c, q - 1), ",") != 0)
			return;
		if (strcmp(word(c, first), "\"") == 0 && (c->d->tok[first].flags & TOK_OPEN))
			qs = first + 1;
		else if (!quote_goes_on(c))
			return;
		ends_at = q - 1;
		speaker = speaker_after(c, hits, nh, q + 1, &v);
	} else {	/* no quotation: the last comma before a speaker, near the end */
		for (ends_at = c->S->end - 2; ends_at > first && c->S->end - ends_at < CLAUSE_REACH; ends_at--)
			if (strcmp(word(c, ends_at), ",") == 0 &&
			    (speaker = speaker_after(c, hits, nh, ends_at + 1, &v)) >= 0)
				break;
	}
	if (speaker < 0)
		return;
	n = coordinate(c, speaker, +1, who, MAX_LIST);
	if ((tr = warning_at(c, hits, nh, v))) {
		if ((target = one_other(c, qs, ends_at, speaker)) < 0)
			return;
		c->tr = tr;
		for (size_t k = 0; k < n; k++)
			add_event(c, tr->rel, who[k], target, v, v + 1, modality(c, v, v, c->S->end, c->S->first),
				  tr->id, "quote");
		c->tr = NULL;
		return;
	}
	/* the label: an object word of the verb's first trigger that has one in the words */
	for (int t = chain_at(hits, nh, v); t >= 0 && !ow; t = c->x->next[t])
		for (size_t i = qs; c->x->s->triggers[t].form == TRIG_VERB && i < ends_at && !ow; i++)
			if (is_object(c, &c->x->s->triggers[t], i)) {
				tr = &c->x->s->triggers[t];
				ow = i;
			}
	if (!tr)
		return;
	/* the one labelled: the last actor before the label that no preposition
	 * governs, the subject of a copula ("the US is a threat", "he has made
	 * the wrong one", "their calculus is wrong"; not "press Pakistan to target
	 * terrorist groups") */
	for (size_t i = ow; i > qs && target < 0; i--)
		if ((target = mention_ending(c, i)) >= 0 && governor(c, target))
			target = -1;
	if (target < 0 || !labelled(c, target, ow, tr->rel == c->x->threat))
		return;
	mod = tr->rel != c->x->threat ? modality(c, ow, c->m[target].end, c->S->end, c->S->first)
				       : cue_before_label(c, c->m[target].end, ow, true) ? MOD_HYPOTHETICAL
											  : MOD_ASSERTED;
	c->tr = tr;
	for (size_t k = 0; k < n; k++)
		add_event(c, tr->rel, who[k], target, v, v + 1, mod, tr->id, "quote");
	c->tr = NULL;
}

/* The state or body of person a's post on the document's date, or -1; an
 * undated text takes the latest post, as title_before takes titles. */
static int post_of(const struct ctx *c, int a)
{
	const struct actor *act = &c->x->s->actors[a];

	for (size_t r = act->nroles; r-- > 0;)
		if (!c->d->date || schema_role_holds(&act->roles[r], c->d->date))
			return act->roles[r].of;
	return -1;
}

/* The post of each person the schema knows to hold one, where no sentence
 * named it ("Barack Obama said", "Bashar al-Assad's forces"): as a reader
 * knows it (the guide's implicit affiliation), shown by the first mention
 * by full name. A post held no more is none: a former official speaks for
 * himself. */
static void known_posts(struct ctx *c)
{
	const struct schema *s = c->x->s;
	size_t k = 0, found = c->n;
	bool *posted;		/* per actor: a person with a post already */
	struct event *merged;

	if (c->x->affiliation < 0)
		return;
	posted = xcalloc(s->nactors, sizeof *posted);
	for (size_t e = 0; e < c->n; e++)
		if (c->ev[e].rel == c->x->affiliation)
			posted[c->ev[e].source] = true;
	for (size_t si = 0; si < c->d->nsent; si++) {
		c->S = &c->d->sent[si];
		c->si = si;
		c->sent_first = c->n;
		for (; k < c->nm && c->m[k].first < c->S->end; k++) {
			int a = c->m[k].actor, post;

			if (posted[a] || s->actors[a].kind != KIND_PERSON || c->m[k].form != FORM_NAME ||
			    (post = post_of(c, a)) < 0)
				continue;	/* a surname alone may be another's: "Ed Harris", "the Vance plan" */
			posted[a] = true;
			emit(c, c->x->affiliation, a, post, c->m[k].first, c->m[k].end, MOD_ASSERTED, "affiliation.known",
			     "role");
		}
	}
	free(posted);
	if (c->n == found)
		return;
	/* into text order among the others, as events are given */
	merged = xmalloc(c->n * sizeof *merged);
	for (size_t i = 0, j = found, o = 0; o < c->n; o++)
		merged[o] = j == c->n || (i < found && (c->ev[i].sentence < c->ev[j].sentence ||
							(c->ev[i].sentence == c->ev[j].sentence &&
							 c->ev[i].start <= c->ev[j].start)))
				    ? c->ev[i++] : c->ev[j++];
	memcpy(c->ev, merged, c->n * sizeof *merged);
	free(merged);
}

size_t relations_find(const struct extractor *x, const struct doc *d, const int *words, const struct mention *m,
		      size_t nm, struct event **out)
{
	struct ctx c = {.x = x, .d = d, .m = m, .nm = nm, .wid = words};
	int *at = xmalloc((d->ntok + 1) * sizeof *at);
	unsigned *cls = xmalloc((d->ntok + 1) * sizeof *cls);

	for (size_t i = 0; i < d->ntok; i++) {	/* words the texts added since have no class */
		at[i] = -1;
		cls[i] = words[i] >= 0 && words[i] < x->nwords ? x->classes[words[i]] : 0;
	}
	c.cls = cls;
	for (size_t i = 0; i < nm; i++)
		for (size_t k = m[i].first; k < m[i].end; k++)
			at[k] = (int)i;
	c.at = at;
	c.head = xmalloc((nm + 1) * sizeof *c.head);
	for (size_t i = 0; i < nm; i++)
		c.head[i] = -1;
	for (size_t si = 0; si < d->nsent; si++) {
		struct hit *hits;
		size_t nh, qstart, k = d->sent[si].first;

		/* every pattern relates mentions of the sentence: most sentences
		 * of most texts have none, and cost only this test */
		while (k < d->sent[si].end && at[k] < 0)
			k++;
		if (k == d->sent[si].end)
			continue;
		c.S = &d->sent[si];
		c.si = si;
		c.sent_first = c.n;
		c.tr = NULL;	/* the title pass reads none: not the last sentence's */
		c.lead_comma = lead_comma(&c);
		nh = find_triggers(&c, &hits);
		qstart = question_start(&c);
		/* titles first: they decide which mentions stand for a person */
		for (size_t h = 0; h < nh; h++) {
			size_t cr = clause_end(&c, hits[h].b);
			int t = pick_trigger(&c, hits[h].first, hits[h].a, hits[h].b, cr);

			if (t >= 0 && x->s->triggers[t].form == TRIG_TITLE) {
				title_before(&c, &x->s->triggers[t], hits[h].a, hits[h].b);
				title_apposition(&c, &x->s->triggers[t], hits[h].a, hits[h].b);
			} else if (t >= 0 && x->s->triggers[t].form == TRIG_LED) {
				led_by(&c, &x->s->triggers[t], hits[h].a, hits[h].b);
			} else if (t >= 0 && x->s->triggers[t].form == TRIG_MEMBER) {
				member_of(&c, &x->s->triggers[t], hits[h].a, hits[h].b);
			}
		}
		if (x->title >= 0) {
			possessed_persons(&c, &x->s->triggers[x->title]);
			apposed_bodies(&c, &x->s->triggers[x->title]);
		}
		if (x->membership >= 0)
			enumerated_members(&c, &x->s->triggers[x->membership]);
		for (size_t h = 0, prev = c.S->first; h < nh; h++) {
			size_t cr = clause_end(&c, hits[h].b);
			int t = pick_trigger(&c, hits[h].first, hits[h].a, hits[h].b, cr);

			if (t >= 0 && (x->s->triggers[t].form == TRIG_VERB || x->s->triggers[t].form == TRIG_NOUN)) {
				relate(&c, t, hits[h].a, hits[h].b, qstart, prev);
				c.tr = NULL;
				prev = hits[h].b;
			}
		}
		quoted_label(&c, hits, nh);
		free(hits);
	}
	known_posts(&c);
	free(at);
	free(cls);
	free(c.head);
	*out = c.ev;
	return c.n;
}
