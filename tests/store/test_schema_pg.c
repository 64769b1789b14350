/* The two dialects of the schema stay one schema: every migration in
 * schema.c has its PostgreSQL text, and (run against PostgreSQL, make
 * test-pg) a database migrated on each store has the same tables with the
 * same columns in the same order, and the same named indexes. Uses
 * tu_db_url, so CMake runs it on both stores. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/migrate.h"
#include "store/schema.h"
#include "testutil.h"
#include "util/str.h"

static void every_migration_has_its_postgresql_text(void **state)
{
	(void)state;
	for (int i = 0; i < schema_migration_count; i++) {
		if (!schema_migrations[i].pg)
			fail_msg("migration %d (%s) has no PostgreSQL text: add it to schema_pg.c",
			         schema_migrations[i].version, schema_migrations[i].name);
		/* Ascending; a gap is allowed (a number taken by another branch). */
		assert_true(i == 0 ? schema_migrations[i].version == 1
		                   : schema_migrations[i].version > schema_migrations[i - 1].version);
	}
}

/* "table.column" lines of a migrated database, in table and column order,
 * then "index name" lines in name order. */
static char *describe(const char *url, const char *cols_sql, const char *index_sql)
{
	db_t *db;
	struct dy_err e;
	int applied;
	if (db_open(url, &db, &e) || migrate_up(db, &applied, &e))
		fail_msg("%s", e.msg);
	size_t cap = 1 << 16, len = 0;
	char *out = calloc(1, cap);
	const char *sqls[] = {cols_sql, index_sql};
	for (int k = 0; k < 2; k++) {
		db_stmt_t *s = db_prepare(db, sqls[k], &e);
		assert_non_null(s);
		int rc;
		while ((rc = db_step(s, &e)) == DB_ROW) {
			int n = snprintf(out + len, cap - len, "%s%s%s\n", k ? "index " : "", db_col_text(s, 0),
			                 k ? "" : db_col_text(s, 1));
			assert_true(n > 0 && (size_t)n < cap - len);
			len += (size_t)n;
		}
		assert_int_equal(rc, DB_DONE);
	}
	db_close(db);
	return out;
}

static void both_stores_have_the_same_tables_columns_and_indexes(void **state)
{
	(void)state;
	char lite[600];
	snprintf(lite, sizeof lite, "%s/schema.db", tu_tempdir());
	char *a = describe(lite,
	                   "SELECT m.name, '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p"
	                   " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid",
	                   /* session_user is reserved in PostgreSQL: named session_of_user there */
	                   "SELECT CASE name WHEN 'session_user' THEN 'session_of_user' ELSE name END FROM sqlite_master"
	                   " WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY 1");
	char *b = describe(tu_db_url("schema"),
	                   "SELECT table_name, '.' || column_name FROM information_schema.columns"
	                   " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position",
	                   /* PostgreSQL names the indexes of keys itself (_pkey, _key): not compared */
	                   "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
	                   " AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key' ORDER BY 1");
	assert_non_null(strstr(a, "person.nhs_number\n"));
	assert_non_null(strstr(a, "index measure_once\n"));
	if (strcmp(a, b) != 0) {
		/* the first line that differs */
		size_t i = 0, line = 0;
		while (a[i] && a[i] == b[i])
			if (a[i++] == '\n')
				line = i;
		fail_msg("schemas differ at: SQLite \"%.60s\" / PostgreSQL \"%.60s\"", a + line, b + line);
	}
	free(a);
	free(b);
}

/* Migration 27: every foreign key can wait for the commit (a bulk load's
 * COPY sends rows grouped by table), yet each is checked at once unless a
 * transaction defers it; one added by a later migration without
 * DEFERRABLE would break an import's rows sent out of order. */
static void every_foreign_key_is_deferrable_and_immediate(void **state)
{
	(void)state;
	db_t *db;
	struct dy_err e;
	int applied;
	if (db_open(tu_db_url("keys"), &db, &e) || migrate_up(db, &applied, &e))
		fail_msg("%s", e.msg);
	int64_t all = 0, deferrable = 0, deferred = -1;
	assert_int_equal(db_query_int(db, "SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f'"
	                                  " AND connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())",
	                              &all, &e), 0);
	assert_int_equal(db_query_int(db, "SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f' AND condeferrable"
	                                  " AND connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())",
	                              &deferrable, &e), 0);
	assert_int_equal(db_query_int(db, "SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f' AND condeferred", &deferred,
	                              &e), 0);
	assert_true(all > 40);
	assert_int_equal(deferrable, all);
	assert_int_equal(deferred, 0);
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest always[] = {
		cmocka_unit_test(every_migration_has_its_postgresql_text),
	};
	const struct CMUnitTest on_pg[] = {
		cmocka_unit_test(every_migration_has_its_postgresql_text),
		cmocka_unit_test(both_stores_have_the_same_tables_columns_and_indexes),
		cmocka_unit_test(every_foreign_key_is_deferrable_and_immediate),
	};
	return tu_on_pg() ? cmocka_run_group_tests(on_pg, NULL, NULL) : cmocka_run_group_tests(always, NULL, NULL);
}
