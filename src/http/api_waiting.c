/* api_waiting.c: the waiting list.
 *
 *   GET /api/v1/waiting?as_of=DATE&breach_within=DAYS&limit=&offset=
 *       everyone waiting on either clock, most urgent first (names: casework roles;
 *       each family a page names is logged in the audit)
 * The waiting report is /api/v1/reports/waiting (api_report.c). */
#include <string.h>

#include "app/app_pathway.h"
#include "app/app_waiting_audit.h"
#include "http/api_json.h"
#include "http/routes.h"
#include "util/date.h"
#include "util/str.h"

static int waiting_list(struct http_req *rq, struct http_resp *rs)
{
	int limit, offset, within = -1;
	int32_t as_of;
	if (api_page(rq, rs, &limit, &offset) || api_query_date(rq, rs, "as_of", rq->app->today, &as_of))
		return 0;
	const char *w = http_query(rq, "breach_within");
	if (w && str_parse_int(w, 0, 3650, &within))
		return api_bad(rs, "breach_within", "must be a number of days, 0 or more");
	struct waiting_list l;
	struct dy_err e;
	dy_err_clear(&e);
	if (app_waiting_list(rq->app, as_of, NULL, within, &l, &e))
		return api_fail(rs, &e);
	/* Each family the page names is logged before it is sent. */
	if (app_waiting_shown(rq->app, &l, (size_t)offset, (size_t)limit, &e)) {
		app_waiting_list_free(&l);
		return api_fail(rs, &e);
	}
	json_t *items = json_array();
	for (size_t i = (size_t)offset; i < l.n && i < (size_t)offset + (size_t)limit; i++) {
		const struct waiting_row *r = &l.rows[i];
		const char *verdict = waiting_booking_verdict(&r->w, r->booked_on);
		json_t *it = json_pack("{s:I,s:I,s:I,s:s,s:s,s:o,s:o,s:i,s:i}", "referral_id", (json_int_t)r->w.episode_id,
		                       "family_id", (json_int_t)r->family_id, "infant_id", (json_int_t)r->infant_id,
		                       "infant_name", r->infant_name, "clock", r->w.clock == CLOCK_A ? "A" : "B", "start",
		                       api_date(r->w.start), "target", api_date(r->w.target), "days_waited",
		                       r->w.days_waited, "days_left", r->w.days_left);
		/* The booking that would stop the clock, and whether in time. */
		json_object_set_new(it, "booked", r->booked_kind[0] ? json_string(r->booked_kind) : json_null());
		json_object_set_new(it, "booked_on", api_date(r->booked_on));
		json_object_set_new(it, "booking", verdict[0] ? json_string(verdict) : json_null());
		json_array_append_new(items, it);
	}
	json_t *o = api_page_wrap(items, limit, offset, (size_t)offset + (size_t)limit < l.n);
	json_object_set_new(o, "as_of", api_date(as_of));
	json_object_set_new(o, "total", json_integer((json_int_t)l.n));
	app_waiting_list_free(&l);
	return api_send(rs, 200, o);
}

const struct http_route api_waiting_routes[] = {
	{HTTP_GET, "/api/v1/waiting", waiting_list, USER_ANY, 0, HTTP_JSON},
	{0}};
