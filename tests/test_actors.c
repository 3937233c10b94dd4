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
	assert_mentions("Cha spoke. Then Victor Cha spoke, and Cha left.", "victor_cha victor_cha");
	/* two Kims in the text: the surname goes to the one named last */
	assert_mentions("Kim Jong Un and Kim Yo Jong. Kim said so.", "kim_jong_un kim_yo_jong kim_yo_jong");
}

static void resolves_pronouns_to_the_only_person_in_reach(void **state)
{
	(void)state;
	assert_mentions("Vladimir Putin spoke. He left.", "vladimir_putin vladimir_putin");
	/* two persons: the one the sentence before opens with, when the
	 * pronoun opens its own; else no antecedent is better than a wrong one */
	assert_mentions("Vladimir Putin met Xi Jinping. He left.", "vladimir_putin xi_jinping vladimir_putin");
	assert_mentions("Vladimir Putin met Xi Jinping. Then he left.", "vladimir_putin xi_jinping");
	assert_mentions("Russian President Vladimir Putin met Xi Jinping. He left.",
			"RUS vladimir_putin xi_jinping vladimir_putin");
	assert_mentions("Russia Warns Donald Trump About Joe Biden. He left.",	/* no title's state */
			"RUS donald_trump joe_biden");
	assert_mentions("Xi Jinping and Vladimir Putin met. He left.", "xi_jinping vladimir_putin");
	/* "they" stands for a list, not for two names side by side */
	assert_mentions("Belgium and Norway met. They left.", "BEL NOR BEL NOR");
	assert_mentions("Aid went to the United Nations Voluntary Fund for Victims of Torture. They left.",
			"un voluntary_fund_for_victims_of_torture");
	assert_mentions("The leaders, Vladimir Putin and Xi Jinping, met. He left.", "vladimir_putin xi_jinping");
	/* no person at all */
	assert_mentions("He met Russia.", "RUS");
	/* a title names the one person named before who holds it */
	assert_mentions("Emmanuel Macron and Shigeru Ishiba met. Later the prime minister left.",
			"emmanuel_macron shigeru_ishiba shigeru_ishiba");
	assert_mentions("Emmanuel Macron met Joe Biden. Later the president left.",
			"emmanuel_macron joe_biden");	/* two presidents: nobody */
}

static void ignores_states_inside_organisation_names(void **state)
{
	(void)state;
	assert_mentions("the Korea Economic Institute of America", "kei");
	assert_mentions("the Institute of America and America", "institute_of_america USA");
}

static void finds_nothing_in_text_without_actors(void **state)
{
	(void)state;
	assert_mentions("The weather was fine in the morning.", "");
}

static void resolves_surnames_of_leaders_known_by_them_alone(void **state)
{
	(void)state;
	assert_mentions("Putin met Xi in Moscow.", "vladimir_putin xi_jinping RUS");
	assert_mentions("Kim spoke.", "");	/* many Kims: the full name must come first */
}

/* The ids of the mentions in 'text', with the labels of new actors. */
static char *introduced(const char *text)
{
	struct schema *s = test_schema();
	size_t before = s->nactors;
	char *ids = test_mentions(text);
	struct buf out = {0};

	buf_puts(&out, ids);
	for (size_t a = before; a < s->nactors; a++)
		buf_printf(&out, " | %s %s: %s", s->actors[a].id, schema_kind_name(s->actors[a].kind),
			   s->actors[a].label);
	free(ids);
	return out.data;
}

#define assert_introduced(text, expected)            \
	do {                                         \
		char *got_ = introduced(text);       \
		assert_string_equal(got_, expected); \
		free(got_);                          \
	} while (0)

static void introduces_persons_by_title_apposition_and_speech(void **state)
{
	(void)state;
	assert_introduced("Japanese Trade Minister Hana Mori arrived. Mori met Wang Yi.",
			  "JPN hana_mori hana_mori wang_yi | hana_mori person: Hana Mori");
	assert_introduced("\"No,\" said Lars Eklund, a senior fellow at the Nordic Institute of Policy.",
			  "lars_eklund nordic_institute_of_policy | nordic_institute_of_policy organization: "
			  "Nordic Institute of Policy | lars_eklund person: Lars Eklund");
	assert_introduced("Omar Haddad said the talks failed.", "omar_haddad | omar_haddad person: Omar Haddad");
	/* capitalised words alone are no person */
	assert_introduced("Tuesday Morning Markets fell.", "");
}

