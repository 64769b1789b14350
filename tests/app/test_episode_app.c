/* Use cases: people, referrals, contacts, safeguarding history, discharge,
 * each one transaction with an audit entry, refused whole on bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "app/app_episode.h"
#include "app/app_family.h"
#include "appfix.h"
#include "testutil.h"
#include "util/date.h"


static int setup(void **state)
{
	static struct app_fixture f;
	appfix_open(&f, "a.db", APPFIX_NHS_NUMBER | APPFIX_PRETERM | APPFIX_TWIN | APPFIX_PRACTITIONER);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct app_fixture *f = *state;
	app_close(&f->a);
	return 0;
}

static void people_and_referrals(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	int64_t audits = appfix_count(f->a.db, "SELECT COUNT(*) FROM audit");
	/* The same NHS number twice is refused, and nothing is written. */
	struct person p = {.family_id = f->family, .role = "caregiver", .relationship = "father", .given_name = "Al",
	                   .family_name = "Ex", .date_of_birth = DATE_NONE, .edd = DATE_NONE, .nhs_number = "9434765919"};
	dy_err_clear(&e);
	assert_int_equal(app_person_add(&f->a, &p, &e), DY_ECONFLICT);
	assert_string_equal(e.field, "nhs_number");
	assert_int_equal(appfix_count(f->a.db, "SELECT COUNT(*) FROM audit"), audits);
	/* A person for a family that does not exist. */
	p.nhs_number[0] = '\0';
	p.family_id = 999;
	assert_int_equal(app_person_add(&f->a, &p, &e), DY_ENOTFOUND);
	/* A referral naming the caregiver as the infant. */
	struct episode ep = {.family_id = f->family, .infant_id = f->mum, .received_on = tu_date("2026-03-01"),
	                     .source = "gp", .decided_on = DATE_NONE, .discharged_on = DATE_NONE};
	dy_err_clear(&e);
	assert_int_equal(app_referral_add(&f->a, &ep, &e), DY_EINVAL);
	assert_string_equal(e.field, "infant");
	assert_int_equal(appfix_count(f->a.db, "SELECT COUNT(*) FROM audit"), audits);

	struct family_view v;
	assert_int_equal(app_family_view(&f->a, f->family, &v, &e), 0);
	assert_int_equal(v.npeople, 3);
	assert_int_equal(v.nepisodes, 1);
	assert_string_equal(v.episodes[0].decision, "pending");
	app_family_view_free(&v);
}

static void unborn_infant_is_born_keeping_record(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	struct person u = {.family_id = f->family, .role = "infant", .given_name = "Baby", .family_name = "Ex",
	                   .date_of_birth = DATE_NONE, .edd = tu_date("2026-08-01")};
	assert_int_equal(app_person_add(&f->a, &u, &e), 0);
	assert_int_equal(app_person_birth(&f->a, u.id, tu_date("2026-05-20"), 30, &e), 0);
	struct family_view v;
	assert_int_equal(app_family_view(&f->a, f->family, &v, &e), 0);
	int found = 0;
	for (int i = 0; i < v.npeople; i++)
		if (v.people[i].id == u.id) {
			found = 1;
			assert_int_equal(v.people[i].date_of_birth, tu_date("2026-05-20"));
			assert_int_equal(v.people[i].edd, tu_date("2026-08-01"));
			assert_int_equal(v.people[i].gestation_weeks, 30);
		}
	assert_true(found);
	app_family_view_free(&v);
	assert_int_equal(app_person_birth(&f->a, u.id, tu_date("2026-05-21"), 0, &e), DY_ECONFLICT);
	assert_int_equal(app_person_birth(&f->a, f->mum, tu_date("2026-05-21"), 0, &e), DY_EINVAL);
}

static void contacts_checked_against_episode_and_family(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	struct contact c = {.episode_id = f->referral, .date = tu_date("2026-03-10"), .kind = "assessment",
	                    .location = "home", .attendance = "attended", .duration_min = 90,
	                    .practitioners = {f->practitioner}, .n_practitioners = 1,
	                    .attendees = {f->mum, f->baby}, .n_attendees = 2};
	assert_int_equal(app_contact_add(&f->a, &c, NULL, &e), 0);
	struct contact bad = c;
	bad.date = tu_date("2026-02-01");
	dy_err_clear(&e);
	assert_int_equal(app_contact_add(&f->a, &bad, NULL, &e), DY_EINVAL);
	assert_string_equal(e.field, "date");
	bad = c;
	bad.date = tu_date("2026-07-01"); /* after today */
	assert_int_equal(app_contact_add(&f->a, &bad, NULL, &e), DY_EINVAL);
	bad = c;
	bad.practitioners[0] = 9999; /* a record that is not there: not found */
	dy_err_clear(&e);
	assert_int_equal(app_contact_add(&f->a, &bad, NULL, &e), DY_ENOTFOUND);
	assert_string_equal(e.field, "practitioners");
	bad = c;
	bad.attendees[1] = 9999;
	assert_int_equal(app_contact_add(&f->a, &bad, NULL, &e), DY_ENOTFOUND);
	bad = c;
	strcpy(bad.kind, "intervention");
	dy_err_clear(&e);
	assert_int_equal(app_contact_add(&f->a, &bad, NULL, &e), DY_EINVAL);
	assert_string_equal(e.field, "intervention");
	struct referral_view v;
	assert_int_equal(app_referral_view(&f->a, f->referral, &v, &e), 0);
	assert_int_equal(v.ncontacts, 1);
	app_referral_view_free(&v);
}

