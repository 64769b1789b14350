/* The pathway in the database: migration 2 on a version-1 database (states
 * and events backfilled from decision, contacts and discharge), transitions
 * stored with date and user, overrides, the duplicate query, the one-pass
 * clock query, and the derivation of states for rows without history. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/episode_state.h"
#include "store/db.h"
#include "store/migrate.h"
#include "store/schema.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "store/store_pathway.h"
#include "testutil.h"
#include "util/date.h"
#include "util/str.h"

#define D(s) tu_date(s)

static db_t *open_db(const char *name)
{
	char path[1024];
	snprintf(path, sizeof path, "%s", tu_db_url(name));
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

static void clock_dates_agree(db_t *db, int expect_rows);

/* Version-1 data: six referrals covering each backfill rule. */
static const char v1_data[] =
	"INSERT INTO team (id, code, name) VALUES (1, 'team', 'Team');"
	"INSERT INTO practitioner VALUES (1, 1, 'P', 'psychotherapist');"
	"INSERT INTO family (id, team_id, created_on) VALUES (1, 1, '2024-01-01');"
	"INSERT INTO person (id, family_id, role, relationship, given_name, family_name, date_of_birth) VALUES"
	" (1, 1, 'caregiver', 'mother', 'A', 'B', '1990-01-01'), (2, 1, 'infant', NULL, 'C', 'B', '2024-01-01');"
	/* 1: pending -> received */
	"INSERT INTO episode (id, family_id, infant_id, caregiver_id, received_on, source, decision) VALUES"
	" (1, 1, 2, 1, '2024-02-01', 'gp', 'pending');"
	/* 2: declined -> declined */
	"INSERT INTO episode (id, family_id, infant_id, received_on, source, decision, decided_on) VALUES"
	" (2, 1, 2, '2024-02-01', 'gp', 'declined', '2024-02-03');"
	/* 3: accepted, only a DNA assessment -> awaiting_assessment */
	"INSERT INTO episode (id, family_id, infant_id, received_on, source, decision, decided_on) VALUES"
	" (3, 1, 2, '2024-02-01', 'gp', 'accepted', '2024-02-02');"
	"INSERT INTO contact (episode_id, date, kind, location, attendance) VALUES (3, '2024-02-10', 'assessment', 'home', 'did_not_attend');"
	/* 4: accepted, attended assessment (before the decision date), an
	 * intervention before it (ignored) -> assessed, dated the decision */
	"INSERT INTO episode (id, family_id, infant_id, received_on, source, decision, decided_on) VALUES"
	" (4, 1, 2, '2024-02-01', 'gp', 'accepted', '2024-02-05');"
	"INSERT INTO contact (episode_id, date, kind, location, attendance) VALUES"
	" (4, '2024-02-02', 'intervention', 'home', 'attended'), (4, '2024-02-04', 'assessment', 'home', 'attended');"
	/* 5: accepted, assessed, group attended -> in_intervention */
	"INSERT INTO episode (id, family_id, infant_id, received_on, source, decision, decided_on) VALUES"
	" (5, 1, 2, '2024-02-01', 'gp', 'accepted', '2024-02-02');"
	"INSERT INTO contact (episode_id, date, kind, location, attendance) VALUES"
	" (5, '2024-02-10', 'assessment', 'home', 'attended'), (5, '2024-03-01', 'group', 'clinic', 'cancelled_by_family'),"
	" (5, '2024-03-08', 'group', 'clinic', 'attended');"
	/* 6: accepted, assessed, discharged -> discharged */
	"INSERT INTO episode (id, family_id, infant_id, received_on, source, decision, decided_on, discharged_on,"
	" discharge_reason) VALUES (6, 1, 2, '2024-02-01', 'gp', 'accepted', '2024-02-02', '2024-05-01', 'moved_away');"
	"INSERT INTO contact (episode_id, date, kind, location, attendance) VALUES (6, '2024-02-10', 'assessment', 'home', 'attended');";

struct ev_log {
	struct pathway_event ev[16];
	int n;
};

