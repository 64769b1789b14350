/* store_appointment.h: SQL for booked appointments (the "appointments" migration). The
 * rules are core/appointment.h's; callers (app/) check them and hold the
 * transaction. A booking's outcome is written once: every status change
 * applies only to a row still 'booked'. */
#ifndef DYAD_STORE_APPOINTMENT_H
#define DYAD_STORE_APPOINTMENT_H

#include <stdint.h>

#include "core/appointment.h"
#include "store/db.h"
#include "util/limits.h"

struct appointment {
	int64_t id;
	int64_t episode_id;
	int64_t family_id;       /* read back (the episode's family); ignored on insert */
	int32_t date;
	int start_min;           /* minutes after midnight */
	int duration_min;
	char kind[16];           /* a contact kind (core/codes.h) */
	char intervention[40];   /* "" when not an intervention */
	char location[20];       /* a location code */
	char status[24];         /* booked, attended, ... (core/appointment.h) */
	int32_t status_on;       /* the day the outcome was recorded; DATE_NONE while booked */
	int64_t contact_id;      /* 0: no contact written */
	int64_t rescheduled_to;  /* 0: not moved */
	char booked_by[LIMIT_ACTOR];
	char booked_at[21];      /* "YYYY-MM-DDTHH:MM:SSZ" */
	int64_t practitioners[APPT_PEOPLE_MAX];
	int n_practitioners;
	int64_t attendees[APPT_PEOPLE_MAX];
	int n_attendees;
};

/* Called for each appointment read. */
typedef int (*store_appointment_fn)(void *ctx, const struct appointment *ap);

/* Inserts ap with its practitioner and attendee links (id 0: a new id
 * written back; positive: that id, for import). */
int store_appointment_insert(db_t *db, struct appointment *ap, struct dy_err *e);

/* Loads appointment id with its links; DY_ENOTFOUND when absent. */
int store_appointment_get(db_t *db, int64_t id, struct appointment *ap, struct dy_err *e);

/* Ends booked appointment id: status (an outcome or 'rescheduled') on day
 * on, with the contact written for it and the booking that replaces it (0:
 * none). DY_ECONFLICT when it is no longer booked. */
int store_appointment_close(db_t *db, int64_t id, const char *status, int32_t on, int64_t contact_id,
                            int64_t rescheduled_to, struct dy_err *e);

/* Calls fn for each appointment of the episode (episode_id > 0) or of
 * every episode, by day and time. */
int store_appointment_list(db_t *db, int64_t episode_id, store_appointment_fn fn, void *ctx, struct dy_err *e);

/* Calls fn for each appointment from day from to day to (inclusive), by
 * day, time and id: of practitioner_id (0: every practitioner of the
 * team), leaving out bookings replaced by a move. */
int store_appointment_diary(db_t *db, int64_t practitioner_id, int32_t from, int32_t to, store_appointment_fn fn,
                            void *ctx, struct dy_err *e);

/* Calls fn for the family's appointments still booked, from day from on. */
int store_appointment_family_booked(db_t *db, int64_t family_id, int32_t from, store_appointment_fn fn, void *ctx,
                                    struct dy_err *e);

/* The initials of whom the appointment is for: its attendees, else the
 * referral's caregiver and infant ("A.E., B.E."), into out (n bytes). */
int store_appointment_initials(db_t *db, const struct appointment *ap, char *out, unsigned n, struct dy_err *e);

/* Calls fn with (episode_id, kind, day) for each referral's earliest
 * booked appointment of each kind that stops a waiting clock (assessment,
 * intervention, group) on or after from; by referral, then kind. */
typedef int (*store_booked_fn)(void *ctx, int64_t episode_id, const char *kind, int32_t day);
int store_appointment_next_booked(db_t *db, int32_t from, store_booked_fn fn, void *ctx, struct dy_err *e);

/* For import: 1 when contact contact_id is of referral episode_id, on day
 * date, recorded with attendance, and no appointment names it yet; 0
 * otherwise; a negative store code on failure. */
int store_appointment_contact_free(db_t *db, int64_t contact_id, int64_t episode_id, int32_t date,
                                   const char *attendance, struct dy_err *e);

/* For import: points rescheduled appointment id to the booking that
 * replaced it (inserted after it); DY_ENOTFOUND when id is not a
 * rescheduled appointment. */
int store_appointment_set_moved(db_t *db, int64_t id, int64_t rescheduled_to, struct dy_err *e);

#endif
