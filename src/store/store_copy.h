/* store_copy.h: copying a whole team's database into another database
 * (`dyad migrate-store`: SQLite into PostgreSQL, or back), verified.
 *
 * The tables are the source database's own (its catalogue: sqlite_master or
 * pg_class), never a list kept by hand; both databases must hold the same
 * tables with the same columns of the same kinds, at the same schema
 * version. Every table is copied in primary-key order, parents before the
 * tables that refer to them, in one load per table (db_load_*: COPY on
 * PostgreSQL) whose values keep the column's kind (integer, real, text),
 * inside the target's one open write transaction. Each table is then read back from the target:
 * its row count and a BLAKE2b checksum of a canonical text of its rows in
 * primary-key order must equal the source's, else the copy is refused naming
 * the table. Tables that belong to one database rather than to the team are
 * not copied (store_copy_is_local: the migrations applied, sign-in sessions
 * and failed sign-ins), nor the report tallies and outcome rows, which the
 * target makes again from the copied records (store_bulk_end). */
#ifndef DYAD_STORE_STORE_COPY_H
#define DYAD_STORE_STORE_COPY_H

#include <stdint.h>

#include "store/db.h"
#include "util/arena.h"

#define STORE_COPY_TABLES 96
#define STORE_COPY_SUM_HEX 65 /* a 32-byte BLAKE2b as hex, with its NUL */

/* One copied table: its rows and checksum, equal on both sides. */
struct store_copy_table {
	char name[64];
	int64_t rows;
	char sum[STORE_COPY_SUM_HEX];
};

/* What a copy did: the tables copied (in the order copied), the tables left
 * out as the database's own, and the team copied (0 / "" when none). */
struct store_copy_report {
	int ntables;
	struct store_copy_table t[STORE_COPY_TABLES];
	int nlocal;
	char local[8][64];
	int64_t rows;
	int64_t team_id;
	char team_code[64];
};

/* 1 when table is one of a database's own tables, a report tally or the
 * outcome rows, which a copy leaves out. */
int store_copy_is_local(const char *table);

/* Copies every team table of from into to, which must be inside a write
 * transaction (db_begin) that the caller commits or rolls back; reads from
 * in one read snapshot of its own. Refuses (DY_ECONFLICT, nothing written)
 * a target that holds the source's team, any family or any row of a team
 * table, and two databases whose schema versions, tables or columns differ;
 * refuses (DY_ESTORE naming the table) any table whose count or checksum
 * read back from to differs from the source's. The generated SQL is kept in
 * keep, which must outlive both connections (free it after closing them).
 * Fills r; 0 or a negative DY_E* code. */
int store_copy(db_t *from, db_t *to, struct arena *keep, struct store_copy_report *r, struct dy_err *e);

#endif
