/* report_equity.c: the equity report: referrals, acceptance, completeness
 * and reliable improvement by deprivation decile and quintile, ethnic group
 * and caregiver relationship, from app_report_equity (docs/reports.md
 * defines every figure). Each breakdown is a list of groups with its total
 * row; suppression protects each column with its total, and the deciles
 * with the quintiles they add into. */
#include "report/report.h"

#include <math.h>
#include <stdio.h>

#include "app/app_report.h"

static double pct(int64_t k, int64_t n)
{
	return n ? 100.0 * (double)k / (double)n : NAN;
}

/* One breakdown: rows named names[0..n) with their counts, then "total". */
static struct rep_table *breakdown(struct rep_result *r, const char *key, const char *title, const char *group,
                                   const char *const *names, const struct equity_counts *c, int n,
                                   const struct equity_counts *total)
{
	struct rep_table *t = rep_table(r, key, title, REP_ROWS, REP_IN_ALL);
	rep_col(t, group, REP_TEXT, 0, -1);
	int ref = rep_col(t, "referrals", REP_COUNT, 0, -1);
	int dec = rep_col(t, "decided", REP_COUNT, 0, -1);
	int acc = rep_col(t, "accepted", REP_COUNT, 0, -1);
	int pa = rep_col(t, "pct_accepted", REP_NUM, 1, dec);
	rep_col_numer(t, pa, acc);
	int eli = rep_col(t, "eligible", REP_COUNT, 0, -1);
	int both = rep_col(t, "with_both", REP_COUNT, 0, -1);
	int pc = rep_col(t, "pct_complete", REP_NUM, 1, eli);
	rep_col_numer(t, pc, both);
	int np = rep_col(t, "n_pairs", REP_COUNT, 0, -1);
	int nr = rep_col(t, "n_reliable_improvement", REP_COUNT, 0, -1);
	int pr = rep_col(t, "pct_reliable_improvement", REP_NUM, 1, np);
	rep_col_numer(t, pr, nr);
	for (int i = 0; i <= n; i++) {
		const struct equity_counts *x = i < n ? &c[i] : total;
		size_t row = rep_row(t);
		rep_set_text(t, row, 0, i < n ? names[i] : "total");
		rep_set_int(t, row, ref, x->referrals);
		rep_set_int(t, row, dec, x->decided);
		rep_set_int(t, row, acc, x->accepted);
		rep_set_num(t, row, pa, pct(x->accepted, x->decided));
		rep_set_int(t, row, eli, x->eligible);
		rep_set_int(t, row, both, x->complete);
		rep_set_num(t, row, pc, pct(x->complete, x->eligible));
		rep_set_int(t, row, np, x->pairs);
		rep_set_int(t, row, nr, x->reliable);
		rep_set_num(t, row, pr, pct(x->reliable, x->pairs));
	}
	t->down_only = 1;
	t->part_from = 1;
	t->part_to = t->ncols;
	t->total_row = n;
	return t;
}

void report_equity_tables(struct rep_result *r, const struct app_equity *o, const char *prefix)
{
	char k[4][REP_NAME];
	static const char *const keys[] = {"imd_decile", "imd_quintile", "ethnic_group", "caregiver"};
	for (int i = 0; i < 4; i++)
		snprintf(k[i], sizeof k[i], "%s%s", prefix, keys[i]);
	struct rep_table *d = breakdown(r, k[0], "Equity by deprivation decile of the home (IMD, 1 most deprived)", "imd_decile",
	                                equity_decile_name, o->decile, EQUITY_DECILES, &o->total);
	struct rep_table *q = breakdown(r, k[1], "Equity by deprivation quintile (deciles 1-2 are quintile 1, ... 9-10 quintile 5)",
	                                "imd_quintile", equity_quintile_name, o->quintile, EQUITY_QUINTILES, &o->total);
	q->detail = d;
	q->detail_parent = xcalloc(EQUITY_DECILES, sizeof *q->detail_parent);
	for (int i = 0; i < EQUITY_DECILES; i++)
		q->detail_parent[i] = equity_quintile_index(i < 10 ? i + 1 : 0);
	breakdown(r, k[2], "Equity by ethnic group of the referred caregiver (NHS ethnic category)", "ethnic_group",
	          equity_ethnic_name, o->ethnic, EQUITY_ETHNIC, &o->total);
	breakdown(r, k[3], "Equity by the referred caregiver's relationship to the infant", "caregiver", equity_relation_name,
	          o->relation, EQUITY_RELATION, &o->total);
	struct rep_chart *c = rep_chart(r, CHART_HBARS, k[1],
	                                "Acceptance and reliable improvement by deprivation quintile (1 most deprived)",
	                                "% (accepted of decided; reliable improvement of pairs)");
	if (c) {
		c->label_col[0] = 0;
		c->nlabel = 1;
		c->cols[0] = 4;  /* pct_accepted */
		c->cols[1] = 10; /* pct_reliable_improvement */
		c->ncols = 2;
		c->percent = 1;
		c->skip_row = q->total_row;
	}
}

int report_equity(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e)
{
	struct app_equity o;
	if (p->equity)
		o = *p->equity;
	else {
		int rc = app_report_equity(a, p->from, p->to, p->team, &o, NULL, e);
		if (rc)
			return rc;
	}
	report_intro(r, p, "Equity of access and outcome,",
	             ": referrals received, acceptance (accepted of the referrals decided in the period), "
	             "completeness (episodes discharged with a baseline and an end of the same measure, of those "
	             "given one) and reliable improvement (pairs on each instrument's first scale) by the referred "
	             "caregiver's deprivation decile and quintile, ethnic group and relationship.");
	report_equity_tables(r, &o, "");
	return 0;
}
