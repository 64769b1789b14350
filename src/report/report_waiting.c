/* report_waiting.c: the waiting report as a typed result: waiting times
 * against the two standards over a period and by month (docs/waiting.md).
 * JSON nests the figures by clock ({"clocks": {"A": ...}}, months with A
 * and B); the flat formats give one row per period and clock. */
#include "report/report.h"

#include <stdio.h>
#include <string.h>

#include "app/app_pathway.h"
#include "util/date.h"
#include "util/str.h"

static const char *target_text(const struct clock_target *t, char *out, size_t n)
{
	snprintf(out, n, "%d %s%s", t->amount, t->unit == CLOCK_UNIT_DAYS ? "day" : "month", t->amount == 1 ? "" : "s");
	return out;
}

/* The figures' columns, named with prefix ("A." nests them in JSON). */
static int fig_cols(struct rep_table *t, const char *prefix)
{
	static const char *const names[] = {"n", "median_days", "p90_days", "max_days", "pct_within_target",
	                                    "ended", "left_path", "still_waiting", "breached_still_waiting"};
	int first = -1;
	for (int i = 0; i < 9; i++) {
		char name[REP_NAME];
		snprintf(name, sizeof name, "%s%s", prefix, names[i]);
		enum rep_type ty = i == 0 || i >= 5 ? REP_COUNT : i == 4 ? REP_NUM : REP_INT;
		int c = rep_col(t, name, ty, i == 4 ? 1 : 0, i >= 1 && i <= 4 ? first : -1);
		if (i == 0)
			first = c;
	}
	return first;
}

static void fig_set(struct rep_table *t, size_t row, int c, const struct waiting_figures *f)
{
	rep_set_int(t, row, c, (int64_t)f->n);
	if (f->n) {
		rep_set_int(t, row, c + 1, f->median_days);
		rep_set_int(t, row, c + 2, f->p90_days);
		rep_set_int(t, row, c + 3, f->max_days);
		rep_set_num(t, row, c + 4, f->pct_within_target);
	}
	rep_set_int(t, row, c + 5, (int64_t)f->ended);
	rep_set_int(t, row, c + 6, (int64_t)f->left_path);
	rep_set_int(t, row, c + 7, (int64_t)f->still_waiting);
	rep_set_int(t, row, c + 8, (int64_t)f->breached_still_waiting);
}

static void month_name(const struct waiting_month *m, char out[12])
{
	snprintf(out, 12, "%04d-%02d", m->year % 10000, (m->month % 100 + 100) % 100);
}

int report_waiting(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e)
{
	struct waiting_report w;
	memset(&w, 0, sizeof w);
	int rc = app_waiting_report_team(a, p->from, p->to, p->team, &p->targets, &w, e);
	if (rc) {
		waiting_report_free(&w);
		return rc;
	}
	char ta[32], tb[32], df[DATE_LEN], dt[DATE_LEN];
	target_text(&p->targets.t[CLOCK_A], ta, sizeof ta);
	target_text(&p->targets.t[CLOCK_B], tb, sizeof tb);
	date_format(p->from, df);
	date_format(p->to, dt);
	snprintf(r->intro, sizeof r->intro,
	         "Waiting times, %s to %s. Clock A: referral to first attended assessment (target %s);"
	         " clock B: assessment to first attended intervention (target %s).\n"
	         "n, median, p90, max and %% within target are over clocks that stopped in the period;"
	         " still waiting as at the period's (or month's) last day.",
	         df, dt, ta, tb);
	if (w.skipped)
		snprintf(r->notice, sizeof r->notice, "%zu referral(s) left out: their dates are inconsistent", w.skipped);

	rep_fact_int(r, "from", REP_DATE, p->from, REP_IN_ALL);
	rep_fact_int(r, "to", REP_DATE, p->to, REP_IN_ALL);
	struct rep_table *t = rep_table(r, "targets", "Targets", REP_RECORD, REP_IN_JSON);
	rep_col(t, "A", REP_TEXT, 0, -1);
	rep_col(t, "B", REP_TEXT, 0, -1);
	size_t row = rep_row(t);
	rep_set_text(t, row, 0, ta);
	rep_set_text(t, row, 1, tb);

	t = rep_table(r, "clocks", "Whole period", REP_KEYED, REP_IN_JSON);
	rep_col(t, "clock", REP_TEXT, 0, -1);
	int c = fig_cols(t, "");
	for (int k = 0; k < CLOCK_COUNT; k++) {
		row = rep_row(t);
		rep_set_text(t, row, 0, k == CLOCK_A ? "A" : "B");
		fig_set(t, row, c, &w.clock[k]);
	}

	t = rep_table(r, "months", "By month", REP_ROWS, REP_IN_JSON);
	rep_col(t, "month", REP_TEXT, 0, -1);
	rep_col(t, "as_at", REP_DATE, 0, -1);
	int ca = fig_cols(t, "A."), cb = fig_cols(t, "B.");
	for (size_t i = 0; i < w.n_months; i++) {
		char mon[12];
		month_name(&w.months[i], mon);
		row = rep_row(t);
		rep_set_text(t, row, 0, mon);
		rep_set_int(t, row, 1, w.months[i].as_at);
		fig_set(t, row, ca, &w.months[i].clock[CLOCK_A]);
		fig_set(t, row, cb, &w.months[i].clock[CLOCK_B]);
	}
	for (int k = 0; k < CLOCK_COUNT; k++) {
		const struct clock_target *tg = &p->targets.t[k];
		char title[160], ref[64];
		snprintf(title, sizeof title, "Clock %s: days waited by clocks that stopped in each month, median and 90th"
		         " centile, against the target", k == CLOCK_A ? "A (referral to assessment)" : "B (assessment to"
		         " intervention)");
		struct rep_chart *ch = rep_chart(r, CHART_HBARS, "months", title, "days waited");
		if (!ch)
			break;
		ch->label_col[0] = 0;
		ch->nlabel = 1;
		ch->cols[0] = (k == CLOCK_A ? ca : cb) + 1;
		ch->cols[1] = (k == CLOCK_A ? ca : cb) + 2;
		ch->ncols = 2;
		ch->ref = tg->unit == CLOCK_UNIT_DAYS ? tg->amount : tg->amount * 30.44;
		snprintf(ref, sizeof ref, "target %s%s", k == CLOCK_A ? ta : tb, tg->unit == CLOCK_UNIT_DAYS ? "" : " (about)");
		str_copy(ch->ref_label, sizeof ch->ref_label, ref);
	}
	rep_fact_int(r, "left_out", REP_COUNT, (int64_t)w.skipped, REP_IN_JSON);

	t = rep_table(r, "figures", "", REP_ROWS, REP_IN_FLAT);
	rep_col(t, "period", REP_TEXT, 0, -1);
	rep_col(t, "clock", REP_TEXT, 0, -1);
	c = fig_cols(t, "");
	for (size_t i = 0; i <= w.n_months; i++) {
		char period[12] = "all";
		if (i)
			month_name(&w.months[i - 1], period);
		for (int k = 0; k < CLOCK_COUNT; k++) {
			row = rep_row(t);
			rep_set_text(t, row, 0, period);
			rep_set_text(t, row, 1, k == CLOCK_A ? "A" : "B");
			fig_set(t, row, c, i ? &w.months[i - 1].clock[k] : &w.clock[k]);
		}
	}
	waiting_report_free(&w);
	return 0;
}
