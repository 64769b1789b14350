/* Parsing response text: which item is wrong and why (too many, too few,
 * out of range, not a number), whitespace, and the JSON rendering that
 * `dyad score <id> --responses` prints. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>

#include "measures_test.h"
#include "testutil.h"

static void refused(const char *id, const char *resp, int code, int item, const char *field,
                    const char *msg)
{
	struct score_result r;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(score_compute(mt_get(id), resp, strlen(resp), SCORE_NO_AGE, &r, &e),
	                 DY_EINVAL);
	assert_int_equal(r.errors[0].code, code);
	assert_int_equal(r.errors[0].item, item);
	assert_string_equal(e.field, field);
	if (msg)
		assert_string_equal(e.msg, msg);
	for (int i = 0; i < r.nscales; i++) {
		assert_false(r.scales[i].present);
		assert_int_equal(r.scales[i].reason, SCORE_NULL_INVALID);
	}
	assert_int_equal(r.nrisks, 0);
}

static void wrong_counts_are_refused(void **state)
{
	(void)state;
	refused("phq9", "0;0;0;0;0;0;0;0;0;0", SCORE_E_TOO_MANY, 0, "responses",
	        "10 values given but PHQ-9 has 9 items");
	refused("phq9", "0;0;0;0;0;0;0;0", SCORE_E_TOO_FEW, 0, "responses",
	        "8 values given but PHQ-9 has 9 items (leave a missing item empty, as in 1;;2)");
	refused("phq9", "0;0;0;0;0;0;0;0;0;", SCORE_E_TOO_MANY, 0, "responses", NULL);
	refused("gbo", "1;2;3;4", SCORE_E_TOO_MANY, 0, "responses",
	        "4 values given but GBO has 3 items");
}

static void bad_values_name_the_item(void **state)
{
	(void)state;
	refused("phq9", "0;0;4;0;0;0;0;0;0", SCORE_E_RANGE, 3, "item 3",
	        "4 is not allowed (allowed: 0-3)");
	refused("phq9", "0;0;0;0;0;-1;0;0;0", SCORE_E_RANGE, 6, "item 6", NULL);
	refused("phq9", "0;0;0;x;0;0;0;0;0", SCORE_E_NOT_NUMBER, 4, "item 4", "not a whole number");
	refused("phq9", "0;1.5;0;0;0;0;0;0;0", SCORE_E_NOT_NUMBER, 2, "item 2", NULL);
	refused("phq9", "0;1 2;0;0;0;0;0;0;0", SCORE_E_NOT_NUMBER, 2, "item 2", NULL);
	refused("phq9", "99999999999;0;0;0;0;0;0;0;0", SCORE_E_NOT_NUMBER, 1, "item 1", NULL);
	refused("phq9", "-;0;0;0;0;0;0;0;0", SCORE_E_NOT_NUMBER, 1, "item 1", NULL);
	refused("kips", "3;3;3;3;3;3;3;3;3;3;3;X", SCORE_E_NOT_NUMBER, 12, "item 12",
	        "not a whole number, nor the not-observed code NO");
	/* the not-observed code is only for instruments that have one */
	refused("phq9", "NO;0;0;0;0;0;0;0;0", SCORE_E_NOT_NUMBER, 1, "item 1", NULL);
}

static void every_problem_is_listed(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("gad7", "4;x;0;0;9;0;0", &r), DY_EINVAL);
	assert_int_equal(r.nerrors, 3);
	assert_int_equal(r.errors[0].item, 1);
	assert_int_equal(r.errors[1].item, 2);
	assert_int_equal(r.errors[2].item, 5);
	/* never more than SCORE_MAX_ERRORS */
	assert_int_equal(mt_score("sdq", mt_repeat("9", 30), &r), DY_EINVAL);
	assert_int_equal(r.nerrors, SCORE_MAX_ERRORS);
}

static void spaces_around_values_are_allowed(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("phq9", " 1; 2 ;3;0;0;0;0;0;\t0 ", &r), 0);
	assert_scale(&r, "total", 6);
	assert_int_equal(mt_score("phq9", "1;2;3;0; ;0;0;0;0", &r), 0);
	assert_scale_null(&r, "total", SCORE_NULL_MISSING);
}

