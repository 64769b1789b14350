/* page_appointment.c: appointments on the web (app/app_appointment.h;
 * docs/appointments.md): a referral's appointments with the form to book
 * one, each booked one's outcome (attended, did not attend, cancelled) and
 * a move to another day; the diary of a practitioner or the team for a
 * week (initials and family ids, no names) and its iCalendar download; the
 * family page's booked appointments. Booking staff reach these pages; the
 * app layer checks every record. */
#include "http/page_appointment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_appointment.h"
#include "core/codes.h"
#include "http/page.h"
#include "http/page_family.h"
#include "http/routes.h"
#include "util/date.h"
#include "util/str.h"

#define BOOKING (USER_MANAGER | USER_CLINICIAN | USER_ADMIN_STAFF | USER_OPERATOR)

static const char *F(const struct http_req *rq, const char *name) { return page_field(rq, name); }

static const char *const outcome_codes[] = {"attended", "did_not_attend", "cancelled_by_family",
                                            "cancelled_by_service", NULL};

/* ---- A referral's appointments ------------------------------------------------------ */

struct rows_ctx {
	struct buf *b;
	const struct http_req *rq;
	struct dy_err *e;
	int rc, n;
};

static int appt_row(void *ctx, const struct appointment *ap)
{
	struct rows_ctx *c = ctx;
	if (c->rc)
		return 0;
	char day[32], at[6], kind[48], loc[48], status[48], id[24], mins[16], act[64] = "", move[64] = "";
	page_date(ap->date, day, sizeof day);
	appt_format_time(ap->start_min, at);
	page_code(ap->kind, 1, kind, sizeof kind);
	page_code(ap->location, 1, loc, sizeof loc);
	page_code(ap->status, 1, status, sizeof status);
	snprintf(id, sizeof id, "%lld", (long long)ap->id);
	snprintf(mins, sizeof mins, "%d", ap->duration_min);
	int booked = strcmp(ap->status, "booked") == 0;
	if (booked) {
		snprintf(act, sizeof act, "/appointments/%lld/outcome", (long long)ap->id);
		snprintf(move, sizeof move, "/appointments/%lld/reschedule", (long long)ap->id);
	}
	struct form_option o[4];
	char ol[4][48];
	int no = page_code_options(outcome_codes, o, ol, 4);
	struct buf form;
	buf_init(&form, 16384);
	if (booked) {
		c->rc = page_form_open(&form, c->rq, act, c->e);
		c->rc = c->rc ? c->rc : page_select(&form, NULL, "outcome", "Outcome", o, no, "", c->e);
		c->rc = c->rc ? c->rc : TMPL(&form, c->e, "<button class=\"nhsuk-button nhsuk-button--secondary "
		                             "nhsuk-u-margin-bottom-0\" type=\"submit\">Record<span class=\"nhsuk-u-"
		                             "visually-hidden\"> the outcome of appointment {{id}}</span></button></form>"
		                             "<p class=\"nhsuk-body-s\"><a href=\"{{m}}\">Move<span class=\"nhsuk-u-"
		                             "visually-hidden\"> appointment {{id}}</span> to another day</a></p>",
		                             TMPL_S("id", id), TMPL_S("m", move));
	}
	c->rc = c->rc ? c->rc : TMPL(c->b, c->e,
	                             "<tr class=\"nhsuk-table__row\" id=\"appointment-{{id}}\">"
	                             "<td class=\"nhsuk-table__cell dyad-nowrap\">{{d}} {{t}}</td>"
	                             "<td class=\"nhsuk-table__cell\">{{m}} min</td><td class=\"nhsuk-table__cell\">{{k}}"
	                             "</td><td class=\"nhsuk-table__cell\">{{l}}</td><td class=\"nhsuk-table__cell\">{{s}}"
	                             "</td><td class=\"nhsuk-table__cell\">{{{f}}}</td></tr>",
	                             TMPL_S("id", id), TMPL_S("d", day), TMPL_S("t", at), TMPL_S("m", mins),
	                             TMPL_S("k", kind), TMPL_S("l", loc), TMPL_S("s", status), TMPL_HTML("f", &form));
	buf_free(&form);
	c->n++;
	return 0;
}

