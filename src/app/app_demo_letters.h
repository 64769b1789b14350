/* app_demo_letters.h: the demo's letters and family feedback, on a random
 * stream of their own so that the rest of the demo is byte-identical with
 * or without them. */
#ifndef DYAD_APP_DEMO_LETTERS_H
#define DYAD_APP_DEMO_LETTERS_H

#include <stdint.h>

#include "app/app.h"
#include "app/app_transfer.h"

/* Inside the demo's open transaction: for the referrals with an id above
 * after_id, feedback from about 55% of the discharged ones (mostly yes,
 * some partly, few no) and letters for the last 50 referrals
 * (acknowledgement, decision once decided, discharge to the GP and the
 * health visitor once discharged), produced by the acting user on the
 * days they would have been, counted in *n. Returns 0 or the first error. */
int app_demo_letters(struct app *a, int64_t after_id, uint64_t seed, struct transfer_counts *n, struct dy_err *e);

#endif
