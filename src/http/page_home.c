/* page_home.c: the home page (who breaches next on the waiting clocks,
 * with days left; the team's caseload with last contact; the recent
 * activity: what was recorded last) and the waiting
 * page (everyone waiting, most urgent first, and the waiting report for a
 * period: clocks stopped within target, median and 90th-percentile waits). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "app/app_activity.h"
#include "app/app_family.h"
#include "app/app_pathway.h"
#include "app/app_scope.h"
#include "app/app_user.h"
#include "app/app_waiting_audit.h"
#include "core/episode_state.h"
#include "core/instrument.h"
#include "http/page.h"
#include "http/routes.h"
#include "report/render.h"
#include "report/report.h"
#include "util/date.h"
#include "util/str.h"

/* Rows of the waiting list on a page. */
#define WAITING_PAGE ((size_t)50)

static const char *const CLOCK_NAME[CLOCK_COUNT] = {"Referral to assessment", "Assessment to intervention"};

/* Rows [from, from + max) of l; logged in the audit first (each family
 * named), so nothing is written unless that committed. */
static int waiting_rows(struct app *a, struct buf *b, const struct waiting_list *l, size_t from, size_t max,
                        struct dy_err *e)
{
	int rc = app_waiting_shown(a, l, from, max, e);
	for (size_t i = from; i < l->n && i < from + max && !rc; i++) {
		const struct waiting_row *r = &l->rows[i];
		char href[48], target[32], left[64], waited[32], day[32], booked[96] = "";
		snprintf(href, sizeof href, "/families/%lld", (long long)r->family_id);
		page_date(r->w.target, target, sizeof target);
		snprintf(waited, sizeof waited, "%d day%s", r->w.days_waited, r->w.days_waited == 1 ? "" : "s");
		int dl = r->w.days_left;
		if (dl < 0)
			snprintf(left, sizeof left, "%d day%s over", -dl, dl == -1 ? "" : "s");
		else if (dl == 0)
			snprintf(left, sizeof left, "Due today");
		else
			snprintf(left, sizeof left, "%d day%s left", dl, dl == 1 ? "" : "s");
		if (r->booked_on != DATE_NONE) {
			/* "Assessment booked for 12 March 2026: within target" */
			page_date(r->booked_on, day, sizeof day);
			snprintf(booked, sizeof booked, "%c%s booked for %s: %s", toupper((unsigned char)r->booked_kind[0]),
			         r->booked_kind + 1, day, waiting_booking_verdict(&r->w, r->booked_on));
		}
		rc = TMPL(b, e,
		          "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\"><a href=\"{{h}}\">{{n}}</a></td>"
		          "<td class=\"nhsuk-table__cell\">{{c}}</td><td class=\"nhsuk-table__cell\">{{w}}</td>"
		          "<td class=\"nhsuk-table__cell dyad-nowrap\">{{t}}</td><td class=\"nhsuk-table__cell\">"
		          "{{#over}}<strong class=\"nhsuk-tag nhsuk-tag--red\">Breached</strong> {{/over}}{{l}}</td>"
		          "<td class=\"nhsuk-table__cell\">{{b}}</td></tr>",
		          TMPL_S("h", href), TMPL_S("n", r->infant_name), TMPL_S("c", CLOCK_NAME[r->w.clock % CLOCK_COUNT]),
		          TMPL_S("w", waited), TMPL_S("t", target), TMPL_S("over", dl < 0 ? "1" : ""), TMPL_S("l", left),
		          TMPL_S("b", booked));
	}
	return rc;
}

static int waiting_table(struct buf *b, const char *caption, const struct buf *rows, struct dy_err *e)
{
	return TMPL(b, e,
	            "<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">{{cap}}</caption>"
	            "<thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">"
	            "<th scope=\"col\" class=\"nhsuk-table__header\">Baby</th>"
	            "<th scope=\"col\" class=\"nhsuk-table__header\">Waiting for</th>"
	            "<th scope=\"col\" class=\"nhsuk-table__header\">Waited</th>"
	            "<th scope=\"col\" class=\"nhsuk-table__header\">Target date</th>"
	            "<th scope=\"col\" class=\"nhsuk-table__header\">Days left</th>"
	            "<th scope=\"col\" class=\"nhsuk-table__header\">Booked</th></tr></thead>"
	            "<tbody class=\"nhsuk-table__body\">{{{rows}}}</tbody></table>",
	            TMPL_S("cap", caption), TMPL_HTML("rows", rows));
}

