/* Eligibility rules: the file format, each rule at and around its boundary,
 * every reason reported, and overrides. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/eligibility.h"
#include "app/app_files.h"
#include "testutil.h"
#include "util/date.h"

static const char *const rules_text =
	"# test rules\n"
	"[team]\n"
	"infant_age_limit_months = 24\n"
	"pregnancy_from_week = 0\n"
	"areas = NG7, NG9 2\n"
	"\n"
	"[programme minding_the_baby]\n"
	"label = Minding the Baby\n"
	"caregiver_under_age = 25\n"
	"first_time_parent = required\n"
	"pregnancy_from_week = 28\n"
	"\n"
	"[programme little_ones]\n"
	"infant_age_limit_months = 12\n";

static void load(struct eligibility_config *c, const char *text)
{
	struct dy_err e;
	dy_err_clear(&e);
	int rc = eligibility_parse(text, strlen(text), c, &e);
	if (rc) {
		char msg[600];
		dy_err_format(&e, msg, sizeof msg);
		fail_msg("parse failed: %s", msg);
	}
}

/* Facts for a born infant in NG7, all known, team rules only. */
static struct eligibility_facts born(const char *dob, const char *received)
{
	struct eligibility_facts f = {
		.received = tu_date(received),
		.infant_dob = tu_date(dob),
		.edd = DATE_NONE,
		.caregiver_dob = tu_date("1995-06-01"),
		.first_time_parent = ELIGIBILITY_ANSWER_YES,
		.postcode = "NG7 2UH",
		.programme = NULL,
	};
	return f;
}

/* Facts for a pregnancy at gest_days of gestation on 2025-03-01. */
static struct eligibility_facts pregnant(int gest_days)
{
	struct eligibility_facts f = born("2025-01-01", "2025-03-01");
	f.infant_dob = DATE_NONE;
	f.edd = f.received + (280 - gest_days);
	return f;
}

static struct eligibility_result eval(const struct eligibility_config *c, const struct eligibility_facts *f)
{
	struct eligibility_result r;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = eligibility_evaluate(c, f, &r, &e);
	if (rc)
		fail_msg("evaluate failed: %s: %s", e.field, e.msg);
	return r;
}

static void infant_age_boundary_is_the_day_they_reach_the_limit(void **state)
{
	(void)state;
	struct eligibility_config c;
	load(&c, rules_text);
	struct eligibility_facts f = born("2022-05-10", "2024-05-09"); /* 23 months, the day before */
	struct eligibility_result r = eval(&c, &f);
	assert_true(r.eligible);
	assert_int_equal(r.n_reasons, 0);

	f = born("2022-05-10", "2024-05-10"); /* the second birthday itself: "to the age of two", accepted */
	r = eval(&c, &f);
	assert_true(r.eligible);

	f = born("2022-05-10", "2024-05-11"); /* the day after: over the limit */
	r = eval(&c, &f);
	assert_false(r.eligible);
	assert_int_equal(r.n_reasons, 1);
	assert_int_equal(r.reasons[0].rule, ELIGIBILITY_RULE_INFANT_AGE);
	assert_false(r.reasons[0].unknown);
	assert_string_equal(r.reasons[0].text,
	                    "infant is 24 months at referral, past the day they reached 24 months; the team accepts infants up to that day");

	f = born("2022-02-01", "2024-05-20");
	r = eval(&c, &f);
	assert_string_equal(r.reasons[0].text,
	                    "infant is 27 months at referral, past the day they reached 24 months; the team accepts infants up to that day");

	/* Born 31 January: 24 months are reached on 31 January two years on. */
	f = born("2022-01-31", "2024-01-30");
	assert_true(eval(&c, &f).eligible);
	f = born("2022-01-31", "2024-01-31");
	assert_true(eval(&c, &f).eligible);
	f = born("2022-01-31", "2024-02-01");
	assert_false(eval(&c, &f).eligible);

	/* Born on the day of referral: 0 months, eligible. */
	f = born("2024-01-31", "2024-01-31");
	assert_true(eval(&c, &f).eligible);
	eligibility_config_free(&c);
}

