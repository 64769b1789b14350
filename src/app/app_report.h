/* app_report.h: the reads behind the outcomes, completeness and
 * safeguarding reports (docs/reports.md), each in one read transaction,
 * with the figures worked out by core/ (outcome.h, safeguard_outcome.h).
 * Figures only: the team's aggregate scope (manager, clinician, analyst).
 * Each read takes team: a team's code to count only its families (one of
 * the user's teams, else DY_ENOTFOUND "no such team"), or NULL for every
 * team the database holds. */
#ifndef DYAD_APP_APP_REPORT_H
#define DYAD_APP_APP_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "core/equity.h"
#include "core/outcome.h"
#include "core/safeguard_outcome.h"

/* One scale's outcome figures. */
struct app_outcome_scale {
	char instrument[32];
	char scale[32];
	const char *direction; /* instrument_direction_name */
	struct outcome_scale f;
};

/* One instrument's completeness: eligible episodes (discharged in the
 * period, the instrument given at least once at any timepoint) and how many
 * of them have a baseline, an end, and a baseline and end of the same
 * respondent and subject. */
struct app_completeness {
	char instrument[32];
	int64_t eligible, with_baseline, with_end, with_both;
};

struct app_outcomes {
	int64_t discharged;                 /* episodes discharged in the period */
	struct app_outcome_scale *scales;   /* by instrument, then the definition's order */
	size_t n_scales;
	struct app_completeness *inst;      /* by instrument */
	size_t n_inst;
	size_t unknown;                     /* instruments left out: no definition loaded */
};

/* The outcome figures of every scale, and every instrument's completeness,
 * for the episodes discharged in [from, to] (*out initialised here; free it
 * with app_outcomes_free, also on failure). Pairs: within an episode, for
 * the same respondent and subject, the earliest baseline with the latest end
 * score of the scale. Returns 0, DY_EFORBIDDEN, or a store error. */
int app_report_outcomes(struct app *a, int32_t from, int32_t to, const char *team, struct app_outcomes *out,
                        struct dy_err *e);

void app_outcomes_free(struct app_outcomes *o);

/* The safeguarding figures of the infants of the episodes discharged in
 * [from, to]: the status in force on the referral date against the one in
 * force on the discharge date (the highest level when several are), and the
 * care status recorded at discharge. Returns 0, DY_EFORBIDDEN, or a store
 * error. */
int app_report_safeguarding(struct app *a, int32_t from, int32_t to, const char *team, struct sg_outcome *out,
                            struct dy_err *e);

/* One group of a count of the activity report. */
struct app_count {
	char key1[48], key2[24];
	int64_t n;
};

#define APP_ACTIVITY_COUNTS 6 /* enum store_report_count */

struct app_activity {
	struct app_count *c[APP_ACTIVITY_COUNTS]; /* by enum store_report_count */
	size_t n[APP_ACTIVITY_COUNTS];
	int64_t caseload;                         /* episodes open on the period's last day */
};

/* The activity counts over [from, to] (store_report.h says what each is),
 * in one read transaction; *out initialised here, freed with
 * app_activity_free (also on failure). */
int app_report_activity(struct app *a, int32_t from, int32_t to, const char *team, struct app_activity *out,
                        struct dy_err *e);

void app_activity_free(struct app_activity *o);

/* The equity figures by group (core/equity.h; docs/reports.md defines
 * them): each referral counts once, in the groups of its referred
 * caregiver. */
struct app_equity {
	struct equity_counts decile[EQUITY_DECILES];
	struct equity_counts quintile[EQUITY_QUINTILES];
	struct equity_counts ethnic[EQUITY_ETHNIC];
	struct equity_counts relation[EQUITY_RELATION];
	struct equity_counts total;
};

/* The equity figures over [from, to] in one read transaction: referrals
 * received, decisions made, and episodes accepted and discharged with
 * their completeness and reliable improvement (on each instrument's first
 * scale, as the outcomes report classifies it). When outcomes is not NULL,
 * the period's outcomes, read on the way, are kept there as
 * app_report_outcomes gives them (the caller frees them with
 * app_outcomes_free), so that the quarterly reads the scores once. Returns
 * 0, DY_EFORBIDDEN, DY_ENOTFOUND (team), or a store error. */
int app_report_equity(struct app *a, int32_t from, int32_t to, const char *team, struct app_equity *out,
                      struct app_outcomes *outcomes, struct dy_err *e);

#endif
