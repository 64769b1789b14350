/* store_bulk.h: what a bulk load into PostgreSQL (an import, a store
 * copy) sets aside for its transaction and puts back before its commit
 * (migration 27, schema_v27.c): the waiting clocks' triggers, and, into a
 * database with no family yet, the foreign keys and plain indexes of every
 * empty table. On SQLite each does nothing: its triggers cost a load little
 * and a bulk write's foreign keys are already off (db_bulk's
 * DB_BULK_REFS_CHECKED). */
#ifndef DYAD_STORE_BULK_H
#define DYAD_STORE_BULK_H

#include <stdint.h>

#include "store/db.h"

/* Inside a write transaction: lets the waiting clocks' triggers stand
 * aside until store_bulk_end. With empty_tables, and the database holding
 * no family, also drops the foreign keys and the indexes that back no key
 * (not unique) of every table that holds no row, remembering them, and
 * sets *aside; each drop locks its tables until the commit, and no read
 * before store_bulk_end may need those indexes to be quick (look-ups by
 * id keep theirs). 0 or a negative code. */
int store_bulk_begin(db_t *db, int empty_tables, int *aside, struct dy_err *e);

/* Puts back what store_bulk_begin set aside: with aside, the indexes
 * built again and the keys added back, each checked against every row in
 * one pass (as pg_restore does), so a row naming a missing record fails
 * here (DY_ECONFLICT); with team_id, every waiting clock of the team's
 * referrals set again from their contacts in one statement (0: the load
 * brought its clock dates); then the triggers keep the clocks again.
 * 0 or a negative code. */
int store_bulk_end(db_t *db, int aside, int64_t team_id, struct dy_err *e);

#endif
