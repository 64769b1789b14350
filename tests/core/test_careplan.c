/* Paired and intensive home visiting (core/careplan.h): a plan's planned
 * end from the child's age or the catalogue's span, and home visits
 * expected against plan, each at its boundary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/careplan.h"
#include "util/date.h"

static int32_t day(const char *s)
{
	int32_t d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void planned_end_at_the_childs_age(void **state)
{
	(void)state;
	struct intervention_def mtb;
	memset(&mtb, 0, sizeof mtb);
	mtb.mode = INTERVENTION_HOME_VISITING;
	mtb.planned_span_weeks = 116;
	mtb.ends_at_age_months = 24;
	/* born 2026-03-31: the second birthday is 2028-03-31 */
	assert_int_equal(careplan_planned_end(&mtb, day("2026-01-10"), day("2026-03-31")), day("2028-03-31"));
	/* born on 29 February: the day the months land on is clamped (util/date.h) */
	assert_int_equal(careplan_planned_end(&mtb, day("2024-01-10"), day("2024-02-29")), day("2026-02-28"));
	/* unborn: from the EDD the caller passes; no date known: no planned end */
	assert_int_equal(careplan_planned_end(&mtb, day("2026-01-10"), DATE_NONE), DATE_NONE);
}

static void planned_end_from_the_span_or_none(void **state)
{
	(void)state;
	struct intervention_def vig;
	memset(&vig, 0, sizeof vig);
	vig.planned_span_weeks = 12;
	assert_int_equal(careplan_planned_end(&vig, day("2026-09-01"), DATE_NONE), day("2026-11-24"));
	vig.planned_span_weeks = 0;
	assert_int_equal(careplan_planned_end(&vig, day("2026-09-01"), day("2026-03-31")), DATE_NONE);
	assert_int_equal(careplan_planned_end(NULL, day("2026-09-01"), day("2026-03-31")), DATE_NONE);
}

static void visits_expected_at_each_boundary(void **state)
{
	(void)state;
	int32_t s = day("2026-09-01");
	assert_int_equal(careplan_visits_expected(7, s, s - 1, DATE_NONE), 0);   /* not started */
	assert_int_equal(careplan_visits_expected(7, s, s, DATE_NONE), 1);       /* the start day's visit */
	assert_int_equal(careplan_visits_expected(7, s, s + 6, DATE_NONE), 1);   /* a day short of the next */
	assert_int_equal(careplan_visits_expected(7, s, s + 7, DATE_NONE), 2);   /* the next is due */
	assert_int_equal(careplan_visits_expected(7, s, s + 70, DATE_NONE), 11); /* ten weeks on */
	/* never past the planned end: ended on day 14, counted to day 14 */
	assert_int_equal(careplan_visits_expected(7, s, s + 70, s + 14), 3);
	assert_int_equal(careplan_visits_expected(7, s, s + 70, s + 13), 2);
	/* no frequency, no start: none expected */
	assert_int_equal(careplan_visits_expected(0, s, s + 70, DATE_NONE), 0);
	assert_int_equal(careplan_visits_expected(7, DATE_NONE, s + 70, DATE_NONE), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(planned_end_at_the_childs_age),
		cmocka_unit_test(planned_end_from_the_span_or_none),
		cmocka_unit_test(visits_expected_at_each_boundary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
