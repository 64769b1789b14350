/* age.h: an infant's age in whole months at a date, corrected for prematurity.
 *
 * A baby born before 37 weeks' gestation has (40 - gestation weeks) weeks
 * taken off its age until it is 24 months old (chronological); from then on
 * corrected age equals chronological age. Corrected age picks the ASQ:SE-2
 * age interval. Months are calendar months completed, with the month-end
 * clamp of util/date.h (born 31 January: 1 month old on 28 February). */
#ifndef DYAD_CORE_AGE_H
#define DYAD_CORE_AGE_H

#include <stdint.h>

#include "util/err.h"

#define AGE_CORRECT_BELOW_WEEKS 37 /* gestation below this is premature */
#define AGE_CORRECT_UNTIL_MONTHS 24 /* correct while chronological age is below this */

struct infant_age {
	int chronological_months;
	int corrected_months;  /* equals chronological_months when no correction applies */
	int corrected;         /* 1 when a correction was applied */
	int correction_days;   /* days subtracted (0 when none) */
};

/* Age at date `on` of an infant born on `birth` (days since epoch, util/date.h)
 * at gestation_weeks completed weeks (0 = not known: treated as term; else
 * 20-45). A corrected age below zero (a very premature baby in its first
 * weeks) is given as 0. Returns 0, or DY_EINVAL when `on` is before birth, a
 * date is absent, or the gestation is out of range. */
int age_compute(int32_t birth, int gestation_weeks, int32_t on, struct infant_age *out,
                struct dy_err *e);

#endif
