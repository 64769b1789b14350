/* appointment.h: the rules of a booked appointment, once (issue 12;
 * docs/appointments.md): its start time and length, the states it goes
 * through (booked, then exactly one of attended, did_not_attend,
 * cancelled_by_family, cancelled_by_service, rescheduled), which of those a
 * booked appointment may move to on a given day, and the week a diary
 * shows. Entry (app/app_appointment.c) and the diary ask these. Pure. */
#ifndef DYAD_CORE_APPOINTMENT_H
#define DYAD_CORE_APPOINTMENT_H

#include <stdint.h>

#include "util/err.h"

#define APPT_DURATION_MIN 5
#define APPT_DURATION_MAX 600
#define APPT_PEOPLE_MAX 8 /* practitioners, and attendees, on one appointment */

/* Parses a time of day written exactly `HH:MM` (24-hour, 00:00 to 23:59)
 * into minutes after midnight; DY_EINVAL naming field otherwise. */
int appt_parse_time(const char *field, const char *s, int *minutes, struct dy_err *e);

/* Writes minutes after midnight as `HH:MM` into out (6 bytes). */
void appt_format_time(int minutes, char out[6]);

/* An appointment's length: APPT_DURATION_MIN to APPT_DURATION_MAX minutes,
 * ending the same day it starts; DY_EINVAL naming "duration" otherwise. */
int appt_check_length(int start_min, int duration_min, struct dy_err *e);

/* 1 when status is one an appointment may be in: booked, attended,
 * did_not_attend, cancelled_by_family, cancelled_by_service, rescheduled. */
int appt_status_ok(const char *status);

/* Whether a booked appointment on date may be given outcome (a contact
 * attendance code: attended, did_not_attend, cancelled_by_family,
 * cancelled_by_service) on today: only while booked; attended and
 * did_not_attend only once its day has come; a cancellation at any time.
 * DY_EINVAL naming "outcome" for an unknown code, DY_ECONFLICT naming
 * "appointment" or "date" otherwise. */
int appt_check_outcome(const char *status, int32_t date, const char *outcome, int32_t today, struct dy_err *e);

/* Whether a booked appointment may be moved to a new day on today: only
 * while booked, and never to a day already past; DY_ECONFLICT naming
 * "appointment", DY_EINVAL naming "date". */
int appt_check_reschedule(const char *status, int32_t new_date, int32_t today, struct dy_err *e);

/* A new booking's day: not before today; DY_EINVAL naming "date". */
int appt_check_booking_day(int32_t date, int32_t today, struct dy_err *e);

/* The Monday of the week (Monday to Sunday) that holds day. */
int32_t appt_week_start(int32_t day);

/* Initials of a name, "A.E." from "Ann" and "Example": the first letter of
 * each (UTF-8: the first character), upper-cased when ASCII, each followed
 * by a dot; "" for empty names. out holds at least 16 bytes. */
void appt_initials(const char *given, const char *family, char *out, unsigned n);

#endif
