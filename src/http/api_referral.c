/* api_referral.c: referrals (episodes of care) and what hangs off them.
 *
 *   GET  /api/v1/referrals?family=ID              a family's referrals (or the team's)
 *   POST /api/v1/referrals                        log a referral (duplicates refused unless allowed)
 *   GET  /api/v1/referrals/{id}                   the referral, its state, contacts, measures, outcome
 *   POST /api/v1/referrals/{id}/triage            accept, decline or signpost
 *   POST /api/v1/referrals/{id}/move              assessed, awaiting_intervention, in_intervention
 *   POST /api/v1/referrals/{id}/discharge         discharge with each infant's care status
 *   GET  /api/v1/referrals/{id}/contacts          contacts by date
 *   POST /api/v1/referrals/{id}/contacts          record a contact
 *   GET  /api/v1/people/{id}/safeguarding         an infant's safeguarding history
 *   POST /api/v1/people/{id}/safeguarding         set an infant's status from a date */
#include <string.h>

#include "app/app_episode.h"
#include "app/app_pathway.h"
#include "http/api_json.h"
#include "http/routes.h"
#include "util/date.h"
#include "util/str.h"



static int add_episode(void *ctx, const struct episode *ep)
{
	json_array_append_new(ctx, api_episode(ep));
	return 0;
}

static int referrals_list(struct http_req *rq, struct http_resp *rs)
{
	int64_t family = 0;
	const char *f = http_query(rq, "family");
	if (f && str_parse_i64(f, 1, INT64_MAX, &family))
		return api_bad(rs, "family", "must be a record number");
	json_t *items = json_array();
	struct dy_err e;
	dy_err_clear(&e);
	if (app_referral_list(rq->app, family, add_episode, items, &e)) {
		json_decref(items);
		return api_fail(rs, &e);
	}
	return api_send(rs, 200, json_pack("{s:o}", "items", items));
}

static int referral_add(struct http_req *rq, struct http_resp *rs)
{
	json_t *b;
	if (api_body(rq, rs, &b))
		return 0;
	struct episode ep;
	memset(&ep, 0, sizeof ep);
	ep.decided_on = ep.discharged_on = DATE_NONE;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t allow = 0;
	const char *programme = NULL, *ftp = NULL;
	int rc = api_get_int(b, "family_id", 0, 1, INT64_MAX, &ep.family_id, &e);
	if (!rc)
		rc = api_get_int(b, "infant_id", 0, 1, INT64_MAX, &ep.infant_id, &e);
	if (!rc)
		rc = api_get_int(b, "caregiver_id", 0, 1, INT64_MAX, &ep.caregiver_id, &e);
	if (!rc)
		rc = api_get_date(b, "received_on", &ep.received_on, &e);
	if (!rc)
		rc = api_get_text_into(b, "source", ep.source, sizeof ep.source, 1, &e);
	if (!rc)
		rc = api_get_text(b, "programme", &programme, &e);
	if (!rc)
		rc = api_get_text(b, "first_time_parent", &ftp, &e);
	if (!rc)
		rc = api_get_int(b, "allow_duplicate", 0, 0, 1, &allow, &e);
	if (!rc && !ep.family_id)
		rc = dy_fail(&e, DY_EINVAL, "family_id", "is required");
	if (!rc && !ep.infant_id)
		rc = dy_fail(&e, DY_EINVAL, "infant_id", "is required");
	if (!rc && ep.received_on == DATE_NONE)
		rc = dy_fail(&e, DY_EINVAL, "received_on", "is required");
	if (!rc && ftp && strcmp(ftp, "yes") && strcmp(ftp, "no"))
		rc = dy_fail(&e, DY_EINVAL, "first_time_parent", "must be yes or no");
	struct referral_extra x = {
		.programme = programme,
		.first_time_parent = !ftp ? ELIGIBILITY_ANSWER_UNKNOWN : strcmp(ftp, "yes") == 0 ? ELIGIBILITY_ANSWER_YES : ELIGIBILITY_ANSWER_NO,
		.allow_duplicate = (int)allow,
	};
	struct referral_duplicates d;
	memset(&d, 0, sizeof d);
	if (!rc)
		rc = app_referral_add_with(rq->app, &ep, &x, &d, &e);
	json_decref(b);
	if (rc)
		return api_fail(rs, &e);
	return api_send(rs, 201, api_episode(&ep));
}

