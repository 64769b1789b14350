/* page_letter.c: letters and family feedback on the web (docs/letters.md,
 * docs/reports.md "Family feedback"): the referral's letters on the family
 * page with a "Make a letter" button, the form that makes one, and the
 * family feedback form of a discharged referral. Roles are checked in app/
 * (managers, clinicians and admin staff; never an analyst): a role that may
 * not see them gets no section. */
#include <stdio.h>
#include <string.h>

#include "app/app_feedback.h"
#include "app/app_letter.h"
#include "core/codes.h"
#include "http/page.h"
#include "http/page_careplan.h"
#include "http/page_family.h"
#include "http/routes.h"
#include "util/date.h"
#include "util/str.h"

struct rows_ctx {
	struct buf *rows;
	struct dy_err *e;
	int rc;
};

static int letter_row(void *ctx, const struct letter *l)
{
	struct rows_ctx *c = ctx;
	if (c->rc)
		return 0;
	char kind[48], to[48], when[32], href[48];
	page_code(l->kind, 1, kind, sizeof kind);
	enum letter_to t = LETTER_TO_REFERRER;
	struct dy_err ignored;
	letter_to_parse(l->recipient, "to", &t, &ignored);
	str_copy(to, sizeof to, letter_to_words(t));
	int32_t d = DATE_NONE;
	char day[DATE_LEN];
	str_copy(day, sizeof day, l->produced_at);
	date_parse(day, &d);
	page_date(d, when, sizeof when);
	snprintf(href, sizeof href, "/api/v1/letters/%lld", (long long)l->id);
	c->rc = TMPL(c->rows, c->e,
	             "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\">{{k}}</td>"
	             "<td class=\"nhsuk-table__cell\">To {{t}}</td><td class=\"nhsuk-table__cell\">{{w}}</td>"
	             "<td class=\"nhsuk-table__cell\">{{by}}</td>"
	             "<td class=\"nhsuk-table__cell\"><a href=\"{{h}}\" download>Download<span "
	             "class=\"nhsuk-u-visually-hidden\"> the {{k}} letter</span></a></td></tr>",
	             TMPL_S("k", kind), TMPL_S("t", to), TMPL_S("w", when), TMPL_S("by", l->produced_by),
	             TMPL_S("h", href));
	return 0;
}

int page_letter_section(struct buf *b, struct app *a, const struct episode *ep, struct dy_err *e)
{
	struct buf rows;
	buf_init(&rows, PAGE_BODY_MAX);
	struct dy_err le;
	struct rows_ctx c = {&rows, e, 0};
	int rc = app_letter_list(a, ep->id, letter_row, &c, &le);
	if (rc == DY_EFORBIDDEN || rc == DY_ENOTFOUND) {
		buf_free(&rows);
		return 0; /* the role may not see letters: no section */
	}
	if (rc)
		*e = le;
	rc = rc ? rc : c.rc;
	char make[64], fb[64], on[32] = "";
	snprintf(make, sizeof make, "/referrals/%lld/letters/new", (long long)ep->id);
	snprintf(fb, sizeof fb, "/referrals/%lld/feedback", (long long)ep->id);
	int discharged = ep->discharged_on != DATE_NONE, have_fb = 0;
	if (!rc && discharged) {
		struct feedback_row f;
		have_fb = app_feedback_get(a, ep->id, &f, &le) == 0;
		if (have_fb)
			page_date(f.answered_on, on, sizeof on);
	}
	if (!rc)
		rc = TMPL(b, e,
		          "<h3>Letters</h3>{{#rows}}<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption "
		          "nhsuk-u-visually-hidden\">Letters</caption><thead class=\"nhsuk-table__head\">"
		          "<tr class=\"nhsuk-table__row\"><th scope=\"col\" class=\"nhsuk-table__header\">Letter</th>"
		          "<th scope=\"col\" class=\"nhsuk-table__header\">To</th>"
		          "<th scope=\"col\" class=\"nhsuk-table__header\">Made</th>"
		          "<th scope=\"col\" class=\"nhsuk-table__header\">By</th>"
		          "<th scope=\"col\" class=\"nhsuk-table__header\">Letter file</th></tr></thead>"
		          "<tbody class=\"nhsuk-table__body\">{{{rows}}}</tbody></table>{{/rows}}"
		          "{{^rows}}<p>No letters yet.</p>{{/rows}}"
		          "<a class=\"nhsuk-button nhsuk-button--secondary nhsuk-u-margin-right-3\" href=\"{{make}}\">"
		          "Make a letter</a>"
		          "{{#disch}}<h3>Family feedback</h3>{{#on}}<p>The family's feedback was recorded on {{on}}.</p>{{/on}}"
		          "{{^on}}<p>No feedback recorded.</p><a class=\"nhsuk-button nhsuk-button--secondary\" "
		          "href=\"{{fb}}\">Record the family's feedback</a>{{/on}}{{/disch}}",
		          TMPL_HTML("rows", &rows), TMPL_S("make", make), TMPL_S("disch", discharged ? "1" : ""),
		          TMPL_S("on", on), TMPL_S("fb", fb));
	buf_free(&rows);
	return rc;
}

