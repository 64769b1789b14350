/* Record rules: people (roles, unborn infants, ages), referrals, contacts
 * within their episode, safeguarding periods, measures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/record.h"
#include "testutil.h"
#include "util/date.h"

static int32_t today;

static struct person caregiver(void)
{
	struct person p;
	memset(&p, 0, sizeof p);
	p.family_id = 1;
	strcpy(p.role, "caregiver");
	strcpy(p.relationship, "mother");
	strcpy(p.given_name, "Ann");
	strcpy(p.family_name, "Example");
	p.date_of_birth = tu_date("1998-04-02");
	p.edd = DATE_NONE;
	strcpy(p.postcode, "ng7 2uh");
	strcpy(p.nhs_number, "9434765919");
	return p;
}

static struct person infant(void)
{
	struct person p = caregiver();
	strcpy(p.role, "infant");
	p.relationship[0] = '\0';
	p.date_of_birth = tu_date("2026-01-10");
	p.gestation_weeks = 33;
	return p;
}

static void expect_field(int rc, struct dy_err *e, const char *field)
{
	assert_int_equal(rc, DY_EINVAL);
	assert_string_equal(e->field, field);
}

static void people(void **state)
{
	(void)state;
	struct dy_err e;
	struct person p = caregiver();
	assert_int_equal(record_person_check(&p, today, 0, &e), 0);
	assert_string_equal(p.postcode, "NG7 2UH"); /* normalised in place */

	p = caregiver();
	strcpy(p.relationship, "aunt");
	expect_field(record_person_check(&p, today, 0, &e), &e, "relationship");
	p = caregiver();
	p.date_of_birth = tu_date("2020-01-01"); /* a six-year-old caregiver */
	expect_field(record_person_check(&p, today, 0, &e), &e, "date_of_birth");
	p = caregiver();
	p.edd = today;
	expect_field(record_person_check(&p, today, 0, &e), &e, "edd");
	p = caregiver();
	strcpy(p.role, "baby");
	expect_field(record_person_check(&p, today, 0, &e), &e, "role");
	p = caregiver();
	p.given_name[0] = '\0';
	expect_field(record_person_check(&p, today, 0, &e), &e, "given_name");
	p = caregiver();
	p.imd_decile = 11;
	expect_field(record_person_check(&p, today, 0, &e), &e, "imd_decile");
	p = caregiver();
	strcpy(p.ethnicity, "Q");
	expect_field(record_person_check(&p, today, 0, &e), &e, "ethnicity");

	p = infant();
	assert_int_equal(record_person_check(&p, today, 0, &e), 0);
	p.date_of_birth = today + 1;
	expect_field(record_person_check(&p, today, 0, &e), &e, "date_of_birth");
	p = infant();
	strcpy(p.relationship, "mother");
	expect_field(record_person_check(&p, today, 0, &e), &e, "relationship");
	p = infant();
	p.gestation_weeks = 21;
	expect_field(record_person_check(&p, today, 0, &e), &e, "gestation_weeks");
	p = infant();
	p.date_of_birth = DATE_NONE; /* neither date nor EDD */
	expect_field(record_person_check(&p, today, 0, &e), &e, "date_of_birth");
}

static void unborn_infants(void **state)
{
	(void)state;
	struct dy_err e;
	struct person p = infant();
	p.date_of_birth = DATE_NONE;
	p.gestation_weeks = 0;
	p.edd = today + 100;
	assert_int_equal(record_person_check(&p, today, 0, &e), 0);
	p.edd = today + 44 * 7 + 1;
	expect_field(record_person_check(&p, today, 0, &e), &e, "edd");
	/* an EDD 7 weeks past: entered now, the birth should be recorded */
	p.edd = today - 49;
	expect_field(record_person_check(&p, today, 0, &e), &e, "edd");
	/* imported history keeps it, up to three years back */
	assert_int_equal(record_person_check(&p, today, 1, &e), 0);
	p.edd = today - 4 * 366;
	expect_field(record_person_check(&p, today, 1, &e), &e, "edd");
}

static struct episode referral(void)
{
	struct episode ep;
	memset(&ep, 0, sizeof ep);
	ep.family_id = 1;
	ep.infant_id = 2;
	ep.received_on = tu_date("2026-03-01");
	strcpy(ep.source, "health_visitor");
	strcpy(ep.decision, "accepted");
	ep.decided_on = tu_date("2026-03-03");
	ep.discharged_on = DATE_NONE;
	return ep;
}

