/* app_import_corrections.h: reading corrections.csv back in an import
 * (docs/csv.md): every correction with its id, record, field, old and new
 * value, who, when, why and the correction it undoes, after the records
 * themselves; then each referral, contact, safeguarding period or measure
 * whose last entered_in_error correction says "yes" is marked entered in
 * error again with that correction's reason, who and when. Last, each
 * infant is held to one current safeguarding status at most (those entered
 * in error aside). */
#ifndef DYAD_APP_IMPORT_CORRECTIONS_H
#define DYAD_APP_IMPORT_CORRECTIONS_H

#include "app/app_transfer.h"

/* Imports dir/corrections.csv (optional), counting rows into
 * n->corrections. 0 or the first row's error, naming line and column. */
int app_import_corrections(struct app *a, const char *dir, struct transfer_counts *n, struct dy_err *e);

#endif