static void programme_can_narrow_the_infant_age(void **state)
{
	(void)state;
	struct eligibility_config c;
	load(&c, rules_text);
	struct eligibility_facts f = born("2023-01-15", "2024-01-14"); /* 11 months */
	f.programme = "little_ones";
	assert_true(eval(&c, &f).eligible);
	f = born("2023-01-15", "2024-01-16"); /* 12 months and a day */
	f.programme = "little_ones";
	struct eligibility_result r = eval(&c, &f);
	assert_false(r.eligible);
	assert_string_equal(r.reasons[0].text, "infant is 12 months at referral, past the day they reached 12 months;"
	                                       " the Little ones programme accepts infants up to that day");
	/* Over the team's limit too: the team's reason is given, once. */
	f = born("2021-01-15", "2024-01-15");
	f.programme = "little_ones";
	r = eval(&c, &f);
	assert_int_equal(r.n_reasons, 1);
	assert_string_equal(r.reasons[0].text,
	                    "infant is 36 months at referral, past the day they reached 24 months; the team accepts infants up to that day");
	eligibility_config_free(&c);
}

static void pregnancy_gestation_week_boundaries(void **state)
{
	(void)state;
	struct eligibility_config c;
	load(&c, rules_text);
	/* The team accepts from week 0: any gestation. */
	struct eligibility_facts f = pregnant(0);
	assert_true(eval(&c, &f).eligible);

	/* Minding the Baby from 28 weeks: 27+6 no, 28+0 yes, 28+1 yes. */
	f = pregnant(28 * 7 - 1);
	f.caregiver_dob = tu_date("2004-01-01");
	f.programme = "minding_the_baby";
	struct eligibility_result r = eval(&c, &f);
	assert_false(r.eligible);
	assert_int_equal(r.n_reasons, 1);
	assert_int_equal(r.reasons[0].rule, ELIGIBILITY_RULE_PREGNANCY);
	assert_string_equal(r.reasons[0].text,
	                    "pregnancy is at 27 weeks 6 days at referral; the Minding the Baby programme accepts "
	                    "pregnancies from 28 weeks");
	f.edd -= 1; /* 28+0 */
	assert_true(eval(&c, &f).eligible);
	f.edd -= 1; /* 28+1 */
	assert_true(eval(&c, &f).eligible);

	/* The gestation is 40 weeks minus the time to the EDD. */
	f = pregnant(0);
	f.edd = f.received + 20 * 7; /* 20 weeks to go: 20 weeks pregnant */
	f.caregiver_dob = tu_date("2004-01-01");
	f.programme = "minding_the_baby";
	r = eval(&c, &f);
	assert_string_equal(r.reasons[0].text,
	                    "pregnancy is at 20 weeks at referral; the Minding the Baby programme accepts pregnancies "
	                    "from 28 weeks");

	/* A team that takes no pregnancies. */
	struct eligibility_config none;
	load(&none, "[team]\npregnancy_from_week = no\n");
	f = pregnant(30 * 7);
	r = eval(&none, &f);
	assert_false(r.eligible);
	assert_string_equal(r.reasons[0].text,
	                    "the referral is in pregnancy; the team does not accept referrals before birth");
	/* ...and one that takes pregnancies only. */
	struct eligibility_config only;
	load(&only, "[team]\ninfant_age_limit_months = no\n");
	f = born("2024-01-01", "2024-01-02");
	r = eval(&only, &f);
	assert_false(r.eligible);
	assert_string_equal(r.reasons[0].text, "the infant is born; the team accepts referrals in pregnancy only");
	eligibility_config_free(&none);
	eligibility_config_free(&only);
	eligibility_config_free(&c);
}

