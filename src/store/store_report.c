/* store_report.c: SQL for the outcome reports (store_report.h). */
#include "store/store_report.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_teams.h"
#include "util/date.h"

/* Accepted and discharged in the period, where the statement has already
 * left out the referrals in error: without error_at the equity read is
 * answered by the covering index episode_report alone (migration 31). */
#define DISCHARGED_ACCEPTED "e.decision = 'accepted' AND e.discharged_on BETWEEN ? AND ?"
/* Referrals, contacts and measures entered in error are in no figure. */
#define DISCHARGED "e.error_at IS NULL AND " DISCHARGED_ACCEPTED
/* Prepares sql and binds the pair (a, b) to its parameters pairs times over:
 * (a, b), (a, b), ...; NULL (e set) when it cannot be prepared. */
static db_stmt_t *prepare_dates(db_t *db, const char *sql, int pairs, int32_t a, int32_t b, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, sql, e);
	for (int i = 0; s && i < pairs; i++) {
		db_bind_date(s, 2 * i + 1, a);
		db_bind_date(s, 2 * i + 2, b);
	}
	return s;
}

int store_report_measures(db_t *db, int32_t from, int32_t to, const struct store_teams *team,
                          store_report_measure_fn fn, void *ctx, struct dy_err *e)
{
	/* report_measure (migration 29, schema_v29.c) holds these rows for
	 * every discharged referral, keyed by discharge date and referral: a
	 * period's rows lie together and are read in one range, in key order
	 * (no sort). Reading them from the referrals, measures and scores
	 * themselves touched nearly every page of the three tables for a
	 * quarter at 1,000,000 families (bench/RESULTS.md, "Outcome rows by
	 * discharge date"). */
	db_stmt_t *s = prepare_dates(
		db,
		"SELECT episode_id, measure_id, person_id, subject_caregiver_id, subject_infant_id, instrument, is_end,"
		"  paired, date, position, value, clinical FROM report_measure"
		" WHERE discharged_on BETWEEN ? AND ?" STORE_IN_TEAMS("family_id")
		" ORDER BY discharged_on, episode_id, measure_id, position",
		1, from, to, e);
	store_teams_bind(s, 3, team);
	if (!s)
		return DY_ESTORE;
	int rc;
	struct report_measure_row r;
	while ((rc = db_step(s, e)) == DB_ROW) {
		memset(&r, 0, sizeof r);
		r.episode_id = db_col_int(s, 0);
		r.position = -1;
		if (db_col_int(s, 1)) {
			r.measure_id = db_col_int(s, 1);
			r.person_id = db_col_int(s, 2);
			r.subject_caregiver_id = db_col_int(s, 3);
			r.subject_infant_id = db_col_int(s, 4);
			db_col_copy(s, 5, r.instrument, sizeof r.instrument);
			r.end = (int)db_col_int(s, 6);
			r.paired = (int)db_col_int(s, 7);
			r.date = db_col_date(s, 8);
		}
		if (r.measure_id && db_col_int(s, 9) >= 0) {
			r.position = (int)db_col_int(s, 9);
			r.value = db_col_double(s, 10);
			r.clinical = db_col_is_null(s, 11) ? -1 : (int)db_col_int(s, 11);
		}
		if ((rc = fn(ctx, &r)) != 0)
			return rc;
	}
	return rc == DB_DONE ? 0 : rc;
}

int store_report_safeguarding(db_t *db, int32_t from, int32_t to, const struct store_teams *team, store_report_sg_fn fn,
                              void *ctx, struct dy_err *e)
{
	db_stmt_t *s = prepare_dates(
		db,
		"WITH i (episode_id, infant_id) AS ("
		"  SELECT e.id, e.infant_id FROM episode e WHERE " DISCHARGED " AND e.infant_id IS NOT NULL"
		"  UNION SELECT e.id, ri.infant_id FROM episode e JOIN referral_infant ri ON ri.episode_id = e.id"
		"  WHERE " DISCHARGED ")"
		" SELECT e.id, i.infant_id, e.received_on, e.discharged_on, d.care_status, s.status, s.started_on,"
		"  s.ended_on"
		" FROM i JOIN episode e ON e.id = i.episode_id"
		" LEFT JOIN discharge_outcome d ON d.episode_id = e.id AND d.infant_id = i.infant_id"
		" LEFT JOIN safeguarding s ON s.infant_id = i.infant_id AND s.error_at IS NULL"
		" WHERE 1 = 1" STORE_IN_TEAMS("e.family_id")
		" ORDER BY e.id, i.infant_id, s.started_on, s.id",
		2, from, to, e);
	store_teams_bind(s, 5, team);
	if (!s)
		return DY_ESTORE;
	int rc;
	struct report_sg_row r;
	while ((rc = db_step(s, e)) == DB_ROW) {
		r.episode_id = db_col_int(s, 0);
		r.infant_id = db_col_int(s, 1);
		r.received = db_col_date(s, 2);
		r.discharged = db_col_date(s, 3);
		db_col_copy(s, 4, r.care_status, sizeof r.care_status);
		db_col_copy(s, 5, r.status, sizeof r.status);
		r.started = db_col_date(s, 6);
		r.ended = db_col_date(s, 7);
		if ((rc = fn(ctx, &r)) != 0)
			return rc;
	}
	return rc == DB_DONE ? 0 : rc;
}

