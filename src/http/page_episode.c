/* page_episode.c: recording a contact with a family (date, kind, place,
 * attendance, who was there) and discharging a referral (date, reason, each
 * infant's care status). Both keep every value typed when refused and show
 * the family's callouts at the top. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_alerts.h"
#include "app/app_episode.h"
#include "app/app_family.h"
#include "core/codes.h"
#include "http/page.h"
#include "http/page_family.h"
#include "http/routes.h"
#include "util/date.h"
#include "util/str.h"

static const char *F(const struct http_req *rq, const char *name)
{
	return page_field(rq, name);
}

/* ---- Contacts ---------------------------------------------------------------------- */

static int contact_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe)
{
	struct episode_page pg;
	int rc = page_episode_open(&pg, rq, id);
	if (rc)
		return rc;
	struct page_visit_opts *vo = xmalloc(sizeof *vo);
	page_visit_opts(rq->app, &pg.fv, vo);
	struct page_prac_opts *pc = &vo->prac;
	struct form_option *people = vo->people, *iv = vo->iv;
	int np = vo->npeople, ni = vo->niv;
	struct form_option kind[8], loc[8], att[8];
	char lk[8][48], ll[8][48], la[8][48];
	int nk = page_code_options(code_contact_kind, kind, lk, 8), nl = page_code_options(code_location, loc, ll, 8),
	    na = page_code_options(code_attendance, att, la, 8);
	int pon[32], aon[16];
	page_ticked(rq, "practitioners", pc->o, pc->n, pon);
	page_ticked(rq, "attendees", people, np, aon);
	char action[64];
	snprintf(action, sizeof action, "/referrals/%lld/contacts/new", (long long)id);
	rc = page_episode_form(&pg, rq, fe, "Record a contact", action, "Date of the contact");
	rc = rc ? rc : form_radios(&pg.b, fe, "kind", "Kind of contact", NULL, kind, nk, F(rq, "kind"), 0, NULL, &pg.e);
	rc = rc ? rc : page_select(&pg.b, fe, "intervention", "Intervention (for an intervention session)", iv, ni,
	                           F(rq, "intervention"), &pg.e);
	rc = rc ? rc : form_radios(&pg.b, fe, "location", "Where", NULL, loc, nl, F(rq, "location"), 0, NULL, &pg.e);
	rc = rc ? rc
	          : form_radios(&pg.b, fe, "attendance", "Attendance", NULL, att, na, F(rq, "attendance"), 0, NULL, &pg.e);
	rc = rc ? rc : form_input(&pg.b, fe, "duration", "Length in minutes (if known)", NULL, F(rq, "duration"), "3",
	                          "text", "off", &pg.e);
	rc = rc ? rc
	          : form_checkboxes(&pg.b, fe, "attendees", "Who from the family was there", NULL, people, np, aon, &pg.e);
	if (pc->n)
		rc = rc ? rc
		          : form_checkboxes(&pg.b, fe, "practitioners", "Practitioners", NULL, pc->o, pc->n, pon, &pg.e);
	rc = rc ? rc : buf_puts(&pg.b, "<button class=\"nhsuk-button\" type=\"submit\">Save contact</button></form>");
	page_visit_opts_free(vo);
	free(vo);
	return page_episode_send(&pg, rq, rs, rc, "Record a contact", fe);
}

static int contact_get(struct http_req *rq, struct http_resp *rs) { return page_of_id(rq, rs, contact_page); }

