/* migrate.c: applies schema.c's migrations in order, each in a transaction,
 * in the dialect of the database (SQLite's text or PostgreSQL's). */
#include "store/migrate.h"

#include "util/date.h"

#include "store/schema.h"

int migrate_latest(void)
{
	return schema_migrations[schema_migration_count - 1].version;
}

int migrate_version(db_t *db, struct dy_err *e)
{
	if (db_exec(db, "CREATE TABLE IF NOT EXISTS schema_migration ("
	                " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", e))
		return DY_ESTORE;
	db_stmt_t *s = db_prepare(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migration", e);
	if (!s)
		return DY_ESTORE;
	int rc = db_step(s, e);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DY_ESTORE;
	int version = (int)db_col_int(s, 0);
	db_step(s, e); /* finish the statement: it holds a read snapshot until then */
	return version;
}

int migrate_up(db_t *db, int *applied, struct dy_err *e)
{
	if (applied)
		*applied = 0;
	int have = migrate_version(db, e);
	if (have < 0)
		return have;
	if (have > migrate_latest())
		return dy_fail(e, DY_ECONFLICT, "db",
		               "the database is at schema version %d, newer than this dyad (%d): upgrade dyad",
		               have, migrate_latest());
	int pg = db_dialect(db) == DB_DIALECT_PG;
	for (int i = 0; i < schema_migration_count; i++) {
		const struct migration *m = &schema_migrations[i];
		if (m->version <= have)
			continue;
		if (pg && !m->pg)
			return dy_fail(e, DY_ESTORE, "db", "schema version %d has no PostgreSQL text in this build (schema_pg.c)",
			               m->version);
		if (db_begin(db, e))
			return DY_ESTORE;
		/* Looked at again under the write lock: another process starting
		 * on the same new database may have applied it meanwhile. */
		if ((have = migrate_version(db, e)) < 0) {
			db_rollback(db);
			return have;
		}
		if (m->version <= have) {
			db_rollback(db);
			continue;
		}
		int rc = db_exec(db, pg ? m->pg : m->sql, e);
		for (int k = 0; !rc && k < schema_migration_step_count; k++)
			if (schema_migration_steps[k].version == m->version)
				rc = schema_migration_steps[k].run(db, e);
		if (!rc) {
			db_stmt_t *s = db_prepare(db, "INSERT INTO schema_migration (version, name, applied_at)"
			                              " VALUES (?, ?, ?)", e);
			rc = s ? 0 : DY_ESTORE;
			if (s) {
				db_bind_int(s, 1, m->version);
				char now[21];
				date_now_utc(now);
				db_bind_text(s, 2, m->name);
				db_bind_text(s, 3, now);
				rc = db_run(s, e);
			}
		}
		if (rc || db_commit(db, e)) {
			db_rollback(db);
			return DY_ESTORE;
		}
		if (applied)
			(*applied)++;
	}
	return 0;
}
