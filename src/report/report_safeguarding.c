/* report_safeguarding.c: the safeguarding report: each infant's status at
 * referral against at discharge (a start x end table with totals), the
 * shares de-escalated, unchanged and escalated, and care status at
 * discharge (docs/reports.md). */
#include "report/report.h"

#include <stdio.h>

#include "app/app_report.h"
#include "core/codes.h"
#include "util/date.h"

/* The levels in order (code_safeguarding_level), as codes. */
static const char *const level_code[SG_LEVELS] = {"none", "early_help", "child_in_need", "child_protection_plan",
                                                  "edge_of_care", "looked_after"};

void report_safeguarding_tables(struct rep_result *r, const struct sg_outcome *o, const char *prefix)
{
	char key[REP_NAME];
	snprintf(key, sizeof key, "%stransitions", prefix);
	struct rep_table *t = rep_table(r, key, "Safeguarding: status at referral (rows) against at discharge (columns)",
	                                REP_ROWS, REP_IN_ALL);
	rep_col(t, "at_referral", REP_TEXT, 0, -1);
	for (int k = 0; k < SG_LEVELS; k++)
		rep_col(t, level_code[k], REP_COUNT, 0, -1);
	int tot = rep_col(t, "total", REP_COUNT, 0, -1);
	t->part_from = 1;
	t->part_to = 1 + SG_LEVELS;
	t->total_col = tot;
	t->total_row = SG_LEVELS;
	int64_t col_total[SG_LEVELS] = {0}, grand = 0;
	for (int s = 0; s < SG_LEVELS; s++) {
		size_t row = rep_row(t);
		rep_set_text(t, row, 0, level_code[s]);
		int64_t sum = 0;
		for (int d = 0; d < SG_LEVELS; d++) {
			rep_set_int(t, row, 1 + d, (int64_t)o->table[s][d]);
			sum += (int64_t)o->table[s][d];
			col_total[d] += (int64_t)o->table[s][d];
		}
		rep_set_int(t, row, tot, sum);
		grand += sum;
	}
	size_t row = rep_row(t);
	rep_set_text(t, row, 0, "total");
	for (int d = 0; d < SG_LEVELS; d++)
		rep_set_int(t, row, 1 + d, col_total[d]);
	rep_set_int(t, row, tot, grand);

	snprintf(key, sizeof key, "%ssummary", prefix);
	t = rep_table(r, key, "Safeguarding: change and care status at discharge", REP_RECORD, REP_IN_ALL);
	int n = rep_col(t, "n", REP_COUNT, 0, -1);
	int de = rep_col(t, "pct_deescalated", REP_NUM, 1, n);
	int un = rep_col(t, "pct_unchanged", REP_NUM, 1, n);
	int es = rep_col(t, "pct_escalated", REP_NUM, 1, n);
	int ck = rep_col(t, "n_care_known", REP_COUNT, 0, -1);
	int rr = rep_col(t, "pct_remained_or_reunited", REP_NUM, 1, ck);
	int nh = rep_col(t, "n_high", REP_COUNT, 0, -1);
	int hd = rep_col(t, "pct_high_deescalated", REP_NUM, 1, nh);
	int hk = rep_col(t, "n_high_care_known", REP_COUNT, 0, -1);
	int hr = rep_col(t, "pct_high_remained_or_reunited", REP_NUM, 1, hk);
	row = rep_row(t);
	rep_set_int(t, row, n, (int64_t)o->n);
	rep_set_num(t, row, de, o->pct_deescalated);
	rep_set_num(t, row, un, o->pct_unchanged);
	rep_set_num(t, row, es, o->pct_escalated);
	rep_set_int(t, row, ck, (int64_t)o->n_care_known);
	rep_set_num(t, row, rr, o->pct_remained_or_reunited);
	rep_set_int(t, row, nh, (int64_t)o->n_high);
	rep_set_num(t, row, hd, o->pct_high_deescalated);
	rep_set_int(t, row, hk, (int64_t)o->n_high_care_known);
	rep_set_num(t, row, hr, o->pct_high_remained_or_reunited);
}

int report_safeguarding(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e)
{
	struct sg_outcome o;
	int rc = app_report_safeguarding(a, p->from, p->to, p->team, &o, e);
	if (rc)
		return rc;
	report_intro(r, p, "Safeguarding of the infants of the episodes discharged",
	             ": the status in force on the referral date against the one in force on the discharge date "
	             "(none < early help < child in need < child protection plan < edge of care < looked after),"
	             " and care status at discharge. n_high: infants who started on a child protection plan or "
	             "above.");
	report_safeguarding_tables(r, &o, "");
	return 0;
}