static int contact_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct form_errors fe = {0};
	struct contact c;
	memset(&c, 0, sizeof c);
	c.episode_id = id;
	form_date_parse(F(rq, "date-day"), F(rq, "date-month"), F(rq, "date-year"), 1, "date", "date of the contact",
	                &c.date, &fe);
	str_copy(c.kind, sizeof c.kind, F(rq, "kind"));
	str_copy(c.location, sizeof c.location, F(rq, "location"));
	str_copy(c.attendance, sizeof c.attendance, F(rq, "attendance"));
	str_copy(c.intervention, sizeof c.intervention, F(rq, "intervention"));
	if (str_index(code_contact_kind, c.kind) < 0)
		form_error(&fe, "kind", "Select the kind of contact");
	if (strcmp(c.kind, "intervention") == 0 && !c.intervention[0])
		form_error(&fe, "intervention", "Select the intervention");
	if (strcmp(c.kind, "intervention") != 0)
		c.intervention[0] = '\0';
	if (str_index(code_location, c.location) < 0)
		form_error(&fe, "location", "Select where the contact was");
	if (str_index(code_attendance, c.attendance) < 0)
		form_error(&fe, "attendance", "Select whether the family attended");
	const char *dur = page_field_trim(rq, "duration");
	c.duration_min = -1;
	if (*dur && str_parse_int(dur, 1, 600, &c.duration_min))
		form_error(&fe, "duration", "Length must be a number of minutes from 1 to 600");
	if (page_form_ids(rq, "attendees", c.attendees, 8, &c.n_attendees))
		form_error(&fe, "attendees", "Choose at most 8 people");
	if (page_form_ids(rq, "practitioners", c.practitioners, 8, &c.n_practitioners))
		form_error(&fe, "practitioners", "Choose at most 8 practitioners");
	if (fe.n)
		return contact_page(rq, rs, id, &fe);
	struct dy_err e;
	int rc = app_contact_add(rq->app, &c, NULL, &e);
	if (rc == DY_EINVAL || rc == DY_ECONFLICT) {
		const char *f = e.field;
		if (strcmp(f, "date") && strcmp(f, "kind") && strcmp(f, "location") && strcmp(f, "attendance") &&
		    strcmp(f, "duration") && strcmp(f, "intervention") && strcmp(f, "attendees") &&
		    strcmp(f, "practitioners"))
			f = "date";
		form_error_from(&fe, f, &e);
		return contact_page(rq, rs, id, &fe);
	}
	return rc ? rc : page_to_family(rq, rs, id);
}

/* ---- Discharge --------------------------------------------------------------------- */

/* How many risk flags of referral id wait for acknowledgement (the discharge
 * form then asks for the action taken: the app refuses discharge without it). */
static int open_flags(struct http_req *rq, int64_t id, struct dy_err *e)
{
	struct family_alerts f;
	if (app_referral_alerts(rq->app, id, &f, e))
		return -1;
	int n = 0;
	for (int i = 0; i < f.nrisks && i < ALERTS_MAX_RISKS; i++)
		n += f.risks[i].episode_id == id;
	return n;
}

static int discharge_page(struct http_req *rq, struct http_resp *rs, int64_t id, const struct form_errors *fe)
{
	struct episode_page pg;
	int rc = page_episode_open(&pg, rq, id);
	if (rc)
		return rc;
	struct form_option why[8], care[8];
	char lw[8][48], lc[8][48];
	int nw = page_code_options(code_discharge_reason, why, lw, 8), nc = page_code_options(code_care_status, care, lc, 8);
	char action[64];
	snprintf(action, sizeof action, "/referrals/%lld/discharge", (long long)id);
	rc = page_episode_form(&pg, rq, fe, "Discharge", action, "Date of discharge");
	rc = rc ? rc : form_radios(&pg.b, fe, "reason", "Reason", NULL, why, nw, F(rq, "reason"), 0, NULL, &pg.e);
	rc = rc ? rc : form_input(&pg.b, fe, "transferred_to", "Team transferred to",
	                          "Only when the reason is transferred: the team the family goes to", F(rq, "transferred_to"),
	                          NULL, "text", NULL, &pg.e);
	int flags = rc ? 0 : open_flags(rq, id, &pg.e);
	if (flags < 0)
		rc = DY_EINTERNAL;
	if (!rc && flags > 0) {
		char legend[160];
		snprintf(legend, sizeof legend, "Action taken on the risk flag%s not yet acknowledged (required)",
		         flags > 1 ? "s" : "");
		rc = form_textarea(&pg.b, fe, "risk_action", legend,
		                   "A clinician reviews the risk before discharge: say what was done, and when",
		                   F(rq, "risk_action"), 500, &pg.e);
	}
	for (int i = 0; i < pg.fv.npeople && !rc; i++) {
		if (strcmp(pg.fv.people[i].role, "infant") != 0)
			continue;
		char name[64], legend[2 * NAME_BYTES + 64], nm[2 * NAME_BYTES + 2];
		snprintf(name, sizeof name, "care_%lld", (long long)pg.fv.people[i].id);
		page_person_name(&pg.fv.people[i], nm, sizeof nm);
		snprintf(legend, sizeof legend, "Who is %s living with?", nm);
		rc = form_radios(&pg.b, fe, name, legend, NULL, care, nc, F(rq, name), 0, NULL, &pg.e);
	}
	rc = rc ? rc : buf_puts(&pg.b, "<button class=\"nhsuk-button\" type=\"submit\">Discharge</button></form>");
	return page_episode_send(&pg, rq, rs, rc, "Discharge", fe);
}

