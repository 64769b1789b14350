/* db_common.c: helpers over db.h that every driver shares. */
#include "store/db.h"

db_stmt_t *db_prepare_scoped(db_t *db, const char *sql_one, const char *sql_all, int64_t id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, id > 0 ? sql_one : sql_all, e);
	if (s && id > 0)
		db_bind_int(s, 1, id);
	return s;
}
