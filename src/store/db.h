/* db.h: the one database interface under every store function.
 *
 * A connection is opened by URL and served by the driver that URL names
 * (db_driver.h: a table of operations, as SQLite's sqlite3_io_methods or
 * curl's Curl_ssl). Drivers in this build:
 *
 *   PATH or sqlite:PATH          SQLite file (db_sqlite.c)
 *   trace:[OPTION:]...URL        the tracing, fault-injecting wrapper around
 *                                any other URL (db_trace.c), for tests:
 *                                log=FILE appends one line per operation
 *                                (SQL text only: values are bound, never
 *                                logged); fail=OP@N makes the Nth OP fail
 *                                (OP: begin, commit, exec, prepare)
 *   postgresql://... postgres://...
 *                                a PostgreSQL database (db_pg.c), in
 *                                libpq's URI form; its schema comes from
 *                                schema_pg.c (docs/postgresql.md)
 *
 * SQL is written once, portable between SQLite and PostgreSQL, with a `?`
 * for each bound value; each driver turns it into its own form. Values are
 * always bound, never spliced into SQL. What differs between databases is
 * asked for as an intention the driver fulfils (db_run_id for a new row's
 * id, db_bulk for one large write, db_load_* for many rows into one table),
 * never as a dialect's pragma.
 *
 * Statements are prepared once per connection and cached by their SQL text.
 * No statement outlives its use: the driver resets a statement when it
 * reaches its last row, and every statement of the connection at each
 * transaction boundary (begin, commit, rollback), so a half-read SELECT never
 * holds an old snapshot that would make the next writer fail instead of
 * wait. Dates travel as ISO `YYYY-MM-DD` text. A failed step maps constraint
 * violations (from the database's own error codes) to DY_ECONFLICT and
 * everything else to DY_ESTORE; messages name the table or constraint, never
 * a value. */
#ifndef DYAD_STORE_DB_H
#define DYAD_STORE_DB_H

#include <stdint.h>

#include "util/err.h"

typedef struct db db_t;          /* a connection (opaque) */
typedef struct db_stmt db_stmt_t; /* a prepared statement (opaque, owned by db_t) */

enum { DB_DONE = 0, DB_ROW = 1 };

/* The kind of constraint a DY_ECONFLICT broke, from the driver's codes. */
enum db_constraint {
	DB_CONSTRAINT_NONE = 0,
	DB_CONSTRAINT_UNIQUE,      /* a unique key or primary key */
	DB_CONSTRAINT_FOREIGN_KEY, /* a reference to a row that does not exist */
	DB_CONSTRAINT_NOT_NULL,
	DB_CONSTRAINT_CHECK,
	DB_CONSTRAINT_OTHER
};

/* How long, at most, a statement waits for another connection's lock
 * before failing with DY_EBUSY (retrying with back-off meanwhile);
 * $DYAD_BUSY_MS overrides it (tests). */
#define DB_BUSY_WAIT_MS 30000

/* Opens (creating if needed) the database named by url (see above). A URL
 * no driver serves is refused with DY_EUSAGE. SQLite opens with WAL,
 * foreign keys on, synchronous=FULL (an acknowledged commit survives power
 * loss) and the busy wait above; a file it creates is mode 0600. */
int db_open(const char *url, db_t **out, struct dy_err *e);

/* 1 when url names a database that is there (a server's: one that answers
 * and holds a dyad schema; one that cannot be reached says 1 and lets
 * db_open report why), else 0. */
int db_url_exists(const char *url);

/* url as a message or log may show it, into out (n bytes, cut short if
 * need be): a password, given as user:PASSWORD@ or password=VALUE, shown
 * as ***. */
void db_url_shown(const char *url, char *out, size_t n);

/* Deletes the database url names, with any companion files (for a database
 * a failed first command created); a driver without files does nothing. */
void db_url_remove(const char *url);

/* The SQL the database behind db speaks, whatever wraps it: which text of
 * a migration to run (schema.h), the few statements written per dialect. */
