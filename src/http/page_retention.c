/* page_retention.c: the retention review page (docs/retention.md): the
 * families whose record has reached its retention date on a chosen day
 * (today unless asked), each with the rule that decided it and its source.
 * Managers only (app/app_retention.h checks); a list only: nothing is
 * deleted from here. */
#include <stdio.h>

#include "app/app_retention.h"
#include "http/page.h"
#include "http/routes.h"
#include "util/date.h"
#include "util/str.h"

#define PAGE_ROWS 200 /* rows shown; the API and the command line give them all */
#define STR_(x) #x
#define STR(x) STR_(x)

static int rows_html(struct buf *rows, const struct retention_review *r, struct dy_err *e)
{
	int rc = 0;
	for (size_t i = 0; i < r->n && i < PAGE_ROWS && !rc; i++) {
		const struct retention_due_row *d = &r->rows[i];
		char fid[24], href[48], due[32], ended[32], basis[320];
		snprintf(fid, sizeof fid, "%lld", (long long)d->family_id);
		snprintf(href, sizeof href, "/families/%lld", (long long)d->family_id);
		page_date(d->date, due, sizeof due);
		page_date(d->last_care_ended, ended, sizeof ended);
		rc = TMPL(rows, e,
		          "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\"><a href=\"{{h}}\">Family {{f}}</a>"
		          "</td><td class=\"nhsuk-table__cell\">{{d}}</td><td class=\"nhsuk-table__cell\">{{b}}</td>"
		          "<td class=\"nhsuk-table__cell\">{{x}}</td></tr>",
		          TMPL_S("h", href), TMPL_S("f", fid), TMPL_S("d", due),
		          TMPL_S("b", retention_rule_basis(&r->rules, d->rule, basis, sizeof basis)),
		          TMPL_S("x", ended[0] ? ended : "not recorded"));
	}
	return rc;
}

static int retention(struct http_req *rq, struct http_resp *rs)
{
	struct form_errors fe = {0};
	int32_t as_of = rq->app->today;
	char d3[3][8];
	if (http_query(rq, "as_of-day")) {
		const char *q[3] = {http_query(rq, "as_of-day"), http_query(rq, "as_of-month"), http_query(rq, "as_of-year")};
		for (int i = 0; i < 3; i++)
			str_copy(d3[i], 8, q[i] ? q[i] : "");
		if (form_date_parse(d3[0], d3[1], d3[2], 1, "as_of", "review date", &as_of, &fe))
			as_of = rq->app->today;
	} else {
		form_date_split(as_of, d3[0], d3[1], d3[2]);
	}
	struct dy_err e;
	dy_err_clear(&e);
	struct retention_review r;
	int rc = app_retention_review(rq->app, as_of, &r, &e);
	if (rc)
		return rc;
	struct buf b, rows;
	page_body(&b);
	buf_init(&rows, PAGE_BODY_MAX);
	char day[32], count[32], iso[DATE_LEN], api[64];
	page_date(as_of, day, sizeof day);
	date_format(as_of, iso);
	snprintf(api, sizeof api, "/api/v1/retention?as_of=%s", iso);
	snprintf(count, sizeof count, "%zu", r.n);
	char basis[3][320];
	rc = rows_html(&rows, &r, &e);
	rc = rc ? rc
	        : TMPL(&b, &e,
	               "<h1>Retention review</h1><p>Families whose record has reached the date the retention rules"
	               " give it; for a family holding several, the later date. Rules in use ({{src}}):</p>"
	               "<ul><li>a child: {{child}}</li><li>a child who was {{late}}</li><li>a caregiver: {{carer}}</li></ul>"
	               "<p>docs/retention.md gives the sources.</p>"
	               "<div class=\"nhsuk-inset-text\"><p>This page deletes nothing, and dyad has no command that"
	               " destroys a record yet: docs/retention.md says why and what one must do.</p></div>",
	               TMPL_S("src", r.source),
	               TMPL_S("child", retention_rule_basis(&r.rules, RETENTION_RULE_CHILD, basis[0], sizeof basis[0])),
	               TMPL_S("late", retention_rule_basis(&r.rules, RETENTION_RULE_CHILD_LATE, basis[1], sizeof basis[1])),
	               TMPL_S("carer", retention_rule_basis(&r.rules, RETENTION_RULE_CAREGIVER, basis[2], sizeof basis[2])));
	rc = rc ? rc : form_error_summary(&b, &fe, &e);
	rc = rc ? rc : buf_puts(&b, "<form method=\"get\" action=\"/retention\">");
	rc = rc ? rc : form_date(&b, &fe, "as_of", "Review as of", NULL, d3[0], d3[1], d3[2], &e);
	rc = rc ? rc
	        : buf_puts(&b, "<button class=\"nhsuk-button nhsuk-button--secondary\" type=\"submit\">Review</button>"
	                       "</form>");
	if (!rc && r.n == 0)
		rc = TMPL(&b, &e, "<p>No family's record has reached its retention date on {{d}}.</p>", TMPL_S("d", day));
	else if (!rc)
		rc = TMPL(&b, &e,
		          "<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">{{n}} families past their"
		          " retention date on {{d}}</caption><thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">"
		          "<th scope=\"col\" class=\"nhsuk-table__header\">Family</th><th scope=\"col\""
		          " class=\"nhsuk-table__header\">Date reached</th><th scope=\"col\" class=\"nhsuk-table__header\">"
		          "Rule</th><th scope=\"col\" class=\"nhsuk-table__header\">Last care ended</th></tr></thead>"
		          "<tbody class=\"nhsuk-table__body\">{{{r}}}</tbody></table>{{#more}}<p>The first {{m}} are"
		          " shown, in family order. Every one: <a href=\"{{api}}\">the list as JSON</a>, or"
		          " <code>dyad retention review --as-of {{iso}}</code>.</p>{{/more}}",
		          TMPL_S("n", count), TMPL_S("d", day), TMPL_HTML("r", &rows), TMPL_S("more", r.n > PAGE_ROWS ? "1" : ""),
		          TMPL_S("m", STR(PAGE_ROWS)), TMPL_S("api", api), TMPL_S("iso", iso));
	app_retention_review_free(&r);
	buf_free(&rows);
	if (rc) {
		buf_free(&b);
		return rc < 0 ? rc : DY_EINTERNAL;
	}
	return page_send(rq, rs, fe.n ? 400 : 200, "Retention review", "/", "Home", &fe, &b);
}

const struct http_route page_retention_routes[] = {
	{HTTP_GET, "/retention", retention, USER_MANAGER, 0, 0},
	{0}};
