/* db_trace.c: the tracing, fault-injecting driver (URL trace:[OPTION:]...URL).
 *
 * It wraps the connection of any other URL and forwards every call to it,
 * so that tests can see what an action does to the database and make the
 * database fail at a chosen point:
 *
 *   log=FILE    appends one line per connection-level operation to FILE:
 *               "open", "begin write", "begin read", "commit", "rollback",
 *               "bulk N", "load TABLE", "exec SQL", "prepare SQL" (the SQL text only:
 *               values are bound and never reach the trace)
 *   fail=OP@N   the Nth OP on this connection fails with DY_ESTORE and the
 *               message "injected failure"; OP is begin, commit, exec or
 *               prepare
 *
 * Statements are the wrapped driver's own (their calls go straight to it).
 * Example: trace:fail=commit@1:log=/tmp/t.log:/tmp/x.db */
#include "store/db_driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/str.h"

enum { OP_BEGIN, OP_COMMIT, OP_EXEC, OP_PREPARE, OP_COUNT };
static const char *const op_names[OP_COUNT] = {"begin", "commit", "exec", "prepare"};

struct trace {
	struct db base;
	db_t *inner;
	FILE *log;
	int fail_op;   /* -1: none */
	long fail_at;  /* 1-based */
	long count[OP_COUNT];
};

#define TRACE(d) ((struct trace *)(d))

static void note(struct trace *t, const char *what, const char *sql)
{
	if (!t->log)
		return;
	fprintf(t->log, "%s%s", what, sql ? " " : "");
	/* One line per operation: the SQL's own line breaks become spaces. */
	for (const char *p = sql; p && *p; p++)
		fputc(*p == '\n' ? ' ' : *p, t->log);
	fputc('\n', t->log);
	fflush(t->log);
}

/* Counts op; DY_ESTORE when this is the one to fail. */
static int fault(struct trace *t, int op, struct dy_err *e)
{
	if (++t->count[op] == t->fail_at && t->fail_op == op)
		return dy_fail(e, DY_ESTORE, NULL, "injected failure (trace driver): %s #%ld", op_names[op], t->fail_at);
	return 0;
}

/* Parses one "key=value" option of length n into t; 0 or DY_EUSAGE. */
static int option(struct trace *t, const char *opt, size_t n, struct dy_err *e)
{
	char buf[512];
	if (n >= sizeof buf)
		return dy_fail(e, DY_EUSAGE, "db", "a trace: option is too long");
	memcpy(buf, opt, n);
	buf[n] = '\0';
	if (strncmp(buf, "log=", 4) == 0) {
		if (t->log)
			fclose(t->log);
		t->log = fopen(buf + 4, "a");
		if (!t->log)
			return dy_fail(e, DY_EUSAGE, "db", "the trace log cannot be opened");
		return 0;
	}
	if (strncmp(buf, "fail=", 5) == 0) {
		char *at = strchr(buf + 5, '@');
		if (at) {
			*at = '\0';
			for (int i = 0; i < OP_COUNT; i++)
				if (strcmp(buf + 5, op_names[i]) == 0)
					t->fail_op = i;
			int64_t v;
			if (t->fail_op >= 0 && !str_parse_i64(at + 1, 1, 1000000000, &v)) {
				t->fail_at = (long)v;
				return 0;
			}
		}
		return dy_fail(e, DY_EUSAGE, "db", "trace: fail= takes OP@N (OP: begin, commit, exec, prepare)");
	}
	return dy_fail(e, DY_EUSAGE, "db", "unknown trace: option (log=FILE or fail=OP@N)");
}

static void trace_close(db_t *d)
{
	struct trace *t = TRACE(d);
	note(t, "close", NULL);
	db_close(t->inner);
	if (t->log)
		fclose(t->log);
	free(t);
}

static int trace_open(const char *target, db_t **out, struct dy_err *e)
{
	struct trace *t = xcalloc(1, sizeof *t);
	t->base.ops = &db_trace_ops;
	t->fail_op = -1;
	const char *p = target;
	int rc = 0;
	/* Options come first, each ending in ':'; the rest is the wrapped URL. */
	while (!rc && (strncmp(p, "log=", 4) == 0 || strncmp(p, "fail=", 5) == 0)) {
		const char *colon = strchr(p, ':');
		if (!colon) {
			rc = dy_fail(e, DY_EUSAGE, "db", "trace: needs a database after its options");
			break;
		}
		rc = option(t, p, (size_t)(colon - p), e);
		p = colon + 1;
	}
	if (!rc)
		rc = db_open(p, &t->inner, e);
	if (rc) {
		if (t->log)
			fclose(t->log);
		free(t);
		return rc;
	}
	note(t, "open", db_driver_name(t->inner));
	*out = &t->base;
	return 0;
}