struct case_ctx {
	struct buf *b;
	struct dy_err *e;
	int rc;
};

static int case_row(void *ctx, const struct family_summary *s)
{
	struct case_ctx *c = ctx;
	char href[48], who[4 * NAME_BYTES], last[32], sg[40] = "";
	snprintf(href, sizeof href, "/families/%lld", (long long)s->family_id);
	if (s->safeguarding[0] && strcmp(s->safeguarding, "none") != 0)
		page_code(s->safeguarding, 1, sg, sizeof sg);
	snprintf(who, sizeof who, "%s %s and %s", s->caregiver_given, s->caregiver_family, s->infant_given);
	page_date(s->last_contact, last, sizeof last);
	c->rc = TMPL(c->b, c->e,
	             "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\"><a href=\"{{h}}\">{{w}}</a></td>"
	             "<td class=\"nhsuk-table__cell dyad-nowrap\">{{l}}</td><td class=\"nhsuk-table__cell\">"
	             "{{#sg}}<strong class=\"nhsuk-tag nhsuk-tag--red\">{{sg}}</strong>{{/sg}}</td></tr>",
	             TMPL_S("h", href), TMPL_S("w", who), TMPL_S("l", last[0] ? last : "None yet"),
	             TMPL_S("sg", sg));
	return c->rc;
}

/* ---- Recent activity: what was recorded last, newest first ---------------------------- */

struct activity_ctx {
	struct buf *b;
	const struct instrument_set *set;
	struct dy_err *e;
	int n;
};

/* The line said of one recorded thing, in plain words. */
static void activity_text(const struct activity *r, const struct instrument_set *set, char *out, size_t n)
{
	char a[40], b[40];
	switch (r->kind) {
	case ACTIVITY_CONTACT:
		page_code(r->what, 1, a, sizeof a);
		page_code(r->how, 0, b, sizeof b);
		snprintf(out, n, "%s contact: %s", a, b);
		break;
	case ACTIVITY_MEASURE: {
		const struct instrument *in = set ? instrument_set_find(set, r->what) : NULL;
		page_code(r->how, 0, b, sizeof b);
		snprintf(out, n, "%s entered (%s)", in ? in->short_name : r->what, b);
		break;
	}
	case ACTIVITY_EVENT:
		page_code(r->what, 0, a, sizeof a);
		if (!r->how[0])
			snprintf(out, n, "Referral %s", a);
		else if (strcmp(r->what, "discharged") == 0 || strcmp(r->what, "declined") == 0 ||
		         strcmp(r->what, "signposted") == 0)
			page_code(r->what, 1, out, n);
		else
			snprintf(out, n, "Moved to %s", a);
		break;
	}
}

static int activity_row(void *ctx, const struct activity *r)
{
	struct activity_ctx *c = ctx;
	char href[48], who[2 * NAME_BYTES + 2], when[32], what[160];
	snprintf(href, sizeof href, "/families/%lld", (long long)r->family_id);
	if (r->infant_given[0])
		snprintf(who, sizeof who, "%s %s", r->infant_given, r->infant_family);
	else
		snprintf(who, sizeof who, "Family %lld", (long long)r->family_id);
	page_date(r->date, when, sizeof when);
	activity_text(r, c->set, what, sizeof what);
	c->n++;
	return TMPL(c->b, c->e,
	            "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell dyad-nowrap\">{{d}}</td>"
	            "<td class=\"nhsuk-table__cell\"><a href=\"{{h}}\">{{w}}</a></td>"
	            "<td class=\"nhsuk-table__cell\">{{t}}</td></tr>",
	            TMPL_S("d", when), TMPL_S("h", href), TMPL_S("w", who), TMPL_S("t", what));
}