static int log_event(void *ctx, const struct pathway_event *ev)
{
	struct ev_log *l = ctx;
	if (l->n < 16)
		l->ev[l->n] = *ev;
	l->n++;
	return 0;
}

static enum episode_state state_of(db_t *db, int64_t id)
{
	struct pathway_referral p;
	struct dy_err e;
	assert_int_equal(store_pathway_get(db, id, &p, &e), 0);
	return p.state;
}

static void migration_from_v1_backfills(void **state)
{
	(void)state;
	char path[1024];
	snprintf(path, sizeof path, "%s", tu_db_url("v1.db"));
	db_t *db;
	struct dy_err e;
	assert_int_equal(db_open(path, &db, &e), 0);
	/* A version-1 database, made with the released migration 1 only. */
	exec(db, "CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
	assert_int_equal(schema_migrations[0].version, 1);
	exec(db, "BEGIN");
	exec(db, tu_on_pg() ? schema_migrations[0].pg : schema_migrations[0].sql);
	exec(db, "INSERT INTO schema_migration VALUES (1, 'family record', '2024-01-01T00:00:00Z')");
	exec(db, v1_data);
	exec(db, "COMMIT");
	assert_int_equal(migrate_version(db, &e), 1);
	db_close(db);

	assert_int_equal(db_open(path, &db, &e), 0);
	int applied = 0;
	assert_int_equal(migrate_up(db, &applied, &e), 0);
	assert_int_equal(applied, schema_migration_count - 1); /* every migration after the first */
	assert_int_equal(migrate_version(db, &e), migrate_latest());
	assert_int_equal(state_of(db, 1), EPISODE_RECEIVED);
	assert_int_equal(state_of(db, 2), EPISODE_DECLINED);
	assert_int_equal(state_of(db, 3), EPISODE_AWAITING_ASSESSMENT);
	assert_int_equal(state_of(db, 4), EPISODE_ASSESSED);
	assert_int_equal(state_of(db, 5), EPISODE_IN_INTERVENTION);
	assert_int_equal(state_of(db, 6), EPISODE_DISCHARGED);

	struct ev_log l = {0};
	assert_int_equal(store_pathway_event_list(db, 5, log_event, &l, &e), 0);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.ev[0].from, PATHWAY_NO_STATE);
	assert_int_equal(l.ev[0].to, EPISODE_RECEIVED);
	assert_int_equal(l.ev[0].date, D("2024-02-01"));
	assert_string_equal(l.ev[0].actor, "migration");
	assert_int_equal(l.ev[1].to, EPISODE_AWAITING_ASSESSMENT);
	assert_int_equal(l.ev[1].date, D("2024-02-02"));
	assert_int_equal(l.ev[2].to, EPISODE_ASSESSED);
	assert_int_equal(l.ev[2].date, D("2024-02-10"));
	assert_int_equal(l.ev[3].from, EPISODE_ASSESSED);
	assert_int_equal(l.ev[3].to, EPISODE_IN_INTERVENTION);
	assert_int_equal(l.ev[3].date, D("2024-03-08")); /* the cancelled group does not count */

	memset(&l, 0, sizeof l); /* assessment before the decision: the event is dated the decision */
	assert_int_equal(store_pathway_event_list(db, 4, log_event, &l, &e), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.ev[2].date, D("2024-02-05"));

	memset(&l, 0, sizeof l);
	assert_int_equal(store_pathway_event_list(db, 2, log_event, &l, &e), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.ev[1].reason, "not recorded");

	memset(&l, 0, sizeof l);
	assert_int_equal(store_pathway_event_list(db, 6, log_event, &l, &e), 0);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.ev[3].from, EPISODE_ASSESSED);
	assert_int_equal(l.ev[3].to, EPISODE_DISCHARGED);
	assert_int_equal(l.ev[3].date, D("2024-05-01"));
	assert_string_equal(l.ev[3].reason, "moved_away");

	/* Each backfilled history is a legal path, as episode_state_check sees it. */
	for (int64_t id = 1; id <= 6; id++) {
		memset(&l, 0, sizeof l);
		assert_int_equal(store_pathway_event_list(db, id, log_event, &l, &e), 0);
		for (int i = 1; i < l.n; i++) {
			struct episode_transition t = {.from = (enum episode_state)l.ev[i].from, .to = l.ev[i].to,
			                               .date = l.ev[i].date, .since = l.ev[i - 1].date, .user = "m",
			                               .reason = l.ev[i].reason, .service = "not recorded",
			                               .discharge_reason = l.ev[i].reason};
			assert_int_equal(l.ev[i].from, (int)l.ev[i - 1].to);
			if (episode_state_check(&t, &e))
				fail_msg("referral %lld event %d: %s", (long long)id, i, e.msg);
		}
	}
	/* The new code opens it again without migrating twice. */
	assert_int_equal(migrate_up(db, &applied, &e), 0);
	assert_int_equal(applied, 0);
	clock_dates_agree(db, 5); /* the backfill kept the clock dates of all but the declined one */
	db_close(db);
}

