/* page_reports.c: the reports page: for this quarter and the four before
 * it, a link to every report (report/report.h) as a page to read or print
 * (HTML), and downloads as CSV and JSON, all served by
 * /api/v1/reports/{name}. For a user whose only role is analyst, and for
 * the network role (whose figures are all its teams' together), the
 * reports are always the published (suppressed) form, and the page says so. */
#include <stdio.h>

#include "app/app_scope.h"
#include "http/page.h"
#include "http/routes.h"
#include "report/report.h"
#include "util/date.h"

static int reports(struct http_req *rq, struct http_resp *rs)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct buf b, rows;
	page_body(&b);
	buf_init(&rows, PAGE_BODY_MAX);
	int y, m, d, rc = 0;
	date_to_ymd(rq->app->today, &y, &m, &d);
	int q = (m - 1) / 3; /* this quarter, 0-based */
	for (int k = 0; k < 5 && !rc; k++) {
		int qq = q - k, yy = y;
		while (qq < 0) {
			qq += 4;
			yy--;
		}
		char name[24], from[DATE_LEN], to[DATE_LEN];
		int32_t f, t;
		snprintf(name, sizeof name, "%04dQ%d", yy % 10000, qq + 1);
		if (report_quarter_parse(name, &f, &t, &e))
			break;
		date_format(f, from);
		date_format(t < rq->app->today ? t : rq->app->today, to);
		rc = TMPL(&rows, &e, "<tr class=\"nhsuk-table__row\"><th scope=\"row\" class=\"nhsuk-table__header\">{{q}}"
		                     "{{#now}} (so far){{/now}}</th><td class=\"nhsuk-table__cell\"><ul class=\"nhsuk-list\">",
		          TMPL_S("q", name), TMPL_S("now", k == 0 ? "1" : ""));
		for (int i = 0; report_names[i] && !rc; i++) {
			char href[160];
			snprintf(href, sizeof href, "/api/v1/reports/%s?from=%s&to=%s&format=", report_names[i], from, to);
			rc = TMPL(&rows, &e,
			          "<li>{{t}}: <a href=\"{{h}}html\">read or print</a>, <a href=\"{{h}}csv\">CSV</a>,"
			          " <a href=\"{{h}}json\">JSON</a></li>",
			          TMPL_S("t", report_title(report_names[i])), TMPL_S("h", href));
		}
		rc = rc ? rc : buf_puts(&rows, "</ul></td></tr>");
	}
	int published = app_scope_published_only(rq->app);
	rc = rc ? rc
	        : TMPL(&b, &e,
	               "<h1>Reports</h1><p>Each report covers one quarter: waiting times over the clocks that stopped in"
	               " it; outcomes, completeness and safeguarding over the episodes discharged in it. docs/reports.md"
	               " defines every figure.</p>{{#net}}<p>The figures are those of all your teams together.</p>"
	               "{{/net}}{{#pub}}<div class=\"nhsuk-inset-text\"><p>Your role sees the published form: counts"
	               " from 1 to 4 are shown as *, with any figure that would reveal one.</p></div>{{/pub}}<table"
	               " class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">Reports by quarter</caption>"
	               "<thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\"><th scope="
	               "\"col\" class=\"nhsuk-table__header\">Quarter</th><th scope=\"col\" class=\"nhsuk-table__header\">"
	               "Reports</th></tr></thead><tbody class=\"nhsuk-table__body\">{{{r}}}</tbody></table>",
	               TMPL_S("net", rq->user && (rq->user->roles & USER_NETWORK) ? "1" : ""),
	               TMPL_S("pub", published ? "1" : ""), TMPL_HTML("r", &rows));
	buf_free(&rows);
	if (rc) {
		buf_free(&b);
		return rc < 0 ? rc : DY_EINTERNAL;
	}
	return page_send(rq, rs, 200, "Reports", "/", "Home", NULL, &b);
}

const struct http_route page_reports_routes[] = {
	{HTTP_GET, "/reports", reports, USER_MANAGER | USER_CLINICIAN | USER_ANALYST | USER_NETWORK, 0, 0},
	{0}};