enum db_dialect { DB_DIALECT_SQLITE = 0, DB_DIALECT_PG = 1 };
enum db_dialect db_dialect(const db_t *db);

/* Finalises cached statements and closes; NULL is ignored. */
void db_close(db_t *db);

/* The name of the driver serving db ("sqlite", "postgresql", "trace"). */
const char *db_driver_name(const db_t *db);

/* Runs SQL without parameters (schema changes); may hold several
 * statements. */
int db_exec(db_t *db, const char *sql, struct dy_err *e);

/* A cached prepared statement for sql (reset and with bindings cleared), or
 * NULL with e filled. The statement belongs to db; do not free it. sql
 * should be a string literal (its address is the cache key). Preparing the
 * same SQL again resets it: a function must not prepare the statement it is
 * still stepping through. */
db_stmt_t *db_prepare(db_t *db, const char *sql, struct dy_err *e);

/* The listing shape "one record's rows, or everyone's": prepares sql_one
 * and binds id as its parameter 1 when id > 0, else prepares sql_all. */
db_stmt_t *db_prepare_scoped(db_t *db, const char *sql_one, const char *sql_all, int64_t id, struct dy_err *e);

/* Bind parameter i (1-based). Text NULL or "" binds SQL NULL for the _opt
 * forms; dates DATE_NONE bind NULL; ids 0 bind NULL for db_bind_id. */
void db_bind_int(db_stmt_t *s, int i, int64_t v);
void db_bind_id(db_stmt_t *s, int i, int64_t v);
void db_bind_text(db_stmt_t *s, int i, const char *v);
void db_bind_text_opt(db_stmt_t *s, int i, const char *v);
/* As db_bind_text / _opt without copying: v must stay unchanged until the
 * statement has been stepped (use for struct fields bound and run at once). */
void db_bind_text_ref(db_stmt_t *s, int i, const char *v);
void db_bind_text_ref_opt(db_stmt_t *s, int i, const char *v);
void db_bind_date(db_stmt_t *s, int i, int32_t days);
void db_bind_double(db_stmt_t *s, int i, double v);
void db_bind_null(db_stmt_t *s, int i);

/* Steps: DB_ROW with a row to read, DB_DONE when finished (the statement
 * is then reset), or a negative DY_E* code with e filled (DY_ECONFLICT for
 * a constraint). */
int db_step(db_stmt_t *s, struct dy_err *e);

/* Steps a statement that returns no rows; 0 or a negative code. In a bulk
 * write (db_bulk) a driver may send it without waiting for the answer and
 * report its failure at a later call, at the latest at db_commit. */
int db_run(db_stmt_t *s, struct dy_err *e);

/* Runs an insert written `INSERT ... RETURNING id` (those exact last
 * words) and sets *id to the new row's id; 0 or a negative code. The
 * driver fulfils it its own way (PostgreSQL: the RETURNING row; SQLite:
 * the rowid, RETURNING left out as it costs a temporary table per row).
 * When the caller gives the id itself, db_run runs the same statement
 * without waiting for it in a bulk write. */
int db_run_id(db_stmt_t *s, int64_t *id, struct dy_err *e);

/* Runs an insert written `INSERT ... RETURNING id` whose id the caller may
 * give: when *id > 0 (the id bound) it runs as db_run, so a bulk write
 * sends it without waiting for its answer; else as db_run_id, setting *id.
 * 0 or a negative code. */
int db_run_insert(db_stmt_t *s, int64_t *id, struct dy_err *e);

/* Prepares sql (its one parameter is the id), binds id and steps to the
 * row: 0 with *s on it, DY_ENOTFOUND for field `what` ("<what> <id> does
 * not exist") when there is none, or a negative store code. */
int db_get_row(db_t *db, const char *sql, int64_t id, const char *what, db_stmt_t **s, struct dy_err *e);

/* Runs sql (it takes no parameters), a query of at most one row: when it answers
 * a row calls read(ctx, s) to take its columns and sets *found to 1, else
 * *found is 0; 0 or a negative store code. */
