/* db_bulk's DB_BULK_ANY_ORDER: in a bulk write, plain inserts are gathered
 * by statement and sent by COPY on PostgreSQL (SQLite runs each as it
 * comes). Whatever the store, the rows read back exactly as bound (awkward
 * text, NULL, a batch's several rows a statement), a read or another write
 * sees every row inserted before it, a row may name a row inserted after
 * it (the keys are checked at commit), ON CONFLICT DO NOTHING keeps its
 * meaning, a rollback leaves nothing, and a refused row fails the write by
 * the commit at the latest, without its value. */
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

static const unsigned GATHER = DB_BULK_LARGE | DB_BULK_REFS_CHECKED | DB_BULK_LATE_ANSWERS | DB_BULK_ANY_ORDER;

static db_t *open_new(const char *name)
{
	db_t *db;
	struct dy_err e;
	if (db_open(tu_db_url(name), &db, &e))
		fail_msg("open: %s", e.msg);
	int pg = db_dialect(db) == DB_DIALECT_PG;
	const char *sql = pg ? "CREATE TABLE parent (id bigint PRIMARY KEY, note text);"
	                       "CREATE TABLE child (id bigint PRIMARY KEY, parent_id bigint NOT NULL"
	                       "  REFERENCES parent(id) DEFERRABLE, n bigint, x double precision, d date);"
	                       "CREATE TABLE word (w text PRIMARY KEY)"
	                     : "CREATE TABLE parent (id INTEGER PRIMARY KEY, note TEXT);"
	                       "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL"
	                       "  REFERENCES parent(id), n INTEGER, x REAL, d TEXT);"
	                       "CREATE TABLE word (w TEXT PRIMARY KEY)";
	if (db_exec(db, sql, &e))
		fail_msg("create: %s", e.msg);
	return db;
}

static void begin_gather(db_t *db)
{
	struct dy_err e;
	if (db_bulk(db, GATHER, &e) || db_begin(db, &e))
		fail_msg("begin: %s", e.msg);
}

static void end_gather(db_t *db)
{
	struct dy_err e;
	if (db_bulk(db, DB_BULK_END, &e))
		fail_msg("bulk end: %s", e.msg);
}

/* Ends the gathered write: commits it when rc (its writes so far) is 0,
 * else rolls it back; returns the first failure. */
static int finish_gather(db_t *db, int rc, struct dy_err *e)
{
	if (!rc)
		rc = db_commit(db, e);
	else
		db_rollback(db);
	end_gather(db);
	return rc;
}

static int add_parent(db_t *db, int64_t id, const char *note, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO parent (id, note) VALUES (?, ?) RETURNING id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, id);
	if (note)
		db_bind_text(s, 2, note);
	else
		db_bind_null(s, 2);
	return db_run(s, e);
}

static int add_child(db_t *db, int64_t id, int64_t parent, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO child (id, parent_id, n, x, d) VALUES (?,?,?,?,?)", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, id);
	db_bind_int(s, 2, parent);
	db_bind_int(s, 3, id * 3);
	db_bind_double(s, 4, (double)id / 3.0);
	db_bind_text(s, 5, "2026-03-01");
	return db_run(s, e);
}

static int64_t count(db_t *db, const char *sql)
{
	int64_t n = -1;
	struct dy_err e;
	if (db_query_int(db, sql, &n, &e))
		fail_msg("%s: %s", sql, e.msg);
	return n;
}

static const char *const texts[] = {
	"plain", "", "tab\there", "line\nbreak", "carriage\r\nreturn", "back\\slash \\N \\t", "\\.", "\\",
	"caf\xc3\xa9 \xf0\x9f\x91\xb6", "'quoted' \"double\"", NULL,
};
#define NTEXTS (sizeof texts / sizeof *texts)

/* Children before their parents, awkward text, NULL, numbers: all read back
 * as bound after the commit; a read in the middle sees every earlier row. */