int store_report_counts(db_t *db, enum store_report_count which, int32_t from, int32_t to,
                        const struct store_teams *team, store_report_count_fn fn, void *ctx, struct dy_err *e)
{
	static const char *const sql[] = {
		/* From referral_tally (migration 28: referrals not in error by
		 * day, a few rows a day). The month as text on both stores (a date
		 * column on PostgreSQL). */
		[REPORT_REFERRALS_BY_SOURCE_MONTH] =
			"SELECT code, substr(CAST(date AS TEXT), 1, 7), SUM(n) FROM referral_tally"
			" WHERE what = 'received' AND date BETWEEN ? AND ?" STORE_TEAM_IN("team_id")
			" GROUP BY 1, 2 HAVING SUM(n) > 0 ORDER BY 1, 2",
		[REPORT_DECISIONS] = "SELECT code, '', SUM(n) FROM referral_tally"
		                     " WHERE what = 'decided' AND date BETWEEN ? AND ?" STORE_TEAM_IN("team_id")
		                     " GROUP BY 1 HAVING SUM(n) > 0 ORDER BY 1"};
	if ((unsigned)which >= sizeof sql / sizeof sql[0] || !sql[which])
		return dy_fail(e, DY_EINVAL, "report", "no such count (the contact counts: store_report_contacts; the"
		              " caseload per practitioner: store_report_caseload_pairs)");
	db_stmt_t *s = db_prepare(db, sql[which], e);
	if (!s)
		return DY_ESTORE;
	db_bind_date(s, 1, from);
	db_bind_date(s, 2, to);
	store_teams_bind(s, 3, team);
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW)
		if ((rc = fn(ctx, db_col_text(s, 0), db_col_text(s, 1), db_col_int(s, 2))) != 0)
			return rc;
	return rc == DB_DONE ? 0 : rc;
}

int store_report_caseload_pairs(db_t *db, int32_t to, const struct store_teams *team,
                                store_report_pair_fn fn, void *ctx, struct dy_err *e)
{
	/* From the episodes open on the day in id order, each one's contacts to
	 * that day (contact_episode alone: the contacts in error come from
	 * their own small index, contact_in_error), their practitioners. CROSS
	 * JOIN keeps SQLite to that order, so that ORDER BY costs no sort;
	 * PostgreSQL plans the inner join alike. Counting each practitioner
	 * once an episode is app/'s (bench/RESULTS.md: a GROUP BY with
	 * COUNT(DISTINCT) here sorted every pair twice). */
	db_stmt_t *s = db_prepare(db,
	                          "SELECT e.id, cp.practitioner_id FROM episode e"
	                          " CROSS JOIN contact c CROSS JOIN contact_practitioner cp"
	                          " WHERE c.episode_id = e.id AND cp.contact_id = c.id AND e.decision = 'accepted'"
	                          " AND e.received_on <= ? AND e.error_at IS NULL"
	                          " AND c.id NOT IN (SELECT ie.id FROM contact ie WHERE ie.error_at IS NOT NULL)"
	                          " AND (e.discharged_on IS NULL OR e.discharged_on >= ?) AND c.date <= ?"
	                          STORE_IN_TEAMS("e.family_id") " ORDER BY e.id",
	                          e);
	if (!s)
		return DY_ESTORE;
	for (int i = 1; i <= 3; i++)
		db_bind_date(s, i, to);
	store_teams_bind(s, 4, team);
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW)
		if ((rc = fn(ctx, db_col_int(s, 0), db_col_int(s, 1))) != 0)
			return rc;
	return rc == DB_DONE ? 0 : rc;
}

