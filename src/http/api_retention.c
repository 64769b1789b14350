/* api_retention.c: the retention review through the JSON API
 * (app/app_retention.h; docs/retention.md). Lists only: nothing is deleted.
 *
 *   GET /api/v1/retention[?as_of=DATE]   families whose record has reached its
 *       retention date on as_of (default today); managers only, audited */
#include "app/app_retention.h"
#include "http/api_json.h"
#include "http/routes.h"

static int retention(struct http_req *rq, struct http_resp *rs)
{
	int32_t as_of;
	if (api_query_date(rq, rs, "as_of", rq->app->today, &as_of))
		return 0;
	struct retention_review r;
	struct dy_err e;
	dy_err_clear(&e);
	if (app_retention_review(rq->app, as_of, &r, &e))
		return api_fail(rs, &e);
	json_t *items = json_array();
	for (size_t i = 0; i < r.n; i++) {
		const struct retention_due_row *d = &r.rows[i];
		char basis[320];
		json_t *o = json_object();
		json_object_set_new(o, "family_id", json_integer((json_int_t)d->family_id));
		json_object_set_new(o, "retention_date", api_date(d->date));
		json_object_set_new(o, "rule", json_string(retention_rule_code(d->rule)));
		json_object_set_new(o, "basis", json_string(retention_rule_basis(&r.rules, d->rule, basis, sizeof basis)));
		json_object_set_new(o, "last_care_ended", api_date(d->last_care_ended));
		json_array_append_new(items, o);
	}
	json_t *o = json_object();
	json_object_set_new(o, "as_of", api_date(as_of));
	json_object_set_new(o, "rules", json_string(r.source));
	json_object_set_new(o, "total", json_integer((json_int_t)r.n));
	json_object_set_new(o, "items", items);
	app_retention_review_free(&r);
	return api_send(rs, 200, o);
}

const struct http_route api_retention_routes[] = {
	{HTTP_GET, "/api/v1/retention", retention, USER_MANAGER, 0, HTTP_JSON},
	{0}};
