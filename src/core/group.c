/* group.c: group programme rules (see group.h). */
#include "core/group.h"

#include <string.h>

#include "core/codes.h"
#include "core/validate.h"
#include "util/date.h"

int group_check_run(const struct intervention_def *def, int *sessions, int capacity, int32_t starts_on,
                    const char *venue, const char *location, const int64_t *facilitators, int n_facilitators,
                    struct dy_err *e)
{
	if (!def)
		return dy_fail(e, DY_EINVAL, "intervention",
		               "is not in the intervention catalogue (dyad interventions list shows it)");
	if (def->mode != INTERVENTION_GROUP)
		return dy_fail(e, DY_EINVAL, "intervention", "%s is not a group intervention (its mode is %s)", def->code,
		               intervention_mode_code(def->mode));
	if (*sessions == 0)
		*sessions = def->planned_sessions;
	if (*sessions < 1 || *sessions > GROUP_MAX_SESSIONS)
		return dy_fail(e, DY_EINVAL, "sessions", "must be from 1 to %d", GROUP_MAX_SESSIONS);
	if (capacity < 1 || capacity > GROUP_MAX_CAPACITY)
		return dy_fail(e, DY_EINVAL, "capacity", "must be from 1 to %d", GROUP_MAX_CAPACITY);
	if (starts_on == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "starts", "is required");
	size_t n = venue ? strlen(venue) : 0;
	if (n == 0 || n > GROUP_VENUE_MAX)
		return dy_fail(e, DY_EINVAL, "venue", "must be 1 to %d characters", GROUP_VENUE_MAX);
	if (validate_code("location", code_location, location, e))
		return DY_EINVAL;
	if (n_facilitators < 1 || n_facilitators > GROUP_MAX_FACILITATORS)
		return dy_fail(e, DY_EINVAL, "facilitators", "name 1 to %d practitioners", GROUP_MAX_FACILITATORS);
	for (int i = 0; i < n_facilitators; i++)
		for (int j = 0; j < i; j++)
			if (facilitators[i] == facilitators[j])
				return dy_fail(e, DY_EINVAL, "facilitators", "names practitioner %lld twice",
				               (long long)facilitators[i]);
	return 0;
}

int group_check_session(int number, int sessions, int32_t date, int32_t starts_on, int32_t today, struct dy_err *e)
{
	if (number < 1 || number > sessions)
		return dy_fail(e, DY_EINVAL, "number", "must be from 1 to %d (the run's sessions)", sessions);
	if (date == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "date", "is required");
	if (date < starts_on)
		return dy_fail(e, DY_EINVAL, "date", "is before the run starts");
	if (date > today)
		return dy_fail(e, DY_EINVAL, "date", "is in the future: record a session once it has happened");
	return 0;
}

int group_check_room(int enrolled, int capacity, struct dy_err *e)
{
	if (enrolled < capacity)
		return 0;
	return dy_fail(e, DY_ECONFLICT, "run", "is full (%d places): add the caregiver to the waiting list for the next run",
	               capacity);
}
