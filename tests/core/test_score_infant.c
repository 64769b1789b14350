/* Scoring the infant measures: SDQ (reversed items, prorating a scale at
 * 3 of 5, total difficulties from four scales) and ASQ:SE-2 (form chosen by
 * corrected age from a locally loaded interval table, concern adds 5). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/age.h"
#include "measures_test.h"
#include "testutil.h"

/* SDQ responses: least difficulty everywhere (reversed items 7, 11, 14, 21,
 * 25 entered as 2), then the given items set. */
static const char *sdq(const int *items, const int *vals, int n)
{
	int v[25] = {0};
	v[6] = v[10] = v[13] = v[20] = v[24] = 2;
	for (int i = 0; i < n; i++)
		v[items[i] - 1] = vals[i];
	return mt_join(v, 25);
}

static void sdq_minimum_maximum_and_reversed_items(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("sdq", sdq(NULL, NULL, 0), &r), 0);
	assert_scale(&r, "total", 0);
	assert_band(&r, "total", "normal");
	assert_clinical(&r, "total", 0);
	/* every column 0: the reversed items score 2 each */
	assert_int_equal(mt_score("sdq", mt_repeat("0", 25), &r), 0);
	assert_scale(&r, "conduct", 2);
	assert_scale(&r, "hyperactivity", 4);
	assert_scale(&r, "peer", 4);
	assert_scale(&r, "emotional", 0);
	assert_scale(&r, "total", 10);
	/* maximum difficulty */
	assert_int_equal(mt_score("sdq", "2;2;2;2;2;2;0;2;2;2;0;2;2;0;2;2;2;2;2;2;0;2;2;2;0", &r), 0);
	assert_scale(&r, "emotional", 10);
	assert_scale(&r, "peer", 10);
	assert_scale(&r, "prosocial", 10);
	assert_scale(&r, "total", 40);
	assert_band(&r, "total", "abnormal");
	assert_clinical(&r, "total", 1);
}

static void sdq_total_band_boundaries(void **state)
{
	(void)state;
	struct score_result r;
	/* emotional 10 (items 3, 8, 13, 16, 24 at 2) plus conduct */
	static const int items[] = {3, 8, 13, 16, 24, 5, 12, 18, 22};
	static const struct { int c5, c12, c18, c22, total; const char *band; int clin; } c[] = {
		{2, 1, 0, 0, 13, "normal", 0},   {2, 2, 0, 0, 14, "borderline", 0},
		{2, 2, 2, 0, 16, "borderline", 0}, {2, 2, 2, 1, 17, "abnormal", 1},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		int vals[] = {2, 2, 2, 2, 2, c[i].c5, c[i].c12, c[i].c18, c[i].c22};
		assert_int_equal(mt_score("sdq", sdq(items, vals, 9), &r), 0);
		assert_scale(&r, "total", c[i].total);
		assert_band(&r, "total", c[i].band);
		assert_clinical(&r, "total", c[i].clin);
	}
}

static void sdq_prorates_a_scale_at_three_of_five(void **state)
{
	(void)state;
	struct score_result r;
	/* emotional items 3, 8, 13 answered 1, 1, 2; 16 and 24 missing:
	 * 4 x 5 / 3 = 6.67, rounded to 7 */
	char resp[128];
	snprintf(resp, sizeof resp, "%s", sdq(NULL, NULL, 0));
	/* rebuild with two empty emotional items */
	int v[25] = {0};
	v[6] = v[10] = v[13] = v[20] = v[24] = 2;
	v[2] = 1; v[7] = 1; v[12] = 2; v[15] = -1; v[23] = -1;
	assert_int_equal(mt_score("sdq", mt_join(v, 25), &r), 0);
	assert_scale(&r, "emotional", 7);
	assert_int_equal(mt_scale(&r, "emotional")->answered, 3);
	assert_scale(&r, "total", 7);
	/* only 2 of 5: emotional null, and so total difficulties; prosocial stands */
	v[12] = -1;
	assert_int_equal(mt_score("sdq", mt_join(v, 25), &r), 0);
	assert_scale_null(&r, "emotional", SCORE_NULL_TOO_FEW);
	assert_scale_null(&r, "total", SCORE_NULL_SOURCE);
	assert_scale(&r, "prosocial", 0);
	char why[200];
	score_null_text(&r, instrument_scale_index(r.in, "total"), why, sizeof why);
	assert_string_equal(why, "Emotional symptoms has no score");
}

