/* store_batch.c: one statement per STORE_BATCH ids (see store_batch.h). */
#include "store/store_batch.h"

int store_batch_each(db_t *db, const char *sql, const int64_t *ids, size_t n, store_batch_row_fn row, void *ctx,
                     struct dy_err *e)
{
	for (size_t from = 0; from < n; from += STORE_BATCH) {
		db_stmt_t *s = db_prepare(db, sql, e);
		if (!s)
			return DY_ESTORE;
		for (size_t k = 0; k < STORE_BATCH; k++)
			db_bind_int(s, (int)k + 1, ids[from + k < n ? from + k : n - 1]);
		int rc;
		while ((rc = db_step(s, e)) == DB_ROW)
			if ((rc = row(ctx, s)))
				return rc;
		if (rc)
			return rc;
	}
	return 0;
}
