/* store_bulk.h: what a bulk load into PostgreSQL (an import, a store
 * copy) sets aside for its transaction and puts back before its commit
 * (migration 27, schema_v27.c): the waiting clocks' triggers, and, into a
 * database with no family yet, the foreign keys and plain indexes of every
 * empty table; and on both stores the triggers of the report tallies and
 * the outcome rows (migrations 28 and 29, store_tally.h), whose tables the
 * end makes again in one pass. SQLite keeps its clock triggers (cheap
 * in-process) and a bulk write's foreign keys are already off there
 * (db_bulk's DB_BULK_REFS_CHECKED). */
#ifndef DYAD_STORE_BULK_H
#define DYAD_STORE_BULK_H

#include <stdint.h>

#include "store/db.h"

/* Inside a write transaction: lets the triggers of the report tallies and
 * outcome rows (and, on PostgreSQL, the waiting clocks') stand aside until
 * store_bulk_end. With empty_tables, and the database holding no family,
 * also drops the foreign keys and the indexes that back no key (not unique)
 * of every table that holds no row, remembering them, and sets *aside; each
 * drop locks its tables until the commit, and no read before store_bulk_end
 * may need those indexes to be quick (look-ups by id keep theirs). 0 or a
 * negative code. */
int store_bulk_begin(db_t *db, int empty_tables, int *aside, struct dy_err *e);

/* Puts back what store_bulk_begin set aside: with aside, the indexes
 * built again and the keys added back, each checked against every row in
 * one pass (as pg_restore does), so a row naming a missing record fails
 * here (DY_ECONFLICT); with team_id, every waiting clock of the team's
 * referrals set again from their contacts in one statement (0: the load
 * brought its clock dates); the report tallies and outcome rows of the
 * team (0: of every team) made again from its records; then the triggers
 * keep them all again. 0 or a negative code. */
int store_bulk_end(db_t *db, int aside, int64_t team_id, struct dy_err *e);

#endif
