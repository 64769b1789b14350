/* The report tallies of migration 28 and the outcome rows of migration 29
 * (store_tally.h): after every kind of
 * change a record can undergo (a contact added, corrected, moved to another
 * referral, entered in error and back, deleted; a referral added,
 * corrected, accepted, declined, discharged, entered in error and back,
 * deleted; a family moved to another team and back; a bulk load), the
 * tables the triggers kept equal the ones store_tally_recompute makes from
 * the records, on either store. And the figures read from them hold at
 * their boundaries: a referral is open from its received day to its
 * discharge day, not the day before nor the day after; a contact of a
 * referral in error is in no count; a referral's measures and scores are
 * read on its discharge day and not the day before or after, with a
 * measure's score entered, corrected, its timepoint changed, entered in
 * error and back, moved, deleted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/migrate.h"
#include "store/store_bulk.h"
#include "store/store_report.h"
#include "store/store_tally.h"
#include "store/store_teams.h"
#include "testutil.h"
#include "util/date.h"

static db_t *db;

static void run(const char *sql)
{
	struct dy_err e;
	if (db_exec(db, sql, &e))
		fail_msg("%s: %s", sql, e.msg);
}

/* Every row of the three tables (and report_measure) as text, in one string (caller frees). */
static char *tallies(void)
{
	static const char *const q[] = {
		"SELECT 'c ' || CAST(date AS TEXT) || ' ' || team_id || ' ' || kind || ' ' || location || ' ' ||"
		" intervention || ' ' || attendance || ' ' || n FROM contact_tally ORDER BY 1",
		"SELECT 'r ' || CAST(date AS TEXT) || ' ' || team_id || ' ' || what || ' ' || code || ' ' || n"
		" FROM referral_tally ORDER BY 1",
		"SELECT 'm ' || CAST(discharged_on AS TEXT) || ' ' || episode_id || ' ' || measure_id || ' ' || position"
		" || ' ' || family_id || ' ' || coalesce(CAST(person_id AS TEXT), '-') || ' '"
		" || coalesce(CAST(subject_caregiver_id AS TEXT), '-') || ' ' || coalesce(CAST(subject_infant_id AS TEXT), '-')"
		" || ' ' || coalesce(instrument, '-') || ' ' || is_end || ' ' || paired || ' '"
		" || coalesce(CAST(date AS TEXT), '-') || ' '"
		" || coalesce(CAST(value AS TEXT), '-') || ' ' || coalesce(CAST(clinical AS TEXT), '-')"
		" FROM report_measure ORDER BY 1"};
	size_t len = 0, cap = 4096;
	char *out = malloc(cap);
	out[0] = 0;
	for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
		struct dy_err e;
		db_stmt_t *s = db_prepare(db, q[i], &e);
		if (!s)
			fail_msg("%s", e.msg);
		int rc;
		while ((rc = db_step(s, &e)) == DB_ROW) {
			const char *t = db_col_text(s, 0);
			size_t n = strlen(t);
			while (len + n + 2 > cap)
				out = realloc(out, cap *= 2);
			memcpy(out + len, t, n);
			len += n;
			out[len++] = '\n';
			out[len] = 0;
		}
		assert_int_equal(rc, DB_DONE);
	}
	return out;
}

/* The tallies as kept equal the tallies made again from the records. */
static void agree(const char *after)
{
	char *kept = tallies();
	struct dy_err e;
	if (db_begin(db, &e) || store_tally_aside(db, &e) || store_tally_recompute(db, 0, &e))
		fail_msg("recompute: %s", e.msg);
	char *made = tallies();
	db_rollback(db);
	if (strcmp(kept, made) != 0)
		fail_msg("after %s the tallies kept:\n%s\ndiffer from the ones made again:\n%s", after, kept, made);
	char *again = tallies();
	assert_string_equal(again, kept); /* the rollback left them as kept */
	free(kept);
	free(made);
	free(again);
}