static void postcode_districts_and_sectors(void **state)
{
	(void)state;
	struct eligibility_config c;
	load(&c, rules_text);
	struct eligibility_facts f = born("2024-01-01", "2024-06-01");
	const char *in[] = {"NG7 2UH", "ng72uh", " ng7  1aa", "NG9 2AB", 0};
	for (int i = 0; in[i]; i++) {
		f.postcode = in[i];
		assert_true(eval(&c, &f).eligible);
	}
	f.postcode = "NG9 3AB"; /* district listed by sector; sector 3 is not */
	struct eligibility_result r = eval(&c, &f);
	assert_false(r.eligible);
	assert_int_equal(r.reasons[0].rule, ELIGIBILITY_RULE_AREA);
	assert_string_equal(r.reasons[0].text, "postcode sector NG9 3 is outside the area served");
	assert_null(strstr(r.reasons[0].text, "3AB"));

	f.postcode = "NG10 1AA";
	r = eval(&c, &f);
	assert_string_equal(r.reasons[0].text, "postcode district NG10 is outside the area served");
	f.postcode = "NG70 1AA"; /* NG70 is not NG7 */
	assert_false(eval(&c, &f).eligible);

	/* Not recorded: the rule fails as unknown. */
	f.postcode = "";
	r = eval(&c, &f);
	assert_false(r.eligible);
	assert_true(r.reasons[0].unknown);
	assert_string_equal(r.reasons[0].text, "postcode is not recorded; the team serves listed areas only");

	/* Malformed: the facts are refused, naming the field but not the value. */
	struct dy_err e;
	dy_err_clear(&e);
	f.postcode = "NOT A POSTCODE";
	assert_int_equal(eligibility_evaluate(&c, &f, &r, &e), DY_EINVAL);
	assert_string_equal(e.field, "postcode");
	assert_null(strstr(e.msg, "NOT A"));

	/* No areas listed: every area is served, and no postcode is needed. */
	struct eligibility_config open;
	load(&open, "[team]\n");
	f.postcode = NULL;
	assert_true(eval(&open, &f).eligible);
	eligibility_config_free(&open);
	eligibility_config_free(&c);
}

static void programme_areas_narrow_the_team(void **state)
{
	(void)state;
	struct eligibility_config c;
	load(&c, "[team]\nareas = NG7, NG8\n[programme p]\nareas = NG8 1\n");
	struct eligibility_facts f = born("2024-01-01", "2024-06-01");
	f.programme = "p";
	f.postcode = "NG8 1AB";
	assert_true(eval(&c, &f).eligible);
	f.postcode = "NG7 1AB";
	struct eligibility_result r = eval(&c, &f);
	assert_string_equal(r.reasons[0].text, "postcode district NG7 is outside the area served by the P programme");
	eligibility_config_free(&c);
}

static void caregiver_age_24_or_25_on_the_referral_date(void **state)
{
	(void)state;
	struct eligibility_config c;
	load(&c, rules_text);
	struct eligibility_facts f = pregnant(30 * 7);
	f.programme = "minding_the_baby";
	f.caregiver_dob = f.received - 1;
	int y, m, d;
	date_to_ymd(f.received, &y, &m, &d);
	int32_t dob;
	assert_int_equal(date_from_ymd(y - 25, m, d, &dob), 0); /* 25th birthday on the referral date */
	f.caregiver_dob = dob + 1;                             /* 24 until tomorrow */
	assert_true(eval(&c, &f).eligible);
	f.caregiver_dob = dob;
	struct eligibility_result r = eval(&c, &f);
	assert_false(r.eligible);
	assert_int_equal(r.reasons[0].rule, ELIGIBILITY_RULE_CAREGIVER_AGE);
	assert_string_equal(r.reasons[0].text,
	                    "caregiver is 25 at referral; the Minding the Baby programme accepts caregivers under 25");
	f.caregiver_dob = DATE_NONE;
	r = eval(&c, &f);
	assert_true(r.reasons[0].unknown);
	assert_string_equal(r.reasons[0].text, "caregiver's date of birth is not recorded; the Minding the Baby "
	                                       "programme accepts caregivers under 25");
	/* Born 29 February: a year is completed on 28 February in other years. */
	f.received = tu_date("2025-02-28");
	f.edd = f.received + 70;
	f.caregiver_dob = tu_date("2000-02-29");
	assert_false(eval(&c, &f).eligible);
	f.received = tu_date("2025-02-27");
	f.edd = f.received + 70;
	assert_true(eval(&c, &f).eligible);
	/* Without the programme the team has no age rule. */
	f.programme = NULL;
	assert_true(eval(&c, &f).eligible);
	eligibility_config_free(&c);
}

