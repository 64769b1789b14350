/* validate.c: field rules (NHS number, postcode, codes, dates, names). */
#include "core/validate.h"

#include <ctype.h>
#include <string.h>

#include "util/date.h"
#include "util/str.h"
#include "util/text.h"

int validate_nhs_number(const char *field, const char *s, char out[11], struct dy_err *e)
{
	int n = 0;
	for (const char *p = s ? s : ""; *p; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if (!isdigit((unsigned char)*p))
			return dy_fail(e, DY_EINVAL, field, "must be 10 digits");
		if (n == 10)
			return dy_fail(e, DY_EINVAL, field, "must be 10 digits, found more");
		out[n++] = *p;
	}
	out[n] = '\0';
	if (n != 10)
		return dy_fail(e, DY_EINVAL, field, "must be 10 digits");
	int sum = 0;
	for (int i = 0; i < 9; i++)
		sum += (out[i] - '0') * (10 - i);
	int check = 11 - sum % 11;
	if (check == 11)
		check = 0;
	if (check == 10 || check != out[9] - '0')
		return dy_fail(e, DY_EINVAL, field, "is not a valid NHS number (the check digit does not match)");
	/* 0000000000 and 1111111111 .. 9999999999 pass the check digit but are
	 * placeholders, never issued. */
	if (strspn(out, (char[]){out[0], 0}) == 10)
		return dy_fail(e, DY_EINVAL, field, "is a placeholder, not a real NHS number (all ten digits the same)");
	return 0;
}

/* Outward code patterns: A9, A99, AA9, AA99, A9A, AA9A; inward: 9AA. */
int validate_postcode(const char *field, const char *s, char out[9], struct dy_err *e)
{
	char c[9];
	int n = 0;
	for (const char *p = s ? s : ""; *p; p++) {
		if (*p == ' ')
			continue;
		if (!isalnum((unsigned char)*p) || n == 7)
			return dy_fail(e, DY_EINVAL, field, "is not a UK postcode (like NG7 2UH)");
		c[n++] = (char)toupper((unsigned char)*p);
	}
	if (n < 5)
		return dy_fail(e, DY_EINVAL, field, "is not a UK postcode (like NG7 2UH)");
	const char *in = c + n - 3;
	int ok = isdigit((unsigned char)in[0]) && isalpha((unsigned char)in[1]) && isalpha((unsigned char)in[2]);
	int out_len = n - 3;
	const char *o = c;
	ok = ok && isalpha((unsigned char)o[0]);
	if (ok) {
		switch (out_len) {
		case 2: ok = isdigit((unsigned char)o[1]); break;
		case 3:
			ok = (isdigit((unsigned char)o[1]) && isalnum((unsigned char)o[2])) ||
			     (isalpha((unsigned char)o[1]) && isdigit((unsigned char)o[2]));
			break;
		case 4:
			ok = isalpha((unsigned char)o[1]) && isdigit((unsigned char)o[2]) &&
			     isalnum((unsigned char)o[3]);
			break;
		default: ok = 0;
		}
	}
	if (!ok)
		return dy_fail(e, DY_EINVAL, field, "is not a UK postcode (like NG7 2UH)");
	memcpy(out, c, (size_t)out_len);
	out[out_len] = ' ';
	memcpy(out + out_len + 1, in, 3);
	out[out_len + 4] = '\0';
	return 0;
}

int validate_code(const char *field, const char *const *list, const char *value, struct dy_err *e)
{
	if (str_index(list, value) >= 0)
		return 0;
	char all[512];
	str_join_list(list, all, sizeof all);
	if (str_empty(value))
		return dy_fail(e, DY_EINVAL, field, "is required: one of %s", all);
	/* The value is not repeated: a misplaced name or NHS number must not
	 * reach a message. */
	return dy_fail(e, DY_EINVAL, field, "is not one of %s", all);
}

int validate_date(const char *field, const char *s, int32_t *out, struct dy_err *e)
{
	if (str_empty(s))
		return dy_fail(e, DY_EINVAL, field, "is required (YYYY-MM-DD)");
	if (date_parse(s, out))
		return dy_fail(e, DY_EINVAL, field, "is not a real date in the form YYYY-MM-DD");
	return 0;
}

int validate_date_opt(const char *field, const char *s, int32_t *out, struct dy_err *e)
{
	if (str_empty(s)) {
		*out = DATE_NONE;
		return 0;
	}
	return validate_date(field, s, out, e);
}

int validate_int(const char *field, const char *s, int lo, int hi, int *out, struct dy_err *e)
{
	if (str_parse_int(s, lo, hi, out))
		return dy_fail(e, DY_EINVAL, field, "must be a whole number from %d to %d", lo, hi);
	return 0;
}

int validate_birth_date(const char *field, int32_t dob, int32_t today, struct dy_err *e)
{
	if (dob > today)
		return dy_fail(e, DY_EINVAL, field, "is in the future");
	return 0;
}

int validate_edd(const char *field, int32_t edd, int32_t today, struct dy_err *e)
{
	if (edd < today - 6 * 7)
		return dy_fail(e, DY_EINVAL, field,
		               "is more than 6 weeks ago: record the baby's date of birth instead");
	if (edd > today + 44 * 7)
		return dy_fail(e, DY_EINVAL, field, "is more than 44 weeks from today");
	return 0;
}

int validate_name(const char *field, const char *s, struct dy_err *e)
{
	if (str_empty(s))
		return dy_fail(e, DY_EINVAL, field, "is required");
	int rc = text_check(field, s, TEXT_LINE, e);
	if (rc)
		return rc;
	if (text_chars(s) > 100)
		return dy_fail(e, DY_EINVAL, field, "is longer than 100 characters");
	return 0;
}

int validate_name_fix(const char *field, char *s, size_t cap, struct dy_err *e)
{
	if (str_empty(s))
		return dy_fail(e, DY_EINVAL, field, "is required");
	return text_name(field, s, cap, 100, e);
}
