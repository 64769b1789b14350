/* fmt.c: display helpers. */
#include "cli/fmt.h"

#include <stdio.h>
#include <string.h>

#include "core/age.h"
#include "util/date.h"

const char *fmt_ids(char *out, unsigned n, const int64_t *ids, int k)
{
	unsigned len = 0;
	out[0] = '\0';
	for (int i = 0; i < k && len + 24 < n; i++)
		len += (unsigned)snprintf(out + len, n - len, "%s%lld", i ? ";" : "", (long long)ids[i]);
	return out;
}

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
	/* The one corrected age (core/age.c), so what is shown is what the rules use. */
	struct infant_age a;
	if (age_compute(dob, gestation_weeks, on, &a, NULL)) {
		snprintf(out, n, "born after this date");
		return out;
	}
	return age_text(&a, out, n);
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