/* The wrapped URL of target (after any options). */
static const char *wrapped(const char *target)
{
	while (strncmp(target, "log=", 4) == 0 || strncmp(target, "fail=", 5) == 0) {
		const char *colon = strchr(target, ':');
		if (!colon)
			return "";
		target = colon + 1;
	}
	return target;
}

static int trace_exists(const char *target) { return db_url_exists(wrapped(target)); }
static void trace_remove(const char *target) { db_url_remove(wrapped(target)); }

static int trace_exec(db_t *d, const char *sql, struct dy_err *e)
{
	struct trace *t = TRACE(d);
	note(t, "exec", sql);
	return fault(t, OP_EXEC, e) ? DY_ESTORE : db_exec(t->inner, sql, e);
}

static db_stmt_t *trace_prepare(db_t *d, const char *sql, struct dy_err *e)
{
	struct trace *t = TRACE(d);
	note(t, "prepare", sql);
	return fault(t, OP_PREPARE, e) ? NULL : db_prepare(t->inner, sql, e);
}

static int trace_begin(db_t *d, int write, struct dy_err *e)
{
	struct trace *t = TRACE(d);
	note(t, write ? "begin write" : "begin read", NULL);
	if (fault(t, OP_BEGIN, e))
		return DY_ESTORE;
	return write ? db_begin(t->inner, e) : db_begin_read(t->inner, e);
}

static int trace_commit(db_t *d, struct dy_err *e)
{
	struct trace *t = TRACE(d);
	note(t, "commit", NULL);
	return fault(t, OP_COMMIT, e) ? DY_ESTORE : db_commit(t->inner, e);
}

static void trace_rollback(db_t *d)
{
	struct trace *t = TRACE(d);
	if (db_in_transaction(t->inner))
		note(t, "rollback", NULL);
	db_rollback(t->inner);
}

static int trace_in_transaction(db_t *d) { return db_in_transaction(TRACE(d)->inner); }
static void trace_end_reads(db_t *d) { db_end_reads(TRACE(d)->inner); }

static int trace_bulk(db_t *d, unsigned how, struct dy_err *e)
{
	struct trace *t = TRACE(d);
	char what[16];
	snprintf(what, sizeof what, "bulk %u", how);
	note(t, what, NULL);
	return db_bulk(t->inner, how, e);
}

static int trace_dialect(const db_t *d) { return db_dialect(((const struct trace *)d)->inner); }

static int trace_safety(db_t *d, enum db_safety how, struct dy_err *e)
{
	return db_commit_safety(TRACE(d)->inner, how, e);
}

static int trace_checkpoint(db_t *d, int *complete, struct dy_err *e)
{
	return db_checkpoint(TRACE(d)->inner, complete, e);
}

static int trace_changes(db_t *d) { return db_changes(TRACE(d)->inner); }
static enum db_constraint trace_constraint(db_t *d) { return db_constraint(TRACE(d)->inner); }

static int trace_load_begin(db_t *d, const char *table, const char *const *cols, int ncols, struct dy_err *e)
{
	note(TRACE(d), "load", table);
	return db_load_begin(TRACE(d)->inner, table, cols, ncols, e);
}
static int trace_load_row(db_t *d, const struct db_value *v, struct dy_err *e)
{
	return db_load_row(TRACE(d)->inner, v, e);
}
static int trace_load_end(db_t *d, struct dy_err *e) { return db_load_end(TRACE(d)->inner, e); }

/* Statement calls never reach this table (statements are the wrapped
 * driver's), so those slots stay empty. */
const struct db_ops db_trace_ops = {
	.name = "trace",
	.dialect = trace_dialect,
	.open = trace_open,
	.exists = trace_exists,
	.remove = trace_remove,
	.close = trace_close,
	.exec = trace_exec,
	.prepare = trace_prepare,
	.begin = trace_begin,
	.commit = trace_commit,
	.rollback = trace_rollback,
	.in_transaction = trace_in_transaction,
	.end_reads = trace_end_reads,
	.bulk = trace_bulk,
	.safety = trace_safety,
	.checkpoint = trace_checkpoint,
	.changes = trace_changes,
	.load_begin = trace_load_begin,
	.load_row = trace_load_row,
	.load_end = trace_load_end,
	.constraint = trace_constraint,
};
