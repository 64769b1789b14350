/* report_feedback.c: the family feedback report (docs/reports.md "Family
 * feedback"): per question of the team's questionnaire and per answer, how
 * many families gave it and what percentage that is of the families who
 * answered the question (the count base, shown beside it). */
#include <stdio.h>

#include "app/app_feedback.h"
#include "report/report.h"

int report_feedback(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e)
{
	struct feedback_def def;
	int rc = app_feedback_load(NULL, &def, e);
	if (rc)
		return rc;
	struct app_feedback_counts c;
	if ((rc = app_feedback_counts(a, &def, p->from, p->to, p->team, &c, e)))
		return rc;
	report_intro(r, p, "Family feedback answered",
	             ": for each question, each answer's count and its percentage of the families who answered that "
	             "question (n_answered). respondents: the response sets counted. The questions are worded in the "
	             "team's questionnaire (config/feedback.ini).");
	rep_fact_text(r, "questionnaire", def.id, REP_IN_ALL);
	rep_fact_int(r, "respondents", REP_COUNT, c.respondents, REP_IN_ALL);
	if (c.other_questionnaire)
		snprintf(r->notice, sizeof r->notice,
		         "%d response sets to another questionnaire than %s are not counted", c.other_questionnaire,
		         def.id);
	struct rep_table *t = rep_table(r, "answers", "Answers by question", REP_ROWS, REP_IN_ALL);
	int cq = rep_col(t, "question", REP_TEXT, 0, -1);
	int ca = rep_col(t, "answer", REP_TEXT, 0, -1);
	int cb = rep_col(t, "n_answered", REP_COUNT, 0, -1);
	int cn = rep_col(t, "n", REP_COUNT, 0, -1);
	int cp = rep_col(t, "pct", REP_NUM, 1, cb);
	rep_col_numer(t, cp, cn);
	for (int q = 0; q < def.n; q++)
		for (int k = 0; k < def.q[q].n_options; k++) {
			size_t row = rep_row(t);
			rep_set_text(t, row, cq, def.q[q].code);
			rep_set_text(t, row, ca, def.q[q].option[k]);
			rep_set_int(t, row, cb, c.answered[q]);
			rep_set_int(t, row, cn, c.count[q][k]);
			if (c.answered[q])
				rep_set_num(t, row, cp, 100.0 * c.count[q][k] / c.answered[q]);
		}
	struct rep_chart *ch = rep_chart(r, CHART_HBARS, "answers", "Answers by question", "% of those who answered");
	if (ch) {
		ch->label_col[0] = cq;
		ch->label_col[1] = ca;
		ch->nlabel = 2;
		ch->cols[0] = cp;
		ch->ncols = 1;
		ch->percent = 1;
		ch->skip_row = -1;
	}
	return 0;
}