/* The panel: a table of the last 10 things recorded, or a sentence. */
static int activity_panel(struct app *a, struct buf *b, struct dy_err *e)
{
	struct buf rows;
	buf_init(&rows, 1 << 15);
	struct dy_err ie;
	struct activity_ctx c = {&rows, NULL, e, 0};
	app_instruments(a, &c.set, &ie);
	int rc = app_recent_activity(a, 10, activity_row, &c, e);
	rc = rc ? rc
	        : TMPL(b, e,
	               "<h2>Recent activity</h2>{{#n}}<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">"
	               "The last contacts, measures and referral changes recorded, newest first</caption>"
	               "<thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">"
	               "<th scope=\"col\" class=\"nhsuk-table__header\">Date</th>"
	               "<th scope=\"col\" class=\"nhsuk-table__header\">Baby</th>"
	               "<th scope=\"col\" class=\"nhsuk-table__header\">What happened</th></tr></thead>"
	               "<tbody class=\"nhsuk-table__body\">{{{r}}}</tbody></table>{{/n}}"
	               "{{^n}}<p>Nothing has been recorded yet.</p>{{/n}}",
	               TMPL_S("n", c.n ? "1" : ""), TMPL_HTML("r", &rows));
	buf_free(&rows);
	return rc;
}

static int home(struct http_req *rq, struct http_resp *rs)
{
	/* Those who see no family records start where their work is. */
	unsigned roles = rq->user ? rq->user->roles : 0;
	if (!(roles & USER_CASEWORK))
		return http_redirect(rs, roles & USER_ADMIN     ? "/users"
		                         : roles & USER_NETWORK ? "/reports"
		                                                : "/waiting");
	struct dy_err e;
	struct waiting_list wl;
	int rc = app_waiting_list(rq->app, rq->app->today, NULL, -1, &wl, &e);
	if (rc)
		return rc;
	struct buf b, wrows, crows, wt, act;
	page_body(&b);
	buf_init(&wrows, 1 << 16);
	buf_init(&crows, 1 << 18);
	buf_init(&wt, 1 << 17);
	buf_init(&act, 1 << 15);
	rc = waiting_rows(rq->app, &wrows, &wl, 0, 5, &e);
	char cap[96];
	if (wl.n > 5)
		snprintf(cap, sizeof cap, "The 5 who breach soonest, of %zu waiting", wl.n);
	else
		snprintf(cap, sizeof cap, "%zu waiting, soonest breach first", wl.n);
	rc = rc ? rc : waiting_table(&wt, cap, &wrows, &e);
	struct case_ctx cc = {&crows, &e, 0};
	if (!rc)
	{
		struct list_page pg = {.limit = 15};
		rc = app_family_list(rq->app, 1, &pg, case_row, &cc, NULL, &e);
	}
	rc = rc ? rc : cc.rc;
	rc = rc ? rc : activity_panel(rq->app, &act, &e);
	rc = rc ? rc
	        : TMPL(&b, &e,
	               "<h1>{{team}}</h1>"
	               "<h2>Waiting</h2>{{#n}}{{{wt}}}{{/n}}{{^n}}<p>Nobody is waiting.</p>{{/n}}"
	               "<p><a href=\"/waiting\">Everyone waiting, and the waiting report</a></p>"
	               "<h2>Caseload</h2><table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">Open "
	               "referrals (the first 15)</caption><thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">"
	               "<th scope=\"col\" class=\"nhsuk-table__header\">Family</th><th scope=\"col\" "
	               "class=\"nhsuk-table__header\">Last contact</th><th scope=\"col\" class=\"nhsuk-table__header\">"
	               "Safeguarding</th></tr></thead><tbody class=\"nhsuk-table__body\">{{{c}}}</tbody></table>"
	               "<p><a href=\"/families?open=1&amp;sort=last_contact&amp;order=ascending\">Every open referral, "
	               "longest since the last contact first</a></p><p><a href=\"/families\">Find any family</a></p>{{{act}}}",
	               TMPL_S("team", rq->app->team_name), TMPL_S("n", wl.n ? "1" : ""), TMPL_HTML("wt", &wt),
	               TMPL_HTML("c", &crows), TMPL_HTML("act", &act));
	app_waiting_list_free(&wl);
	buf_free(&wrows);
	buf_free(&crows);
	buf_free(&wt);
	buf_free(&act);
	if (rc) {
		buf_free(&b);
		return rc < 0 ? rc : DY_EINTERNAL;
	}
	return page_send(rq, rs, 200, "Home", NULL, NULL, NULL, &b);
}

