/* app_import_feedback.h: reading letters.csv and feedback.csv back in an
 * import (docs/csv.md), inside app_import's transaction and after its
 * referrals: each row checked as the CLI would check it, refused whole at
 * the first bad row with file, line and column. */
#ifndef DYAD_APP_IMPORT_FEEDBACK_H
#define DYAD_APP_IMPORT_FEEDBACK_H

#include "app/app.h"
#include "app/app_transfer.h"
#include "store/store_episode.h"

/* How the import finds referral id without a read where it can: fills ep
 * (id, family, received and discharged) and sets *is_new to 1 for a
 * referral this import wrote (so it has no feedback yet), 0 for one read
 * from the database; 0, DY_ENOTFOUND or a negative store code. */
typedef int (*import_referral_fn)(void *ctx, int64_t id, struct episode *ep, int *is_new, struct dy_err *e);

/* Imports dir/letters.csv and dir/feedback.csv (both optional), counting
 * rows into n->letters and n->feedback, their referrals found by
 * find(ctx, ...). 0 or the first row's error. */
int app_import_letters_feedback(struct app *a, const char *dir, struct transfer_counts *n, import_referral_fn find,
                                void *ctx, struct dy_err *e);

#endif
