/* page_workforce.c: the team's work with the wider workforce on the web
 * (app/app_workforce.h; docs/workforce.md): the training events,
 * consultations and supervision sessions of the last 90 days, for managers
 * and clinicians (the lists hold advice and names). An analyst sees the
 * figures only, as the workforce report on the reports page. */
#include <stdio.h>
#include <string.h>

#include "app/app_workforce.h"
#include "core/codes.h"
#include "http/page.h"
#include "http/routes.h"
#include "util/date.h"

#define TH "<th scope=\"col\" class=\"nhsuk-table__header\">"
#define TD "<td class=\"nhsuk-table__cell\">"
#define ROW "<tr class=\"nhsuk-table__row\">"

struct rows {
	struct buf b;
	struct dy_err *e;
	int n, rc;
};

static int training_row(void *ctx, const struct wf_training *t)
{
	struct rows *r = ctx;
	if (r->rc)
		return 0;
	char d[32], h[8], people[16], who[1200] = "";
	int n = 0;
	size_t u = 0;
	for (int i = 0; i < t->n_att; i++) {
		n += t->att[i].count;
		char label[64];
		code_label(t->att[i].profession, label, sizeof label);
		if (t->att[i].count && u < sizeof who)
			u += (size_t)snprintf(who + u, sizeof who - u, "%s%d %s (%s)", u ? ", " : "", t->att[i].count, label,
			                      t->att[i].organisation);
	}
	page_date(t->date, d, sizeof d);
	wf_hours_format(t->hours_x10, h);
	snprintf(people, sizeof people, "%d", n);
	r->rc = TMPL(&r->b, r->e, ROW TD "{{d}}</td>" TD "{{c}}</td>" TD "{{h}}</td>" TD "{{n}}</td>" TD "{{w}}</td></tr>",
	             TMPL_S("d", d), TMPL_S("c", t->course), TMPL_S("h", h), TMPL_S("n", people), TMPL_S("w", who));
	r->n++;
	return 0;
}

static int consultation_row(void *ctx, const struct wf_consultation *c)
{
	struct rows *r = ctx;
	if (r->rc)
		return 0;
	char d[32], prof[64], href[40] = "", fam[24] = "";
	page_date(c->date, d, sizeof d);
	code_label(c->profession, prof, sizeof prof);
	if (c->family_id) {
		snprintf(href, sizeof href, "/families/%lld", (long long)c->family_id);
		snprintf(fam, sizeof fam, "Family %lld", (long long)c->family_id);
	}
	r->rc = TMPL(&r->b, r->e,
	             ROW TD "{{d}}</td>" TD "{{p}}, {{o}}</td>" TD "{{#h}}<a href=\"{{h}}\">{{f}}</a>{{/h}}</td>" TD
	                    "{{a}}</td>" TD "{{u}}</td></tr>",
	             TMPL_S("d", d), TMPL_S("p", prof), TMPL_S("o", c->organisation), TMPL_S("h", href), TMPL_S("f", fam),
	             TMPL_S("a", c->advice), TMPL_S("u", c->follow_up));
	r->n++;
	return 0;
}

static int supervision_row(void *ctx, const struct wf_supervision *s)
{
	struct rows *r = ctx;
	if (r->rc)
		return 0;
	char d[32], prof[64], n[16], m[16];
	page_date(s->date, d, sizeof d);
	code_label(s->profession, prof, sizeof prof);
	snprintf(n, sizeof n, "%d", s->supervised);
	snprintf(m, sizeof m, "%d", s->duration_min);
	r->rc = TMPL(&r->b, r->e,
	             ROW TD "{{d}}</td>" TD "{{p}}, {{o}}</td>" TD "{{s}}</td>" TD "{{m}}</td>" TD "{{n}}</td>" TD
	                    "{{min}}</td></tr>",
	             TMPL_S("d", d), TMPL_S("p", prof), TMPL_S("o", s->organisation), TMPL_S("s", s->service),
	             TMPL_S("m", s->mode == WF_GROUP ? "Group" : "Individual"), TMPL_S("n", n), TMPL_S("min", m));
	r->n++;
	return 0;
}

