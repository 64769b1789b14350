/* store_report_contacts counts the period's contacts by their four codes
 * as it reads them (no GROUP BY): against the database's own GROUP BY,
 * every combination comes once with its count, however many there are
 * (more than the table's first size), a missing intervention counts as
 * "", and contacts outside the period or entered in error count for
 * nothing. Runs on both stores (appfix_open takes tu_db_url(name)). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appfix.h"
#include "store/store_report.h"
#include "store/store_teams.h"
#include "util/date.h"

struct seen {
	char line[2000][120];
	int n;
	int64_t total;
};

static int each(void *ctx, const char *kind, const char *location, const char *intervention, const char *attendance,
                int64_t n)
{
	struct seen *s = ctx;
	assert_true(s->n < 2000);
	snprintf(s->line[s->n++], sizeof s->line[0], "%s|%s|%s|%s|%lld", kind, location, intervention, attendance,
	         (long long)n);
	s->total += n;
	return 0;
}

static int by_text(const void *a, const void *b) { return strcmp(a, b); }

static void test_counts_match_group_by(void **state)
{
	(void)state;
	struct app_fixture f;
	appfix_open(&f, "report_contacts.db", 0);
	db_t *db = f.a.db;
	struct dy_err e;
	static const char *kinds[] = {"assessment", "intervention", "review", "group"};
	static const char *places[] = {"home", "clinic", "gp"};
	static const char *att[] = {"attended", "did_not_attend", "cancelled_by_family"};
	assert_int_equal(db_begin(db, &e), 0);
	int64_t id = 1000;
	for (int k = 0; k < 4; k++)
		for (int p = 0; p < 3; p++)
			for (int a = 0; a < 3; a++)
				for (int iv = 0; iv < 12; iv++) /* 432 combinations, some twice */
					for (int rep = 0; rep <= (iv + a) % 3; rep++) {
						db_stmt_t *s = db_prepare(db,
						                          "INSERT INTO contact (id, episode_id, date, kind, intervention, location,"
						                          " attendance) VALUES (?, ?, ?, ?, ?, ?, ?)",
						                          &e);
						assert_non_null(s);
						char code[16];
						snprintf(code, sizeof code, "iv_%d", iv);
						db_bind_int(s, 1, ++id);
						db_bind_int(s, 2, f.referral);
						/* one in seven outside the period */
						db_bind_text(s, 3, id % 7 == 0 ? "2026-10-02" : "2026-04-15");
						db_bind_text(s, 4, kinds[k]);
						if (iv == 0)
							db_bind_null(s, 5);
						else if (iv == 1)
							db_bind_text(s, 5, "");
						else
							db_bind_text(s, 5, code);
						db_bind_text(s, 6, places[p]);
						db_bind_text(s, 7, att[a]);
						assert_int_equal(db_run(s, &e), 0);
					}
	assert_int_equal(db_exec(db, "UPDATE contact SET error_at = '2026-05-01T00:00:00Z' WHERE id % 11 = 0", &e), 0);
	assert_int_equal(db_commit(db, &e), 0);

	int32_t from, to;
	assert_int_equal(date_parse("2026-04-01", &from), 0);
	assert_int_equal(date_parse("2026-06-30", &to), 0);
	struct seen *got = calloc(1, sizeof *got), *want = calloc(1, sizeof *want);
	assert_int_equal(store_report_contacts(db, from, to, NULL, each, got, &e), 0);
	db_stmt_t *s = db_prepare(db,
	                          "SELECT kind, location, coalesce(intervention, ''), attendance, COUNT(*) FROM contact"
	                          " WHERE date BETWEEN '2026-04-01' AND '2026-06-30' AND error_at IS NULL"
	                          " GROUP BY kind, location, coalesce(intervention, ''), attendance",
	                          &e);
	assert_non_null(s);
	while (db_step(s, &e) == DB_ROW)
		each(want, db_col_text(s, 0), db_col_text(s, 1), db_col_text(s, 2), db_col_text(s, 3), db_col_int(s, 4));
	assert_true(want->n > 300); /* beyond the table's first size */
	assert_int_equal(got->n, want->n);
	assert_true(got->total == want->total);
	qsort(got->line, (size_t)got->n, sizeof got->line[0], by_text);
	qsort(want->line, (size_t)want->n, sizeof want->line[0], by_text);
	for (int i = 0; i < want->n; i++)
		assert_string_equal(got->line[i], want->line[i]);
	free(got);
	free(want);
	app_close(&f.a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_match_group_by),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