static int appointments_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe)
{
	struct episode_page pg;
	int rc = page_episode_open(&pg, rq, id);
	if (rc)
		return rc;
	struct buf rows;
	buf_init(&rows, PAGE_BODY_MAX);
	struct rows_ctx c = {&rows, rq, &pg.e, 0, 0};
	rc = app_appointment_list(rq->app, id, appt_row, &c, &pg.e);
	rc = rc ? rc : c.rc;
	struct page_visit_opts *vo = xmalloc(sizeof *vo);
	page_visit_opts(rq->app, &pg.fv, vo);
	struct page_prac_opts *pc = &vo->prac;
	struct form_option *people = vo->people, *iv = vo->iv;
	int np = vo->npeople, ni = vo->niv;
	int typed = http_form(rq, "date-day") != NULL;
	char d[8] = "", m[8] = "", y[8] = "";
	struct form_option kind[8], loc[8];
	char lk[8][48], ll[8][48];
	int nk = page_code_options(code_contact_kind, kind, lk, 8), nl = page_code_options(code_location, loc, ll, 8);
	int pon[32], aon[16];
	page_ticked(rq, "practitioners", pc->o, pc->n, pon);
	page_ticked(rq, "attendees", people, np, aon);
	char action[64];
	snprintf(action, sizeof action, "/referrals/%lld/appointments", (long long)id);
	rc = rc ? rc : buf_puts(&pg.b, "<h1>Appointments</h1>");
	rc = rc ? rc : form_error_summary(&pg.b, fe, &pg.e);
	rc = rc ? rc : TMPL(&pg.b, &pg.e,
	                    "{{#n}}<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">This referral's "
	                    "appointments</caption><thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">"
	                    "<th class=\"nhsuk-table__header\" scope=\"col\">When</th><th class=\"nhsuk-table__header\" "
	                    "scope=\"col\">Length</th><th class=\"nhsuk-table__header\" scope=\"col\">Kind</th>"
	                    "<th class=\"nhsuk-table__header\" scope=\"col\">Where</th><th class=\"nhsuk-table__header\" "
	                    "scope=\"col\">Status</th><th class=\"nhsuk-table__header\" scope=\"col\">Outcome</th></tr>"
	                    "</thead><tbody class=\"nhsuk-table__body\">{{{r}}}</tbody></table>{{/n}}"
	                    "{{^n}}<p>No appointments on this referral yet.</p>{{/n}}<h2>Book an appointment</h2>",
	                    TMPL_S("n", c.n ? "1" : ""), TMPL_HTML("r", &rows));
	rc = rc ? rc : page_form_open(&pg.b, rq, action, &pg.e);
	rc = rc ? rc : form_date(&pg.b, fe, "date", "Day", "For example, 24 11 2026", typed ? F(rq, "date-day") : d,
	                         typed ? F(rq, "date-month") : m, typed ? F(rq, "date-year") : y, &pg.e);
	rc = rc ? rc : form_input(&pg.b, fe, "time", "Start time", "24-hour, for example 09:30", F(rq, "time"), "4", "text",
	                          "off", &pg.e);
	rc = rc ? rc : form_input(&pg.b, fe, "duration", "Length in minutes", "5 to 600; 60 if left empty",
	                          F(rq, "duration"), "3", "text", "off", &pg.e);
	rc = rc ? rc : form_radios(&pg.b, fe, "kind", "Kind of appointment", NULL, kind, nk, F(rq, "kind"), 0, NULL, &pg.e);
	rc = rc ? rc : page_select(&pg.b, fe, "intervention", "Intervention (for an intervention session)", iv, ni,
	                           F(rq, "intervention"), &pg.e);
	rc = rc ? rc : form_radios(&pg.b, fe, "location", "Where", NULL, loc, nl, F(rq, "location"), 0, NULL, &pg.e);
	rc = rc ? rc : form_checkboxes(&pg.b, fe, "practitioners", "Practitioners who will see the family", NULL, pc->o,
	                               pc->n, pon, &pg.e);
	rc = rc ? rc : form_checkboxes(&pg.b, fe, "attendees", "Who from the family is expected", NULL, people, np, aon, &pg.e);
	rc = rc ? rc : buf_puts(&pg.b, "<button class=\"nhsuk-button\" type=\"submit\">Book appointment</button></form>");
	page_visit_opts_free(vo);
	free(vo);
	buf_free(&rows);
	return page_episode_send(&pg, rq, rs, rc, "Appointments", fe);
}

