/* db_load_*, the bulk-load path (COPY on PostgreSQL, a prepared insert per
 * row on SQLite): awkward values come back exactly as loaded (tab, newline,
 * carriage return, backslash, a line of "\.", NULL against empty text,
 * unicode, the extremes of integers and reals), a refused row fails the load
 * with the table named and no value, and the connection is usable after. */
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

static const char *const texts[] = {
	"plain",
	"",
	"tab\there",
	"line\nbreak",
	"carriage\r\nreturn",
	"back\\slash \\N \\t",
	"\\.",
	"\\",
	"ends with a tab\t",
	"\t\n\\",
	"caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x91\xb6 \xe6\x97\xa5\xe6\x9c\xac",
	"'quoted' \"double\" ; DROP TABLE t; --",
	NULL, /* SQL NULL, against the empty text above */
};
#define NTEXTS (sizeof texts / sizeof *texts)

static db_t *open_new(void)
{
	db_t *db;
	struct dy_err e;
	const char *url = tu_db_url("load.db");
	if (db_open(url, &db, &e))
		fail_msg("open: %s", e.msg);
	const char *sql = db_dialect(db) == DB_DIALECT_PG
	                          ? "CREATE TABLE t (id bigint PRIMARY KEY, note text, n bigint, x double precision,"
	                            " d date, UNIQUE (n))"
	                          : "CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT, n INTEGER, x REAL, d TEXT,"
	                            " UNIQUE (n))";
	if (db_exec(db, sql, &e))
		fail_msg("create: %s", e.msg);
	return db;
}

static const char *const cols[] = {"id", "note", "n", "x", "d"};

static void row(struct db_value v[5], int64_t id, const char *text, int64_t n, double x, const char *d)
{
	memset(v, 0, 5 * sizeof *v);
	v[0] = (struct db_value){.kind = DB_VALUE_INT, .i = id};
	v[1] = text ? (struct db_value){.kind = DB_VALUE_TEXT, .text = text} : (struct db_value){.kind = DB_VALUE_NULL};
	v[2] = (struct db_value){.kind = DB_VALUE_INT, .i = n};
	v[3] = (struct db_value){.kind = DB_VALUE_REAL, .d = x};
	v[4] = d ? (struct db_value){.kind = DB_VALUE_TEXT, .text = d} : (struct db_value){.kind = DB_VALUE_NULL};
}

static const double reals[] = {0.1, -1e300, 2.5e-310, 1.0 / 3.0, 0.0, 123456789.125};
#define NREALS (sizeof reals / sizeof *reals)

static int64_t int_for(size_t i) { return i == 0 ? INT64_MAX : i == 1 ? INT64_MIN : (int64_t)i * 7; }

/* Every awkward text loads and reads back byte for byte, NULL stays NULL
 * and "" stays "", and numbers keep every digit. */