static int collect(void *ctx, const struct safeguarding *s)
{
	struct safeguarding *arr = ctx;
	int i = 0;
	while (arr[i].infant_id)
		i++;
	arr[i] = *s;
	return 0;
}

static void safeguarding_history_steps_down(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	assert_int_equal(app_safeguarding_set(&f->a, f->baby, "none", tu_date("2026-03-01"), &e), DY_ECONFLICT);
	assert_int_equal(app_safeguarding_set(&f->a, f->baby, "child_protection_plan", tu_date("2026-03-01"), &e), 0);
	assert_int_equal(app_safeguarding_set(&f->a, f->baby, "child_protection_plan", tu_date("2026-03-05"), &e),
	                 DY_ECONFLICT);
	dy_err_clear(&e);
	assert_int_equal(app_safeguarding_set(&f->a, f->baby, "child_in_need", tu_date("2026-02-01"), &e), DY_EINVAL);
	assert_string_equal(e.field, "from");
	assert_int_equal(app_safeguarding_set(&f->a, f->baby, "child_in_need", tu_date("2026-04-15"), &e), 0);
	assert_int_equal(app_safeguarding_set(&f->a, f->baby, "none", tu_date("2026-05-20"), &e), 0);
	assert_int_equal(app_safeguarding_set(&f->a, f->mum, "early_help", tu_date("2026-05-20"), &e), DY_EINVAL);
	struct safeguarding hist[8];
	memset(hist, 0, sizeof hist);
	assert_int_equal(app_safeguarding_history(&f->a, f->baby, collect, hist, &e), 0);
	assert_string_equal(hist[0].status, "child_protection_plan");
	assert_int_equal(hist[0].ended_on, tu_date("2026-04-15"));
	assert_string_equal(hist[1].status, "child_in_need");
	assert_int_equal(hist[1].ended_on, tu_date("2026-05-20"));
	assert_string_equal(hist[2].status, "none");
	assert_int_equal(hist[2].ended_on, DATE_NONE);
}

static void discharge_records_each_infant(void **state)
{
	struct app_fixture *f = *state;
	struct dy_err e;
	int64_t ids[] = {f->twin};
	const char *st[] = {"in_care"};
	dy_err_clear(&e);
	/* no default, twin only listed: the baby lacks a status */
	assert_int_equal(app_discharge(&f->a, f->referral, tu_date("2026-05-30"), "planned_ending", ids, st, 1, NULL, &e),
	                 DY_EINVAL);
	assert_string_equal(e.field, "care-status");
	assert_int_equal(app_discharge(&f->a, f->referral, tu_date("2026-02-01"), "planned_ending", NULL, NULL, 0,
	                               "with_birth_family", &e), DY_EINVAL);
	assert_int_equal(app_discharge(&f->a, f->referral, tu_date("2026-05-30"), "finished", NULL, NULL, 0,
	                               "with_birth_family", &e), DY_EINVAL);
	assert_int_equal(app_discharge(&f->a, f->referral, tu_date("2026-05-30"), "planned_ending", ids, st, 1,
	                               "with_birth_family", &e), 0);
	struct referral_view v;
	assert_int_equal(app_referral_view(&f->a, f->referral, &v, &e), 0);
	assert_int_equal(v.episode.discharged_on, tu_date("2026-05-30"));
	assert_int_equal(v.noutcomes, 3); /* baby, twin and the infant born in an earlier test */
	for (int i = 0; i < v.noutcomes; i++)
		assert_string_equal(v.outcomes[i].care_status, v.outcomes[i].infant_id == f->twin ? "in_care" : "with_birth_family");
	app_referral_view_free(&v);
	assert_int_equal(app_discharge(&f->a, f->referral, tu_date("2026-05-31"), "planned_ending", NULL, NULL, 0,
	                               "with_birth_family", &e), DY_ECONFLICT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(people_and_referrals),
		cmocka_unit_test(unborn_infant_is_born_keeping_record),
		cmocka_unit_test(contacts_checked_against_episode_and_family),
		cmocka_unit_test(safeguarding_history_steps_down),
		cmocka_unit_test(discharge_records_each_infant),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
