/* api_careplan.c: the intervention catalogue and care plans.
 *
 *   GET  /api/v1/interventions                    the team's intervention catalogue
 *   GET  /api/v1/referrals/{id}/careplan          the referral's plan: delivered against planned
 *   POST /api/v1/referrals/{id}/careplan          add an intervention to the plan
 *   POST /api/v1/careplans/{id}/status            move a plan: active, completed, stopped_early */
#include <string.h>

#include "app/app_careplan.h"
#include "app/app_files.h"
#include "http/api_json.h"
#include "http/routes.h"
#include "util/date.h"

static json_t *int_or_null(int v)
{
	return v > 0 ? json_integer(v) : json_null();
}

static int interventions_list(struct http_req *rq, struct http_resp *rs)
{
	struct intervention_catalogue c;
	struct dy_err e;
	dy_err_clear(&e);
	if (intervention_load_file(NULL, &c, &e))
		return api_fail(rs, &e);
	json_t *items = json_array();
	for (size_t i = 0; i < c.n; i++) {
		const struct intervention_def *d = &c.defs[i];
		json_t *o = json_object();
		json_object_set_new(o, "code", json_string(d->code));
		json_object_set_new(o, "name", json_string(d->name));
		json_object_set_new(o, "mode", json_string(intervention_mode_code(d->mode)));
		json_object_set_new(o, "planned_sessions", int_or_null(d->planned_sessions));
		json_object_set_new(o, "planned_span_weeks", int_or_null(d->planned_span_weeks));
		json_object_set_new(o, "completion_min_sessions", int_or_null(d->completion_min_sessions));
		json_object_set_new(o, "visit_every_days", int_or_null(d->visit_every_days));
		json_object_set_new(o, "ends_at_age_months", int_or_null(d->ends_at_age_months));
		json_object_set_new(o, "eligibility", d->eligibility[0] ? json_string(d->eligibility) : json_null());
		json_object_set_new(o, "nice", d->nice[0] ? json_string(d->nice) : json_null());
		json_object_set_new(o, "verified", json_boolean(d->verified));
		json_array_append_new(items, o);
	}
	intervention_catalogue_free(&c);
	return api_send(rs, 200, json_pack("{s:o}", "items", items));
}

static json_t *ids_json(const int64_t *ids, int n)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_integer(ids[i]));
	return a;
}

static json_t *plan_json(const struct care_plan *p)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "referral_id", json_integer(p->episode_id));
	json_object_set_new(o, "intervention", json_string(p->intervention));
	json_object_set_new(o, "start", api_date(p->start_on));
	json_object_set_new(o, "status", json_string(careplan_status_code(p->status)));
	json_object_set_new(o, "status_on", api_date(p->status_on));
	json_object_set_new(o, "stop_reason", p->stop_reason[0] ? json_string(p->stop_reason) : json_null());
	json_object_set_new(o, "planned", json_integer(p->planned_sessions));
	json_object_set_new(o, "delivered", json_integer(p->delivered));
	json_object_set_new(o, "percent", json_integer(careplan_percent(p->delivered, p->planned_sessions)));
	json_object_set_new(o, "practitioners", ids_json(p->practitioners, p->n_practitioners));
	json_object_set_new(o, "goals", ids_json(p->goals, p->n_goals));
	json_object_set_new(o, "planned_end", api_date(p->planned_end));
	json_object_set_new(o, "visit_every_days", int_or_null(p->visit_every_days));
	json_object_set_new(o, "visits_expected", p->visit_every_days ? json_integer(p->visits_expected) : json_null());
	return o;
}

static int add_plan(void *ctx, const struct care_plan *p)
{
	json_array_append_new(ctx, plan_json(p));
	return 0;
}

static int careplans_of(struct app *a, int64_t id, json_t *items, struct dy_err *e)
{
	return app_careplan_list(a, id, add_plan, items, e);
}

static int careplan_list(struct http_req *rq, struct http_resp *rs) { return api_list_of(rq, rs, careplans_of); }

static int careplan_add(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	struct care_plan p;
	memset(&p, 0, sizeof p);
	p.episode_id = id;
	int64_t sessions = 0;
	char status[20] = "";
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_text_into(b, "intervention", p.intervention, sizeof p.intervention, 1, &e);
	if (!rc)
		rc = api_get_date(b, "start", &p.start_on, &e);
	if (!rc)
		rc = api_get_int(b, "sessions", 0, 1, 500, &sessions, &e);
	if (!rc)
		rc = api_get_ids(b, "practitioners", p.practitioners, CAREPLAN_MAX_PRACTITIONERS, &p.n_practitioners, &e);
	if (!rc)
		rc = api_get_ids(b, "goals", p.goals, CAREPLAN_MAX_GOALS, &p.n_goals, &e);
	if (!rc)
		rc = api_get_text_into(b, "status", status, sizeof status, 0, &e);
	json_decref(b);
	p.planned_sessions = (int)sessions;
	if (!rc && status[0])
		rc = careplan_status_parse(status, "status", &p.status, &e);
	if (!rc)
		rc = app_careplan_add(rq->app, &p, NULL, &e);
	if (!rc)
		rc = app_careplan_get(rq->app, p.id, &p, &e);
	if (rc)
		return api_fail(rs, &e);
	return api_send(rs, 201, plan_json(&p));
}

static int careplan_status(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	char to[20] = "", reason[CAREPLAN_REASON_MAX + 1] = "";
	int32_t on = DATE_NONE;
	enum careplan_status st = CAREPLAN_PLANNED;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_text_into(b, "to", to, sizeof to, 1, &e);
	if (!rc)
		rc = api_get_date(b, "date", &on, &e);
	if (!rc)
		rc = api_get_text_into(b, "reason", reason, sizeof reason, 0, &e);
	json_decref(b);
	if (!rc)
		rc = careplan_status_parse(to, "to", &st, &e);
	if (!rc && on == DATE_NONE)
		on = rq->app->today;
	struct care_plan p;
	if (!rc)
		rc = app_careplan_move(rq->app, id, st, on, reason, &e);
	if (!rc)
		rc = app_careplan_get(rq->app, id, &p, &e);
	if (rc)
		return api_fail(rs, &e);
	return api_send(rs, 200, plan_json(&p));
}

const struct http_route api_careplan_routes[] = {
	{HTTP_GET, "/api/v1/interventions", interventions_list, USER_ANY, 0, HTTP_JSON},
	{HTTP_GET, "/api/v1/referrals/{id}/careplan", careplan_list, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/referrals/{id}/careplan", careplan_add, USER_ANY, 8192, HTTP_JSON},
	{HTTP_POST, "/api/v1/careplans/{id}/status", careplan_status, USER_ANY, 2048, HTTP_JSON},
	{0}};
