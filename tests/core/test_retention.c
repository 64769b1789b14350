/* Retention rules: each rule on and around its boundary, the longer rule
 * winning, open care never due, leap-day births, and the rules file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/retention.h"
#include "testutil.h"
#include "util/date.h"

static struct retention_rules rules(void)
{
	struct retention_rules r;
	retention_rules_default(&r);
	return r;
}

static struct retention_person child(const char *dob)
{
	return (struct retention_person){1, tu_date(dob), DATE_NONE};
}

static struct retention_person caregiver(void)
{
	return (struct retention_person){0, tu_date("1990-06-01"), DATE_NONE};
}

static struct retention_result decide(const struct retention_person *p, size_t n, int open, const char *ended)
{
	struct retention_rules r = rules();
	struct retention_care c = {open, ended ? tu_date(ended) : DATE_NONE};
	struct retention_result res;
	assert_int_equal(retention_decide(&r, p, n, &c, &res), 0);
	return res;
}

/* Kept on the day before the 25th birthday, due on the day itself. */
static void child_due_on_the_25th_birthday(void **state)
{
	(void)state;
	struct retention_person p = child("2025-03-04");
	struct retention_result res = decide(&p, 1, 0, "2026-01-10");
	assert_int_equal(res.rule, RETENTION_RULE_CHILD);
	assert_int_equal(res.date, tu_date("2050-03-04"));
	assert_false(retention_due(&res, tu_date("2050-03-03")));
	assert_true(retention_due(&res, tu_date("2050-03-04")));
	assert_true(retention_due(&res, tu_date("2050-03-05")));
}

/* 16 years 364 days at discharge: the 25th birthday; 17 years 0 days: the 26th. */
static void seventeen_at_end_of_care_boundary(void **state)
{
	(void)state;
	struct retention_person p = child("2000-05-10");
	struct retention_result res = decide(&p, 1, 0, "2017-05-09");
	assert_int_equal(res.rule, RETENTION_RULE_CHILD);
	assert_int_equal(res.date, tu_date("2025-05-10"));
	res = decide(&p, 1, 0, "2017-05-10");
	assert_int_equal(res.rule, RETENTION_RULE_CHILD_LATE);
	assert_int_equal(res.date, tu_date("2026-05-10"));
	assert_false(retention_due(&res, tu_date("2026-05-09")));
	assert_true(retention_due(&res, tu_date("2026-05-10")));
}

/* A caregiver's record alone: 20 years after care ended, due on that day. */
static void caregiver_twenty_years_after_care(void **state)
{
	(void)state;
	struct retention_person p = caregiver();
	struct retention_result res = decide(&p, 1, 0, "2026-02-14");
	assert_int_equal(res.rule, RETENTION_RULE_CAREGIVER);
	assert_int_equal(res.date, tu_date("2046-02-14"));
	assert_false(retention_due(&res, tu_date("2046-02-13")));
	assert_true(retention_due(&res, tu_date("2046-02-14")));
}

/* A family holding both: the later date wins, whichever rule gives it. */
static void longer_rule_wins(void **state)
{
	(void)state;
	struct retention_person fam[] = {caregiver(), child("2025-03-04")};
	/* care ended 2026: caregiver 2046, child 2050 -> child */
	struct retention_result res = decide(fam, 2, 0, "2026-01-10");
	assert_int_equal(res.rule, RETENTION_RULE_CHILD);
	assert_int_equal(res.date, tu_date("2050-03-04"));
	/* care ended 2031 (a later episode): caregiver 2051 -> caregiver */
	res = decide(fam, 2, 0, "2031-07-01");
	assert_int_equal(res.rule, RETENTION_RULE_CAREGIVER);
	assert_int_equal(res.date, tu_date("2051-07-01"));
	/* twins born a day apart across midnight: the later birthday */
	struct retention_person twins[] = {child("2025-03-04"), child("2025-03-05")};
	res = decide(twins, 2, 0, "2026-01-10");
	assert_int_equal(res.date, tu_date("2050-03-05"));
	/* the same date from both rules: the child's rule is named */
	struct retention_person tie[] = {caregiver(), child("2005-03-04")};
	res = decide(tie, 2, 0, "2010-03-04");
	assert_int_equal(res.date, tu_date("2030-03-04"));
	assert_int_equal(res.rule, RETENTION_RULE_CHILD);
}

