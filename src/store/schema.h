/* schema.h: the SQL of each migration, in order (schema.c). */
#ifndef DYAD_STORE_SCHEMA_H
#define DYAD_STORE_SCHEMA_H

#include "store/db.h"

struct migration {
	int version;
	const char *name;
	const char *sql;
};

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
