/* The driver's reliability rules: a statement left part-way through its rows
 * does not stop the next transaction (the driver resets it), a writer waits
 * for another connection's lock and gets DY_EBUSY, not a storage error, only
 * after its bound, and a database file the driver creates is 0600. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/db.h"
#include "testutil.h"

static db_t *open_path(const char *path)
{
	db_t *db;
	struct dy_err e;
	assert_int_equal(db_open(path, &db, &e), 0);
	return db;
}

static void exec(db_t *db, const char *sql)
{
	struct dy_err e;
	if (db_exec(db, sql, &e))
		fail_msg("%s: %s", sql, e.msg);
}

/* Connection a reads one row of two and leaves the statement; b then
 * commits a write. Without the driver's reset, a's BEGIN IMMEDIATE fails at
 * once (its read snapshot is stale), whatever the busy wait. */
static void test_left_statement_does_not_block_writes(void **state)
{
	(void)state;
	char path[1024];
	snprintf(path, sizeof path, "%s/t.db", tu_tempdir());
	db_t *a = open_path(path), *b = open_path(path);
	exec(a, "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2);");
	struct dy_err e;
	db_stmt_t *s = db_prepare(a, "SELECT x FROM t ORDER BY x", &e);
	assert_non_null(s);
	assert_int_equal(db_step(s, &e), DB_ROW); /* and never stepped again */
	assert_int_equal(db_begin(b, &e), 0);
	exec(b, "INSERT INTO t VALUES (3)");
	assert_int_equal(db_commit(b, &e), 0);
	assert_int_equal(db_begin(a, &e), 0);
	exec(a, "INSERT INTO t VALUES (4)");
	assert_int_equal(db_commit(a, &e), 0);
	db_close(a);
	db_close(b);
}

/* b holds the write lock; a waits its bound (DYAD_BUSY_MS) and then gets
 * DY_EBUSY with a message saying to try again. */
static void test_busy_is_busy_not_storage_error(void **state)
{
	(void)state;
	char path[1024];
	snprintf(path, sizeof path, "%s/t.db", tu_tempdir());
	setenv("DYAD_BUSY_MS", "200", 1);
	db_t *a = open_path(path), *b = open_path(path);
	unsetenv("DYAD_BUSY_MS");
	exec(a, "CREATE TABLE t (x INTEGER)");
	struct dy_err e;
	assert_int_equal(db_begin(b, &e), 0);
	dy_err_clear(&e);
	assert_int_equal(db_begin(a, &e), DY_EBUSY);
	assert_non_null(strstr(e.msg, "try again"));
	assert_int_equal(dy_exit_code(e.code), 3);
	db_rollback(b);
	assert_int_equal(db_begin(a, &e), 0);
	db_rollback(a);
	db_close(a);
	db_close(b);
}

static void test_new_database_is_private(void **state)
{
	(void)state;
	char path[1024];
	snprintf(path, sizeof path, "%s/t.db", tu_tempdir());
	mode_t old = umask(022);
	db_t *a = open_path(path);
	exec(a, "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);");
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char wal[1100];
	snprintf(wal, sizeof wal, "%s-wal", path);
	assert_int_equal(stat(wal, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	db_close(a);
	umask(old);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_left_statement_does_not_block_writes),
		cmocka_unit_test(test_busy_is_busy_not_storage_error),
		cmocka_unit_test(test_new_database_is_private),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