static void introduces_organizations_with_their_acronyms(void **state)
{
	(void)state;
	assert_introduced("the Baltic Center for Defense Studies (BCDS) said so. BCDS agreed.",
			  "baltic_center_for_defense_studies baltic_center_for_defense_studies | "
			  "baltic_center_for_defense_studies organization: Baltic Center for Defense Studies");
	/* a known acronym: the long name is that actor */
	assert_introduced("the Korea Economic Institute (KEI)", "kei kei");
	/* a body of a state is the state's */
	assert_introduced("China's Foreign Ministry said", "CHN");
}

/* A capitalised word of grammar inside a name: the sentence before it lost
 * its stop, or the whole is a title in capitals. */
static void ends_names_at_words_of_grammar(void **state)
{
	(void)state;
	assert_introduced("said Ivo Haddad The talks failed.", "ivo_haddad | ivo_haddad person: Ivo Haddad");
	assert_introduced("said Lena Moravec He left.", "lena_moravec | lena_moravec person: Lena Moravec");
	assert_introduced("Egypt's Karim Praised For Cease-Fire As Talks Begin", "EGY");
	assert_introduced("the Adriatic Center for Sea Studies The talks failed.",
			  "adriatic_center_for_sea_studies | "
			  "adriatic_center_for_sea_studies organization: Adriatic Center for Sea Studies");
}

static void matches_accented_names_in_any_capitals(void **state)
{
	(void)state;
	assert_mentions("ALBERT R\xc3\x96STI met Albert R\xc3\xb6sti.", "albert_rosti albert_rosti");
	/* a capital in a name must be one in the text, outside ASCII too */
	assert_mentions("R\xc3\xa9union, R\xc3\x89UNION and r\xc3\xa9union", "REU REU");
}

static void introduces_persons_with_accented_names(void **state)
{
	(void)state;
	assert_introduced("\xc3\x89mile Zola said so.",
			  "\xc3\xa9mile_zola | \xc3\xa9mile_zola person: \xc3\x89mile Zola");
	assert_introduced("said \xc5\x81ukasz Nowak",
			  "\xc5\x82ukasz_nowak | \xc5\x82ukasz_nowak person: \xc5\x81ukasz Nowak");
	assert_introduced("said \xc3\xa9mile zola", "");	/* lowercase: no name */
}

static void gives_different_ids_to_names_that_differ_by_accents(void **state)
{
	(void)state;
	/* an id from the name alone: letters outside ASCII are kept */
	assert_introduced("J\xc3\xbcrgen Gro\xc3\x9f said. J\xc3\xb6rgen Gro\xc3\x9f said. Jurgen Gross said.",
			  "j\xc3\xbcrgen_gro\xc3\x9f j\xc3\xb6rgen_gro\xc3\x9f jurgen_gross | "
			  "j\xc3\xbcrgen_gro\xc3\x9f person: J\xc3\xbcrgen Gro\xc3\x9f | "
			  "j\xc3\xb6rgen_gro\xc3\x9f person: J\xc3\xb6rgen Gro\xc3\x9f | jurgen_gross person: Jurgen Gross");
	/* symbols no XML name may hold are no part of an id */
	assert_introduced("said Lars Ek\xf0\x9f\x98\x80son", "lars_ek_son | lars_ek_son person: Lars Ek\xf0\x9f\x98\x80son");
	/* whichever comes first */
	assert_introduced("Jorg Muller said. J\xc3\xb6rg M\xc3\xbcller said.",
			  "jorg_muller j\xc3\xb6rg_m\xc3\xbcller | jorg_muller person: Jorg Muller | "
			  "j\xc3\xb6rg_m\xc3\xbcller person: J\xc3\xb6rg M\xc3\xbcller");
	/* the same name again is the same actor */
	assert_introduced("\xc3\x81gnes Kov\xc3\xa1" "cs said. Then \xc3\x81gnes Kov\xc3\xa1" "cs said.",
			  "\xc3\xa1gnes_kov\xc3\xa1" "cs \xc3\xa1gnes_kov\xc3\xa1" "cs | "
			  "\xc3\xa1gnes_kov\xc3\xa1" "cs person: \xc3\x81gnes Kov\xc3\xa1" "cs");
}

static void forgets_the_names_a_document_introduced(void **state)
{
	(void)state;
	assert_introduced("\"No,\" said Lars Quist. Quist left.",
			  "lars_quist lars_quist | lars_quist person: Lars Quist");
	/* another document: nothing marks him a person here */
	assert_mentions("Lars Quist left. Quist stayed.", "");
	/* introduced again, he is the same actor, by id */
	assert_introduced("Lars Quist said so.", "lars_quist");
}

