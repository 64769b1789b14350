/* db_sqlite.c: the SQLite driver behind db.h (URL: a file path, or
 * sqlite:PATH).
 *
 * Reliability rules kept here, not at call sites: no cached statement stays
 * active across a transaction boundary (every begin, commit and rollback
 * resets the ones left mid-result, so a forgotten reset can never hold a
 * read transaction that makes BEGIN IMMEDIATE fail without waiting); a
 * writer that finds the database locked retries with jittered back-off for
 * up to DB_BUSY_WAIT_MS before giving up with DY_EBUSY; commits are
 * synchronous=FULL (power-safe); a database file this driver creates is
 * 0600 whatever the umask (SQLite gives its -wal and -shm files the same
 * mode). */
#include "store/db_driver.h"
#include "store/db_stmt_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <unistd.h>

#include "util/str.h"

#define BULK_CACHE_MB 512
/* The page size of a new database file, in bytes (lite_open). */
#define DB_SQLITE_PAGE_SIZE "16384"

struct lite_stmt {
	struct db_stmt base;
	sqlite3_stmt *st;
	struct lite *db;
	int returning_id; /* written "... RETURNING id": prepared without it */
};

struct lite {
	struct db base;
	sqlite3 *h;
	struct db_stmt_cache cache; /* every statement prepared on this connection */
	enum db_constraint constraint;
	unsigned bulk;
	int busy_ms;             /* the longest a statement waits for a lock */
	struct timespec busy_t0; /* when the current wait began */
	uint64_t jitter;         /* back-off jitter state (xorshift) */
	sqlite3_stmt *tx[4];     /* BEGIN DEFERRED, BEGIN IMMEDIATE, COMMIT, ROLLBACK: prepared once */
	sqlite3_stmt *load;      /* the load under way (db_load_begin): its insert */
	int load_ncols;
	int load_rc;             /* its first failure, reported again at the end */
	char load_table[64];
};

enum { TX_READ, TX_WRITE, TX_COMMIT, TX_ROLLBACK };
static const char *const TX_SQL[4] = {"BEGIN DEFERRED", "BEGIN IMMEDIATE", "COMMIT", "ROLLBACK"};

#define LITE(d) ((struct lite *)(d))
#define STMT(s) ((struct lite_stmt *)(s))

/* The constraint kind from SQLite's extended result code. */
static enum db_constraint constraint_kind(int rc)
{
	switch (rc) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
	case SQLITE_CONSTRAINT_ROWID:
		return DB_CONSTRAINT_UNIQUE;
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return DB_CONSTRAINT_FOREIGN_KEY;
	case SQLITE_CONSTRAINT_NOTNULL:
		return DB_CONSTRAINT_NOT_NULL;
	case SQLITE_CONSTRAINT_CHECK:
		return DB_CONSTRAINT_CHECK;
	default:
		return DB_CONSTRAINT_OTHER;
	}
}

/* SQLite's busy handler: sleeps 1, 2, 4 .. 64 ms (plus up to half again at
 * random, so that waiting writers do not wake in step) and gives up once
 * busy_ms have passed since the first try. */
static int busy_wait(void *ctx, int tries)
{
	struct lite *db = ctx;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (tries == 0)
		db->busy_t0 = now;
	long waited = (long)(now.tv_sec - db->busy_t0.tv_sec) * 1000 + (now.tv_nsec - db->busy_t0.tv_nsec) / 1000000;
	if (waited >= db->busy_ms)
		return 0;
	long ms = 1L << (tries < 6 ? tries : 6);
	db->jitter ^= db->jitter << 13;
	db->jitter ^= db->jitter >> 7;
	db->jitter ^= db->jitter << 17;
	ms += (long)(db->jitter % (uint64_t)(ms / 2 + 1));
	if (ms > db->busy_ms - waited)
		ms = db->busy_ms - waited;
	struct timespec d = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&d, &d) && errno == EINTR)
		;
	return 1;
}

