/* Drivers chosen by URL: the URL chooses the driver (plain path and sqlite: to
 * SQLite, trace: to the tracing wrapper, another scheme than postgresql://
 * refused), the trace driver logs SQL without values and injects failures
 * that roll the action back whole, ids come back from RETURNING, constraint
 * kinds come from the driver's codes, a bulk load's relaxed checks come back
 * on, a half-read SELECT does not make the next writer fail, and a URL
 * shown in a message hides its password. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "testutil.h"

static const char *path_in(const char *dir, const char *name)
{
	static char buf[4][700];
	static int k;
	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

static db_t *open_ok(const char *url)
{
	struct dy_err e;
	db_t *db = NULL;
	if (db_open(url, &db, &e))
		fail_msg("cannot open %s: %s", url, e.msg);
	return db;
}

static int64_t count_rows(db_t *db)
{
	struct dy_err e;
	db_stmt_t *s = db_prepare(db, "SELECT COUNT(*) FROM t", &e);
	assert_non_null(s);
	assert_int_equal(db_step(s, &e), DB_ROW);
	int64_t n = db_col_int(s, 0);
	assert_int_equal(db_step(s, &e), DB_DONE);
	return n;
}

static void make_table(db_t *db)
{
	struct dy_err e;
	assert_int_equal(db_exec(db, "CREATE TABLE IF NOT EXISTS p (id INTEGER PRIMARY KEY);"
	                             "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY,"
	                             " p INTEGER REFERENCES p(id), code TEXT UNIQUE, n INTEGER NOT NULL)", &e), 0);
}

static int insert(db_t *db, const char *code, int64_t p, int64_t *id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO t (p, code, n) VALUES (?, ?, 1) RETURNING id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, p);
	db_bind_text_opt(s, 2, code);
	return db_run_id(s, id, e);
}

static void url_chooses_driver(void **state)
{
	(void)state;
	const char *dir = tu_tempdir();
	db_t *db = open_ok(path_in(dir, "a.db"));
	assert_string_equal(db_driver_name(db), "sqlite");
	db_close(db);
	char url[800];
	snprintf(url, sizeof url, "sqlite:%s", path_in(dir, "a.db"));
	db = open_ok(url);
	assert_string_equal(db_driver_name(db), "sqlite");
	db_close(db);
	snprintf(url, sizeof url, "trace:%s", path_in(dir, "a.db"));
	db = open_ok(url);
	assert_string_equal(db_driver_name(db), "trace");
	make_table(db);
	int64_t id = 0;
	struct dy_err e;
	assert_int_equal(insert(db, "x", 0, &id, &e), 0);
	assert_int_equal(id, 1);
	db_close(db);
	/* Written through the wrapper, read without it: one database. */
	db = open_ok(path_in(dir, "a.db"));
	assert_int_equal(count_rows(db), 1);
	db_close(db);

	assert_int_equal(db_open("mysql://host/dyad", &db, &e), DY_EUSAGE);
	assert_int_equal(db_open("trace:", &db, &e), DY_EUSAGE);
	assert_int_equal(db_open("trace:fail=launch@1:x.db", &db, &e), DY_EUSAGE);
	assert_int_equal(db_open("trace:fail=commit@0:x.db", &db, &e), DY_EUSAGE);
	assert_int_equal(db_open("trace:log=/nonexistent/dir/log:x.db", &db, &e), DY_EUSAGE);
	assert_null(db);
}

static void trace_logs_sql_not_values(void **state)
{
	(void)state;
	const char *dir = tu_tempdir();
	char url[1600];
	snprintf(url, sizeof url, "trace:log=%s:%s", path_in(dir, "trace.log"), path_in(dir, "b.db"));
	db_t *db = open_ok(url);
	make_table(db);
	struct dy_err e;
	int64_t id;
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(insert(db, "secret-value", 0, &id, &e), 0);
	assert_int_equal(db_commit(db, &e), 0);
	db_close(db);
	char *log = tu_read_file(path_in(dir, "trace.log"));
	assert_non_null(log);
	assert_non_null(strstr(log, "open sqlite\n"));
	assert_non_null(strstr(log, "begin write\nprepare INSERT INTO t (p, code, n) VALUES (?, ?, 1) RETURNING id\n"
	                            "commit\n"));
	assert_null(strstr(log, "secret-value"));
	free(log);
}

static void injected_commit_failure_rolls_back(void **state)
{
	(void)state;
	const char *dir = tu_tempdir();
	db_t *plain = open_ok(path_in(dir, "c.db"));
	make_table(plain);
	db_close(plain);
	char url[800];
	snprintf(url, sizeof url, "trace:fail=commit@2:%s", path_in(dir, "c.db"));
	db_t *db = open_ok(url);
	struct dy_err e;
	int64_t id;
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(insert(db, "one", 0, &id, &e), 0);
	assert_int_equal(db_commit(db, &e), 0); /* the first commit goes through */
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(insert(db, "two", 0, &id, &e), 0);
	dy_err_clear(&e);
	assert_int_equal(db_commit(db, &e), DY_ESTORE);
	assert_non_null(strstr(e.msg, "injected failure"));
	assert_true(db_in_transaction(db));
	db_rollback(db);
	assert_false(db_in_transaction(db));
	db_close(db);
	plain = open_ok(path_in(dir, "c.db"));
	assert_int_equal(count_rows(plain), 1);
	db_close(plain);

	snprintf(url, sizeof url, "trace:fail=begin@1:%s", path_in(dir, "c.db"));
	db = open_ok(url);
	assert_int_equal(db_begin(db, &e), DY_ESTORE);
	assert_false(db_in_transaction(db));
	db_close(db);
	snprintf(url, sizeof url, "trace:fail=prepare@1:%s", path_in(dir, "c.db"));
	db = open_ok(url);
	assert_null(db_prepare(db, "SELECT 1", &e));
	assert_non_null(db_prepare(db, "SELECT 1", &e));
	db_close(db);
}

