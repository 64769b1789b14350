/* app_import_appointment.c: appointments.csv in an import (docs/csv.md,
 * docs/appointments.md), checked row by row as booking and its outcome
 * check them, refused whole at the first bad row with file, line and
 * column. Runs after contacts: an outcome names the contact it became.
 *
 * A booking is history here, not a new booking: its day may be past, and
 * its referral may since have been discharged. What is held to the rules is
 * how its fields agree: an outcome's day and contact, a cancellation's
 * contact only when recorded on or after the day, a move's new booking.
 * A move may point to a booking later in the file, so moves are linked
 * once every row is in. */
#include "app/app_import_int.h"

#include <stdlib.h>
#include <string.h>

#include "app/app_files.h"
#include "core/appointment.h"
#include "core/codes.h"
#include "core/intervention.h"
#include "core/note.h"
#include "core/validate.h"
#include "store/store_appointment.h"
#include "util/date.h"
#include "util/str.h"
#include "util/text.h"

enum { AP_ID, AP_REF, AP_DATE, AP_TIME, AP_DURATION, AP_KIND, AP_INTERVENTION, AP_LOCATION, AP_PRACT,
       AP_ATTENDEES, AP_STATUS, AP_STATUS_ON, AP_CONTACT, AP_MOVED_TO, AP_BY, AP_AT, AP_NCOLS };
static const struct csvtab_col ap_cols[] = {
	{"appointment_id", 1}, {"referral_id", 1},      {"date", 1},         {"time", 1},
	{"duration_min", 1},   {"kind", 1},             {"intervention", 1}, {"location", 1},
	{"practitioner_ids", 1}, {"attendee_ids", 1},   {"status", 1},       {"status_on", 1},
	{"contact_id", 1},     {"rescheduled_to", 1},   {"booked_by", 1},    {"booked_at", 1}};

/* A move to link once every row is in: the row's line for messages. */
struct move {
	int64_t id, to, episode_id;
	long line;
};

/* The row's own fields, before any cross-reference. */
static int read_fields(struct csvtab *t, struct appointment *ap, struct dy_err *e)
{
	memset(ap, 0, sizeof *ap);
	int rc = csvtab_id(t, AP_ID, 0, &ap->id, e);
	if (!rc) rc = csvtab_id(t, AP_REF, 0, &ap->episode_id, e);
	if (!rc) rc = import_date_col(t, AP_DATE, 0, &ap->date, e);
	if (!rc && appt_parse_time("time", csvtab_get(t, AP_TIME), &ap->start_min, e))
		rc = import_col_fail(t, AP_TIME, e);
	if (!rc && validate_int("duration_min", csvtab_get(t, AP_DURATION), APPT_DURATION_MIN, APPT_DURATION_MAX,
	                        &ap->duration_min, e))
		rc = import_col_fail(t, AP_DURATION, e);
	if (!rc && appt_check_length(ap->start_min, ap->duration_min, e))
		rc = import_col_fail(t, AP_DURATION, e);
	if (!rc) rc = csvtab_copy(t, AP_KIND, ap->kind, sizeof ap->kind, e);
	if (!rc && validate_code("kind", code_contact_kind, ap->kind, e))
		rc = import_col_fail(t, AP_KIND, e);
	if (!rc) rc = csvtab_copy(t, AP_INTERVENTION, ap->intervention, sizeof ap->intervention, e);
	if (!rc) rc = csvtab_copy(t, AP_LOCATION, ap->location, sizeof ap->location, e);
	if (!rc && validate_code("location", code_location, ap->location, e))
		rc = import_col_fail(t, AP_LOCATION, e);
	if (!rc) rc = import_id_list(t, AP_PRACT, ap->practitioners, APPT_PEOPLE_MAX, &ap->n_practitioners, e);
	if (!rc && ap->n_practitioners < 1) {
		dy_fail(e, DY_EINVAL, NULL, "name at least one practitioner who will see the family");
		rc = import_col_fail(t, AP_PRACT, e);
	}
	if (!rc) rc = import_id_list(t, AP_ATTENDEES, ap->attendees, APPT_PEOPLE_MAX, &ap->n_attendees, e);
	if (!rc) rc = csvtab_copy(t, AP_STATUS, ap->status, sizeof ap->status, e);
	if (!rc && !appt_status_ok(ap->status)) {
		dy_fail(e, DY_EINVAL, NULL, "must be booked, attended, did_not_attend, cancelled_by_family,"
		        " cancelled_by_service or rescheduled");
		rc = import_col_fail(t, AP_STATUS, e);
	}
	if (!rc) rc = import_date_col(t, AP_STATUS_ON, 1, &ap->status_on, e);
	if (!rc) rc = csvtab_id(t, AP_CONTACT, 1, &ap->contact_id, e);
	if (!rc) rc = csvtab_id(t, AP_MOVED_TO, 1, &ap->rescheduled_to, e);
	if (!rc) rc = csvtab_copy(t, AP_BY, ap->booked_by, sizeof ap->booked_by, e);
	if (!rc && (!ap->booked_by[0] || text_check("booked_by", ap->booked_by, TEXT_LINE, e))) {
		if (!ap->booked_by[0])
			dy_fail(e, DY_EINVAL, NULL, "is required");
		rc = import_col_fail(t, AP_BY, e);
	}
	if (!rc) rc = csvtab_copy(t, AP_AT, ap->booked_at, sizeof ap->booked_at, e);
	if (!rc && note_check_stamp("booked_at", ap->booked_at, e))
		rc = import_col_fail(t, AP_AT, e);
	return rc;
}

