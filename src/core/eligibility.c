/* eligibility.c: evaluating a referral against the team's and a programme's
 * rules, and checking practitioners' overrides of failed rules. The rules
 * file parser is in eligibility_parse.c. */
#include "core/eligibility.h"

#include "core/age.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "util/date.h"
#include "util/str.h"
#include "util/limits.h"

static const char *const rule_codes[] = {"infant_age", "pregnancy", "area", "caregiver_age",
                                         "first_time_parent", 0};

#define OVERRIDE_REASON_MAX LIMIT_FREE_TEXT
#define EDD_LATEST_WEEKS 40 /* EDD at most 40 weeks after the referral (gestation >= 0) */
#define EDD_OVERDUE_WEEKS 6 /* EDD at most 6 weeks before the referral (as validate_edd) */

void eligibility_config_init(struct eligibility_config *c)
{
	memset(c, 0, sizeof *c);
	c->team.infant_age_limit_months = 24;
	c->team.pregnancy_from_week = 0;
	c->team.caregiver_under_age = ELIGIBILITY_NO;
	c->team.first_time_parent = 0;
}

void eligibility_config_free(struct eligibility_config *c)
{
	if (!c)
		return;
	free(c->team.areas);
	for (size_t i = 0; i < c->n_programmes; i++)
		free(c->programmes[i].rules.areas);
	free(c->programmes);
	eligibility_config_init(c);
}

const struct eligibility_programme *eligibility_programme_find(const struct eligibility_config *c,
                                                               const char *name)
{
	if (!c || !name)
		return NULL;
	for (size_t i = 0; i < c->n_programmes; i++)
		if (strcmp(c->programmes[i].name, name) == 0)
			return &c->programmes[i];
	return NULL;
}

const char *eligibility_rule_code(enum eligibility_rule r)
{
	return (unsigned)r < ELIGIBILITY_RULE_COUNT ? rule_codes[r] : "";
}

const char *eligibility_answer_code(enum eligibility_answer a)
{
	return a == ELIGIBILITY_ANSWER_YES ? "yes" : a == ELIGIBILITY_ANSWER_NO ? "no" : "";
}

int eligibility_answer_parse(const char *text, enum eligibility_answer *out)
{
	if (strcmp(text, "yes") == 0)
		*out = ELIGIBILITY_ANSWER_YES;
	else if (strcmp(text, "no") == 0)
		*out = ELIGIBILITY_ANSWER_NO;
	else if (text[0] == '\0')
		*out = ELIGIBILITY_ANSWER_UNKNOWN;
	else
		return -1;
	return 0;
}

int eligibility_rule_parse(const char *code, enum eligibility_rule *out, struct dy_err *e)
{
	int i = str_index(rule_codes, code);
	if (i < 0) {
		char all[160];
		str_join_list(rule_codes, all, sizeof all);
		return dy_fail(e, DY_EINVAL, "rule", "must be one of %s", all);
	}
	*out = (enum eligibility_rule)i;
	return 0;
}

/* ---- evaluation ---- */

/* Who set a rule, for messages: "the team" or "the Minding the Baby programme". */
struct scope {
	const struct eligibility_rules *rules;
	char who[ELIGIBILITY_LABEL_MAX + 20];
};

static void add_reason(struct eligibility_result *out, enum eligibility_rule rule, int unknown,
                       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void add_reason(struct eligibility_result *out, enum eligibility_rule rule, int unknown,
                       const char *fmt, ...)
{
	struct eligibility_reason *r = &out->reasons[out->n_reasons++];
	r->rule = rule;
	r->unknown = unknown;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->text, sizeof r->text, fmt, ap);
	va_end(ap);
}

