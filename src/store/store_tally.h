/* store_tally.h: the report tallies of migration 28 (schema_v28.c):
 * contacts by day and code, and referrals received, decided, opened and
 * closed by day; and the outcome rows of migration 29 (schema_v29.c,
 * report_measure): the measures and scores of each discharged referral by
 * discharge date. Triggers keep them as the records change. A bulk load
 * (store_bulk.h) and the demo set the triggers aside and make the tables
 * again once. */
#ifndef DYAD_STORE_TALLY_H
#define DYAD_STORE_TALLY_H

#include <stdint.h>

#include "store/db.h"

/* Inside a write transaction: sets the tallies' triggers aside until
 * store_tally_end (SQLite: drops them, a change the transaction's
 * rollback undoes; PostgreSQL: the transaction's setting dyad.tallies
 * 'later'). 0 or a negative code. */
int store_tally_aside(db_t *db, struct dy_err *e);

/* Ends what store_tally_aside began: makes the team's tallies again from
 * its records (store_tally_recompute) and puts the triggers back (SQLite:
 * makes them again; PostgreSQL: the setting 'now'). 0 or a negative code. */
int store_tally_end(db_t *db, int64_t team, struct dy_err *e);

/* Makes the team's tallies again from its records (team 0: every team's),
 * in one pass per table; the triggers should be aside. 0 or a
 * negative code. */
int store_tally_recompute(db_t *db, int64_t team, struct dy_err *e);

/* Migration 28's step: fills the tallies from the records already in the
 * database and makes their triggers. 0 or a negative code. */
int store_tally_fill(db_t *db, struct dy_err *e);

/* Migration 29's step: fills report_measure from the records already in
 * the database and makes its triggers. 0 or a negative code. */
int store_tally_fill_outcomes(db_t *db, struct dy_err *e);

#endif
