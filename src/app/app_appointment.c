/* app_appointment.c: booking, moving, cancelling and closing appointments;
 * the diary and its iCalendar form (see app_appointment.h). Every check
 * that reads the database runs inside the transaction that writes. */
#include "app/app_appointment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_audit.h"
#include "app/app_episode.h"
#include "app/app_files.h"
#include "app/app_scope.h"
#include "core/codes.h"
#include "core/ics.h"
#include "core/validate.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "util/date.h"
#include "util/str.h"

#define DIARY_DAYS_MAX 62

/* The booking's own fields, before any database read. */
static int check_fields(const struct appointment *ap, struct dy_err *e)
{
	if (validate_code("kind", code_contact_kind, ap->kind, e) ||
	    validate_code("location", code_location, ap->location, e))
		return DY_EINVAL;
	if (ap->n_practitioners < 1)
		return dy_fail(e, DY_EINVAL, "practitioners", "name at least one practitioner who will see the family");
	return appt_check_length(ap->start_min, ap->duration_min, e);
}

/* The checks against the referral and the people, inside the transaction. */
static int check_booking(struct app *a, const struct appointment *ap, struct dy_err *e)
{
	struct episode ep;
	int rc = store_episode_get(a->db, ap->episode_id, &ep, e);
	if (rc)
		return rc;
	if (ep.discharged_on != DATE_NONE || strcmp(ep.decision, "declined") == 0 ||
	    strcmp(ep.decision, "signposted") == 0)
		return dy_fail(e, DY_ECONFLICT, "referral", "referral %lld is %s: nothing more can be booked on it",
		               (long long)ap->episode_id, ep.discharged_on != DATE_NONE ? "discharged" : ep.decision);
	if (ap->date < ep.received_on)
		return dy_fail(e, DY_EINVAL, "date", "is before the referral was received");
	return app_contact_people_check(a, ep.family_id, ap->practitioners, ap->n_practitioners, ap->attendees,
	                                ap->n_attendees, e);
}

int app_appointment_book(struct app *a, struct appointment *ap, const char *catalogue_path, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, ap->episode_id, SCOPE_BOOKING_WRITE, NULL, e);
	if (rc)
		return rc;
	if (check_fields(ap, e) || appt_check_booking_day(ap->date, a->today, e))
		return DY_EINVAL;
	struct intervention_catalogue cat;
	rc = intervention_load_file(catalogue_path, &cat, e);
	if (!rc && intervention_contact_check(&cat, ap->kind, ap->intervention, e))
		rc = DY_EINVAL;
	intervention_catalogue_free(&cat);
	if (rc)
		return rc;
	if ((rc = app_begin(a, e)))
		return rc;
	rc = check_booking(a, ap, e);
	if (!rc) {
		ap->id = 0;
		strcpy(ap->status, "booked");
		ap->status_on = DATE_NONE;
		ap->contact_id = ap->rescheduled_to = 0;
		str_copy(ap->booked_by, sizeof ap->booked_by, a->actor);
		date_now_utc(ap->booked_at);
		rc = store_appointment_insert(a->db, ap, e);
	}
	return app_end(a, rc, "appointment.book", "appointment", ap->id, ap->kind, e);
}