static const char *plural(int n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* An infant is accepted up to and including the day they reach the limit
 * (the team default of 24 months: "from conception to the age of two", the
 * seeds; docs/eligibility.md). Age in completed months by core/age.c. */
static void check_infant_age(const struct scope *s, size_t n, int32_t dob, int32_t received,
                             struct eligibility_result *out)
{
	struct infant_age a;
	int months = age_compute(dob, 0, received, &a, NULL) ? 0 : a.chronological_months;
	for (size_t i = 0; i < n; i++) {
		int limit = s[i].rules->infant_age_limit_months;
		if (limit == ELIGIBILITY_UNSET)
			continue;
		if (limit == ELIGIBILITY_NO) {
			add_reason(out, ELIGIBILITY_RULE_INFANT_AGE, 0,
			           "the infant is born; %s accepts referrals in pregnancy only", s[i].who);
			return;
		}
		if (received > date_add_months(dob, limit)) {
			add_reason(out, ELIGIBILITY_RULE_INFANT_AGE, 0,
			           "infant is %d %s at referral, past the day they reached %d months; %s accepts infants up to"
			           " that day",
			           months, plural(months, "month", "months"), limit, s[i].who);
			return;
		}
	}
}

static void check_pregnancy(const struct scope *s, size_t n, int gest_days, struct eligibility_result *out)
{
	int weeks = gest_days / 7, days = gest_days % 7;
	char at[48];
	if (days)
		snprintf(at, sizeof at, "%d %s %d %s", weeks, plural(weeks, "week", "weeks"), days,
		         plural(days, "day", "days"));
	else
		snprintf(at, sizeof at, "%d %s", weeks, plural(weeks, "week", "weeks"));
	for (size_t i = 0; i < n; i++) {
		int from = s[i].rules->pregnancy_from_week;
		if (from == ELIGIBILITY_UNSET)
			continue;
		if (from == ELIGIBILITY_NO) {
			add_reason(out, ELIGIBILITY_RULE_PREGNANCY, 0,
			           "the referral is in pregnancy; %s does not accept referrals before birth", s[i].who);
			return;
		}
		if (gest_days < from * 7) {
			add_reason(out, ELIGIBILITY_RULE_PREGNANCY, 0,
			           "pregnancy is at %s at referral; %s accepts pregnancies from %d weeks", at,
			           s[i].who, from);
			return;
		}
	}
}

/* 1 when the district/sector is served by rules r. */
static int area_served(const struct eligibility_rules *r, const char *district, int sector)
{
	for (size_t i = 0; i < r->n_areas; i++)
		if (strcmp(r->areas[i].district, district) == 0 &&
		    (r->areas[i].sector < 0 || r->areas[i].sector == sector))
			return 1;
	return 0;
}

/* 1 when some area of r names district at sector level only. */
static int district_split(const struct eligibility_rules *r, const char *district)
{
	for (size_t i = 0; i < r->n_areas; i++)
		if (strcmp(r->areas[i].district, district) == 0)
			return 1;
	return 0;
}

static int check_area(const struct scope *s, size_t n, const char *postcode, struct eligibility_result *out,
                      struct dy_err *e)
{
	int any = 0;
	for (size_t i = 0; i < n; i++)
		any |= s[i].rules->n_areas > 0;
	if (!any)
		return 0;
	if (str_empty(postcode)) {
		for (size_t i = 0; i < n; i++)
			if (s[i].rules->n_areas) {
				add_reason(out, ELIGIBILITY_RULE_AREA, 1,
				           "postcode is not recorded; %s serves listed areas only", s[i].who);
				break;
			}
		return 0;
	}
	char norm[9];
	if (validate_postcode("postcode", postcode, norm, e))
		return DY_EINVAL;
	char *sp = strchr(norm, ' ');
	*sp = '\0';
	int sector = sp[1] - '0';
	for (size_t i = 0; i < n; i++) {
		const struct eligibility_rules *r = s[i].rules;
		if (!r->n_areas || area_served(r, norm, sector))
			continue;
		const char *by = i == 0 ? "" : " by ";
		const char *who = i == 0 ? "" : s[i].who;
		if (district_split(r, norm))
			add_reason(out, ELIGIBILITY_RULE_AREA, 0,
			           "postcode sector %s %d is outside the area served%s%s", norm, sector, by, who);
		else
			add_reason(out, ELIGIBILITY_RULE_AREA, 0, "postcode district %s is outside the area served%s%s",
			           norm, by, who);
		break;
	}
	return 0;
}

static void check_caregiver_age(const struct scope *s, size_t n, int32_t dob, int32_t received,
                                struct eligibility_result *out)
{
	for (size_t i = 0; i < n; i++) {
		int limit = s[i].rules->caregiver_under_age;
		if (limit == ELIGIBILITY_UNSET || limit == ELIGIBILITY_NO)
			continue;
		if (dob == DATE_NONE) {
			add_reason(out, ELIGIBILITY_RULE_CAREGIVER_AGE, 1,
			           "caregiver's date of birth is not recorded; %s accepts caregivers under %d",
			           s[i].who, limit);
			return;
		}
		int age = date_months_between(dob, received) / 12;
		if (age >= limit) {
			add_reason(out, ELIGIBILITY_RULE_CAREGIVER_AGE, 0,
			           "caregiver is %d at referral; %s accepts caregivers under %d", age, s[i].who, limit);
			return;
		}
	}
}

static void check_first_time(const struct scope *s, size_t n, enum eligibility_answer a,
                             struct eligibility_result *out)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i].rules->first_time_parent != 1)
			continue;
		if (a == ELIGIBILITY_ANSWER_YES)
			return;
		if (a == ELIGIBILITY_ANSWER_NO)
			add_reason(out, ELIGIBILITY_RULE_FIRST_TIME_PARENT, 0,
			           "caregiver is not a first-time parent; %s is for first-time parents", s[i].who);
		else
			add_reason(out, ELIGIBILITY_RULE_FIRST_TIME_PARENT, 1,
			           "whether the caregiver is a first-time parent is not recorded; %s is for "
			           "first-time parents",
			           s[i].who);
		return;
	}
}

