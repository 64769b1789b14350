/* store_tally.c: see store_tally.h. The triggers' text is schema_v28.c's;
 * the recompute uses the same expressions (schema_tally.h), so a table
 * made again equals the one the triggers kept (tests/store/test_tally.c
 * checks it after every kind of change). */
#include "store/store_tally.h"

#include <stdio.h>
#include <string.h>

#include "store/schema.h"
#include "store/schema_tally.h"

static const char *const recompute_sql[] = {
	"DELETE FROM contact_tally WHERE (? = 0 OR team_id = ?)",
	"INSERT INTO contact_tally (date, team_id, kind, location, intervention, attendance, n) "
	TALLY_ROWS("f.team_id", "", "(? = 0 OR f.team_id = ?)"),
	"DELETE FROM referral_tally WHERE (? = 0 OR team_id = ?)",
	"INSERT INTO referral_tally (date, team_id, what, code, n) SELECT date, team_id, what, code, SUM(n) FROM ("
	REF_ROWS("e", "f.team_id", "1", " FROM episode e JOIN family f ON f.id = e.family_id", "(? = 0 OR f.team_id = ?)")
	") t GROUP BY date, team_id, what, code",
};

int store_tally_recompute(db_t *db, int64_t team, struct dy_err *e)
{
	int rc = 0;
	for (size_t i = 0; !rc && i < sizeof recompute_sql / sizeof *recompute_sql; i++) {
		db_stmt_t *s = db_prepare(db, recompute_sql[i], e);
		if (!s)
			return DY_ESTORE;
		int n = 0; /* every parameter is the team */
		for (const char *q = recompute_sql[i]; *q; q++)
			n += *q == '?';
		for (int k = 1; k <= n; k++)
			db_bind_int(s, k, team);
		rc = db_run(s, e);
	}
	return rc;
}

int store_tally_aside(db_t *db, struct dy_err *e)
{
	if (db_dialect(db) == DB_DIALECT_PG)
		return db_exec(db, "SELECT set_config('dyad.tallies', 'later', true)", e);
	char sql[128];
	const char *p = schema_v28_trigger_names;
	while (*p) {
		size_t n = strcspn(p, " ");
		snprintf(sql, sizeof sql, "DROP TRIGGER IF EXISTS %.*s", (int)n, p);
		int rc = db_exec(db, sql, e);
		if (rc)
			return rc;
		p += n + (p[n] == ' ');
	}
	return 0;
}

int store_tally_end(db_t *db, int64_t team, struct dy_err *e)
{
	int rc = store_tally_recompute(db, team, e);
	if (rc)
		return rc;
	if (db_dialect(db) == DB_DIALECT_PG)
		return db_exec(db, "SELECT set_config('dyad.tallies', 'now', true)", e);
	return db_exec(db, schema_v28_triggers, e);
}

int store_tally_fill(db_t *db, struct dy_err *e)
{
	int rc = store_tally_aside(db, e);
	return rc ? rc : store_tally_end(db, 0, e);
}