/* The period's contacts of kind, all attendances, from store_report_contacts. */
struct kind_count {
	const char *kind;
	int64_t n;
};
static int kind_row(void *ctx, const char *kind, const char *location, const char *intervention,
                    const char *attendance, int64_t n)
{
	(void)location;
	(void)intervention;
	(void)attendance;
	struct kind_count *k = ctx;
	if (strcmp(kind, k->kind) == 0)
		k->n += n;
	return 0;
}
/* The days from and to as dates. */
static void days(const char *from, const char *to, int32_t *a, int32_t *b)
{
	assert_int_equal(date_parse(from, a), 0);
	assert_int_equal(date_parse(to, b), 0);
}

static int64_t contacts(const char *kind, const char *from, const char *to, int64_t team)
{
	struct kind_count k = {kind, 0};
	struct dy_err e;
	struct store_teams t = store_teams_one(team);
	int32_t a, b;
	days(from, to, &a, &b);
	if (store_report_contacts(db, a, b, &t, kind_row, &k, &e))
		fail_msg("contacts: %s", e.msg);
	return k.n;
}

/* The episodes open on day (accepted, received by then, not discharged
 * before it) of team. */
static int64_t open_on(const char *day, int64_t team)
{
	int64_t n = -1;
	struct dy_err e;
	struct store_teams t = store_teams_one(team);
	int32_t d;
	assert_int_equal(date_parse(day, &d), 0);
	if (store_report_caseload(db, d, &t, &n, &e))
		fail_msg("caseload: %s", e.msg);
	return n;
}

static void setup_records(void)
{
	struct dy_err e;
	assert_int_equal(db_open(tu_db_url("tally.db"), &db, &e), 0);
	int applied;
	assert_int_equal(migrate_up(db, &applied, &e), 0);
	run("INSERT INTO team (id, code, name) VALUES (1, 'a', 'A'), (2, 'b', 'B')");
	run("INSERT INTO practitioner (id, team_id, name, profession) VALUES (1, 1, 'P1', 'x'), (2, 1, 'P2', 'x'),"
	    " (3, 2, 'P3', 'x')");
	run("INSERT INTO family (id, team_id, created_on) VALUES (1, 1, '2026-01-01'), (2, 1, '2026-01-01'),"
	    " (3, 2, '2026-01-01')");
	run("INSERT INTO episode (id, family_id, received_on, source, decision, decided_on) VALUES"
	    " (1, 1, '2026-02-01', 'gp', 'accepted', '2026-02-03'),"
	    " (2, 2, '2026-03-01', 'gp', 'pending', NULL),"
	    " (3, 3, '2026-02-10', 'health_visitor', 'accepted', '2026-02-11')");
}

/* The referral counts: received, decided, open on a day. */
static void referrals_kept(void **state)
{
	(void)state;
	setup_records();
	agree("referrals added");
	/* open from the received day: 1 February (referral 1) */
	assert_int_equal(open_on("2026-01-31", 1), 0);
	assert_int_equal(open_on("2026-02-01", 1), 1);
	assert_int_equal(open_on("2026-02-10", 2), 1);
	run("UPDATE episode SET source = 'midwife', received_on = '2026-01-15' WHERE id = 1");
	agree("a referral's source and date corrected");
	assert_int_equal(open_on("2026-01-15", 1), 1);
	run("UPDATE episode SET decision = 'accepted', decided_on = '2026-03-02' WHERE id = 2");
	agree("a referral accepted");
	assert_int_equal(open_on("2026-03-02", 1), 2);
	/* discharged on 31 March: open that day, not the next */
	run("UPDATE episode SET discharged_on = '2026-03-31' WHERE id = 2");
	agree("a referral discharged");
	assert_int_equal(open_on("2026-03-31", 1), 2);
	assert_int_equal(open_on("2026-04-01", 1), 1);
	run("UPDATE episode SET decision = 'declined' WHERE id = 1");
	agree("a referral declined");
	assert_int_equal(open_on("2026-03-31", 1), 1);
	run("UPDATE episode SET error_at = '2026-05-02T10:00:00Z', error_by = 'x', error_reason = 'y' WHERE id = 2");
	agree("a referral entered in error");
	assert_int_equal(open_on("2026-03-31", 1), 0);
	run("UPDATE episode SET error_at = NULL, error_by = NULL, error_reason = NULL WHERE id = 2");
	agree("a referral's error undone");
	run("UPDATE family SET team_id = 2 WHERE id = 2");
	agree("a family moved to another team");
	assert_int_equal(open_on("2026-03-31", 1), 0);
	assert_int_equal(open_on("2026-03-31", 2), 2); /* with team B's own referral 3 */
	assert_int_equal(open_on("2026-03-31", 0), 2); /* every team: 2 and 3 (1 is declined) */
	run("INSERT INTO episode (id, family_id, received_on, source, decision) VALUES (4, 1, '2026-04-01', 'gp',"
	    " 'pending')");
	agree("a referral added");
	run("DELETE FROM episode WHERE id = 4");
	agree("a referral deleted");
	db_close(db);
}