/* A fresh database at the latest version with one family of three people. */
static db_t *fresh(void)
{
	db_t *db = open_db("p.db");
	struct dy_err e;
	assert_int_equal(migrate_up(db, NULL, &e), 0);
	exec(db, "INSERT INTO team (id, code, name) VALUES (1, 'team', 'Team');"
	         "INSERT INTO family (id, team_id, created_on) VALUES (1, 1, '2024-01-01'), (2, 1, '2024-01-01');"
	         "INSERT INTO person (id, family_id, role, relationship, nhs_number, given_name, family_name, date_of_birth)"
	         " VALUES (1, 1, 'caregiver', 'mother', '9990000018', 'A', 'Brook', '1990-01-01'),"
	         " (2, 1, 'infant', NULL, NULL, 'C', 'Brook', '2024-01-01'),"
	         " (3, 2, 'caregiver', 'mother', NULL, 'A', 'Brook', '1990-01-01'),"
	         " (4, 2, 'infant', NULL, '9990000026', 'D', 'Other', '2024-03-01'),"
	         " (5, 2, 'caregiver', 'father', NULL, 'E', 'Other', '1991-01-01');");
	return db;
}

static int64_t add_episode(db_t *db, int64_t family, int64_t infant, int64_t carer, const char *received)
{
	struct episode ep = {.family_id = family, .infant_id = infant, .caregiver_id = carer, .received_on = D(received),
	                     .decided_on = DATE_NONE, .discharged_on = DATE_NONE};
	strcpy(ep.source, "gp");
	strcpy(ep.decision, "pending");
	struct dy_err e;
	assert_int_equal(store_episode_insert(db, &ep, &e), 0);
	return ep.id;
}

static void events_store_date_user_and_details(void **state)
{
	(void)state;
	db_t *db = fresh();
	struct dy_err e;
	int64_t id = add_episode(db, 1, 2, 1, "2025-01-02");
	struct pathway_event ev = {.episode_id = id, .from = PATHWAY_NO_STATE, .to = EPISODE_RECEIVED,
	                           .date = D("2025-01-02")};
	strcpy(ev.actor, "cli:jo");
	strcpy(ev.recorded_at, "2025-01-02T10:00:00Z");
	assert_int_equal(store_pathway_event_insert(db, &ev, &e), 0);
	ev.from = EPISODE_RECEIVED;
	ev.to = EPISODE_SIGNPOSTED;
	ev.date = D("2025-01-05");
	strcpy(ev.actor, "cli:sam");
	strcpy(ev.service, "Health visiting team");
	assert_int_equal(store_pathway_event_insert(db, &ev, &e), 0);
	assert_int_equal(store_pathway_set_state(db, id, EPISODE_SIGNPOSTED, &e), 0);
	struct pathway_referral p;
	assert_int_equal(store_pathway_get(db, id, &p, &e), 0);
	assert_int_equal(p.state, EPISODE_SIGNPOSTED);
	assert_int_equal(p.state_on, D("2025-01-05"));
	struct ev_log l = {0};
	assert_int_equal(store_pathway_event_list(db, id, log_event, &l, &e), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.ev[0].actor, "cli:jo");
	assert_string_equal(l.ev[1].actor, "cli:sam");
	assert_string_equal(l.ev[1].service, "Health visiting team");
	assert_string_equal(l.ev[1].recorded_at, "2025-01-02T10:00:00Z");
	assert_int_equal(store_pathway_get(db, 999, &p, &e), DY_ENOTFOUND);

	/* Facts and overrides. */
	assert_int_equal(store_pathway_set_facts(db, id, "baby_steps", ELIGIBILITY_ANSWER_NO, &e), 0);
	assert_int_equal(store_pathway_get(db, id, &p, &e), 0);
	assert_string_equal(p.programme, "baby_steps");
	assert_int_equal(p.first_time_parent, ELIGIBILITY_ANSWER_NO);
	struct pathway_override o = {.episode_id = id, .date = D("2025-01-05")};
	strcpy(o.rule, "area");
	strcpy(o.reason, "moving into the area next month");
	strcpy(o.actor, "cli:sam");
	strcpy(o.recorded_at, "2025-01-05T10:00:00Z");
	assert_int_equal(store_pathway_override_insert(db, &o, &e), 0);
	assert_int_equal(store_pathway_override_insert(db, &o, &e), DY_ECONFLICT);
	db_close(db);
}