/* A made-up interval table for tests (not the licensed values). */
static const char *TEST_INTERVALS = "# test values only\n"
                                    "interval,from_months,to_months,items,monitoring,cutoff\n"
                                    "2,1,2,16,25,35\n"
                                    "6,3,8,20,30,45\n"
                                    "12,9,14,22,40,50\n";

static void asqse2_needs_age_and_table(void **state)
{
	(void)state;
	struct instrument *in = mt_get("asqse2");
	struct score_result r;
	struct dy_err e;
	in->tables[in->interval_table].loaded = 0;
	dy_err_clear(&e);
	assert_int_equal(score_compute(in, "0", 1, 12, &r, &e), DY_EINVAL);
	assert_int_equal(r.errors[0].code, SCORE_E_NO_INTERVAL);
	assert_string_equal(e.field, "age");
	assert_string_equal(e.msg, "the age-interval table of ASQ:SE-2 is not loaded");
	dy_err_clear(&e);
	assert_int_equal(instrument_parse_table(in, "intervals", TEST_INTERVALS,
	                                        strlen(TEST_INTERVALS), "t.csv", &e), 0);
	assert_int_equal(mt_score("asqse2", mt_repeat("0", 22), &r), DY_EINVAL);
	assert_int_equal(r.errors[0].code, SCORE_E_NO_AGE);
	assert_int_equal(mt_score_age("asqse2", mt_repeat("0", 22), 30, &r), DY_EINVAL);
	assert_int_equal(r.errors[0].code, SCORE_E_NO_INTERVAL);
}

static void asqse2_interval_zones_and_concern(void **state)
{
	(void)state;
	struct instrument *in = mt_get("asqse2");
	struct score_result r;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(instrument_parse_table(in, "intervals", TEST_INTERVALS,
	                                        strlen(TEST_INTERVALS), "t.csv", &e), 0);
	/* 12-month form: 22 items */
	assert_int_equal(mt_score_age("asqse2", mt_repeat("0", 22), 12, &r), 0);
	assert_int_equal(in->tables[in->interval_table].intervals[r.interval].interval, 12);
	assert_scale(&r, "total", 0);
	assert_band(&r, "total", "below the monitoring zone");
	assert_clinical(&r, "total", 0);
	assert_int_equal(mt_score_age("asqse2", mt_repeat("10", 22), 12, &r), 0);
	assert_scale(&r, "total", 220);
	assert_band(&r, "total", "above the cut-off");
	assert_clinical(&r, "total", 1);
	/* boundaries with monitoring 40 and cut-off 50 (over the cut-off: > 50) */
	static const struct { int total; const char *band; int clin; } c[] = {
		{35, "below the monitoring zone", 0}, {40, "monitoring zone", 0},
		{50, "monitoring zone", 0},           {55, "above the cut-off", 1}};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		int v[22] = {0};
		for (int k = 0; k < c[i].total / 10; k++)
			v[k] = 10;
		if (c[i].total % 10)
			v[21] = 5;
		assert_int_equal(mt_score_age("asqse2", mt_join(v, 22), 12, &r), 0);
		assert_scale(&r, "total", c[i].total);
		assert_band(&r, "total", c[i].band);
		assert_clinical(&r, "total", c[i].clin);
	}
	/* concern adds 5: 10c = 15, 0c = 5 */
	assert_int_equal(mt_score_age("asqse2", "10c;0c;5;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0", 12, &r), 0);
	assert_scale(&r, "total", 25);
	assert_int_equal(r.modified[0], 1);
	assert_int_equal(r.value[0], 10);
	/* wrong count for the interval, a value not on the form */
	assert_int_equal(mt_score_age("asqse2", mt_repeat("0", 21), 12, &r), DY_EINVAL);
	assert_int_equal(r.errors[0].code, SCORE_E_TOO_FEW);
	assert_int_equal(mt_score_age("asqse2", mt_repeat("0", 23), 12, &r), DY_EINVAL);
	assert_int_equal(r.errors[0].code, SCORE_E_TOO_MANY);
	assert_int_equal(mt_score_age("asqse2", mt_repeat("7", 22), 12, &r), DY_EINVAL);
	assert_int_equal(r.errors[0].code, SCORE_E_NOT_ALLOWED);
	char msg[200];
	score_error_text(&r, &r.errors[0], msg, sizeof msg);
	assert_string_equal(msg, "item 1: 7 is not allowed (allowed: 0, 5 or 10)");
	assert_int_equal(mt_score_age("asqse2", "10x;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0", 12, &r), DY_EINVAL);
	assert_int_equal(r.errors[0].code, SCORE_E_NOT_NUMBER);
	/* JSON names the interval */
	assert_int_equal(mt_score_age("asqse2", mt_repeat("0", 20), 6, &r), 0);
	char *json = score_to_json(&r);
	assert_non_null(strstr(json, "\"interval\":6"));
	free(json);
}