static void every_change_kept(void **state)
{
	(void)state;
	setup_records();
	agree("nothing yet");
	run("INSERT INTO contact (id, episode_id, date, kind, location, attendance, intervention) VALUES"
	    " (1, 1, '2026-01-20', 'assessment', 'home', 'attended', NULL),"
	    " (2, 1, '2026-02-05', 'intervention', 'home', 'attended', 'vig'),"
	    " (3, 1, '2026-02-05', 'intervention', 'home', 'attended', 'vig'),"
	    " (4, 2, '2026-03-04', 'assessment', 'clinic', 'did_not_attend', NULL),"
	    " (5, 3, '2026-02-12', 'assessment', 'clinic', 'attended', NULL)");
	agree("contacts added");
	/* the period's ends count: 5 February in, 4 February out */
	assert_int_equal(contacts("intervention", "2026-02-05", "2026-02-05", 1), 2);
	assert_int_equal(contacts("intervention", "2026-01-01", "2026-02-04", 1), 0);
	assert_int_equal(contacts("assessment", "2026-01-01", "2026-12-31", 1), 2);
	assert_int_equal(contacts("assessment", "2026-01-01", "2026-12-31", 2), 1);
	assert_int_equal(contacts("assessment", "2026-01-01", "2026-12-31", 0), 3);
	run("UPDATE contact SET date = '2026-02-06' WHERE id = 1");
	agree("a contact re-dated");
	run("UPDATE contact SET kind = 'review', location = 'video', intervention = 'cpp' WHERE id = 3");
	agree("a contact's codes corrected");
	assert_int_equal(contacts("intervention", "2026-02-05", "2026-02-05", 1), 1);
	run("UPDATE contact SET error_at = '2026-05-01T10:00:00Z', error_by = 'x', error_reason = 'y' WHERE id = 2");
	agree("a contact entered in error");
	assert_int_equal(contacts("intervention", "2026-02-05", "2026-02-05", 1), 0);
	run("UPDATE contact SET error_at = NULL, error_by = NULL, error_reason = NULL WHERE id = 2");
	agree("a contact's error undone");
	run("UPDATE contact SET episode_id = 2 WHERE id = 3");
	agree("a contact moved to another referral");
	/* a referral in error takes its contacts out of every count */
	run("UPDATE episode SET error_at = '2026-05-02T10:00:00Z', error_by = 'x', error_reason = 'y' WHERE id = 2");
	agree("a referral entered in error");
	assert_int_equal(contacts("assessment", "2026-03-04", "2026-03-04", 1), 0);
	assert_int_equal(contacts("review", "2026-01-01", "2026-12-31", 0), 0);
	run("UPDATE episode SET error_at = NULL, error_by = NULL, error_reason = NULL WHERE id = 2");
	agree("a referral's error undone");
	assert_int_equal(contacts("assessment", "2026-03-04", "2026-03-04", 1), 1);
	run("UPDATE family SET team_id = 2 WHERE id = 2");
	agree("a family moved to another team");
	assert_int_equal(contacts("assessment", "2026-03-04", "2026-03-04", 1), 0);
	assert_int_equal(contacts("assessment", "2026-03-04", "2026-03-04", 2), 1);
	run("UPDATE family SET team_id = 1 WHERE id = 2");
	agree("the family moved back");
	run("DELETE FROM contact WHERE id = 3");
	agree("a contact deleted");
	db_close(db);
}

