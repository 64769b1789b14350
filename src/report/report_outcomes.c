/* report_outcomes.c: the outcomes report (every scale's pre/post figures
 * and tests) and the completeness report (per instrument, the share of
 * eligible episodes with a baseline, an end, and both), from
 * app_report_outcomes (docs/reports.md defines every field). */
#include "report/report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app_report.h"
#include "util/date.h"

static void left_out(struct rep_result *r, const struct app_outcomes *o)
{
	if (o->unknown)
		snprintf(r->notice, sizeof r->notice,
		         "%zu instrument(s) left out of the outcomes: their definitions are not loaded", o->unknown);
}

/* The outcome columns, in the order of issue 15 (exact names). */
void report_outcome_table(struct rep_result *r, const struct app_outcomes *o, const char *key)
{
	struct rep_table *t = rep_table(r, key, "Outcomes: earliest baseline against latest end, per scale",
	                                REP_ROWS, REP_IN_ALL);
	rep_col(t, "instrument", REP_TEXT, 0, -1);
	rep_col(t, "scale", REP_TEXT, 0, -1);
	rep_col(t, "direction", REP_TEXT, 0, -1);
	int ne = rep_col(t, "n_episodes", REP_COUNT, 0, -1);
	int np = rep_col(t, "n_pairs", REP_COUNT, 0, -1);
	int cp = rep_col(t, "completeness_pct", REP_NUM, 1, ne);
	rep_col_numer(t, cp, np);
	static const char *const stat[] = {"mean_pre", "sd_pre", "mean_post", "sd_post", "mean_change", "sd_change",
	                                   "ci95_low", "ci95_high", "t", "df", "p_t", "wilcoxon_v", "p_wilcoxon",
	                                   "cohen_dz", "d_pre_sd"};
	int first_stat = -1;
	for (int i = 0; i < 15; i++) {
		int c = rep_col(t, stat[i], REP_NUM, -1, np);
		if (!i)
			first_stat = c;
	}
	int pi = rep_col(t, "pct_improved", REP_NUM, 1, np);
	int pri = rep_col(t, "pct_reliable_improvement", REP_NUM, 1, np);
	int prd = rep_col(t, "pct_reliable_deterioration", REP_NUM, 1, np);
	int ncl = rep_col(t, "n_clinical_pre", REP_COUNT, 0, -1);
	int pcn = rep_col(t, "pct_clinical_to_nonclinical", REP_NUM, 1, ncl);
	int prr = rep_col(t, "pct_reliable_recovery", REP_NUM, 1, ncl);
	for (size_t i = 0; i < o->n_scales; i++) {
		const struct app_outcome_scale *s = &o->scales[i];
		const struct outcome_scale *f = &s->f;
		size_t row = rep_row(t);
		rep_set_text(t, row, 0, s->instrument);
		rep_set_text(t, row, 1, s->scale);
		rep_set_text(t, row, 2, s->direction);
		rep_set_int(t, row, ne, (int64_t)f->n_episodes);
		rep_set_int(t, row, np, (int64_t)f->n_pairs);
		rep_set_num(t, row, cp, f->completeness_pct);
		const double v[] = {f->mean_pre, f->sd_pre, f->mean_post, f->sd_post, f->mean_change, f->sd_change,
		                    f->ci95_low, f->ci95_high, f->t, f->df, f->p_t, f->wilcoxon_v, f->p_wilcoxon,
		                    f->cohen_dz, f->d_pre_sd};
		for (int k = 0; k < 15; k++)
			rep_set_num(t, row, first_stat + k, v[k]);
		rep_set_num(t, row, pi, f->pct_improved);
		rep_set_num(t, row, pri, f->pct_reliable_improvement);
		rep_set_num(t, row, prd, f->pct_reliable_deterioration);
		if (f->n_clinical_pre >= 0) {
			rep_set_int(t, row, ncl, f->n_clinical_pre);
			rep_set_num(t, row, pcn, f->pct_clinical_to_nonclinical);
			rep_set_num(t, row, prr, f->pct_reliable_recovery);
		}
	}
}

