/* stage.c: a measure against the infant's stage of life (see stage.h). */
#include "core/stage.h"

#include "core/age.h"
#include "util/date.h"

int stage_check(const struct instrument *in, int32_t birth, int32_t on, struct dy_err *e)
{
	int born = birth != DATE_NONE && birth <= on;
	if (in->stage == STAGE_ANTENATAL && born)
		return dy_fail(e, DY_EINVAL, "instrument",
		               "%s is completed in pregnancy, and this infant was born by the measure date: after the birth"
		               " use a postnatal measure (MPAS, PPAS or PBQ)",
		               in->short_name);
	if (in->stage != STAGE_POSTNATAL)
		return 0;
	if (!born)
		return dy_fail(e, DY_EINVAL, "instrument",
		               "%s is completed about a born infant, and this infant was not yet born on the measure date",
		               in->short_name);
	struct infant_age a;
	if (age_compute(birth, 0, on, &a, e))
		return DY_EINVAL;
	int m = a.chronological_months;
	if (m < in->stage_min_months)
		return dy_fail(e, DY_EINVAL, "instrument",
		               "%s is for children from %d months (%s); this infant is %d month%s old", in->short_name,
		               in->stage_min_months, in->stage_note, m, m == 1 ? "" : "s");
	if (in->stage_max_months >= 0 && m > in->stage_max_months)
		return dy_fail(e, DY_EINVAL, "instrument", "%s is for children up to %d months (%s); this infant is %d months old",
		               in->short_name, in->stage_max_months, in->stage_note, m);
	return 0;
}
