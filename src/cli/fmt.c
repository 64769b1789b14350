/* fmt.c: display helpers. */
#include "cli/fmt.h"

#include <stdio.h>
#include <string.h>

#include "util/date.h"

const char *fmt_id(char out[24], int64_t v)
{
	out[0] = '\0';
	if (v)
		snprintf(out, 24, "%lld", (long long)v);
	return out;
}

const char *fmt_int(char out[16], int v, int absent)
{
	out[0] = '\0';
	if (v != absent)
		snprintf(out, 16, "%d", v);
	return out;
}

const char *fmt_date(char out[11], int32_t d)
{
	date_format(d, out);
	return out;
}

const char *fmt_infant_age(char *out, unsigned n, int32_t dob, int32_t edd, int gestation_weeks, int32_t on)
{
	char d[DATE_LEN];
	if (dob == DATE_NONE) {
		date_format(edd, d);
		snprintf(out, n, "unborn (due %s)", d);
		return out;
	}
	int months = date_months_between(dob, on);
	if (months == 0) {
		int weeks = (on - dob) / 7;
		snprintf(out, n, "%d week%s", weeks, weeks == 1 ? "" : "s");
		return out;
	}
	if (gestation_weeks > 0 && gestation_weeks < 37 && months < 24) {
		int corrected = date_months_between(dob + (40 - gestation_weeks) * 7, on);
		snprintf(out, n, "%d month%s (corrected %d)", months, months == 1 ? "" : "s", corrected);
	} else if (months < 24) {
		snprintf(out, n, "%d month%s", months, months == 1 ? "" : "s");
	} else {
		if (months % 12 == 0)
			snprintf(out, n, "%d years", months / 12);
		else
			snprintf(out, n, "%d years %d month%s", months / 12, months % 12, months % 12 == 1 ? "" : "s");
	}
	return out;
}

const char *fmt_nhs(char out[13], const char *digits)
{
	if (strlen(digits) != 10) {
		snprintf(out, 13, "%s", digits);
		return out;
	}
	snprintf(out, 13, "%.3s %.3s %.4s", digits, digits + 3, digits + 6);
	return out;
}