static int appointments_get(struct http_req *rq, struct http_resp *rs) { return page_of_id(rq, rs, appointments_page); }

/* The fields a refusal may name, as the form calls them. */
static const char *form_field(const char *f)
{
	static const char *const known[] = {"date", "time", "duration", "kind", "intervention", "location",
	                                    "practitioners", "attendees", NULL};
	return str_index(known, f) >= 0 ? f : "date";
}

static int appointments_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct form_errors fe = {0};
	struct appointment ap;
	memset(&ap, 0, sizeof ap);
	ap.episode_id = id;
	struct dy_err e;
	form_date_parse(F(rq, "date-day"), F(rq, "date-month"), F(rq, "date-year"), 1, "date", "day", &ap.date, &fe);
	if (appt_parse_time("time", page_field_trim(rq, "time"), &ap.start_min, &e))
		form_error(&fe, "time", "Enter the start time as HH:MM, for example 09:30");
	const char *dur = page_field_trim(rq, "duration");
	ap.duration_min = 60;
	if (*dur && str_parse_int(dur, APPT_DURATION_MIN, APPT_DURATION_MAX, &ap.duration_min))
		form_error(&fe, "duration", "Length must be a number of minutes from 5 to 600");
	str_copy(ap.kind, sizeof ap.kind, F(rq, "kind"));
	str_copy(ap.location, sizeof ap.location, F(rq, "location"));
	str_copy(ap.intervention, sizeof ap.intervention, F(rq, "intervention"));
	if (str_index(code_contact_kind, ap.kind) < 0)
		form_error(&fe, "kind", "Select the kind of appointment");
	if (strcmp(ap.kind, "intervention") != 0)
		ap.intervention[0] = '\0';
	if (str_index(code_location, ap.location) < 0)
		form_error(&fe, "location", "Select where the appointment is");
	if (page_form_ids(rq, "practitioners", ap.practitioners, APPT_PEOPLE_MAX, &ap.n_practitioners))
		form_error(&fe, "practitioners", "Choose at most 8 practitioners");
	if (page_form_ids(rq, "attendees", ap.attendees, APPT_PEOPLE_MAX, &ap.n_attendees))
		form_error(&fe, "attendees", "Choose at most 8 people");
	if (fe.n)
		return appointments_page(rq, rs, id, &fe);
	int rc = app_appointment_book(rq->app, &ap, NULL, &e);
	if (rc == DY_EINVAL || rc == DY_ECONFLICT) {
		form_error_from(&fe, form_field(e.field), &e);
		return appointments_page(rq, rs, id, &fe);
	}
	if (rc)
		return rc;
	char href[80];
	snprintf(href, sizeof href, "/referrals/%lld/appointments#appointment-%lld", (long long)id, (long long)ap.id);
	return http_redirect(rs, href);
}

static int back_to_list(struct http_req *rq, struct http_resp *rs, int64_t appt)
{
	struct appointment ap;
	struct dy_err e;
	int rc = app_appointment_get(rq->app, appt, &ap, &e);
	if (rc)
		return rc;
	char href[80];
	snprintf(href, sizeof href, "/referrals/%lld/appointments#appointment-%lld", (long long)ap.episode_id,
	         (long long)appt);
	return http_redirect(rs, href);
}

static int outcome_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct dy_err e;
	int rc = app_appointment_outcome(rq->app, id, F(rq, "outcome"), NULL, &e);
	return rc ? rc : back_to_list(rq, rs, id);
}