/* Fails column k of the current row with msg. */
static int refuse(struct csvtab *t, int k, const char *msg, struct dy_err *e)
{
	dy_fail(e, DY_EINVAL, NULL, "%s", msg);
	return import_col_fail(t, k, e);
}

/* How the status, its day, the contact and the move agree. */
static int check_outcome(struct import *im, struct csvtab *t, const struct appointment *ap, int32_t received_on,
                         struct dy_err *e)
{
	int booked = strcmp(ap->status, "booked") == 0, moved = strcmp(ap->status, "rescheduled") == 0;
	int cancelled = strncmp(ap->status, "cancelled_", 10) == 0;
	if (booked && ap->status_on != DATE_NONE)
		return refuse(t, AP_STATUS_ON, "must be blank while the appointment is booked", e);
	if (!booked && ap->status_on == DATE_NONE)
		return refuse(t, AP_STATUS_ON, "is required: the day the outcome was recorded", e);
	if (!booked && ap->status_on < received_on)
		return refuse(t, AP_STATUS_ON, "is before the referral was received", e);
	if (!moved && ap->rescheduled_to)
		return refuse(t, AP_MOVED_TO, "must be blank unless the status is rescheduled", e);
	if (moved && !ap->rescheduled_to)
		return refuse(t, AP_MOVED_TO, "is required: the booking that replaced this one", e);
	if (moved && ap->rescheduled_to == ap->id)
		return refuse(t, AP_MOVED_TO, "must name another appointment", e);
	/* Attended and did-not-attend come once the day has come, as a contact;
	 * a cancellation is a contact only when recorded on or after the day. */
	int wants_contact = !booked && !moved && ap->status_on >= ap->date;
	if (!cancelled && !booked && !moved && ap->status_on < ap->date)
		return refuse(t, AP_STATUS_ON, "is before the appointment's day: attendance is recorded on the day or later",
		              e);
	if (wants_contact && !ap->contact_id)
		return refuse(t, AP_CONTACT, "is required: an outcome on or after the day is recorded as a contact", e);
	if (!wants_contact && ap->contact_id)
		return refuse(t, AP_CONTACT,
		              "must be blank: only an outcome on or after the appointment's day becomes a contact", e);
	if (!ap->contact_id)
		return 0;
	int usable = store_appointment_contact_free(im->a->db, ap->contact_id, ap->episode_id, ap->date, ap->status, e);
	if (usable < 0)
		return usable;
	if (!usable) {
		dy_fail(e, DY_EINVAL, NULL,
		        "contact %lld is not a contact of this referral on the appointment's day recorded as %s,"
		        " or another appointment names it",
		        (long long)ap->contact_id, ap->status);
		return import_col_fail(t, AP_CONTACT, e);
	}
	return 0;
}

