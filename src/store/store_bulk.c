/* store_bulk.c: see store_bulk.h. On PostgreSQL the clock triggers'
 * condition reads the setting dyad.clocks (set_config's third argument:
 * for this transaction only), the tallies' dyad.tallies (store_tally.h);
 * dyad_keys_off / dyad_keys_on and dyad_clocks_recompute are migration
 * 27's, the tallies migration 28's. */
#include "store/store_bulk.h"

#include "store/store_tally.h"

int store_bulk_begin(db_t *db, int empty_tables, int *aside, struct dy_err *e)
{
	*aside = 0;
	int rc = store_tally_aside(db, e);
	if (rc || db_dialect(db) != DB_DIALECT_PG)
		return rc;
	rc = db_exec(db, "SELECT set_config('dyad.clocks', 'later', true)", e);
	if (rc || !empty_tables)
		return rc;
	int64_t families = 0;
	rc = db_query_int(db, "SELECT COUNT(*) FROM (SELECT 1 FROM family LIMIT 1) f", &families, e);
	if (rc || families)
		return rc;
	rc = db_exec(db, "SELECT dyad_keys_off()", e);
	*aside = !rc;
	return rc;
}

int store_bulk_end(db_t *db, int aside, int64_t team_id, struct dy_err *e)
{
	int rc = 0;
	if (db_dialect(db) == DB_DIALECT_PG) {
		rc = aside ? db_exec(db, "SELECT dyad_keys_on()", e) : 0;
		if (!rc && team_id) {
			db_stmt_t *s = db_prepare(db, "SELECT dyad_clocks_recompute(?)", e);
			if (!s)
				return DY_ESTORE;
			db_bind_int(s, 1, team_id);
			rc = db_run(s, e);
		}
		if (!rc)
			rc = db_exec(db, "SELECT set_config('dyad.clocks', 'now', true)", e);
	}
	return rc ? rc : store_tally_end(db, team_id, e);
}