static int busy_code(int rc)
{
	return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

static int store_error(struct lite *db, int rc, struct dy_err *e)
{
	const char *msg = sqlite3_errmsg(db->h);
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		db->constraint = constraint_kind(rc);
		return dy_fail(e, DY_ECONFLICT, NULL, "%s", msg);
	}
	if (busy_code(rc))
		return dy_fail(e, DY_EBUSY, NULL, "the database is busy: another program held it for more than %d s; try again",
		               db->busy_ms / 1000);
	return dy_fail(e, DY_ESTORE, NULL, "database error: %s", msg);
}

static int lite_exec(db_t *d, const char *sql, struct dy_err *e)
{
	char *msg = NULL;
	int rc = sqlite3_exec(LITE(d)->h, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		int code = busy_code(rc) ? store_error(LITE(d), rc, e) : DY_ESTORE;
		if (code == DY_ESTORE)
			dy_fail(e, DY_ESTORE, NULL, "database error: %s", msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		return code;
	}
	return 0;
}

/* The value of PRAGMA name on h (one integer: foreign_keys, page_size),
 * or -1 when it cannot be read. */
static int pragma_int(sqlite3 *h, const char *name)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA %s", name);
	sqlite3_stmt *st = NULL;
	int n = -1;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Runs one of the transaction statements, prepared on first use (a
 * server begins and ends several transactions per request: parsing each
 * again cost more than running it). */
static int tx_run(struct lite *db, int which, struct dy_err *e)
{
	if (!db->tx[which] && sqlite3_prepare_v3(db->h, TX_SQL[which], -1, SQLITE_PREPARE_PERSISTENT, &db->tx[which],
	                                         NULL) != SQLITE_OK)
		return lite_exec(&db->base, TX_SQL[which], e); /* reports SQLite's reason */
	int rc = sqlite3_step(db->tx[which]), code = 0;
	if (rc != SQLITE_DONE)
		code = busy_code(rc) ? store_error(db, rc, e)
		                     : dy_fail(e, DY_ESTORE, NULL, "database error: %s", sqlite3_errmsg(db->h));
	sqlite3_reset(db->tx[which]);
	return code;
}

static void lite_close(db_t *d)
{
	struct lite *db = LITE(d);
	for (int i = 0; i < 4; i++)
		sqlite3_finalize(db->tx[i]);
	sqlite3_finalize(db->load);
	for (int i = 0; i < db->cache.n; i++) {
		struct lite_stmt *s = db->cache.stmt[i];
		sqlite3_finalize(s->st);
		free(s);
	}
	db_stmt_cache_free(&db->cache);
	sqlite3_close(db->h);
	free(db);
}

static int lite_open(const char *path, db_t **out, struct dy_err *e)
{
	struct lite *db = xcalloc(1, sizeof *db);
	db->base.ops = &db_sqlite_ops;
	struct stat st;
	int existed = stat(path, &st) == 0;
	int rc = sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	/* A new file is still empty here: make it private before anything is
	 * written (the -wal and -shm files SQLite makes later copy its mode). */
	if (rc == SQLITE_OK && !existed && strcmp(path, ":memory:") != 0 && chmod(path, 0600) != 0) {
		dy_fail(e, DY_ESTORE, "db", "cannot make the new database file private: %s", strerror(errno));
		sqlite3_close(db->h);
		free(db);
		return DY_ESTORE;
	}
	if (rc != SQLITE_OK) {
		dy_fail(e, DY_ESTORE, "db", "cannot open the database file: %s",
		        db->h ? sqlite3_errmsg(db->h) : "out of memory");
		sqlite3_close(db->h);
		free(db);
		return DY_ESTORE;
	}
	db->busy_ms = DB_BUSY_WAIT_MS;
	const char *env = getenv("DYAD_BUSY_MS");
	if (env && *env && atoi(env) > 0)
		db->busy_ms = atoi(env);
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	db->jitter = ((uint64_t)now.tv_nsec << 20) ^ (uint64_t)now.tv_sec ^ ((uint64_t)(uintptr_t)db << 7) ^ 0x9e3779b97f4a7c15u;
	sqlite3_busy_handler(db->h, busy_wait, db);
	sqlite3_extended_result_codes(db->h, 1);
	/* Plans do not depend on bound values: without this SQLite prepares a
	 * statement again each time a LIKE pattern bound to it changes (every
	 * family list, every search), though dyad's patterns start with a
	 * wildcard and no bound value could give a better plan. */
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_QPSG, 1, (int *)NULL);
	/* A new database is made with 16 KiB pages (SQLite's default is 4):
	 * at 1,000,000 families a report's read of scattered referrals,
	 * contacts and their practitioners takes about 30% less time, in a
	 * quarter as many reads (bench/RESULTS.md, "16 KiB pages"); an
	 * audited read writes about 3x the bytes to the disk. The
	 * setting counts only when the file is made, before the WAL setting
	 * below writes its first page; a database made with 4 KiB pages keeps
	 * them. */
	if ((rc = lite_exec(&db->base,
	                    "PRAGMA page_size=" DB_SQLITE_PAGE_SIZE "; PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"
	                    " PRAGMA synchronous=FULL;",
	                    e))) {
		lite_close(&db->base);
		return rc;
	}
	*out = &db->base;
	return 0;
}

