/* Corrections of a referral, contact, measure and safeguarding period as
 * text (core/correction_record.h): every field read and written back
 * unchanged (so any correction can be undone), values of the wrong form
 * refused naming the field, the duration at its bounds, an unknown field
 * refused naming "field", a period made current by an empty end, and a
 * contact's id lists kept ascending with each id once and at most 8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/correction_record.h"
#include "util/date.h"

static int32_t day(const char *s)
{
	int32_t d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

/* Each field's text form written back gives the same text. */
static void round_trips(void **state)
{
	(void)state;
	struct dy_err e;
	char out[CORRECTION_VALUE_MAX];
	struct correction_referral ep;
	memset(&ep, 0, sizeof ep);
	ep.ep = (struct episode){.id = 1, .infant_id = 2, .caregiver_id = 1, .received_on = day("2026-09-01")};
	strcpy(ep.ep.source, "gp");
	strcpy(ep.programme, "minding_the_baby");
	ep.first_time_parent = ELIGIBILITY_ANSWER_NO;
	for (int i = 0; correction_referral_fields[i]; i++) {
		struct correction_referral copy = ep;
		assert_int_equal(correction_referral_get(&ep, correction_referral_fields[i], out, &e), 0);
		assert_int_equal(correction_referral_set(&copy, correction_referral_fields[i], out, &e), 0);
		assert_memory_equal(&copy, &ep, sizeof ep);
	}
	struct contact c = {.id = 2, .date = day("2026-09-10"), .duration_min = -1, .practitioners = {2, 5},
	                    .n_practitioners = 2, .attendees = {11}, .n_attendees = 1};
	strcpy(c.kind, "intervention");
	strcpy(c.intervention, "vig");
	strcpy(c.location, "home");
	strcpy(c.attendance, "attended");
	for (int i = 0; correction_contact_fields[i]; i++) {
		struct contact copy = c;
		assert_int_equal(correction_contact_get(&c, correction_contact_fields[i], out, &e), 0);
		assert_int_equal(correction_contact_set(&copy, correction_contact_fields[i], out, &e), 0);
		assert_memory_equal(&copy, &c, sizeof c);
	}
	struct measure m = {.id = 3, .person_id = 7, .date = day("2026-09-12")};
	strcpy(m.responses, "1;;3");
	for (int i = 0; correction_measure_fields[i]; i++) {
		struct measure copy = m;
		assert_int_equal(correction_measure_get(&m, correction_measure_fields[i], out, sizeof out, &e), 0);
		assert_int_equal(correction_measure_set(&copy, correction_measure_fields[i], out, &e), 0);
		assert_memory_equal(&copy, &m, sizeof m);
	}
	struct safeguarding s = {.id = 4, .infant_id = 2, .started_on = day("2026-08-01"), .ended_on = DATE_NONE};
	strcpy(s.status, "child_in_need");
	for (int i = 0; correction_safeguarding_fields[i]; i++) {
		struct safeguarding copy = s;
		assert_int_equal(correction_safeguarding_get(&s, correction_safeguarding_fields[i], out, &e), 0);
		assert_int_equal(correction_safeguarding_set(&copy, correction_safeguarding_fields[i], out, &e), 0);
		assert_memory_equal(&copy, &s, sizeof s);
	}
}

static void refusals_name_the_field(void **state)
{
	(void)state;
	struct dy_err e;
	struct contact c = {.duration_min = -1};
	assert_int_equal(correction_contact_set(&c, "duration_min", "600", &e), 0);
	assert_int_equal(c.duration_min, 600);
	assert_int_equal(correction_contact_set(&c, "duration_min", "0", &e), 0);
	assert_int_equal(c.duration_min, 0);
	assert_int_equal(correction_contact_set(&c, "duration_min", "601", &e), DY_EINVAL);
	assert_string_equal(e.field, "duration_min");
	assert_int_equal(correction_contact_set(&c, "duration_min", "", &e), 0);
	assert_int_equal(c.duration_min, -1);
	assert_int_equal(correction_contact_set(&c, "date", "2026-02-30", &e), DY_EINVAL);
	assert_string_equal(e.field, "date");
	assert_int_equal(correction_contact_set(&c, "colour", "blue", &e), DY_EINVAL);
	assert_string_equal(e.field, "field");
	/* Id lists: kept ascending, an id once, at most 8, "" for none. */
	char out[CORRECTION_VALUE_MAX];
	assert_int_equal(correction_contact_set(&c, "practitioners", "5,2,9", &e), 0);
	assert_int_equal(correction_contact_get(&c, "practitioners", out, &e), 0);
	assert_string_equal(out, "2,5,9");
	assert_int_equal(correction_contact_set(&c, "attendees", "3,3", &e), DY_EINVAL);
	assert_string_equal(e.field, "attendees");
	assert_string_equal(e.msg, "lists 3 twice");
	assert_int_equal(correction_contact_set(&c, "attendees", "1,2,3,4,5,6,7,8", &e), 0);
	assert_int_equal(correction_contact_set(&c, "attendees", "1,2,3,4,5,6,7,8,9", &e), DY_EINVAL);
	assert_string_equal(e.msg, "lists more than 8 ids");
	assert_int_equal(correction_contact_set(&c, "practitioners", "2,", &e), DY_EINVAL);
	assert_string_equal(e.field, "practitioners");
	assert_int_equal(correction_contact_set(&c, "practitioners", "0", &e), DY_EINVAL);
	assert_int_equal(correction_contact_set(&c, "practitioners", "", &e), 0);
	assert_int_equal(c.n_practitioners, 0);
	struct correction_referral ep;
	memset(&ep, 0, sizeof ep);
	assert_int_equal(correction_referral_set(&ep, "received_on", "", &e), DY_EINVAL);
	assert_string_equal(e.field, "received_on");
	assert_int_equal(correction_referral_set(&ep, "decision", "accepted", &e), DY_EINVAL);
	assert_string_equal(e.field, "field");
	assert_int_equal(correction_referral_set(&ep, "first_time_parent", "maybe", &e), DY_EINVAL);
	assert_string_equal(e.field, "first_time_parent");
	assert_int_equal(correction_referral_set(&ep, "first_time_parent", "yes", &e), 0);
	assert_int_equal(ep.first_time_parent, ELIGIBILITY_ANSWER_YES);
	assert_int_equal(correction_referral_set(&ep, "infant_id", "", &e), DY_EINVAL);
	assert_string_equal(e.field, "infant_id");
	ep.ep.caregiver_id = 4;
	assert_int_equal(correction_referral_set(&ep, "caregiver_id", "", &e), 0);
	assert_int_equal(ep.ep.caregiver_id, 0);
	struct measure m = {0};
	assert_int_equal(correction_measure_set(&m, "respondent", "0", &e), DY_EINVAL);
	assert_string_equal(e.field, "respondent");
	assert_int_equal(correction_measure_set(&m, "respondent", "x1", &e), DY_EINVAL);
	assert_int_equal(correction_measure_set(&m, "responses", "1\n2", &e), DY_EINVAL);
	struct safeguarding s = {.ended_on = day("2026-10-01")};
	assert_int_equal(correction_safeguarding_set(&s, "ended_on", "", &e), 0);
	assert_int_equal(s.ended_on, DATE_NONE);
	assert_int_equal(correction_safeguarding_set(&s, "started_on", "", &e), DY_EINVAL);
	assert_string_equal(e.field, "started_on");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trips),
		cmocka_unit_test(refusals_name_the_field),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