static void constraints_by_kind(void **state)
{
	(void)state;
	db_t *db = open_ok(path_in(tu_tempdir(), "d.db"));
	make_table(db);
	struct dy_err e;
	int64_t id;
	assert_int_equal(insert(db, "same", 0, &id, &e), 0);
	assert_int_equal(db_constraint(db), DB_CONSTRAINT_NONE);
	assert_int_equal(insert(db, "same", 0, &id, &e), DY_ECONFLICT);
	assert_int_equal(db_constraint(db), DB_CONSTRAINT_UNIQUE);
	assert_int_equal(insert(db, "other", 99, &id, &e), DY_ECONFLICT);
	assert_int_equal(db_constraint(db), DB_CONSTRAINT_FOREIGN_KEY);
	db_stmt_t *s = db_prepare(db, "INSERT INTO t (code, n) VALUES ('nn', NULL)", &e);
	assert_int_equal(db_run(s, &e), DY_ECONFLICT);
	assert_int_equal(db_constraint(db), DB_CONSTRAINT_NOT_NULL);
	db_close(db);
}

static void bulk_end_restores_reference_checks(void **state)
{
	(void)state;
	db_t *db = open_ok(path_in(tu_tempdir(), "e.db"));
	make_table(db);
	struct dy_err e;
	int64_t id;
	assert_int_equal(db_bulk(db, DB_BULK_LARGE | DB_BULK_REFS_CHECKED, &e), 0);
	assert_int_equal(insert(db, "unchecked", 42, &id, &e), 0); /* the caller's job now */
	assert_int_equal(db_bulk(db, DB_BULK_END, &e), 0);
	assert_int_equal(insert(db, "checked", 42, &id, &e), DY_ECONFLICT);
	assert_int_equal(db_constraint(db), DB_CONSTRAINT_FOREIGN_KEY);
	/* Inside a transaction the checks cannot be switched: said, not ignored. */
	assert_int_equal(db_bulk(db, DB_BULK_REFS_CHECKED, &e), 0);
	assert_int_equal(db_begin(db, &e), 0);
	dy_err_clear(&e);
	assert_int_equal(db_bulk(db, DB_BULK_END, &e), DY_ESTORE);
	assert_non_null(strstr(e.msg, "back on"));
	db_rollback(db);
	assert_int_equal(db_bulk(db, DB_BULK_END, &e), 0);
	db_close(db);
}

/* A SELECT left part-way (one row read of several) must not pin an old
 * snapshot: another connection writes, and this one can still begin a
 * write (WAL would refuse a stale reader's upgrade with a busy error). */
static void half_read_select_does_not_block_writer(void **state)
{
	(void)state;
	const char *dir = tu_tempdir();
	db_t *a = open_ok(path_in(dir, "f.db"));
	db_t *b = open_ok(path_in(dir, "f.db"));
	make_table(a);
	struct dy_err e;
	int64_t id;
	assert_int_equal(insert(a, "1", 0, &id, &e), 0);
	assert_int_equal(insert(a, "2", 0, &id, &e), 0);
	db_stmt_t *s = db_prepare(a, "SELECT id FROM t ORDER BY id", &e);
	assert_int_equal(db_step(s, &e), DB_ROW); /* abandoned after one row */
	assert_int_equal(insert(b, "3", 0, &id, &e), 0);
	assert_int_equal(db_begin(a, &e), 0);
	assert_int_equal(insert(a, "4", 0, &id, &e), 0);
	assert_int_equal(db_commit(a, &e), 0);
	assert_int_equal(count_rows(b), 4);
	db_close(a);
	db_close(b);
}

/* A URL shown in a message keeps everything but its password. */
static void url_shown_without_password(void **state)
{
	(void)state;
	char out[128];
	db_url_shown("postgresql://dyad:s3cret@db.example/team", out, sizeof out);
	assert_string_equal(out, "postgresql://dyad:***@db.example/team");
	db_url_shown("postgresql://dyad@db.example/team?sslmode=require&password=s3cret&x=1", out, sizeof out);
	assert_string_equal(out, "postgresql://dyad@db.example/team?sslmode=require&password=***&x=1");
	db_url_shown("postgresql:///team?host=/tmp/pg&password=s3cret", out, sizeof out);
	assert_string_equal(out, "postgresql:///team?host=/tmp/pg&password=***");
	db_url_shown("/var/lib/dyad/team:1.db", out, sizeof out);
	assert_string_equal(out, "/var/lib/dyad/team:1.db");
	db_url_shown("postgresql://dyad:s3cret@db.example/team", out, 12);
	assert_string_equal(out, "postgresql:");
	assert_null(strstr(out, "s3cret"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(url_chooses_driver),
		cmocka_unit_test(trace_logs_sql_not_values),
		cmocka_unit_test(injected_commit_failure_rolls_back),
		cmocka_unit_test(constraints_by_kind),
		cmocka_unit_test(bulk_end_restores_reference_checks),
		cmocka_unit_test(half_read_select_does_not_block_writer),
		cmocka_unit_test(url_shown_without_password),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