static int discharge_get(struct http_req *rq, struct http_resp *rs) { return page_of_id(rq, rs, discharge_page); }

static int discharge_post(struct http_req *rq, struct http_resp *rs)
{
	int64_t id;
	if (http_param_id(rq, "id", &id))
		return DY_ENOTFOUND;
	struct form_errors fe = {0};
	int32_t on;
	form_date_parse(F(rq, "date-day"), F(rq, "date-month"), F(rq, "date-year"), 1, "date", "date of discharge", &on,
	                &fe);
	const char *reason = F(rq, "reason");
	if (str_index(code_discharge_reason, reason) < 0)
		form_error(&fe, "reason", "Select the reason for discharge");
	struct dy_err e;
	struct referral_view rv;
	struct family_view fv;
	int rc = app_referral_view(rq->app, id, &rv, &e);
	if (rc)
		return rc;
	if ((rc = app_family_view(rq->app, rv.episode.family_id, &fv, &e))) {
		app_referral_view_free(&rv);
		return rc;
	}
	int64_t infants[16];
	const char *status[16];
	int n = 0;
	for (int i = 0; i < fv.npeople && n < 16; i++) {
		if (strcmp(fv.people[i].role, "infant") != 0)
			continue;
		char name[64];
		snprintf(name, sizeof name, "care_%lld", (long long)fv.people[i].id);
		infants[n] = fv.people[i].id;
		status[n] = F(rq, name);
		if (str_index(code_care_status, status[n]) < 0) {
			char nm[2 * NAME_BYTES + 2], msg[2 * NAME_BYTES + 64];
			page_person_name(&fv.people[i], nm, sizeof nm);
			snprintf(msg, sizeof msg, "Select who %s is living with", nm);
			form_error(&fe, name, msg);
		}
		n++;
	}
	int64_t family = rv.episode.family_id;
	app_family_view_free(&fv);
	app_referral_view_free(&rv);
	if (!fe.n) {
		const char *action = page_field_trim(rq, "risk_action"), *to = page_field_trim(rq, "transferred_to");
		rc = app_discharge_with_action(rq->app, id, on, reason, infants, status, n, NULL, *action ? action : NULL,
		                               *to ? to : NULL, &e);
		if (rc == DY_ECONFLICT && strcmp(e.field, "risk-action") == 0) {
			form_error(&fe, "risk_action", "Enter the action taken on the risk flag before discharging");
			rc = 0;
		} else if (rc == DY_EINVAL || rc == DY_ECONFLICT) {
			form_error_from(&fe, strcmp(e.field, "reason") == 0 ? "reason"
			                     : strcmp(e.field, "transferred-to") == 0 ? "transferred_to"
			                     : strcmp(e.field, "risk-action") == 0 ? "risk_action"
			                                                           : "date",
			                &e);
			rc = 0;
		} else if (rc) {
			return rc;
		}
	}
	if (fe.n)
		return discharge_page(rq, rs, id, &fe);
	char href[48];
	snprintf(href, sizeof href, "/families/%lld", (long long)family);
	return http_redirect(rs, href);
}

#define CASEWORK_WRITE (USER_MANAGER | USER_CLINICIAN | USER_ADMIN_STAFF | USER_OPERATOR)
#define CLINICAL (USER_MANAGER | USER_CLINICIAN | USER_OPERATOR)

const struct http_route page_episode_routes[] = {
	{HTTP_GET, "/referrals/{id}/contacts/new", contact_get, CASEWORK_WRITE, 0, 0},
	{HTTP_POST, "/referrals/{id}/contacts/new", contact_post, CASEWORK_WRITE, 0, HTTP_FORM},
	{HTTP_GET, "/referrals/{id}/discharge", discharge_get, CLINICAL, 0, 0},
	{HTTP_POST, "/referrals/{id}/discharge", discharge_post, CLINICAL, 0, HTTP_FORM},
	{0}};
