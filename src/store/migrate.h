/* migrate.h: versioned, forward-only schema migrations.
 *
 * Each migration runs once, in its own transaction together with the row
 * that records it in schema_migration; a database newer than this program is
 * refused rather than touched. */
#ifndef DYAD_STORE_MIGRATE_H
#define DYAD_STORE_MIGRATE_H

#include "store/db.h"

/* Applies every migration the database lacks. Sets *applied (may be NULL)
 * to how many ran. Returns 0, DY_ECONFLICT for a database from a newer
 * dyad, or DY_ESTORE. */
int migrate_up(db_t *db, int *applied, struct dy_err *e);

/* The schema version of the database (0 for an empty one), or negative. */
int migrate_version(db_t *db, struct dy_err *e);

/* The newest schema version this program knows. */
int migrate_latest(void);

#endif
