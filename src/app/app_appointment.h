/* app_appointment.h: booked appointments and the diary (issue 12;
 * docs/appointments.md). A booking is a future contact of a referral: day,
 * time, length, place, kind, practitioners, attendees. It can be moved to
 * another day (the old booking is kept, marked rescheduled, pointing to the
 * new one), cancelled by the family or the service, or, once its day has
 * come, given its outcome (attended or did not attend), which writes the
 * contact the clocks and reports already count. A practitioner's diary (or
 * the team's) lists the bookings of a day or week; its iCalendar form
 * names no one: initials and family id only. Booking staff (manager,
 * clinician, admin_staff) may do all of it; every change is one audited
 * transaction. */
#ifndef DYAD_APP_APPOINTMENT_H
#define DYAD_APP_APPOINTMENT_H

#include "app/app.h"
#include "store/store_appointment.h"
#include "util/buf.h"

/* Books ap (episode_id, date, start_min, duration_min, kind, intervention,
 * location, practitioners (at least one), attendees) by the acting user:
 * checked as a contact would be (its intervention against the catalogue at
 * catalogue_path, NULL: the team's own), on a day not yet past, on a
 * referral not declined or discharged. Writes ap->id back. */
int app_appointment_book(struct app *a, struct appointment *ap, const char *catalogue_path, struct dy_err *e);

/* Records booked appointment id's outcome (a contact attendance code). An
 * attended or did-not-attend outcome, or a cancellation on or after the
 * day, writes the contact (its id to *contact_id, else 0); a cancellation
 * ahead of the day writes none. The referral moves as a contact moves it. */
int app_appointment_outcome(struct app *a, int64_t id, const char *outcome, int64_t *contact_id, struct dy_err *e);

/* Moves booked appointment id to date at start_min (-1: the same time),
 * duration_min (0: the same length): a new booking (its id to *new_id),
 * the old one kept as rescheduled. */
int app_appointment_reschedule(struct app *a, int64_t id, int32_t date, int start_min, int duration_min,
                               int64_t *new_id, struct dy_err *e);

/* One appointment with its links. */
int app_appointment_get(struct app *a, int64_t id, struct appointment *ap, struct dy_err *e);

/* Calls fn for the referral's appointments, by day and time. */
int app_appointment_list(struct app *a, int64_t episode_id, store_appointment_fn fn, void *ctx, struct dy_err *e);

/* Calls fn for the family's bookings from today on (its page). */
int app_appointment_family(struct app *a, int64_t family_id, store_appointment_fn fn, void *ctx, struct dy_err *e);

/* One diary entry: the booking and the initials of whom it is for. */
struct diary_entry {
	const struct appointment *ap;
	const char *initials;
};
typedef int (*app_diary_fn)(void *ctx, const struct diary_entry *d);

/* Calls fn for the bookings of practitioner_id (0: the whole team) from day
 * from to day to (at most 62 days), by day and time, leaving out bookings
 * moved to another day. DY_ENOTFOUND for a practitioner who does not
 * exist. The read is audited. */
int app_diary(struct app *a, int64_t practitioner_id, int32_t from, int32_t to, app_diary_fn fn, void *ctx,
              struct dy_err *e);

/* The diary of practitioner_id (0: the team) from day from to day to as an
 * iCalendar calendar into out: each booking's kind, family id and the
 * initials of whom it is for, never a name. */
int app_diary_ics(struct app *a, int64_t practitioner_id, int32_t from, int32_t to, struct buf *out,
                  struct dy_err *e);

#endif
