/* api_workforce.c: the team's work with the wider workforce over the JSON
 * API (app/app_workforce.h; docs/workforce.md).
 *
 *   GET /api/v1/workforce?from=&to=  training events, consultations and
 *                                    supervision sessions dated in the
 *                                    period (default: the last 90 days),
 *                                    oldest first
 * The figures are GET /api/v1/reports/workforce. */
#include <string.h>

#include "app/app_workforce.h"
#include "http/api_json.h"
#include "http/routes.h"
#include "util/date.h"

static json_t *text_or_null(const char *s)
{
	return s && s[0] ? json_string(s) : json_null();
}

static json_t *id_or_null(int64_t id)
{
	return id ? json_integer((json_int_t)id) : json_null();
}

static int add_training(void *ctx, const struct wf_training *t)
{
	json_t *trainers = json_array(), *att = json_array();
	for (int i = 0; i < t->n_trainers; i++)
		json_array_append_new(trainers, json_integer((json_int_t)t->trainers[i]));
	for (int i = 0; i < t->n_att; i++)
		json_array_append_new(att, json_pack("{s:s,s:s,s:i}", "profession", t->att[i].profession, "organisation",
		                                     t->att[i].organisation, "count", t->att[i].count));
	json_array_append_new(ctx, json_pack("{s:I,s:s,s:o,s:f,s:o,s:o,s:o}", "id", (json_int_t)t->id, "course",
	                                     t->course, "date", api_date(t->date), "hours", t->hours_x10 / 10.0,
	                                     "trainers", trainers, "attendees", att, "named_attendees",
	                                     text_or_null(t->named)));
	return 0;
}

static int add_consultation(void *ctx, const struct wf_consultation *c)
{
	json_array_append_new(ctx, json_pack("{s:I,s:o,s:I,s:s,s:s,s:o,s:s,s:o,s:o}", "id", (json_int_t)c->id, "date",
	                                     api_date(c->date), "practitioner_id", (json_int_t)c->practitioner_id,
	                                     "profession", c->profession, "organisation", c->organisation, "family_id",
	                                     id_or_null(c->family_id), "advice", c->advice, "follow_up",
	                                     text_or_null(c->follow_up), "follow_up_on", api_date(c->follow_up_on)));
	return 0;
}

static int add_supervision(void *ctx, const struct wf_supervision *s)
{
	json_array_append_new(ctx, json_pack("{s:I,s:o,s:I,s:s,s:s,s:s,s:s,s:i,s:i,s:o}", "id", (json_int_t)s->id,
	                                     "date", api_date(s->date), "practitioner_id",
	                                     (json_int_t)s->practitioner_id, "profession", s->profession,
	                                     "organisation", s->organisation, "service", s->service, "mode",
	                                     wf_mode_code(s->mode), "supervised", s->supervised, "duration_min",
	                                     s->duration_min, "supervisee", text_or_null(s->supervisee)));
	return 0;
}

static int workforce_list(struct http_req *rq, struct http_resp *rs)
{
	int32_t from, to;
	if (api_query_date(rq, rs, "from", rq->app->today - 90, &from) ||
	    api_query_date(rq, rs, "to", rq->app->today, &to))
		return 0;
	if (to < from)
		return api_bad(rs, "to", "is before the period's first day (from)");
	json_t *tr = json_array(), *co = json_array(), *su = json_array();
	struct dy_err e;
	dy_err_clear(&e);
	int rc = app_training_list(rq->app, from, to, add_training, tr, &e);
	if (!rc)
		rc = app_consultation_list(rq->app, from, to, add_consultation, co, &e);
	if (!rc)
		rc = app_supervision_list(rq->app, from, to, add_supervision, su, &e);
	if (rc) {
		json_decref(tr);
		json_decref(co);
		json_decref(su);
		return api_fail(rs, &e);
	}
	return api_send(rs, 200,
	                json_pack("{s:o,s:o,s:o,s:o,s:o}", "from", api_date(from), "to", api_date(to), "training", tr,
	                          "consultations", co, "supervision", su));
}

const struct http_route api_workforce_routes[] = {
	{HTTP_GET, "/api/v1/workforce", workforce_list, USER_MANAGER | USER_CLINICIAN | USER_OPERATOR, 0, HTTP_JSON},
	{0}};