static void referrals(void **state)
{
	(void)state;
	struct dy_err e;
	struct episode ep = referral();
	assert_int_equal(record_episode_check(&ep, today, &e), 0);
	ep.received_on = today + 1;
	expect_field(record_episode_check(&ep, today, &e), &e, "received_on");
	ep = referral();
	ep.decided_on = DATE_NONE;
	expect_field(record_episode_check(&ep, today, &e), &e, "decided_on");
	ep = referral();
	ep.decided_on = ep.received_on - 1;
	expect_field(record_episode_check(&ep, today, &e), &e, "decided_on");
	ep = referral();
	ep.discharged_on = ep.received_on - 1;
	strcpy(ep.discharge_reason, "planned_ending");
	expect_field(record_episode_check(&ep, today, &e), &e, "discharged_on");
	ep.discharged_on = ep.received_on; /* same day is allowed */
	assert_int_equal(record_episode_check(&ep, today, &e), 0);
	ep.discharge_reason[0] = '\0';
	expect_field(record_episode_check(&ep, today, &e), &e, "discharge_reason");
	ep = referral();
	strcpy(ep.discharge_reason, "disengaged");
	expect_field(record_episode_check(&ep, today, &e), &e, "discharge_reason");
	ep = referral();
	strcpy(ep.source, "police");
	expect_field(record_episode_check(&ep, today, &e), &e, "source");
}

static void contacts_within_episode(void **state)
{
	(void)state;
	struct dy_err e;
	struct episode ep = referral();
	ep.discharged_on = tu_date("2026-05-01");
	strcpy(ep.discharge_reason, "planned_ending");
	struct contact c;
	memset(&c, 0, sizeof c);
	c.episode_id = 1;
	c.date = ep.received_on;
	strcpy(c.kind, "assessment");
	strcpy(c.location, "home");
	strcpy(c.attendance, "attended");
	c.duration_min = 60;
	assert_int_equal(record_contact_check(&c, &ep, &e), 0);
	c.date = ep.discharged_on;
	assert_int_equal(record_contact_check(&c, &ep, &e), 0);
	c.date = ep.discharged_on + 1;
	expect_field(record_contact_check(&c, &ep, &e), &e, "date");
	c.date = ep.received_on - 1;
	expect_field(record_contact_check(&c, &ep, &e), &e, "date");
	c.date = ep.received_on;
	strcpy(c.attendance, "dna");
	expect_field(record_contact_check(&c, &ep, &e), &e, "attendance");
	strcpy(c.attendance, "did_not_attend");
	c.duration_min = 601;
	expect_field(record_contact_check(&c, &ep, &e), &e, "duration_min");
	c.duration_min = -1; /* unknown */
	assert_int_equal(record_contact_check(&c, &ep, &e), 0);
	strcpy(c.location, "pub");
	expect_field(record_contact_check(&c, &ep, &e), &e, "location");
}

static void safeguarding_and_measures(void **state)
{
	(void)state;
	struct dy_err e;
	struct safeguarding s = {.infant_id = 2, .started_on = tu_date("2026-02-01"), .ended_on = DATE_NONE};
	strcpy(s.status, "child_in_need");
	assert_int_equal(record_safeguarding_check(&s, today, &e), 0);
	s.ended_on = s.started_on - 1;
	expect_field(record_safeguarding_check(&s, today, &e), &e, "ended_on");
	s.ended_on = DATE_NONE;
	strcpy(s.status, "cin");
	expect_field(record_safeguarding_check(&s, today, &e), &e, "status");

	struct episode ep = referral();
	ep.discharged_on = tu_date("2026-05-01");
	strcpy(ep.discharge_reason, "planned_ending");
	struct measure m;
	memset(&m, 0, sizeof m);
	strcpy(m.instrument, "phq9");
	strcpy(m.timepoint, "end");
	m.date = ep.discharged_on;
	assert_int_equal(record_measure_check(&m, &ep, &e), 0);
	m.date = ep.discharged_on + 30;
	expect_field(record_measure_check(&m, &ep, &e), &e, "date");
	strcpy(m.timepoint, "followup"); /* follow-up comes after discharge */
	assert_int_equal(record_measure_check(&m, &ep, &e), 0);
	strcpy(m.instrument, "PHQ 9");
	expect_field(record_measure_check(&m, &ep, &e), &e, "instrument");
}

int main(void)
{
	today = tu_date("2026-06-01");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(people),
		cmocka_unit_test(unborn_infants),
		cmocka_unit_test(referrals),
		cmocka_unit_test(contacts_within_episode),
		cmocka_unit_test(safeguarding_and_measures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
