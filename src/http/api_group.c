/* api_group.c: group programmes over the JSON API (app/app_group.h).
 *
 *   GET  /api/v1/groups                the team's runs, latest start first
 *   GET  /api/v1/groups/{id}           one run: its caregivers (attended,
 *                                      completed) and each session recorded
 *                                      with who attended
 *   POST /api/v1/groups/{id}/sessions  record a session's attendance */
#include <string.h>

#include "app/app_group.h"
#include "http/api_json.h"
#include "http/routes.h"
#include "util/date.h"

static json_t *run_json(const struct group_run *r)
{
	json_t *f = json_array();
	for (int i = 0; i < r->n_facilitators; i++)
		json_array_append_new(f, json_integer(r->facilitators[i]));
	return json_pack("{s:I,s:s,s:o,s:i,s:i,s:s,s:s,s:i,s:i,s:o}", "id", (json_int_t)r->id, "intervention",
	                 r->intervention, "starts", api_date(r->starts_on), "sessions", r->sessions, "sessions_held",
	                 r->sessions_held, "venue", r->venue, "location", r->location, "capacity", r->capacity,
	                 "enrolled", r->enrolled, "facilitators", f);
}

static int add_run(void *ctx, const struct group_run *r)
{
	json_array_append_new(ctx, run_json(r));
	return 0;
}

static int groups_list(struct http_req *rq, struct http_resp *rs)
{
	json_t *items = json_array();
	struct dy_err e;
	dy_err_clear(&e);
	int rc = app_group_list(rq->app, add_run, items, &e);
	if (rc) {
		json_decref(items);
		return api_fail(rs, &e);
	}
	return api_send(rs, 200, json_pack("{s:o}", "items", items));
}

static int add_member(void *ctx, const struct group_member *m)
{
	json_array_append_new(ctx, json_pack("{s:I,s:I,s:I,s:s,s:i,s:i,s:o,s:o}", "enrolment_id",
	                                     (json_int_t)m->en.id, "referral_id", (json_int_t)m->en.episode_id,
	                                     "caregiver_id", (json_int_t)m->en.person_id, "name", m->name, "attended",
	                                     m->en.attended, "recorded", m->en.recorded, "completed",
	                                     m->completion_min > 0 ? json_boolean(m->completed) : json_null(),
	                                     "enrolled", api_date(m->en.enrolled_on)));
	return 0;
}

/* Sessions as [{number, date, attended: [enrolment ids], did_not_attend: [...]}]. */
static int add_mark(void *ctx, const struct group_mark *k)
{
	json_t *sessions = ctx;
	size_t n = json_array_size(sessions);
	json_t *last = n ? json_array_get(sessions, n - 1) : NULL;
	if (!last || json_integer_value(json_object_get(last, "number")) != k->number) {
		last = json_pack("{s:i,s:o,s:[],s:[]}", "number", k->number, "date", api_date(k->date), "attended",
		                 "did_not_attend");
		json_array_append_new(sessions, last);
	}
	if (k->enrolment_id)
		json_array_append_new(json_object_get(last, k->attended ? "attended" : "did_not_attend"),
		                      json_integer(k->enrolment_id));
	return 0;
}

static int group_show(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (api_path_id(rq, rs, &id))
		return 0;
	struct group_run r;
	json_t *members = json_array(), *sessions = json_array();
	struct dy_err e;
	dy_err_clear(&e);
	int rc = app_group_show(rq->app, id, &r, add_member, members, NULL, &e);
	if (!rc)
		rc = app_group_marks(rq->app, id, add_mark, sessions, &e);
	if (rc) {
		json_decref(members);
		json_decref(sessions);
		return api_fail(rs, &e);
	}
	json_t *o = run_json(&r);
	json_object_set_new(o, "members", members);
	json_object_set_new(o, "session_attendance", sessions);
	return api_send(rs, 200, o);
}

static int session_add(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	int64_t number = 0, duration = -1;
	int32_t date = DATE_NONE;
	int64_t attended[GROUP_MAX_CAPACITY];
	int n = 0, written = 0;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_int(b, "number", 0, 1, GROUP_MAX_SESSIONS, &number, &e);
	if (!rc)
		rc = api_get_date(b, "date", &date, &e);
	if (!rc)
		rc = api_get_int(b, "duration_min", -1, 0, 600, &duration, &e);
	if (!rc)
		rc = api_get_ids(b, "attended", attended, GROUP_MAX_CAPACITY, &n, &e);
	json_decref(b);
	if (!rc && !number)
		rc = dy_fail(&e, DY_EINVAL, "number", "is required");
	if (!rc && date == DATE_NONE)
		rc = dy_fail(&e, DY_EINVAL, "date", "is required");
	if (!rc)
		rc = app_group_session(rq->app, id, (int)number, date, attended, n, (int)duration, &written, &e);
	if (rc)
		return api_fail(rs, &e);
	return api_send(rs, 201, json_pack("{s:I,s:i,s:i,s:i}", "run_id", (json_int_t)id, "number", (int)number,
	                                   "attended", n, "contacts_written", written));
}

const struct http_route api_group_routes[] = {
	{HTTP_GET, "/api/v1/groups", groups_list, USER_CASEWORK, 0, HTTP_JSON},
	{HTTP_GET, "/api/v1/groups/{id}", group_show, USER_CASEWORK, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/groups/{id}/sessions", session_add, USER_CASEWORK, 8192, HTTP_JSON},
	{0}};
