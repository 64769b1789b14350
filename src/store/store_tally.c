/* store_tally.c: see store_tally.h. The triggers' text is schema_v28.c's
 * and schema_v29.c's; the recompute uses the same expressions
 * (schema_tally.h), so a table made again equals the one the triggers kept
 * (tests/store/test_tally.c checks it after every kind of change). */
#include "store/store_tally.h"

#include <stdio.h>
#include <string.h>

#include "store/schema.h"
#include "store/schema_tally.h"

/* The tallies of migration 28 and the outcome rows of migration 29: each
 * made again from the records by its statements (every parameter the
 * team), and kept on SQLite by its triggers. */
static const char *const tally_sql[] = {
	"DELETE FROM contact_tally WHERE (? = 0 OR team_id = ?)",
	"INSERT INTO contact_tally (date, team_id, kind, location, intervention, attendance, n) "
	TALLY_ROWS("f.team_id", "", "(? = 0 OR f.team_id = ?)"),
	"DELETE FROM referral_tally WHERE (? = 0 OR team_id = ?)",
	"INSERT INTO referral_tally (date, team_id, what, code, n) SELECT date, team_id, what, code, SUM(n) FROM ("
	REF_ROWS("e", "f.team_id", "1", " FROM episode e JOIN family f ON f.id = e.family_id", "(? = 0 OR f.team_id = ?)")
	") t GROUP BY date, team_id, what, code",
	NULL};
#define OF_TEAM(fam) "(? = 0 OR " fam " IN (SELECT tf.id FROM family tf WHERE tf.team_id = ?))"
static const char *const outcome_sql[] = {
	"DELETE FROM report_measure WHERE " OF_TEAM("family_id"),
	"INSERT INTO report_measure (" OUTCOME_COLS ") " OUTCOME_ROWS(OF_TEAM("e.family_id")), NULL};

struct part {
	const char *const *recompute;
	const char *triggers, *names;
};
static const struct part parts[] = {
	{tally_sql, schema_v28_triggers, schema_v28_trigger_names},
	{outcome_sql, schema_v29_triggers, schema_v29_trigger_names},
};
enum { N_PARTS = sizeof parts / sizeof *parts };

static int recompute(db_t *db, const struct part *p, int64_t team, struct dy_err *e)
{
	int rc = 0;
	for (const char *const *q = p->recompute; !rc && *q; q++) {
		db_stmt_t *s = db_prepare(db, *q, e);
		if (!s)
			return DY_ESTORE;
		int n = 0; /* every parameter is the team */
		for (const char *c = *q; *c; c++)
			n += *c == '?';
		for (int k = 1; k <= n; k++)
			db_bind_int(s, k, team);
		rc = db_run(s, e);
	}
	return rc;
}

/* SQLite: drops the part's triggers (a change the transaction's rollback
 * undoes). */
static int drop_triggers(db_t *db, const struct part *p, struct dy_err *e)
{
	char sql[128];
	for (const char *n = p->names; *n;) {
		size_t len = strcspn(n, " ");
		snprintf(sql, sizeof sql, "DROP TRIGGER IF EXISTS %.*s", (int)len, n);
		int rc = db_exec(db, sql, e);
		if (rc)
			return rc;
		n += len + (n[len] == ' ');
	}
	return 0;
}

static int is_pg(db_t *db) { return db_dialect(db) == DB_DIALECT_PG; }

int store_tally_recompute(db_t *db, int64_t team, struct dy_err *e)
{
	int rc = 0;
	for (int i = 0; !rc && i < N_PARTS; i++)
		rc = recompute(db, &parts[i], team, e);
	return rc;
}

int store_tally_aside(db_t *db, struct dy_err *e)
{
	if (is_pg(db))
		return db_exec(db, "SELECT set_config('dyad.tallies', 'later', true)", e);
	int rc = 0;
	for (int i = 0; !rc && i < N_PARTS; i++)
		rc = drop_triggers(db, &parts[i], e);
	return rc;
}

int store_tally_end(db_t *db, int64_t team, struct dy_err *e)
{
	/* PostgreSQL has no statistics yet for the rows a load just wrote: it
	 * takes the grouped passes for costly enough to compile, 0.25 s of a
	 * 100,000-family import spent on code run once. */
	int rc = is_pg(db) ? db_exec(db, "SET LOCAL jit = off", e) : 0;
	if (!rc)
		rc = store_tally_recompute(db, team, e);
	if (rc)
		return rc;
	if (is_pg(db))
		return db_exec(db, "SELECT set_config('dyad.tallies', 'now', true)", e);
	for (int i = 0; !rc && i < N_PARTS; i++)
		rc = db_exec(db, parts[i].triggers, e);
	return rc;
}

/* A migration's step fills its own part alone: the later part's table does
 * not exist yet when an older database passes through migration 28. Its
 * SQLite triggers are made after the fill (PostgreSQL's are the
 * migration's own text, and touch none of the tables filled). */
static int fill(db_t *db, const struct part *p, struct dy_err *e)
{
	int rc = recompute(db, p, 0, e);
	return rc || is_pg(db) ? rc : db_exec(db, p->triggers, e);
}

int store_tally_fill(db_t *db, struct dy_err *e) { return fill(db, &parts[0], e); }

int store_tally_fill_outcomes(db_t *db, struct dy_err *e) { return fill(db, &parts[1], e); }