static const char *F(const struct http_req *rq, const char *name)
{
	return page_field(rq, name);
}

/* ---- Making a letter ---------------------------------------------------------------- */

static int letter_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe)
{
	struct episode_page pg;
	int rc = page_episode_open(&pg, rq, id);
	if (rc)
		return rc;
	static const struct form_option kinds[] = {
		{"acknowledgement", "Acknowledgement of the referral", NULL},
		{"decision", "The triage decision, with the reasons", "Only after the referral has been triaged"},
		{"discharge", "Discharge summary", "Only after the family has been discharged"}};
	static const struct form_option tos[] = {
		{"referrer", "The referrer", NULL}, {"gp", "The GP", NULL}, {"health_visitor", "The health visitor", NULL}};
	char action[64];
	snprintf(action, sizeof action, "/referrals/%lld/letters/new", (long long)id);
	rc = buf_puts(&pg.b, "<h1>Make a letter</h1>") ? DY_EINVAL : 0;
	rc = rc ? rc : form_error_summary(&pg.b, fe, &pg.e);
	rc = rc ? rc : page_form_open(&pg.b, rq, action, &pg.e);
	rc = rc ? rc : form_radios(&pg.b, fe, "kind", "Which letter", NULL, kinds, 3, F(rq, "kind"), 0, NULL, &pg.e);
	rc = rc ? rc
	        : form_radios(&pg.b, fe, "to", "To", NULL, tos, 3, *F(rq, "to") ? F(rq, "to") : "referrer", 0, NULL,
	                      &pg.e);
	rc = rc ? rc : buf_puts(&pg.b, "<button class=\"nhsuk-button\" type=\"submit\">Make the letter</button></form>");
	return page_episode_send(&pg, rq, rs, rc, "Make a letter", fe);
}

static int letter_get(struct http_req *rq, struct http_resp *rs) { return page_of_id(rq, rs, letter_page); }

static int letter_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct form_errors fe = {0};
	struct dy_err e;
	dy_err_clear(&e);
	enum letter_kind k = LETTER_ACKNOWLEDGEMENT;
	enum letter_to t = LETTER_TO_REFERRER;
	if (letter_kind_parse(F(rq, "kind"), "kind", &k, &e))
		form_error(&fe, "kind", "Select which letter");
	if (letter_to_parse(F(rq, "to"), "to", &t, &e))
		form_error(&fe, "to", "Select who the letter is to");
	if (!fe.n) {
		int rc = app_letter_make(rq->app, id, k, t, NULL, NULL, &e);
		if (rc == DY_ECONFLICT || rc == DY_EINVAL)
			form_error_from(&fe, "kind", &e);
		else if (rc)
			return rc;
	}
	if (fe.n)
		return letter_page(rq, rs, id, &fe);
	struct episode_page pg;
	int rc = page_episode_open(&pg, rq, id);
	if (rc)
		return rc;
	char back[48];
	str_copy(back, sizeof back, pg.back);
	buf_free(&pg.b);
	app_family_view_free(&pg.fv);
	app_referral_view_free(&pg.rv);
	return http_redirect(rs, back);
}

/* ---- Family feedback ---------------------------------------------------------------- */