static int move_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe)
{
	struct appointment ap;
	struct dy_err e;
	int rc = app_appointment_get(rq->app, id, &ap, &e);
	if (rc)
		return rc;
	struct buf b;
	page_body(&b);
	char action[64], title[64], list[64], day[32], at[6];
	snprintf(action, sizeof action, "/appointments/%lld/reschedule", (long long)id);
	snprintf(title, sizeof title, "Move appointment %lld", (long long)id);
	snprintf(list, sizeof list, "/referrals/%lld/appointments", (long long)ap.episode_id);
	page_date(ap.date, day, sizeof day);
	appt_format_time(ap.start_min, at);
	int typed = http_form(rq, "date-day") != NULL;
	rc = TMPL(&b, &e, "<h1>{{t}}</h1><p>Now booked for {{d}} at {{a}}. The booking is kept, marked moved.</p>",
	          TMPL_S("t", title), TMPL_S("d", day), TMPL_S("a", at));
	rc = rc ? rc : form_error_summary(&b, fe, &e);
	rc = rc ? rc : page_form_open(&b, rq, action, &e);
	rc = rc ? rc : form_date(&b, fe, "date", "New day", NULL, typed ? F(rq, "date-day") : "",
	                         typed ? F(rq, "date-month") : "", typed ? F(rq, "date-year") : "", &e);
	rc = rc ? rc : form_input(&b, fe, "time", "New start time", "24-hour, HH:MM; the same time if left empty",
	                          F(rq, "time"), "4", "text", "off", &e);
	rc = rc ? rc : buf_puts(&b, "<button class=\"nhsuk-button\" type=\"submit\">Move appointment</button></form>");
	return page_form_send(rq, rs, rc, title, list, "Back to the appointments", fe, &b);
}

static int move_get(struct http_req *rq, struct http_resp *rs) { return page_of_id(rq, rs, move_page); }

static int move_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id, nw = 0;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct form_errors fe = {0};
	struct dy_err e;
	int32_t date;
	int start = -1;
	form_date_parse(F(rq, "date-day"), F(rq, "date-month"), F(rq, "date-year"), 1, "date", "new day", &date, &fe);
	const char *t = page_field_trim(rq, "time");
	if (*t && appt_parse_time("time", t, &start, &e))
		form_error(&fe, "time", "Enter the start time as HH:MM, for example 09:30");
	if (fe.n)
		return move_page(rq, rs, id, &fe);
	int rc = app_appointment_reschedule(rq->app, id, date, start, 0, &nw, &e);
	if (rc == DY_EINVAL || (rc == DY_ECONFLICT && strcmp(e.field, "date") == 0)) {
		form_error_from(&fe, strcmp(e.field, "time") == 0 ? "time" : "date", &e);
		return move_page(rq, rs, id, &fe);
	}
	return rc ? rc : back_to_list(rq, rs, nw);
}

/* ---- The diary ------------------------------------------------------------------------- */

struct diary_ctx {
	struct buf *b;
	struct dy_err *e;
	int rc, n;
	int32_t day; /* the day whose heading was written last */
};

static int diary_row(void *ctx, const struct diary_entry *en)
{
	struct diary_ctx *c = ctx;
	const struct appointment *ap = en->ap;
	if (c->rc)
		return 0;
	char day[32], at[6], kind[48], loc[48], status[48], fam[24], href[48], mins[16];
	page_date(ap->date, day, sizeof day);
	appt_format_time(ap->start_min, at);
	page_code(ap->kind, 1, kind, sizeof kind);
	page_code(ap->location, 1, loc, sizeof loc);
	page_code(ap->status, 1, status, sizeof status);
	snprintf(fam, sizeof fam, "%lld", (long long)ap->family_id);
	snprintf(href, sizeof href, "/families/%lld", (long long)ap->family_id);
	snprintf(mins, sizeof mins, "%d", ap->duration_min);
	c->rc = TMPL(c->b, c->e,
	             "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell dyad-nowrap\">{{d}}</td>"
	             "<td class=\"nhsuk-table__cell\">{{t}} ({{m}} min)</td><td class=\"nhsuk-table__cell\">"
	             "<a href=\"{{h}}\">Family {{f}}</a> ({{i}})</td><td class=\"nhsuk-table__cell\">{{k}}</td>"
	             "<td class=\"nhsuk-table__cell\">{{l}}</td><td class=\"nhsuk-table__cell\">{{s}}</td></tr>",
	             TMPL_S("d", c->day == ap->date ? "" : day), TMPL_S("t", at), TMPL_S("m", mins), TMPL_S("h", href),
	             TMPL_S("f", fam), TMPL_S("i", en->initials), TMPL_S("k", kind), TMPL_S("l", loc),
	             TMPL_S("s", status));
	c->day = ap->date;
	c->n++;
	return 0;
}

