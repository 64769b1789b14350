/* Workforce activity: a training event needs a course, a day not in the
 * future, hours over 0 and at most 24, trainers and at least one attendee;
 * consultations and supervision sessions are checked likewise; and the
 * workforce figures of a hand-built set of records come out exactly, month
 * by month (people trained by profession and course, consultations by
 * organisation, supervision hours), records outside the period left out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/workforce.h"
#include "util/date.h"

static int32_t day(const char *s)
{
	int32_t d = DATE_NONE;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static struct wf_training training(const char *course, const char *date, int hours_x10, const char *att)
{
	struct wf_training t;
	struct dy_err e;
	memset(&t, 0, sizeof t);
	strcpy(t.course, course);
	t.date = day(date);
	t.hours_x10 = hours_x10;
	t.trainers[0] = 1;
	t.n_trainers = 1;
	assert_int_equal(wf_attendees_parse(att, "attendees", &t, &e), 0);
	return t;
}

static void hours_are_tenths_from_over_0_to_24(void **state)
{
	(void)state;
	struct dy_err e;
	int h = 0;
	assert_int_equal(wf_hours_parse("2.5", "hours", &h, &e), 0);
	assert_int_equal(h, 25);
	assert_int_equal(wf_hours_parse("24", "hours", &h, &e), 0);
	assert_int_equal(h, 240);
	assert_int_equal(wf_hours_parse("0.1", "hours", &h, &e), 0);
	assert_int_equal(h, 1);
	assert_int_equal(wf_hours_parse("0", "hours", &h, &e), DY_EINVAL);
	assert_string_equal(e.field, "hours");
	assert_int_equal(wf_hours_parse("24.1", "hours", &h, &e), DY_EINVAL);
	assert_int_equal(wf_hours_parse("2.25", "hours", &h, &e), DY_EINVAL);
	assert_int_equal(wf_hours_parse("-1", "hours", &h, &e), DY_EINVAL);
	assert_int_equal(wf_hours_parse("", "hours", &h, &e), DY_EINVAL);
	char out[8];
	wf_hours_format(25, out);
	assert_string_equal(out, "2.5");
	wf_hours_format(30, out);
	assert_string_equal(out, "3");
}

static void a_training_event_needs_its_parts(void **state)
{
	(void)state;
	struct dy_err e;
	const int32_t today = day("2026-11-22");
	struct wf_training t = training("Circle of Security awareness", "2026-10-01", 30,
	                                "health_visitor:Northtown HV:12;midwife:City Hospital:3");
	assert_int_equal(wf_check_training(&t, today, &e), 0);
	struct wf_training bad = t;
	bad.date = day("2026-11-23");
	assert_int_equal(wf_check_training(&bad, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "date");
	bad = t;
	bad.hours_x10 = 0;
	assert_int_equal(wf_check_training(&bad, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "hours");
	bad.hours_x10 = 241;
	assert_int_equal(wf_check_training(&bad, today, &e), DY_EINVAL);
	bad = t;
	bad.course[0] = '\0';
	assert_int_equal(wf_check_training(&bad, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "course");
	bad = t;
	bad.n_trainers = 0;
	assert_int_equal(wf_check_training(&bad, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "trainers");
	bad = t;
	bad.trainers[1] = 1;
	bad.n_trainers = 2;
	assert_int_equal(wf_check_training(&bad, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "trainers");
	/* No attendee at all: zero in every row, or no row. */
	bad = training("Course", "2026-10-01", 10, "midwife:City Hospital:0");
	assert_int_equal(wf_check_training(&bad, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "attendees");
	assert_non_null(strstr(e.msg, "at least one attendee"));
	bad.n_att = 0;
	assert_int_equal(wf_check_training(&bad, today, &e), DY_EINVAL);
	bad = training("Course", "2026-10-01", 10, "plumber:City Hospital:3");
	assert_int_equal(wf_check_training(&bad, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "attendees");
	bad = training("Course", "2026-10-01", 10, "midwife:City Hospital:3;midwife:City Hospital:1");
	assert_int_equal(wf_check_training(&bad, today, &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "repeats"));
	assert_int_equal(wf_attendees_parse("midwife:City:-1", "attendees", &bad, &e), DY_EINVAL);
	assert_int_equal(wf_attendees_parse("midwife-City-1", "attendees", &bad, &e), DY_EINVAL);
}

static void consultations_and_supervision_are_checked(void **state)
{
	(void)state;
	struct dy_err e;
	const int32_t today = day("2026-11-22");
	struct wf_consultation c = {.date = day("2026-11-01"), .practitioner_id = 2, .follow_up_on = DATE_NONE};
	strcpy(c.profession, "health_visitor");
	strcpy(c.organisation, "  Northtown HV ");
	strcpy(c.advice, "Suggested a joint visit.");
	assert_int_equal(wf_check_consultation(&c, today, &e), 0);
	assert_string_equal(c.organisation, "Northtown HV");
	struct wf_consultation bc = c;
	bc.advice[0] = '\0';
	assert_int_equal(wf_check_consultation(&bc, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "advice");
	bc = c;
	bc.follow_up_on = day("2026-10-31");
	assert_int_equal(wf_check_consultation(&bc, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "follow_up_on");
	bc = c;
	bc.practitioner_id = 0;
	assert_int_equal(wf_check_consultation(&bc, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "practitioner");

	struct wf_supervision s = {.date = day("2026-11-02"), .practitioner_id = 1, .mode = WF_GROUP, .supervised = 6,
	                           .duration_min = 90};
	strcpy(s.profession, "health_visitor");
	strcpy(s.organisation, "Northtown HV");
	strcpy(s.service, "Health visiting");
	assert_int_equal(wf_check_supervision(&s, today, &e), 0);
	struct wf_supervision bs = s;
	bs.duration_min = 0;
	assert_int_equal(wf_check_supervision(&bs, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "duration");
	bs.duration_min = 601;
	assert_int_equal(wf_check_supervision(&bs, today, &e), DY_EINVAL);
	bs.duration_min = 600;
	assert_int_equal(wf_check_supervision(&bs, today, &e), 0);
	bs = s;
	bs.mode = WF_INDIVIDUAL;
	assert_int_equal(wf_check_supervision(&bs, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "supervised");
	bs.supervised = 1;
	assert_int_equal(wf_check_supervision(&bs, today, &e), 0);
	bs.supervised = 0;
	bs.mode = WF_GROUP;
	assert_int_equal(wf_check_supervision(&bs, today, &e), DY_EINVAL);
	bs = s;
	bs.service[0] = '\0';
	assert_int_equal(wf_check_supervision(&bs, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "service");
	enum wf_mode m;
	assert_int_equal(wf_mode_parse("one-to-one", "mode", &m, &e), DY_EINVAL);
}

/* The hand-built set: September to November 2026, with one record of each
 * kind outside the period. */
static void the_figures_of_a_hand_built_set(void **state)
{
	(void)state;
	struct dy_err e;
	struct wf_summary s;
	assert_int_equal(wf_summary_init(&s, day("2026-09-01"), day("2026-11-30"), &e), 0);
	assert_int_equal(s.nmonths, 3);
	assert_string_equal(s.month[0], "2026-09");
	assert_string_equal(s.month[2], "2026-11");

	struct wf_training t[] = {
		training("COS awareness", "2026-09-10", 30, "health_visitor:Northtown HV:12;midwife:City Hospital:3"),
		training("COS awareness", "2026-10-05", 25, "health_visitor:Southtown HV:7;social_worker:County CSC:2"),
		training("Infant mental health", "2026-10-20", 60, "midwife:City Hospital:4;early_years:Meadows CC:0"),
		training("Infant mental health", "2026-08-31", 60, "midwife:City Hospital:40"), /* before */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		wf_summary_training(&s, &t[i]);
	assert_int_equal(s.events[0], 1);
	assert_int_equal(s.events[1], 2);
	assert_int_equal(s.events[2], 0);
	assert_int_equal(s.events[3], 3);
	assert_int_equal(s.training_hours_x10[3], 115);
	assert_int_equal(s.people_trained[0], 15);
	assert_int_equal(s.people_trained[1], 13);
	assert_int_equal(s.people_trained[3], 28);
	assert_int_equal(wf_tally_get(&s.trained_by_profession, "health_visitor", 0), 12);
	assert_int_equal(wf_tally_get(&s.trained_by_profession, "health_visitor", 1), 7);
	assert_int_equal(wf_tally_get(&s.trained_by_profession, "health_visitor", -1), 19);
	assert_int_equal(wf_tally_get(&s.trained_by_profession, "midwife", -1), 7);
	assert_int_equal(wf_tally_get(&s.trained_by_profession, "social_worker", -1), 2);
	assert_int_equal(wf_tally_get(&s.trained_by_profession, "early_years", -1), 0);
	assert_int_equal(wf_tally_get(&s.trained_by_course, "COS awareness", 0), 15);
	assert_int_equal(wf_tally_get(&s.trained_by_course, "COS awareness", 1), 9);
	assert_int_equal(wf_tally_get(&s.trained_by_course, "Infant mental health", -1), 4);
	const char *keys[8];
	assert_int_equal(wf_tally_keys(&s.trained_by_profession, keys, 8), 4);
	assert_string_equal(keys[0], "early_years");
	assert_string_equal(keys[3], "social_worker");

	const char *orgs[] = {"Northtown HV", "Northtown HV", "City Hospital", "Northtown HV", "County CSC"};
	const char *dates[] = {"2026-09-01", "2026-11-30", "2026-11-02", "2026-12-01", "2026-10-15"};
	const int64_t fam[] = {7, 0, 0, 0, 9};
	for (int i = 0; i < 5; i++) {
		struct wf_consultation c = {.date = day(dates[i]), .family_id = fam[i]};
		strcpy(c.organisation, orgs[i]);
		wf_summary_consultation(&s, &c);
	}
	assert_int_equal(s.consultations[3], 4);
	assert_int_equal(s.consultations[2], 2);
	assert_int_equal(s.consultations_about_family[3], 2);
	assert_int_equal(wf_tally_get(&s.consultations_by_organisation, "Northtown HV", -1), 2);
	assert_int_equal(wf_tally_get(&s.consultations_by_organisation, "Northtown HV", 2), 1);
	assert_int_equal(wf_tally_get(&s.consultations_by_organisation, "County CSC", 1), 1);

	struct wf_supervision v[] = {
		{.date = day("2026-09-07"), .mode = WF_GROUP, .supervised = 6, .duration_min = 90},
		{.date = day("2026-09-21"), .mode = WF_INDIVIDUAL, .supervised = 1, .duration_min = 60},
		{.date = day("2026-11-16"), .mode = WF_GROUP, .supervised = 4, .duration_min = 75},
		{.date = day("2026-12-07"), .mode = WF_GROUP, .supervised = 8, .duration_min = 90}, /* after */
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		wf_summary_supervision(&s, &v[i]);
	assert_int_equal(s.supervision_sessions[0], 2);
	assert_int_equal(s.supervision_sessions[3], 3);
	assert_int_equal(s.supervision_group_sessions[3], 2);
	assert_int_equal(s.people_supervised[3], 11);
	assert_int_equal(s.supervision_minutes[0], 150);
	assert_int_equal(s.supervision_minutes[2], 75);
	assert_int_equal(s.supervision_minutes[3], 225);
	wf_summary_free(&s);
}

static void a_period_of_at_most_24_months(void **state)
{
	(void)state;
	struct dy_err e;
	struct wf_summary s;
	assert_int_equal(wf_summary_init(&s, day("2025-01-15"), day("2026-12-01"), &e), 0);
	assert_int_equal(s.nmonths, 24);
	assert_int_equal(wf_summary_init(&s, day("2025-01-15"), day("2027-01-01"), &e), DY_EINVAL);
	assert_string_equal(e.field, "to");
	assert_int_equal(wf_summary_init(&s, day("2025-01-15"), day("2025-01-14"), &e), DY_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hours_are_tenths_from_over_0_to_24),
		cmocka_unit_test(a_training_event_needs_its_parts),
		cmocka_unit_test(consultations_and_supervision_are_checked),
		cmocka_unit_test(the_figures_of_a_hand_built_set),
		cmocka_unit_test(a_period_of_at_most_24_months),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