/* Checks and inserts one row; a move is noted in *mv (mv->to 0: none). */
static int import_row(struct import *im, struct csvtab *t, const struct intervention_catalogue *cat,
                      struct move *mv, struct dy_err *e)
{
	struct appointment ap;
	struct episode ep;
	int rc = read_fields(t, &ap, e);
	if (!rc) rc = import_episode_for(im, t, AP_REF, ap.episode_id, &ep, e);
	if (!rc && ap.date < ep.received_on)
		rc = refuse(t, AP_DATE, "is before the referral was received", e);
	if (!rc && intervention_contact_check(cat, ap.kind, ap.intervention, e))
		rc = import_col_fail(t, AP_INTERVENTION, e);
	for (int i = 0; !rc && i < ap.n_practitioners; i++)
		rc = import_check_practitioner(im, t, AP_PRACT, ap.practitioners[i], e);
	for (int i = 0; !rc && i < ap.n_attendees; i++)
		rc = import_check_member(im, t, AP_ATTENDEES, ap.attendees[i], ep.family_id, -1, e);
	if (!rc) rc = check_outcome(im, t, &ap, ep.received_on, e);
	if (rc)
		return rc;
	*mv = (struct move){ap.id, ap.rescheduled_to, ap.episode_id, t->r.line};
	ap.rescheduled_to = 0; /* linked once the booking it names is in */
	rc = store_appointment_insert(im->a->db, &ap, e);
	if (rc == DY_ECONFLICT) {
		dy_fail(e, DY_ECONFLICT, NULL, "%lld already exists (has this file been imported already?)",
		        (long long)ap.id);
		return import_col_fail(t, AP_ID, e);
	}
	return rc;
}

/* Links each move to its new booking: one of this file or the database's,
 * of the same referral. */
static int link_moves(struct import *im, const struct move *mv, size_t n, struct dy_err *e)
{
	for (size_t i = 0; i < n; i++) {
		struct appointment to;
		int rc = store_appointment_get(im->a->db, mv[i].to, &to, e);
		if (rc == DY_ENOTFOUND)
			dy_fail(e, DY_EINVAL, NULL, "appointment %lld does not exist", (long long)mv[i].to);
		else if (!rc && to.episode_id != mv[i].episode_id)
			rc = dy_fail(e, DY_EINVAL, NULL, "appointment %lld is of another referral", (long long)mv[i].to);
		if (!rc)
			rc = store_appointment_set_moved(im->a->db, mv[i].id, mv[i].to, e);
		if (rc) {
			if (rc == DY_ENOTFOUND)
				rc = DY_EINVAL;
			str_copy(e->field, sizeof e->field, "rescheduled_to");
			dy_err_where(e, "appointments.csv line %ld", mv[i].line);
			return rc;
		}
	}
	return 0;
}

int import_appointments(struct import *im, struct dy_err *e)
{
	struct csvtab t;
	int rc = csvtab_open(&t, im->dir, "appointments.csv", ap_cols, AP_NCOLS, 0, e);
	/* Interventions are the team's catalogue, as for a booking made by hand. */
	struct intervention_catalogue cat;
	memset(&cat, 0, sizeof cat);
	if (!rc && t.f)
		rc = intervention_load_file(NULL, &cat, e);
	struct move *moves = NULL;
	size_t n = 0, cap = 0;
	while (!rc && (rc = csvtab_next(&t, e)) == 1) {
		struct move mv;
		rc = import_row(im, &t, &cat, &mv, e);
		if (!rc && mv.to) {
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				moves = xrealloc(moves, cap * sizeof *moves);
			}
			moves[n++] = mv;
		}
		if (!rc)
			im->n->appointments++;
	}
	if (!rc)
		rc = link_moves(im, moves, n, e);
	free(moves);
	intervention_catalogue_free(&cat);
	csvtab_close(&t);
	return rc < 0 ? rc : 0;
}
