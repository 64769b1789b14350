/* api_correction.c: corrections with history through the JSON API
 * (app/app_correction.h; docs/corrections.md).
 *
 *   POST /api/v1/people/{id}/correct     {reason, changes: {field: value, ...}}: the corrections made
 *   GET  /api/v1/people/{id}/history     the person's corrections, oldest first
 *   POST /api/v1/corrections/{id}/revert {reason}: the correction that undoes it
 *   POST /api/v1/{referrals|contacts|measures|safeguarding}/{id}/correct {reason, changes}: its corrections
 *   POST /api/v1/{referrals|contacts|measures|safeguarding}/{id}/error   {reason}: entered in error
 *   POST /api/v1/families/{id}/correct {reason, changes: {created_on}}: the family's record corrections
 *   POST /api/v1/families/{id}/error   {reason}: the family record entered in error (once each referral is)
 *     (app/app_correction_record.h)
 *
 * Who may: the app layer's rules (booking staff of the team). */
#include <string.h>

#include "app/app_correction.h"
#include "app/app_correction_record.h"
#include "http/api_json.h"
#include "http/routes.h"

static json_t *corr_json(const struct correction *c)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)c->id));
	json_object_set_new(o, "record", json_string(c->entity));
	json_object_set_new(o, "record_id", json_integer((json_int_t)c->entity_id));
	json_object_set_new(o, "family_id", json_integer((json_int_t)c->family_id));
	json_object_set_new(o, "field", json_string(c->field));
	json_object_set_new(o, "old_value", json_string(c->old_value));
	json_object_set_new(o, "new_value", json_string(c->new_value));
	json_object_set_new(o, "reason", json_string(c->reason));
	json_object_set_new(o, "corrected_by", json_string(c->corrected_by));
	json_object_set_new(o, "corrected_at", json_string(c->corrected_at));
	json_object_set_new(o, "reverts", c->reverts ? json_integer((json_int_t)c->reverts) : json_null());
	return o;
}

static int add_corr(void *ctx, const struct correction *c)
{
	json_array_append_new(ctx, corr_json(c));
	return 0;
}

static int list_history(struct app *a, int64_t id, json_t *items, struct dy_err *e)
{
	return app_history(a, id, 0, add_corr, items, e);
}

static int history(struct http_req *rq, struct http_resp *rs) { return api_list_of(rq, rs, list_history); }

/* A correction request: the path's id, the JSON body (freed by the caller)
 * and its text "reason", with the error of its checks. */
struct reason_req {
	int64_t id;
	json_t *b;
	const char *reason;
	struct dy_err e;
};

/* Reads q from the request: 1 when the request was already answered (a
 * bad id or body), else 0 with *rc the reason's check (0, or DY_EINVAL in
 * q->e). */
static int id_and_reason(struct http_req *rq, struct http_resp *rs, struct reason_req *q, int *rc)
{
	if (api_path_id(rq, rs, &q->id) || api_body(rq, rs, &q->b))
		return 1;
	dy_err_clear(&q->e);
	q->reason = NULL;
	*rc = api_get_text(q->b, "reason", &q->reason, &q->e);
	return 0;
}

#define CHANGES_MAX 16

/* The body's "changes" object into ch (CHANGES_MAX), their count to *n. */
static int changes_of(json_t *b, struct correction_change *ch, int *n, struct dy_err *e)
{
	json_t *changes = json_object_get(b, "changes");
	*n = 0;
	if (!json_is_object(changes))
		return dy_fail(e, DY_EINVAL, "changes", "must be an object of field: value");
	const char *k;
	json_t *v;
	json_object_foreach(changes, k, v)
	{
		if (*n == CHANGES_MAX || !json_is_string(v))
			return dy_fail(e, DY_EINVAL, "changes", "each value must be text (\"\" to clear)");
		ch[(*n)++] = (struct correction_change){k, json_string_value(v)};
	}
	return 0;
}

static int correct(struct http_req *rq, struct http_resp *rs)
{
	struct reason_req q;
	int rc;
	if (id_and_reason(rq, rs, &q, &rc))
		return 0;
	struct correction_change ch[CHANGES_MAX];
	int n = 0;
	if (!rc)
		rc = changes_of(q.b, ch, &n, &q.e);
	if (!rc)
		rc = app_person_correct(rq->app, q.id, ch, n, q.reason, NULL, &q.e);
	json_decref(q.b);
	if (rc)
		return api_fail(rs, &q.e);
	json_t *items = json_array();
	if (app_history(rq->app, q.id, 0, add_corr, items, &q.e)) {
		json_decref(items);
		return api_fail(rs, &q.e);
	}
	return api_send(rs, 201, json_pack("{s:o}", "items", items));
}

