/* Appointments' rules and the iCalendar writer: times written HH:MM only,
 * lengths within a day, outcomes only while booked (attended and did not
 * attend not before the day), the diary's week from Monday, initials
 * without names, and .ics lines that a calendar reads: CRLF ends, folded
 * at 75 octets without splitting a UTF-8 character, TEXT escaped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/appointment.h"
#include "core/ics.h"
#include "util/date.h"

static int32_t day(const char *s)
{
	int32_t d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void times_are_hh_mm(void **state)
{
	(void)state;
	struct dy_err e;
	int m = -1;
	assert_int_equal(appt_parse_time("time", "00:00", &m, &e), 0);
	assert_int_equal(m, 0);
	assert_int_equal(appt_parse_time("time", "23:59", &m, &e), 0);
	assert_int_equal(m, 23 * 60 + 59);
	const char *bad[] = {"24:00", "9:30", "09:60", "0930", "09:30 ", "", "ab:cd"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(appt_parse_time("time", bad[i], &m, &e), DY_EINVAL);
		assert_string_equal(e.field, "time");
	}
	char out[6];
	appt_format_time(9 * 60 + 5, out);
	assert_string_equal(out, "09:05");
}

static void length_within_the_day(void **state)
{
	(void)state;
	struct dy_err e;
	assert_int_equal(appt_check_length(600, 60, &e), 0);
	assert_int_equal(appt_check_length(600, 4, &e), DY_EINVAL);
	assert_int_equal(appt_check_length(600, 601, &e), DY_EINVAL);
	assert_int_equal(appt_check_length(23 * 60, 60, &e), 0);
	assert_int_equal(appt_check_length(23 * 60 + 1, 60, &e), DY_EINVAL);
	assert_string_equal(e.field, "duration");
}

static void outcomes_only_while_booked(void **state)
{
	(void)state;
	struct dy_err e;
	int32_t today = day("2026-11-22");
	assert_int_equal(appt_check_outcome("booked", today, "attended", today, &e), 0);
	assert_int_equal(appt_check_outcome("booked", today + 1, "attended", today, &e), DY_ECONFLICT);
	assert_int_equal(appt_check_outcome("booked", today + 1, "did_not_attend", today, &e), DY_ECONFLICT);
	assert_int_equal(appt_check_outcome("booked", today + 9, "cancelled_by_family", today, &e), 0);
	assert_int_equal(appt_check_outcome("attended", today, "did_not_attend", today, &e), DY_ECONFLICT);
	assert_int_equal(appt_check_outcome("booked", today, "rescheduled", today, &e), DY_EINVAL);
	assert_int_equal(appt_check_reschedule("booked", today, today, &e), 0);
	assert_int_equal(appt_check_reschedule("booked", today - 1, today, &e), DY_EINVAL);
	assert_int_equal(appt_check_reschedule("cancelled_by_service", today + 1, today, &e), DY_ECONFLICT);
	assert_int_equal(appt_check_booking_day(today - 1, today, &e), DY_EINVAL);
}

static void weeks_start_on_monday(void **state)
{
	(void)state;
	assert_int_equal(appt_week_start(day("2026-11-22")), day("2026-11-16")); /* a Sunday */
	assert_int_equal(appt_week_start(day("2026-11-23")), day("2026-11-23")); /* a Monday */
	assert_int_equal(appt_week_start(day("1970-01-01")), day("1969-12-29"));
	assert_int_equal(appt_week_start(day("1969-12-31")), day("1969-12-29"));
}

static void initials_not_names(void **state)
{
	(void)state;
	char out[16];
	appt_initials("ann", "Example", out, sizeof out);
	assert_string_equal(out, "A.E.");
	appt_initials("Émile", "Øster", out, sizeof out);
	assert_string_equal(out, "É.Ø.");
	appt_initials("", "", out, sizeof out);
	assert_string_equal(out, "");
}

static void ics_lines_fold_and_escape(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1 << 20);
	char summary[400] = "";
	for (int i = 0; i < 40; i++)
		strcat(summary, "é;,\\");
	strcat(summary, "\nend");
	struct ics_event ev = {.uid = "appointment-1@dyad", .stamp = "2026-11-22T10:15:00Z", .date = day("2026-11-24"),
	                       .start_min = 23 * 60 + 30, .duration_min = 30, .summary = summary, .location = "home"};
	assert_int_equal(ics_begin(&b, "diary"), 0);
	assert_int_equal(ics_event(&b, &ev), 0);
	assert_int_equal(ics_end(&b), 0);
	const char *s = buf_cstr(&b);
	assert_non_null(strstr(s, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
	assert_non_null(strstr(s, "DTSTART:20261124T233000\r\n"));
	assert_non_null(strstr(s, "DTEND:20261125T000000\r\n"));
	assert_non_null(strstr(s, "DTSTAMP:20261122T101500Z\r\n"));
	assert_non_null(strstr(s, "STATUS:CONFIRMED\r\n"));
	/* Every line at most 75 octets, ending CRLF; no continuation starts
	 * inside a UTF-8 character. */
	const char *p = s;
	while (*p) {
		const char *nl = strstr(p, "\r\n");
		assert_non_null(nl);
		assert_true(nl - p <= 75);
		assert_false(((unsigned char)p[0] & 0xC0) == 0x80);
		if (p[0] == ' ')
			assert_false(((unsigned char)p[1] & 0xC0) == 0x80);
		p = nl + 2;
	}
	/* Unfolded, the summary is the escaped text. */
	struct buf u;
	buf_init(&u, 1 << 20);
	for (p = s; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ') {
			p += 2;
			continue;
		}
		buf_putc(&u, *p);
	}
	assert_non_null(strstr(buf_cstr(&u), "SUMMARY:é\\;\\,\\\\é\\;"));
	assert_non_null(strstr(buf_cstr(&u), "\\nend\r\n"));
	buf_free(&u);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(times_are_hh_mm),
		cmocka_unit_test(length_within_the_day),
		cmocka_unit_test(outcomes_only_while_booked),
		cmocka_unit_test(weeks_start_on_monday),
		cmocka_unit_test(initials_not_names),
		cmocka_unit_test(ics_lines_fold_and_escape),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
