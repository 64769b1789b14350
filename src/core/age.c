/* age.c: chronological and corrected age, and its words (see age.h). */
#include "core/age.h"

#include <stdio.h>

#include "util/date.h"

int age_compute(int32_t birth, int gestation_weeks, int32_t on, struct infant_age *out,
                struct dy_err *e)
{
	*out = (struct infant_age){0};
	if (birth == DATE_NONE || on == DATE_NONE)
		return dy_fail(e, DY_EINVAL, birth == DATE_NONE ? "birth_date" : "date", "is required");
	if (on < birth)
		return dy_fail(e, DY_EINVAL, "date", "is before the date of birth");
	if (gestation_weeks != 0 && (gestation_weeks < 20 || gestation_weeks > 45))
		return dy_fail(e, DY_EINVAL, "gestation_weeks", "must be from 20 to 45 (or 0 if not known)");
	int chrono = date_months_between(birth, on);
	out->chronological_days = on - birth;
	out->chronological_months = chrono;
	out->corrected_months = chrono;
	out->corrected_days = out->chronological_days;
	int early = gestation_weeks ? AGE_TERM_WEEKS - gestation_weeks : 0;
	if (early >= AGE_CORRECT_WEEKS_EARLY && chrono < AGE_CORRECT_UNTIL_MONTHS) {
		int days = early * 7;
		out->corrected = 1;
		out->correction_days = days;
		out->corrected_days = out->chronological_days - days;
		out->corrected_months = on - days >= birth ? date_months_between(birth, on - days) : 0;
	}
	return 0;
}

int age_gestation_from_edd(int32_t birth, int32_t edd)
{
	if (birth == DATE_NONE || edd == DATE_NONE)
		return 0;
	int64_t days = 280 - ((int64_t)edd - birth);
	int64_t weeks = (days + 3) / 7;
	return days >= 0 && weeks >= 20 && weeks <= 45 ? (int)weeks : 0;
}

static const char *plural(int n)
{
	return n == 1 ? "" : "s";
}

const char *age_text(const struct infant_age *a, char *out, size_t n)
{
	int m = a->chronological_months;
	int used;
	if (m >= AGE_CORRECT_UNTIL_MONTHS) {
		if (m % 12 == 0)
			snprintf(out, n, "%d years", m / 12);
		else
			snprintf(out, n, "%d years %d month%s", m / 12, m % 12, plural(m % 12));
		return out;
	}
	if (m == 0) {
		int w = a->chronological_days / 7;
		used = snprintf(out, n, "%d week%s", w, plural(w));
	} else {
		used = snprintf(out, n, "%d month%s", m, plural(m));
	}
	if (!a->corrected || used < 0 || (size_t)used >= n)
		return out;
	char *rest = out + used;
	size_t left = n - (size_t)used;
	if (a->corrected_days < 0) {
		int w = (-a->corrected_days + 6) / 7;
		snprintf(rest, left, " (corrected: %d week%s before the due date)", w, plural(w));
	} else if (a->corrected_months > 0) {
		snprintf(rest, left, " (corrected %d)", a->corrected_months);
	} else {
		int w = a->corrected_days / 7;
		snprintf(rest, left, " (corrected %d week%s)", w, plural(w));
	}
	return out;
}
