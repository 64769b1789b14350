/* db_pg.c: the PostgreSQL driver behind db.h (URL postgresql://... or
 * postgres://..., libpq's own URI syntax: postgresql://user@host/dbname,
 * postgresql:///dbname?host=/socket/dir).
 *
 * What it does so that the same store/ SQL gives the same answers as on
 * SQLite (docs/postgresql.md lists the dialect differences):
 *
 * - `?` parameter markers become `$1..$n` (outside quoted text) once per
 *   statement; every value is sent as text, typed bigint / double precision
 *   when bound as a number and left for the server to infer otherwise (so a
 *   bound '2026-03-01' compares with a date column as a date).
 * - A statement is prepared on the server at its first run and reused.
 * - Write transactions are serialised as SQLite's BEGIN IMMEDIATE is: db_begin
 *   takes one transaction-scoped advisory lock (WRITE_LOCK) with
 *   lock_timeout DB_BUSY_WAIT_MS, so a read-modify-write in app/ (accepting a
 *   referral, the audit chain's head) never races another process. Read
 *   transactions are REPEATABLE READ READ ONLY snapshots and take no lock.
 * - New ids are max(id)+1, as SQLite's rowids, given by a trigger in the
 *   PostgreSQL migrations (schema_pg.c) under that lock, so a rolled-back
 *   insert leaves no gap and both stores number records alike.
 * - SQLSTATE class 23 is DY_ECONFLICT with its constraint kind; a
 *   serialization failure, deadlock or lock timeout (40001, 40P01, 55P03) is
 *   DY_EBUSY ("try again"). Messages are the server's primary text only:
 *   its DETAIL line can quote a value and is never used.
 * - timestamptz columns read back as ISO 8601 UTC text (YYYY-MM-DDTHH:MM:SSZ,
 *   as stored on SQLite); booleans read as 1 / 0.
 * - The session is UTC with ISO dates, whatever the server's defaults.
 * - In a bulk write declared DB_BULK_ANY_ORDER, each plain insert's rows are
 *   gathered under their statement and sent by COPY (copy_flush) before the
 *   next read or other write, with the foreign keys (DEFERRABLE since
 *   migration 27) checked at commit: one COPY costs the server a fraction
 *   of a statement per row (bench/RESULTS.md, "PostgreSQL: import"). */
#include "store/db_driver.h"
#include "store/db_stmt_cache.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/str.h"

#define WRITE_LOCK 0x64796164 /* "dyad": the one advisory lock writers take */
#define OID_BOOL 16
#define OID_INT8 20
#define OID_TEXT 25
#define OID_FLOAT8 701
#define OID_TIMESTAMPTZ 1184

/* A growing buffer of text (COPY lines). */
struct text {
	char *p;
	size_t n, cap;
};

struct pg_stmt {
	struct db_stmt base;
	struct pg *db;
	char *text;       /* with $n parameter markers */
	char name[24];    /* the server-side prepared statement */
	int prepared;
	int returning_id; /* written "... RETURNING id" */
	int nparams;
	char **val;       /* each parameter as text; NULL is SQL NULL */
	unsigned *type;   /* 0: inferred by the server */
	PGresult *res;    /* the current result, NULL when reset */
	int row, nrows;
	char (*stamp)[24]; /* per column: a timestamptz reformatted */
	int nstamp;
	char *copy;        /* a plain insert's COPY ("COPY t (cols) FROM STDIN"), else NULL */
	char *make, *merge; /* with ON CONFLICT: its temporary table made, and its rows moved on */
	char table[64];    /* the insert's table, named in a refusal */
	int copy_cols;     /* values a row: nparams is a multiple */
	struct text rows;  /* its rows waiting to be sent, as COPY text */
};

struct pg {
	struct db base;
	PGconn *c;
	struct db_stmt_cache cache; /* every statement prepared on this connection */
	enum db_constraint constraint;
	int changes;
	unsigned bulk;
	int busy_ms;
	int next_name;
	int piped; /* commands sent in pipeline mode and not yet synced */
	int loading;         /* a COPY FROM STDIN under way (db_load_begin) */
	int load_ncols;
	int load_rc;         /* its first failure, reported again at the end */
	char load_table[64];
	struct text line;    /* COPY text waiting to be sent */
	struct pg_stmt **queue; /* statements with rows gathered (DB_BULK_ANY_ORDER), first gathered first */
	int nqueue, capqueue;
	size_t queued;       /* their bytes */
	int deferred;        /* SET CONSTRAINTS ALL DEFERRED sent in this transaction */
	int copy_late;       /* a COPY ended whose answer is not read yet (copy_settle) */
};

#define PG(d) ((struct pg *)(d))
#define STMT(s) ((struct pg_stmt *)(s))

/* The constraint kind from a class-23 SQLSTATE. */
static enum db_constraint constraint_kind(const char *state)
{
	if (strcmp(state, "23505") == 0)
		return DB_CONSTRAINT_UNIQUE;
	if (strcmp(state, "23503") == 0)
		return DB_CONSTRAINT_FOREIGN_KEY;
	if (strcmp(state, "23502") == 0)
		return DB_CONSTRAINT_NOT_NULL;
	if (strcmp(state, "23514") == 0)
		return DB_CONSTRAINT_CHECK;
	return DB_CONSTRAINT_OTHER;
}

static int busy_state(const char *state)
{
	return strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 || strcmp(state, "55P03") == 0 ||
	       strcmp(state, "57014") == 0; /* 57014: statement_timeout */
}