/* ---- Waiting ------------------------------------------------------------------------- */

/* The waiting report's whole-period figures, one row a clock, written by
 * the report writer from report/report_waiting.c's "clocks" table (small
 * numbers already hidden there when publish), into out under caption. */
static int figures_table(struct buf *out, const struct rep_result *r, const char *caption, struct dy_err *e)
{
	const struct rep_item *it = rep_find(r, "clocks");
	if (!it || !it->table || it->table->nrows != CLOCK_COUNT)
		return dy_fail(e, DY_EINTERNAL, "report", "the waiting report has no clock figures");
	/* clock, n, median_days, p90_days, max_days, pct_within_target, ended, left_path, still_waiting,
	 * breached_still_waiting (report_waiting.c). */
	static const int cols[] = {0, 1, 5, 2, 3, 4, 8, 9};
	static const char *const headings[] = {"Clock", "Stopped", "Within target (%)", "Median wait (days)",
	                                       "90th centile (days)", "Longest (days)", "Still waiting at the end",
	                                       "Of those, breached"};
	const char *rows[CLOCK_COUNT];
	for (int c = 0; c < CLOCK_COUNT; c++)
		rows[c] = CLOCK_NAME[c];
	struct rep_html_view v = {caption, (int)(sizeof cols / sizeof cols[0]), cols, headings, rows};
	int rc = rep_render_html_table(it->table, &v, out, e);
	if (!rc && r->published)
		rc = buf_puts(out, "<p>* a count from 1 to 4, or a figure that would reveal one, is not shown"
		                   " (small-number suppression).</p>");
	return rc;
}