int app_appointment_outcome(struct app *a, int64_t id, const char *outcome, int64_t *contact_id, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_APPOINTMENT, id, SCOPE_BOOKING_WRITE, NULL, e);
	if (rc)
		return rc;
	if (contact_id)
		*contact_id = 0;
	if ((rc = app_begin(a, e)))
		return rc;
	struct appointment ap;
	rc = store_appointment_get(a->db, id, &ap, e);
	if (!rc)
		rc = appt_check_outcome(ap.status, ap.date, outcome ? outcome : "", a->today, e);
	struct contact c;
	memset(&c, 0, sizeof c);
	/* A cancellation ahead of the day is not a contact: nothing was due yet. */
	int write_contact = !rc && ap.date <= a->today;
	if (write_contact) {
		c.episode_id = ap.episode_id;
		c.date = ap.date;
		str_copy(c.kind, sizeof c.kind, ap.kind);
		str_copy(c.intervention, sizeof c.intervention, ap.intervention);
		str_copy(c.location, sizeof c.location, ap.location);
		str_copy(c.attendance, sizeof c.attendance, outcome);
		c.duration_min = strcmp(outcome, "attended") == 0 ? ap.duration_min : -1;
		memcpy(c.practitioners, ap.practitioners, sizeof c.practitioners);
		c.n_practitioners = ap.n_practitioners;
		memcpy(c.attendees, ap.attendees, sizeof c.attendees);
		c.n_attendees = ap.n_attendees;
		int moved = -1;
		rc = app_contact_write(a, &c, NULL, &moved, e); /* held to the catalogue when booked */
	}
	if (!rc)
		rc = store_appointment_close(a->db, id, outcome, a->today, write_contact ? c.id : 0, 0, e);
	if (!rc && contact_id)
		*contact_id = write_contact ? c.id : 0;
	return app_end(a, rc, "appointment.outcome", "appointment", id, outcome, e);
}

int app_appointment_reschedule(struct app *a, int64_t id, int32_t date, int start_min, int duration_min,
                               int64_t *new_id, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_APPOINTMENT, id, SCOPE_BOOKING_WRITE, NULL, e);
	if (rc)
		return rc;
	if ((rc = app_begin(a, e)))
		return rc;
	struct appointment ap;
	rc = store_appointment_get(a->db, id, &ap, e);
	if (!rc)
		rc = appt_check_reschedule(ap.status, date, a->today, e);
	struct appointment nw = ap;
	if (!rc) {
		nw.date = date;
		if (start_min >= 0)
			nw.start_min = start_min;
		if (duration_min > 0)
			nw.duration_min = duration_min;
		rc = appt_check_length(nw.start_min, nw.duration_min, e);
	}
	if (!rc)
		rc = check_booking(a, &nw, e);
	if (!rc) {
		nw.id = 0;
		str_copy(nw.booked_by, sizeof nw.booked_by, a->actor);
		date_now_utc(nw.booked_at);
		rc = store_appointment_insert(a->db, &nw, e);
	}
	if (!rc)
		rc = store_appointment_close(a->db, id, "rescheduled", a->today, 0, nw.id, e);
	if (!rc && new_id)
		*new_id = nw.id;
	char detail[40];
	snprintf(detail, sizeof detail, "to appointment %lld", (long long)nw.id);
	return app_end(a, rc, "appointment.reschedule", "appointment", id, rc ? NULL : detail, e);
}

int app_appointment_get(struct app *a, int64_t id, struct appointment *ap, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_APPOINTMENT, id, SCOPE_IDENTITY, NULL, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	return app_end_read(a, store_appointment_get(a->db, id, ap, e));
}

int app_appointment_list(struct app *a, int64_t episode_id, store_appointment_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_IDENTITY, NULL, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	return app_end_read(a, store_appointment_list(a->db, episode_id, fn, ctx, e));
}

