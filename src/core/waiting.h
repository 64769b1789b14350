/* waiting.h: the waiting list (who is waiting, most urgent first) and the
 * waiting report (how long clocks took to stop in a period), built from
 * clock results (core/clock.h). docs/waiting.md documents every figure.
 *
 * Sized for 100,000+ families: sorting is O(n log n), the report keeps one
 * growable array per clock (doubling, never one allocation per family) and
 * computes monthly "still waiting" counts with a difference array over
 * months rather than by re-scanning the families for every month. */
#ifndef DYAD_CORE_WAITING_H
#define DYAD_CORE_WAITING_H

#include <stddef.h>
#include <stdint.h>

#include "core/clock.h"
#include "util/err.h"

#define WAITING_MAX_MONTHS 1200 /* longest report period: 100 years */

/* One clock that is waiting, for the waiting list. */
struct waiting_entry {
	int64_t episode_id;
	enum clock_which clock;
	int32_t start;
	int32_t target;
	int days_waited;
	int days_left; /* negative when breached */
};

/* Figures for one clock over one period. With n == 0 the day figures are -1
 * and pct_within_target is -1 (nothing to summarise: render as blank). */
struct waiting_figures {
	size_t n;                      /* clocks that stopped in the period */
	size_t within_target;          /* of those, how many stopped on or before the target */
	int median_days;               /* nearest-rank 50th percentile of days waited */
	int p90_days;                  /* nearest-rank 90th percentile */
	int max_days;
	double pct_within_target;      /* 100 * within_target / n */
	size_t ended;                  /* clocks ended by discharge (unstopped) in the period */
	size_t left_path;              /* clocks ended in the period because the episode left their path
	                                * (no intervention needed, or no assessment): neither met nor breached */
	size_t still_waiting;          /* waiting as at the period's last day */
	size_t breached_still_waiting; /* of those, past their target as at that day */
};

struct waiting_month {
	int year, month;  /* calendar month of stop */
	int32_t as_at;    /* last day of the month, or the report's `to` if earlier */
	struct waiting_figures clock[CLOCK_COUNT];
};

/* stops of one clock, collected during waiting_report_add (internal). */
struct waiting_stop {
	int days;
	int month; /* index into months */
	int met;
};

/* A report over [from, to]. Fields below "internal" are working storage. */
struct waiting_report {
	int32_t from, to;
	struct waiting_figures clock[CLOCK_COUNT]; /* the whole period; still_waiting as at `to` */
	struct waiting_month *months;              /* heap, n_months, oldest first */
	size_t n_months;
	size_t skipped; /* referrals left out: their dates are inconsistent (said, never silent) */
	/* internal */
	int32_t *snap;                         /* as_at of each month */
	long *delta[CLOCK_COUNT][2];           /* difference arrays: waiting, breached */
	struct waiting_stop *stops[CLOCK_COUNT];
	size_t n_stops[CLOCK_COUNT], cap_stops[CLOCK_COUNT];
};

/* Writes the waiting clocks of one episode's result into out and returns how
 * many (0 or 1: clock B starts only when clock A stops). */
size_t waiting_entries_from_result(int64_t episode_id, const struct clock_result *r,
                                   struct waiting_entry out[CLOCK_COUNT]);

/* The kinds of booked appointment that would stop clock (when attended):
 * "assessment" for clock A; "intervention" or "group" for clock B. */
int waiting_booking_stops(enum clock_which clock, const char *kind);

/* Whether a booking on day `booked` would stop w's clock within its
 * target: "within target" on or before the target day, "after target"
 * past it, "" when nothing is booked (DATE_NONE). */
const char *waiting_booking_verdict(const struct waiting_entry *w, int32_t booked);

/* Sorts by urgency: fewest days left first, then longest waited, then clock
 * A before B, then episode id. */
void waiting_sort(struct waiting_entry *e, size_t n);

/* Keeps (in order, in place) the entries already breached or that breach
 * within `days` days unless seen: days_left < days. Returns the new count.
 * days = 0 keeps the breached only; days = 1 adds those due today. */
size_t waiting_filter_breach_within(struct waiting_entry *e, size_t n, int days);

/* The nearest-rank p-th percentile (0-100) of n sorted values: the value of
 * rank ceil(p/100 * n) (1-based, at least 1). Returns -1 when n == 0. */
int waiting_percentile(const int *sorted, size_t n, int p);

/* Starts a report over [from, to] (inclusive). Returns 0, or DY_EINVAL when
 * a date is missing, from > to, or the period spans more than
 * WAITING_MAX_MONTHS months. Free with waiting_report_free, also on failure. */
int waiting_report_init(struct waiting_report *r, int32_t from, int32_t to, struct dy_err *e);

/* Adds one episode's clocks, computed by clock_compute as at the report's
 * `to` or any later date (a stop after `to` counts as still waiting at `to`;
 * an earlier as_of would miss events and must not be used). */
void waiting_report_add(struct waiting_report *r, const struct clock_result *c);

/* Computes every figure from what was added. Call once, after the last add. */
void waiting_report_finish(struct waiting_report *r);

/* Frees what r holds (not r itself). */
void waiting_report_free(struct waiting_report *r);

/* init + add each of the n results + finish. */
int waiting_report_compute(const struct clock_result *c, size_t n, int32_t from, int32_t to,
                           struct waiting_report *r, struct dy_err *e);

#endif