static void duplicates_by_person_nhs_and_name_dob(void **state)
{
	(void)state;
	db_t *db = fresh();
	struct dy_err e;
	int64_t ids[4];
	size_t n;
	int64_t open1 = add_episode(db, 1, 2, 1, "2025-01-02");
	int64_t closed = add_episode(db, 1, 2, 1, "2024-01-02");
	struct dy_err ig;
	assert_int_equal(store_pathway_set_state(db, closed, EPISODE_DISCHARGED, &ig), 0);
	/* The same infant. */
	assert_int_equal(store_pathway_duplicates(db, 2, "", "Brook", D("2024-01-01"), ids, 4, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], open1);
	/* Another record with the caregiver's NHS number. */
	assert_int_equal(store_pathway_duplicates(db, 77, "9990000018", "Zed", D("1970-01-01"), ids, 4, &n, &e), 0);
	assert_int_equal(n, 1);
	/* Another record with the same family name and date of birth (person 3 in family 2). */
	assert_int_equal(store_pathway_duplicates(db, 3, "", "Brook", D("1990-01-01"), ids, 4, &n, &e), 0);
	assert_int_equal(n, 1);
	/* Same name, other date of birth; or no date of birth: no match. */
	assert_int_equal(store_pathway_duplicates(db, 3, "", "Brook", D("1990-01-02"), ids, 4, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(store_pathway_duplicates(db, 4, "", "Brook", DATE_NONE, ids, 4, &n, &e), 0);
	assert_int_equal(n, 0);
	/* A closed episode is not a duplicate. */
	assert_int_equal(store_pathway_set_state(db, open1, EPISODE_DECLINED, &ig), 0);
	assert_int_equal(store_pathway_duplicates(db, 2, "", "Brook", D("2024-01-01"), ids, 4, &n, &e), 0);
	assert_int_equal(n, 0);
	db_close(db);
}

struct rows {
	struct pathway_clock_row r[8];
	int n;
};

static int collect_row(void *ctx, const struct pathway_clock_row *r)
{
	struct rows *rs = ctx;
	if (rs->n < 8)
		rs->r[rs->n] = *r;
	rs->n++;
	return 0;
}

static void add_contact(db_t *db, int64_t ep, const char *date, const char *kind, const char *att)
{
	struct contact c = {.episode_id = ep, .date = D(date), .duration_min = -1};
	strcpy(c.kind, kind);
	strcpy(c.location, "home");
	strcpy(c.attendance, att);
	struct dy_err e;
	assert_int_equal(store_contact_insert(db, &c, &e), 0);
}

static void clock_rows_one_pass(void **state)
{
	(void)state;
	db_t *db = fresh();
	struct dy_err e;
	int64_t a = add_episode(db, 1, 2, 1, "2025-01-02");
	add_contact(db, a, "2025-01-05", "intervention", "attended"); /* before the assessment: ignored */
	add_contact(db, a, "2025-01-08", "assessment", "did_not_attend");
	add_contact(db, a, "2025-01-10", "assessment", "attended");
	add_contact(db, a, "2025-01-12", "assessment", "attended");
	add_contact(db, a, "2025-02-01", "review", "attended");
	add_contact(db, a, "2025-02-03", "group", "attended");
	int64_t b = add_episode(db, 2, 4, 3, "2025-01-03");
	exec(db, "UPDATE episode SET decision = 'declined', decided_on = '2025-01-04' WHERE id = 2");
	int64_t c = add_episode(db, 2, 4, 3, "2025-01-04");
	exec(db, "UPDATE episode SET decision = 'accepted', decided_on = '2025-01-04', discharged_on = '2025-01-20',"
	         " discharge_reason = 'moved_away' WHERE id = 3");
	add_contact(db, c, "2025-01-19", "assessment", "attended");
	add_contact(db, c, "2025-01-20", "intervention", "attended");
	struct rows rs = {0};
	assert_int_equal(store_pathway_clock_rows(db, D("2025-01-01"), D("2025-12-31"), collect_row, &rs, &e), 0);
	assert_int_equal(rs.n, 2); /* the declined referral has no clocks */
	assert_int_equal(rs.r[0].episode_id, a);
	assert_int_equal(rs.r[0].family_id, 1);
	assert_int_equal(rs.r[0].infant_id, 2);
	assert_int_equal(rs.r[0].ev.received, D("2025-01-02"));
	assert_int_equal(rs.r[0].ev.assessed, D("2025-01-10"));
	assert_int_equal(rs.r[0].ev.intervention, D("2025-02-03"));
	assert_int_equal(rs.r[0].ev.discharged, DATE_NONE);
	assert_int_equal(rs.r[1].episode_id, c);
	assert_int_equal(rs.r[1].ev.assessed, D("2025-01-19"));
	assert_int_equal(rs.r[1].ev.intervention, D("2025-01-20"));
	assert_int_equal(rs.r[1].ev.discharged, D("2025-01-20"));
	(void)b;
	/* Discharged before the window, or received after it: left out. */
	memset(&rs, 0, sizeof rs);
	assert_int_equal(store_pathway_clock_rows(db, D("2025-01-21"), D("2025-12-31"), collect_row, &rs, &e), 0);
	assert_int_equal(rs.n, 1);
	memset(&rs, 0, sizeof rs);
	assert_int_equal(store_pathway_clock_rows(db, D("2024-01-01"), D("2025-01-01"), collect_row, &rs, &e), 0);
	assert_int_equal(rs.n, 0);
	db_close(db);
}

/* Checks every referral's clock dates as the clock query gives them (kept on
 * the episode by migration 15's triggers) against core's own reduction of
 * the referral's contacts, read afresh: they must agree after any change. */
static void clock_dates_agree(db_t *db, int expect_rows)
{
	struct dy_err e;
	struct rows rs = {0};
	assert_int_equal(store_pathway_clock_rows(db, D("2000-01-01"), D("2099-12-31"), collect_row, &rs, &e), 0);
	assert_int_equal(rs.n, expect_rows);
	for (int i = 0; i < rs.n && i < 8; i++) {
		const struct pathway_clock_row *r = &rs.r[i];
		db_stmt_t *s = db_prepare(db, "SELECT date, kind, attendance FROM contact WHERE episode_id = ?", &e);
		assert_non_null(s);
		db_bind_int(s, 1, r->episode_id);
		struct clock_contact c[32];
		char kind[32][24], att[32][24];
		size_t n = 0;
		while (db_step(s, &e) == DB_ROW) {
			assert_true(n < 32);
			c[n].date = db_col_date(s, 0);
			db_col_copy(s, 1, kind[n], sizeof kind[n]);
			db_col_copy(s, 2, att[n], sizeof att[n]);
			c[n].kind = kind[n];
			c[n].attendance = att[n];
			n++;
		}
		struct clock_events ev;
		clock_events_from_contacts(r->ev.received, c, n, r->ev.discharged, &ev);
		if (ev.assessed != r->ev.assessed || ev.intervention != r->ev.intervention ||
		    ev.has_direct != r->ev.has_direct || ev.direct != r->ev.direct)
			fail_msg("referral %lld: kept %d/%d/%d, from its contacts %d/%d/%d", (long long)r->episode_id,
			         r->ev.assessed, r->ev.intervention, r->ev.direct, ev.assessed, ev.intervention, ev.direct);
	}
}

static void clock_dates_follow_every_change(void **state)
{
	(void)state;
	db_t *db = fresh();
	int64_t a = add_episode(db, 1, 2, 1, "2025-01-02");
	int64_t b = add_episode(db, 2, 4, 3, "2025-01-03");
	clock_dates_agree(db, 2);
	add_contact(db, a, "2025-01-05", "intervention", "attended"); /* direct: no assessment yet */
	clock_dates_agree(db, 2);
	add_contact(db, a, "2025-01-10", "assessment", "did_not_attend"); /* stops nothing */
	add_contact(db, a, "2025-01-12", "assessment", "attended");
	add_contact(db, a, "2025-01-20", "group", "attended");
	add_contact(db, a, "2025-01-25", "review", "attended");
	add_contact(db, b, "2025-01-04", "assessment", "attended");
	clock_dates_agree(db, 2);
	/* Added out of order: an earlier intervention, an earlier assessment
	 * (which turns an intervention before it into one after), contacts
	 * before the referral was received. */
	add_contact(db, b, "2025-03-01", "intervention", "attended");
	add_contact(db, b, "2025-02-01", "group", "attended");
	add_contact(db, b, "2025-01-02", "intervention", "attended");
	clock_dates_agree(db, 2);
	add_contact(db, a, "2025-01-03", "assessment", "attended");
	add_contact(db, a, "2025-01-01", "assessment", "attended");
	clock_dates_agree(db, 2);
	add_contact(db, a, "2025-01-04", "intervention", "attended");
	add_contact(db, a, "2025-01-04", "intervention", "did_not_attend");
	clock_dates_agree(db, 2);
	/* A correction: the assessment was not attended after all, then was. */
	exec(db, "UPDATE contact SET attendance = 'did_not_attend' WHERE episode_id = 1 AND date = '2025-01-12'");
	clock_dates_agree(db, 2);
	exec(db, "UPDATE contact SET attendance = 'attended', date = '2025-01-04' WHERE episode_id = 1 AND kind = 'assessment'"
	         " AND date = '2025-01-10'");
	clock_dates_agree(db, 2);
	/* A contact's kind corrected, and one moved to the other referral (a merge). */
	exec(db, "UPDATE contact SET kind = 'intervention' WHERE episode_id = 1 AND kind = 'review'");
	exec(db, "UPDATE contact SET episode_id = 2 WHERE episode_id = 1 AND kind = 'group'");
	clock_dates_agree(db, 2);
	/* Removed contacts, a later received date, a discharge before a contact, undone. */
	exec(db, "DELETE FROM contact WHERE episode_id = 1 AND date = '2025-01-04'");
	clock_dates_agree(db, 2);
	exec(db, "UPDATE episode SET received_on = '2025-01-06' WHERE id = 1");
	clock_dates_agree(db, 2);
	exec(db, "UPDATE episode SET decision = 'accepted', discharged_on = '2025-01-11', discharge_reason = 'moved_away'"
	         " WHERE id = 1");
	clock_dates_agree(db, 2);
	add_contact(db, a, "2025-01-15", "intervention", "attended"); /* after the discharge: ignored */
	add_contact(db, a, "2025-01-08", "group", "attended");
	clock_dates_agree(db, 2);
	exec(db, "UPDATE episode SET discharged_on = NULL, discharge_reason = NULL WHERE id = 1");
	clock_dates_agree(db, 2);
	exec(db, "DELETE FROM contact");
	clock_dates_agree(db, 2);
	struct rows rs = {0};
	struct dy_err e;
	assert_int_equal(store_pathway_clock_rows(db, D("2000-01-01"), D("2099-12-31"), collect_row, &rs, &e), 0);
	assert_int_equal(rs.r[0].ev.assessed, DATE_NONE);
	assert_int_equal(rs.r[1].ev.intervention, DATE_NONE);
	db_close(db);
}

static void derive_fills_only_rows_without_history(void **state)
{
	(void)state;
	db_t *db = fresh();
	struct dy_err e;
	int64_t a = add_episode(db, 1, 2, 1, "2025-01-02");
	exec(db, "UPDATE episode SET decision = 'accepted', decided_on = '2025-01-03' WHERE id = 1");
	add_contact(db, a, "2025-01-10", "assessment", "attended");
	int64_t b = add_episode(db, 2, 4, 3, "2025-01-03");
	struct pathway_event ev = {.episode_id = b, .from = PATHWAY_NO_STATE, .to = EPISODE_RECEIVED, .date = D("2025-01-03")};
	strcpy(ev.actor, "x");
	strcpy(ev.recorded_at, "2025-01-03T00:00:00Z");
	assert_int_equal(store_pathway_event_insert(db, &ev, &e), 0);
	int64_t n = 0;
	assert_int_equal(store_pathway_derive(db, "import", "2025-02-01T00:00:00Z", &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(state_of(db, a), EPISODE_ASSESSED);
	struct ev_log l = {0};
	assert_int_equal(store_pathway_event_list(db, a, log_event, &l, &e), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.ev[2].actor, "import");
	memset(&l, 0, sizeof l);
	assert_int_equal(store_pathway_event_list(db, b, log_event, &l, &e), 0);
	assert_int_equal(l.n, 1);
	/* A second run finds nothing to do. */
	assert_int_equal(store_pathway_derive(db, "import", "2025-02-01T00:00:00Z", &n, &e), 0);
	assert_int_equal(n, 0);
	db_close(db);
}

static void states_from_the_record(void **state)
{
	(void)state;
	struct dy_err e;
	assert_int_equal(episode_state_from_record("pending", 0, 0, 0), EPISODE_RECEIVED);
	assert_int_equal(episode_state_from_record("pending", 1, 0, 0), EPISODE_DISCHARGED);
	assert_int_equal(episode_state_from_record("declined", 1, 0, 0), EPISODE_DECLINED);
	assert_int_equal(episode_state_from_record("signposted", 0, 0, 0), EPISODE_SIGNPOSTED);
	assert_int_equal(episode_state_from_record("accepted", 0, 0, 0), EPISODE_AWAITING_ASSESSMENT);
	assert_int_equal(episode_state_from_record("accepted", 0, 1, 0), EPISODE_ASSESSED);
	assert_int_equal(episode_state_from_record("accepted", 0, 1, 1), EPISODE_IN_INTERVENTION);
	assert_int_equal(episode_state_from_record("accepted", 0, 0, 1), EPISODE_AWAITING_ASSESSMENT);
	assert_int_equal(episode_state_matches_record(EPISODE_ASSESSED, "accepted", 0, &e), 0);
	assert_int_equal(episode_state_matches_record(EPISODE_ASSESSED, "pending", 0, &e), DY_EINVAL);
	assert_int_equal(episode_state_matches_record(EPISODE_ASSESSED, "accepted", 1, &e), DY_EINVAL);
	assert_int_equal(episode_state_matches_record(EPISODE_DISCHARGED, "accepted", 0, &e), DY_EINVAL);
	assert_int_equal(episode_state_matches_record(EPISODE_DISCHARGED, "pending", 1, &e), 0);
	assert_int_equal(episode_state_matches_record(EPISODE_DECLINED, "declined", 0, &e), 0);
	assert_int_equal(episode_state_matches_record(EPISODE_DECLINED, "accepted", 0, &e), DY_EINVAL);
	assert_int_equal(episode_state_matches_record(EPISODE_RECEIVED, "accepted", 0, &e), DY_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(migration_from_v1_backfills),
		cmocka_unit_test(events_store_date_user_and_details),
		cmocka_unit_test(duplicates_by_person_nhs_and_name_dob),
		cmocka_unit_test(clock_rows_one_pass),
		cmocka_unit_test(clock_dates_follow_every_change),
		cmocka_unit_test(derive_fills_only_rows_without_history),
		cmocka_unit_test(states_from_the_record),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