void report_outcome_charts(struct rep_result *r, const char *key)
{
	const struct rep_item *it = rep_find(r, key);
	if (!it || !it->table)
		return;
	int mc = -1, lo = -1, hi = -1, pre = -1, post = -1;
	for (int c = 0; c < it->table->ncols; c++) {
		const char *n = it->table->cols[c].name;
		mc = strcmp(n, "mean_change") == 0 ? c : mc;
		lo = strcmp(n, "ci95_low") == 0 ? c : lo;
		hi = strcmp(n, "ci95_high") == 0 ? c : hi;
		pre = strcmp(n, "mean_pre") == 0 ? c : pre;
		post = strcmp(n, "mean_post") == 0 ? c : post;
	}
	struct rep_chart *c = rep_chart(r, CHART_CI, key, "Mean change (post - pre) with its 95% confidence interval, per measure",
	                                "mean change, scale points (below 0: scores fell)");
	if (c) {
		c->label_col[0] = 0;
		c->label_col[1] = 1;
		c->nlabel = 2;
		c->cols[0] = mc;
		c->cols[1] = lo;
		c->cols[2] = hi;
		c->ncols = 3;
	}
	c = rep_chart(r, CHART_SLOPE, key, "Mean score before (pre, open circle) and after (post, filled), per measure",
	              "mean score, scale points");
	if (c) {
		c->label_col[0] = 0;
		c->label_col[1] = 1;
		c->nlabel = 2;
		c->cols[0] = pre;
		c->cols[1] = post;
		c->ncols = 2;
	}
}

void report_completeness_charts(struct rep_result *r, const char *key)
{
	struct rep_chart *c = rep_chart(r, CHART_HBARS, key,
	                                "Completeness: eligible episodes with a baseline, an end, and both, per instrument",
	                                "% of eligible episodes");
	if (!c)
		return;
	c->label_col[0] = 0;
	c->nlabel = 1;
	c->cols[0] = 3;
	c->cols[1] = 5;
	c->cols[2] = 7;
	c->ncols = 3;
	c->percent = 1;
}

void report_completeness_table(struct rep_result *r, const struct app_outcomes *o, const char *key)
{
	struct rep_table *t = rep_table(r, key, "Completeness: eligible episodes with a baseline, an end, and both",
	                                REP_ROWS, REP_IN_ALL);
	rep_col(t, "instrument", REP_TEXT, 0, -1);
	int el = rep_col(t, "eligible", REP_COUNT, 0, -1);
	static const char *const names[][2] = {{"with_baseline", "pct_baseline"}, {"with_end", "pct_end"},
	                                       {"with_both", "pct_both"}};
	int cols[3][2];
	for (int k = 0; k < 3; k++) {
		cols[k][0] = rep_col(t, names[k][0], REP_COUNT, 0, -1);
		cols[k][1] = rep_col(t, names[k][1], REP_NUM, 1, el);
		rep_col_numer(t, cols[k][1], cols[k][0]);
	}
	for (size_t i = 0; i < o->n_inst; i++) {
		const struct app_completeness *c = &o->inst[i];
		size_t row = rep_row(t);
		rep_set_text(t, row, 0, c->instrument);
		rep_set_int(t, row, el, c->eligible);
		const int64_t v[3] = {c->with_baseline, c->with_end, c->with_both};
		for (int k = 0; k < 3; k++) {
			rep_set_int(t, row, cols[k][0], v[k]);
			rep_set_num(t, row, cols[k][1], c->eligible ? 100.0 * (double)v[k] / (double)c->eligible : NAN);
		}
	}
}

/* The outcomes of p's period into *read, or (p->outcomes given) *read
 * left empty and p->outcomes used. */
static int outcomes_of(struct app *a, const struct report_params *p, struct app_outcomes *read, struct dy_err *e)
{
	if (p->outcomes) {
		memset(read, 0, sizeof *read);
		return 0;
	}
	return app_report_outcomes(a, p->from, p->to, p->team, read, e);
}

int report_outcomes(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e)
{
	struct app_outcomes read;
	int rc = outcomes_of(a, p, &read, e);
	const struct app_outcomes o = p->outcomes ? *p->outcomes : read;
	if (!rc) {
		report_intro(r, p, "Outcomes of the episodes discharged",
		             ": for each scale, the earliest baseline paired with the latest end score of the same "
		             "respondent and subject. Change is post - pre; t and p_t as R's t.test(post, pre, paired = "
		             "TRUE), V and p_wilcoxon as wilcox.test(post, pre, paired = TRUE). Blank: cannot be "
		             "computed.");
		rep_fact_int(r, "n_discharged", REP_COUNT, o.discharged, REP_IN_ALL);
		report_outcome_table(r, &o, "scales");
		report_outcome_charts(r, "scales");
		left_out(r, &o);
	}
	app_outcomes_free(&read);
	return rc;
}

int report_completeness(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e)
{
	struct app_outcomes read;
	int rc = outcomes_of(a, p, &read, e);
	const struct app_outcomes o = p->outcomes ? *p->outcomes : read;
	if (!rc) {
		report_intro(r, p, "Completeness of outcome measures, episodes discharged",
		             ". Eligible: the instrument was given at least once in the episode. with_both: a baseline "
		             "and an end of the same respondent and subject.");
		rep_fact_int(r, "n_discharged", REP_COUNT, o.discharged, REP_IN_ALL);
		report_completeness_table(r, &o, "instruments");
		report_completeness_charts(r, "instruments");
	}
	app_outcomes_free(&read);
	return rc;
}
