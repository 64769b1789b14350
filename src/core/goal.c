/* goal.c: the rules of goal-based outcomes (see goal.h). */
#include "core/goal.h"

#include <string.h>

#include "util/date.h"

int goal_check_text(const char *text, struct dy_err *e)
{
	size_t len = text ? strlen(text) : 0;
	if (len == 0)
		return dy_fail(e, DY_EINVAL, "text", "is required: the goal in the family's own words");
	if (len > GOAL_TEXT_MAX)
		return dy_fail(e, DY_EINVAL, "text", "is longer than %d characters", GOAL_TEXT_MAX);
	return 0;
}

int goal_check_set_on(int32_t set_on, int32_t today, int32_t received, int32_t discharged, struct dy_err *e)
{
	if (set_on == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "date", "is required");
	if (set_on > today)
		return dy_fail(e, DY_EINVAL, "date", "is in the future");
	if (set_on < received)
		return dy_fail(e, DY_EINVAL, "date", "is before the referral was received");
	if (discharged != DATE_NONE && set_on > discharged)
		return dy_fail(e, DY_EINVAL, "date", "is after the family was discharged");
	return 0;
}

int goal_check_room(int existing, struct dy_err *e)
{
	if (existing >= GOAL_MAX)
		return dy_fail(e, DY_ECONFLICT, "referral", "already has %d goals (the most goal-based outcomes allow)",
		               GOAL_MAX);
	return 0;
}

int goal_check_rating(int rating, int32_t date, int32_t today, int32_t set_on, struct dy_err *e)
{
	if (rating < 0 || rating > GOAL_RATING_MAX)
		return dy_fail(e, DY_EINVAL, "rating", "must be a whole number from 0 to %d", GOAL_RATING_MAX);
	if (date == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "date", "is required");
	if (date > today)
		return dy_fail(e, DY_EINVAL, "date", "is in the future");
	if (date < set_on)
		return dy_fail(e, DY_EINVAL, "date", "is before the goal was set");
	return 0;
}