static void oversized_and_binary_input_is_refused(void **state)
{
	(void)state;
	struct score_result r;
	char big[SCORE_MAX_TEXT + 2];
	memset(big, '0', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(mt_score("phq9", big, &r), DY_EINVAL);
	assert_int_equal(r.errors[0].code, SCORE_E_TOO_LONG);
	static const char nul[] = "0;0\0;0;0;0;0;0;0;0";
	assert_int_equal(score_compute(mt_get("phq9"), nul, sizeof nul - 1, SCORE_NO_AGE, &r, NULL),
	                 DY_EINVAL);
	assert_int_equal(r.errors[0].item, 2);
	assert_int_equal(score_compute(mt_get("pirgas"), NULL, 0, SCORE_NO_AGE, &r, NULL), 0);
	assert_false(r.scales[0].present);
}

static void json_rendering(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("phq9", "1;1;1;1;1;1;1;1;2", &r), 0);
	char *s = score_to_json(&r);
	assert_string_equal(
		s, "{\"instrument\":\"phq9\",\"version\":\"1\",\"scales\":[{\"scale\":\"total\","
		   "\"name\":\"PHQ-9 total\",\"score\":10,\"band\":\"moderate\",\"clinical\":true}],"
		   "\"risk_flags\":[{\"id\":\"phq9_item9\",\"item\":9,\"label\":\"PHQ-9 item 9 scored "
		   "above 0: review risk with the caregiver now\"}],\"errors\":[]}");
	free(s);

	assert_int_equal(mt_score("core10", "1;4;4;1;1;1;1;1;;", &r), 0);
	s = score_to_json(&r);
	json_error_t je;
	json_t *j = json_loads(s, 0, &je);
	assert_non_null(j);
	json_t *sc = json_array_get(json_object_get(j, "scales"), 0);
	assert_true(json_is_null(json_object_get(sc, "score")));
	assert_true(json_is_null(json_object_get(sc, "band")));
	assert_true(json_is_null(json_object_get(sc, "clinical")));
	assert_string_equal(json_string_value(json_object_get(sc, "reason")),
	                    "only 8 of 10 items answered; CORE-10 clinical score needs at least 9");
	json_decref(j);
	free(s);

	/* a fractional score prints plainly */
	assert_int_equal(mt_score("mpas", "1;1;1;2;3;1;2;2;5;4;5;2;5;5;1;1;1;1;1", &r), 0);
	s = score_to_json(&r);
	assert_non_null(strstr(s, "\"score\":15.5"));
	assert_non_null(strstr(s, "\"score\":25.5"));
	free(s);

	assert_int_equal(mt_score("gad7", "4;0;0;0;0;0", &r), DY_EINVAL);
	s = score_to_json(&r);
	assert_string_equal(
		s, "{\"instrument\":\"gad7\",\"version\":\"1\",\"scales\":[{\"scale\":\"total\","
		   "\"name\":\"GAD-7 total\",\"score\":null,\"band\":null,\"clinical\":null,"
		   "\"reason\":\"responses refused\"}],\"risk_flags\":[],\"errors\":["
		   "{\"field\":\"item 1\",\"message\":\"4 is not allowed (allowed: 0-3)\"},"
		   "{\"field\":\"responses\",\"message\":\"6 values given but GAD-7 has 7 items "
		   "(leave a missing item empty, as in 1;;2)\"}]}");
	free(s);
}

static void respondent_and_subject_are_checked(void **state)
{
	(void)state;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(instrument_check_respondent(mt_get("kips"), "observer", "pair", &e), 0);
	assert_int_equal(instrument_check_respondent(mt_get("kips"), "caregiver", "pair", &e),
	                 DY_EINVAL);
	assert_string_equal(e.field, "respondent");
	assert_string_equal(e.msg, "KIPS is completed by the observer, not the caregiver");
	assert_int_equal(instrument_check_respondent(mt_get("epds"), "caregiver", "infant", &e),
	                 DY_EINVAL);
	assert_string_equal(e.field, "subject");
	assert_int_equal(instrument_check_respondent(mt_get("pirgas"), "clinician", "pair", &e), 0);
	assert_int_equal(instrument_check_respondent(mt_get("pirgas"), "doctor", "pair", &e),
	                 DY_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wrong_counts_are_refused),
		cmocka_unit_test(bad_values_name_the_item),
		cmocka_unit_test(every_problem_is_listed),
		cmocka_unit_test(spaces_around_values_are_allowed),
		cmocka_unit_test(oversized_and_binary_input_is_refused),
		cmocka_unit_test(json_rendering),
		cmocka_unit_test(respondent_and_subject_are_checked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
