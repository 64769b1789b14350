/* db_driver.h: what a database driver provides to db.c (store/ only).
 *
 * A driver is one file with one `const struct db_ops` table, plus its
 * migrations' dialect if it needs one. db.c picks the driver from the URL's
 * prefix and calls through the table; every connection and statement a
 * driver hands out starts with the table's address (struct db / struct
 * db_stmt below as the first member of the driver's own structs), so a call
 * reaches the driver that made the object. A wrapper driver (db_trace.c)
 * may hand out the statements of the driver it wraps.
 *
 * Migrations: schema.c's schema_migrations is one ordered list; each entry
 * holds its SQLite text and its PostgreSQL text (schema_pg.c). A new
 * migration needs both (tests/store/test_schema_pg.c checks it, and under
 * make test-pg that both stores end with the same tables and columns;
 * docs/postgresql.md "Adding a migration"). */
#ifndef DYAD_STORE_DB_DRIVER_H
#define DYAD_STORE_DB_DRIVER_H

#include "store/db.h"

struct db_ops;

/* The head of every driver's connection and statement. */
struct db {
	const struct db_ops *ops;
};
struct db_stmt {
	const struct db_ops *ops;
};

struct db_ops {
	const char *name;
	/* The SQL dialect of the database behind db (a wrapper asks the one it
	 * wraps): DB_DIALECT_*. */
	int (*dialect)(const db_t *db);
	/* Opens target (the URL without this driver's prefix). */
	int (*open)(const char *target, db_t **out, struct dy_err *e);
	int (*exists)(const char *target);  /* db_url_exists */
	void (*remove)(const char *target); /* db_url_remove */
	void (*close)(db_t *db);
	int (*exec)(db_t *db, const char *sql, struct dy_err *e);
	db_stmt_t *(*prepare)(db_t *db, const char *sql, struct dy_err *e);
	/* write = 1: take the write lock now; 0: a read snapshot. */
	int (*begin)(db_t *db, int write, struct dy_err *e);
	int (*commit)(db_t *db, struct dy_err *e);
	void (*rollback)(db_t *db);
	int (*in_transaction)(db_t *db);
	void (*end_reads)(db_t *db); /* db_end_reads; NULL: nothing to do */
	int (*bulk)(db_t *db, unsigned how, struct dy_err *e);
	/* db_commit_safety and db_checkpoint; NULL for a driver whose every
	 * commit is power-safe. */
	int (*safety)(db_t *db, enum db_safety how, struct dy_err *e);
	int (*checkpoint)(db_t *db, int *complete, struct dy_err *e);
	/* db_load_begin, db_load_row, db_load_end (db.c has checked the
	 * names); one load at a time per connection. */
	int (*load_begin)(db_t *db, const char *table, const char *const *cols, int ncols, struct dy_err *e);
	int (*load_row)(db_t *db, const struct db_value *v, struct dy_err *e);
	int (*load_end)(db_t *db, struct dy_err *e);
	int (*changes)(db_t *db);
	enum db_constraint (*constraint)(db_t *db);

	/* Statements. copy = 0 binds text without copying it. */
	void (*bind_int)(db_stmt_t *s, int i, int64_t v);
	void (*bind_double)(db_stmt_t *s, int i, double v);
	void (*bind_null)(db_stmt_t *s, int i);
	void (*bind_text)(db_stmt_t *s, int i, const char *v, int len, int copy);
	int (*step)(db_stmt_t *s, struct dy_err *e);
	/* db_run, where a driver does better than step and reset (NULL: those);
	 * a failure may be reported by a later call instead (PostgreSQL's
	 * pipelined bulk writes), at the latest by commit. */
	int (*run)(db_stmt_t *s, struct dy_err *e);
	/* Runs an INSERT written with a trailing " RETURNING id"; sets *id. */
	int (*run_id)(db_stmt_t *s, int64_t *id, struct dy_err *e);
	void (*reset)(db_stmt_t *s);
	int64_t (*col_int)(db_stmt_t *s, int i);
	double (*col_double)(db_stmt_t *s, int i);
	const char *(*col_text)(db_stmt_t *s, int i); /* NULL for SQL NULL */
	int (*col_is_null)(db_stmt_t *s, int i);
};

extern const struct db_ops db_sqlite_ops;
extern const struct db_ops db_trace_ops;
extern const struct db_ops db_pg_ops;

#endif