/* Open care: no date, never due, whatever the ages. */
static void open_episode_never_due(void **state)
{
	(void)state;
	struct retention_person fam[] = {caregiver(), child("1990-01-01")};
	struct retention_result res = decide(fam, 2, 1, "2000-01-01");
	assert_int_equal(res.rule, RETENTION_RULE_OPEN);
	assert_int_equal(res.date, DATE_NONE);
	assert_false(retention_due(&res, tu_date("2200-01-01")));
}

/* Born on 29 February: the 25th birthday in a common year falls on 1 March;
 * in a leap year on 29 February. The caregiver rule from a 29 February
 * discharge likewise. */
static void leap_day_births(void **state)
{
	(void)state;
	struct retention_person p = child("2024-02-29");
	struct retention_result res = decide(&p, 1, 0, "2025-01-01");
	assert_int_equal(res.date, tu_date("2049-03-01"));
	assert_false(retention_due(&res, tu_date("2049-02-28")));
	assert_true(retention_due(&res, tu_date("2049-03-01")));
	p = child("2020-02-29"); /* 25th birthday in 2045 (common), 26th in 2046 (common) */
	res = decide(&p, 1, 0, "2021-01-01");
	assert_int_equal(res.date, tu_date("2045-03-01"));
	p = child("2004-02-29"); /* 25 years on: 2029, common */
	res = decide(&p, 1, 0, "2005-01-01");
	assert_int_equal(res.date, tu_date("2029-03-01"));
	p = child("2008-02-29"); /* 17 on 1 March 2025 (common year): discharged 28 Feb is 16 */
	res = decide(&p, 1, 0, "2025-02-28");
	assert_int_equal(res.rule, RETENTION_RULE_CHILD);
	res = decide(&p, 1, 0, "2025-03-01");
	assert_int_equal(res.rule, RETENTION_RULE_CHILD_LATE);
	assert_int_equal(res.date, tu_date("2034-03-01"));
	p = child("2000-02-29"); /* 25th birthday in 2025, a common year */
	res = decide(&p, 1, 0, "2001-01-01");
	assert_int_equal(res.date, tu_date("2025-03-01"));
	struct retention_person cg = caregiver();
	res = decide(&cg, 1, 0, "2028-02-29"); /* 20 years on: 2048 is a leap year */
	assert_int_equal(res.date, tu_date("2048-02-29"));
	res = decide(&cg, 1, 0, "2024-02-29"); /* 2044 is a leap year too; 2045 would not be */
	assert_int_equal(res.date, tu_date("2044-02-29"));
	assert_int_equal(retention_add_years(tu_date("2024-02-29"), 21), tu_date("2045-03-01"));
}

/* An unborn child: the EDD stands for the date of birth; a child with
 * neither is kept with no date; a family with nobody falls to the
 * caregiver rule from the day care ended. */
static void pregnancy_and_missing_dates(void **state)
{
	(void)state;
	struct retention_person p = {1, DATE_NONE, tu_date("2026-09-01")};
	struct retention_result res = decide(&p, 1, 0, "2026-05-01");
	assert_int_equal(res.rule, RETENTION_RULE_CHILD);
	assert_int_equal(res.date, tu_date("2051-09-01"));
	struct retention_person none[] = {caregiver(), {1, DATE_NONE, DATE_NONE}};
	res = decide(none, 2, 0, "2026-05-01");
	assert_int_equal(res.rule, RETENTION_RULE_UNKNOWN);
	assert_false(retention_due(&res, tu_date("2200-01-01")));
	res = decide(NULL, 0, 0, "2026-05-01");
	assert_int_equal(res.rule, RETENTION_RULE_CAREGIVER);
	assert_int_equal(res.date, tu_date("2046-05-01"));
}

