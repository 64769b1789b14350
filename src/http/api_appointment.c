/* api_appointment.c: appointments and the diary through the JSON API
 * (app/app_appointment.h; docs/appointments.md).
 *
 *   GET  /api/v1/referrals/{id}/appointments      the referral's appointments, by day and time
 *   POST /api/v1/referrals/{id}/appointments      book {date, time, duration?, kind, intervention?,
 *                                                 location, practitioners, attendees?}
 *   GET  /api/v1/appointments/{id}                one appointment
 *   POST /api/v1/appointments/{id}/outcome        {outcome}: attended, did_not_attend, cancelled_by_family,
 *                                                 cancelled_by_service (the contact written, when one is)
 *   POST /api/v1/appointments/{id}/reschedule     {date, time?, duration?}: the new booking
 *   GET  /api/v1/diary[?practitioner=ID&from=DATE&to=DATE]   a diary (default: the team, this week):
 *                                                 family ids and initials, never names
 *
 * Who may: the app layer's rules (booking staff of the team). */
#include <string.h>

#include "app/app_appointment.h"
#include "http/api_json.h"
#include "http/routes.h"
#include "util/date.h"
#include "util/str.h"

static json_t *ids_json(const int64_t *ids, int n)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_integer((json_int_t)ids[i]));
	return a;
}

static json_t *opt_id(int64_t v) { return v ? json_integer((json_int_t)v) : json_null(); }

static json_t *appt_json(const struct appointment *ap)
{
	char t[6];
	appt_format_time(ap->start_min, t);
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)ap->id));
	json_object_set_new(o, "referral_id", json_integer((json_int_t)ap->episode_id));
	json_object_set_new(o, "family_id", json_integer((json_int_t)ap->family_id));
	json_object_set_new(o, "date", api_date(ap->date));
	json_object_set_new(o, "time", json_string(t));
	json_object_set_new(o, "duration", json_integer(ap->duration_min));
	json_object_set_new(o, "kind", json_string(ap->kind));
	json_object_set_new(o, "intervention", ap->intervention[0] ? json_string(ap->intervention) : json_null());
	json_object_set_new(o, "location", json_string(ap->location));
	json_object_set_new(o, "status", json_string(ap->status));
	json_object_set_new(o, "status_on", api_date(ap->status_on));
	json_object_set_new(o, "contact_id", opt_id(ap->contact_id));
	json_object_set_new(o, "rescheduled_to", opt_id(ap->rescheduled_to));
	json_object_set_new(o, "practitioners", ids_json(ap->practitioners, ap->n_practitioners));
	json_object_set_new(o, "attendees", ids_json(ap->attendees, ap->n_attendees));
	json_object_set_new(o, "booked_by", json_string(ap->booked_by));
	json_object_set_new(o, "booked_at", json_string(ap->booked_at));
	return o;
}

static int add_appt(void *ctx, const struct appointment *ap)
{
	json_array_append_new(ctx, appt_json(ap));
	return 0;
}

static int list_appts(struct app *a, int64_t id, json_t *items, struct dy_err *e)
{
	return app_appointment_list(a, id, add_appt, items, e);
}

static int appts_list(struct http_req *rq, struct http_resp *rs) { return api_list_of(rq, rs, list_appts); }

static int send_appt(struct http_req *rq, struct http_resp *rs, int64_t id, int status)
{
	struct appointment ap;
	struct dy_err e;
	dy_err_clear(&e);
	return app_appointment_get(rq->app, id, &ap, &e) ? api_fail(rs, &e) : api_send(rs, status, appt_json(&ap));
}

static int appt_show(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (api_path_id(rq, rs, &id))
		return 0;
	return send_appt(rq, rs, id, 200);
}

/* "time" of body b (HH:MM) into *minutes; absent leaves it unless required. */
static int body_time(json_t *b, int required, int *minutes, struct dy_err *e)
{
	const char *t = NULL;
	int rc = api_get_text(b, "time", &t, e);
	if (rc)
		return rc;
	if (!t)
		return required ? dy_fail(e, DY_EINVAL, "time", "is required") : 0;
	return appt_parse_time("time", t, minutes, e);
}