static void test_rows_round_trip_in_any_order(void **state)
{
	(void)state;
	db_t *db = open_new("gather1.db");
	struct dy_err e;
	begin_gather(db);
	for (int i = 1; i <= 3000; i++) /* each child names a parent not yet inserted */
		assert_int_equal(add_child(db, i, i, &e), 0);
	for (size_t i = 0; i < NTEXTS; i++)
		assert_int_equal(add_parent(db, (int64_t)i + 1, texts[i], &e), 0);
	/* a read sees what went before it */
	assert_int_equal(count(db, "SELECT COUNT(*) FROM child"), 3000);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM parent"), (int64_t)NTEXTS);
	for (int i = (int)NTEXTS + 1; i <= 3000; i++)
		assert_int_equal(add_parent(db, i, "later", &e), 0);
	/* another write sees the rows gathered before it */
	assert_int_equal(db_exec(db, "UPDATE parent SET note = 'updated' WHERE id = 3000", &e), 0);
	assert_int_equal(db_commit(db, &e), 0);
	end_gather(db);

	assert_int_equal(count(db, "SELECT COUNT(*) FROM parent WHERE note = 'updated'"), 1);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM child c JOIN parent p ON p.id = c.parent_id"), 3000);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM child WHERE n = id * 3 AND d = '2026-03-01'"), 3000);
	db_stmt_t *s = db_prepare(db, "SELECT note FROM parent WHERE id <= ? ORDER BY id", &e);
	assert_non_null(s);
	db_bind_int(s, 1, (int64_t)NTEXTS);
	for (size_t i = 0; i < NTEXTS; i++) {
		assert_int_equal(db_step(s, &e), DB_ROW);
		if (texts[i])
			assert_string_equal(db_col_text(s, 0), texts[i]);
		else
			assert_true(db_col_is_null(s, 0));
	}
	assert_int_equal(db_step(s, &e), DB_DONE);
	s = db_prepare(db, "SELECT x FROM child WHERE id = 7", &e);
	assert_int_equal(db_step(s, &e), DB_ROW);
	assert_true(db_col_double(s, 0) == 7.0 / 3.0);
	assert_int_equal(db_step(s, &e), DB_DONE);
	db_close(db);
}

/* A batch statement's several rows, and ON CONFLICT DO NOTHING against rows
 * already there and rows of the same write. */
static void test_batches_and_conflicts_do_nothing(void **state)
{
	(void)state;
	db_t *db = open_new("gather2.db");
	struct dy_err e;
	assert_int_equal(db_exec(db, "INSERT INTO word (w) VALUES ('old')", &e), 0);
	begin_gather(db);
	const char *words[] = {"old", "a", "b", "a", "c\td", "b", "old"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		db_stmt_t *s = db_prepare(db, "INSERT INTO word (w) VALUES (?) ON CONFLICT DO NOTHING", &e);
		assert_non_null(s);
		db_bind_text(s, 1, words[i]);
		assert_int_equal(db_run(s, &e), 0);
	}
	for (int i = 0; i < 100; i++) {
		db_stmt_t *s = db_prepare(db, "INSERT INTO parent (id, note) VALUES (?, ?), (?, ?), (?, ?)", &e);
		assert_non_null(s);
		for (int k = 0; k < 3; k++) {
			db_bind_int(s, 2 * k + 1, 10 + i * 3 + k);
			db_bind_text(s, 2 * k + 2, k == 1 ? "middle\\" : "edge");
		}
		assert_int_equal(db_run(s, &e), 0);
	}
	assert_int_equal(db_commit(db, &e), 0);
	end_gather(db);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM word"), 4);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM word WHERE w = 'c\td'"), 1);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM parent"), 300);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM parent WHERE note = 'middle\\' AND id % 3 = 2"), 100);
	db_close(db);
}

/* A rollback leaves none of the gathered rows; a duplicate key, or a row
 * naming a parent that never comes, fails the write by the commit at the
 * latest, without the value; the connection takes the next transaction. */
