/* Goal-based outcome rules (core/goal.c), the one copy entry and import
 * share: words required and capped, set within the referral and not in the
 * future, at most 3 goals, ratings 0-10 dated within the goal's life. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/goal.h"
#include "testutil.h"
#include "util/date.h"

#define D(s) tu_date(s)

static void text_required_and_capped(void **state)
{
	(void)state;
	struct dy_err e;
	char words[GOAL_TEXT_MAX + 2];
	assert_int_equal(goal_check_text("Enjoy bath time together", &e), 0);
	assert_int_equal(goal_check_text("", &e), DY_EINVAL);
	assert_string_equal(e.field, "text");
	assert_int_equal(goal_check_text(NULL, &e), DY_EINVAL);
	memset(words, 'a', GOAL_TEXT_MAX);
	words[GOAL_TEXT_MAX] = '\0';
	assert_int_equal(goal_check_text(words, &e), 0); /* exactly the cap */
	words[GOAL_TEXT_MAX] = 'a';
	words[GOAL_TEXT_MAX + 1] = '\0';
	assert_int_equal(goal_check_text(words, &e), DY_EINVAL);
}

static void set_within_the_referral(void **state)
{
	(void)state;
	struct dy_err e;
	int32_t today = D("2026-06-01"), rec = D("2026-03-01"), dis = D("2026-05-01");
	assert_int_equal(goal_check_set_on(rec, today, rec, DATE_NONE, &e), 0);
	assert_int_equal(goal_check_set_on(dis, today, rec, dis, &e), 0);
	assert_int_equal(goal_check_set_on(D("2026-02-28"), today, rec, DATE_NONE, &e), DY_EINVAL);
	assert_string_equal(e.msg, "is before the referral was received");
	assert_int_equal(goal_check_set_on(D("2026-05-02"), today, rec, dis, &e), DY_EINVAL);
	assert_string_equal(e.msg, "is after the family was discharged");
	assert_int_equal(goal_check_set_on(D("2026-06-02"), today, rec, DATE_NONE, &e), DY_EINVAL);
	assert_string_equal(e.field, "date");
	assert_int_equal(goal_check_set_on(DATE_NONE, today, rec, DATE_NONE, &e), DY_EINVAL);
}

static void at_most_three(void **state)
{
	(void)state;
	struct dy_err e;
	assert_int_equal(goal_check_room(0, &e), 0);
	assert_int_equal(goal_check_room(2, &e), 0);
	assert_int_equal(goal_check_room(3, &e), DY_ECONFLICT);
	assert_string_equal(e.field, "referral");
}

static void ratings_0_to_10_in_the_goals_life(void **state)
{
	(void)state;
	struct dy_err e;
	int32_t today = D("2026-06-01"), set = D("2026-03-10");
	assert_int_equal(goal_check_rating(0, set, today, set, &e), 0);
	assert_int_equal(goal_check_rating(10, today, today, set, &e), 0);
	assert_int_equal(goal_check_rating(11, today, today, set, &e), DY_EINVAL);
	assert_string_equal(e.field, "rating");
	assert_int_equal(goal_check_rating(-1, today, today, set, &e), DY_EINVAL);
	assert_int_equal(goal_check_rating(5, D("2026-03-09"), today, set, &e), DY_EINVAL);
	assert_string_equal(e.msg, "is before the goal was set");
	assert_int_equal(goal_check_rating(5, D("2026-06-02"), today, set, &e), DY_EINVAL);
	assert_string_equal(e.msg, "is in the future");
	assert_int_equal(goal_check_rating(5, DATE_NONE, today, set, &e), DY_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_required_and_capped),
		cmocka_unit_test(set_within_the_referral),
		cmocka_unit_test(at_most_three),
		cmocka_unit_test(ratings_0_to_10_in_the_goals_life),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
