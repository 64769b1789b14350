/* app_demo.h: realistic synthetic data for demonstrations and benchmarks.
 *
 * Families, people, referrals, contacts, safeguarding periods, discharges
 * and measures with the mixes a real team sees (referral sources, ages,
 * waits, attendance, safeguarding, endings). Every name is made up; NHS
 * numbers are valid in form but drawn from the 999 range that is never
 * issued. The same seed and date give the same data. */
#ifndef DYAD_APP_DEMO_H
#define DYAD_APP_DEMO_H

#include <stdint.h>

#include "app/app.h"
#include "app/app_transfer.h"

/* Adds `families` synthetic families to the team in one transaction, with
 * referrals received over the two years before a->today. */
int app_demo(struct app *a, int families, uint64_t seed, struct transfer_counts *n, struct dy_err *e);

#endif
