/* api_measure.c: outcome measures, goals and instrument definitions.
 *
 *   GET  /api/v1/referrals/{id}/measures          measures with scores, bands, risk flags
 *   POST /api/v1/referrals/{id}/measures          record a measure: scored on save
 *   POST /api/v1/measures/{id}/acknowledge        a clinician has reviewed its risk flags
 *   GET  /api/v1/referrals/{id}/goals             goals with their ratings
 *   POST /api/v1/referrals/{id}/goals             add a goal (at most 3)
 *   POST /api/v1/goals/{id}/ratings               rate a goal 0-10
 *   GET  /api/v1/instruments                      the loaded definitions
 *   GET  /api/v1/instruments/{id}                 one definition's items, scales and bands */
#include <math.h>
#include <string.h>

#include "app/app_measure.h"
#include "app/app_risk.h"
#include "http/api_json.h"
#include "http/routes.h"
#include "util/date.h"
#include "util/str.h"


static json_t *number_or_null(int present, double v)
{
	return present && isfinite(v) ? json_real(v) : json_null();
}

static json_t *measure_json(const struct measure_view *v)
{
	const struct measure_record *r = &v->rec;
	json_t *scores = json_array(), *risks = json_array();
	for (int i = 0; i < v->nscores; i++) {
		const struct stored_score *s = &v->scores[i];
		json_array_append_new(scores, json_pack("{s:s,s:o,s:o,s:o,s:o}", "scale", s->scale, "value",
		                                        number_or_null(s->present, s->value), "band",
		                                        s->band[0] ? json_string(s->band) : json_null(), "clinical",
		                                        s->clinical < 0 ? json_null() : json_boolean(s->clinical),
		                                        "reason", s->reason[0] ? json_string(s->reason) : json_null()));
	}
	for (int i = 0; i < v->nrisks; i++)
		json_array_append_new(risks, api_risk(&v->risks[i]));
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(r->m.id));
	json_object_set_new(o, "referral_id", json_integer(r->m.episode_id));
	json_object_set_new(o, "instrument", json_string(r->m.instrument));
	json_object_set_new(o, "timepoint", json_string(r->m.timepoint));
	json_object_set_new(o, "date", api_date(r->m.date));
	json_object_set_new(o, "respondent_id", json_integer(r->m.person_id));
	json_object_set_new(o, "subject", r->subject[0] ? json_string(r->subject) : json_null());
	json_object_set_new(o, "responses", json_string(r->m.responses));
	json_object_set_new(o, "version", r->version[0] ? json_string(r->version) : json_null());
	json_object_set_new(o, "scores", scores);
	json_object_set_new(o, "risk_flags", risks);
	return o;
}

static int add_measure(void *ctx, const struct measure_view *v)
{
	json_array_append_new(ctx, measure_json(v));
	return 0;
}

static int measures_of(struct app *a, int64_t id, json_t *items, struct dy_err *e)
{
	return app_measure_list(a, id, add_measure, items, e);
}

static int measures_list(struct http_req *rq, struct http_resp *rs) { return api_list_of(rq, rs, measures_of); }


static int measure_add(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	struct measure_entry me;
	memset(&me, 0, sizeof me);
	me.episode_id = id;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_text_into(b, "instrument", me.instrument, sizeof me.instrument, 1, &e);
	if (!rc)
		rc = api_get_text_into(b, "timepoint", me.timepoint, sizeof me.timepoint, 1, &e);
	if (!rc)
		rc = api_get_text_into(b, "responses", me.responses, sizeof me.responses, 1, &e);
	if (!rc)
		rc = api_get_text_into(b, "subject", me.subject, sizeof me.subject, 0, &e);
	if (!rc)
		rc = api_get_date(b, "date", &me.date, &e);
	if (!rc)
		rc = api_get_int(b, "respondent_id", 0, 1, INT64_MAX, &me.respondent_id, &e);
	if (!rc)
		rc = api_get_int(b, "practitioner_id", 0, 1, INT64_MAX, &me.practitioner_id, &e);
	if (!rc && me.date == DATE_NONE)
		rc = dy_fail(&e, DY_EINVAL, "date", "is required");
	json_decref(b);
	struct measure_record rec;
	struct score_result res;
	if (!rc)
		rc = app_measure_record(rq->app, &me, &rec, &res, &e);
	if (rc)
		return api_fail(rs, &e);
	/* Answer with the measure as stored: scores, bands and any risk flag. */
	json_t *items = json_array();
	if (app_measure_list(rq->app, id, add_measure, items, &e)) {
		json_decref(items);
		return api_fail(rs, &e);
	}
	json_t *found = NULL;
	size_t i;
	json_t *x;
	json_array_foreach(items, i, x) if (json_integer_value(json_object_get(x, "id")) == rec.m.id) found = x;
	json_incref(found);
	json_decref(items);
	if (!found)
		return api_fail(rs, &(struct dy_err){.code = DY_EINTERNAL});
	return api_send(rs, 201, found);
}

static int measure_ack(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (api_path_id(rq, rs, &id))
		return 0;
	int n = 0;
	struct dy_err e;
	dy_err_clear(&e);
	const char *action = NULL;
	if (rq->body_len) {
		json_t *b;
		if (api_body(rq, rs, &b))
			return 0;
		int rc = api_get_text(b, "action", &action, &e);
		action = action ? arena_strdup(rq->arena, action) : NULL;
		json_decref(b);
		if (rc)
			return api_fail(rs, &e);
	}
	if (app_risk_acknowledge(rq->app, id, action, &n, &e))
		return api_fail(rs, &e);
	return api_send(rs, 200, json_pack("{s:I,s:i}", "measure_id", (json_int_t)id, "acknowledged", n));
}

