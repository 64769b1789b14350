/* careplan.h: the rules of a care plan, once. A care plan is the list of
 * interventions chosen for one episode: each with its start date, planned
 * sessions, practitioners (one, or a co-working pair, up to
 * CAREPLAN_MAX_PRACTITIONERS) and status: planned -> active -> completed,
 * or stopped early (from planned or active) with the date and the reason.
 * Progress is sessions delivered (attended contacts of the episode that
 * name the intervention, from its start) against planned. Entry
 * (app/app_careplan.c) asks these. Pure. */
#ifndef DYAD_CORE_CAREPLAN_H
#define DYAD_CORE_CAREPLAN_H

#include <stdint.h>

#include "core/intervention.h"
#include "util/err.h"
#include "util/limits.h"

#define CAREPLAN_MAX_PRACTITIONERS 4
#define CAREPLAN_MAX_GOALS 3
#define CAREPLAN_REASON_MAX LIMIT_FREE_TEXT

enum careplan_status {
	CAREPLAN_PLANNED = 0,   /* "planned" */
	CAREPLAN_ACTIVE,        /* "active" */
	CAREPLAN_COMPLETED,     /* "completed" */
	CAREPLAN_STOPPED_EARLY, /* "stopped_early": with a date and a reason */
	CAREPLAN_STATUS_COUNT
};

/* The status's code ("stopped_early"), or "" out of range. */
const char *careplan_status_code(enum careplan_status s);

/* Parses a status code; DY_EINVAL naming field when it is not one. */
int careplan_status_parse(const char *code, const char *field, enum careplan_status *out, struct dy_err *e);

/* A new plan item: def is the catalogue's entry (NULL: not in the
 * catalogue, DY_EINVAL naming "intervention"); *sessions 0 takes the
 * catalogue's planned_sessions, and the result must be 1-500 ("sessions");
 * start_on not before the referral was received nor after its discharge
 * (DATE_NONE: open) ("start"); 1-CAREPLAN_MAX_PRACTITIONERS practitioners,
 * none twice ("practitioners"); status planned or active ("status"). */
int careplan_check_new(const struct intervention_def *def, int *sessions, int32_t start_on, int32_t received,
                       int32_t discharged, const int64_t *practitioners, int n_practitioners,
                       enum careplan_status status, struct dy_err *e);

/* A move from `from` to `to` on date `on` (after the start, not after
 * today): planned -> active | stopped_early; active -> completed |
 * stopped_early. stopped_early needs a reason (1-CAREPLAN_REASON_MAX bytes,
 * "reason"). DY_ECONFLICT naming "status" for a move the rules forbid. */
int careplan_check_move(enum careplan_status from, enum careplan_status to, int32_t on, int32_t start_on,
                        int32_t today, const char *reason, struct dy_err *e);

/* The plan's planned end: the day the child reaches def's
 * ends_at_age_months (from infant_born, its birth or, unborn, its EDD;
 * DATE_NONE: unknown) when the intervention ends at an age, else start plus
 * its planned_span_weeks; DATE_NONE when neither applies or def is NULL. */
int32_t careplan_planned_end(const struct intervention_def *def, int32_t start, int32_t infant_born);

/* Home visits a plan expects by day `until` with one every `every` days
 * from start: one on the start day and one per full period after it, not
 * counting past planned_end (DATE_NONE: open). 0 when every is 0 or until
 * is before start. */
int careplan_visits_expected(int every, int32_t start, int32_t until, int32_t planned_end);

/* Whole percent of planned delivered (0 when planned is 0), capped at 999. */
int careplan_percent(int delivered, int planned);

#endif
