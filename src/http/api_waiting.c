/* api_waiting.c: the waiting list and the waiting report.
 *
 *   GET /api/v1/waiting?as_of=DATE&breach_within=DAYS&limit=&offset=
 *       everyone waiting on either clock, most urgent first (names: casework roles)
 *   GET /api/v1/reports/waiting?from=DATE&to=DATE
 *       waiting times against the two standards over a period, and by month
 *       (figures only: analysts too) */
#include <string.h>

#include "app/app_pathway.h"
#include "http/api_json.h"
#include "http/routes.h"
#include "util/date.h"
#include "util/str.h"

static int query_date(struct http_req *rq, struct http_resp *rs, const char *name, int32_t def, int32_t *out)
{
	const char *s = http_query(rq, name);
	*out = def;
	if (s && date_parse(s, out)) {
		api_bad(rs, name, "must be a date, YYYY-MM-DD");
		return 1;
	}
	return 0;
}

static int waiting_list(struct http_req *rq, struct http_resp *rs)
{
	int limit, offset, within = -1;
	int32_t as_of;
	if (api_page(rq, rs, &limit, &offset) || query_date(rq, rs, "as_of", rq->app->today, &as_of))
		return 0;
	const char *w = http_query(rq, "breach_within");
	if (w && str_parse_int(w, 0, 3650, &within))
		return api_bad(rs, "breach_within", "must be a number of days, 0 or more");
	struct waiting_list l;
	struct dy_err e;
	dy_err_clear(&e);
	if (app_waiting_list(rq->app, as_of, NULL, within, &l, &e))
		return api_fail(rs, &e);
	json_t *items = json_array();
	for (size_t i = (size_t)offset; i < l.n && i < (size_t)offset + (size_t)limit; i++) {
		const struct waiting_row *r = &l.rows[i];
		json_array_append_new(items, json_pack("{s:I,s:I,s:I,s:s,s:s,s:o,s:o,s:i,s:i}", "referral_id",
		                                       (json_int_t)r->w.episode_id, "family_id", (json_int_t)r->family_id,
		                                       "infant_id", (json_int_t)r->infant_id, "infant_name",
		                                       r->infant_name, "clock", r->w.clock == CLOCK_A ? "A" : "B",
		                                       "start", api_date(r->w.start), "target", api_date(r->w.target),
		                                       "days_waited", r->w.days_waited, "days_left", r->w.days_left));
	}
	json_t *o = api_page_wrap(items, limit, offset, (size_t)offset + (size_t)limit < l.n);
	json_object_set_new(o, "as_of", api_date(as_of));
	json_object_set_new(o, "total", json_integer((json_int_t)l.n));
	app_waiting_list_free(&l);
	return api_send(rs, 200, o);
}

static json_t *figures(const struct waiting_figures *f)
{
	return json_pack("{s:I,s:I,s:o,s:o,s:o,s:o,s:I,s:I,s:I}", "stopped", (json_int_t)f->n, "within_target",
	                 (json_int_t)f->within_target, "median_days",
	                 f->median_days >= 0 ? json_integer(f->median_days) : json_null(), "p90_days",
	                 f->p90_days >= 0 ? json_integer(f->p90_days) : json_null(), "max_days",
	                 f->max_days >= 0 ? json_integer(f->max_days) : json_null(), "pct_within_target",
	                 f->pct_within_target >= 0 ? json_real(f->pct_within_target) : json_null(), "ended",
	                 (json_int_t)f->ended, "still_waiting", (json_int_t)f->still_waiting, "breached_still_waiting",
	                 (json_int_t)f->breached_still_waiting);
}

static int waiting_report(struct http_req *rq, struct http_resp *rs)
{
	int32_t from, to;
	if (query_date(rq, rs, "from", DATE_NONE, &from) || query_date(rq, rs, "to", rq->app->today, &to))
		return 0;
	if (from == DATE_NONE)
		return api_bad(rs, "from", "is required: the first day of the period, YYYY-MM-DD");
	struct waiting_report r;
	memset(&r, 0, sizeof r);
	struct dy_err e;
	dy_err_clear(&e);
	if (app_waiting_report(rq->app, from, to, NULL, &r, &e)) {
		waiting_report_free(&r);
		return api_fail(rs, &e);
	}
	json_t *months = json_array();
	for (size_t i = 0; i < r.n_months; i++) {
		char ym[8];
		snprintf(ym, sizeof ym, "%04d-%02d", r.months[i].year, r.months[i].month);
		json_array_append_new(months, json_pack("{s:s,s:o,s:o}", "month", ym, "clock_a",
		                                        figures(&r.months[i].clock[CLOCK_A]), "clock_b",
		                                        figures(&r.months[i].clock[CLOCK_B])));
	}
	json_t *o = json_pack("{s:o,s:o,s:o,s:o,s:o}", "from", api_date(from), "to", api_date(to), "clock_a",
	                      figures(&r.clock[CLOCK_A]), "clock_b", figures(&r.clock[CLOCK_B]), "months", months);
	waiting_report_free(&r);
	return api_send(rs, 200, o);
}

const struct http_route api_waiting_routes[] = {
	{HTTP_GET, "/api/v1/waiting", waiting_list, USER_ANY, 0, HTTP_JSON},
	{HTTP_GET, "/api/v1/reports/waiting", waiting_report, USER_ANY, 0, HTTP_JSON},
	{0}};