static void test_failures_and_rollback(void **state)
{
	(void)state;
	db_t *db = open_new("gather3.db");
	struct dy_err e;
	begin_gather(db);
	assert_int_equal(add_parent(db, 1, "x", &e), 0);
	assert_int_equal(add_child(db, 1, 1, &e), 0);
	db_rollback(db);
	end_gather(db);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM parent"), 0);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM child"), 0);

	begin_gather(db);
	int rc = add_parent(db, 5, "secret-note-one", &e);
	if (!rc)
		rc = add_parent(db, 5, "secret-note-two", &e);
	assert_int_equal(finish_gather(db, rc, &e), DY_ECONFLICT);
	assert_null(strstr(e.msg, "secret"));
	assert_int_equal(count(db, "SELECT COUNT(*) FROM parent"), 0);

	if (db_dialect(db) == DB_DIALECT_PG) { /* SQLite's bulk write leaves its keys to the caller */
		begin_gather(db);
		rc = add_child(db, 9, 424242, &e);
		assert_int_equal(finish_gather(db, rc, &e), DY_ECONFLICT);
		assert_int_equal(count(db, "SELECT COUNT(*) FROM child"), 0);
	}

	begin_gather(db);
	assert_int_equal(add_parent(db, 6, "fine", &e), 0);
	assert_int_equal(db_commit(db, &e), 0);
	end_gather(db);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM parent"), 1);
	db_close(db);
}

/* More rows than one COPY holds (16 MB of text: sent while the caller
 * goes on, answered later): every row arrives; a duplicate in the first
 * COPY is reported by a later call or the commit, and nothing stays. */
static void test_large_write_sent_while_going_on(void **state)
{
	(void)state;
	db_t *db = open_new("gather4.db");
	struct dy_err e;
	char note[1001];
	memset(note, 'n', sizeof note - 1);
	note[sizeof note - 1] = '\0';
	begin_gather(db);
	for (int i = 1; i <= 40000; i++) {
		note[i % 1000] = '\t';
		assert_int_equal(add_parent(db, i, note, &e), 0);
		note[i % 1000] = 'n';
		assert_int_equal(add_child(db, i, i, &e), 0);
	}
	assert_int_equal(count(db, "SELECT COUNT(*) FROM parent"), 40000);
	assert_int_equal(db_commit(db, &e), 0);
	end_gather(db);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM child c JOIN parent p ON p.id = c.parent_id"
	                           " WHERE length(p.note) = 1000"), 40000);
	for (int id = 1; id <= 40000; id += 3331) { /* the tab where it was put */
		db_stmt_t *s = db_prepare(db, "SELECT note FROM parent WHERE id = ?", &e);
		assert_non_null(s);
		db_bind_int(s, 1, id);
		assert_int_equal(db_step(s, &e), DB_ROW);
		note[id % 1000] = '\t';
		assert_string_equal(db_col_text(s, 0), note);
		note[id % 1000] = 'n';
		assert_int_equal(db_step(s, &e), DB_DONE);
	}

	begin_gather(db);
	int rc = 0;
	for (int i = 1; !rc && i <= 40000; i++)
		rc = add_parent(db, i == 2 ? 100001 : 100000 + i, note, &e); /* 100001 twice, in the first COPY */
	assert_int_equal(finish_gather(db, rc, &e), DY_ECONFLICT);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM parent"), 40000);
	db_close(db);
}

/* A bound integer reaches the server whole, whatever its sign or size. */
static void test_bound_integers_round_trip(void **state)
{
	(void)state;
	db_t *db = open_new("gather5.db");
	struct dy_err e;
	const int64_t v[] = {0, 1, -1, 9, 10, -10, 1234567890123, -987654321, INT64_MAX, INT64_MIN, INT64_MIN + 1};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		db_stmt_t *s = db_prepare(db, "SELECT CAST(? AS bigint)", &e);
		assert_non_null(s);
		db_bind_int(s, 1, v[i]);
		assert_int_equal(db_step(s, &e), DB_ROW);
		assert_true(db_col_int(s, 0) == v[i]);
		assert_int_equal(db_step(s, &e), DB_DONE);
	}
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_round_trip_in_any_order),
		cmocka_unit_test(test_batches_and_conflicts_do_nothing),
		cmocka_unit_test(test_failures_and_rollback),
		cmocka_unit_test(test_large_write_sent_while_going_on),
		cmocka_unit_test(test_bound_integers_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
