/* db_sqlite.c: the SQLite driver behind db.h.
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
#include "store/db.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "util/date.h"
#include "util/str.h"

#define HINTS 256 /* direct-mapped lookup from a SQL string's address */

struct db_stmt {
	sqlite3_stmt *st;
	const char *sql; /* the caller's string (static storage) */
	struct db *db;
};

struct db {
	sqlite3 *h;
	struct db_stmt **cache; /* every statement prepared on this connection */
	int ncache, capcache;
	struct db_stmt *hint[HINTS];
	char conflict[128];
	int busy_ms;            /* the longest a statement waits for a lock */
	struct timespec busy_t0; /* when the current wait began */
	uint64_t jitter;        /* back-off jitter state (xorshift) */
};

/* SQLite's busy handler: sleeps 1, 2, 4 .. 64 ms (plus up to half again at
 * random, so that waiting writers do not wake in step) and gives up once
 * busy_ms have passed since the first try. */
static int busy_wait(void *ctx, int tries)
{
	struct db *db = ctx;
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

static int store_error(struct db *db, int rc, struct dy_err *e)
{
	const char *msg = sqlite3_errmsg(db->h);
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		/* "UNIQUE constraint failed: person.id" -> "person.id" */
		const char *c = strstr(msg, "failed: ");
		str_copy(db->conflict, sizeof db->conflict, c ? c + 8 : msg);
		return dy_fail(e, DY_ECONFLICT, NULL, "%s", msg);
	}
	if (busy_code(rc))
		return dy_fail(e, DY_EBUSY, NULL, "the database is busy: another program held it for more than %d s; try again",
		               db->busy_ms / 1000);
	return dy_fail(e, DY_ESTORE, NULL, "database error: %s", msg);
}

int db_open(const char *url, db_t **out, struct dy_err *e)
{
	*out = NULL;
	if (!url || !*url)
		return dy_fail(e, DY_EUSAGE, "db", "no database given");
	if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0)
		return dy_fail(e, DY_EUSAGE, "db", "PostgreSQL is not available in this build; use a file path");
	struct db *db = xcalloc(1, sizeof *db);
	struct stat st;
	int existed = stat(url, &st) == 0;
	int rc = sqlite3_open_v2(url, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	/* A new file is still empty here: make it private before anything is
	 * written (the -wal and -shm files SQLite makes later copy its mode). */
	if (rc == SQLITE_OK && !existed && strcmp(url, ":memory:") != 0 && chmod(url, 0600) != 0) {
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
	if ((rc = db_exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;", e))) {
		db_close(db);
		return rc;
	}
	*out = db;
	return 0;
}

void db_close(db_t *db)
{
	if (!db)
		return;
	for (int i = 0; i < db->ncache; i++) {
		sqlite3_finalize(db->cache[i]->st);
		free(db->cache[i]);
	}
	free(db->cache);
	sqlite3_close(db->h);
	free(db);
}

int db_exec(db_t *db, const char *sql, struct dy_err *e)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		int code = busy_code(rc) ? store_error(db, rc, e) : DY_ESTORE;
		if (code == DY_ESTORE)
			dy_fail(e, DY_ESTORE, NULL, "database error: %s", msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		return code;
	}
	return 0;
}

static struct db_stmt *ready(struct db_stmt *s)
{
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
	return s;
}

db_stmt_t *db_prepare(db_t *db, const char *sql, struct dy_err *e)
{
	/* Callers pass string literals: the address finds the statement at once;
	 * the text is compared only the first time an address is seen. */
	size_t h = ((uintptr_t)sql >> 3) & (HINTS - 1);
	if (db->hint[h] && db->hint[h]->sql == sql)
		return ready(db->hint[h]);
	for (int i = 0; i < db->ncache; i++) {
		struct db_stmt *s = db->cache[i];
		if (s->sql == sql || strcmp(s->sql, sql) == 0) {
			db->hint[h] = s;
			return ready(s);
		}
	}
	struct db_stmt *s = xcalloc(1, sizeof *s);
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st, NULL) != SQLITE_OK) {
		dy_fail(e, DY_EINTERNAL, NULL, "bad SQL: %s", sqlite3_errmsg(db->h));
		free(s);
		return NULL;
	}
	s->sql = sql;
	s->db = db;
	if (db->ncache == db->capcache) {
		db->capcache = db->capcache ? db->capcache * 2 : 64;
		db->cache = xrealloc(db->cache, (size_t)db->capcache * sizeof *db->cache);
	}
	db->cache[db->ncache++] = s;
	db->hint[h] = s;
	return s;
}

