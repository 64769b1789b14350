/* api_search.c: finding a family through the JSON API (app/app_search.h;
 * docs/find.md).
 *
 *   GET /api/v1/search?q=TEXT[&limit=N&offset=N]   people of the user's teams, best first */
#include <string.h>

#include "app/app_search.h"
#include "http/api_json.h"
#include "http/routes.h"

static int add_hit(void *ctx, const struct search_hit *h, enum find_match m)
{
	const struct person *p = &h->p;
	json_t *o = json_object();
	json_object_set_new(o, "family_id", json_integer((json_int_t)p->family_id));
	json_object_set_new(o, "person_id", json_integer((json_int_t)p->id));
	json_object_set_new(o, "role", json_string(p->role));
	json_object_set_new(o, "given_name", json_string(p->given_name));
	json_object_set_new(o, "family_name", json_string(p->family_name));
	json_object_set_new(o, "date_of_birth", api_date(p->date_of_birth));
	json_object_set_new(o, "nhs_number", p->nhs_number[0] ? json_string(p->nhs_number) : json_null());
	json_object_set_new(o, "postcode", p->postcode[0] ? json_string(p->postcode) : json_null());
	json_object_set_new(o, "referral_id", h->episode_id ? json_integer((json_int_t)h->episode_id) : json_null());
	json_object_set_new(o, "state", h->state[0] ? json_string(h->state) : json_null());
	json_object_set_new(o, "match", json_string(app_find_match_name(m)));
	json_array_append_new(ctx, o);
	return 0;
}

static int search(struct http_req *rq, struct http_resp *rs)
{
	int limit, offset;
	if (api_page(rq, rs, &limit, &offset))
		return 0;
	const char *q = http_query(rq, "q");
	json_t *items = json_array();
	struct dy_err e;
	dy_err_clear(&e);
	int64_t total = 0;
	if (app_find(rq->app, q, limit, offset, add_hit, items, &total, &e)) {
		json_decref(items);
		return api_fail(rs, &e);
	}
	json_t *o = api_page_wrap(items, limit, offset, offset + limit < total);
	json_object_set_new(o, "total", json_integer((json_int_t)total));
	return api_send(rs, 200, o);
}

const struct http_route api_search_routes[] = {
	{HTTP_GET, "/api/v1/search", search, USER_ANY, 0, HTTP_JSON},
	{0}};