static int lite_exists(const char *path)
{
	struct stat st;
	return strcmp(path, ":memory:") == 0 || stat(path, &st) == 0;
}

static void lite_remove(const char *path)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		char file[4096];
		if ((size_t)snprintf(file, sizeof file, "%s%s", path, suffix[i]) < sizeof file)
			unlink(file);
	}
}

static struct lite_stmt *ready(struct lite_stmt *s)
{
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
	return s;
}

static db_stmt_t *lite_prepare(db_t *d, const char *sql, struct dy_err *e)
{
	struct lite *db = LITE(d);
	struct lite_stmt *s = db_stmt_cache_find(&db->cache, sql);
	if (s)
		return &ready(s)->base;
	s = xcalloc(1, sizeof *s);
	/* SQLite runs RETURNING through a temporary table built for every row
	 * (a third of an insert's cost); the new rowid is free. So an insert
	 * written with RETURNING id is prepared without it and run_id reads the
	 * rowid instead. */
	static const char returning[] = " RETURNING id";
	size_t len = strlen(sql), rl = sizeof returning - 1;
	if (len > rl && strcmp(sql + len - rl, returning) == 0) {
		s->returning_id = 1;
		len -= rl;
	}
	if (sqlite3_prepare_v3(db->h, sql, (int)len, SQLITE_PREPARE_PERSISTENT, &s->st, NULL) != SQLITE_OK) {
		dy_fail(e, DY_EINTERNAL, NULL, "bad SQL: %s", sqlite3_errmsg(db->h));
		free(s);
		return NULL;
	}
	s->base.ops = &db_sqlite_ops;
	s->db = db;
	db_stmt_cache_add(&db->cache, sql, s);
	return &s->base;
}

static void lite_bind_int(db_stmt_t *s, int i, int64_t v) { sqlite3_bind_int64(STMT(s)->st, i, v); }
static void lite_bind_double(db_stmt_t *s, int i, double v) { sqlite3_bind_double(STMT(s)->st, i, v); }
static void lite_bind_null(db_stmt_t *s, int i) { sqlite3_bind_null(STMT(s)->st, i); }

