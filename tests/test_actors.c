/* test_actors.c - gazetteer matching: forms, case, surnames, pronouns. */
#include "helpers.h"

static void finds_names_adjectives_and_seats_as_one_actor(void **state)
{
	(void)state;
	assert_mentions("North Korea, North Korean troops and Pyongyang.", "PRK PRK PRK");
	assert_mentions("The Kremlin and Moscow spoke for Russia.", "RUS RUS RUS");
}

static void prefers_the_longest_match(void **state)
{
	(void)state;
	assert_mentions("South Korean drills", "KOR");
	assert_mentions("the Democratic People's Republic of Korea", "PRK");
}

static void splits_hyphenated_compounds(void **state)
{
	(void)state;
	assert_mentions("U.S.-South Korean exercises", "USA KOR");
	assert_mentions("Donald Trump met Kim Jong Un. The Trump-Kim summit.",
			"donald_trump kim_jong_un donald_trump kim_jong_un");
}

static void respects_the_case_of_acronyms(void **state)
{
	(void)state;
	assert_mentions("Give us the US plan and the UN plan.", "USA un");
	assert_mentions("they want us to go", "");
}

static void resolves_surnames_only_after_the_full_name(void **state)
{
	(void)state;
	assert_mentions("Trump spoke. Then Donald Trump spoke, and Trump left.",
			"donald_trump donald_trump");
	/* two Kims in the text: the surname goes to the one named last */
	assert_mentions("Kim Jong Un and Kim Yo Jong. Kim said so.", "kim_jong_un kim_yo_jong kim_yo_jong");
}

static void resolves_pronouns_to_the_only_person_in_reach(void **state)
{
	(void)state;
	assert_mentions("Vladimir Putin spoke. He left.", "vladimir_putin vladimir_putin");
	/* two persons: no antecedent is better than a wrong one */
	assert_mentions("Vladimir Putin met Xi Jinping. He left.", "vladimir_putin xi_jinping");
	/* no person at all */
	assert_mentions("He met Russia.", "RUS");
}

static void ignores_states_inside_organisation_names(void **state)
{
	(void)state;
	assert_mentions("the Korea Economic Institute of America", "kei");
	assert_mentions("the Institute of America and America", "USA");
}

static void finds_nothing_in_text_without_actors(void **state)
{
	(void)state;
	assert_mentions("The weather was fine in the morning.", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_names_adjectives_and_seats_as_one_actor),
		cmocka_unit_test(prefers_the_longest_match),
		cmocka_unit_test(splits_hyphenated_compounds),
		cmocka_unit_test(respects_the_case_of_acronyms),
		cmocka_unit_test(resolves_surnames_only_after_the_full_name),
		cmocka_unit_test(resolves_pronouns_to_the_only_person_in_reach),
		cmocka_unit_test(ignores_states_inside_organisation_names),
		cmocka_unit_test(finds_nothing_in_text_without_actors),
	};
	int rc = cmocka_run_group_tests_name("actors", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