int eligibility_evaluate(const struct eligibility_config *c, const struct eligibility_facts *f,
                         struct eligibility_result *out, struct dy_err *e)
{
	memset(out, 0, sizeof *out);
	struct scope s[2];
	size_t n = 1;
	s[0].rules = &c->team;
	snprintf(s[0].who, sizeof s[0].who, "the team");
	if (!str_empty(f->programme)) {
		const struct eligibility_programme *p = eligibility_programme_find(c, f->programme);
		if (!p)
			return dy_fail(e, DY_ENOTFOUND, "programme", "'%.40s' is not a programme in the eligibility rules",
			               f->programme);
		s[1].rules = &p->rules;
		snprintf(s[1].who, sizeof s[1].who, "the %s programme", p->label);
		n = 2;
	}
	if (f->received == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "received", "is required");

	if (f->infant_dob != DATE_NONE) {
		if (f->infant_dob > f->received)
			return dy_fail(e, DY_EINVAL, "infant_dob", "is after the referral date");
		check_infant_age(s, n, f->infant_dob, f->received, out);
	} else if (f->edd != DATE_NONE) {
		int64_t gest = 280 - ((int64_t)f->edd - f->received);
		if (gest < 0)
			return dy_fail(e, DY_EINVAL, "edd", "is more than %d weeks after the referral date",
			               EDD_LATEST_WEEKS);
		if (gest > 280 + EDD_OVERDUE_WEEKS * 7)
			return dy_fail(e, DY_EINVAL, "edd",
			               "is more than %d weeks before the referral date: record the baby's date of birth",
			               EDD_OVERDUE_WEEKS);
		check_pregnancy(s, n, (int)gest, out);
	} else {
		return dy_fail(e, DY_EINVAL, "infant_dob",
		               "is required: the infant's date of birth, or the EDD for a pregnancy");
	}

	if (check_area(s, n, f->postcode, out, e))
		return DY_EINVAL;
	if (f->caregiver_dob != DATE_NONE && f->caregiver_dob > f->received)
		return dy_fail(e, DY_EINVAL, "caregiver_dob", "is after the referral date");
	check_caregiver_age(s, n, f->caregiver_dob, f->received, out);
	check_first_time(s, n, f->first_time_parent, out);
	out->eligible = out->n_reasons == 0;
	return 0;
}

/* ---- overrides ---- */

int eligibility_override_check(const struct eligibility_result *r, const struct eligibility_override *o,
                               struct dy_err *e)
{
	enum eligibility_rule rule = ELIGIBILITY_RULE_INFANT_AGE;
	if (eligibility_rule_parse(o->rule, &rule, e))
		return DY_EINVAL;
	int blank = 1;
	size_t len = 0;
	for (const unsigned char *p = (const unsigned char *)(o->reason ? o->reason : ""); *p; p++, len++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\r' && *p != '\t') || *p == 0x7f)
			return dy_fail(e, DY_EINVAL, "reason", "contains a control character");
		if (*p != ' ' && *p != '\n' && *p != '\r' && *p != '\t')
			blank = 0;
	}
	if (blank)
		return dy_fail(e, DY_EINVAL, "reason",
		               "is required: a failed eligibility rule may be overridden only with a reason");
	if (len > OVERRIDE_REASON_MAX)
		return dy_fail(e, DY_EINVAL, "reason", "is longer than %d characters", OVERRIDE_REASON_MAX);
	for (size_t i = 0; i < r->n_reasons; i++)
		if (r->reasons[i].rule == rule)
			return 0;
	return dy_fail(e, DY_ECONFLICT, "rule", "the %s rule did not fail, so there is nothing to override",
	               rule_codes[rule]);
}

int eligibility_decide(const struct eligibility_result *r, const struct eligibility_override *o, size_t n,
                       int *eligible, struct dy_err *e)
{
	int covered[ELIGIBILITY_RULE_COUNT] = {0};
	for (size_t i = 0; i < n; i++) {
		int rc = eligibility_override_check(r, &o[i], e);
		if (rc) {
			dy_err_where(e, "override %zu", i + 1);
			return rc;
		}
		enum eligibility_rule rule = ELIGIBILITY_RULE_INFANT_AGE;
		eligibility_rule_parse(o[i].rule, &rule, NULL);
		covered[rule] = 1;
	}
	*eligible = 1;
	for (size_t i = 0; i < r->n_reasons; i++)
		if (!covered[r->reasons[i].rule])
			*eligible = 0;
	return 0;
}