static int workforce_get(struct http_req *rq, struct http_resp *rs)
{
	struct dy_err e;
	dy_err_clear(&e);
	const int32_t to = rq->app->today, from = to - 90;
	struct rows tr = {.e = &e}, co = {.e = &e}, su = {.e = &e};
	buf_init(&tr.b, PAGE_BODY_MAX);
	buf_init(&co.b, PAGE_BODY_MAX);
	buf_init(&su.b, PAGE_BODY_MAX);
	int rc = app_training_list(rq->app, from, to, training_row, &tr, &e);
	rc = rc ? rc : tr.rc;
	if (!rc)
		rc = app_consultation_list(rq->app, from, to, consultation_row, &co, &e);
	rc = rc ? rc : co.rc;
	if (!rc)
		rc = app_supervision_list(rq->app, from, to, supervision_row, &su, &e);
	rc = rc ? rc : su.rc;
	char df[DATE_LEN], dt[DATE_LEN], href[120];
	date_format(from, df);
	date_format(to, dt);
	snprintf(href, sizeof href, "/api/v1/reports/workforce?from=%s&to=%s&format=html", df, dt);
	struct buf b;
	page_body(&b);
	if (!rc)
		rc = TMPL(&b, &e,
		          "<h1>Work with the wider workforce</h1>"
		          "<p>Training, consultation and reflective supervision the team gave other professionals in the "
		          "last 90 days, oldest first. Record them with <code>dyad training add</code>, <code>dyad "
		          "consultation add</code> and <code>dyad supervision add</code>. <a href=\"{{r}}\">The workforce "
		          "report for these days</a>.</p>"
		          "<h2>Training</h2>{{#t}}<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption "
		          "nhsuk-u-visually-hidden\">Training events</caption><thead class=\"nhsuk-table__head\">" ROW TH
		          "Date</th>" TH "Course</th>" TH "Hours</th>" TH "Attendees</th>" TH "Who came</th></tr></thead>"
		          "<tbody class=\"nhsuk-table__body\">{{{t}}}</tbody></table>{{/t}}{{^t}}<p>No training events "
		          "in these days.</p>{{/t}}"
		          "<h2>Consultations</h2>{{#c}}<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption "
		          "nhsuk-u-visually-hidden\">Consultations</caption><thead class=\"nhsuk-table__head\">" ROW TH
		          "Date</th>" TH "Who consulted</th>" TH "About</th>" TH "Advice</th>" TH "Follow-up</th></tr></thead>"
		          "<tbody class=\"nhsuk-table__body\">{{{c}}}</tbody></table>{{/c}}{{^c}}<p>No consultations in "
		          "these days.</p>{{/c}}"
		          "<h2>Supervision given</h2>{{#s}}<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption "
		          "nhsuk-u-visually-hidden\">Supervision sessions</caption><thead class=\"nhsuk-table__head\">" ROW TH
		          "Date</th>" TH "To whom</th>" TH "Service</th>" TH "Individual or group</th>" TH "People</th>" TH
		          "Minutes</th></tr></thead><tbody class=\"nhsuk-table__body\">{{{s}}}</tbody></table>{{/s}}"
		          "{{^s}}<p>No supervision in these days.</p>{{/s}}",
		          TMPL_S("r", href), TMPL_HTML("t", &tr.b), TMPL_HTML("c", &co.b), TMPL_HTML("s", &su.b));
	buf_free(&tr.b);
	buf_free(&co.b);
	buf_free(&su.b);
	if (rc) {
		buf_free(&b);
		return rc < 0 ? rc : DY_EINTERNAL;
	}
	return page_send(rq, rs, 200, "Work with the wider workforce", "/", "Home", NULL, &b);
}

const struct http_route page_workforce_routes[] = {
	{HTTP_GET, "/workforce", workforce_get, USER_MANAGER | USER_CLINICIAN | USER_OPERATOR, 0, 0},
	{0}};