static void first_time_parent(void **state)
{
	(void)state;
	struct eligibility_config c;
	load(&c, rules_text);
	struct eligibility_facts f = pregnant(30 * 7);
	f.programme = "minding_the_baby";
	f.caregiver_dob = tu_date("2004-01-01");
	f.first_time_parent = ELIGIBILITY_ANSWER_YES;
	assert_true(eval(&c, &f).eligible);
	f.first_time_parent = ELIGIBILITY_ANSWER_NO;
	struct eligibility_result r = eval(&c, &f);
	assert_false(r.eligible);
	assert_false(r.reasons[0].unknown);
	assert_string_equal(r.reasons[0].text,
	                    "caregiver is not a first-time parent; the Minding the Baby programme is for first-time parents");
	f.first_time_parent = ELIGIBILITY_ANSWER_UNKNOWN;
	r = eval(&c, &f);
	assert_false(r.eligible);
	assert_true(r.reasons[0].unknown);
	eligibility_config_free(&c);
}

static void every_failed_rule_is_reported(void **state)
{
	(void)state;
	struct eligibility_config c;
	load(&c, rules_text);
	struct eligibility_facts f = born("2022-01-10", "2024-04-20"); /* 27 months */
	f.programme = "minding_the_baby";
	f.postcode = "DE1 1AA";
	f.caregiver_dob = tu_date("1990-01-01");
	f.first_time_parent = ELIGIBILITY_ANSWER_NO;
	struct eligibility_result r = eval(&c, &f);
	assert_false(r.eligible);
	assert_int_equal(r.n_reasons, 4);
	assert_int_equal(r.reasons[0].rule, ELIGIBILITY_RULE_INFANT_AGE);
	assert_int_equal(r.reasons[1].rule, ELIGIBILITY_RULE_AREA);
	assert_int_equal(r.reasons[2].rule, ELIGIBILITY_RULE_CAREGIVER_AGE);
	assert_int_equal(r.reasons[3].rule, ELIGIBILITY_RULE_FIRST_TIME_PARENT);
	assert_string_equal(r.reasons[1].text, "postcode district DE1 is outside the area served");
	assert_string_equal(r.reasons[2].text,
	                    "caregiver is 34 at referral; the Minding the Baby programme accepts caregivers under 25");
	eligibility_config_free(&c);
}

static void unusable_facts_are_refused(void **state)
{
	(void)state;
	struct eligibility_config c;
	load(&c, rules_text);
	struct eligibility_result r;
	struct dy_err e;
	struct eligibility_facts f = born("2024-01-01", "2024-06-01");
	f.infant_dob = DATE_NONE;
	assert_int_equal(eligibility_evaluate(&c, &f, &r, &e), DY_EINVAL);
	assert_string_equal(e.field, "infant_dob");
	f = born("2024-06-02", "2024-06-01");
	assert_int_equal(eligibility_evaluate(&c, &f, &r, &e), DY_EINVAL);
	assert_string_equal(e.field, "infant_dob");
	assert_string_equal(e.msg, "is after the referral date");
	f = pregnant(-1); /* EDD more than 40 weeks away */
	assert_int_equal(eligibility_evaluate(&c, &f, &r, &e), DY_EINVAL);
	assert_string_equal(e.field, "edd");
	f = pregnant(280 + 43); /* EDD more than 6 weeks ago */
	assert_int_equal(eligibility_evaluate(&c, &f, &r, &e), DY_EINVAL);
	f = pregnant(280 + 42);
	assert_true(eval(&c, &f).eligible);
	f = born("2024-01-01", "2024-06-01");
	f.received = DATE_NONE;
	assert_int_equal(eligibility_evaluate(&c, &f, &r, &e), DY_EINVAL);
	assert_string_equal(e.field, "received");
	f = born("2024-01-01", "2024-06-01");
	f.programme = "no_such_thing";
	assert_int_equal(eligibility_evaluate(&c, &f, &r, &e), DY_ENOTFOUND);
	assert_string_equal(e.field, "programme");
	f = born("2024-01-01", "2024-06-01");
	f.caregiver_dob = tu_date("2024-06-02");
	assert_int_equal(eligibility_evaluate(&c, &f, &r, &e), DY_EINVAL);
	assert_string_equal(e.field, "caregiver_dob");
	eligibility_config_free(&c);
}

/* Parses text expecting failure; checks code, where and field, returns e. */
static struct dy_err parse_fails(const char *text, const char *where, const char *field)
{
	struct eligibility_config c;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = eligibility_parse(text, strlen(text), &c, &e);
	eligibility_config_free(&c);
	assert_int_equal(rc, DY_EINVAL);
	assert_string_equal(e.where, where);
	assert_string_equal(e.field, field);
	return e;
}