static void lite_bind_text(db_stmt_t *s, int i, const char *v, int len, int copy)
{
	sqlite3_bind_text(STMT(s)->st, i, v, len, copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static int lite_step(db_stmt_t *st, struct dy_err *e)
{
	struct lite_stmt *s = STMT(st);
	int rc = sqlite3_step(s->st);
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE) {
		sqlite3_reset(s->st); /* finished: release its read at once */
		return DB_DONE;
	}
	int code = store_error(s->db, rc, e);
	sqlite3_reset(s->st);
	return code;
}

static int lite_run_id(db_stmt_t *st, int64_t *id, struct dy_err *e)
{
	struct lite_stmt *s = STMT(st);
	if (!s->returning_id)
		return dy_fail(e, DY_EINTERNAL, NULL, "an id was asked of SQL without RETURNING id");
	int rc = lite_step(st, e);
	if (rc < 0)
		return rc;
	if (rc != DB_DONE) {
		sqlite3_reset(s->st);
		return dy_fail(e, DY_EINTERNAL, NULL, "an insert returned rows");
	}
	*id = sqlite3_last_insert_rowid(s->db->h);
	return 0;
}

static void lite_reset(db_stmt_t *s) { sqlite3_reset(STMT(s)->st); }
static int64_t lite_col_int(db_stmt_t *s, int i) { return sqlite3_column_int64(STMT(s)->st, i); }
static double lite_col_double(db_stmt_t *s, int i) { return sqlite3_column_double(STMT(s)->st, i); }
static int lite_col_is_null(db_stmt_t *s, int i) { return sqlite3_column_type(STMT(s)->st, i) == SQLITE_NULL; }
static const char *lite_col_text(db_stmt_t *s, int i) { return (const char *)sqlite3_column_text(STMT(s)->st, i); }

/* Resets every statement still part-way through its rows, so that none
 * holds a read snapshot past a transaction boundary. */
static void reset_all(struct lite *db)
{
	for (sqlite3_stmt *st = sqlite3_next_stmt(db->h, NULL); st; st = sqlite3_next_stmt(db->h, st))
		if (sqlite3_stmt_busy(st))
			sqlite3_reset(st);
}

static int lite_begin(db_t *d, int write, struct dy_err *e)
{
	reset_all(LITE(d));
	return tx_run(LITE(d), write ? TX_WRITE : TX_READ, e);
}

static int lite_commit(db_t *d, struct dy_err *e)
{
	reset_all(LITE(d));
	return tx_run(LITE(d), TX_COMMIT, e);
}

static void lite_rollback(db_t *d)
{
	struct lite *db = LITE(d);
	sqlite3_finalize(db->load); /* a load a failure left open */
	db->load = NULL;
	reset_all(db);
	if (!sqlite3_get_autocommit(db->h)) {
		struct dy_err ignored;
		tx_run(db, TX_ROLLBACK, &ignored);
	}
}

static int lite_in_transaction(db_t *d) { return !sqlite3_get_autocommit(LITE(d)->h); }
static void lite_end_reads(db_t *d) { reset_all(LITE(d)); }

static int lite_bulk(db_t *d, unsigned how, struct dy_err *e)
{
	struct lite *db = LITE(d);
	char sql[96];
	int rc = 0;
	if ((how & DB_BULK_LARGE) != (db->bulk & DB_BULK_LARGE)) {
		/* -2000 (2 MB) is SQLite's default cache. */
		snprintf(sql, sizeof sql, "PRAGMA cache_size=-%d", how & DB_BULK_LARGE ? BULK_CACHE_MB * 1024 : 2000);
		rc = lite_exec(d, sql, e);
	}
	if (!rc && (how & DB_BULK_REFS_CHECKED) != (db->bulk & DB_BULK_REFS_CHECKED)) {
		rc = lite_exec(d, how & DB_BULK_REFS_CHECKED ? "PRAGMA foreign_keys=OFF" : "PRAGMA foreign_keys=ON", e);
		/* The pragma is silently ignored inside a transaction: check it took. */
		if (!rc && pragma_int(db->h, "foreign_keys") != !(how & DB_BULK_REFS_CHECKED))
			rc = dy_fail(e, DY_ESTORE, "db", "foreign-key checking could not be turned %s",
			             how & DB_BULK_REFS_CHECKED ? "off" : "back on");
	}
	if (!rc)
		db->bulk = how;
	return rc;
}

/* A load (db_load_*) on SQLite is its prepared insert run once per row:
 * with the transaction's pages written at commit, that is already as fast
 * as SQLite goes (there is no COPY to speak of). */
static int lite_load_begin(db_t *d, const char *table, const char *const *cols, int ncols, struct dy_err *e)
{
	struct lite *db = LITE(d);
	if (db->load)
		return dy_fail(e, DY_EINTERNAL, table, "a load began before the last one ended");
	char *sql = xmalloc(64 + (size_t)ncols * 72);
	char *o = sql + sprintf(sql, "INSERT INTO \"%s\" (", table);
	for (int i = 0; i < ncols; i++)
		o += sprintf(o, "%s\"%s\"", i ? ", " : "", cols[i]);
	o += sprintf(o, ") VALUES (");
	for (int i = 0; i < ncols; i++)
		o += sprintf(o, i ? ", ?" : "?");
	sprintf(o, ")");
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &db->load, NULL);
	free(sql);
	if (rc != SQLITE_OK) {
		db->load = NULL;
		return dy_fail(e, DY_EINTERNAL, table, "bad SQL: %s", sqlite3_errmsg(db->h));
	}
	db->load_ncols = ncols;
	db->load_rc = 0;
	str_copy(db->load_table, sizeof db->load_table, table);
	return 0;
}

