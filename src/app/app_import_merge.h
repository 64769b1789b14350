/* app_import_merge.h: reading family_merges.csv back in an import
 * (docs/csv.md, docs/merge.md), inside app_import's transaction and after
 * every other file: each merge's two families (a family merged may hold
 * no one and so appear in no other file), its tombstone mark and its row
 * as exported. */
#ifndef DYAD_APP_IMPORT_MERGE_H
#define DYAD_APP_IMPORT_MERGE_H

#include "app/app.h"
#include "app/app_transfer.h"

/* Imports dir/family_merges.csv (optional), counting rows into
 * n->family_merges; refused whole at the first bad row with file, line and
 * column. */
int app_import_merges(struct app *a, const char *dir, struct transfer_counts *n, struct dy_err *e);

#endif