static int feedback_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe)
{
	struct episode_page pg;
	int rc = page_episode_open(&pg, rq, id);
	if (rc)
		return rc;
	struct feedback_def def;
	rc = app_feedback_load(NULL, &def, &pg.e);
	char action[64];
	snprintf(action, sizeof action, "/referrals/%lld/feedback", (long long)id);
	rc = rc ? rc : page_episode_form(&pg, rq, fe, "Family feedback", action, "Date the family answered");
	for (int q = 0; !rc && q < def.n; q++) {
		struct form_option o[FEEDBACK_OPTIONS_MAX];
		char labels[FEEDBACK_OPTIONS_MAX][48];
		for (int k = 0; k < def.q[q].n_options; k++) {
			page_code(def.q[q].option[k], 1, labels[k], sizeof labels[k]);
			o[k] = (struct form_option){def.q[q].option[k], labels[k], NULL};
		}
		char name[FEEDBACK_CODE_MAX + 4];
		snprintf(name, sizeof name, "q_%s", def.q[q].code);
		rc = form_radios(&pg.b, fe, name, def.q[q].text, "Leave it empty if the family did not answer", o,
		                 def.q[q].n_options, F(rq, name), 1, NULL, &pg.e);
	}
	rc = rc ? rc : buf_puts(&pg.b, "<button class=\"nhsuk-button\" type=\"submit\">Save the feedback</button></form>");
	return page_episode_send(&pg, rq, rs, rc, "Family feedback", fe);
}

static int feedback_get(struct http_req *rq, struct http_resp *rs) { return page_of_id(rq, rs, feedback_page); }

static int feedback_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct form_errors fe = {0};
	struct dy_err e;
	dy_err_clear(&e);
	int32_t on;
	form_date_parse(F(rq, "date-day"), F(rq, "date-month"), F(rq, "date-year"), 1, "date", "date the family answered",
	                &on, &fe);
	struct feedback_def def;
	int rc = app_feedback_load(NULL, &def, &e);
	if (rc)
		return rc;
	char answers[FEEDBACK_ANSWERS_MAX];
	size_t u = 0;
	answers[0] = '\0';
	for (int q = 0; q < def.n && u < sizeof answers; q++) {
		char name[FEEDBACK_CODE_MAX + 4];
		snprintf(name, sizeof name, "q_%s", def.q[q].code);
		u += (size_t)snprintf(answers + u, sizeof answers - u, "%s%s", q ? ";" : "", F(rq, name));
	}
	if (!fe.n) {
		rc = app_feedback_add(rq->app, id, answers, on, NULL, &e);
		if (rc == DY_EINVAL || rc == DY_ECONFLICT) {
			char first[FEEDBACK_CODE_MAX + 4];
			snprintf(first, sizeof first, "q_%s", def.q[e.index > 0 && e.index <= def.n ? e.index - 1 : 0].code);
			form_error_from(&fe, strcmp(e.field, "date") == 0 ? "date" : first, &e);
		} else if (rc) {
			return rc;
		}
	}
	if (fe.n)
		return feedback_page(rq, rs, id, &fe);
	struct episode_page pg;
	if ((rc = page_episode_open(&pg, rq, id)))
		return rc;
	char back[48];
	str_copy(back, sizeof back, pg.back);
	buf_free(&pg.b);
	app_family_view_free(&pg.fv);
	app_referral_view_free(&pg.rv);
	return http_redirect(rs, back);
}

#define CASEWORK_WRITE (USER_MANAGER | USER_CLINICIAN | USER_ADMIN_STAFF | USER_OPERATOR)

const struct http_route page_letter_routes[] = {
	{HTTP_GET, "/referrals/{id}/letters/new", letter_get, CASEWORK_WRITE, 0, 0},
	{HTTP_POST, "/referrals/{id}/letters/new", letter_post, CASEWORK_WRITE, 0, HTTP_FORM},
	{HTTP_GET, "/referrals/{id}/feedback", feedback_get, CASEWORK_WRITE, 0, 0},
	{HTTP_POST, "/referrals/{id}/feedback", feedback_post, CASEWORK_WRITE, 0, HTTP_FORM},
	{0}};