static void test_awkward_values_round_trip(void **state)
{
	(void)state;
	db_t *db = open_new();
	struct dy_err e;
	assert_int_equal(db_begin(db, &e), 0);
	if (db_load_begin(db, "t", cols, 5, &e))
		fail_msg("load: %s", e.msg);
	struct db_value v[5];
	for (size_t i = 0; i < NTEXTS; i++) {
		row(v, (int64_t)i + 1, texts[i], int_for(i), reals[i % NREALS], i % 2 ? "2026-03-01" : NULL);
		assert_int_equal(db_load_row(db, v, &e), 0);
	}
	/* enough rows to go out in several pieces */
	char big[200];
	for (int i = 0; i < 20000; i++) {
		snprintf(big, sizeof big, "row %d\twith\ttabs\nand a line\\%d", i, i);
		row(v, 1000 + i, big, 1000 + i, i * 0.5, "2027-01-31");
		if (db_load_row(db, v, &e))
			fail_msg("row %d: %s", i, e.msg);
	}
	if (db_load_end(db, &e))
		fail_msg("end: %s", e.msg);
	assert_int_equal(db_commit(db, &e), 0);

	db_stmt_t *s = db_prepare(db, "SELECT id, note, n, x, d FROM t ORDER BY id", &e);
	assert_non_null(s);
	for (size_t i = 0; i < NTEXTS; i++) {
		assert_int_equal(db_step(s, &e), DB_ROW);
		assert_int_equal(db_col_int(s, 0), (int64_t)i + 1);
		if (texts[i]) {
			assert_false(db_col_is_null(s, 1));
			assert_string_equal(db_col_text(s, 1), texts[i]);
		} else {
			assert_true(db_col_is_null(s, 1));
		}
		assert_true(db_col_int(s, 2) == int_for(i));
		assert_true(db_col_double(s, 3) == reals[i % NREALS]);
		if (i % 2)
			assert_string_equal(db_col_text(s, 4), "2026-03-01");
		else
			assert_true(db_col_is_null(s, 4));
	}
	for (int i = 0; i < 20000; i++) {
		assert_int_equal(db_step(s, &e), DB_ROW);
		snprintf(big, sizeof big, "row %d\twith\ttabs\nand a line\\%d", i, i);
		assert_int_equal(db_col_int(s, 0), 1000 + i);
		assert_string_equal(db_col_text(s, 1), big);
		assert_true(db_col_double(s, 3) == i * 0.5);
		assert_string_equal(db_col_text(s, 4), "2027-01-31");
	}
	assert_int_equal(db_step(s, &e), DB_DONE);
	int64_t n = 0;
	assert_int_equal(db_query_int(db, "SELECT COUNT(*) FROM t WHERE note = ''", &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(db_query_int(db, "SELECT COUNT(*) FROM t WHERE note IS NULL", &n, &e), 0);
	assert_int_equal(n, 1);
	db_close(db);
}

/* A row breaking a unique key fails the load (here or at its end) as a
 * conflict naming the table and no value; after the rollback nothing of the
 * load is there and the connection takes the next transaction. */
static void test_refused_row_fails_the_load(void **state)
{
	(void)state;
	db_t *db = open_new();
	struct dy_err e;
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_load_begin(db, "t", cols, 5, &e), 0);
	struct db_value v[5];
	row(v, 1, "secret-value-one", 42, 1.0, NULL);
	assert_int_equal(db_load_row(db, v, &e), 0);
	row(v, 2, "secret-value-two", 42, 2.0, NULL); /* n is unique */
	int rc = db_load_row(db, v, &e);
	if (!rc)
		rc = db_load_end(db, &e);
	else
		assert_int_equal(db_load_end(db, &(struct dy_err){0}), rc);
	assert_int_equal(rc, DY_ECONFLICT);
	assert_null(strstr(e.msg, "secret-value"));
	assert_null(strstr(e.msg, "42"));
	db_rollback(db);
	int64_t n = -1;
	assert_int_equal(db_query_int(db, "SELECT COUNT(*) FROM t", &n, &e), 0);
	assert_int_equal(n, 0);

	/* a value its column does not take: refused without the value */
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_load_begin(db, "t", cols, 5, &e), 0);
	row(v, 3, "x", 1, 1.0, "not-a-date-secret");
	rc = db_load_row(db, v, &e);
	if (!rc)
		rc = db_load_end(db, &e);
	if (db_dialect(db) == DB_DIALECT_PG) { /* SQLite's text column takes anything */
		assert_int_equal(rc, DY_ESTORE);
		assert_null(strstr(e.msg, "secret"));
		assert_non_null(strstr(e.msg, "table t"));
		db_rollback(db);
	} else {
		assert_int_equal(rc, 0);
		assert_int_equal(db_commit(db, &e), 0);
	}

	/* a load abandoned part-way, then rolled back: the connection goes on */
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_load_begin(db, "t", cols, 5, &e), 0);
	row(v, 4, "y", 4, 1.0, NULL);
	assert_int_equal(db_load_row(db, v, &e), 0);
	db_rollback(db);
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_load_begin(db, "t", cols, 5, &e), 0);
	row(v, 5, "z", 5, 1.0, NULL);
	assert_int_equal(db_load_row(db, v, &e), 0);
	assert_int_equal(db_load_end(db, &e), 0);
	assert_int_equal(db_commit(db, &e), 0);
	assert_int_equal(db_query_int(db, "SELECT COUNT(*) FROM t WHERE id IN (4, 5)", &n, &e), 0);
	assert_int_equal(n, 1);
	db_close(db);
}

/* Names that are not plain identifiers never reach SQL. */
static void test_names_are_checked(void **state)
{
	(void)state;
	db_t *db = open_new();
	struct dy_err e;
	assert_int_equal(db_begin(db, &e), 0);
	const char *bad[] = {"id", "note\" text"};
	assert_int_equal(db_load_begin(db, "t", bad, 2, &e), DY_EINTERNAL);
	assert_int_equal(db_load_begin(db, "t; DROP TABLE t", cols, 5, &e), DY_EINTERNAL);
	db_rollback(db);
	assert_int_equal(db_load_begin(db, "t", cols, 5, &e), DY_EINTERNAL); /* outside a transaction */
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_awkward_values_round_trip),
		cmocka_unit_test(test_refused_row_fails_the_load),
		cmocka_unit_test(test_names_are_checked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