static int revert(struct http_req *rq, struct http_resp *rs)
{
	int64_t nw = 0;
	struct reason_req q;
	int rc;
	if (id_and_reason(rq, rs, &q, &rc))
		return 0;
	if (!rc)
		rc = app_correction_revert(rq->app, q.id, q.reason, &nw, &q.e);
	json_decref(q.b);
	struct correction c;
	if (!rc)
		rc = app_correction_get(rq->app, nw, &c, &q.e);
	return rc ? api_fail(rs, &q.e) : api_send(rs, 201, corr_json(&c));
}

/* A referral's, contact's or measure's correction or entered in error:
 * the record's corrections after it. */
static int record_change(struct http_req *rq, struct http_resp *rs, const char *kind, int error)
{
	struct reason_req q;
	int rc;
	if (id_and_reason(rq, rs, &q, &rc))
		return 0;
	struct correction_change ch[CHANGES_MAX];
	int n = 0;
	if (!rc && !error && !(rc = changes_of(q.b, ch, &n, &q.e)))
		rc = app_record_correct(rq->app, kind, q.id, ch, n, q.reason, NULL, &q.e);
	else if (!rc && error)
		rc = app_record_error(rq->app, kind, q.id, q.reason, NULL, &q.e);
	json_decref(q.b);
	if (rc)
		return api_fail(rs, &q.e);
	json_t *items = json_array();
	if (app_record_history(rq->app, kind, q.id, add_corr, items, &q.e)) {
		json_decref(items);
		return api_fail(rs, &q.e);
	}
	return api_send(rs, 201, json_pack("{s:o}", "items", items));
}

static int referral_correct(struct http_req *rq, struct http_resp *rs) { return record_change(rq, rs, "referral", 0); }
static int referral_error(struct http_req *rq, struct http_resp *rs) { return record_change(rq, rs, "referral", 1); }
static int contact_correct(struct http_req *rq, struct http_resp *rs) { return record_change(rq, rs, "contact", 0); }
static int contact_error(struct http_req *rq, struct http_resp *rs) { return record_change(rq, rs, "contact", 1); }
static int measure_correct(struct http_req *rq, struct http_resp *rs) { return record_change(rq, rs, "measure", 0); }
static int measure_error(struct http_req *rq, struct http_resp *rs) { return record_change(rq, rs, "measure", 1); }
static int sg_correct(struct http_req *rq, struct http_resp *rs) { return record_change(rq, rs, "safeguarding", 0); }
static int sg_error(struct http_req *rq, struct http_resp *rs) { return record_change(rq, rs, "safeguarding", 1); }
static int family_correct(struct http_req *rq, struct http_resp *rs) { return record_change(rq, rs, "family", 0); }
static int family_error(struct http_req *rq, struct http_resp *rs) { return record_change(rq, rs, "family", 1); }

const struct http_route api_correction_routes[] = {
	{HTTP_POST, "/api/v1/people/{id}/correct", correct, USER_ANY, 16384, HTTP_JSON},
	{HTTP_GET, "/api/v1/people/{id}/history", history, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/corrections/{id}/revert", revert, USER_ANY, 8192, HTTP_JSON},
	{HTTP_POST, "/api/v1/referrals/{id}/correct", referral_correct, USER_ANY, 16384, HTTP_JSON},
	{HTTP_POST, "/api/v1/referrals/{id}/error", referral_error, USER_ANY, 8192, HTTP_JSON},
	{HTTP_POST, "/api/v1/contacts/{id}/correct", contact_correct, USER_ANY, 16384, HTTP_JSON},
	{HTTP_POST, "/api/v1/contacts/{id}/error", contact_error, USER_ANY, 8192, HTTP_JSON},
	{HTTP_POST, "/api/v1/measures/{id}/correct", measure_correct, USER_ANY, 16384, HTTP_JSON},
	{HTTP_POST, "/api/v1/measures/{id}/error", measure_error, USER_ANY, 8192, HTTP_JSON},
	{HTTP_POST, "/api/v1/safeguarding/{id}/correct", sg_correct, USER_ANY, 16384, HTTP_JSON},
	{HTTP_POST, "/api/v1/safeguarding/{id}/error", sg_error, USER_ANY, 8192, HTTP_JSON},
	{HTTP_POST, "/api/v1/families/{id}/correct", family_correct, USER_ANY, 16384, HTTP_JSON},
	{HTTP_POST, "/api/v1/families/{id}/error", family_error, USER_ANY, 8192, HTTP_JSON},
	{0}};
