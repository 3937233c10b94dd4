/* actors.h - second stage: gazetteer names in a document's sentences -> actor mentions. */
#ifndef ACTORS_H
#define ACTORS_H

#include <stddef.h>

#include "schema.h"
#include "text.h"

struct mention {
	size_t first, end;	/* tokens [first, end) */
	int actor;		/* index in the schema */
	enum name_form form;
};

/* How many times a document mentions an actor: what a graph counts of its
 * mentions, and what a record keeps (cache.h). */
struct mention_count {
	int actor;
	size_t count;
};

struct matcher;

/* A matcher for the names of schema 's' (which must outlive it). Lookups
 * cost the same however many names the schema has. The matcher adds to 's'
 * the persons and organizations that texts introduce (see actors_find). */
struct matcher *actors_new(struct schema *s);
void actors_free(struct matcher *m);	/* m may be NULL */
/* The vocabulary of m's tries, which the extractor's join (relations_new). */
struct vocab *actors_words(struct matcher *m);

/* The mentions of actors in 'd', in text order, longest match first and never
 * crossing a sentence. A name must match the case of its capitals ("US" is
 * not "us"); a surname counts only after its person was named in full; a
 * name inside an organisation's name ("Institute of America") is no mention.
 * Pronouns and descriptions are mentions of the one actor that fits them in
 * the sentence before them or the one before that, no further back than a
 * bounded reach: "he", "him", "his", "she", "her" of a person; "it", "its" of
 * a state or body; "the country", "the kingdom" of the state of the sentence
 * before; "the alliance", "the group" of a body; "the two countries", "both
 * sides", "the two leaders" of the two named before; "they", "their" of the
 * one list named before ("Belgium, France and Norway"), a group mention (see
 * FORM_GROUP). In a quotation, "we", "us", "our" stand for its speaker
 * ('"...," they warned', 'X said: "..."'), and "I", "me", "my" for a speaking
 * person. Persons and organizations that no gazetteer lists are found by how
 * the text introduces them ("said Jenny Town, the director of ...", "the
 * Center for X Studies") and added to the schema with an id made from their
 * name, so that later mentions in the document find them by name; their
 * names are forgotten after it, so that what a document gives depends on it
 * and the schema alone (the graph joins two documents' actors by id).
 * *words is each token's id in actors_words(m) (-1: none), for
 * relations_find. The caller frees *out and *words. Returns the count. */
size_t actors_find(struct matcher *m, const struct doc *d, struct mention **out, int **words);

/* The nm mentions m counted by actor, in the order of the actors' indexes
 * in the schema. The caller frees *out. Returns the count of actors. */
size_t actors_count(const struct mention *m, size_t nm, struct mention_count **out);

#endif
