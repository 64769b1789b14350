/* report_workforce.c: the workforce report: the team's second level by
 * month: people trained by profession and by course, consultations by
 * organisation, and supervision given (docs/reports.md, "Workforce").
 * Counts are cross tables with their totals, so suppression can protect
 * them; free text and named attendees are never read into it. */
#include "report/report.h"

#include <stdio.h>
#include <string.h>

#include "app/app_workforce.h"
#include "util/date.h"

#define MAX_KEYS 256

/* A cross table of t's keys (rows, in byte order) by month, with a total
 * column and a total row. */
static void cross_table(struct rep_result *r, const struct wf_summary *s, const char *key, const char *title,
                        const char *row_name, const struct wf_tally *tally)
{
	struct rep_table *t = rep_table(r, key, title, REP_ROWS, REP_IN_ALL);
	rep_col(t, row_name, REP_TEXT, 0, -1);
	for (int m = 0; m < s->nmonths; m++)
		rep_col(t, s->month[m], REP_COUNT, 0, -1);
	int tot = rep_col(t, "total", REP_COUNT, 0, -1);
	t->part_from = 1;
	t->part_to = 1 + s->nmonths;
	t->total_col = tot;
	const char *keys[MAX_KEYS];
	size_t nk = wf_tally_keys(tally, keys, MAX_KEYS);
	size_t total_row = 0;
	for (size_t k = 0; k <= nk; k++) {
		size_t row = rep_row(t);
		rep_set_text(t, row, 0, k < nk ? keys[k] : "total");
		for (int m = -1; m < s->nmonths; m++) {
			int64_t n = 0;
			for (size_t j = 0; j < nk; j++)
				if (k == nk || j == k)
					n += wf_tally_get(tally, keys[j], m);
			rep_set_int(t, row, m < 0 ? tot : 1 + m, n);
		}
		total_row = row;
	}
	t->total_row = (long)total_row;
}

static void month_row(struct rep_table *t, const struct wf_summary *s, int m, const char *label)
{
	size_t row = rep_row(t);
	rep_set_text(t, row, 0, label);
	rep_set_int(t, row, 1, s->events[m]);
	rep_set_num(t, row, 2, (double)s->training_hours_x10[m] / 10.0);
	rep_set_int(t, row, 3, s->people_trained[m]);
	rep_set_int(t, row, 4, s->consultations[m]);
	rep_set_int(t, row, 5, s->consultations_about_family[m]);
	rep_set_int(t, row, 6, s->supervision_sessions[m]);
	rep_set_int(t, row, 7, s->supervision_group_sessions[m]);
	rep_set_int(t, row, 8, s->people_supervised[m]);
	rep_set_num(t, row, 9, (double)s->supervision_minutes[m] / 60.0);
}

int report_workforce(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e)
{
	struct wf_summary s;
	int rc = app_workforce_summary(a, p->from, p->to, p->team, &s, e);
	if (rc) {
		wf_summary_free(&s);
		return rc;
	}
	report_intro(r, p, "The team's work with the wider workforce,",
	             ", by month: training events run and people trained (attendees counted by profession, "
	             "organisation and course), consultations given to other professionals (by organisation, and "
	             "those about a family the team works with), and reflective supervision given (sessions, people "
	             "supervised, hours).");
	struct rep_table *t = rep_table(r, "by_month", "Workforce activity by month", REP_ROWS, REP_IN_ALL);
	rep_col(t, "month", REP_TEXT, 0, -1);
	rep_col(t, "training_events", REP_INT, 0, -1);
	rep_col(t, "training_hours", REP_NUM, 1, -1);
	rep_col(t, "people_trained", REP_COUNT, 0, -1);
	rep_col(t, "consultations", REP_COUNT, 0, -1);
	rep_col(t, "consultations_about_our_families", REP_COUNT, 0, -1);
	rep_col(t, "supervision_sessions", REP_INT, 0, -1);
	rep_col(t, "group_supervision_sessions", REP_INT, 0, -1);
	rep_col(t, "people_supervised", REP_COUNT, 0, -1);
	rep_col(t, "supervision_hours", REP_NUM, 1, -1);
	for (int m = 0; m < s.nmonths; m++)
		month_row(t, &s, m, s.month[m]);
	month_row(t, &s, s.nmonths, "total");
	cross_table(r, &s, "trained_by_profession", "People trained, by profession (rows) and month", "profession",
	            &s.trained_by_profession);
	cross_table(r, &s, "trained_by_course", "People trained, by course (rows) and month", "course",
	            &s.trained_by_course);
	cross_table(r, &s, "consultations_by_organisation", "Consultations given, by organisation (rows) and month",
	            "organisation", &s.consultations_by_organisation);
	const struct rep_item *it = rep_find(r, "trained_by_profession");
	struct rep_chart *ch = rep_chart(r, CHART_STACK, "trained_by_profession", "People trained per month, by profession",
	                                 "people trained");
	if (ch && it) {
		ch->label_col[0] = 0;
		ch->nlabel = 1;
		for (int m = 0; m < s.nmonths; m++)
			ch->cols[ch->ncols++] = 1 + m;
		ch->skip_row = it->table->total_row;
	}
	wf_summary_free(&s);
	return 0;
}
