/* store_bulk.c: see store_bulk.h. */
#include "store/store_bulk.h"

/* Migration 27: the triggers' condition reads the setting dyad.clocks
 * (set_config's third argument: for this transaction only). */
int store_clocks_later(db_t *db, struct dy_err *e)
{
	if (db_dialect(db) != DB_DIALECT_PG)
		return 0;
	return db_exec(db, "SELECT set_config('dyad.clocks', 'later', true)", e);
}

int store_clocks_recompute(db_t *db, int64_t team_id, struct dy_err *e)
{
	if (db_dialect(db) != DB_DIALECT_PG)
		return 0;
	db_stmt_t *s = db_prepare(db, "SELECT dyad_clocks_recompute(?)", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, team_id);
	int rc = db_run(s, e);
	return rc ? rc : db_exec(db, "SELECT set_config('dyad.clocks', 'now', true)", e);
}

int store_keys_off(db_t *db, struct dy_err *e)
{
	return db_dialect(db) == DB_DIALECT_PG ? db_exec(db, "SELECT dyad_keys_off()", e) : 0;
}

int store_keys_on(db_t *db, struct dy_err *e)
{
	return db_dialect(db) == DB_DIALECT_PG ? db_exec(db, "SELECT dyad_keys_on()", e) : 0;
}
