/* app_demo_workforce.h: the demo team's work with the wider workforce
 * (docs/workforce.md, "Demo data"): training events, consultations and
 * supervision over the two years before today, from a random stream of its
 * own so that every other demo record is the same with or without it. */
#ifndef DYAD_APP_DEMO_WORKFORCE_H
#define DYAD_APP_DEMO_WORKFORCE_H

#include <stdint.h>

#include "app/app.h"
#include "app/app_transfer.h"

/* Writes the activity for team a->team_id inside the caller's transaction:
 * trainers and consultants drawn from practitioners[0..npract), a third of
 * the consultations about one of the team's families, counted in *n. The
 * same seed and today give the same records. */
int app_demo_workforce(struct app *a, const int64_t *practitioners, int npract, uint64_t seed,
                       struct transfer_counts *n, struct dy_err *e);

#endif