static int referral_show(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (api_path_id(rq, rs, &id))
		return 0;
	struct referral_view v;
	struct pathway_referral pw;
	struct dy_err e;
	dy_err_clear(&e);
	if (app_referral_view(rq->app, id, &v, &e))
		return api_fail(rs, &e);
	if (app_referral_pathway(rq->app, id, &pw, &e)) {
		app_referral_view_free(&v);
		return api_fail(rs, &e);
	}
	json_t *o = api_episode(&v.episode);
	json_object_set_new(o, "state", json_string(episode_state_code(pw.state)));
	json_object_set_new(o, "state_on", api_date(pw.state_on));
	json_object_set_new(o, "programme", pw.programme[0] ? json_string(pw.programme) : json_null());
	json_t *contacts = json_array(), *measures = json_array(), *outcomes = json_array();
	for (int i = 0; i < v.ncontacts; i++)
		json_array_append_new(contacts, api_contact(&v.contacts[i]));
	/* app/ left measures out for roles that may not see them. */
	for (int i = 0; i < v.nmeasures; i++)
		json_array_append_new(measures, json_pack("{s:I,s:s,s:s,s:o,s:I}", "id", (json_int_t)v.measures[i].id,
		                                          "instrument", v.measures[i].instrument, "timepoint",
		                                          v.measures[i].timepoint, "date", api_date(v.measures[i].date),
		                                          "respondent_id", (json_int_t)v.measures[i].person_id));
	for (int i = 0; i < v.noutcomes; i++)
		json_array_append_new(outcomes, json_pack("{s:I,s:s}", "infant_id", (json_int_t)v.outcomes[i].infant_id,
		                                          "care_status", v.outcomes[i].care_status));
	json_object_set_new(o, "contacts", contacts);
	json_object_set_new(o, "measures", measures);
	json_object_set_new(o, "discharge_outcomes", outcomes);
	app_referral_view_free(&v);
	return api_send(rs, 200, o);
}

static int referral_triage(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	struct triage_request t = {.episode_id = id};
	struct dy_err e;
	dy_err_clear(&e);
	struct eligibility_override ov[8];
	size_t nov = 0;
	int rc = api_get_text(b, "decision", &t.decision, &e);
	if (!rc)
		rc = api_get_text(b, "reason", &t.reason, &e);
	if (!rc)
		rc = api_get_text(b, "service", &t.service, &e);
	if (!rc)
		rc = api_get_date(b, "date", &t.date, &e);
	if (!rc && !t.decision)
		rc = dy_fail(&e, DY_EINVAL, "decision", "is required: accepted, declined or signposted");
	if (!rc && t.date == DATE_NONE)
		t.date = rq->app->today;
	json_t *o = json_object_get(b, "overrides");
	if (!rc && o && !json_is_null(o)) {
		const char *rule;
		json_t *reason;
		if (!json_is_object(o) || json_object_size(o) > 8)
			rc = dy_fail(&e, DY_EINVAL, "overrides", "must be an object of rule: reason (at most 8)");
		else
			json_object_foreach(o, rule, reason)
			{
				if (!json_is_string(reason)) {
					rc = dy_fail(&e, DY_EINVAL, "overrides", "each reason must be text");
					break;
				}
				ov[nov].rule = rule;
				ov[nov].reason = json_string_value(reason);
				nov++;
			}
	}
	t.overrides = ov;
	t.n_overrides = nov;
	struct eligibility_config c;
	char source[256];
	if (!rc) {
		rc = app_rules_load(NULL, &c, source, sizeof source, &e);
		if (!rc) {
			struct referral_check chk;
			rc = app_referral_triage(rq->app, &t, &c, &chk, &e);
		}
		eligibility_config_free(&c);
	}
	json_decref(b);
	if (rc)
		return api_fail(rs, &e);
	return referral_show(rq, rs);
}

static int referral_move(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	const char *to = NULL, *note = NULL;
	int32_t date = DATE_NONE;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_text(b, "to", &to, &e);
	if (!rc)
		rc = api_get_text(b, "note", &note, &e);
	if (!rc)
		rc = api_get_date(b, "date", &date, &e);
	if (!rc && !to)
		rc = dy_fail(&e, DY_EINVAL, "to", "is required");
	if (!rc)
		rc = app_referral_move(rq->app, id, to, date == DATE_NONE ? rq->app->today : date, note, &e);
	json_decref(b);
	if (rc)
		return api_fail(rs, &e);
	return referral_show(rq, rs);
}

