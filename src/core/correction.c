/* correction.c: person fields as text, for corrections (see correction.h). */
#include "core/correction.h"

#include <stdio.h>
#include <string.h>

#include "core/codes.h"
#include "core/validate.h"
#include "util/date.h"
#include "util/str.h"
#include "util/text.h"

const char *const correction_person_fields[] = {"given_name", "family_name", "dob",        "edd",
                                                "gestation_weeks", "nhs_number", "sex", "ethnicity",
                                                "postcode", "imd_decile", "relationship", 0};

static int unknown(const char *field, struct dy_err *e)
{
	(void)field;
	return dy_fail(e, DY_EINVAL, "field", "is not a field of a person that can be corrected (one of given_name,"
	               " family_name, dob, edd, gestation_weeks, nhs_number, sex, ethnicity, postcode, imd_decile,"
	               " relationship)");
}

int correction_person_get(const struct person *p, const char *field, char *out, struct dy_err *e)
{
	out[0] = '\0';
	if (strcmp(field, "given_name") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, p->given_name);
	else if (strcmp(field, "family_name") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, p->family_name);
	else if (strcmp(field, "dob") == 0)
		date_format(p->date_of_birth, out);
	else if (strcmp(field, "edd") == 0)
		date_format(p->edd, out);
	else if (strcmp(field, "gestation_weeks") == 0) {
		if (p->gestation_weeks)
			snprintf(out, CORRECTION_VALUE_MAX, "%d", p->gestation_weeks);
	} else if (strcmp(field, "nhs_number") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, p->nhs_number);
	else if (strcmp(field, "sex") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, p->sex);
	else if (strcmp(field, "ethnicity") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, p->ethnicity);
	else if (strcmp(field, "postcode") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, p->postcode);
	else if (strcmp(field, "imd_decile") == 0) {
		if (p->imd_decile)
			snprintf(out, CORRECTION_VALUE_MAX, "%d", p->imd_decile);
	} else if (strcmp(field, "relationship") == 0)
		str_copy(out, CORRECTION_VALUE_MAX, p->relationship);
	else
		return unknown(field, e);
	return 0;
}

/* A text field that fits its buffer. */
static int set_text(char *dst, size_t n, const char *field, const char *value, struct dy_err *e)
{
	if (strlen(value) >= n)
		return dy_fail(e, DY_EINVAL, field, "is too long");
	memcpy(dst, value, strlen(value) + 1);
	return 0;
}

int correction_person_set(struct person *p, const char *field, const char *value, struct dy_err *e)
{
	if (text_check(field, value, TEXT_LINE, e))
		return DY_EINVAL;
	if (strcmp(field, "given_name") == 0)
		return set_text(p->given_name, sizeof p->given_name, field, value, e);
	if (strcmp(field, "family_name") == 0)
		return set_text(p->family_name, sizeof p->family_name, field, value, e);
	if (strcmp(field, "dob") == 0)
		return validate_date_opt(field, value, &p->date_of_birth, e);
	if (strcmp(field, "edd") == 0)
		return validate_date_opt(field, value, &p->edd, e);
	if (strcmp(field, "gestation_weeks") == 0) {
		p->gestation_weeks = 0;
		return value[0] ? validate_int(field, value, 22, 44, &p->gestation_weeks, e) : 0;
	}
	if (strcmp(field, "imd_decile") == 0) {
		p->imd_decile = 0;
		return value[0] ? validate_int(field, value, 1, 10, &p->imd_decile, e) : 0;
	}
	if (strcmp(field, "nhs_number") == 0) {
		char pc[9];
		memcpy(pc, p->postcode, sizeof pc);
		return record_person_identifiers(p, value, pc, e);
	}
	if (strcmp(field, "postcode") == 0) {
		char nhs[11];
		memcpy(nhs, p->nhs_number, sizeof nhs);
		return record_person_identifiers(p, nhs, value, e);
	}
	if (strcmp(field, "sex") == 0)
		return set_text(p->sex, sizeof p->sex, field, value, e);
	if (strcmp(field, "ethnicity") == 0)
		return set_text(p->ethnicity, sizeof p->ethnicity, field, value, e);
	if (strcmp(field, "relationship") == 0)
		return set_text(p->relationship, sizeof p->relationship, field, value, e);
	return unknown(field, e);
}

int correction_check_reason(const char *reason, struct dy_err *e)
{
	if (!reason || text_check("reason", reason, TEXT_LINE, e))
		return dy_fail(e, DY_EINVAL, "reason", "is required: one line saying why the record is corrected");
	const char *s = reason;
	while (*s == ' ')
		s++;
	if (!*s)
		return dy_fail(e, DY_EINVAL, "reason", "is required: one line saying why the record is corrected");
	if (text_chars(reason) > CORRECTION_REASON_MAX)
		return dy_fail(e, DY_EINVAL, "reason", "is longer than %d characters", CORRECTION_REASON_MAX);
	return 0;
}