int db_query_row(db_t *db, const char *sql, void (*read)(void *ctx, db_stmt_t *s), void *ctx, int *found,
                 struct dy_err *e);

/* Runs sql (it takes no parameters), a query of one integer: *out is its value,
 * 0 when it is NULL or there is no row; 0 or a negative store code. */
int db_query_int(db_t *db, const char *sql, int64_t *out, struct dy_err *e);

/* The same for sql taking one parameter, the id (a count of a record's
 * rows, say). */
int db_query_int_id(db_t *db, const char *sql, int64_t id, int64_t *out, struct dy_err *e);

/* Runs s, a change to the one record `what` number id: 0, DY_ENOTFOUND when
 * no row changed, or a negative store code. */
int db_run_one(db_t *db, db_stmt_t *s, const char *what, int64_t id, struct dy_err *e);

/* Column i (0-based) of the current row. Text is "" for NULL and valid until
 * the next step; ints 0 for NULL; dates DATE_NONE for NULL. */
int64_t db_col_int(db_stmt_t *s, int i);
double db_col_double(db_stmt_t *s, int i);
const char *db_col_text(db_stmt_t *s, int i);
int32_t db_col_date(db_stmt_t *s, int i);
int db_col_is_null(db_stmt_t *s, int i);

/* Copies column i's text into out (size n), truncating. */
void db_col_copy(db_stmt_t *s, int i, char *out, unsigned n);

/* Transactions; db_begin takes the write lock at once (IMMEDIATE), waiting
 * for it as DB_BUSY_WAIT_MS says, else DY_EBUSY; db_begin_read starts a
 * read-only snapshot (end it with db_rollback). Each of these first resets
 * every statement left part-way through its rows, so no statement outlives
 * the transaction it was used in. */
int db_begin(db_t *db, struct dy_err *e);
int db_begin_read(db_t *db, struct dy_err *e);
int db_commit(db_t *db, struct dy_err *e);
void db_rollback(db_t *db);

/* Outside a transaction, resets every statement left part-way through its
 * rows, so the connection holds no read snapshot and what runs next sees
 * every commit so far (a long-lived connection calls it between requests);
 * inside a transaction it does nothing. */
void db_end_reads(db_t *db);

/* 1 inside a transaction (begun and not yet committed or rolled back). */
int db_in_transaction(db_t *db);

/* Intentions for one large write (an import, a demo), or'd together. */
enum {
	DB_BULK_END = 0,          /* the large write is over: every check back on */
	DB_BULK_LARGE = 1,        /* many rows follow in one transaction */
	DB_BULK_REFS_CHECKED = 2, /* the caller checks every reference itself */
	DB_BULK_LATE_ANSWERS = 4, /* with LARGE: the caller needs no write's answer before its next write (no
	                             RETURNING id it uses, no conflict it branches on), so a failed write may be
	                             reported several statements later, at the latest by db_commit */
	DB_BULK_ANY_ORDER = 8     /* with LATE_ANSWERS: plain inserts ("INSERT INTO t (cols) VALUES (?, ...)",
	                             nothing after but RETURNING id) into different tables may reach the database
	                             in another order among themselves (each table's rows in their own order, and
	                             every one before the next read or other write), so references are checked
	                             at commit */
};

/* Declares what the next writes are (DB_BULK_* or'd; DB_BULK_END when they
 * are over); only outside a transaction. The driver does what makes such a
 * write fast for it (SQLite: a large page cache so pages are written once
 * at commit; with REFS_CHECKED, foreign keys not checked per row;
 * PostgreSQL: with LATE_ANSWERS, up to 512 db_run writes sent before their
 * answers are read, so a failure names a later statement than its own and
 * the caller who needs the exact one runs the write again without it;
 * with ANY_ORDER, plain inserts gathered by table and sent by COPY, and
 * foreign keys checked at commit). Ending
 * restores every check and fails, loudly, if it cannot: the connection must
 * then not be used again. */