int store_report_caseload(db_t *db, int32_t to, const struct store_teams *team, int64_t *n, struct dy_err *e)
{
	/* referral_tally (migration 28): the accepted referrals opened on or
	 * before the day less those closed before it. */
	db_stmt_t *s = db_prepare(db,
	                          "SELECT coalesce(SUM(CASE WHEN what = 'opens' THEN n ELSE -n END), 0) FROM referral_tally"
	                          " WHERE (what = 'opens' AND date <= ? OR what = 'closes' AND date < ?)"
	                          STORE_TEAM_IN("team_id"),
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_date(s, 1, to);
	db_bind_date(s, 2, to);
	store_teams_bind(s, 3, team);
	int rc = db_step(s, e);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DY_ESTORE;
	*n = db_col_int(s, 0);
	rc = db_step(s, e);
	return rc == DB_DONE ? 0 : rc;
}

int store_report_contacts(db_t *db, int32_t from, int32_t to, const struct store_teams *team,
                          store_report_contact_fn fn, void *ctx, struct dy_err *e)
{
	/* The period's days of contact_tally (migration 28: contacts not in
	 * error, by day and code), less the contacts of the few referrals in
	 * error (from their own index): a few rows a day, whatever the size of
	 * the database (bench/RESULTS.md, "The activity report from tallies"). */
	db_stmt_t *s = db_prepare(
		db,
		"SELECT kind, location, intervention, attendance, SUM(n) FROM ("
		" SELECT kind, location, intervention, attendance, n FROM contact_tally WHERE date BETWEEN ? AND ?"
		STORE_TEAM_IN("team_id")
		" UNION ALL SELECT c.kind, c.location, coalesce(c.intervention, ''), c.attendance, -1"
		" FROM episode le JOIN contact c ON c.episode_id = le.id"
		" WHERE le.error_at IS NOT NULL AND c.error_at IS NULL AND c.date BETWEEN ? AND ?"
		STORE_IN_TEAMS("le.family_id")
		") t GROUP BY kind, location, intervention, attendance HAVING SUM(n) > 0",
		e);
	if (!s)
		return DY_ESTORE;
	db_bind_date(s, 1, from);
	db_bind_date(s, 2, to);
	store_teams_bind(s, 3, team);
	db_bind_date(s, 3 + STORE_TEAMS_PARAMS, from);
	db_bind_date(s, 4 + STORE_TEAMS_PARAMS, to);
	store_teams_bind(s, 5 + STORE_TEAMS_PARAMS, team);
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW)
		if ((rc = fn(ctx, db_col_text(s, 0), db_col_text(s, 1), db_col_text(s, 2), db_col_text(s, 3),
		             db_col_int(s, 4))) != 0)
			return rc;
	return rc == DB_DONE ? 0 : rc;
}

int store_report_equity(db_t *db, int32_t from, int32_t to, const struct store_teams *team, store_report_equity_fn fn,
                        void *ctx, struct dy_err *e)
{
	/* The infant's decile is read only when the caregiver has none
	 * (coalesce stops at its first value on both stores): one person read
	 * a referral rather than two. */
	db_stmt_t *s = prepare_dates(
		db,
		"SELECT e.id, CASE WHEN e.received_on BETWEEN ? AND ? THEN 1 ELSE 0 END,"
		"  CASE WHEN e.decided_on BETWEEN ? AND ? THEN e.decision ELSE '' END,"
		"  CASE WHEN " DISCHARGED_ACCEPTED " THEN 1 ELSE 0 END,"
		"  c.relationship, c.ethnicity,"
		"  coalesce(c.imd_decile, (SELECT i.imd_decile FROM person i WHERE i.id = e.infant_id))"
		" FROM episode e LEFT JOIN person c ON c.id = e.caregiver_id"
		" WHERE e.error_at IS NULL"
		"  AND (e.received_on BETWEEN ? AND ? OR e.decided_on BETWEEN ? AND ? OR (" DISCHARGED_ACCEPTED "))"
		STORE_IN_TEAMS("e.family_id") " ORDER BY e.id",
		6, from, to, e);
	store_teams_bind(s, 13, team);
	if (!s)
		return DY_ESTORE;
	int rc;
	struct report_equity_row r;
	while ((rc = db_step(s, e)) == DB_ROW) {
		memset(&r, 0, sizeof r);
		r.episode_id = db_col_int(s, 0);
		r.received = (int)db_col_int(s, 1);
		db_col_copy(s, 2, r.decision, sizeof r.decision);
		r.discharged = (int)db_col_int(s, 3);
		db_col_copy(s, 4, r.relationship, sizeof r.relationship);
		db_col_copy(s, 5, r.ethnicity, sizeof r.ethnicity);
		r.imd_decile = db_col_is_null(s, 6) ? 0 : (int)db_col_int(s, 6);
		if ((rc = fn(ctx, &r)) != 0)
			return rc;
	}
	return rc == DB_DONE ? 0 : rc;
}
