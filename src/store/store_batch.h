/* store_batch.h: reading the rows of many records in a few statements. The
 * ids go STORE_BATCH at a time into an IN list (a short last batch padded
 * with its last id), so that a list of thousands of families costs a few
 * statements instead of several per family, and each statement reads its
 * rows in index order. The SQL is a literal with STORE_IN_LIST in it, its
 * only parameters. */
#ifndef DYAD_STORE_STORE_BATCH_H
#define DYAD_STORE_STORE_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

#define STORE_BATCH 64
#define STORE_IN_Q8 "?,?,?,?,?,?,?,?"
#define STORE_IN_Q32 STORE_IN_Q8 "," STORE_IN_Q8 "," STORE_IN_Q8 "," STORE_IN_Q8
#define STORE_IN_LIST "(" STORE_IN_Q32 "," STORE_IN_Q32 ")"

/* Called for each row a batch statement returns. */
typedef int (*store_batch_row_fn)(void *ctx, db_stmt_t *s);

/* Runs sql once per STORE_BATCH ids of ids[0..n) (ascending ids give rows
 * in ascending order across batches when sql orders by them) and calls row
 * for each row; stops at the first non-zero return. */
int store_batch_each(db_t *db, const char *sql, const int64_t *ids, size_t n, store_batch_row_fn row, void *ctx,
                     struct dy_err *e);

#endif
