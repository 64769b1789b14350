/* Infant age in months, corrected for prematurity up to 24 months. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/age.h"
#include "testutil.h"
#include "util/date.h"

static struct infant_age age(const char *birth, int gw, const char *on)
{
	struct infant_age a;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(age_compute(tu_date(birth), gw, tu_date(on), &a, &e), 0);
	return a;
}

static void term_baby_is_not_corrected(void **state)
{
	(void)state;
	struct infant_age a = age("2024-01-15", 40, "2024-07-15");
	assert_int_equal(a.chronological_months, 6);
	assert_int_equal(a.corrected_months, 6);
	assert_int_equal(a.corrected, 0);
	a = age("2024-01-15", 38, "2024-07-14"); /* 2 weeks early: ASQ does not correct */
	assert_int_equal(a.chronological_months, 5);
	assert_int_equal(a.corrected, 0);
	a = age("2024-01-15", 0, "2024-07-15"); /* gestation unknown */
	assert_int_equal(a.corrected, 0);
}

static void premature_baby_is_corrected(void **state)
{
	(void)state;
	/* 32 weeks: 8 weeks (56 days) off; 2024-07-15 - 56 days = 2024-05-20 */
	struct infant_age a = age("2024-01-15", 32, "2024-07-15");
	assert_int_equal(a.chronological_months, 6);
	assert_int_equal(a.corrected_months, 4);
	assert_int_equal(a.correction_days, 56);
	assert_int_equal(a.corrected, 1);
	/* 36 weeks is premature: 4 weeks off */
	a = age("2024-01-15", 36, "2024-07-15");
	assert_int_equal(a.corrected_months, 5);
	/* exactly on the corrected month boundary: 2024-07-15 - 56 = 2024-05-20 */
	a = age("2024-01-20", 32, "2024-07-15");
	assert_int_equal(a.corrected_months, 4);
	a = age("2024-01-21", 32, "2024-07-15");
	assert_int_equal(a.corrected_months, 3);
}

static void correction_stops_at_24_months(void **state)
{
	(void)state;
	/* 23 months: still corrected (30 weeks: 70 days off) */
	struct infant_age a = age("2022-05-10", 30, "2024-04-10");
	assert_int_equal(a.chronological_months, 23);
	assert_int_equal(a.corrected_months, 20);
	/* 24 months: no longer corrected */
	a = age("2022-05-10", 30, "2024-05-10");
	assert_int_equal(a.chronological_months, 24);
	assert_int_equal(a.corrected_months, 24);
	assert_int_equal(a.corrected, 0);
}

static void very_premature_newborn_is_zero(void **state)
{
	(void)state;
	struct infant_age a = age("2024-01-01", 24, "2024-02-01");
	assert_int_equal(a.chronological_months, 1);
	assert_int_equal(a.corrected_months, 0);
}

static void bad_input_is_refused(void **state)
{
	(void)state;
	struct infant_age a;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(age_compute(tu_date("2024-02-01"), 40, tu_date("2024-01-01"), &a, &e), DY_EINVAL);
	assert_string_equal(e.field, "date");
	assert_int_equal(age_compute(tu_date("2024-01-01"), 19, tu_date("2024-02-01"), &a, &e), DY_EINVAL);
	assert_string_equal(e.field, "gestation_weeks");
	assert_int_equal(age_compute(DATE_NONE, 40, tu_date("2024-02-01"), &a, &e), DY_EINVAL);
	assert_string_equal(e.field, "birth_date");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(term_baby_is_not_corrected),
		cmocka_unit_test(premature_baby_is_corrected),
		cmocka_unit_test(correction_stops_at_24_months),
		cmocka_unit_test(very_premature_newborn_is_zero),
		cmocka_unit_test(bad_input_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
