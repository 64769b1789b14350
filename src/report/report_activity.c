/* report_activity.c: the activity report: referrals by source and month,
 * decisions, contacts by kind, location and intervention with their
 * did-not-attend rate, and caseload at the period's end, overall and per
 * practitioner (docs/reports.md). Counts are cross tables with their
 * totals, so suppression can protect them. */
#include "report/report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/app_report.h"
#include "core/codes.h"
#include "store/store_report.h"
#include "util/date.h"

#define MAX_MONTHS 24

/* A cross table of counts: rows by key1 (in order of first appearance),
 * columns by the codes given (key2), a total column and a total row. With
 * dna, adds dna_rate = did_not_attend / (attended + did_not_attend). */
static void cross_table(struct rep_result *r, const char *key, const char *title, const char *row_name,
                        const struct app_count *c, size_t n, const char *const *codes, int ncodes, int dna)
{
	struct rep_table *t = rep_table(r, key, title, REP_ROWS, REP_IN_ALL);
	rep_col(t, row_name, REP_TEXT, 0, -1);
	for (int k = 0; k < ncodes; k++)
		rep_col(t, codes[k], REP_COUNT, 0, -1);
	int tot = ncodes > 1 ? rep_col(t, "total", REP_COUNT, 0, -1) : -1;
	int att = -1, did = -1, rate = -1;
	for (int k = 0; k < ncodes; k++) {
		if (strcmp(codes[k], "attended") == 0)
			att = 1 + k;
		if (strcmp(codes[k], "did_not_attend") == 0)
			did = 1 + k;
	}
	if (dna && att > 0 && did > 0) {
		rate = rep_col(t, "dna_rate", REP_NUM, 1, att);
		rep_col_numer(t, rate, did);
	}
	t->part_from = 1;
	t->part_to = 1 + ncodes;
	t->total_col = tot;
	for (size_t i = 0; i < n; i++) {
		size_t row = t->nrows;
		for (size_t j = 0; j < t->nrows; j++)
			if (strcmp(rep_cell(t, j, 0)->s, c[i].key1[0] ? c[i].key1 : "none") == 0)
				row = j;
		if (row == t->nrows) {
			row = rep_row(t);
			rep_set_text(t, row, 0, c[i].key1[0] ? c[i].key1 : "none");
			for (int k = 0; k < ncodes; k++)
				rep_set_int(t, row, 1 + k, 0);
		}
		for (int k = 0; k < ncodes; k++)
			if (strcmp(codes[k], c[i].key2) == 0)
				rep_cell(t, row, 1 + k)->i += c[i].n;
	}
	size_t total_row = rep_row(t);
	rep_set_text(t, total_row, 0, "total");
	for (int k = 0; k < ncodes; k++)
		rep_set_int(t, total_row, 1 + k, 0);
	for (size_t row = 0; row <= total_row; row++) {
		int64_t sum = 0;
		for (int k = 0; k < ncodes; k++) {
			int64_t v = rep_cell(t, row, 1 + k)->i;
			sum += v;
			if (row < total_row)
				rep_cell(t, total_row, 1 + k)->i += v;
		}
		if (tot >= 0)
			rep_set_int(t, row, tot, sum);
		if (rate >= 0) {
			double a = (double)rep_cell(t, row, att)->i, d = (double)rep_cell(t, row, did)->i;
			rep_set_num(t, row, rate, a + d > 0 ? 100.0 * d / (a + d) : NAN);
		}
	}
	t->total_row = (long)total_row;
}

/* The months of [from, to] as "YYYY-MM"; returns how many (at most max). */
static int months_of(int32_t from, int32_t to, char out[][12], int max)
{
	char d[DATE_LEN];
	date_format(from, d);
	int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
	int m = (d[5] - '0') * 10 + (d[6] - '0');
	int n = 0;
	for (int32_t first; n < max; n++) {
		if (date_from_ymd(y, m, 1, &first) || first > to)
			break;
		snprintf(out[n], 12, "%04d-%02d", y % 10000, m % 100);
		if (++m == 13) {
			m = 1;
			y++;
		}
	}
	return n;
}

static const char *const attendance[] = {"attended", "did_not_attend", "cancelled_by_family", "cancelled_by_service"};