/* ?practitioner=ID (absent or empty: the team) and ?week=YYYY-MM-DD
 * (absent: this week) into *p and the Monday *from; DY_ENOTFOUND for
 * anything else (a bad address). */
static int diary_query(const struct http_req *rq, int64_t *p, int32_t *from)
{
	const char *ps = http_query(rq, "practitioner"), *ws = http_query(rq, "week");
	*p = 0;
	if (ps && *ps && str_parse_i64(ps, 1, INT64_MAX, p))
		return DY_ENOTFOUND;
	int32_t w = rq->app->today;
	if (ws && *ws && date_parse(ws, &w))
		return DY_ENOTFOUND;
	*from = appt_week_start(w);
	return 0;
}

static int diary_get(struct http_req *rq, struct http_resp *rs)
{
	int64_t p;
	int32_t from;
	if (diary_query(rq, &p, &from))
		return DY_ENOTFOUND;
	struct dy_err e;
	struct buf rows;
	buf_init(&rows, PAGE_BODY_MAX);
	struct diary_ctx c = {&rows, &e, 0, 0, DATE_NONE};
	int rc = app_diary(rq->app, p, from, from + 6, diary_row, &c, &e);
	rc = rc ? rc : c.rc;
	struct page_prac_opts *pc = xmalloc(sizeof *pc);
	if (!rc)
		rc = page_practitioners(rq->app, pc, &e);
	struct buf b;
	page_body(&b);
	char first[32], last[32], prev[80], next[80], ics[80], pv[24] = "", wk[DATE_LEN];
	page_date(from, first, sizeof first);
	page_date(from + 6, last, sizeof last);
	if (p)
		snprintf(pv, sizeof pv, "%lld", (long long)p);
	date_format(from - 7, wk);
	snprintf(prev, sizeof prev, "/diary?practitioner=%s&week=%s", pv, wk);
	date_format(from + 7, wk);
	snprintf(next, sizeof next, "/diary?practitioner=%s&week=%s", pv, wk);
	date_format(from, wk);
	snprintf(ics, sizeof ics, "/diary.ics?practitioner=%s&week=%s", pv, wk);
	struct form_option opts[33];
	opts[0] = (struct form_option){"", "The whole team", NULL};
	int n = 1;
	for (int i = 0; !rc && i < pc->n; i++)
		opts[n++] = pc->o[i];
	rc = rc ? rc : TMPL(&b, &e, "<h1>Diary</h1><p class=\"nhsuk-lede-text\">{{f}} to {{l}}</p>"
	                    "<form method=\"get\" action=\"/diary\" novalidate>", TMPL_S("f", first), TMPL_S("l", last));
	rc = rc ? rc : page_select(&b, NULL, "practitioner", "Whose diary", opts, n, pv, &e);
	rc = rc ? rc : form_hidden(&b, "week", wk, &e);
	rc = rc ? rc : TMPL(&b, &e,
	                    "<button class=\"nhsuk-button nhsuk-button--secondary\" type=\"submit\">Show diary</button>"
	                    "</form><p><a href=\"{{p}}\">Previous week</a> | <a href=\"{{n}}\">Next week</a> | "
	                    "<a href=\"{{i}}\">Download as a calendar (.ics)</a></p>"
	                    "{{#r}}<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">Appointments, "
	                    "by day and time (initials only)</caption><thead class=\"nhsuk-table__head\"><tr "
	                    "class=\"nhsuk-table__row\"><th class=\"nhsuk-table__header\" scope=\"col\">Day</th>"
	                    "<th class=\"nhsuk-table__header\" scope=\"col\">Time</th><th class=\"nhsuk-table__header\" "
	                    "scope=\"col\">Family</th><th class=\"nhsuk-table__header\" scope=\"col\">Kind</th><th "
	                    "class=\"nhsuk-table__header\" scope=\"col\">Where</th><th class=\"nhsuk-table__header\" "
	                    "scope=\"col\">Status</th></tr></thead><tbody class=\"nhsuk-table__body\">{{{r}}}</tbody>"
	                    "</table>{{/r}}{{^r}}<p>No appointments this week.</p>{{/r}}",
	                    TMPL_S("p", prev), TMPL_S("n", next), TMPL_S("i", ics), TMPL_HTML("r", &rows));
	free(pc);
	buf_free(&rows);
	return page_form_send(rq, rs, rc, "Diary", "/", "Home", NULL, &b);
}