static int referral_discharge(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	const char *reason = NULL, *status = NULL, *action = NULL, *to = NULL;
	int32_t on = DATE_NONE;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_text(b, "reason", &reason, &e);
	if (!rc)
		rc = api_get_text(b, "risk_action", &action, &e);
	if (!rc)
		rc = api_get_text(b, "transferred_to", &to, &e);
	if (!rc)
		rc = api_get_text(b, "care_status", &status, &e);
	if (!rc)
		rc = api_get_date(b, "date", &on, &e);
	if (!rc && !reason)
		rc = dy_fail(&e, DY_EINVAL, "reason", "is required");
	if (!rc && !status)
		rc = dy_fail(&e, DY_EINVAL, "care_status", "is required (each infant's care status at discharge)");
	if (!rc)
		rc = app_discharge_with_action(rq->app, id, on == DATE_NONE ? rq->app->today : on, reason, NULL, NULL, 0,
		                               status, action, to, &e);
	json_decref(b);
	if (rc)
		return api_fail(rs, &e);
	return referral_show(rq, rs);
}

static int add_contact(void *ctx, const struct contact *c)
{
	json_array_append_new(ctx, api_contact(c));
	return 0;
}

static int contacts_of(struct app *a, int64_t id, json_t *items, struct dy_err *e)
{
	return app_contact_list(a, id, add_contact, items, e);
}

static int contacts_list(struct http_req *rq, struct http_resp *rs) { return api_list_of(rq, rs, contacts_of); }

static int contact_add(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	struct contact c;
	memset(&c, 0, sizeof c);
	c.episode_id = id;
	struct dy_err e;
	dy_err_clear(&e);
	int64_t dur = -1;
	int rc = api_get_date(b, "date", &c.date, &e);
	if (!rc)
		rc = api_get_text_into(b, "kind", c.kind, sizeof c.kind, 1, &e);
	if (!rc)
		rc = api_get_text_into(b, "intervention", c.intervention, sizeof c.intervention, 0, &e);
	if (!rc)
		rc = api_get_text_into(b, "location", c.location, sizeof c.location, 0, &e);
	if (!rc)
		rc = api_get_text_into(b, "attendance", c.attendance, sizeof c.attendance, 1, &e);
	if (!rc)
		rc = api_get_int(b, "duration_min", -1, 0, 24 * 60, &dur, &e);
	if (!rc)
		rc = api_get_ids(b, "practitioners", c.practitioners, 8, &c.n_practitioners, &e);
	if (!rc)
		rc = api_get_ids(b, "attendees", c.attendees, 8, &c.n_attendees, &e);
	if (!rc && c.date == DATE_NONE)
		rc = dy_fail(&e, DY_EINVAL, "date", "is required");
	c.duration_min = (int)dur;
	if (!rc)
		rc = app_contact_add(rq->app, &c, NULL, &e);
	json_decref(b);
	if (rc)
		return api_fail(rs, &e);
	return api_send(rs, 201, api_contact(&c));
}

static int add_safeguarding(void *ctx, const struct safeguarding *s)
{
	json_array_append_new(ctx, api_safeguarding(s));
	return 0;
}

static int safeguarding_of(struct app *a, int64_t id, json_t *items, struct dy_err *e)
{
	return app_safeguarding_history(a, id, add_safeguarding, items, e);
}

static int safeguarding_list(struct http_req *rq, struct http_resp *rs) { return api_list_of(rq, rs, safeguarding_of); }

static int safeguarding_set(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	const char *status = NULL;
	int32_t from = DATE_NONE;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_text(b, "status", &status, &e);
	if (!rc)
		rc = api_get_date(b, "from", &from, &e);
	if (!rc && !status)
		rc = dy_fail(&e, DY_EINVAL, "status", "is required");
	if (!rc && from == DATE_NONE)
		rc = dy_fail(&e, DY_EINVAL, "from", "is required");
	if (!rc)
		rc = app_safeguarding_set(rq->app, id, status, from, &e);
	json_decref(b);
	if (rc)
		return api_fail(rs, &e);
	return safeguarding_list(rq, rs) == 0 ? (http_status(rs, 201), 0) : 0;
}

const struct http_route api_referral_routes[] = {
	{HTTP_GET, "/api/v1/referrals", referrals_list, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/referrals", referral_add, USER_ANY, 8192, HTTP_JSON},
	{HTTP_GET, "/api/v1/referrals/{id}", referral_show, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/referrals/{id}/triage", referral_triage, USER_ANY, 8192, HTTP_JSON},
	{HTTP_POST, "/api/v1/referrals/{id}/move", referral_move, USER_ANY, 8192, HTTP_JSON},
	{HTTP_POST, "/api/v1/referrals/{id}/discharge", referral_discharge, USER_ANY, 8192, HTTP_JSON},
	{HTTP_GET, "/api/v1/referrals/{id}/contacts", contacts_list, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/referrals/{id}/contacts", contact_add, USER_ANY, 8192, HTTP_JSON},
	{HTTP_GET, "/api/v1/people/{id}/safeguarding", safeguarding_list, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/people/{id}/safeguarding", safeguarding_set, USER_ANY, 4096, HTTP_JSON},
	{0}};
