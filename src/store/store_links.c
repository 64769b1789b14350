/* store_links.c: link rows of one record to a short list (see store_links.h). */
#include "store/store_links.h"

int store_links_insert(db_t *db, const char *sql, int64_t owner, const int64_t *ids, int n, struct dy_err *e)
{
	int rc = 0;
	for (int i = 0; !rc && i < n; i++) {
		db_stmt_t *s = db_prepare(db, sql, e);
		if (!s)
			return DY_ESTORE;
		db_bind_int(s, 1, owner);
		db_bind_int(s, 2, ids[i]);
		rc = db_run(s, e);
	}
	return rc;
}

int store_links_read(db_t *db, const char *sql, int64_t owner, int64_t *ids, int max, int *n, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, sql, e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, owner);
	int rc;
	*n = 0;
	while ((rc = db_step(s, e)) == DB_ROW)
		if (*n < max)
			ids[(*n)++] = db_col_int(s, 0);
	return rc;
}