/* The outcome rows of migration 29: one measure's episode and scores
 * through every change, and the rows the report reads at the period's
 * ends. */
struct measure_rows {
	int n, scored;
	int64_t last_episode;
	int episodes;
};
static int measure_row_seen(void *ctx, const struct report_measure_row *r)
{
	struct measure_rows *m = ctx;
	m->n++;
	m->scored += r->position >= 0;
	if (r->episode_id != m->last_episode) {
		m->episodes++;
		m->last_episode = r->episode_id;
	}
	return 0;
}
static struct measure_rows discharged(const char *from, const char *to, int64_t team)
{
	struct measure_rows m = {0, 0, 0, 0};
	struct dy_err e;
	struct store_teams t = store_teams_one(team);
	int32_t a, b;
	days(from, to, &a, &b);
	if (store_report_measures(db, a, b, &t, measure_row_seen, &m, &e))
		fail_msg("measures: %s", e.msg);
	return m;
}

static void outcome_rows_kept(void **state)
{
	(void)state;
	setup_records();
	run("INSERT INTO person (id, family_id, role, given_name, family_name) VALUES (1, 1, 'caregiver', 'A', 'B'),"
	    " (2, 3, 'caregiver', 'C', 'D')");
	run("INSERT INTO measure (id, episode_id, person_id, instrument, timepoint, date, responses) VALUES"
	    " (1, 1, 1, 'phq9', 'baseline', '2026-02-05', '[]'), (2, 1, 1, 'phq9', 'end', '2026-03-20', '[]'),"
	    " (3, 1, 1, 'phq9', 'review', '2026-03-01', '[]'), (4, 3, 2, 'gad7', 'baseline', '2026-02-12', '[]')");
	run("INSERT INTO measure_score (measure_id, position, scale, value, clinical) VALUES"
	    " (1, 0, 'total', 14, 1), (2, 0, 'total', 6, 0), (3, 0, 'total', 9, NULL), (4, 0, 'total', NULL, NULL)");
	agree("measures added to open referrals");
	assert_int_equal(discharged("2026-01-01", "2026-12-31", 0).n, 0);
	run("UPDATE episode SET discharged_on = '2026-03-31' WHERE id = 1");
	agree("a referral with measures discharged");
	/* the scores of the baseline and the end, and the review as a measure */
	struct measure_rows m = discharged("2026-03-31", "2026-03-31", 1);
	assert_int_equal(m.n, 3);
	assert_int_equal(m.scored, 2);
	assert_int_equal(m.episodes, 1);
	assert_int_equal(discharged("2026-03-30", "2026-03-30", 0).n, 0);
	assert_int_equal(discharged("2026-04-01", "2026-04-01", 0).n, 0);
	assert_int_equal(discharged("2026-03-31", "2026-03-31", 2).n, 0);
	run("UPDATE episode SET discharged_on = '2026-02-20' WHERE id = 3");
	agree("a referral whose score is missing discharged");
	m = discharged("2026-02-20", "2026-02-20", 2);
	assert_int_equal(m.n, 1); /* the baseline with no score present */
	assert_int_equal(m.scored, 0);
	run("UPDATE measure_score SET value = 12 WHERE measure_id = 4");
	agree("a score entered");
	assert_int_equal(discharged("2026-02-20", "2026-02-20", 2).scored, 1);
	run("UPDATE measure_score SET value = 13, clinical = 1 WHERE measure_id = 1");
	agree("a score corrected");
	run("UPDATE measure SET timepoint = 'review' WHERE id = 2");
	agree("a measure's timepoint corrected");
	assert_int_equal(discharged("2026-03-31", "2026-03-31", 1).scored, 1);
	run("UPDATE measure SET error_at = '2026-05-01T10:00:00Z', error_by = 'x', error_reason = 'y' WHERE id = 1");
	agree("a measure entered in error");
	assert_int_equal(discharged("2026-03-31", "2026-03-31", 1).scored, 0);
	run("UPDATE measure SET error_at = NULL, error_by = NULL, error_reason = NULL WHERE id = 1");
	agree("a measure's error undone");
	run("UPDATE measure SET episode_id = 3 WHERE id = 3");
	agree("a measure moved to another referral");
	run("UPDATE episode SET error_at = '2026-05-02T10:00:00Z', error_by = 'x', error_reason = 'y' WHERE id = 1");
	agree("a referral entered in error");
	assert_int_equal(discharged("2026-03-31", "2026-03-31", 0).n, 0);
	run("UPDATE episode SET error_at = NULL, error_by = NULL, error_reason = NULL WHERE id = 1");
	agree("a referral's error undone");
	run("UPDATE episode SET decision = 'declined' WHERE id = 1");
	agree("a discharged referral declined");
	run("UPDATE episode SET decision = 'accepted' WHERE id = 1");
	agree("accepted again");
	run("UPDATE family SET team_id = 2 WHERE id = 1");
	agree("a family moved to another team");
	assert_int_equal(discharged("2026-03-31", "2026-03-31", 1).n, 0);
	assert_int_equal(discharged("2026-03-31", "2026-03-31", 2).episodes, 1);
	run("UPDATE family SET team_id = 1 WHERE id = 1");
	run("DELETE FROM measure_score WHERE measure_id = 1");
	agree("a measure's scores deleted");
	run("DELETE FROM measure WHERE id IN (1, 2)");
	agree("the referral's measures deleted");
	/* a discharged referral with no measure: one row, measure_id 0 */
	m = discharged("2026-03-31", "2026-03-31", 1);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.episodes, 1);
	run("INSERT INTO episode (id, family_id, received_on, source, decision, decided_on, discharged_on) VALUES"
	    " (5, 2, '2026-01-05', 'gp', 'accepted', '2026-01-06', '2026-01-30')");
	agree("a discharged referral added");
	assert_int_equal(discharged("2026-01-30", "2026-01-30", 1).episodes, 1);
	run("DELETE FROM episode WHERE id = 5");
	agree("a discharged referral deleted");
	db_close(db);
}

