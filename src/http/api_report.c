/* api_report.c: the reports of report/ over HTTP.
 *
 *   GET /api/v1/reports/{name}?from=DATE&to=DATE&format=json|csv|html&publish=1
 *   GET /api/v1/reports/{name}?quarter=2026Q3&...
 *       &team=CODE: only that team's families (one of the user's teams,
 *       else 404 "no such team"); without it the server's team, or for
 *       the network role every team it is given, counted together.
 *       the report named (waiting, outcomes, ...) for the period, in the
 *       format asked for (JSON by default). Figures only: analysts too, and
 *       for a user whose only role is analyst small numbers are always
 *       suppressed, as with publish=1 (docs/reports.md). */
#include <string.h>

#include "app/app_scope.h"
#include "http/api_json.h"
#include "http/routes.h"
#include "report/render.h"
#include "report/report.h"
#include "util/date.h"

static int report_get(struct http_req *rq, struct http_resp *rs)
{
	struct report_params p = {0};
	struct dy_err e;
	dy_err_clear(&e);
	const char *quarter = http_query(rq, "quarter");
	if (quarter) {
		if (report_quarter_parse(quarter, &p.from, &p.to, &e))
			return api_fail(rs, &e);
	} else if (api_query_date(rq, rs, "from", DATE_NONE, &p.from) || api_query_date(rq, rs, "to", rq->app->today, &p.to)) {
		return 0;
	}
	if (p.from == DATE_NONE)
		return api_bad(rs, "from", "is required: the first day of the period, YYYY-MM-DD (or quarter, like 2026Q3)");
	const char *fs = http_query(rq, "format"), *pub = http_query(rq, "publish");
	enum rep_format f = REP_FMT_JSON;
	if (fs && (rep_format_parse(fs, &f, &e) || f == REP_FMT_TABLE))
		return api_bad(rs, "format", "must be json, csv or html");
	if (pub && strcmp(pub, "1") != 0 && strcmp(pub, "0") != 0)
		return api_bad(rs, "publish", "must be 1 or 0");
	clock_targets_default(&p.targets);
	p.publish = (pub && strcmp(pub, "1") == 0) || app_scope_published_only(rq->app);
	p.team = http_query(rq, "team");
	struct rep_result r;
	int rc = report_build(rq->app, http_param(rq, "name"), &p, &r, &e);
	if (!rc) {
		buf_reset(&rs->body);
		rc = rep_render(&r, f, &rs->body, &e);
	}
	rep_free(&r);
	if (rc) {
		buf_reset(&rs->body);
		return api_fail(rs, &e);
	}
	http_type(rs, f == REP_FMT_JSON ? HTTP_JSON_TYPE : f == REP_FMT_CSV ? "text/csv; charset=utf-8" : HTTP_HTML);
	if (f != REP_FMT_JSON) {
		char cd[120];
		snprintf(cd, sizeof cd, "attachment; filename=\"dyad-%s.%s\"", http_param(rq, "name"),
		         f == REP_FMT_CSV ? "csv" : "html");
		http_header(rs, "Content-Disposition", cd);
	}
	return 0;
}

const struct http_route api_report_routes[] = {
	{HTTP_GET, "/api/v1/reports/{name}", report_get, USER_ROLES, 0, HTTP_JSON},
	{0}};
