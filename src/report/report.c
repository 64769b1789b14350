/* report.c: the table of reports and report_build (report.h). */
#include "report/report.h"

#include <stdio.h>
#include <string.h>

#include "app/app_report_db.h"
#include "app/app_scope.h"
#include "util/date.h"

struct report_kind {
	const char *name, *title;
	int (*build)(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e);
};

static const struct report_kind kinds[] = {
	{"waiting", "Waiting times", report_waiting},
	{"outcomes", "Outcomes", report_outcomes},
	{"completeness", "Completeness of outcome measures", report_completeness},
	{"safeguarding", "Safeguarding outcomes", report_safeguarding},
	{"activity", "Activity", report_activity},
	{"equity", "Equity of access and outcome", report_equity},
	{"quarterly", "Quarterly report", report_quarterly},
	{"workforce", "Workforce activity", report_workforce},
	{"feedback", "Family feedback", report_feedback},
};

const char *const report_names[] = {"waiting", "outcomes", "completeness", "safeguarding", "activity", "equity", "quarterly", "workforce", "feedback", NULL};

const char *report_title(const char *name)
{
	for (size_t i = 0; name && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return kinds[i].title;
	return name;
}

/* One report's build, run on the report database (app_report_db.h). */
struct build_call {
	const struct report_kind *k;
	const struct report_params *p;
	struct rep_result *r;
};

static int build_on(struct app *a, void *ctx, struct dy_err *e)
{
	struct build_call *c = ctx;
	return c->k->build(a, c->p, c->r, e);
}

int report_build(struct app *a, const char *name, const struct report_params *p, struct rep_result *r,
                 struct dy_err *e)
{
	rep_init(r, name ? name : "", "");
	const struct report_kind *k = NULL;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (name && strcmp(kinds[i].name, name) == 0)
			k = &kinds[i];
	if (!k)
		return dy_fail(e, DY_ENOTFOUND, "report", "is not one dyad knows");
	if (p->from == DATE_NONE || p->to == DATE_NONE)
		return dy_fail(e, DY_EINVAL, p->from == DATE_NONE ? "from" : "to", "is required: a date, YYYY-MM-DD");
	if (p->to < p->from)
		return dy_fail(e, DY_EINVAL, "to", "is before the period's first day (from)");
	rep_init(r, k->name, k->title);
	int rc = app_report_db_run(a, build_on, &(struct build_call){k, p, r}, e);
	/* Published whatever was asked, for a role that sees no other form. */
	if (!rc && (p->publish || app_scope_published_only(a)))
		report_suppress(r);
	return rc;
}

void report_intro(struct rep_result *r, const struct report_params *p, const char *head, const char *tail)
{
	char df[DATE_LEN], dt[DATE_LEN];
	date_format(p->from, df);
	date_format(p->to, dt);
	snprintf(r->intro, sizeof r->intro, "%s %s to %s%s", head, df, dt, tail);
	rep_fact_int(r, "from", REP_DATE, p->from, REP_IN_ALL);
	rep_fact_int(r, "to", REP_DATE, p->to, REP_IN_ALL);
}