int app_appointment_family(struct app *a, int64_t family_id, store_appointment_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_scope_family(a, family_id, SCOPE_IDENTITY, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	return app_end_read(a, store_appointment_family_booked(a->db, family_id, a->today, fn, ctx, e));
}

struct diary_ctx {
	struct app *a;
	app_diary_fn fn;
	void *ctx;
	int64_t *families;
	int n, cap;
	struct dy_err *e;
};

static int diary_row(void *ctx, const struct appointment *ap)
{
	struct diary_ctx *d = ctx;
	char initials[128];
	int rc = store_appointment_initials(d->a->db, ap, initials, sizeof initials, d->e);
	if (rc)
		return rc;
	int seen = 0;
	for (int i = 0; i < d->n && !seen; i++)
		seen = d->families[i] == ap->family_id;
	if (!seen) {
		if (d->n == d->cap) {
			d->cap = d->cap ? d->cap * 2 : 64;
			d->families = xrealloc(d->families, (size_t)d->cap * sizeof *d->families);
		}
		d->families[d->n++] = ap->family_id;
	}
	struct diary_entry en = {ap, initials};
	return d->fn(d->ctx, &en);
}

static int diary_range(int32_t from, int32_t to, struct dy_err *e)
{
	if (from == DATE_NONE || to == DATE_NONE || to < from)
		return dy_fail(e, DY_EINVAL, "week", "the diary's last day is before its first");
	if (to - from + 1 > DIARY_DAYS_MAX)
		return dy_fail(e, DY_EINVAL, "to", "a diary covers at most %d days", DIARY_DAYS_MAX);
	return 0;
}

int app_diary(struct app *a, int64_t practitioner_id, int32_t from, int32_t to, app_diary_fn fn, void *ctx,
              struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_IDENTITY, e);
	if (rc || (rc = diary_range(from, to, e)))
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	if (practitioner_id) {
		rc = store_practitioner_exists(a->db, practitioner_id, e);
		rc = rc < 0 ? rc : rc ? 0 : dy_fail(e, DY_ENOTFOUND, "practitioner", "practitioner %lld does not exist",
		                                    (long long)practitioner_id);
	}
	struct diary_ctx d = {a, fn, ctx, NULL, 0, 0, e};
	if (!rc)
		rc = store_appointment_diary(a->db, practitioner_id, from, to, diary_row, &d, e);
	rc = app_end_read(a, rc);
	if (!rc && d.n)
		rc = app_audit_list(a, "family", d.families, d.n, e);
	free(d.families);
	return rc;
}

struct ics_ctx {
	struct buf *out;
	char stamp[21];
};

static int ics_row(void *ctx, const struct diary_entry *en)
{
	struct ics_ctx *c = ctx;
	const struct appointment *ap = en->ap;
	char uid[64], summary[256], desc[160];
	snprintf(uid, sizeof uid, "appointment-%lld@dyad", (long long)ap->id);
	const char *status = strcmp(ap->status, "booked") == 0 ? "" : ap->status;
	snprintf(summary, sizeof summary, "%s: family %lld (%s)%s%s", ap->kind, (long long)ap->family_id,
	         en->initials, status[0] ? " - " : "", status);
	snprintf(desc, sizeof desc, "Referral %lld, appointment %lld%s%s", (long long)ap->episode_id,
	         (long long)ap->id, ap->intervention[0] ? ", " : "", ap->intervention);
	struct ics_event ev = {.uid = uid,
	                       .stamp = c->stamp,
	                       .date = ap->date,
	                       .start_min = ap->start_min,
	                       .duration_min = ap->duration_min,
	                       .summary = summary,
	                       .location = ap->location,
	                       .description = desc,
	                       .cancelled = strncmp(ap->status, "cancelled_", 10) == 0,
	                       .sequence = 0};
	return ics_event(c->out, &ev);
}

int app_diary_ics(struct app *a, int64_t practitioner_id, int32_t from, int32_t to, struct buf *out,
                  struct dy_err *e)
{
	struct ics_ctx c = {out, ""};
	date_now_utc(c.stamp);
	char name[64];
	if (practitioner_id)
		snprintf(name, sizeof name, "dyad diary: practitioner %lld", (long long)practitioner_id);
	else
		snprintf(name, sizeof name, "dyad diary: team");
	if (ics_begin(out, name))
		return dy_fail(e, DY_EINVAL, "diary", "is too large to write");
	int rc = app_diary(a, practitioner_id, from, to, ics_row, &c, e);
	if (rc == DY_EINVAL && !e->field[0])
		rc = dy_fail(e, DY_EINVAL, "diary", "is too large to write");
	if (!rc && ics_end(out))
		rc = dy_fail(e, DY_EINVAL, "diary", "is too large to write");
	return rc;
}