static void introduces_persons_after_abbreviated_ranks(void **state)
{
	(void)state;
	assert_introduced("Sen. Mike Rogers left.", "mike_rogers | mike_rogers person: Mike Rogers");
	assert_introduced("Lt. Gen. Ana Kovac left.", "ana_kovac | ana_kovac person: Ana Kovac");
	assert_introduced("Gen Philip Breedlove left.", "philip_breedlove | philip_breedlove person: Philip Breedlove");
	assert_introduced("Mike Ross left.", "");	/* nothing marks a person */
}

static void introduces_persons_after_a_title_in_apposition(void **state)
{
	(void)state;
	assert_introduced("The Zemblan envoy, Ilse Varga, arrived.", "ilse_varga | ilse_varga person: Ilse Varga");
	/* a title and the body it serves or is at, before the comma */
	assert_introduced("The head of the IAEA, Anna Kovac, arrived.", "iaea anna_kovac | anna_kovac person: Anna Kovac");
	assert_introduced("The ambassador to the UN, Piotr Lis, arrived.", "un piotr_lis | piotr_lis person: Piotr Lis");
	assert_introduced("A friend of the UN, Ivo Ban, arrived.", "un");
	assert_introduced("After the talks, Marek Nowak arrived.", "");	/* no title before the comma */
}

static void keeps_hyphenated_given_names_initials_and_suffixes(void **state)
{
	(void)state;
	/* a hyphenated given name puts the surname first */
	assert_introduced("Ban Ki-moon said so. Ban left.",
			  "ban_ki_moon ban_ki_moon | ban_ki_moon person: Ban Ki-moon");
	assert_introduced("President George W. Bush left.", "george_w_bush | george_w_bush person: George W. Bush");
	assert_introduced("Navy Adm. James Winnefeld Jr. arrived. Winnefeld left.",
			  "james_winnefeld_jr james_winnefeld_jr | james_winnefeld_jr person: James Winnefeld Jr.");
	assert_introduced("said Samir Aziz-era officials", "samir_aziz | samir_aziz person: Samir Aziz");
}

static void tells_other_names_around_a_known_surname(void **state)
{
	(void)state;
	/* the known person named in part */
	assert_introduced("Vladimir Putin spoke. President Vladimir V. Putin left.", "vladimir_putin vladimir_putin");
	assert_introduced("President Donald J. Trump left.", "donald_trump");
	/* another person of that surname */
	assert_introduced("Vladimir Putin spoke. Anna Putin said so.",
			  "vladimir_putin anna_putin | anna_putin person: Anna Putin");
	assert_introduced("Kim Jong Un spoke. Kim Yong Chol said so.",
			  "kim_jong_un kim_yong_chol | kim_yong_chol person: Kim Yong Chol");
	assert_introduced("Vladimir Putin spoke. Putin said so.", "vladimir_putin vladimir_putin");
	/* a place's name is no person a text introduces, nor a mention */
	assert_introduced("Vladimir Putin told Fox News so.", "vladimir_putin");
}

static void introduces_persons_after_a_title_of_a_department(void **state)
{
	(void)state;
	assert_introduced("Secretary of Defense Jim Mattis left.", "jim_mattis | jim_mattis person: Jim Mattis");
	assert_introduced("The Secretary of Homeland Security Kirstjen Nielsen left.",
			  "kirstjen_nielsen | kirstjen_nielsen person: Kirstjen Nielsen");
	assert_introduced("The Secretary of Homeland Security Kirstjen Q. Nilsen left.",
			  "kirstjen_q_nilsen | kirstjen_q_nilsen person: Kirstjen Q. Nilsen");
	/* the department alone is no person */
	assert_introduced("the vice chairman of the Joint Staff Command, said that", "");
}

static void takes_organisation_names_whole(void **state)
{
	(void)state;
	/* a state's adjective or seat begins the name: one organization */
	assert_introduced("at the Latin American Social Sciences Institute",
			  "latin_american_social_sciences_institute | latin_american_social_sciences_institute "
			  "organization: Latin American Social Sciences Institute");
	assert_introduced("at Georgetown University", "georgetown_university | georgetown_university "
			  "organization: Georgetown University");
	/* "and" after a head: two names */
	assert_introduced("the Zemblan Party and the Freedonian Party",
			  "zemblan_party freedonian_party | zemblan_party organization: Zemblan Party | "
			  "freedonian_party organization: Freedonian Party");
	assert_introduced("Erdogan's ZK Party", "recep_tayyip_erdogan zk_party | zk_party organization: ZK Party");
	/* an acronym before no head, and a state's adjective before a body, are no organization */
	assert_introduced("the ZXQ Militants and the Russian Foreign Ministry", "RUS");
	assert_introduced("the Supreme Defence Council of Borduria", "");
}