static int lite_load_row(db_t *d, const struct db_value *v, struct dy_err *e)
{
	struct lite *db = LITE(d);
	if (!db->load)
		return dy_fail(e, DY_EINTERNAL, "db", "a row was loaded outside a load");
	if (db->load_rc)
		return db->load_rc;
	for (int i = 0; i < db->load_ncols; i++) {
		if (v[i].kind == DB_VALUE_INT)
			sqlite3_bind_int64(db->load, i + 1, v[i].i);
		else if (v[i].kind == DB_VALUE_REAL)
			sqlite3_bind_double(db->load, i + 1, v[i].d);
		else if (v[i].kind == DB_VALUE_TEXT)
			sqlite3_bind_text(db->load, i + 1, v[i].text, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(db->load, i + 1);
	}
	int rc = sqlite3_step(db->load);
	sqlite3_reset(db->load);
	if (rc == SQLITE_DONE)
		return 0;
	/* SQLite's messages name the constraint and column, never a value. */
	db->load_rc = store_error(db, rc, e);
	return db->load_rc;
}

static int lite_load_end(db_t *d, struct dy_err *e)
{
	struct lite *db = LITE(d);
	(void)e; /* a failure was reported by the row that broke it */
	sqlite3_finalize(db->load);
	db->load = NULL;
	return db->load_rc;
}

static int lite_dialect(const db_t *d)
{
	(void)d;
	return DB_DIALECT_SQLITE;
}

static int lite_safety(db_t *d, enum db_safety how, struct dy_err *e)
{
	if (lite_in_transaction(d))
		return dy_fail(e, DY_ESTORE, "db", "commit safety cannot change inside a transaction");
	return lite_exec(d, how == DB_SAFE_CRASH ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=FULL", e);
}

static int lite_checkpoint(db_t *d, int *complete, struct dy_err *e)
{
	int nlog = 0, nckpt = 0;
	int rc = sqlite3_wal_checkpoint_v2(LITE(d)->h, NULL, SQLITE_CHECKPOINT_PASSIVE, &nlog, &nckpt);
	if (rc == SQLITE_BUSY) { /* another connection is checkpointing */
		*complete = 0;
		return 0;
	}
	if (rc != SQLITE_OK)
		return dy_fail(e, DY_ESTORE, "db", "checkpoint failed: %s", sqlite3_errmsg(LITE(d)->h));
	*complete = nckpt >= nlog;
	return 0;
}

static int lite_changes(db_t *d) { return sqlite3_changes(LITE(d)->h); }
static enum db_constraint lite_constraint(db_t *d) { return LITE(d)->constraint; }

const struct db_ops db_sqlite_ops = {
	.name = "sqlite",
	.dialect = lite_dialect,
	.open = lite_open,
	.exists = lite_exists,
	.remove = lite_remove,
	.close = lite_close,
	.exec = lite_exec,
	.prepare = lite_prepare,
	.begin = lite_begin,
	.commit = lite_commit,
	.rollback = lite_rollback,
	.in_transaction = lite_in_transaction,
	.end_reads = lite_end_reads,
	.bulk = lite_bulk,
	.safety = lite_safety,
	.checkpoint = lite_checkpoint,
	.changes = lite_changes,
	.load_begin = lite_load_begin,
	.load_row = lite_load_row,
	.load_end = lite_load_end,
	.constraint = lite_constraint,
	.bind_int = lite_bind_int,
	.bind_double = lite_bind_double,
	.bind_null = lite_bind_null,
	.bind_text = lite_bind_text,
	.step = lite_step,
	.run_id = lite_run_id,
	.reset = lite_reset,
	.col_int = lite_col_int,
	.col_double = lite_col_double,
	.col_text = lite_col_text,
	.col_is_null = lite_col_is_null,
};

/* The tables of h and their rows, into r (at most DB_BACKUP_TABLES). */
static int count_rows(sqlite3 *h, struct db_backup_report *r)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(h, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
	                          " ORDER BY name", -1, &st, NULL) != SQLITE_OK)
		return -1;
	r->ntables = 0;
	r->rows = 0;
	int rc = 0;
	while (sqlite3_step(st) == SQLITE_ROW && r->ntables < DB_BACKUP_TABLES) {
		if (strcmp((const char *)sqlite3_column_text(st, 0), "schema_migration") == 0)
			continue; /* the schema's version, not a record */
		/* the names come from the schema, quoted with %w */
		char *sql = sqlite3_mprintf("SELECT count(*) FROM \"%w\"", (const char *)sqlite3_column_text(st, 0));
		sqlite3_stmt *c;
		if (!sql || sqlite3_prepare_v2(h, sql, -1, &c, NULL) != SQLITE_OK) {
			sqlite3_free(sql);
			rc = -1;
			break;
		}
		sqlite3_free(sql);
		struct db_table_rows *t = &r->tables[r->ntables++];
		str_copy(t->table, sizeof t->table, (const char *)sqlite3_column_text(st, 0));
		t->rows = sqlite3_step(c) == SQLITE_ROW ? sqlite3_column_int64(c, 0) : -1;
		sqlite3_finalize(c);
		if (t->rows < 0)
			rc = -1;
		else
			r->rows += t->rows;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Opens path read-only and runs SQLite's full integrity check. */
static int verify_copy(const char *path, struct db_backup_report *r, struct dy_err *e)
{
	sqlite3 *h = NULL;
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(h);
		return dy_fail(e, DY_ESTORE, "file", "the copy cannot be opened");
	}
	sqlite3_stmt *st = NULL;
	int ok = sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK &&
	         sqlite3_step(st) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
	sqlite3_finalize(st);
	struct db_backup_report got = {0};
	if (ok && count_rows(h, &got))
		ok = 0;
	sqlite3_close(h);
	if (!ok)
		return dy_fail(e, DY_ESTORE, "file", "the copy fails SQLite's integrity check");
	if (got.ntables != r->ntables || got.rows != r->rows)
		return dy_fail(e, DY_ESTORE, "file", "the copy's row counts differ from the database's");
	for (int i = 0; i < got.ntables; i++)
		if (strcmp(got.tables[i].table, r->tables[i].table) || got.tables[i].rows != r->tables[i].rows)
			return dy_fail(e, DY_ESTORE, "file", "the copy's %s rows differ from the database's", got.tables[i].table);
	r->verified = 1;
	return 0;
}

/* Copies every page of from into to (SQLite's online backup API). */
static int copy_pages(sqlite3 *to, sqlite3 *from)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	if (!b)
		return -1;
	int rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? 0 : -1;
}

