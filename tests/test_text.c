/* test_text.c - tokens, offsets, UTF-8 and sentence splitting. */
#include "helpers.h"

static void splits_sentences_but_not_after_abbreviations(void **state)
{
	struct doc *d = test_doc("The U.S. envoy met Dr. Kim in Seoul. Then he left!\nA new line.");

	(void)state;
	assert_int_equal(d->nsent, 3);
	assert_string_equal(d->tok[d->sent[1].first].norm, "then");
	assert_int_equal(d->sent[2].line, 2);
	assert_int_equal(d->sent[2].col, 1);
	text_free(d);
}

/* A sentence's place: the line of its first token, and the column there,
 * past blank lines and sentences earlier on its line (a line break ends a
 * sentence). */
static void places_sentences_at_their_line_and_column(void **state)
{
	struct doc *d = test_doc("\n\nOne here.  Two is\nnext.\n\n\n   Three. Four.");
	const unsigned long line[] = {3, 3, 4, 7, 7}, col[] = {1, 12, 1, 4, 11};

	(void)state;
	assert_int_equal(d->nsent, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(d->sent[i].line, line[i]);
		assert_int_equal(d->sent[i].col, col[i]);
	}
	text_free(d);
}

static void keeps_byte_offsets_of_the_original_text(void **state)
{
	struct doc *d = test_doc("Kim\xe2\x80\x99s \xe2\x80\x9c" "deal\xe2\x80\x9d");

	(void)state;
	assert_int_equal(d->ntok, 5);
	assert_string_equal(d->tok[1].norm, "'s");
	assert_int_equal(d->tok[1].start, 3);
	assert_int_equal(d->tok[1].end, 7);
	assert_string_equal(d->tok[2].norm, "\"");
	assert_true(d->tok[2].flags & TOK_OPEN);
	assert_string_equal(d->tok[3].norm, "deal");
	text_free(d);
}

static void splits_hyphens_and_dashes_into_their_own_tokens(void **state)
{
	char *key = text_key("U.S.-South Korean drills\xe2\x80\x94" "and Trump\xe2\x80\x93Kim");

	(void)state;
	assert_string_equal(key, "u.s. - south korean drills -- and trump - kim");
	free(key);
}

/* plain words take a shorter way to their key, which must be the same */
static void keys_plain_words_as_it_parses_them(void **state)
{
	static const char *const plain[] = {"Impose Sanctions On", "Kim Jong Un", "NATO", "x", "US and UK", NULL};

	(void)state;
	for (size_t i = 0; plain[i]; i++) {
		char spaced[64], *fast = text_key(plain[i]), *parsed;
		size_t n = 0;

		for (const char *p = plain[i]; *p; p++) {	/* two spaces: not plain, parsed */
			if (*p == ' ')
				spaced[n++] = ' ';
			spaced[n++] = *p;
		}
		spaced[n] = '\0';
		parsed = text_key(spaced);
		assert_string_equal(fast, parsed);
		free(fast);
		free(parsed);
	}
}

static void marks_capitals_for_case_checks(void **state)
{
	struct doc *d = test_doc("US us NATO Nato");

	(void)state;
	assert_true(d->tok[0].flags & TOK_CAPS);
	assert_false(d->tok[1].flags & (TOK_CAPS | TOK_UPPER));
	assert_true(d->tok[2].flags & TOK_CAPS);
	assert_true(d->tok[3].flags & TOK_UPPER);
	assert_false(d->tok[3].flags & TOK_CAPS);
	text_free(d);
}

static void marks_capitals_outside_ascii(void **state)
{
	static const struct { const char *word; unsigned flags; const char *norm; } cases[] = {
		{"\xc3\x89mile", TOK_UPPER, "\xc3\xa9mile"},	/* Émile: Latin-1 */
		{"\xc3\xa9mile", 0, "\xc3\xa9mile"},		/* émile */
		{"\xc5\x81ukasz", TOK_UPPER, "\xc5\x82ukasz"},	/* Łukasz: Latin Extended-A */
		{"\xc5\xa0" "EF\xc4\x8c" "OVI\xc4\x8c", TOK_UPPER | TOK_CAPS,	/* ŠEFČOVIČ */
		 "\xc5\xa1" "ef\xc4\x8d" "ovi\xc4\x8d"},
		{"Ra\xc3\xbal", TOK_UPPER, "ra\xc3\xbal"},		/* Raúl: not all capitals */
		{"\xc6\x8fliyev", TOK_UPPER, "\xc9\x99liyev"},	/* Əliyev: Latin Extended-B */
		{"\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1", TOK_UPPER,	/* Αθήνα: Greek */
		 "\xce\xb1\xce\xb8\xce\xae\xce\xbd\xce\xb1"},
		{"\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd", TOK_UPPER,	/* Путин: Cyrillic */
		 "\xd0\xbf\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd"},
		{"\xd0\xbf\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd", 0,	/* путин */
		 "\xd0\xbf\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd"},
		{"\xe5\x8c\x97\xe4\xba\xac", 0, "\xe5\x8c\x97\xe4\xba\xac"},	/* 北京: no case */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct doc *d = test_doc(cases[i].word);

		assert_int_equal(d->ntok, 1);
		assert_int_equal(d->tok[0].flags & (TOK_UPPER | TOK_CAPS), cases[i].flags);
		assert_string_equal(d->tok[0].norm, cases[i].norm);
		text_free(d);
	}
}

