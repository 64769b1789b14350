/* store_bulk.h: what a bulk load into PostgreSQL sets aside and puts back
 * (migration 27, schema_v27.c): the waiting clocks' triggers, and the
 * foreign keys and plain indexes of tables that were empty. On SQLite each does nothing:
 * its triggers cost a load little and an import's foreign keys are
 * already off (db_bulk's DB_BULK_REFS_CHECKED). */
#ifndef DYAD_STORE_BULK_H
#define DYAD_STORE_BULK_H

#include <stdint.h>

#include "store/db.h"

/* Lets the waiting clocks' triggers stand aside for the rest of this write
 * transaction; the caller then calls store_clocks_recompute before it
 * commits. 0 or a negative code. */
int store_clocks_later(db_t *db, struct dy_err *e);

/* Sets every waiting clock of the team's referrals again from their
 * contacts, in one statement, and lets the triggers keep them again.
 * 0 or a negative code. */
int store_clocks_recompute(db_t *db, int64_t team_id, struct dy_err *e);

/* Drops, for the rest of this write transaction, the foreign keys and the
 * indexes that back no key (not unique) of every table that holds no row,
 * remembering them; store_keys_on must follow before the commit, and no
 * read in between may need those indexes to be quick (look-ups by id
 * keep theirs). Each drop locks its tables until the commit, so a caller
 * does this only into a database that holds no family. 0 or a negative
 * code. */
int store_keys_off(db_t *db, struct dy_err *e);

/* Builds again the indexes store_keys_off dropped and adds back its keys,
 * each index built and each key checked against every row in one pass (as
 * pg_restore does), so a row naming a missing record fails here. 0 or a
 * negative code (DY_ECONFLICT for a missing record). */
int store_keys_on(db_t *db, struct dy_err *e);

#endif
