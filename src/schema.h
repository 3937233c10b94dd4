/* schema.h - the extraction schema (actors, relation types, triggers) loaded from YAML. */
#ifndef SCHEMA_H
#define SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* A place is no actor: its names are matched so that they hide shorter
 * names inside them ("the West Bank" is not "the West"), then dropped. */
enum actor_kind { KIND_STATE, KIND_PERSON, KIND_ORGANIZATION, KIND_GROUP, KIND_PLACE };

/* A dated role: a person leads or serves 'of' from 'from' to 'to' (ISO
 * dates, NULL when open). */
struct role {
	int of;			/* actor index */
	char *title, *from, *to;
};

/* How a name refers to its actor; the matcher treats the forms alike except
 * that a surname only counts once the full name has been seen. A pronoun
 * ("he", "the president", "the country") is no name in the schema: actors.c
 * resolves it in the text; "the two countries" or "they" of a list gives a
 * mention of each actor it stands for, FORM_GROUP, all of the same tokens and
 * next to one another in a document's mentions, read like a list. */
enum name_form { FORM_NAME, FORM_ADJECTIVE, FORM_SEAT, FORM_SURNAME, FORM_PRONOUN, FORM_GROUP };

struct name {
	char *text;		/* as written in the schema, case kept for checks */
	char *key;		/* text_key() of text */
	int actor;
	enum name_form form;
};

struct actor {
	char *id, *label;
	enum actor_kind kind;
	int part_of;		/* actor index or -1 */
	bool surname_alone;	/* the surname names the person even before the full name */
	struct role *roles;
	size_t nroles;
	struct role *members;	/* of an organization: 'of' is the member, no title */
	size_t nmembers;
};

enum sign { SIGN_NEGATIVE = -1, SIGN_NEUTRAL = 0, SIGN_POSITIVE = 1 };

struct reltype {
	char *id;
	bool directed;
	enum sign sign;
	char *cameo, *color;
};

/* How a trigger takes its arguments (relations.c applies them):
 * verb:  subject before, object after ("North Korea provided Russia");
 * noun:  a possessor or modifier before, an object after its preposition
 *        ("Russia's war in Ukraine", "UN sanctions on Pyongyang");
 * title: names a role ("President", "director"): affiliation patterns;
 * led:   a body, then its leader ("the RSF led by Hemedti");
 * member: a person, then their body ("Milan Radoicic of the Serbian List");
 * none:  a phrase that codes no relation but hides the triggers inside it
 *        ("trade war", "Cold War"): relations.yaml's 'not_relations'. */
enum trig_form { TRIG_VERB, TRIG_NOUN, TRIG_TITLE, TRIG_LED, TRIG_MEMBER, TRIG_NONE };

struct trigger {
	char *id;		/* rule id shown in evidence */
	int rel;		/* reltype index (unused by TRIG_NONE) */
	enum trig_form form;
	char *text, *key;
	bool inflected;		/* a form of the written lemma, not the lemma itself */
	char **objects;		/* keys of words one of which must follow ("munitions") */
	size_t nobjects;
	int person_rel;		/* reltype a person has through it ("a member of"), or -1 */
	bool reverse;		/* the object side is the source ("dependence on X's arms") */
	bool mutual;		/* a list or compound acts both ways ("A and B exchanged fire", "the A-B war") */
};

struct strmap;

/* A loaded schema: read-only data for the later stages, owned by the schema. */
struct schema {
	char *dir;
	struct strmap *actor_ids, *name_keys;	/* id -> actor, key -> first name */
	struct actor *actors;
	size_t nactors, actors_cap;
	size_t nloaded;		/* actors [0, nloaded) are the files'; texts introduced the rest */
	struct name *names;
	size_t nnames, names_cap;
	struct reltype *rels;
	size_t nrels;
	struct trigger *triggers;
	size_t ntriggers;
	char **hypothetical;	/* keys of words that make a relation hypothetical */
	size_t nhypothetical;
};

/* Load the schema in directory 'dir': relations.yaml, the trigger files
 * relations-*.yaml, and every other *.yaml file there as actor files, in name
 * order. Returns a schema the caller frees
 * with schema_free(), or NULL with err set to "file:line:col: message". */
struct schema *schema_load(const char *dir, struct diag *err);
void schema_free(struct schema *s);	/* s may be NULL */

/* Add an actor that a text introduces (see actors.c), or return the index
 * of the actor that already has this id; such an actor keeps the least of
 * the labels it was given (strcmp), so that its label does not depend on the
 * order texts come in. The schema keeps copies. */
int schema_add_actor(struct schema *s, const char *id, const char *label, enum actor_kind kind);

/* Add name 'text' of 'form' to actor a. Returns the name's index, or -1 when
 * the name is empty or already names another actor (surnames may be shared). */
long schema_add_name(struct schema *s, int a, const char *text, enum name_form form);

/* Drop names [n, nnames), which a text added. */
void schema_forget_names(struct schema *s, size_t n);

/* Index of the actor or relation type with this id, or -1. */
int schema_actor(const struct schema *s, const char *id);
int schema_reltype(const struct schema *s, const char *id);

const char *schema_kind_name(enum actor_kind k);

/* Does role r hold on 'date' (YYYY[-MM[-DD]]; NULL means today, when a role
 * holds that has no end)? */
bool schema_role_holds(const struct role *r, const char *date);

/* The state or body actor a serves on 'date' (see schema_role_holds): the
 * one of its role that holds then, else of its latest role; else what it is
 * part of; else a itself. */
int schema_side(const struct schema *s, int a, const char *date);

/* Does role title 'title' ("Prime Minister of Japan") hold the words of
 * 'phrase' ("prime minister"), case-insensitively and as whole words? */
bool schema_title_has(const char *title, const char *phrase);

#endif
