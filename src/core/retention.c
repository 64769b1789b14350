/* retention.c: a family's retention date from its people and its care
 * (core/retention.h, docs/retention.md). */
#include "core/retention.h"

#include <stdio.h>

#include "util/date.h"

void retention_rules_default(struct retention_rules *r)
{
	r->child_until_birthday = 25;
	r->child_late_age = 17;
	r->child_late_until_birthday = 26;
	r->caregiver_years = 20;
}

int32_t retention_add_years(int32_t d, int years)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	y += years;
	if (m == 2 && day == 29 && date_days_in_month(y, 2) == 28) {
		m = 3;
		day = 1;
	}
	int32_t out;
	if (date_from_ymd(y, m, day, &out) != 0)
		return DATE_NONE;
	return out;
}

/* Whole years from birth to on (a 29 February birthday counts from 1 March
 * in a year without one). */
static int age_years(int32_t birth, int32_t on)
{
	int y0, m0, d0, y1, m1, d1;
	date_to_ymd(birth, &y0, &m0, &d0);
	date_to_ymd(on, &y1, &m1, &d1);
	int age = y1 - y0;
	if (age > 0 && retention_add_years(birth, age) > on)
		age--;
	return age;
}

int retention_decide(const struct retention_rules *r, const struct retention_person *people, size_t n,
                     const struct retention_care *care, struct retention_result *out)
{
	out->date = DATE_NONE;
	if (care->open) {
		out->rule = RETENTION_RULE_OPEN;
		return 0;
	}
	int caregiver = n == 0;
	int32_t best = DATE_NONE;
	enum retention_rule rule = RETENTION_RULE_UNKNOWN;
	for (size_t i = 0; i < n; i++) {
		const struct retention_person *p = &people[i];
		if (!p->child) {
			caregiver = 1;
			continue;
		}
		int32_t birth = p->dob != DATE_NONE ? p->dob : p->edd;
		if (birth == DATE_NONE) {
			out->rule = RETENTION_RULE_UNKNOWN;
			return 0;
		}
		int late = care->last_ended != DATE_NONE && care->last_ended >= birth &&
		           age_years(birth, care->last_ended) >= r->child_late_age;
		int32_t d = retention_add_years(birth, late ? r->child_late_until_birthday : r->child_until_birthday);
		if (best == DATE_NONE || d > best) {
			best = d;
			rule = late ? RETENTION_RULE_CHILD_LATE : RETENTION_RULE_CHILD;
		}
	}
	if (caregiver) {
		if (care->last_ended == DATE_NONE) {
			out->rule = RETENTION_RULE_UNKNOWN;
			return 0;
		}
		int32_t d = retention_add_years(care->last_ended, r->caregiver_years);
		if (best == DATE_NONE || d > best) {
			best = d;
			rule = RETENTION_RULE_CAREGIVER;
		}
	}
	out->date = best;
	out->rule = best == DATE_NONE ? RETENTION_RULE_UNKNOWN : rule;
	return 0;
}

int retention_due(const struct retention_result *res, int32_t as_of)
{
	return res->date != DATE_NONE && as_of >= res->date;
}

const char *retention_rule_code(enum retention_rule rule)
{
	static const char *const codes[RETENTION_RULE_COUNT] = {"open", "unknown", "child", "child_late",
	                                                        "caregiver"};
	return rule >= 0 && rule < RETENTION_RULE_COUNT ? codes[rule] : "unknown";
}

const char *retention_rule_basis(const struct retention_rules *r, enum retention_rule rule, char *out, size_t n)
{
	struct retention_rules d;
	retention_rules_default(&d);
	switch (rule) {
	case RETENTION_RULE_CHILD:
		if (r->child_until_birthday == d.child_until_birthday)
			snprintf(out, n, "until the %dth birthday: Records Management Code of Practice 2021, Appendix II, "
			                 "Children's records",
			         r->child_until_birthday);
		else
			snprintf(out, n, "until the birthday at %d years: local rule", r->child_until_birthday);
		break;
	case RETENTION_RULE_CHILD_LATE:
		if (r->child_late_age == d.child_late_age && r->child_late_until_birthday == d.child_late_until_birthday)
			snprintf(out, n, "%d or older when care ended, until the %dth birthday: Records Management Code of "
			                 "Practice 2021, Appendix II, Children's records",
			         r->child_late_age, r->child_late_until_birthday);
		else
			snprintf(out, n, "%d or older when care ended, until the birthday at %d years: local rule",
			         r->child_late_age, r->child_late_until_birthday);
		break;
	case RETENTION_RULE_CAREGIVER:
		if (r->caregiver_years == d.caregiver_years)
			snprintf(out, n, "%d years after care ended: Records Management Code of Practice 2021, Appendix II, "
			                 "Mental health records (unverified: read in a summary of the Code, not its own "
			                 "text; treating a caregiver's record as a mental health record is dyad's reading)",
			         r->caregiver_years);
		else
			snprintf(out, n, "%d years after care ended: local rule", r->caregiver_years);
		break;
	case RETENTION_RULE_OPEN: snprintf(out, n, "care is open: kept"); break;
	default: snprintf(out, n, "a child with neither date of birth nor expected date: kept"); break;
	}
	return out;
}