/* The diary as a calendar: from the week asked for (default this one), 8
 * weeks. */
static int diary_ics_get(struct http_req *rq, struct http_resp *rs)
{
	int64_t p;
	int32_t from;
	if (diary_query(rq, &p, &from))
		return DY_ENOTFOUND;
	struct dy_err e;
	struct buf b;
	buf_init(&b, 8u << 20);
	int rc = app_diary_ics(rq->app, p, from, from + 55, &b, &e);
	if (!rc) {
		http_type(rs, "text/calendar; charset=utf-8");
		http_header(rs, "Content-Disposition", "attachment; filename=\"diary.ics\"");
		rc = http_write(rs, buf_cstr(&b), b.len);
	}
	buf_free(&b);
	return rc;
}

/* ---- The family page's section ---------------------------------------------------------- */

static int family_row(void *ctx, const struct appointment *ap)
{
	struct rows_ctx *c = ctx;
	if (c->rc)
		return 0;
	char day[32], at[6], kind[48], loc[48], href[64];
	page_date(ap->date, day, sizeof day);
	appt_format_time(ap->start_min, at);
	page_code(ap->kind, 1, kind, sizeof kind);
	page_code(ap->location, 0, loc, sizeof loc);
	snprintf(href, sizeof href, "/referrals/%lld/appointments#appointment-%lld", (long long)ap->episode_id,
	         (long long)ap->id);
	c->rc = TMPL(c->b, c->e, "<li><a href=\"{{h}}\">{{k}}, {{d}} at {{t}}</a> ({{l}})</li>", TMPL_S("h", href),
	             TMPL_S("k", kind), TMPL_S("d", day), TMPL_S("t", at), TMPL_S("l", loc));
	c->n++;
	return 0;
}

int page_family_appointments(struct buf *b, struct http_req *rq, int64_t family_id, struct dy_err *e)
{
	struct buf items;
	buf_init(&items, PAGE_BODY_MAX);
	struct rows_ctx c = {&items, rq, e, 0, 0};
	int rc = app_appointment_family(rq->app, family_id, family_row, &c, e);
	if (rc == DY_EFORBIDDEN)
		rc = 0;
	rc = rc ? rc : c.rc;
	if (!rc && c.n)
		rc = TMPL(b, e, "<h2>Booked appointments</h2><ul class=\"nhsuk-list nhsuk-list--bullet\">{{{i}}}</ul>",
		          TMPL_HTML("i", &items));
	buf_free(&items);
	return rc;
}

const struct http_route page_appointment_routes[] = {
	{HTTP_GET, "/referrals/{id}/appointments", appointments_get, BOOKING, 0, 0},
	{HTTP_POST, "/referrals/{id}/appointments", appointments_post, BOOKING, 0, HTTP_FORM},
	{HTTP_POST, "/appointments/{id}/outcome", outcome_post, BOOKING, 0, HTTP_FORM},
	{HTTP_GET, "/appointments/{id}/reschedule", move_get, BOOKING, 0, 0},
	{HTTP_POST, "/appointments/{id}/reschedule", move_post, BOOKING, 0, HTTP_FORM},
	{HTTP_GET, "/diary", diary_get, BOOKING, 0, 0},
	{HTTP_GET, "/diary.ics", diary_ics_get, BOOKING, 0, 0},
	{0}};
