/* app_demo.h: realistic synthetic data for demonstrations and benchmarks.
 *
 * Families, people, referrals, contacts, safeguarding periods, discharges,
 * measures, video feedback cycles (for the families seen for Video
 * Interaction Guidance or VIPP-SD), a care plan for every assessed family
 * (Minding the Baby by the team's nurse and social worker, with weekly home
 * visits), and group programmes run on a shared calendar with their
 * enrolments, attendance and waiting lists (app_demo_programme.c), with
 * the mixes a real team sees
 * (referral sources, ages, waits, attendance, safeguarding, endings). Every name is made up; NHS
 * numbers are valid in form but drawn from the 999 range that is never
 * issued. The same seed and date give the same data. */
#ifndef DYAD_APP_DEMO_H
#define DYAD_APP_DEMO_H

#include <stdint.h>

#include "app/app.h"
#include "app/app_transfer.h"

/* Adds `families` synthetic families to the team in one transaction, with
 * referrals received over the two years before a->today, and marks the
 * database as a demo. Made-up families never mix with a team's real record
 * by accident: unless into_existing is set, the database must hold no
 * family and no practitioner, and its team must be a demo team (one that
 * `dyad demo` made) or none; else DY_ECONFLICT. */
int app_demo(struct app *a, int families, uint64_t seed, int into_existing, struct transfer_counts *n,
             struct dy_err *e);

#endif