/* A child born after care ended (a pregnancy discharged before the birth)
 * is under 17 at the end of care: the plain rule. */
static void child_born_after_discharge(void **state)
{
	(void)state;
	struct retention_person p = child("2026-09-01");
	struct retention_result res = decide(&p, 1, 0, "2026-05-01");
	assert_int_equal(res.rule, RETENTION_RULE_CHILD);
	assert_int_equal(res.date, tu_date("2051-09-01"));
}

static struct dy_err parse_fails(const char *text, const char *where, const char *field)
{
	struct retention_rules r;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(retention_parse(text, strlen(text), &r, &e), DY_EINVAL);
	assert_string_equal(e.where, where);
	assert_string_equal(e.field, field);
	return e;
}

static void rules_file(void **state)
{
	(void)state;
	struct retention_rules r;
	struct dy_err e;
	dy_err_clear(&e);
	const char *text = "# local rules\n[retention]\ncaregiver_years = 25\nchild_until_birthday = 26\n";
	assert_int_equal(retention_parse(text, strlen(text), &r, &e), 0);
	assert_int_equal(r.caregiver_years, 25);
	assert_int_equal(r.child_until_birthday, 26);
	assert_int_equal(r.child_late_age, 17);
	assert_int_equal(r.child_late_until_birthday, 26);
	assert_int_equal(retention_parse("", 0, &r, &e), 0);
	assert_int_equal(r.caregiver_years, 20);
	char basis[320];
	assert_non_null(strstr(retention_rule_basis(&r, RETENTION_RULE_CAREGIVER, basis, sizeof basis), "unverified"));
	assert_non_null(strstr(retention_rule_basis(&r, RETENTION_RULE_CHILD, basis, sizeof basis), "Children's records"));
	r.caregiver_years = 8;
	assert_non_null(strstr(retention_rule_basis(&r, RETENTION_RULE_CAREGIVER, basis, sizeof basis), "local rule"));

	e = parse_fails("[retention]\ncolour = blue\n", "line 2", "key");
	e = parse_fails("[retention]\ncaregiver_years = 20\ncaregiver_years = 21\n", "line 3", "caregiver_years");
	assert_string_equal(e.msg, "set twice (first on line 2)");
	e = parse_fails("[retention]\n\ncaregiver_years = 20 years\n", "line 3", "caregiver_years");
	assert_string_equal(e.msg, "must be a whole number from 1 to 120");
	parse_fails("[retention]\ncaregiver_years = 0\n", "line 2", "caregiver_years");
	parse_fails("caregiver_years = 20\n", "line 1", "section");
	parse_fails("[team]\n", "line 1", "section");
	parse_fails("[retention]\n[retention]\n", "line 2", "section");
	e = parse_fails("[retention]\nchild_late_until_birthday = 24\n", "line 2", "child_late_until_birthday");
	e = parse_fails("[retention]\nchild_until_birthday = 18\nchild_late_age = 18\n", "line 3", "child_late_age");
	/* a refused file leaves the caller's rules untouched */
	retention_rules_default(&r);
	r.caregiver_years = 7;
	const char *bad = "[retention]\ncaregiver_years = 30\nx = 1\n";
	assert_int_equal(retention_parse(bad, strlen(bad), &r, &e), DY_EINVAL);
	assert_int_equal(r.caregiver_years, 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(child_due_on_the_25th_birthday),
		cmocka_unit_test(seventeen_at_end_of_care_boundary),
		cmocka_unit_test(caregiver_twenty_years_after_care),
		cmocka_unit_test(longer_rule_wins),
		cmocka_unit_test(open_episode_never_due),
		cmocka_unit_test(leap_day_births),
		cmocka_unit_test(pregnancy_and_missing_dates),
		cmocka_unit_test(child_born_after_discharge),
		cmocka_unit_test(rules_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
