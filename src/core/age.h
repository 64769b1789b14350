/* age.h: an infant's age at a date, chronological and corrected for
 * prematurity: the one place dyad works it out, for every display (the
 * CLI's and the web pages' "7 months (corrected 5)") and every rule (the
 * ASQ:SE-2 form, the stage a measure fits, the team's age limit).
 *
 * The convention is ASQ's (Ages & Stages knowledge base; docs/instruments.md,
 * "Corrected age"): weeks early = 40 - gestation in completed weeks (the
 * gestation is recorded in whole weeks, 4 or more extra days rounding up as
 * ASQ advises: 33 weeks 4 days is 34); a baby 3 or more weeks early (born at
 * 37 weeks or before) has that many weeks taken off their age while their
 * chronological age is under 24 months; from then on corrected age equals
 * chronological age. Months are calendar months completed (no rounding up),
 * with the month-end clamp of util/date.h (born 31 January: 1 month old on
 * 28 February): ASQ states each form's window in months and days, so the
 * completed months pick the form. Corrected months are the months completed
 * between birth and the date moved back by the weeks early. */
#ifndef DYAD_CORE_AGE_H
#define DYAD_CORE_AGE_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define AGE_TERM_WEEKS 40           /* weeks early are counted against this */
#define AGE_CORRECT_WEEKS_EARLY 3   /* correct a baby this many or more weeks early */
#define AGE_CORRECT_UNTIL_MONTHS 24 /* correct while chronological age is below this */

struct infant_age {
	int chronological_days;    /* days since birth */
	int chronological_months;  /* calendar months completed */
	int corrected;             /* 1 when a correction applies */
	int correction_days;       /* days taken off (0 when none) */
	int corrected_days;        /* chronological_days - correction_days: negative before the due date */
	int corrected_months;      /* months completed of corrected age (0 before the due date);
	                            * equals chronological_months when no correction applies */
};

/* Age at date `on` of an infant born on `birth` (days since epoch, util/date.h)
 * at gestation_weeks completed weeks (0 = not known: treated as term; else
 * 20-45). Returns 0, or DY_EINVAL when `on` is before birth, a date is
 * absent, or the gestation is out of range. */
int age_compute(int32_t birth, int gestation_weeks, int32_t on, struct infant_age *out,
                struct dy_err *e);

/* The gestation at birth in whole weeks worked out from the EDD (term is
 * 40 weeks on the EDD: 280 days minus the days from birth to EDD), rounded
 * as ASQ advises (4 or more extra days round up). 0 when either date is
 * absent or the result is outside 20-45 weeks (then it is not derived). */
int age_gestation_from_edd(int32_t birth, int32_t edd);

/* The age in words for people, from a computed age: "3 weeks", "3 weeks
 * (corrected: 2 weeks before the due date)", "5 months (corrected 3)",
 * "1 month (corrected 2 weeks)", "2 years 3 months". The corrected month
 * shown is always a->corrected_months. Writes into out (size n) and
 * returns it. */
const char *age_text(const struct infant_age *a, char *out, size_t n);

#endif