int report_activity_tables(struct rep_result *r, const struct report_params *p, const struct app_activity *o,
                           struct dy_err *e)
{
	char months[MAX_MONTHS + 1][12];
	const char *mcodes[MAX_MONTHS + 1] = {0};
	int nm = months_of(p->from, p->to, months, MAX_MONTHS + 1);
	if (nm > MAX_MONTHS)
		return dy_fail(e, DY_EINVAL, "to", "the activity report covers at most %d months: ask for a shorter period",
		               MAX_MONTHS);
	for (int i = 0; i < nm; i++)
		mcodes[i] = months[i];
	cross_table(r, "referrals", "Referrals received, by source (rows) and month", "source",
	            o->c[REPORT_REFERRALS_BY_SOURCE_MONTH], o->n[REPORT_REFERRALS_BY_SOURCE_MONTH], mcodes, nm, 0);
	const struct rep_item *ref = rep_find(r, "referrals");
	struct rep_chart *ch = rep_chart(r, CHART_STACK, "referrals", "Referrals received per month, by source",
	                                 "referrals");
	if (ch && ref) {
		ch->label_col[0] = 0;
		ch->nlabel = 1;
		for (int i = 0; i < nm; i++)
			ch->cols[ch->ncols++] = 1 + i;
		ch->skip_row = ref->table->total_row;
	}
	/* Decisions: key2 is empty, so one column named n. */
	struct app_count dec[8];
	size_t nd = 0;
	for (size_t i = 0; i < o->n[REPORT_DECISIONS] && nd < 8; i++) {
		dec[nd] = o->c[REPORT_DECISIONS][i];
		strcpy(dec[nd].key2, "n");
		nd++;
	}
	static const char *const ncode[] = {"n"};
	cross_table(r, "decisions", "Referrals decided in the period, by decision", "decision", dec, nd, ncode, 1, 0);
	cross_table(r, "contacts_by_kind", "Contacts by kind and attendance (dna_rate: DNA / (attended + DNA), %)", "kind",
	            o->c[REPORT_CONTACTS_BY_KIND], o->n[REPORT_CONTACTS_BY_KIND], attendance, 4, 1);
	cross_table(r, "contacts_by_location", "Contacts by location and attendance", "location",
	            o->c[REPORT_CONTACTS_BY_LOCATION], o->n[REPORT_CONTACTS_BY_LOCATION], attendance, 4, 1);
	cross_table(r, "contacts_by_intervention", "Contacts by intervention and attendance", "intervention",
	            o->c[REPORT_CONTACTS_BY_INTERVENTION], o->n[REPORT_CONTACTS_BY_INTERVENTION], attendance, 4, 1);
	rep_fact_int(r, "caseload_at_end", REP_COUNT, o->caseload, REP_IN_ALL);
	struct rep_table *t = rep_table(r, "caseload_by_practitioner",
	                                "Caseload at the period's end, per practitioner (open episodes they have seen)",
	                                REP_ROWS, REP_IN_ALL);
	rep_col(t, "practitioner_id", REP_TEXT, 0, -1);
	rep_col(t, "caseload", REP_COUNT, 0, -1);
	for (size_t i = 0; i < o->n[REPORT_CASELOAD_BY_PRACTITIONER]; i++) {
		size_t row = rep_row(t);
		rep_set_text(t, row, 0, o->c[REPORT_CASELOAD_BY_PRACTITIONER][i].key1);
		rep_set_int(t, row, 1, o->c[REPORT_CASELOAD_BY_PRACTITIONER][i].n);
	}
	return 0;
}

int report_activity(struct app *a, const struct report_params *p, struct rep_result *r, struct dy_err *e)
{
	struct app_activity o;
	int rc = app_report_activity(a, p->from, p->to, p->team, &o, e);
	if (!rc) {
		report_intro(r, p, "Activity,",
		             ": referrals received by source and month; decisions made; contacts by kind, location and "
		             "intervention with the did-not-attend rate (DNA / (attended + DNA)); caseload (accepted "
		             "episodes open) on the last day.");
		rc = report_activity_tables(r, p, &o, e);
	}
	app_activity_free(&o);
	return rc;
}