int db_backup(db_t *db, const char *path, struct db_backup_report *r, struct dy_err *e)
{
	memset(r, 0, sizeof *r);
	if (db->ops != &db_sqlite_ops)
		return dy_fail(e, DY_EUSAGE, "db", "dyad backup copies SQLite databases; for PostgreSQL use pg_dump"
		                                   " (docs/operations.md)");
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return dy_fail(e, errno == EEXIST ? DY_ECONFLICT : DY_EINVAL, "file",
		               errno == EEXIST ? "already exists: give a new file name for the backup"
		                               : "cannot be created: %s", strerror(errno));
	close(fd);
	/* One read snapshot: the rows counted are the pages copied, while
	 * other connections go on writing. */
	int rc = db_begin_read(db, e);
	if (!rc && count_rows(LITE(db)->h, r))
		rc = dy_fail(e, DY_ESTORE, NULL, "cannot count the database's rows");
	sqlite3 *to = NULL;
	if (!rc && (sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK || copy_pages(to, LITE(db)->h)))
		rc = dy_fail(e, DY_ESTORE, "file", "the copy failed: %s", to ? sqlite3_errmsg(to) : "cannot open it");
	if (to && !rc)
		sqlite3_exec(to, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL); /* one self-contained file */
	sqlite3_close(to);
	db_rollback(db);
	if (!rc)
		rc = verify_copy(path, r, e);
	if (rc)
		unlink(path);
	return rc;
}