void db_bind_int(db_stmt_t *s, int i, int64_t v) { sqlite3_bind_int64(s->st, i, v); }
void db_bind_double(db_stmt_t *s, int i, double v) { sqlite3_bind_double(s->st, i, v); }
void db_bind_null(db_stmt_t *s, int i) { sqlite3_bind_null(s->st, i); }

void db_bind_id(db_stmt_t *s, int i, int64_t v)
{
	if (v)
		sqlite3_bind_int64(s->st, i, v);
	else
		sqlite3_bind_null(s->st, i);
}

void db_bind_text(db_stmt_t *s, int i, const char *v)
{
	sqlite3_bind_text(s->st, i, v ? v : "", -1, SQLITE_TRANSIENT);
}

void db_bind_text_opt(db_stmt_t *s, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(s->st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s->st, i);
}

void db_bind_text_ref(db_stmt_t *s, int i, const char *v)
{
	sqlite3_bind_text(s->st, i, v ? v : "", -1, SQLITE_STATIC);
}

void db_bind_text_ref_opt(db_stmt_t *s, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(s->st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s->st, i);
}

void db_bind_date(db_stmt_t *s, int i, int32_t days)
{
	if (days == DATE_NONE) {
		sqlite3_bind_null(s->st, i);
		return;
	}
	char iso[DATE_LEN];
	date_format(days, iso);
	sqlite3_bind_text(s->st, i, iso, 10, SQLITE_TRANSIENT);
}

int db_step(db_stmt_t *s, struct dy_err *e)
{
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

int db_run(db_stmt_t *s, struct dy_err *e)
{
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	sqlite3_reset(s->st);
	return 0;
}

int64_t db_col_int(db_stmt_t *s, int i) { return sqlite3_column_int64(s->st, i); }
double db_col_double(db_stmt_t *s, int i) { return sqlite3_column_double(s->st, i); }
int db_col_is_null(db_stmt_t *s, int i) { return sqlite3_column_type(s->st, i) == SQLITE_NULL; }

const char *db_col_text(db_stmt_t *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s->st, i);
	return t ? (const char *)t : "";
}

int32_t db_col_date(db_stmt_t *s, int i)
{
	int32_t d;
	const char *t = (const char *)sqlite3_column_text(s->st, i);
	if (!t || date_parse(t, &d))
		return DATE_NONE;
	return d;
}

void db_col_copy(db_stmt_t *s, int i, char *out, unsigned n)
{
	str_copy(out, n, db_col_text(s, i));
}

/* Resets every statement still part-way through its rows, so that none
 * holds a read snapshot past a transaction boundary. */
static void reset_all(struct db *db)
{
	for (sqlite3_stmt *st = sqlite3_next_stmt(db->h, NULL); st; st = sqlite3_next_stmt(db->h, st))
		if (sqlite3_stmt_busy(st))
			sqlite3_reset(st);
}

int db_begin(db_t *db, struct dy_err *e)
{
	reset_all(db);
	return db_exec(db, "BEGIN IMMEDIATE", e);
}

int db_begin_read(db_t *db, struct dy_err *e)
{
	reset_all(db);
	return db_exec(db, "BEGIN DEFERRED", e);
}

int db_commit(db_t *db, struct dy_err *e)
{
	reset_all(db);
	return db_exec(db, "COMMIT", e);
}

void db_rollback(db_t *db)
{
	reset_all(db);
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

int db_in_transaction(db_t *db)
{
	return !sqlite3_get_autocommit(db->h);
}

int db_bulk_cache(db_t *db, int megabytes, struct dy_err *e)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA cache_size=-%d", megabytes * 1024);
	return db_exec(db, sql, e);
}

int db_foreign_keys(db_t *db, int on, struct dy_err *e)
{
	return db_exec(db, on ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF", e);
}

int64_t db_last_id(db_t *db) { return sqlite3_last_insert_rowid(db->h); }
int db_changes(db_t *db) { return sqlite3_changes(db->h); }
const char *db_conflict(db_t *db) { return db->conflict; }
