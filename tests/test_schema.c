/* test_schema.c - loading the schema and rejecting bad ones with positions. */
#include "helpers.h"

/* The trigger form with this key, or NULL. */
static const struct trigger *trigger(const struct schema *s, const char *key)
{
	for (size_t i = 0; i < s->ntriggers; i++)
		if (strcmp(s->triggers[i].key, key) == 0)
			return &s->triggers[i];
	return NULL;
}

static void loads_a_small_schema(void **state)
{
	struct diag err = {{0}};
	struct schema *s = schema_load("tests/data/schema/ok", &err);
	int ann;

	(void)state;
	assert_non_null(s);
	assert_int_equal(s->nrels, 2);
	assert_false(s->rels[0].directed);
	assert_true(s->rels[1].directed);	/* the default */
	assert_int_equal(s->rels[1].sign, SIGN_NEUTRAL);
	/* lemma phrases give every form of their head word, and only those */
	assert_non_null(trigger(s, "meet"));
	assert_false(trigger(s, "meet")->inflected);
	assert_true(trigger(s, "meets with")->inflected);
	assert_non_null(trigger(s, "meeting with"));
	assert_non_null(trigger(s, "met with"));	/* irregular */
	assert_null(trigger(s, "meet withs"));
	assert_null(trigger(s, "presidents"));	/* titles are matched as written */
	assert_non_null(trigger(s, "summits with"));	/* from the trigger file relations-more.yaml */
	assert_int_equal(trigger(s, "summits with")->rel, 0);
	assert_int_equal(trigger(s, "summits with")->form, TRIG_NOUN);
	assert_int_equal(trigger(s, "trade wars")->form, TRIG_NONE);
	assert_int_equal(s->nhypothetical, 2);
	ann = schema_actor(s, "ann_bee");
	assert_true(ann >= 0);
	assert_int_equal(s->actors[ann].nroles, 1);
	assert_int_equal(s->actors[ann].roles[0].of, schema_actor(s, "AAA"));
	assert_string_equal(s->actors[ann].roles[0].to, "2024-06-30");
	/* label, adjective, seat, and the person's label and surname */
	assert_int_equal(s->nnames, 5);
	assert_int_equal(s->names[4].form, FORM_SURNAME);
	assert_string_equal(s->names[4].key, "bee");
	assert_int_equal(schema_reltype(s, "affiliation"), 1);
	assert_int_equal(schema_reltype(s, "nope"), -1);
	schema_free(s);
}

static void cleans_labels_and_cameo_codes_of_controls(void **state)
{
	struct diag err = {{0}};
	struct schema *s = schema_load("tests/data/schema/controls", &err);

	(void)state;
	assert_non_null(s);
	assert_string_equal(s->actors[schema_actor(s, "AAA")].label, "Form feed Land  ");
	assert_string_equal(s->actors[schema_actor(s, "BBB")].label, "Tab\tand\nnewline");
	assert_string_equal(s->rels[0].cameo, "04  ");
	schema_free(s);
}

static void check_error(const char *dir, const char *expected)
{
	struct diag err = {{0}};
	struct schema *s = schema_load(dir, &err);

	assert_null(s);
	assert_string_equal(err.msg, expected);
}

static void rejects_unknown_keys(void **state)
{
	(void)state;
	check_error("tests/data/schema/unknown-key",
		    "tests/data/schema/unknown-key/actors.yaml:5:5: unknown key 'adjectivs' (expected one of: "
		    "id, label, kind, names, adjectives, seats, surname, surname_alone, part_of, roles, members)");
}

static void rejects_duplicate_ids(void **state)
{
	(void)state;
	check_error("tests/data/schema/duplicate-id",
		    "tests/data/schema/duplicate-id/actors.yaml:3:10: duplicate actor id 'AAA'");
}

static void rejects_dangling_references(void **state)
{
	(void)state;
	check_error("tests/data/schema/dangling-role",
		    "tests/data/schema/dangling-role/actors.yaml:6:14: unknown actor 'ZZZ'");
}

static void rejects_role_dates_the_calendar_lacks(void **state)
{
	(void)state;
	check_error("tests/data/schema/bad-date",
		    "tests/data/schema/bad-date/actors.yaml:8:43: expected a date YYYY-MM-DD, YYYY-MM or YYYY, "
		    "found '2023-02-29' (no such day)");
}