static void parse_errors_name_line_key_and_reason(void **state)
{
	(void)state;
	struct dy_err e = parse_fails("[team]\n# ok\ncolour = blue\n", "line 3", "colour");
	assert_string_equal(e.msg, "is not a known key: use infant_age_limit_months, pregnancy_from_week, "
	                           "caregiver_under_age, first_time_parent, areas or label");
	e = parse_fails("[team]\ninfant_age_limit_months = 24\ninfant_age_limit_months = 36\n", "line 3",
	                "infant_age_limit_months");
	assert_string_equal(e.msg, "is set twice in this section (first on line 2)");
	e = parse_fails("[team]\n\ninfant_age_limit_months = 2 years\n", "line 3", "infant_age_limit_months");
	assert_string_equal(e.msg, "must be a whole number from 1 to 120, or no");
	parse_fails("[team]\ninfant_age_limit_months = 0\n", "line 2", "infant_age_limit_months");
	parse_fails("[team]\npregnancy_from_week = 43\n", "line 2", "pregnancy_from_week");
	parse_fails("[team]\npregnancy_from_week =\n", "line 2", "pregnancy_from_week");
	e = parse_fails("areas = NG7\n", "line 1", "areas");
	assert_string_equal(e.msg, "comes before any section: start the file with [team] or [programme NAME]");
	e = parse_fails("[team]\n[teams]\n", "line 2", "section");
	parse_fails("[team\n", "line 1", "section");
	parse_fails("[team]\n[team]\n", "line 2", "section");
	parse_fails("[programme Big One]\n", "line 1", "section");
	e = parse_fails("[programme a]\n[programme a]\n", "line 2", "section");
	assert_string_equal(e.msg, "programme a appears twice (first on line 1)");
	e = parse_fails("[team]\nareas = NG7, 12X, NG8\n", "line 2", "areas");
	assert_string_equal(e.msg, "'12X' is not a postcode district (like NG7) or sector (like NG7 2)");
	parse_fails("[team]\nareas = NG7,,NG8\n", "line 2", "areas");
	parse_fails("[team]\nareas = NG7 2UH\n", "line 2", "areas"); /* a full postcode is not an area */
	parse_fails("[team]\nlabel = Team\n", "line 2", "label");
	parse_fails("[team]\nfirst_time_parent = yes please\n", "line 2", "first_time_parent");
	parse_fails("[team]\njust words\n", "line 2", "");
	parse_fails("[team]\r\ninfant_age_limit_months = 24\r\n\x01\r\n", "line 3", "");
	e = parse_fails("[programme p]\nlabel = Caf\xe9\n", "line 2", ""); /* Latin-1, not UTF-8 */
	assert_string_equal(e.msg, "is not valid UTF-8 text (at character 12): use UTF-8");
	parse_fails("[programme p]\nlabel = \xed\xa0\x80\n", "line 2", ""); /* a surrogate */
	parse_fails("[programme p]\nlabel = \xc3\n", "line 2", "");        /* cut short */
	/* A programme may narrow the team's rules, never widen them; the line is the programme's. */
	e = parse_fails("[programme p]\ninfant_age_limit_months = 36\n[team]\n", "line 2", "infant_age_limit_months");
	assert_string_equal(e.msg, "is 36 but the team accepts infants under 24 months; a programme can only "
	                           "narrow the team's criteria");
	parse_fails("[team]\npregnancy_from_week = 20\n[programme p]\npregnancy_from_week = 12\n", "line 4",
	            "pregnancy_from_week");
	parse_fails("[team]\npregnancy_from_week = no\n[programme p]\npregnancy_from_week = 28\n", "line 4",
	            "pregnancy_from_week");
	parse_fails("[team]\ncaregiver_under_age = 20\n[programme p]\ncaregiver_under_age = 25\n", "line 4",
	            "caregiver_under_age");
	e = parse_fails("[team]\nareas = NG7 1, NG8\n[programme p]\nareas = NG8\nareas = NG7\n", "line 4", "areas");
	assert_string_equal(e.msg, "NG7 is not (wholly) in the team's areas");
}

