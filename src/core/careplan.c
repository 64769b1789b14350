/* careplan.c: care plan rules (see careplan.h). */
#include "core/careplan.h"

#include <string.h>

#include "util/date.h"

static const char *const status_codes[] = {"planned", "active", "completed", "stopped_early", 0};

const char *careplan_status_code(enum careplan_status s)
{
	return (unsigned)s < CAREPLAN_STATUS_COUNT ? status_codes[s] : "";
}

int careplan_status_parse(const char *code, const char *field, enum careplan_status *out, struct dy_err *e)
{
	for (int i = 0; code && status_codes[i]; i++)
		if (strcmp(code, status_codes[i]) == 0) {
			*out = (enum careplan_status)i;
			return 0;
		}
	return dy_fail(e, DY_EINVAL, field, "must be planned, active, completed or stopped_early");
}

int careplan_check_new(const struct intervention_def *def, int *sessions, int32_t start_on, int32_t received,
                       int32_t discharged, const int64_t *practitioners, int n_practitioners,
                       enum careplan_status status, struct dy_err *e)
{
	if (!def)
		return dy_fail(e, DY_EINVAL, "intervention",
		               "is not in the intervention catalogue (dyad interventions list shows it)");
	if (*sessions == 0)
		*sessions = def->planned_sessions;
	if (*sessions < 1 || *sessions > 500)
		return dy_fail(e, DY_EINVAL, "sessions",
		               *sessions == 0 ? "is needed: the catalogue plans no number of sessions for this intervention"
		                              : "must be from 1 to 500");
	if (start_on == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "start", "is required");
	if (start_on < received)
		return dy_fail(e, DY_EINVAL, "start", "is before the referral was received");
	if (discharged != DATE_NONE && start_on > discharged)
		return dy_fail(e, DY_EINVAL, "start", "is after the family was discharged");
	if (n_practitioners < 1 || n_practitioners > CAREPLAN_MAX_PRACTITIONERS)
		return dy_fail(e, DY_EINVAL, "practitioners", "name 1 to %d practitioners (two for a co-working pair)",
		               CAREPLAN_MAX_PRACTITIONERS);
	for (int i = 0; i < n_practitioners; i++)
		for (int j = 0; j < i; j++)
			if (practitioners[i] == practitioners[j])
				return dy_fail(e, DY_EINVAL, "practitioners", "names practitioner %lld twice",
				               (long long)practitioners[i]);
	if (status != CAREPLAN_PLANNED && status != CAREPLAN_ACTIVE)
		return dy_fail(e, DY_EINVAL, "status", "a new plan is planned or active");
	return 0;
}

int careplan_check_move(enum careplan_status from, enum careplan_status to, int32_t on, int32_t start_on,
                        int32_t today, const char *reason, struct dy_err *e)
{
	int ok = (from == CAREPLAN_PLANNED && (to == CAREPLAN_ACTIVE || to == CAREPLAN_STOPPED_EARLY)) ||
	         (from == CAREPLAN_ACTIVE && (to == CAREPLAN_COMPLETED || to == CAREPLAN_STOPPED_EARLY));
	if (!ok)
		return dy_fail(e, DY_ECONFLICT, "status", "a %s plan cannot become %s", careplan_status_code(from),
		               careplan_status_code(to));
	if (on == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "date", "is required");
	if (on > today)
		return dy_fail(e, DY_EINVAL, "date", "is in the future");
	if (to != CAREPLAN_ACTIVE && to != CAREPLAN_STOPPED_EARLY && on < start_on)
		return dy_fail(e, DY_EINVAL, "date", "is before the plan's start");
	if (to == CAREPLAN_STOPPED_EARLY) {
		size_t n = reason ? strlen(reason) : 0;
		if (n == 0)
			return dy_fail(e, DY_EINVAL, "reason", "is required when a plan stops early");
		if (n > CAREPLAN_REASON_MAX)
			return dy_fail(e, DY_EINVAL, "reason", "is longer than %d characters", CAREPLAN_REASON_MAX);
	}
	return 0;
}

int careplan_percent(int delivered, int planned)
{
	if (planned <= 0)
		return 0;
	long p = (long)delivered * 100 / planned;
	return p > 999 ? 999 : (int)p;
}

int32_t careplan_planned_end(const struct intervention_def *def, int32_t start, int32_t infant_born)
{
	if (!def)
		return DATE_NONE;
	if (def->ends_at_age_months)
		return infant_born == DATE_NONE ? DATE_NONE : date_add_months(infant_born, def->ends_at_age_months);
	if (def->planned_span_weeks && start != DATE_NONE)
		return start + 7 * def->planned_span_weeks;
	return DATE_NONE;
}

int careplan_visits_expected(int every, int32_t start, int32_t until, int32_t planned_end)
{
	if (every <= 0 || start == DATE_NONE || until == DATE_NONE)
		return 0;
	if (planned_end != DATE_NONE && planned_end < until)
		until = planned_end;
	if (until < start)
		return 0;
	return 1 + (until - start) / every;
}