static void asqse2_interval_from_corrected_age(void **state)
{
	(void)state;
	struct instrument *in = mt_get("asqse2");
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(instrument_parse_table(in, "intervals", TEST_INTERVALS,
	                                        strlen(TEST_INTERVALS), "t.csv", &e), 0);
	/* born at 30 weeks: 10 weeks' correction. 9 months old chronologically
	 * (12-month form) but 6 months corrected (6-month form, 20 items). */
	struct infant_age age;
	assert_int_equal(age_compute(tu_date("2024-01-10"), 30, tu_date("2024-10-12"), &age, &e), 0);
	assert_int_equal(age.chronological_months, 9);
	assert_int_equal(age.corrected_months, 6);
	assert_int_equal(instrument_pick_interval(in, age.chronological_months), 2);
	int iv = instrument_pick_interval(in, age.corrected_months);
	assert_int_equal(in->tables[in->interval_table].intervals[iv].interval, 6);
	struct score_result r;
	assert_int_equal(mt_score_age("asqse2", mt_repeat("5", 20), age.corrected_months, &r), 0);
	assert_scale(&r, "total", 100);
}

static void interval_table_errors_name_the_line(void **state)
{
	(void)state;
	struct instrument *in = mt_get("asqse2");
	struct dy_err e;
	static const struct { const char *csv; const char *where; const char *field; } c[] = {
		{"interval,from,to\n", "x.csv line 1", "header"},
		{"interval,from_months,to_months,items,monitoring,cutoff\n6,3,8,40,30,45\n",
		 "x.csv line 2", "items"},
		{"interval,from_months,to_months,items,monitoring,cutoff\n6,3,8,20,30,25\n",
		 "x.csv line 2", "cutoff"},
		{"interval,from_months,to_months,items,monitoring,cutoff\n6,3,8,20,30,45\n12,8,14,22,40,50\n",
		 "x.csv line 3", "from_months"},
		{"interval,from_months,to_months,items,monitoring,cutoff\n6,3,8,20,3x,45\n",
		 "x.csv line 2", "monitoring"},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		dy_err_clear(&e);
		assert_int_equal(instrument_parse_table(in, "intervals", c[i].csv, strlen(c[i].csv),
		                                        "x.csv", &e), DY_EINVAL);
		assert_string_equal(e.where, c[i].where);
		assert_string_equal(e.field, c[i].field);
		assert_int_equal(in->tables[in->interval_table].loaded, 0);
	}
	dy_err_clear(&e);
	assert_int_equal(instrument_parse_table(in, "nosuch", "a", 1, "x.csv", &e), DY_ENOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sdq_minimum_maximum_and_reversed_items),
		cmocka_unit_test(sdq_total_band_boundaries),
		cmocka_unit_test(sdq_prorates_a_scale_at_three_of_five),
		cmocka_unit_test(asqse2_needs_age_and_table),
		cmocka_unit_test(asqse2_interval_zones_and_concern),
		cmocka_unit_test(asqse2_interval_from_corrected_age),
		cmocka_unit_test(interval_table_errors_name_the_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