static void parse_limits_and_layout(void **state)
{
	(void)state;
	/* NUL byte, over-long line, over-large file. */
	struct eligibility_config c;
	struct dy_err e;
	const char nul[] = "[team]\nareas = NG7\0\n";
	assert_int_equal(eligibility_parse(nul, sizeof nul - 1, &c, &e), DY_EINVAL);
	assert_string_equal(e.where, "line 2");
	eligibility_config_free(&c);

	char *big = malloc(ELIGIBILITY_MAX_BYTES + 10);
	memset(big, '#', ELIGIBILITY_MAX_BYTES + 9);
	big[ELIGIBILITY_MAX_BYTES + 9] = '\0';
	assert_int_equal(eligibility_parse(big, ELIGIBILITY_MAX_BYTES + 9, &c, &e), DY_EINVAL);
	eligibility_config_free(&c);
	assert_int_equal(eligibility_parse(big, ELIGIBILITY_MAX_LINE + 1, &c, &e), DY_EINVAL);
	assert_string_equal(e.where, "line 1");
	eligibility_config_free(&c);
	assert_int_equal(eligibility_parse(big, ELIGIBILITY_MAX_LINE, &c, &e), 0);
	eligibility_config_free(&c);
	free(big);

	/* Byte order mark, CRLF, trailing comments, areas over several lines, no final newline. */
	const char *ok = "\xEF\xBB\xBF# rules\r\n[team] # the team\r\nareas = ng7 , NG8 1 # two\r\n"
	                 "areas=NG9\r\n  infant_age_limit_months\t=\t18";
	load(&c, ok);
	assert_int_equal(c.team.infant_age_limit_months, 18);
	assert_int_equal(c.team.pregnancy_from_week, 0);
	assert_int_equal(c.team.n_areas, 3);
	assert_string_equal(c.team.areas[0].district, "NG7");
	assert_int_equal(c.team.areas[0].sector, -1);
	assert_string_equal(c.team.areas[1].district, "NG8");
	assert_int_equal(c.team.areas[1].sector, 1);
	eligibility_config_free(&c);
	load(&c, "[programme cafe]\nlabel = Caf\xc3\xa9 \xf0\x9f\x91\xb6\n");
	assert_string_equal(c.programmes[0].label, "Caf\xc3\xa9 \xf0\x9f\x91\xb6");
	eligibility_config_free(&c);

	/* Many areas grow the list; past the cap they are refused. */
	char *many = malloc(ELIGIBILITY_MAX_BYTES);
	size_t n = (size_t)sprintf(many, "[team]\n");
	for (int i = 0; i < ELIGIBILITY_MAX_AREAS; i++)
		n += (size_t)sprintf(many + n, "areas = NG%d %d\n", i / 10 % 100, i % 10);
	load(&c, many);
	assert_int_equal(c.team.n_areas, ELIGIBILITY_MAX_AREAS);
	assert_int_equal(c.team.areas[999].sector, 9);
	eligibility_config_free(&c);
	sprintf(many + n, "areas = NG1\n");
	assert_int_equal(eligibility_parse(many, strlen(many), &c, &e), DY_EINVAL);
	assert_string_equal(e.where, "line 1002");
	eligibility_config_free(&c);
	free(many);

	/* An empty file is the defaults. */
	load(&c, "");
	assert_int_equal(c.team.infant_age_limit_months, 24);
	assert_int_equal(c.n_programmes, 0);
	eligibility_config_free(&c);
}

static void example_file_loads(void **state)
{
	(void)state;
	struct eligibility_config c;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = eligibility_load_file(DYAD_SOURCE_DIR "/config/eligibility.example.ini", &c, &e);
	assert_int_equal(rc, 0);
	assert_int_equal(c.n_programmes, 2);
	const struct eligibility_programme *p = eligibility_programme_find(&c, "minding_the_baby");
	assert_non_null(p);
	assert_string_equal(p->label, "Minding the Baby");
	assert_int_equal(p->rules.caregiver_under_age, 25);
	assert_int_equal(p->rules.first_time_parent, 1);
	assert_int_equal(p->rules.pregnancy_from_week, 28);
	assert_int_equal(p->rules.infant_age_limit_months, ELIGIBILITY_UNSET);
	eligibility_config_free(&c);

	assert_int_equal(eligibility_load_file("/nonexistent/rules.ini", &c, &e), DY_ENOTFOUND);
	eligibility_config_free(&c);

	const char *dir = tu_tempdir();
	tu_write_file(dir, "bad.ini", "[team]\nareas = nowhere\n");
	char path[600];
	snprintf(path, sizeof path, "%s/bad.ini", dir);
	assert_int_equal(eligibility_load_file(path, &c, &e), DY_EINVAL);
	assert_non_null(strstr(e.where, "bad.ini line 2"));
	eligibility_config_free(&c);
}

