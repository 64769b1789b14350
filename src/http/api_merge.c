/* api_merge.c: likely duplicates and family merge through the JSON API
 * (app/app_merge.h; docs/merge.md).
 *
 *   GET  /api/v1/duplicates                 pairs of likely duplicate people, with the reason
 *   POST /api/v1/families/{id}/merge        {merge, reason}: family `merge` moved into family {id}
 *
 * Who may: the app layer's rules (managers and clinicians of the team). */
#include <string.h>

#include "app/app_merge.h"
#include "http/api_json.h"
#include "http/routes.h"
#include "util/date.h"

static json_t *side_json(const struct merge_person *m)
{
	char dob[DATE_LEN];
	date_format(m->p.date_of_birth, dob);
	return json_pack("{s:I,s:I,s:s,s:s,s:s,s:s}", "family_id", (json_int_t)m->p.family_id, "person_id",
	                 (json_int_t)m->p.id, "given_name", m->p.given_name, "family_name", m->p.family_name,
	                 "date_of_birth", dob, "postcode", m->p.postcode);
}

static int add_pair(void *ctx, const struct duplicate_pair *d)
{
	json_array_append_new(ctx, json_pack("{s:s,s:s,s:o,s:o}", "reason", duplicate_reason_code(d->reason), "role",
	                                     d->a.p.role, "person", side_json(&d->a), "other", side_json(&d->b)));
	return 0;
}

static int duplicates(struct http_req *rq, struct http_resp *rs)
{
	struct dy_err e;
	dy_err_clear(&e);
	json_t *items = json_array();
	if (app_duplicates(rq->app, add_pair, items, &e)) {
		json_decref(items);
		return api_fail(rs, &e);
	}
	return api_send(rs, 200, json_pack("{s:o}", "items", items));
}

static int merge(struct http_req *rq, struct http_resp *rs)
{
	int64_t keep, other = 0;
	json_t *b;
	if (api_path_id(rq, rs, &keep) || api_body(rq, rs, &b))
		return 0;
	struct dy_err e;
	dy_err_clear(&e);
	const char *reason = NULL;
	struct family_merge m;
	int rc = api_get_int(b, "merge", 0, 1, INT64_C(9007199254740991), &other, &e);
	if (!rc && !other)
		rc = dy_fail(&e, DY_EINVAL, "merge", "is required: the family to merge into this one");
	if (!rc)
		rc = api_get_text(b, "reason", &reason, &e);
	if (!rc)
		rc = app_family_merge(rq->app, keep, other, reason, &m, &e);
	json_decref(b);
	if (rc)
		return api_fail(rs, &e);
	json_t *moved = json_object();
	for (int k = 0; k < MERGE_KINDS; k++)
		json_object_set_new(moved, merge_kind_names[k], json_integer((json_int_t)m.moved[k]));
	return api_send(rs, 201, json_pack("{s:I,s:I,s:I,s:s,s:s,s:s,s:o}", "id", (json_int_t)m.id, "kept",
	                                   (json_int_t)m.kept, "merged", (json_int_t)m.merged, "reason", m.reason,
	                                   "merged_by", m.merged_by, "merged_at", m.merged_at, "moved", moved));
}

const struct http_route api_merge_routes[] = {
	{HTTP_GET, "/api/v1/duplicates", duplicates, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/families/{id}/merge", merge, USER_ANY, 8192, HTTP_JSON},
	{0}};