static int waiting(struct http_req *rq, struct http_resp *rs)
{
	struct form_errors fe = {0};
	int32_t to = rq->app->today, from = date_add_months(to, -6);
	const char *fd = http_query(rq, "from-day"), *td = http_query(rq, "to-day");
	char f3[3][8], t3[3][8];
	if (fd || td) {
		const char *q[6] = {http_query(rq, "from-day"), http_query(rq, "from-month"), http_query(rq, "from-year"),
		                    http_query(rq, "to-day"),   http_query(rq, "to-month"),   http_query(rq, "to-year")};
		for (int i = 0; i < 3; i++) {
			str_copy(f3[i], 8, q[i] ? q[i] : "");
			str_copy(t3[i], 8, q[3 + i] ? q[3 + i] : "");
		}
		form_date_parse(f3[0], f3[1], f3[2], 1, "from", "start of the period", &from, &fe);
		form_date_parse(t3[0], t3[1], t3[2], 1, "to", "end of the period", &to, &fe);
		if (!fe.n && to < from)
			form_error(&fe, "to", "The end of the period must be on or after its start");
	} else {
		form_date_split(from, f3[0], f3[1], f3[2]);
		form_date_split(to, t3[0], t3[1], t3[2]);
	}
	struct dy_err e;
	struct waiting_list wl;
	/* An analyst sees the report's figures but not who is waiting. */
	int rc = app_waiting_list(rq->app, rq->app->today, NULL, -1, &wl, &e);
	int show_list = rc == 0;
	if (rc == DY_EFORBIDDEN) {
		memset(&wl, 0, sizeof wl);
		rc = 0;
	}
	if (rc)
		return rc;
	struct rep_result r;
	struct report_params rp = {.from = from, .to = to, .publish = app_scope_published_only(rq->app)};
	clock_targets_default(&rp.targets);
	int have_report = 0;
	if (!fe.n) {
		rc = report_build(rq->app, "waiting", &rp, &r, &e);
		if (rc == DY_EINVAL) {
			form_error_from(&fe, "from", &e);
			rc = 0;
		} else if (!rc) {
			have_report = 1;
		}
		if (!have_report)
			rep_free(&r);
	}
	struct buf b, rows, table, figs;
	page_body(&b);
	buf_init(&rows, PAGE_BODY_MAX);
	buf_init(&table, PAGE_BODY_MAX);
	buf_init(&figs, 1 << 16);
	char cap[96], period[96], a1[32], a2[32];
	/* 50 to a page, most urgent first (the list is worked out whole each
	 * time, so a page is a slice of it). */
	size_t first = 0;
	const char *fs = http_query(rq, "start");
	int64_t fv = 0;
	if (fs && !str_parse_i64(fs, 0, INT32_MAX, &fv))
		first = (size_t)fv - (size_t)fv % WAITING_PAGE;
	if (first >= wl.n)
		first = 0;
	if (wl.n > WAITING_PAGE)
		snprintf(cap, sizeof cap, "%zu waiting, most urgent first: %zu to %zu", wl.n, first + 1,
		         first + WAITING_PAGE < wl.n ? first + WAITING_PAGE : wl.n);
	else
		snprintf(cap, sizeof cap, "%zu waiting, most urgent first", wl.n);
	if (show_list) {
		char prev[48], next[48], next_words[48];
		snprintf(prev, sizeof prev, "/waiting?start=%zu", first >= WAITING_PAGE ? first - WAITING_PAGE : 0);
		snprintf(next, sizeof next, "/waiting?start=%zu", first + WAITING_PAGE);
		snprintf(next_words, sizeof next_words, "The next %zu",
		         wl.n - first - WAITING_PAGE < WAITING_PAGE ? wl.n - first - WAITING_PAGE : (size_t)WAITING_PAGE);
		rc = rc ? rc : waiting_rows(rq->app, &rows, &wl, first, WAITING_PAGE, &e);
		rc = rc ? rc : waiting_table(&table, cap, &rows, &e);
		rc = rc ? rc
		        : page_pagination(&table, first ? prev : NULL, "The more urgent", first + WAITING_PAGE < wl.n ? next : NULL,
		                          next_words, &e);
	}
	page_date(from, a1, sizeof a1);
	page_date(to, a2, sizeof a2);
	snprintf(period, sizeof period, "Waiting clocks from %s to %s", a1, a2);
	if (!rc && have_report)
		rc = figures_table(&figs, &r, period, &e);
	rc = rc ? rc : buf_puts(&b, "<h1>Waiting</h1><p><a href=\"/reports\">Every report, by quarter, to read, print or"
	                            " download</a></p>");
	rc = rc ? rc : form_error_summary(&b, &fe, &e);
	rc = rc ? rc : TMPL(&b, &e, "{{{t}}}<h2>Waiting report</h2><form method=\"get\" action=\"/waiting\">",
	                    TMPL_HTML("t", &table));
	rc = rc ? rc : form_date(&b, &fe, "from", "From", NULL, f3[0], f3[1], f3[2], &e);
	rc = rc ? rc : form_date(&b, &fe, "to", "To", NULL, t3[0], t3[1], t3[2], &e);
	rc = rc ? rc
	        : TMPL(&b, &e,
	               "<button class=\"nhsuk-button nhsuk-button--secondary\" type=\"submit\">Show the report</button>"
	               "</form>{{{f}}}",
	               TMPL_HTML("f", &figs));
	if (show_list)
		app_waiting_list_free(&wl);
	if (have_report)
		rep_free(&r);
	buf_free(&rows);
	buf_free(&table);
	buf_free(&figs);
	if (rc) {
		buf_free(&b);
		return rc < 0 ? rc : DY_EINTERNAL;
	}
	return page_send(rq, rs, fe.n ? 400 : 200, "Waiting", "/", "Home", &fe, &b);
}

const struct http_route page_home_routes[] = {
	{HTTP_GET, "/", home, USER_ROLES | USER_OPERATOR, 0, 0},
	{HTTP_GET, "/waiting", waiting, USER_CASEWORK | USER_ANALYST, 0, 0},
	{0}};