/* Fills e from a failed result (or the connection's error when r is NULL). */
static int pg_error(struct pg *db, const PGresult *r, struct dy_err *e)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	if (!msg)
		msg = PQerrorMessage(db->c);
	if (!state)
		state = "";
	if (strncmp(state, "23", 2) == 0) {
		db->constraint = constraint_kind(state);
		return dy_fail(e, DY_ECONFLICT, NULL, "%s", msg);
	}
	if (busy_state(state))
		return dy_fail(e, DY_EBUSY, NULL, "the database is busy: another writer held it for more than %d s,"
		                                  " or a conflicting write won; try again", db->busy_ms / 1000);
	if (strncmp(state, "08", 2) == 0 || PQstatus(db->c) != CONNECTION_OK)
		return dy_fail(e, DY_ESTORE, "db", "the connection to PostgreSQL was lost: %s", msg);
	return dy_fail(e, DY_ESTORE, NULL, "database error: %s", msg);
}

static int copy_settle(struct pg *db, struct dy_err *e);

/* Runs sql (maybe several statements) with no parameters. */
static int run_plain(struct pg *db, const char *sql, struct dy_err *e)
{
	int late = copy_settle(db, e);
	if (late)
		return late;
	PGresult *r = PQexec(db->c, sql);
	ExecStatusType st = PQresultStatus(r);
	int rc = 0;
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
		rc = pg_error(db, r, e);
	PQclear(r);
	return rc;
}

/* A bulk write's statements go out in libpq's pipeline mode, without a
 * round trip each (pg_run); this reads their results, up to a sync, and
 * leaves pipeline mode. Called before anything that needs an answer.
 * Returns the first failure among them (the transaction is then broken
 * and its commit refused). */
static int drain_pipe(struct pg *db, struct dy_err *e)
{
	int rc = copy_settle(db, e);
	if (PQpipelineStatus(db->c) == PQ_PIPELINE_OFF)
		return rc;
	if (PQpipelineSync(db->c) != 1) {
		rc = pg_error(db, NULL, e);
	} else {
		for (;;) {
			PGresult *r = PQgetResult(db->c);
			if (!r) { /* the end of one command's results, or a lost link */
				if (PQstatus(db->c) != CONNECTION_OK) {
					if (!rc)
						rc = pg_error(db, NULL, e);
					break;
				}
				continue;
			}
			ExecStatusType st = PQresultStatus(r);
			if (st == PGRES_COMMAND_OK) {
				const char *n = PQcmdTuples(r);
				db->changes = n && *n ? atoi(n) : 0;
			} else if (st != PGRES_PIPELINE_SYNC && st != PGRES_PIPELINE_ABORTED && st != PGRES_TUPLES_OK &&
			           !rc) {
				rc = pg_error(db, r, e);
			}
			PQclear(r);
			if (st == PGRES_PIPELINE_SYNC)
				break;
		}
	}
	PQexitPipelineMode(db->c);
	db->piped = 0;
	return rc;
}

static int copy_flush(struct pg *db, struct dy_err *e);
static void copy_gather(struct pg *db, struct pg_stmt *s);

/* Drops the gathered inserts unsent (after a failure). */
static void copy_drop(struct pg *db)
{
	for (int i = 0; i < db->nqueue; i++)
		db->queue[i]->rows.n = 0;
	db->nqueue = 0;
	db->queued = 0;
}

/* The pipeline read to its end, then the gathered inserts sent (or, after
 * a failure, dropped); the last COPY's answer may still be on its way. */
static int copy_send(struct pg *db, struct dy_err *e)
{
	int rc = drain_pipe(db, e);
	if (!db->nqueue)
		return rc;
	if (rc) {
		copy_drop(db);
		return rc;
	}
	return copy_flush(db, e);
}

/* Every write sent is answered. */
static int drain(struct pg *db, struct dy_err *e)
{
	int rc = copy_send(db, e);
	int late = copy_settle(db, rc ? &(struct dy_err){0} : e);
	return rc ? rc : late;
}

/* Drops the gathered inserts, and (a rollback) forgets the deferral. */
static void copy_discard(struct pg *db)
{
	copy_drop(db);
	db->deferred = 0;
}

static void clear_result(struct pg_stmt *s)
{
	if (s->res) {
		PQclear(s->res);
		s->res = NULL;
	}
	s->row = s->nrows = 0;
}

static void clear_bindings(struct pg_stmt *s)
{
	for (int i = 0; i < s->nparams; i++) {
		free(s->val[i]);
		s->val[i] = NULL;
		s->type[i] = 0;
	}
}

/* Ends every statement's result, so none outlives a transaction. */
static void reset_all(struct pg *db)
{
	for (int i = 0; i < db->cache.n; i++)
		clear_result(db->cache.stmt[i]);
}

static int pg_exec(db_t *d, const char *sql, struct dy_err *e)
{
	reset_all(PG(d));
	int rc = drain(PG(d), e);
	return rc ? rc : run_plain(PG(d), sql, e);
}

static void pg_close(db_t *d)
{
	struct pg *db = PG(d);
	for (int i = 0; i < db->cache.n; i++) {
		struct pg_stmt *s = db->cache.stmt[i];
		clear_result(s);
		clear_bindings(s);
		free(s->val);
		free(s->type);
		free(s->stamp);
		free(s->text);
		free(s->copy);
		free(s->make);
		free(s->merge);
		free(s->rows.p);
		free(s);
	}
	db_stmt_cache_free(&db->cache);
	PQfinish(db->c);
	free(db->line.p);
	free(db->queue);
	free(db);
}