/* A bulk load sets the triggers aside and makes the tables again at its
 * end: the same tables as row by row. */
static void bulk_load_recomputes(void **state)
{
	(void)state;
	setup_records();
	struct dy_err e;
	int aside;
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(store_bulk_begin(db, 0, &aside, &e), 0);
	run("INSERT INTO contact (id, episode_id, date, kind, location, attendance) VALUES"
	    " (1, 1, '2026-02-02', 'assessment', 'home', 'attended'), (2, 3, '2026-02-12', 'assessment', 'home',"
	    " 'attended')");
	run("UPDATE episode SET discharged_on = '2026-02-20' WHERE id = 3");
	run("INSERT INTO person (id, family_id, role, given_name, family_name) VALUES (2, 3, 'caregiver', 'C', 'D')");
	run("INSERT INTO measure (id, episode_id, person_id, instrument, timepoint, date, responses) VALUES"
	    " (4, 3, 2, 'gad7', 'baseline', '2026-02-12', '[]')");
	run("INSERT INTO measure_score (measure_id, position, scale, value) VALUES (4, 0, 'total', 12)");
	assert_int_equal(store_bulk_end(db, aside, 0, &e), 0);
	assert_int_equal(db_commit(db, &e), 0);
	agree("a bulk load");
	assert_int_equal(contacts("assessment", "2026-02-01", "2026-02-28", 0), 2);
	assert_int_equal(open_on("2026-02-20", 2), 1);
	assert_int_equal(open_on("2026-02-21", 2), 0);
	assert_int_equal(discharged("2026-02-20", "2026-02-20", 2).scored, 1);
	/* and the triggers keep them again after it */
	run("UPDATE episode SET discharged_on = '2026-02-05' WHERE id = 1");
	agree("a change after the bulk load");
	assert_int_equal(open_on("2026-02-06", 1), 0);
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_change_kept),
		cmocka_unit_test(bulk_load_recomputes),
		cmocka_unit_test(referrals_kept),
		cmocka_unit_test(outcome_rows_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