static int appt_book(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	struct appointment ap;
	memset(&ap, 0, sizeof ap);
	ap.episode_id = id;
	int64_t dur = 60;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_date(b, "date", &ap.date, &e);
	if (!rc && ap.date == DATE_NONE)
		rc = dy_fail(&e, DY_EINVAL, "date", "is required");
	rc = rc ? rc : body_time(b, 1, &ap.start_min, &e);
	rc = rc ? rc : api_get_int(b, "duration", 60, APPT_DURATION_MIN, APPT_DURATION_MAX, &dur, &e);
	rc = rc ? rc : api_get_text_into(b, "kind", ap.kind, sizeof ap.kind, 1, &e);
	rc = rc ? rc : api_get_text_into(b, "intervention", ap.intervention, sizeof ap.intervention, 0, &e);
	rc = rc ? rc : api_get_text_into(b, "location", ap.location, sizeof ap.location, 1, &e);
	rc = rc ? rc : api_get_ids(b, "practitioners", ap.practitioners, APPT_PEOPLE_MAX, &ap.n_practitioners, &e);
	rc = rc ? rc : api_get_ids(b, "attendees", ap.attendees, APPT_PEOPLE_MAX, &ap.n_attendees, &e);
	ap.duration_min = (int)dur;
	rc = rc ? rc : app_appointment_book(rq->app, &ap, NULL, &e);
	json_decref(b);
	return rc ? api_fail(rs, &e) : send_appt(rq, rs, ap.id, 201);
}

static int appt_outcome(struct http_req *rq, struct http_resp *rs)
{
	int64_t id, contact = 0;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	char outcome[32];
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_text_into(b, "outcome", outcome, sizeof outcome, 1, &e);
	rc = rc ? rc : app_appointment_outcome(rq->app, id, outcome, &contact, &e);
	json_decref(b);
	return rc ? api_fail(rs, &e) : send_appt(rq, rs, id, 200);
}

static int appt_reschedule(struct http_req *rq, struct http_resp *rs)
{
	int64_t id, nw = 0, dur = 0;
	json_t *b;
	if (api_path_id(rq, rs, &id) || api_body(rq, rs, &b))
		return 0;
	int32_t date = DATE_NONE;
	int start = -1;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = api_get_date(b, "date", &date, &e);
	if (!rc && date == DATE_NONE)
		rc = dy_fail(&e, DY_EINVAL, "date", "is required");
	rc = rc ? rc : body_time(b, 0, &start, &e);
	rc = rc ? rc : api_get_int(b, "duration", 0, APPT_DURATION_MIN, APPT_DURATION_MAX, &dur, &e);
	rc = rc ? rc : app_appointment_reschedule(rq->app, id, date, start, (int)dur, &nw, &e);
	json_decref(b);
	return rc ? api_fail(rs, &e) : send_appt(rq, rs, nw, 201);
}

static int add_entry(void *ctx, const struct diary_entry *d)
{
	json_t *o = appt_json(d->ap);
	json_object_set_new(o, "initials", json_string(d->initials));
	json_object_del(o, "attendees");
	json_array_append_new(ctx, o);
	return 0;
}

static int diary(struct http_req *rq, struct http_resp *rs)
{
	const char *p = http_query(rq, "practitioner");
	int64_t pract = 0;
	if (p && *p && str_parse_i64(p, 1, INT64_MAX, &pract))
		return api_bad(rs, "practitioner", "must be a practitioner id");
	int32_t from, to;
	if (api_query_date(rq, rs, "from", appt_week_start(rq->app->today), &from) ||
	    api_query_date(rq, rs, "to", from + 6, &to))
		return 0;
	json_t *items = json_array();
	struct dy_err e;
	dy_err_clear(&e);
	if (app_diary(rq->app, pract, from, to, add_entry, items, &e)) {
		json_decref(items);
		return api_fail(rs, &e);
	}
	return api_send(rs, 200, json_pack("{s:o,s:o,s:o}", "from", api_date(from), "to", api_date(to), "items", items));
}

const struct http_route api_appointment_routes[] = {
	{HTTP_GET, "/api/v1/referrals/{id}/appointments", appts_list, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/referrals/{id}/appointments", appt_book, USER_ANY, 8192, HTTP_JSON},
	{HTTP_GET, "/api/v1/appointments/{id}", appt_show, USER_ANY, 0, HTTP_JSON},
	{HTTP_POST, "/api/v1/appointments/{id}/outcome", appt_outcome, USER_ANY, 1024, HTTP_JSON},
	{HTTP_POST, "/api/v1/appointments/{id}/reschedule", appt_reschedule, USER_ANY, 1024, HTTP_JSON},
	{HTTP_GET, "/api/v1/diary", diary, USER_ANY, 0, HTTP_JSON},
	{0}};
