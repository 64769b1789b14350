/* appointment.c: the rules of a booked appointment (see appointment.h). */
#include "core/appointment.h"

#include <string.h>

#include "core/codes.h"
#include "core/validate.h"
#include "util/date.h"

static int digit(char c) { return c >= '0' && c <= '9'; }

int appt_parse_time(const char *field, const char *s, int *minutes, struct dy_err *e)
{
	if (!s || strlen(s) != 5 || !digit(s[0]) || !digit(s[1]) || s[2] != ':' || !digit(s[3]) || !digit(s[4]))
		return dy_fail(e, DY_EINVAL, field, "must be a time of day written HH:MM (24-hour)");
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 23 || m > 59)
		return dy_fail(e, DY_EINVAL, field, "must be a time of day from 00:00 to 23:59");
	*minutes = h * 60 + m;
	return 0;
}

void appt_format_time(int minutes, char out[6])
{
	if (minutes < 0 || minutes >= 24 * 60)
		minutes = 0;
	out[0] = (char)('0' + minutes / 600);
	out[1] = (char)('0' + minutes / 60 % 10);
	out[2] = ':';
	out[3] = (char)('0' + minutes % 60 / 10);
	out[4] = (char)('0' + minutes % 10);
	out[5] = '\0';
}

int appt_check_length(int start_min, int duration_min, struct dy_err *e)
{
	if (start_min < 0 || start_min >= 24 * 60)
		return dy_fail(e, DY_EINVAL, "time", "must be a time of day, HH:MM");
	if (duration_min < APPT_DURATION_MIN || duration_min > APPT_DURATION_MAX)
		return dy_fail(e, DY_EINVAL, "duration", "must be from %d to %d minutes", APPT_DURATION_MIN,
		               APPT_DURATION_MAX);
	if (start_min + duration_min > 24 * 60)
		return dy_fail(e, DY_EINVAL, "duration", "runs past midnight: book it as two appointments");
	return 0;
}

static const char *const statuses[] = {"booked", "attended", "did_not_attend", "cancelled_by_family",
                                       "cancelled_by_service", "rescheduled", 0};

int appt_status_ok(const char *status)
{
	for (int i = 0; statuses[i]; i++)
		if (strcmp(statuses[i], status) == 0)
			return 1;
	return 0;
}

int appt_check_outcome(const char *status, int32_t date, const char *outcome, int32_t today, struct dy_err *e)
{
	if (validate_code("outcome", code_attendance, outcome, e))
		return DY_EINVAL;
	if (strcmp(status, "booked") != 0)
		return dy_fail(e, DY_ECONFLICT, "appointment", "already has its outcome (%s)", status);
	int cancel = strncmp(outcome, "cancelled_", 10) == 0;
	if (!cancel && date > today)
		return dy_fail(e, DY_ECONFLICT, "date", "has not come yet: record attended or did not attend on the day"
		               " or after (a cancellation may be recorded at any time)");
	return 0;
}

int appt_check_booking_day(int32_t date, int32_t today, struct dy_err *e)
{
	if (date == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "date", "is required");
	if (date < today)
		return dy_fail(e, DY_EINVAL, "date", "is in the past: record a contact that has happened with"
		               " `dyad contact add`");
	return 0;
}

int appt_check_reschedule(const char *status, int32_t new_date, int32_t today, struct dy_err *e)
{
	if (strcmp(status, "booked") != 0)
		return dy_fail(e, DY_ECONFLICT, "appointment", "is %s: only a booked appointment can be moved", status);
	return appt_check_booking_day(new_date, today, e);
}

int32_t appt_week_start(int32_t day)
{
	/* 1970-01-01 (day 0) was a Thursday: Monday is 3 days before. */
	int32_t wd = (int32_t)(((int64_t)day + 3) % 7);
	if (wd < 0)
		wd += 7;
	return day - wd;
}

/* The first character of a UTF-8 name (upper-cased when ASCII) and a dot. */
static unsigned initial(const char *s, char *out, unsigned room)
{
	while (*s == ' ')
		s++;
	if (!*s)
		return 0;
	unsigned len = 1;
	unsigned char c = (unsigned char)*s;
	if (c >= 0xC0)
		while (len < 4 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len++;
	if (len + 1 >= room)
		return 0;
	memcpy(out, s, len);
	if (c >= 'a' && c <= 'z')
		out[0] = (char)(c - 'a' + 'A');
	out[len] = '.';
	return len + 1;
}

void appt_initials(const char *given, const char *family, char *out, unsigned n)
{
	if (!n)
		return;
	unsigned k = initial(given ? given : "", out, n);
	k += initial(family ? family : "", out + k, n - k);
	out[k] = '\0';
}
