/* report_quarterly.c: the commissioner's quarterly report: waiting times,
 * outcomes, completeness, safeguarding, activity and equity for one quarter, as one
 * result (JSON nests each under its name: {"waiting": {...}, ...}). The
 * quarter's outcomes are read once, with the equity figures, for outcomes,
 * completeness and equity. */
#include "report/report.h"

#include <stdio.h>
#include <string.h>

#include "app/app_report.h"
#include "util/date.h"
#include "util/str.h"

int report_quarter_parse(const char *s, int32_t *from, int32_t *to, struct dy_err *e)
{
	int y, q;
	char tail;
	if (!s || sscanf(s, "%4dQ%1d%c", &y, &q, &tail) != 2 || strlen(s) != 6 || q < 1 || q > 4 || y < 1900)
		return dy_fail(e, DY_EINVAL, "quarter", "must be a year and quarter, like 2026Q3");
	int m = 3 * (q - 1) + 1;
	if (date_from_ymd(y, m, 1, from) || date_from_ymd(y, m + 2, date_days_in_month(y, m + 2), to))
		return dy_fail(e, DY_EINVAL, "quarter", "must be a year and quarter, like 2026Q3");
	return 0;
}

int report_quarterly(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e)
{
	static const char *const parts[] = {"waiting", "outcomes", "completeness", "safeguarding", "activity", "equity"};
	static const char *const skip[] = {"from", "to", NULL};
	report_intro(r, p, "Quarterly report for commissioners,",
	             ": waiting times against the two standards, outcomes and completeness of the measures and "
	             "safeguarding for the episodes discharged in the quarter, activity, and equity of access and "
	             "outcome by deprivation, ethnic group and caregiver. docs/reports.md "
	             "defines every figure.");
	struct report_params sub = *p;
	sub.publish = 0; /* suppression runs once, over the whole result */
	struct app_outcomes o;
	struct app_equity eq;
	int rc = app_report_equity(a, p->from, p->to, p->team, &eq, &o, e);
	sub.outcomes = &o;
	sub.equity = &eq;
	for (size_t i = 0; !rc && i < sizeof parts / sizeof parts[0]; i++) {
		struct rep_result part;
		rc = report_build(a, parts[i], &sub, &part, e);
		if (!rc) {
			if (part.notice[0] && !r->notice[0])
				str_copy(r->notice, sizeof r->notice, part.notice);
			rep_adopt(r, &part, parts[i], skip);
		}
		rep_free(&part);
	}
	app_outcomes_free(&o);
	return rc;
}
