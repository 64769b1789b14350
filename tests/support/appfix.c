/* appfix.c: the app/ tests' starting team (appfix.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "appfix.h"

#include "app/app_episode.h"
#include "app/app_family.h"
#include "testutil.h"
#include "util/date.h"

void appfix_open(struct app_fixture *f, const char *name, unsigned with)
{
	memset(f, 0, sizeof *f);
	snprintf(f->path, sizeof f->path, "%s", tu_db_url(name));
	struct dy_err e;
	assert_int_equal(app_open(&f->a, f->path, "tester", &e), 0);
	f->a.today = tu_date("2026-06-01");
	int created;
	assert_int_equal(app_init(&f->a, "t", "Team", &created, &e), 0);
	assert_int_equal(app_family_add(&f->a, &f->family, &e), 0);
	struct person p = {.family_id = f->family, .role = "caregiver", .relationship = "mother", .given_name = "Ann",
	                   .family_name = "Ex", .date_of_birth = tu_date("1996-01-01"), .edd = DATE_NONE};
	if (with & APPFIX_NHS_NUMBER)
		strcpy(p.nhs_number, "9434765919");
	assert_int_equal(app_person_add(&f->a, &p, &e), 0);
	f->mum = p.id;
	if (with & APPFIX_DAD) {
		struct person d = {.family_id = f->family, .role = "caregiver", .relationship = "father", .given_name = "Al",
		                   .family_name = "Ex", .date_of_birth = tu_date("1996-01-01"), .edd = DATE_NONE};
		assert_int_equal(app_person_add(&f->a, &d, &e), 0);
		f->dad = d.id;
	}
	struct person b = {.family_id = f->family, .role = "infant", .given_name = "Bo", .family_name = "Ex",
	                   .date_of_birth = tu_date("2026-02-01"), .edd = DATE_NONE,
	                   .gestation_weeks = with & APPFIX_PRETERM ? 34 : 0};
	assert_int_equal(app_person_add(&f->a, &b, &e), 0);
	f->baby = b.id;
	if (with & APPFIX_TWIN) {
		b.id = 0;
		strcpy(b.given_name, "Cy");
		assert_int_equal(app_person_add(&f->a, &b, &e), 0);
		f->twin = b.id;
	}
	if (with & APPFIX_PRACTITIONER) {
		struct practitioner pr = {.name = "Pat", .profession = "psychotherapist"};
		assert_int_equal(app_practitioner_add(&f->a, &pr, &e), 0);
		f->practitioner = pr.id;
	}
	struct episode ep = {.family_id = f->family, .infant_id = f->baby, .caregiver_id = f->mum,
	                     .received_on = tu_date("2026-03-01"), .source = "health_visitor",
	                     .decided_on = DATE_NONE, .discharged_on = DATE_NONE};
	assert_int_equal(app_referral_add(&f->a, &ep, &e), 0);
	f->referral = ep.id;
}

int64_t appfix_count(db_t *db, const char *sql)
{
	struct dy_err e;
	db_stmt_t *s = db_prepare(db, sql, &e);
	assert_non_null(s);
	assert_int_equal(db_step(s, &e), DB_ROW);
	return db_col_int(s, 0);
}
