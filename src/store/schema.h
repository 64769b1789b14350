/* schema.h: the SQL of each migration, in order (schema.c). */
#ifndef DYAD_STORE_SCHEMA_H
#define DYAD_STORE_SCHEMA_H

#include "store/db.h"

/* One migration: its SQLite text and its PostgreSQL text (the same change
 * in PostgreSQL's types, schema_pg.c). Every migration needs both: a
 * PostgreSQL database refuses to migrate past one whose pg is NULL, and
 * tests/store/test_schema_pg.c fails while any is. */
struct migration {
	int version;
	const char *name;
	const char *sql; /* SQLite */
	const char *pg;  /* PostgreSQL */
};

/* The web application's tables (schema_web.c). */
extern const char schema_v6_web[];

/* The PostgreSQL texts (schema_pg.c). */
extern const char schema_pg_v1[], schema_pg_v2[], schema_pg_v3[], schema_pg_v4[], schema_pg_v5[],
	schema_pg_v6[], schema_pg_v7[], schema_pg_v8[], schema_pg_v9[], schema_pg_v10[], schema_pg_v11[],
	schema_pg_v12[], schema_pg_v13[], schema_pg_v14[], schema_pg_v16[], schema_pg_v17[], schema_pg_v18[], schema_pg_v19[], schema_pg_v20[];

/* Migration 21 in both dialects (schema_v21.c). */
extern const char schema_v21[], schema_pg_v21[];

/* Migration 27 in both dialects (schema_v27.c): deferrable foreign keys and
 * clock triggers that stand aside for a bulk load, on PostgreSQL. */
extern const char schema_v27[], schema_pg_v27[];

/* Migration 28 in both dialects (schema_v28.c): the report tallies. The
 * SQLite triggers that keep them are schema_v28_triggers (made by the
 * migration's step and after each bulk load, store_tally_end), named, space-separated, in
 * schema_v28_trigger_names. */
extern const char schema_v28[], schema_pg_v28[], schema_v28_triggers[], schema_v28_trigger_names[];

/* Migration 29 in both dialects (schema_v29.c): report_measure, the outcome
 * rows by discharge date. Its SQLite triggers are schema_v29_triggers,
 * named in schema_v29_trigger_names, set aside and made again with the
 * tallies' (store_tally.h). */
extern const char schema_v29[], schema_pg_v29[], schema_v29_triggers[], schema_v29_trigger_names[];

/* Code a migration runs after its SQL, in the same transaction (a backfill
 * written once in store/ rather than copied into the migration). */
struct migration_step {
	int version;
	int (*run)(db_t *db, struct dy_err *e);
};

extern const struct migration schema_migrations[];
extern const int schema_migration_count;
extern const struct migration_step schema_migration_steps[];
extern const int schema_migration_step_count;

#endif
