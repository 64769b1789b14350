/* clock.h: the two waiting clocks of an episode (docs/waiting.md).
 *
 * Clock A runs from the day the referral is received to the first attended
 * assessment contact. Clock B runs from that assessment to the first attended
 * intervention contact on or after it. Only an attended contact stops a
 * clock: a did-not-attend, or an appointment cancelled by the family or by
 * the service, does not. Days are calendar days. Targets are configurable;
 * the defaults are the commissioners' standards: 14 days for A, 1 calendar
 * month for B (same day next month, clamped to the month end). A clock on
 * its target day is within target; days_left is target - as_of (negative
 * once breached). A discharge ends an unstopped clock: it no longer counts as
 * waiting, and it is not a met clock either. A clock whose path the episode
 * leaves ends as "left the path", neither met nor breached: clock B when an
 * assessed family is discharged with a planned ending or signposted (no
 * intervention needed); clock A when the first attended contact is an
 * intervention or group with no assessment before it (docs/waiting.md).
 *
 * Everything is computed "as at" a date: events after it have not happened
 * yet. Pure functions over caller-owned values; nothing allocates. */
#ifndef DYAD_CORE_CLOCK_H
#define DYAD_CORE_CLOCK_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

enum clock_which { CLOCK_A = 0, CLOCK_B = 1, CLOCK_COUNT = 2 };

enum clock_unit { CLOCK_UNIT_DAYS, CLOCK_UNIT_MONTHS };

/* A target: `amount` days or calendar months after the clock starts. */
struct clock_target {
	int amount;
	enum clock_unit unit;
};

struct clock_targets {
	struct clock_target t[CLOCK_COUNT];
};

enum clock_status {
	CLOCK_NOT_STARTED, /* A: received after as_of; B: no attended assessment yet */
	CLOCK_WAITING,     /* started, not stopped, not discharged */
	CLOCK_STOPPED,     /* the attended contact happened on or before as_of */
	CLOCK_ENDED,       /* discharged before it stopped: neither waiting nor met */
	CLOCK_LEFT         /* the episode left the path the clock measures: neither met nor breached */
};

/* One contact. The codes are those of core/codes.h (code_contact_kind,
 * code_attendance) and are borrowed, not copied. */
struct clock_contact {
	int32_t date;
	const char *kind;       /* "assessment", "intervention", "group", ... */
	const char *attendance; /* "attended", "did_not_attend", "cancelled_by_family", ... */
};

/* The dates that drive the clocks, reduced from the contacts (or read
 * directly by a query). DATE_NONE when absent. */
struct clock_events {
	int32_t received;     /* referral received; required */
	int32_t assessed;     /* first attended assessment on or after received */
	int32_t intervention; /* first attended intervention on or after assessed */
	int32_t discharged;   /* discharge date */
	int has_direct;       /* 1: `direct` holds the first attended intervention or group with no
	                       * attended assessment on or before it (a pathway without assessment) */
	int32_t direct;
	int discharge_leaves_path; /* clock_discharge_leaves_path of the discharge reason (0: neither) */
};

struct clock_state {
	enum clock_status status;
	int32_t start;   /* DATE_NONE when not started */
	int32_t stop;    /* the attended contact's date, DATE_NONE unless STOPPED */
	int32_t ended;   /* the discharge date (ENDED) or the day the path was left (LEFT), else DATE_NONE */
	int32_t target;  /* the date by which it should stop; DATE_NONE when not started */
	int days_waited; /* start to stop (STOPPED), to discharge (ENDED) or to as_of (WAITING); 0 when not started */
	int days_left;   /* target - as_of (WAITING), target - stop (STOPPED), target - ended (ENDED); 0 when not started */
	int breached;    /* 1 when the clock passed its target: WAITING and as_of > target,
	                    STOPPED and stop > target, ENDED and ended > target */
	int met;         /* 1 only for STOPPED on or before the target */
};

struct clock_result {
	struct clock_state clock[CLOCK_COUNT];
};

/* The defaults: A 14 days, B 1 calendar month. */
void clock_targets_default(struct clock_targets *t);

/* Parses a target such as "14 days", "2 weeks", "1 month" (also "1 day",
 * "6 months"; 0-365 days, 0-52 weeks or 0-24 months) into *out. Returns 0
 * or DY_EINVAL with field. */
int clock_target_parse(const char *field, const char *s, struct clock_target *out, struct dy_err *e);

/* The target date of a clock started on `start`. */
int32_t clock_target_date(const struct clock_target *t, int32_t start);

/* The first contact of the given class: kind_is_intervention 0 looks for
 * "assessment", 1 for "intervention" or "group"; only "attended" counts;
 * dated on or after `from` and on or before `until`. DATE_NONE when none. */
int32_t clock_first_attended(const struct clock_contact *c, size_t n, int kind_is_intervention, int32_t from,
                             int32_t until);

/* Reduces contacts to clock events: received and discharged as given, the
 * first attended assessment on or after received, the first attended
 * intervention (or group session) on or after that assessment, and one
 * before any assessment (has_direct). Contacts after the discharge date are
 * ignored; discharge_leaves_path is 0 (set it from the discharge reason). */
void clock_events_from_contacts(int32_t received, const struct clock_contact *c, size_t n, int32_t discharged,
                                struct clock_events *out);

/* Computes both clocks as at as_of from the events (events after as_of have
 * not happened). Returns 0, or DY_EINVAL when the events are inconsistent
 * (no received date; assessed before received; intervention before assessed;
 * discharged before received), naming the field. */
int clock_compute_events(const struct clock_events *ev, const struct clock_targets *t, int32_t as_of,
                         struct clock_result *out, struct dy_err *e);

/* clock_events_from_contacts then clock_compute_events. t may be NULL for the
 * defaults; discharged may be DATE_NONE. */
int clock_compute(int32_t received, const struct clock_contact *c, size_t n, int32_t discharged,
                  const struct clock_targets *t, int32_t as_of, struct clock_result *out, struct dy_err *e);

/* What a discharge for this reason does to the clocks: CLOCK_LEAVES_B when
 * it means no intervention was needed (planned_ending, signposted): clock
 * B then ends as left the path; CLOCK_LEAVES_BOTH for a bereavement (a
 * pregnancy loss, stillbirth or infant death): both clocks still running
 * end as left the path, neither met nor breached; else 0. */
#define CLOCK_LEAVES_B 1
#define CLOCK_LEAVES_BOTH 2
int clock_discharge_leaves_path(const char *reason);

/* The status as a storage/report code: "not_started", "waiting", "stopped",
 * "ended" or "left_path". */
const char *clock_status_code(enum clock_status s);

#endif
