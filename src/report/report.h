/* report.h: the reports dyad produces, each built as a typed result
 * (report/rep.h) from one read of the database through app/, and written
 * by report/render.h in the format asked for. docs/reports.md defines every
 * figure. The CLI (`dyad report NAME`) and the API (/api/v1/reports/NAME)
 * both go through report_build. */
#ifndef DYAD_REPORT_REPORT_H
#define DYAD_REPORT_REPORT_H

#include <stdint.h>

#include "app/app.h"
#include "core/clock.h"
#include "report/rep.h"
#include "util/err.h"

struct app_outcomes;

/* What a report is asked for. */
struct report_params {
	int32_t from, to;              /* the period, both days included */
	struct clock_targets targets;  /* waiting standards (clock_targets_default unless given) */
	int publish;                   /* 1: small numbers suppressed (--publish, and the analyst role) */
	const struct app_outcomes *outcomes; /* the outcomes of the period already read (the quarterly
	                                      * reads them once for outcomes and completeness);
	                                      * NULL: those reports read them */
	const struct app_equity *equity;     /* the equity figures already read (the quarterly reads
	                                      * them with the outcomes); NULL: the equity report reads them */
	const char *team;              /* a team's code: only its families count (app/ checks it is the
	                                * user's); NULL for every team the database holds */
};

/* The report named name ("waiting", "outcomes", ...) for p into *r
 * (initialised here; the caller frees it with rep_free, also on failure).
 * r->notice, when not empty, is a sentence for the person who ran it (for
 * example referrals left out for inconsistent dates). Returns 0,
 * DY_ENOTFOUND for an unknown name (field "report"), DY_EINVAL for a bad
 * period (field "to"), or the read's error. The read is made on the report
 * database when the process has one (app_report_db.h: --report-db). */
int report_build(struct app *a, const char *name, const struct report_params *p, struct rep_result *r,
                 struct dy_err *e);

/* The names report_build knows, NULL-terminated. */
extern const char *const report_names[];

/* The title of the report named name ("Waiting times"), or name itself
 * when it is not one report_build knows. */
const char *report_title(const char *name);

/* The builders (report_build calls them after checking the period). */
int report_waiting(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e);
int report_outcomes(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e);
int report_completeness(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e);
int report_safeguarding(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e);
int report_activity(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e);
int report_equity(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e);
int report_quarterly(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e);
int report_workforce(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e);
int report_feedback(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e);

/* "2026Q3" into its first and last days; 0 or DY_EINVAL (field "quarter"). */
int report_quarter_parse(const char *s, int32_t *from, int32_t *to, struct dy_err *e);

/* Writes r's introduction "HEAD FROM to TOTAIL" and adds the period's
 * from and to facts. */
void report_intro(struct rep_result *r, const struct report_params *p, const char *head, const char *tail);

/* The tables of those reports, added to r under key (or key prefix), for
 * the reports that combine them. */
struct app_outcomes;
struct sg_outcome;
void report_outcome_table(struct rep_result *r, const struct app_outcomes *o, const char *key);
void report_completeness_table(struct rep_result *r, const struct app_outcomes *o, const char *key);
void report_safeguarding_tables(struct rep_result *r, const struct sg_outcome *o, const char *prefix);
void report_outcome_charts(struct rep_result *r, const char *key);
void report_completeness_charts(struct rep_result *r, const char *key);
struct app_equity;
/* The equity breakdowns under prefix + "imd_decile", "imd_quintile",
 * "ethnic_group", "caregiver" (declared for suppression) and their chart. */
void report_equity_tables(struct rep_result *r, const struct app_equity *o, const char *prefix);
struct app_activity;
int report_activity_tables(struct rep_result *r, const struct report_params *p, const struct app_activity *o,
                           struct dy_err *e);

/* Hides the small numbers of every table and fact of r by the rule of
 * core/suppress.h (docs/reports.md): counts 1-4, figures over fewer than 5,
 * and secondary suppression on the tables that declare their totals.
 * Marks r published. */
void report_suppress(struct rep_result *r);

#endif