static void tells_committees_of_a_legislature_from_state_bodies(void **state)
{
	(void)state;
	assert_introduced("a member of the Senate Armed Services Committee",
			  "senate_armed_services_committee | senate_armed_services_committee "
			  "organization: Senate Armed Services Committee");
	assert_introduced("the House Armed Services subcommittee that oversees",
			  "house_armed_services_subcommittee | house_armed_services_subcommittee "
			  "organization: House Armed Services subcommittee");
	assert_introduced("the Central Committee and the Foreign Affairs Committee", "");	/* no chamber */
}

/* One mention of one actor in 'text', or -1. */
static int sole_actor(const char *text)
{
	struct schema *s = test_schema();
	struct matcher *m = actors_new(s);
	struct doc *d = test_doc(text);
	struct mention *men;
	int *words;
	size_t nm = actors_find(m, d, &men, &words);
	int a = nm == 1 ? men[0].actor : -1;

	free(words);
	free(men);
	text_free(d);
	actors_free(m);
	return a;
}

static void resolves_every_state_by_name_demonym_and_code(void **state)
{
	struct schema *s = test_schema();
	size_t states = 0, with_adjective = 0;

	(void)state;
	for (size_t a = 0; a < s->nactors; a++) {
		bool adjective = false;

		if (s->actors[a].kind != KIND_STATE)
			continue;
		states++;
		assert_int_equal(schema_actor(s, s->actors[a].id), (int)a);
		if (sole_actor(s->actors[a].label) != (int)a)
			fail_msg("%s is not found by its label", s->actors[a].id);
		for (size_t n = 0; n < s->nnames && !adjective; n++)
			if (s->names[n].actor == (int)a && s->names[n].form == FORM_ADJECTIVE) {
				char text[200];

				snprintf(text, sizeof text, "%s troops", s->names[n].text);
				if (sole_actor(text) != (int)a)
					fail_msg("%s is not found by its adjective '%s'", s->actors[a].id,
						 s->names[n].text);
				adjective = true;
			}
		with_adjective += adjective;
	}
	/* territories may share their demonym with a state ("French"), members may not */
	assert_true(states >= 193 + 2);
	assert_true(with_adjective >= 193 + 2);
}

static void gives_ambiguous_names_to_one_state_as_documented(void **state)
{
	(void)state;
	assert_mentions("Congo", "COD");
	assert_mentions("the Republic of the Congo", "COG");
	assert_mentions("Dominican troops", "DOM");
	assert_mentions("Dominica", "DMA");
	assert_mentions("Georgia", "GEO");
	assert_mentions("the West Bank and the West", "west");	/* a place hides the name inside it */
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
		cmocka_unit_test(resolves_every_state_by_name_demonym_and_code),
		cmocka_unit_test(resolves_surnames_of_leaders_known_by_them_alone),
		cmocka_unit_test(introduces_persons_by_title_apposition_and_speech),
		cmocka_unit_test(introduces_organizations_with_their_acronyms),
		cmocka_unit_test(matches_accented_names_in_any_capitals),
		cmocka_unit_test(introduces_persons_with_accented_names),
		cmocka_unit_test(gives_different_ids_to_names_that_differ_by_accents),
		cmocka_unit_test(forgets_the_names_a_document_introduced),
		cmocka_unit_test(introduces_persons_after_abbreviated_ranks),
		cmocka_unit_test(introduces_persons_after_a_title_in_apposition),
		cmocka_unit_test(ends_names_at_words_of_grammar),
		cmocka_unit_test(keeps_hyphenated_given_names_initials_and_suffixes),
		cmocka_unit_test(tells_other_names_around_a_known_surname),
		cmocka_unit_test(introduces_persons_after_a_title_of_a_department),
		cmocka_unit_test(takes_organisation_names_whole),
		cmocka_unit_test(tells_committees_of_a_legislature_from_state_bodies),
		cmocka_unit_test(gives_ambiguous_names_to_one_state_as_documented),
	};
	int rc = cmocka_run_group_tests_name("actors", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