static int add_goal(void *ctx, const struct goal *g, const struct goal_rating *r, int n)
{
	json_t *ratings = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(ratings, json_pack("{s:o,s:i}", "date", api_date(r[i].date), "rating", r[i].rating));
	json_array_append_new(ctx, json_pack("{s:I,s:i,s:s,s:o,s:o}", "id", (json_int_t)g->id, "position", g->position,
	                                     "text", g->text, "set_on", api_date(g->set_on), "ratings", ratings));
	return 0;
}

static int goals_of(struct app *a, int64_t id, json_t *items, struct dy_err *e)
{
	return app_goal_list(a, id, add_goal, items, e);
}

static int goals_list(struct http_req *rq, struct http_resp *rs) { return api_list_of(rq, rs, goals_of); }

static int goal_add(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	struct goal g;
	memset(&g, 0, sizeof g);
	g.episode_id = id;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_text_into(b, "text", g.text, sizeof g.text, 1, &e);
	if (!rc)
		rc = api_get_date(b, "set_on", &g.set_on, &e);
	json_decref(b);
	if (!rc && g.set_on == DATE_NONE)
		g.set_on = rq->app->today;
	if (!rc)
		rc = app_goal_add(rq->app, &g, &e);
	if (rc)
		return api_fail(rs, &e);
	return api_send(rs, 201, json_pack("{s:I,s:i,s:s,s:o}", "id", (json_int_t)g.id, "position", g.position, "text",
	                                    g.text, "set_on", api_date(g.set_on)));
}

static int goal_rate(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	struct goal_rating r = {.goal_id = id};
	int64_t rating = -1;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_date(b, "date", &r.date, &e);
	if (!rc)
		rc = api_get_int(b, "rating", -1, 0, 10, &rating, &e);
	json_decref(b);
	if (!rc && rating < 0)
		rc = dy_fail(&e, DY_EINVAL, "rating", "is required (0 to 10)");
	if (!rc && r.date == DATE_NONE)
		r.date = rq->app->today;
	r.rating = (int)rating;
	if (!rc)
		rc = app_goal_rate(rq->app, &r, &e);
	if (rc)
		return api_fail(rs, &e);
	return api_send(rs, 201, json_pack("{s:I,s:o,s:i}", "goal_id", (json_int_t)id, "date", api_date(r.date),
	                                    "rating", r.rating));
}

static json_t *instrument_json(const struct instrument *in, int full)
{
	json_t *o = json_pack("{s:s,s:s,s:s,s:s,s:i,s:b}", "id", in->id, "name", in->name, "short_name",
	                      in->short_name, "version", in->version, "items", in->nitems, "unverified",
	                      in->nunverified > 0);
	if (!full)
		return o;
	json_t *scales = json_array();
	for (int i = 0; i < in->nscales; i++) {
		const struct instr_scale *s = &in->scales[i];
		json_t *bands = json_array();
		for (int b = 0; b < s->nbands; b++)
			json_array_append_new(bands, json_pack("{s:f,s:f,s:s}", "min", s->bands[b].min, "max", s->bands[b].max,
			                                       "label", s->bands[b].label));
		json_array_append_new(scales, json_pack("{s:s,s:s,s:f,s:f,s:o,s:o}", "id", s->id, "name", s->name, "lo",
		                                        s->lo, "hi", s->hi, "bands", bands, "cutoff",
		                                        s->has_cutoff ? json_real(s->cutoff) : json_null()));
	}
	json_t *unverified = json_array();
	for (int i = 0; i < in->nunverified; i++)
		json_array_append_new(unverified, json_pack("{s:s,s:s}", "path", in->unverified[i].path, "note",
		                                            in->unverified[i].note));
	json_object_set_new(o, "scales", scales);
	json_object_set_new(o, "licence", json_string(in->licence));
	json_object_set_new(o, "unverified_parts", unverified);
	return o;
}

static int instruments_list(struct http_req *rq, struct http_resp *rs)
{
	const struct instrument_set *set;
	struct dy_err e;
	dy_err_clear(&e);
	if (app_instruments(rq->app, &set, &e))
		return api_fail(rs, &e);
	json_t *items = json_array();
	for (size_t i = 0; i < set->n; i++)
		json_array_append_new(items, instrument_json(set->v[i], 0));
	return api_send(rs, 200, json_pack("{s:o}", "items", items));
}

static int instrument_show(struct http_req *rq, struct http_resp *rs)
{
	const struct instrument_set *set;
	struct dy_err e;
	dy_err_clear(&e);
	if (app_instruments(rq->app, &set, &e))
		return api_fail(rs, &e);
	const char *id = http_param(rq, "id");
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i]->id, id) == 0)
			return api_send(rs, 200, instrument_json(set->v[i], 1));
	return http_json_error(rs, 404, "not_found", "id", "no instrument has this id");
}

const struct http_route api_measure_routes[] = {
	{HTTP_GET, "/api/v1/referrals/{id}/measures", measures_list, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/referrals/{id}/measures", measure_add, USER_ANY, 8192, HTTP_JSON},
	{HTTP_POST, "/api/v1/measures/{id}/acknowledge", measure_ack, USER_ANY, 1024, HTTP_JSON},
	{HTTP_GET, "/api/v1/referrals/{id}/goals", goals_list, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/referrals/{id}/goals", goal_add, USER_ANY, 8192, HTTP_JSON},
	{HTTP_POST, "/api/v1/goals/{id}/ratings", goal_rate, USER_ANY, 1024, HTTP_JSON},
	{HTTP_GET, "/api/v1/instruments", instruments_list, USER_ANY, 0, HTTP_JSON},
	{HTTP_GET, "/api/v1/instruments/{id}", instrument_show, USER_ANY, 0, HTTP_JSON},
	{0}};
