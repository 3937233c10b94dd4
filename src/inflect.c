/* inflect.c - regular English inflection of trigger lemmas. */
#include "inflect.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

static bool vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* consonant-vowel-consonant at the end ("ban", "plan", "visit"): the final
 * consonant may double before -ed and -ing ("banned") */
static bool cvc(const char *w, size_t n)
{
	return n >= 3 && !vowel(w[n - 1]) && vowel(w[n - 2]) && !vowel(w[n - 3]) &&
	       w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y';
}

/* -s or -es: "meets", "reaches", "embargoes", "allies" */
static void plural(const char *w, size_t n, char *out)
{
	if (n >= 2 && w[n - 1] == 'y' && !vowel(w[n - 2]))
		snprintf(out, INFLECT_LEN, "%.*sies", (int)(n - 1), w);
	else if (w[n - 1] == 's' || w[n - 1] == 'x' || w[n - 1] == 'z' || w[n - 1] == 'o' ||
		 (n >= 2 && (w[n - 1] == 'h') && (w[n - 2] == 'c' || w[n - 2] == 's')))
		snprintf(out, INFLECT_LEN, "%ses", w);
	else
		snprintf(out, INFLECT_LEN, "%ss", w);
}

static size_t add(char out[][INFLECT_LEN], size_t k, const char *form)
{
	for (size_t i = 0; i < k; i++)
		if (strcmp(out[i], form) == 0)
			return k;
	if (k < INFLECT_MAX)
		snprintf(out[k++], INFLECT_LEN, "%s", form);
	return k;
}

size_t inflect(const char *lemma, enum word_class wc, char out[][INFLECT_LEN])
{
	size_t n = strlen(lemma), k = 0;
	char f[INFLECT_LEN];

	snprintf(out[k++], INFLECT_LEN, "%s", lemma);
	if (n == 0 || n + 4 >= INFLECT_LEN)
		return k;
	plural(lemma, n, f);
	k = add(out, k, f);
	if (wc == INFLECT_NOUN)
		return k;
	if (lemma[n - 1] == 'e') {		/* "traded", "trading", "freeing", "tying" */
		snprintf(f, sizeof f, "%sd", lemma);
		k = add(out, k, f);
		if (n >= 2 && lemma[n - 2] == 'i')	/* "tie" -> "tying" */
			snprintf(f, sizeof f, "%.*sying", (int)(n - 2), lemma);
		else if (n >= 2 && (lemma[n - 2] == 'e' || lemma[n - 2] == 'o' || lemma[n - 2] == 'y'))
			snprintf(f, sizeof f, "%sing", lemma);	/* "agreeing", "hoeing" */
		else
			snprintf(f, sizeof f, "%.*sing", (int)(n - 1), lemma);
		k = add(out, k, f);
		return k;
	}
	if (n >= 2 && lemma[n - 1] == 'y' && !vowel(lemma[n - 2])) {	/* "allied", "allying" */
		snprintf(f, sizeof f, "%.*sied", (int)(n - 1), lemma);
		k = add(out, k, f);
	} else {
		snprintf(f, sizeof f, "%sed", lemma);
		k = add(out, k, f);
	}
	snprintf(f, sizeof f, "%sing", lemma);
	k = add(out, k, f);
	if (cvc(lemma, n)) {
		snprintf(f, sizeof f, "%s%ced", lemma, lemma[n - 1]);
		k = add(out, k, f);
		snprintf(f, sizeof f, "%s%cing", lemma, lemma[n - 1]);
		k = add(out, k, f);
	}
	return k;
}

size_t inflect_head(const char *const words[], size_t n, enum word_class wc)
{
	/* words that follow a noun's head: "sanctions on", "aid to", "war between" */
	static const char *const after[] = {
		"on", "in", "at", "to", "with", "of", "for", "from", "against", "toward", "towards",
		"into", "by", "about", "over", "between", "among", "-", NULL
	};
	size_t h = n ? n - 1 : 0;

	if (wc == INFLECT_VERB)
		return 0;
	while (h > 0 && word_in(words[h], after))
		h--;
	return h;
}