static void quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg; /* notices (such as "already exists, skipping") are not errors */
}

/* The database must compare text byte by byte, as SQLite does (the name
 * index's range scans, and every ORDER BY of text): collation C or POSIX
 * (C.UTF-8 orders UTF-8 the same way). Anything else is refused at open. */
static int check_collation(struct pg *db, struct dy_err *e)
{
	/* datlocprovider ('i': ICU, whatever datcollate says) is PostgreSQL
	 * 15's: read through jsonb so that an older server answers NULL. */
	PGresult *r = PQexec(db->c, "SELECT datcollate, coalesce(to_jsonb(d) ->> 'datlocprovider', 'c')"
	                            " FROM pg_database d WHERE datname = current_database()");
	int rc = 0;
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
		rc = pg_error(db, r, e);
	} else {
		const char *c = PQgetvalue(r, 0, 0);
		if (strcmp(PQgetvalue(r, 0, 1), "c") != 0)
			c = "ICU";
		if (strcmp(c, "C") != 0 && strcmp(c, "POSIX") != 0 && strcmp(c, "C.UTF-8") != 0 &&
		    strcmp(c, "C.utf8") != 0)
			rc = dy_fail(e, DY_ESTORE, "db",
			             "the PostgreSQL database's collation is %s: dyad needs C (CREATE DATABASE ..."
			             " LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0; docs/postgresql.md)", c);
	}
	PQclear(r);
	return rc;
}

static int pg_open(const char *target, db_t **out, struct dy_err *e)
{
	/* db.c strips the "postgresql:" or "postgres:" prefix; libpq wants it. */
	char url[4096];
	if ((size_t)snprintf(url, sizeof url, "postgresql:%s", target) >= sizeof url)
		return dy_fail(e, DY_EUSAGE, "db", "the PostgreSQL URL is too long");
	struct pg *db = xcalloc(1, sizeof *db);
	db->base.ops = &db_pg_ops;
	db->c = PQconnectdb(url);
	if (PQstatus(db->c) != CONNECTION_OK) {
		/* libpq's message names host and database, never a password. */
		const char *m = PQerrorMessage(db->c);
		char first[256];
		str_copy(first, sizeof first, m);
		first[strcspn(first, "\n")] = '\0';
		dy_fail(e, DY_ESTORE, "db", "cannot connect to PostgreSQL: %s", first);
		PQfinish(db->c);
		free(db);
		return DY_ESTORE;
	}
	PQsetNoticeProcessor(db->c, quiet, NULL);
	db->busy_ms = DB_BUSY_WAIT_MS;
	const char *env = getenv("DYAD_BUSY_MS");
	if (env && *env && atoi(env) > 0)
		db->busy_ms = atoi(env);
	int rc = run_plain(db, "SET client_min_messages = warning; SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC';"
	                       " SET client_encoding = 'UTF8'; SET extra_float_digits = 1;"
	                       " SET application_name = 'dyad'", e);
	if (!rc)
		rc = check_collation(db, e);
	if (rc) {
		pg_close(&db->base);
		return rc;
	}
	*out = &db->base;
	return 0;
}

/* A server holds no files: "there" means the database answers and holds a
 * dyad schema; one that cannot be reached says 1, so db_open reports why. */
static int pg_exists(const char *target)
{
	char url[4096];
	if ((size_t)snprintf(url, sizeof url, "postgresql:%s", target) >= sizeof url)
		return 1;
	PGconn *c = PQconnectdb(url);
	int there = 1;
	if (PQstatus(c) == CONNECTION_OK) {
		PGresult *r = PQexec(c, "SELECT to_regclass('schema_migration') IS NOT NULL");
		if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
			there = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
		PQclear(r);
	}
	PQfinish(c);
	return there;
}

static void pg_remove(const char *target)
{
	(void)target; /* a server's database is dropped by its owner, not by dyad */
}