static void rejects_wrong_types(void **state)
{
	(void)state;
	check_error("tests/data/schema/wrong-type",
		    "tests/data/schema/wrong-type/relations.yaml:3:15: expected true or false for 'directed', "
		    "found 'maybe'");
}

static void rejects_broken_yaml(void **state)
{
	(void)state;
	check_error("tests/data/schema/broken-yaml",
		    "tests/data/schema/broken-yaml/actors.yaml:3:5: did not find expected ',' or '}'");
}

static void reports_a_bad_utf8_byte_where_it_is(void **state)
{
	(void)state;
	check_error("tests/data/schema/bad-utf8",
		    "tests/data/schema/bad-utf8/relations.yaml:4:16: invalid leading UTF-8 octet");
}

static void rejects_a_name_of_two_actors(void **state)
{
	(void)state;
	check_error("tests/data/schema/duplicate-name",
		    "tests/data/schema/duplicate-name/actors.yaml:3:50: name 'Aland' already names actor 'AAA'");
}

static void rejects_unknown_trigger_forms(void **state)
{
	(void)state;
	check_error("tests/data/schema/bad-form",
		    "tests/data/schema/bad-form/relations.yaml:4:32: unknown form 'adverb' "
		    "(expected one of: verb, noun, title, led, member)");
}

static void rejects_triggers_of_unknown_types(void **state)
{
	(void)state;
	check_error("tests/data/schema/bad-relation",
		    "tests/data/schema/bad-relation/relations-more.yaml:2:32: unknown relation type 'war'");
}

static void rejects_duplicate_trigger_ids(void **state)
{
	(void)state;
	check_error("tests/data/schema/duplicate-trigger",
		    "tests/data/schema/duplicate-trigger/relations-more.yaml:2:10: duplicate trigger id 'talks.meet'");
}

static void rejects_a_person_relation_of_no_type(void **state)
{
	(void)state;
	check_error("tests/data/schema/bad-person-relation",
		    "tests/data/schema/bad-person-relation/relations.yaml:4:60: unknown relation type 'membership'");
}

static void rejects_words_without_letters_and_empty_forms(void **state)
{
	(void)state;
	check_error("tests/data/schema/bad-word",
		    "tests/data/schema/bad-word/relations.yaml:4:52: a trigger word needs a letter or a digit");
	check_error("tests/data/schema/bad-irregular",
		    "tests/data/schema/bad-irregular/relations.yaml:6:15: an irregular form is one word, found ''");
}

static void reports_a_missing_folder(void **state)
{
	(void)state;
	check_error("tests/data/schema/none",
		    "cannot open schema directory 'tests/data/schema/none': No such file or directory");
}

static void loads_the_shipped_schema_with_all_thirteen_types(void **state)
{
	static const char *const types[] = {
		"talks", "alliance", "pact", "military_aid", "economic_aid", "sanctions", "criticism",
		"threat", "military_conflict", "military_presence", "exercises", "recognition",
		"affiliation", NULL
	};
	struct schema *s = test_schema();

	(void)state;
	for (size_t i = 0; types[i]; i++)
		assert_true(schema_reltype(s, types[i]) >= 0);
	assert_int_equal(s->nrels, 13);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads_a_small_schema),
		cmocka_unit_test(rejects_unknown_keys),
		cmocka_unit_test(rejects_duplicate_ids),
		cmocka_unit_test(cleans_labels_and_cameo_codes_of_controls),
		cmocka_unit_test(rejects_dangling_references),
		cmocka_unit_test(rejects_role_dates_the_calendar_lacks),
		cmocka_unit_test(rejects_wrong_types),
		cmocka_unit_test(rejects_broken_yaml),
		cmocka_unit_test(reports_a_bad_utf8_byte_where_it_is),
		cmocka_unit_test(rejects_a_name_of_two_actors),
		cmocka_unit_test(rejects_unknown_trigger_forms),
		cmocka_unit_test(rejects_triggers_of_unknown_types),
		cmocka_unit_test(rejects_duplicate_trigger_ids),
		cmocka_unit_test(rejects_a_person_relation_of_no_type),
		cmocka_unit_test(rejects_words_without_letters_and_empty_forms),
		cmocka_unit_test(reports_a_missing_folder),
		cmocka_unit_test(loads_the_shipped_schema_with_all_thirteen_types),
	};
	int rc = cmocka_run_group_tests_name("schema", tests, NULL, NULL);

	schema_free(test_schema());
	return rc;
}
