/* test_inflect.c - the forms of trigger lemmas. */
#include "inflect.h"
#include "helpers.h"

/* Does 'lemma' as word class wc give 'form'? */
static bool gives(const char *lemma, enum word_class wc, const char *form)
{
	char out[INFLECT_MAX][INFLECT_LEN];
	size_t n = inflect(lemma, wc, out);

	for (size_t i = 0; i < n; i++)
		if (strcmp(out[i], form) == 0)
			return true;
	return false;
}

static void verbs_take_s_ed_and_ing(void **state)
{
	(void)state;
	assert_true(gives("sanction", INFLECT_VERB, "sanction"));
	assert_true(gives("sanction", INFLECT_VERB, "sanctions"));
	assert_true(gives("sanction", INFLECT_VERB, "sanctioned"));
	assert_true(gives("sanction", INFLECT_VERB, "sanctioning"));
	assert_true(gives("accuse", INFLECT_VERB, "accused"));
	assert_true(gives("accuse", INFLECT_VERB, "accusing"));
	assert_false(gives("accuse", INFLECT_VERB, "accuseing"));
	assert_false(gives("accuse", INFLECT_VERB, "accuseed"));
	assert_true(gives("reach", INFLECT_VERB, "reaches"));
	assert_true(gives("embargo", INFLECT_VERB, "embargoes"));
	assert_true(gives("ally", INFLECT_VERB, "allied"));
	assert_true(gives("ally", INFLECT_VERB, "allies"));
	assert_false(gives("ally", INFLECT_VERB, "allyed"));
	assert_true(gives("agree", INFLECT_VERB, "agreeing"));
	assert_true(gives("tie", INFLECT_VERB, "tying"));
	assert_true(gives("stay", INFLECT_VERB, "stayed"));	/* a vowel before y */
	assert_false(gives("stay", INFLECT_VERB, "stied"));
}

static void a_final_consonant_may_double(void **state)
{
	(void)state;
	assert_true(gives("ban", INFLECT_VERB, "banned"));
	assert_true(gives("ban", INFLECT_VERB, "banning"));
	assert_true(gives("visit", INFLECT_VERB, "visited"));	/* both spellings: no text has the other */
	assert_false(gives("attack", INFLECT_VERB, "attackked"));	/* no consonant-vowel-consonant end */
	assert_false(gives("show", INFLECT_VERB, "showwed"));	/* w, x and y never double */
}

static void nouns_take_plurals_only(void **state)
{
	(void)state;
	assert_true(gives("summit", INFLECT_NOUN, "summits"));
	assert_true(gives("ally", INFLECT_NOUN, "allies"));
	assert_true(gives("crash", INFLECT_NOUN, "crashes"));
	assert_false(gives("summit", INFLECT_NOUN, "summited"));
	assert_false(gives("summit", INFLECT_NOUN, "summiting"));
}

static void the_head_is_a_verbs_first_word_and_a_nouns_last(void **state)
{
	const char *impose[] = {"impose", "sanctions", "on"};
	const char *aid[] = {"military", "aid", "to"};
	const char *war[] = {"war", "between"};
	const char *one[] = {"summit"};

	(void)state;
	assert_int_equal(inflect_head(impose, 3, INFLECT_VERB), 0);
	assert_int_equal(inflect_head(aid, 3, INFLECT_NOUN), 1);
	assert_int_equal(inflect_head(war, 2, INFLECT_NOUN), 0);
	assert_int_equal(inflect_head(one, 1, INFLECT_NOUN), 0);
}

static void a_long_lemma_gives_no_other_form(void **state)
{
	char out[INFLECT_MAX][INFLECT_LEN], lemma[INFLECT_LEN + 10];

	(void)state;
	memset(lemma, 'a', sizeof lemma - 1);
	lemma[sizeof lemma - 1] = '\0';
	assert_int_equal(inflect(lemma, INFLECT_VERB, out), 1);
}

/* The shipped schema matches a long trigger word as written, whole. */
static void a_long_trigger_word_is_matched_whole(void **state)
{
	struct diag err = {{0}};
	struct schema *s = schema_load("tests/data/schema/long-word", &err);
	bool whole = false;

	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i < s->ntriggers; i++)
		whole = whole || strlen(s->triggers[i].key) == 70;
	assert_true(whole);
	schema_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(verbs_take_s_ed_and_ing),
		cmocka_unit_test(a_final_consonant_may_double),
		cmocka_unit_test(nouns_take_plurals_only),
		cmocka_unit_test(the_head_is_a_verbs_first_word_and_a_nouns_last),
		cmocka_unit_test(a_long_lemma_gives_no_other_form),
		cmocka_unit_test(a_long_trigger_word_is_matched_whole),
	};

	return cmocka_run_group_tests_name("inflect", tests, NULL, NULL);
}