int db_restore(const char *from, const char *url, int force, struct db_backup_report *r, struct dy_err *e)
{
	memset(r, 0, sizeof *r);
	struct stat st;
	if (lstat(from, &st) || !S_ISREG(st.st_mode))
		return dy_fail(e, DY_ENOTFOUND, "file", "is not a backup file (a plain file made by `dyad backup`)");
	/* The backup must pass the check before anything is overwritten. */
	sqlite3 *src = NULL;
	struct db_backup_report want = {0};
	if (sqlite3_open_v2(from, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK || count_rows(src, &want) ||
	    want.ntables == 0) {
		sqlite3_close(src);
		return dy_fail(e, DY_EINVAL, "file", "is not a dyad database");
	}
	sqlite3_close(src);
	src = NULL;
	if (verify_copy(from, &want, e))
		return DY_EINVAL;
	db_t *db;
	int rc = db_open(url, &db, e);
	if (rc)
		return rc;
	if (db->ops != &db_sqlite_ops) {
		db_close(db);
		return dy_fail(e, DY_EUSAGE, "db", "dyad restore writes SQLite databases; for PostgreSQL use pg_restore"
		                                   " (docs/operations.md)");
	}
	sqlite3 *h = LITE(db)->h;
	if (!force) {
		struct db_backup_report cur = {0};
		if (count_rows(h, &cur) || cur.rows > 0) {
			db_close(db);
			return dy_fail(e, DY_ECONFLICT, "db", "holds records: restoring would replace them all; add --force"
			                                      " if that is what you want");
		}
	}
	if (sqlite3_open_v2(from, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		rc = dy_fail(e, DY_ESTORE, "db", "the restore failed: cannot open the backup");
	/* A backup whose page size differs (one made with 4 KiB pages, restored
	 * into a new file, made with 16 KiB) is copied out of WAL mode, so that
	 * the database takes its page size: SQLite refuses to change the page
	 * size of a database in WAL mode. Leaving WAL mode needs the database
	 * to itself. */
	if (!rc && pragma_int(src, "page_size") != pragma_int(h, "page_size") && sqlite3_exec(h, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL))
		rc = dy_fail(e, DY_EBUSY, "db", "the backup's page size differs, and changing it needs the database to"
		                                "itself: stop the server and restore again");
	if (!rc && copy_pages(h, src))
		rc = dy_fail(e, DY_ESTORE, "db", "the restore failed: %s", sqlite3_errmsg(h));
	sqlite3_close(src);
	if (!rc && db_exec(db, "PRAGMA journal_mode=WAL", e))
		rc = DY_ESTORE;
	if (!rc && count_rows(LITE(db)->h, r))
		rc = dy_fail(e, DY_ESTORE, "db", "cannot count the restored rows");
	if (!rc && (r->rows != want.rows || r->ntables != want.ntables))
		rc = dy_fail(e, DY_ESTORE, "db", "the restored row counts differ from the backup's");
	r->verified = !rc;
	db_close(db);
	return rc;
}