static void overrides_need_a_reason(void **state)
{
	(void)state;
	struct eligibility_config c;
	load(&c, rules_text);
	struct eligibility_facts f = born("2022-01-10", "2024-04-20"); /* 27 months */
	f.postcode = "DE1 1AA";
	struct eligibility_result r = eval(&c, &f);
	assert_int_equal(r.n_reasons, 2);
	struct dy_err e;

	struct eligibility_override o = {"infant_age", ""};
	assert_int_equal(eligibility_override_check(&r, &o, &e), DY_EINVAL);
	assert_string_equal(e.field, "reason");
	o.reason = NULL;
	assert_int_equal(eligibility_override_check(&r, &o, &e), DY_EINVAL);
	o.reason = "  \n\t ";
	assert_int_equal(eligibility_override_check(&r, &o, &e), DY_EINVAL);
	o.reason = "sibling on caseload\x07";
	assert_int_equal(eligibility_override_check(&r, &o, &e), DY_EINVAL);
	char longr[600];
	memset(longr, 'a', 501);
	longr[501] = '\0';
	o.reason = longr;
	assert_int_equal(eligibility_override_check(&r, &o, &e), DY_EINVAL);
	o.reason = "Twin of an infant already on the caseload; agreed by the clinical lead";
	assert_int_equal(eligibility_override_check(&r, &o, &e), 0);

	struct eligibility_override bad_rule = {"colour", "because"};
	assert_int_equal(eligibility_override_check(&r, &bad_rule, &e), DY_EINVAL);
	assert_string_equal(e.field, "rule");
	struct eligibility_override passed = {"caregiver_age", "because"};
	assert_int_equal(eligibility_override_check(&r, &passed, &e), DY_ECONFLICT);

	int eligible = -1;
	assert_int_equal(eligibility_decide(&r, &o, 1, &eligible, &e), 0);
	assert_int_equal(eligible, 0); /* area still failed */
	struct eligibility_override both[] = {o, {"area", "Family moving into NG7 next month"}};
	assert_int_equal(eligibility_decide(&r, both, 2, &eligible, &e), 0);
	assert_int_equal(eligible, 1);
	struct eligibility_override with_blank[] = {o, {"area", ""}};
	dy_err_clear(&e);
	assert_int_equal(eligibility_decide(&r, with_blank, 2, &eligible, &e), DY_EINVAL);
	assert_string_equal(e.where, "override 2");
	eligibility_config_free(&c);

	enum eligibility_rule rule;
	for (int i = 0; i < ELIGIBILITY_RULE_COUNT; i++) {
		assert_int_equal(eligibility_rule_parse(eligibility_rule_code((enum eligibility_rule)i), &rule, &e), 0);
		assert_int_equal(rule, i);
	}
	assert_string_equal(eligibility_rule_code(ELIGIBILITY_RULE_COUNT), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(infant_age_boundary_is_the_day_they_reach_the_limit),
		cmocka_unit_test(programme_can_narrow_the_infant_age),
		cmocka_unit_test(pregnancy_gestation_week_boundaries),
		cmocka_unit_test(postcode_districts_and_sectors),
		cmocka_unit_test(programme_areas_narrow_the_team),
		cmocka_unit_test(caregiver_age_24_or_25_on_the_referral_date),
		cmocka_unit_test(first_time_parent),
		cmocka_unit_test(every_failed_rule_is_reported),
		cmocka_unit_test(unusable_facts_are_refused),
		cmocka_unit_test(parse_errors_name_line_key_and_reason),
		cmocka_unit_test(parse_limits_and_layout),
		cmocka_unit_test(example_file_loads),
		cmocka_unit_test(overrides_need_a_reason),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
