/* age.c: chronological and corrected age in months. */
#include "core/age.h"

#include "util/date.h"

int age_compute(int32_t birth, int gestation_weeks, int32_t on, struct infant_age *out,
                struct dy_err *e)
{
	out->chronological_months = out->corrected_months = 0;
	out->corrected = 0;
	out->correction_days = 0;
	if (birth == DATE_NONE || on == DATE_NONE)
		return dy_fail(e, DY_EINVAL, birth == DATE_NONE ? "birth_date" : "date", "is required");
	if (on < birth)
		return dy_fail(e, DY_EINVAL, "date", "is before the date of birth");
	if (gestation_weeks != 0 && (gestation_weeks < 20 || gestation_weeks > 45))
		return dy_fail(e, DY_EINVAL, "gestation_weeks", "must be from 20 to 45 (or 0 if not known)");
	int chrono = date_months_between(birth, on);
	out->chronological_months = chrono;
	out->corrected_months = chrono;
	if (gestation_weeks && gestation_weeks < AGE_CORRECT_BELOW_WEEKS &&
	    chrono < AGE_CORRECT_UNTIL_MONTHS) {
		int days = (40 - gestation_weeks) * 7;
		out->corrected = 1;
		out->correction_days = days;
		out->corrected_months = on - days >= birth ? date_months_between(birth, on - days) : 0;
	}
	return 0;
}
