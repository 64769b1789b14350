/* app_import_feedback.h: reading letters.csv and feedback.csv back in an
 * import (docs/csv.md), inside app_import's transaction and after its
 * referrals: each row checked as the CLI would check it, refused whole at
 * the first bad row with file, line and column. */
#ifndef DYAD_APP_IMPORT_FEEDBACK_H
#define DYAD_APP_IMPORT_FEEDBACK_H

#include "app/app.h"
#include "app/app_transfer.h"

/* Imports dir/letters.csv and dir/feedback.csv (both optional), counting
 * rows into n->letters and n->feedback. 0 or the first row's error. */
int app_import_letters_feedback(struct app *a, const char *dir, struct transfer_counts *n, struct dy_err *e);

#endif