int db_bulk(db_t *db, unsigned how, struct dy_err *e);

/* Loading many rows into one table at once (a store copy, an import's
 * files), without a statement per row. One value of a loaded row: */
enum db_value_kind { DB_VALUE_NULL = 0, DB_VALUE_INT, DB_VALUE_REAL, DB_VALUE_TEXT };
struct db_value {
	enum db_value_kind kind;
	int64_t i;        /* DB_VALUE_INT */
	double d;         /* DB_VALUE_REAL */
	const char *text; /* DB_VALUE_TEXT: NUL-terminated UTF-8; "" is empty text, not NULL */
};

/* Starts loading rows into table's columns cols[0..ncols) (names of
 * letters, digits and _ only), inside db's write transaction; until
 * db_load_end nothing else may be asked of db. The driver does it its own
 * way (PostgreSQL: COPY FROM STDIN in text format, one round trip for the
 * lot; SQLite: one prepared insert run per row). 0 or a negative code. */
int db_load_begin(db_t *db, const char *table, const char *const *cols, int ncols, struct dy_err *e);

/* Adds one row, v[0..ncols) in the columns' order. A row the table refuses
 * may be reported here or only at db_load_end. 0 or a negative code. */
int db_load_row(db_t *db, const struct db_value *v, struct dy_err *e);

/* Ends the load begun by db_load_begin: 0 when every row went in, else a
 * negative code (DY_ECONFLICT for a broken constraint, naming the table
 * only, never a value), after which the transaction must be rolled back. */
int db_load_end(db_t *db, struct dy_err *e);

/* How far a commit on this connection has gone when db_commit returns. */
enum db_safety {
	DB_SAFE_POWER = 0, /* the default: on disk; it survives a power cut */
	DB_SAFE_CRASH = 1  /* handed to the operating system: it survives the
	                      process dying at any point, but a power cut or an
	                      operating-system crash may lose the commits made
	                      since the last complete db_checkpoint */
};

/* Sets how safe this connection's commits are (outside a transaction).
 * SQLite: synchronous FULL or NORMAL; a driver whose commits are always
 * power-safe ignores it. */
int db_commit_safety(db_t *db, enum db_safety how, struct dy_err *e);

/* Makes every commit so far power-safe and folds the log into the main
 * file as far as other connections' readers allow, without waiting for
 * them (SQLite: a passive WAL checkpoint, which syncs the log first). Sets
 * *complete to 1 when everything was folded in (so all commits so far are
 * on disk), 0 when readers held part of the log back (try again later). A
 * driver whose commits are always power-safe sets 1 and does nothing. */
int db_checkpoint(db_t *db, int *complete, struct dy_err *e);

/* Rows changed by the last statement. */
int db_changes(db_t *db);

/* The kind of constraint the last DY_ECONFLICT on db broke. */
enum db_constraint db_constraint(db_t *db);

/* What a backup holds: each table's rows, and whether the copy passed
 * SQLite's integrity check and matched the source's row counts. */
#define DB_BACKUP_TABLES 64
struct db_table_rows {
	char table[64];
	int64_t rows;
};
struct db_backup_report {
	int ntables;
	struct db_table_rows tables[DB_BACKUP_TABLES];
	int64_t rows;
	int verified;
};

/* A consistent online copy of the database into the new file path (mode
 * 0600; an existing path is refused, DY_ECONFLICT), taken from one read
 * snapshot while other connections keep writing, then opened read-only and
 * verified: integrity_check and every table's rows equal to the snapshot's.
 * A copy that fails is removed. SQLite only: for PostgreSQL use pg_dump
 * (docs/operations.md). */
int db_backup(db_t *db, const char *path, struct db_backup_report *r, struct dy_err *e);

/* Replaces the database at url with the backup file from, after checking
 * the backup (integrity and row counts). A database at url that holds any
 * row is refused (DY_ECONFLICT) unless force. Fills r with what it holds. */
int db_restore(const char *from, const char *url, int force, struct db_backup_report *r, struct dy_err *e);

#endif
