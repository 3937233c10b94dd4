/* inflect.h - the inflected forms of an English lemma, so that a trigger
 * written once ("sanction") matches every form in a text ("sanctioned"). */
#ifndef INFLECT_H
#define INFLECT_H

#include <stddef.h>

enum { INFLECT_MAX = 8, INFLECT_LEN = 64 };

enum word_class { INFLECT_VERB, INFLECT_NOUN };

/* The forms of one word 'lemma' (lower case): the lemma first, then for a
 * verb its -s, -ed and -ing forms, for a noun its plural. Spelling rules
 * cover -es, -ies, a dropped e and a doubled final consonant; where a rule
 * cannot tell ("visited" or "visitted"), both are given, since a form no
 * text uses costs nothing. Irregular forms ("met") come from the schema's
 * list, not from here. Writes up to INFLECT_MAX forms to out and returns the
 * count. A lemma too long for INFLECT_LEN gives no other form, and out[0]
 * holds it cut short: the caller keeps the lemma itself. */
size_t inflect(const char *lemma, enum word_class wc, char out[][INFLECT_LEN]);

/* The word of a phrase that inflects: a verb phrase's first word ("impose
 * sanctions on"), a noun phrase's last word before its prepositions
 * ("sanction on", "military aid to"). Returns its index among the phrase's
 * n space-separated words. */
size_t inflect_head(const char *const words[], size_t n, enum word_class wc);

#endif