/* sql with each `?` outside quotes as $1, $2, ...; sets *n to their count. */
static char *translate(const char *sql, int *n)
{
	size_t len = strlen(sql);
	char *out = xmalloc(len * 4 + 1);
	char *o = out;
	char quote = 0;
	*n = 0;
	for (const char *p = sql; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (*p == '?') {
			o += sprintf(o, "$%d", ++*n);
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	return out;
}

static const char *skip_ident(const char *p)
{
	while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')
		p++;
	return p;
}

static const char *skip_space(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/* Sets s->copy to the COPY that loads sql's row when sql is a plain insert
 * ("INSERT INTO t (a, b) VALUES (?, ?)", one ? per column, nothing after but
 * RETURNING id or an ON CONFLICT ... DO NOTHING), else leaves it NULL. With
 * a conflict clause the rows are copied into a temporary table of the same
 * columns (s->make) and go on from there under that clause (s->merge). */
static void copy_of(struct pg_stmt *s, const char *sql)
{
	int nparams = s->nparams;
	static const char head[] = "INSERT INTO ";
	if (strncmp(sql, head, sizeof head - 1) != 0)
		return;
	const char *t = sql + sizeof head - 1, *te = skip_ident(t);
	const char *p = skip_space(te);
	if (te == t || *p != '(')
		return;
	const char *cols = ++p;
	int ncols = 0;
	for (;;) {
		const char *c = skip_space(p);
		p = skip_ident(c);
		if (p == c)
			return;
		ncols++;
		p = skip_space(p);
		if (*p == ')')
			break;
		if (*p++ != ',')
			return;
	}
	const char *cole = p++;
	p = skip_space(p);
	if (strncmp(p, "VALUES", 6) != 0)
		return;
	/* one row, or several (a batch's "(?, ?), (?, ?)") */
	int nrows = 0;
	do {
		p = skip_space(p + (nrows ? 1 : 6));
		if (*p++ != '(')
			return;
		for (int i = 0; i < ncols; i++) {
			p = skip_space(p);
			if (*p++ != '?')
				return;
			p = skip_space(p);
			if (*p++ != (i + 1 < ncols ? ',' : ')'))
				return;
		}
		nrows++;
		p = skip_space(p);
	} while (*p == ',');
	if (p > sql && p[-1] == ' ')
		p--; /* the clause after keeps its leading space */
	static const char on_conflict[] = " ON CONFLICT ", nothing[] = " DO NOTHING";
	size_t rest = strlen(p), nl = sizeof nothing - 1;
	int merge = strncmp(p, on_conflict, sizeof on_conflict - 1) == 0 && rest > nl &&
	            strcmp(p + rest - nl, nothing) == 0 && !strchr(p, '?');
	if (ncols * nrows != nparams || (*p && !merge && strcmp(p, " RETURNING id") != 0))
		return;
	s->copy_cols = ncols;
	int tl = (int)(te - t), cl = (int)(cole - cols);
	snprintf(s->table, sizeof s->table, "%.*s", tl, t);
	size_t n = (size_t)tl + 2 * (size_t)cl + rest + 160;
	s->copy = xmalloc(n);
	if (!merge) {
		snprintf(s->copy, n, "COPY %.*s (%.*s) FROM STDIN", tl, t, cl, cols);
		return;
	}
	snprintf(s->copy, n, "COPY dyad_gather_%s (%.*s) FROM STDIN", s->name, cl, cols);
	s->make = xmalloc(n);
	snprintf(s->make, n, "CREATE TEMP TABLE IF NOT EXISTS dyad_gather_%s ON COMMIT DROP AS SELECT %.*s FROM %.*s"
	         " WITH NO DATA", s->name, cl, cols, tl, t);
	s->merge = xmalloc(n);
	snprintf(s->merge, n, "INSERT INTO %.*s (%.*s) SELECT %.*s FROM dyad_gather_%s%s; TRUNCATE dyad_gather_%s", tl, t,
	         cl, cols, cl, cols, s->name, p, s->name);
}

static struct pg_stmt *ready(struct pg_stmt *s)
{
	clear_result(s);
	clear_bindings(s);
	return s;
}

static db_stmt_t *pg_prepare(db_t *d, const char *sql, struct dy_err *e)
{
	struct pg *db = PG(d);
	struct pg_stmt *s = db_stmt_cache_find(&db->cache, sql);
	if (s)
		return &ready(s)->base;
	(void)e; /* the server checks the SQL at the statement's first run */
	s = xcalloc(1, sizeof *s);
	s->base.ops = &db_pg_ops;
	s->db = db;
	s->text = translate(sql, &s->nparams);
	static const char returning[] = " RETURNING id";
	size_t len = strlen(sql), rl = sizeof returning - 1;
	s->returning_id = len > rl && strcmp(sql + len - rl, returning) == 0;
	snprintf(s->name, sizeof s->name, "dy%d", ++db->next_name);
	copy_of(s, sql);
	s->val = xcalloc((size_t)s->nparams + 1, sizeof *s->val);
	s->type = xcalloc((size_t)s->nparams + 1, sizeof *s->type);
	db_stmt_cache_add(&db->cache, sql, s);
	return &s->base;
}

static void set_param(struct pg_stmt *s, int i, char *v, unsigned type)
{
	if (i < 1 || i > s->nparams) {
		free(v);
		return;
	}
	free(s->val[i - 1]);
	s->val[i - 1] = v;
	s->type[i - 1] = type;
}

/* v in decimal (an import binds millions: no printf). */
static char *int_text(int64_t v)
{
	char buf[24], *p = buf + sizeof buf;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	*--p = '\0';
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	size_t n = (size_t)(buf + sizeof buf - p);
	char *out = xmalloc(n);
	memcpy(out, p, n);
	return out;
}

static void pg_bind_int(db_stmt_t *st, int i, int64_t v) { set_param(STMT(st), i, int_text(v), OID_INT8); }

static void pg_bind_double(db_stmt_t *st, int i, double v)
{
	char buf[40];
	snprintf(buf, sizeof buf, "%.17g", v);
	set_param(STMT(st), i, xstrdup(buf), OID_FLOAT8);
}

static void pg_bind_null(db_stmt_t *st, int i) { set_param(STMT(st), i, NULL, 0); }

static void pg_bind_text(db_stmt_t *st, int i, const char *v, int len, int copy)
{
	(void)copy; /* always copied: the text goes to the server at the step */
	size_t n = len < 0 ? strlen(v) : (size_t)len;
	char *t = xmalloc(n + 1);
	memcpy(t, v, n);
	t[n] = '\0';
	set_param(STMT(st), i, t, 0);
}

/* Prepares s on the server (first run), then runs it; fills s->res. */
static int execute(struct pg_stmt *s, struct dy_err *e)
{
	struct pg *db = s->db;
	int drc = drain(db, e);
	if (drc)
		return drc;
	if (!s->prepared) {
		/* Parameters bound as numbers are typed; the rest are inferred
		 * from where they stand. The types of this first run stay. */
		/* A failed prepare would end the transaction it is in: a savepoint
		 * keeps the transaction usable for the retries below (first
		 * preparation of a statement on this connection only). */
		int sp = PQtransactionStatus(db->c) == PQTRANS_INTRANS;
		if (sp && run_plain(db, "SAVEPOINT dyad_prepare", e))
			return DY_ESTORE;
		PGresult *r = PQprepare(db->c, s->name, s->text, s->nparams, s->type);
		/* A parameter whose place says nothing of its type ("? IS NULL"):
		 * text, as SQLite would take it; the server names one at a time. */
		for (int tries = 0; tries < s->nparams && PQresultStatus(r) != PGRES_COMMAND_OK; tries++) {
			const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
			const char *msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
			const char *dollar = msg ? strchr(msg, '$') : NULL;
			int k = dollar ? atoi(dollar + 1) : 0;
			if (!state || strcmp(state, "42P18") != 0 || k < 1 || k > s->nparams || s->type[k - 1])
				break;
			s->type[k - 1] = OID_TEXT;
			PQclear(r);
			if (sp && run_plain(db, "ROLLBACK TO SAVEPOINT dyad_prepare", e))
				return DY_ESTORE;
			r = PQprepare(db->c, s->name, s->text, s->nparams, s->type);
		}
		if (sp)
			run_plain(db, PQresultStatus(r) == PGRES_COMMAND_OK ? "RELEASE SAVEPOINT dyad_prepare"
			                                                    : "ROLLBACK TO SAVEPOINT dyad_prepare",
			          &(struct dy_err){0});
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			int rc = pg_error(db, r, e);
			PQclear(r);
			if (rc == DY_ESTORE && PQstatus(db->c) == CONNECTION_OK &&
			    PQtransactionStatus(db->c) != PQTRANS_INERROR) {
				char why[sizeof e->msg];
				str_copy(why, sizeof why, e->msg);
				return dy_fail(e, DY_EINTERNAL, NULL, "bad SQL: %s", why);
			}
			return rc;
		}
		PQclear(r);
		s->prepared = 1;
	}
	s->res = PQexecPrepared(db->c, s->name, s->nparams, (const char *const *)s->val, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(s->res);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		int rc = pg_error(db, s->res, e);
		clear_result(s);
		return rc;
	}
	const char *n = PQcmdTuples(s->res);
	db->changes = n && *n ? atoi(n) : 0;
	s->nrows = PQntuples(s->res);
	s->row = -1;
	return 0;
}

static int pg_step(db_stmt_t *st, struct dy_err *e)
{
	struct pg_stmt *s = STMT(st);
	if (!s->res) {
		int rc = execute(s, e);
		if (rc)
			return rc;
	}
	if (++s->row < s->nrows)
		return DB_ROW;
	clear_result(s);
	return DB_DONE;
}

/* PIPE_BATCH commands at most go out before their results are read: their
 * answers (a few dozen bytes each) never fill the socket, so neither side
 * waits on the other. */
#define PIPE_BATCH 512

/* Gathered inserts are sent when they hold this many bytes of COPY text. */
#define COPY_GATHER_MAX (16u << 20)

/* db_run: in a bulk write inside a transaction, a prepared statement is
 * sent without waiting for its answer (pipeline mode; drain reads them);
 * otherwise step and reset. libpq says PQTRANS_ACTIVE while a pipelined
 * command is unanswered, so without DB_BULK_LATE_ANSWERS the next run
 * steps (and drains) and at most one statement is ever in flight; with it,
 * runs go on filling the pipeline, PIPE_BATCH at a time. */
static int pg_run(db_stmt_t *st, struct dy_err *e)
{
	struct pg_stmt *s = STMT(st);
	struct pg *db = s->db;
	PGTransactionStatusType ts = PQtransactionStatus(db->c);
	int open = ts == PQTRANS_INTRANS || db->copy_late ||
	           ((db->bulk & DB_BULK_LATE_ANSWERS) && db->piped > 0 && ts == PQTRANS_ACTIVE &&
	            PQpipelineStatus(db->c) == PQ_PIPELINE_ON);
	if ((db->bulk & DB_BULK_ANY_ORDER) && (db->bulk & DB_BULK_LATE_ANSWERS) && s->copy && open && !s->res) {
		copy_gather(db, s);
		/* sent now, answered later: the server loads them while the
		 * caller makes the next rows */
		return db->queued >= COPY_GATHER_MAX ? copy_send(db, e) : 0;
	}
	if (db->nqueue) { /* gathered inserts go before any other write */
		int rc = drain(db, e);
		if (rc)
			return rc;
		ts = PQtransactionStatus(db->c);
		open = ts == PQTRANS_INTRANS;
	}
	if (!(db->bulk & DB_BULK_LARGE) || !s->prepared || !open || s->res) {
		int rc = pg_step(st, e);
		if (rc < 0)
			return rc;
		clear_result(s);
		return 0;
	}
	int late = copy_settle(db, e);
	if (late)
		return late;
	if (PQpipelineStatus(db->c) == PQ_PIPELINE_OFF && PQenterPipelineMode(db->c) != 1)
		return pg_error(db, NULL, e);
	if (PQsendQueryPrepared(db->c, s->name, s->nparams, (const char *const *)s->val, NULL, NULL, 0) != 1) {
		int rc = pg_error(db, NULL, e);
		drain(db, &(struct dy_err){0});
		return rc;
	}
	if (++db->piped >= PIPE_BATCH)
		return drain(db, e);
	return 0;
}

static int pg_run_id(db_stmt_t *st, int64_t *id, struct dy_err *e)
{
	struct pg_stmt *s = STMT(st);
	if (!s->returning_id)
		return dy_fail(e, DY_EINTERNAL, NULL, "an id was asked of SQL without RETURNING id");
	clear_result(s);
	int rc = execute(s, e);
	if (rc)
		return rc;
	if (s->nrows != 1) {
		clear_result(s);
		return dy_fail(e, DY_EINTERNAL, NULL, "an insert returned %d ids", s->nrows);
	}
	*id = strtoll(PQgetvalue(s->res, 0, 0), NULL, 10);
	clear_result(s);
	return 0;
}

static void pg_reset(db_stmt_t *s) { clear_result(STMT(s)); }

static int cell_ok(struct pg_stmt *s, int i)
{
	return s->res && s->row >= 0 && s->row < s->nrows && i >= 0 && i < PQnfields(s->res);
}

static int pg_col_is_null(db_stmt_t *st, int i)
{
	struct pg_stmt *s = STMT(st);
	return !cell_ok(s, i) || PQgetisnull(s->res, s->row, i);
}

static const char *pg_col_text(db_stmt_t *st, int i)
{
	struct pg_stmt *s = STMT(st);
	if (pg_col_is_null(st, i))
		return NULL;
	const char *v = PQgetvalue(s->res, s->row, i);
	unsigned type = PQftype(s->res, i);
	if (type == OID_BOOL)
		return *v == 't' ? "1" : "0";
	if (type == OID_TIMESTAMPTZ && strlen(v) >= 19) {
		/* "2026-03-01 09:30:00+00" (the session is UTC) as stored on SQLite */
		if (s->nstamp < PQnfields(s->res)) {
			s->nstamp = PQnfields(s->res);
			s->stamp = xrealloc(s->stamp, (size_t)s->nstamp * sizeof *s->stamp);
		}
		memcpy(s->stamp[i], v, 19);
		s->stamp[i][10] = 'T';
		s->stamp[i][19] = 'Z';
		s->stamp[i][20] = '\0';
		return s->stamp[i];
	}
	return v;
}

static int64_t pg_col_int(db_stmt_t *st, int i)
{
	const char *v = pg_col_text(st, i);
	if (!v)
		return 0;
	/* An integer column, or numeric / double text where SQLite would
	 * have answered with an integer (as CAST does: truncated). */
	char *end;
	long long n = strtoll(v, &end, 10);
	if (*end == '.' || *end == 'e' || *end == 'E')
		return (int64_t)strtod(v, NULL);
	return n;
}

static double pg_col_double(db_stmt_t *st, int i)
{
	const char *v = pg_col_text(st, i);
	return v ? strtod(v, NULL) : 0.0;
}

/* Ends a load a failure left open (its rows refused), so that the
 * connection can roll back. */
static void abandon_load(struct pg *db)
{
	if (!db->loading)
		return;
	db->loading = 0;
	db->line.n = 0;
	PQputCopyEnd(db->c, "abandoned");
	for (PGresult *r; (r = PQgetResult(db->c));)
		PQclear(r);
}

static int pg_begin(db_t *d, int write, struct dy_err *e)
{
	struct pg *db = PG(d);
	abandon_load(db);
	copy_discard(db);
	reset_all(db);
	drain(db, &(struct dy_err){0});
	char sql[200];
	if (write)
		snprintf(sql, sizeof sql, "BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = %d;"
		                          " SELECT pg_advisory_xact_lock(%d)", db->busy_ms, WRITE_LOCK);
	else
		snprintf(sql, sizeof sql, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
	int rc = run_plain(db, sql, e);
	if (rc && PQtransactionStatus(db->c) != PQTRANS_IDLE)
		run_plain(db, "ROLLBACK", &(struct dy_err){0});
	return rc;
}

static int pg_commit(db_t *d, struct dy_err *e)
{
	struct pg *db = PG(d);
	if (db->loading) {
		abandon_load(db);
		run_plain(db, "ROLLBACK", &(struct dy_err){0});
		return dy_fail(e, DY_EINTERNAL, NULL, "a commit with a load under way: rolled back");
	}
	reset_all(db);
	int rc = drain(db, e);
	db->deferred = 0;
	if (rc) {
		run_plain(db, "ROLLBACK", &(struct dy_err){0});
		return rc;
	}
	/* COMMIT of a transaction a statement broke is a ROLLBACK: refuse it. */
	if (PQtransactionStatus(db->c) == PQTRANS_INERROR) {
		run_plain(db, "ROLLBACK", &(struct dy_err){0});
		return dy_fail(e, DY_ESTORE, NULL, "the transaction failed earlier and was rolled back");
	}
	return run_plain(db, "COMMIT", e);
}

static void pg_rollback(db_t *d)
{
	struct pg *db = PG(d);
	abandon_load(db);
	copy_discard(db);
	reset_all(db);
	drain(db, &(struct dy_err){0});
	if (PQtransactionStatus(db->c) != PQTRANS_IDLE)
		run_plain(db, "ROLLBACK", &(struct dy_err){0});
}

static int pg_in_transaction(db_t *d)
{
	PGTransactionStatusType t = PQtransactionStatus(PG(d)->c);
	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

static int pg_bulk(db_t *d, unsigned how, struct dy_err *e)
{
	drain(PG(d), &(struct dy_err){0});
	/* A large write's cost on PostgreSQL is its round trips: with
	 * DB_BULK_LARGE, db_run sends statements in pipeline mode (pg_run).
	 * References stay checked (REFS_CHECKED is a permission, not a duty). */
	struct pg *db = PG(d);
	if (pg_in_transaction(d))
		return dy_fail(e, DY_EINTERNAL, "db", "a bulk write is declared outside a transaction");
	db->bulk = how;
	return 0;
}

/* db_load_*: COPY table (cols) FROM STDIN in text format. Each row is one
 * line, its values separated by tabs; NULL is \N; in text, a backslash,
 * tab, newline or carriage return is written \\, \t, \n, \r (COPY's own
 * escapes), so no value can end a field or a line early. Values are sent
 * LOAD_CHUNK bytes at a time and checked by the server as they arrive; its
 * answer (the first refused row) is read at the end. */
#define LOAD_CHUNK (256 * 1024)

static void line_put(struct text *b, const char *p, size_t n)
{
	if (b->n + n > b->cap) {
		b->cap = (b->n + n) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

static void line_text(struct text *b, const char *t)
{
	for (const char *p = t;; p++) {
		const char *from = p;
		while (*p && *p != '\\' && *p != '\t' && *p != '\n' && *p != '\r')
			p++;
		line_put(b, from, (size_t)(p - from));
		if (!*p)
			return;
		char esc[2] = {'\\', *p == '\\' ? '\\' : *p == '\t' ? 't' : *p == '\n' ? 'n' : 'r'};
		line_put(b, esc, 2);
	}
}

/* Reads the result of the COPY that was ended: 0 or its failure, named
 * by table and kind only (a COPY error's text may quote the value). */
static int load_result(struct pg *db, struct dy_err *e)
{
	int rc = 0;
	PGresult *r;
	while ((r = PQgetResult(db->c))) {
		ExecStatusType st = PQresultStatus(r);
		if (st == PGRES_COMMAND_OK) {
			const char *n = PQcmdTuples(r);
			db->changes = n && *n ? atoi(n) : 0;
		} else if (!rc) {
			const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
			rc = pg_error(db, r, e);
			if (rc == DY_ESTORE && PQstatus(db->c) == CONNECTION_OK) {
				dy_fail(e, DY_ESTORE, NULL, "table %s refused a row (SQLSTATE %s: a value its column does not take)",
				        db->load_table, state ? state : "?");
			} else if (rc == DY_ECONFLICT) {
				/* the primary text names the constraint, never a value */
				char why[sizeof e->msg];
				str_copy(why, sizeof why, e->msg);
				dy_fail(e, DY_ECONFLICT, NULL, "table %s refused a row: %s", db->load_table, why);
			}
		}
		PQclear(r);
	}
	return rc;
}

/* Starts sql, a COPY ... FROM STDIN into table (named in its refusals). */
static int copy_start(struct pg *db, const char *sql, const char *table, struct dy_err *e)
{
	PGresult *r = PQexec(db->c, sql);
	int rc = PQresultStatus(r) == PGRES_COPY_IN ? 0 : pg_error(db, r, e);
	PQclear(r);
	if (!rc)
		str_copy(db->load_table, sizeof db->load_table, table);
	return rc;
}

/* Sends n bytes of COPY text, LOAD_CHUNK at a time. */
static int copy_put(struct pg *db, const char *p, size_t n, struct dy_err *e)
{
	for (size_t off = 0; off < n; off += LOAD_CHUNK) {
		size_t k = n - off < LOAD_CHUNK ? n - off : LOAD_CHUNK;
		if (PQputCopyData(db->c, p + off, (int)k) != 1)
			return pg_error(db, NULL, e);
	}
	return 0;
}

/* Ends the COPY under way: with rc (a failure already met) the server is
 * told to refuse it. Its answer is read by load_result. */
static int copy_end(struct pg *db, int rc, struct dy_err *e)
{
	if (PQputCopyEnd(db->c, rc ? "the load failed" : NULL) != 1 && !rc)
		rc = pg_error(db, NULL, e);
	return rc;
}

static int send_line(struct pg *db, struct dy_err *e)
{
	int rc = copy_put(db, db->line.p, db->line.n, e);
	db->line.n = 0;
	return rc;
}

/* Sends every gathered insert, a COPY per statement in the order each was
 * first gathered, after the pipeline is drained (COPY leaves no room for
 * it); the foreign keys are deferred to the commit first, once a
 * transaction, since rows may now come before the rows they name. */
static int copy_flush(struct pg *db, struct dy_err *e)
{
	int rc = 0;
	if (!db->deferred) {
		rc = run_plain(db, "SET CONSTRAINTS ALL DEFERRED", e);
		db->deferred = !rc;
	}
	for (int i = 0; i < db->nqueue; i++) {
		struct pg_stmt *s = db->queue[i];
		if (!rc && s->make)
			rc = run_plain(db, s->make, e);
		if (!rc)
			rc = copy_settle(db, e);
		if (!rc && !(rc = copy_start(db, s->copy, s->table, e))) {
			rc = copy_end(db, copy_put(db, s->rows.p, s->rows.n, e), e);
			if (rc)
				load_result(db, &(struct dy_err){0});
			else
				db->copy_late = 1; /* read by copy_settle before anything else is sent */
		}
		if (!rc && s->merge)
			rc = run_plain(db, s->merge, e);
		s->rows.n = 0;
	}
	db->nqueue = 0;
	db->queued = 0;
	return rc;
}

/* Reads the answer of the COPY copy_flush ended last, if not read yet. */
static int copy_settle(struct pg *db, struct dy_err *e)
{
	if (!db->copy_late)
		return 0;
	db->copy_late = 0;
	return load_result(db, e);
}

/* A plain insert's bound values, gathered as one COPY line of its
 * statement (sent by copy_flush). */
static void copy_gather(struct pg *db, struct pg_stmt *s)
{
	if (!s->rows.n) {
		if (db->nqueue == db->capqueue) {
			db->capqueue = db->capqueue ? db->capqueue * 2 : 16;
			db->queue = xrealloc(db->queue, (size_t)db->capqueue * sizeof *db->queue);
		}
		db->queue[db->nqueue++] = s;
	}
	size_t before = s->rows.n;
	for (int i = 0; i < s->nparams; i++) {
		if (i % s->copy_cols)
			line_put(&s->rows, "\t", 1);
		if (s->val[i])
			line_text(&s->rows, s->val[i]);
		else
			line_put(&s->rows, "\\N", 2);
		if ((i + 1) % s->copy_cols == 0)
			line_put(&s->rows, "\n", 1);
	}
	db->queued += s->rows.n - before;
}

static int pg_load_begin(db_t *d, const char *table, const char *const *cols, int ncols, struct dy_err *e)
{
	struct pg *db = PG(d);
	if (db->loading)
		return dy_fail(e, DY_EINTERNAL, table, "a load began before the last one ended");
	reset_all(db);
	int rc = drain(db, e);
	if (rc)
		return rc;
	struct text *b = &db->line;
	b->n = 0;
	line_put(b, "COPY \"", 6);
	line_put(b, table, strlen(table));
	line_put(b, "\" (", 3);
	for (int i = 0; i < ncols; i++) {
		line_put(b, i ? ", \"" : "\"", i ? 3 : 1);
		line_put(b, cols[i], strlen(cols[i]));
		line_put(b, "\"", 1);
	}
	static const char tail[] = ") FROM STDIN";
	line_put(b, tail, sizeof tail); /* with its NUL */
	rc = copy_start(db, b->p, table, e);
	b->n = 0;
	if (rc)
		return rc;
	db->loading = 1;
	db->load_ncols = ncols;
	db->load_rc = 0;
	return 0;
}

static int pg_load_row(db_t *d, const struct db_value *v, struct dy_err *e)
{
	struct pg *db = PG(d);
	if (!db->loading)
		return dy_fail(e, DY_EINTERNAL, "db", "a row was loaded outside a load");
	if (db->load_rc)
		return db->load_rc;
	for (int i = 0; i < db->load_ncols; i++) {
		char num[40];
		struct text *b = &db->line;
		if (i)
			line_put(b, "\t", 1);
		if (v[i].kind == DB_VALUE_INT)
			line_put(b, num, (size_t)snprintf(num, sizeof num, "%lld", (long long)v[i].i));
		else if (v[i].kind == DB_VALUE_REAL)
			line_put(b, num, (size_t)snprintf(num, sizeof num, "%.17g", v[i].d));
		else if (v[i].kind == DB_VALUE_TEXT)
			line_text(b, v[i].text);
		else
			line_put(b, "\\N", 2);
	}
	line_put(&db->line, "\n", 1);
	if (db->line.n >= LOAD_CHUNK && (db->load_rc = send_line(db, e)))
		return db->load_rc;
	return 0;
}

static int pg_load_end(db_t *d, struct dy_err *e)
{
	struct pg *db = PG(d);
	if (!db->loading)
		return dy_fail(e, DY_EINTERNAL, "db", "a load ended that had not begun");
	db->loading = 0;
	/* A failed load ends the COPY with an error, so the server refuses it. */
	int rc = copy_end(db, db->load_rc ? db->load_rc : send_line(db, e), e);
	struct dy_err server;
	int src = load_result(db, rc ? &server : e);
	return rc ? rc : src;
}

static int pg_dialect(const db_t *d)
{
	(void)d;
	return DB_DIALECT_PG;
}

static int pg_changes(db_t *d)
{
	drain(PG(d), &(struct dy_err){0}); /* the last pipelined command's count */
	return PG(d)->changes;
}
static enum db_constraint pg_constraint(db_t *d) { return PG(d)->constraint; }

const struct db_ops db_pg_ops = {
	.name = "postgresql",
	.dialect = pg_dialect,
	.open = pg_open,
	.exists = pg_exists,
	.remove = pg_remove,
	.close = pg_close,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.in_transaction = pg_in_transaction,
	.bulk = pg_bulk,
	.changes = pg_changes,
	.load_begin = pg_load_begin,
	.load_row = pg_load_row,
	.load_end = pg_load_end,
	.constraint = pg_constraint,
	.bind_int = pg_bind_int,
	.bind_double = pg_bind_double,
	.bind_null = pg_bind_null,
	.bind_text = pg_bind_text,
	.step = pg_step,
	.run = pg_run,
	.run_id = pg_run_id,
	.reset = pg_reset,
	.col_int = pg_col_int,
	.col_double = pg_col_double,
	.col_text = pg_col_text,
	.col_is_null = pg_col_is_null,
};