static void starts_a_sentence_at_an_accented_capital(void **state)
{
	struct doc *d = test_doc("They met. \xc3\x89mile left. They met. \xc3\xa9mile left.");

	(void)state;
	assert_int_equal(d->nsent, 3);	/* "émile" starts no sentence */
	text_free(d);
}

static void gives_one_key_to_a_name_in_any_case(void **state)
{
	char *a = text_key("RA\xc3\x9aL Castro"), *b = text_key("Ra\xc3\xbal CASTRO");

	(void)state;
	assert_string_equal(a, "ra\xc3\xbal castro");
	assert_string_equal(b, a);
	free(a);
	free(b);
}

static void counts_and_blanks_invalid_utf8(void **state)
{
	struct doc *d = test_doc("ok\nbad \xff\xfe here\n");

	(void)state;
	assert_int_equal(d->bad_bytes, 2);
	assert_int_equal(d->first_bad.line, 2);
	assert_int_equal(d->first_bad.col, 5);
	assert_int_equal(d->ntok, 3);
	assert_int_equal(d->text[6], ' ');
	text_free(d);
}

/* A stray continuation byte inside a number ends the word there (found by
 * libFuzzer: it once made the tokenizer loop for ever). */
static void ends_a_word_at_an_invalid_byte(void **state)
{
	struct doc *d = test_doc("some 29,5\xb0" "0 U.S.");

	(void)state;
	assert_int_equal(d->bad_bytes, 1);
	assert_int_equal(d->ntok, 4);
	assert_string_equal(d->tok[1].norm, "29,5");
	assert_string_equal(d->tok[2].norm, "0");
	text_free(d);
}

static void marks_questions(void **state)
{
	struct doc *d = test_doc("Will they meet? They met.");

	(void)state;
	assert_true(d->sent[0].question);
	assert_false(d->sent[d->nsent - 1].question);
	text_free(d);
}

static void keeps_numbers_and_contractions_whole(void **state)
{
	char *key = text_key("some 28,500 troops don't leave");

	(void)state;
	assert_string_equal(key, "some 28,500 troops don't leave");
	free(key);
}

static void names_documents_after_their_file(void **state)
{
	char *a = text_doc_name("a/b/fp-trump-kim.txt"), *b = text_doc_name("plain");

	(void)state;
	assert_string_equal(a, "fp-trump-kim");
	assert_string_equal(b, "plain");
	free(a);
	free(b);
}

static void finds_the_articles_own_date(void **state)
{
	static const struct { const char *text, *date; } cases[] = {
		{"Title\n2024-11-13\nBody.", "2024-11-13"},
		{"Title\nPublished: November 13, 2024\nBody.", "2024-11-13"},
		{"Updated 13 Sept 2025\nBody.", "2025-09-13"},
		{"Date: Jan. 5, 2023\n", "2023-01-05"},
		{"Title\nOn November 13, 2024 they met.\n", NULL},	/* a sentence, not a date line */
		{"1\n2\n3\n4\n5\n2024-11-13\n", NULL},	/* too far down */
		{"2024-13-40\n", NULL},
		{"2024-02-29\n", "2024-02-29"},
		{"Published: February 30, 2024\n", NULL},	/* no such day */
		{"29 Feb 2100\n", NULL},
		{"0024-11-13\n", NULL},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct doc *d = test_doc(cases[i].text);
		char date[11];
		bool found = text_date(d, date);

		if (cases[i].date) {
			assert_true(found);
			assert_string_equal(date, cases[i].date);
		} else {
			assert_false(found);
		}
		text_free(d);
	}
}

static void survives_empty_text(void **state)
{
	struct doc *d = test_doc("");

	(void)state;
	assert_int_equal(d->ntok, 0);
	assert_int_equal(d->nsent, 0);
	text_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(splits_sentences_but_not_after_abbreviations),
		cmocka_unit_test(places_sentences_at_their_line_and_column),
		cmocka_unit_test(ends_a_word_at_an_invalid_byte),
		cmocka_unit_test(keeps_byte_offsets_of_the_original_text),
		cmocka_unit_test(splits_hyphens_and_dashes_into_their_own_tokens),
		cmocka_unit_test(keys_plain_words_as_it_parses_them),
		cmocka_unit_test(marks_capitals_for_case_checks),
		cmocka_unit_test(marks_capitals_outside_ascii),
		cmocka_unit_test(starts_a_sentence_at_an_accented_capital),
		cmocka_unit_test(gives_one_key_to_a_name_in_any_case),
		cmocka_unit_test(counts_and_blanks_invalid_utf8),
		cmocka_unit_test(marks_questions),
		cmocka_unit_test(keeps_numbers_and_contractions_whole),
		cmocka_unit_test(names_documents_after_their_file),
		cmocka_unit_test(finds_the_articles_own_date),
		cmocka_unit_test(survives_empty_text),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
