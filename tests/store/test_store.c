/* Store: migrations on a real SQLite file, round trips of each record,
 * constraint errors mapped to DY_ECONFLICT. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "store/migrate.h"
#include "store/schema.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "store/store_measure.h"
#include "store/store_safeguarding.h"
#include "testutil.h"
#include "util/date.h"

static db_t *fresh(void)
{
	char path[600];
	snprintf(path, sizeof path, "%s", tu_db_url("t.db"));
	db_t *db;
	struct dy_err e;
	assert_int_equal(db_open(path, &db, &e), 0);
	int applied;
	assert_int_equal(migrate_up(db, &applied, &e), 0);
	return db;
}

static void migrations_apply_once_and_refuse_newer(void **state)
{
	(void)state;
	char path[600];
	snprintf(path, sizeof path, "%s", tu_db_url("m.db"));
	db_t *db;
	struct dy_err e;
	int applied;
	assert_int_equal(db_open(path, &db, &e), 0);
	assert_int_equal(migrate_version(db, &e), 0);
	assert_int_equal(migrate_up(db, &applied, &e), 0);
	assert_int_equal(applied, schema_migration_count); /* every migration: a version number may be skipped */
	assert_int_equal(migrate_version(db, &e), migrate_latest());
	db_close(db);

	assert_int_equal(db_open(path, &db, &e), 0);
	assert_int_equal(migrate_up(db, &applied, &e), 0);
	assert_int_equal(applied, 0); /* idempotent */
	assert_int_equal(db_exec(db, "INSERT INTO schema_migration VALUES (9999, 'future', 'x')", &e), 0);
	dy_err_clear(&e);
	assert_int_equal(migrate_up(db, &applied, &e), DY_ECONFLICT);
	assert_non_null(strstr(e.msg, "newer than this dyad"));
	db_close(db);
}

static void unknown_urls_and_unreachable_servers_are_refused_plainly(void **state)
{
	(void)state;
	db_t *db;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(db_open("mysql://localhost/dyad", &db, &e), DY_EUSAGE);
	assert_string_equal(e.field, "db");
	dy_err_clear(&e);
	assert_int_equal(db_open("postgresql:///dyad?host=/nonexistent-dir", &db, &e), DY_ESTORE);
	assert_string_equal(e.field, "db");
	assert_non_null(strstr(e.msg, "cannot connect to PostgreSQL"));
	assert_int_equal(db_open("/nonexistent-dir/x/y.db", &db, &e), DY_ESTORE);
}

static struct person make_person(int64_t family, const char *role, const char *nhs)
{
	struct person p;
	memset(&p, 0, sizeof p);
	p.family_id = family;
	strcpy(p.role, role);
	if (role[0] == 'c')
		strcpy(p.relationship, "mother");
	strcpy(p.given_name, "Given");
	strcpy(p.family_name, "Family");
	p.date_of_birth = tu_date(role[0] == 'c' ? "1995-05-05" : "2026-01-01");
	p.edd = DATE_NONE;
	strcpy(p.nhs_number, nhs);
	strcpy(p.postcode, "NG7 2UH");
	p.imd_decile = 3;
	return p;
}

/* Team "t" (made once, found after), its id. */
static int64_t test_team(db_t *db)
{
	struct dy_err e;
	struct team t = {.code = "t", .name = "Team"};
	assert_int_equal(store_team_ensure(db, &t, &e), 0);
	return t.id;
}

/* A new family of team team_id, its id. */
static int64_t test_family(db_t *db, int64_t team_id)
{
	struct dy_err e;
	struct family f = {.team_id = team_id, .created_on = tu_date("2026-01-02")};
	assert_int_equal(store_family_insert(db, &f, &e), 0);
	return f.id;
}

static void people_round_trip_and_conflicts(void **state)
{
	(void)state;
	db_t *db = fresh();
	struct dy_err e;
	int64_t fam = test_family(db, test_team(db));
	struct person p = make_person(fam, "caregiver", "9434765919");
	assert_int_equal(store_person_insert(db, &p, &e), 0);
	assert_true(p.id > 0);
	struct person q;
	assert_int_equal(store_person_get(db, p.id, &q, &e), 0);
	assert_memory_equal(&p, &q, sizeof p);

	struct person dup = make_person(fam, "infant", "9434765919");
	assert_int_equal(store_person_insert(db, &dup, &e), DY_ECONFLICT);
	assert_int_equal(db_constraint(db), DB_CONSTRAINT_UNIQUE);
	dup = make_person(fam, "infant", "");
	dup.id = p.id;
	assert_int_equal(store_person_insert(db, &dup, &e), DY_ECONFLICT);
	assert_int_equal(db_constraint(db), DB_CONSTRAINT_UNIQUE);
	assert_int_equal(store_person_get(db, 999, &q, &e), DY_ENOTFOUND);

	/* a person in a family that does not exist breaks a foreign key */
	struct person orphan = make_person(777, "infant", "");
	assert_int_equal(store_person_insert(db, &orphan, &e), DY_ECONFLICT);
	assert_int_equal(db_constraint(db), DB_CONSTRAINT_FOREIGN_KEY);
	db_close(db);
}

struct people {
	struct person p[300];
	int n;
	int infants_only; /* keep the infants alone */
};

static int keep_person(void *ctx, const struct person *p)
{
	struct people *k = ctx;
	if (!k->infants_only || strcmp(p->role, "infant") == 0)
		k->p[k->n++] = *p;
	return 0;
}

/* store_infant_list_many (the waiting list's names, from the covering
 * index person_infant) gives the infants store_person_list_many gives, in
 * the same order, with their names and loss, over more than one batch. */
static void infants_of_many_families(void **state)
{
	(void)state;
	db_t *db = fresh();
	struct dy_err e;
	int64_t team = test_team(db);
	int64_t fams[80];
	for (int i = 0; i < 80; i++) {
		fams[i] = test_family(db, team);
		struct person c = make_person(fams[i], "caregiver", "");
		assert_int_equal(store_person_insert(db, &c, &e), 0);
		for (int k = 0; k < i % 3; k++) { /* none, one or two infants */
			struct person b = make_person(fams[i], "infant", "");
			snprintf(b.given_name, sizeof b.given_name, "Baby%d", k);
			snprintf(b.family_name, sizeof b.family_name, "Fam%d", i);
			assert_int_equal(store_person_insert(db, &b, &e), 0);
			if (i == 5 && k == 1) {
				char sql[120];
				snprintf(sql, sizeof sql, "UPDATE person SET loss = 'stillbirth', loss_on = '2026-01-01' WHERE id = %lld",
				         (long long)b.id);
				assert_int_equal(db_exec(db, sql, &e), 0);
			}
		}
	}
	static struct people all, inf;
	memset(&all, 0, sizeof all);
	memset(&inf, 0, sizeof inf);
	all.infants_only = 1;
	int64_t ask[79]; /* every family but the second */
	for (int i = 0, k = 0; i < 80; i++)
		if (i != 1)
			ask[k++] = fams[i];
	assert_int_equal(store_person_list_many(db, ask, 79, keep_person, &all, &e), 0);
	assert_int_equal(store_infant_list_many(db, ask, 79, keep_person, &inf, &e), 0);
	assert_int_equal(inf.n, 78); /* 27 families with one infant, 26 with two, less the second family's one */
	assert_int_equal(inf.n, all.n);
	int losses = 0;
	for (int i = 0; i < inf.n; i++) {
		const struct person *a = &all.p[i], *b = &inf.p[i];
		assert_int_equal(b->id, a->id);
		assert_int_equal(b->family_id, a->family_id);
		assert_string_equal(b->role, "infant");
		assert_string_equal(b->given_name, a->given_name);
		assert_string_equal(b->family_name, a->family_name);
		assert_string_equal(b->loss, a->loss);
		assert_int_equal(b->loss_on, a->loss_on);
		assert_string_equal(b->nhs_number, ""); /* only the names and loss are read */
		assert_string_equal(b->postcode, "");
		losses += b->loss[0] != 0;
	}
	assert_int_equal(losses, 1);
	db_close(db);
}

static int count_contacts(void *ctx, const struct contact *c)
{
	struct contact *out = ctx;
	*out = *c;
	return 0;
}

static int count_sg(void *ctx, const struct safeguarding *s)
{
	(void)s;
	(*(int *)ctx)++;
	return 0;
}

static void episodes_contacts_safeguarding(void **state)
{
	(void)state;
	db_t *db = fresh();
	struct dy_err e;
	int64_t team = test_team(db), fam = test_family(db, team);
	struct person mum = make_person(fam, "caregiver", "");
	struct person baby = make_person(fam, "infant", "");
	assert_int_equal(store_person_insert(db, &mum, &e), 0);
	assert_int_equal(store_person_insert(db, &baby, &e), 0);
	struct practitioner pr = {.team_id = team, .name = "P", .profession = "psychotherapist"};
	assert_int_equal(store_practitioner_insert(db, &pr, &e), 0);
	assert_int_equal(store_practitioner_exists(db, pr.id, &e), 1);
	assert_int_equal(store_practitioner_exists(db, pr.id + 1, &e), 0);

	struct episode ep = {.family_id = fam, .infant_id = baby.id, .caregiver_id = mum.id,
	                     .received_on = tu_date("2026-02-01"), .source = "gp", .decision = "accepted",
	                     .decided_on = tu_date("2026-02-02"), .discharged_on = DATE_NONE};
	assert_int_equal(store_episode_insert(db, &ep, &e), 0);
	struct episode back;
	assert_int_equal(store_episode_get(db, ep.id, &back, &e), 0);
	assert_memory_equal(&ep, &back, sizeof ep);

	struct contact c = {.episode_id = ep.id, .date = tu_date("2026-02-10"), .kind = "assessment",
	                    .location = "home", .attendance = "attended", .duration_min = 75,
	                    .practitioners = {pr.id}, .n_practitioners = 1,
	                    .attendees = {baby.id, mum.id}, .n_attendees = 2};
	assert_int_equal(store_contact_insert(db, &c, &e), 0);
	struct contact got;
	memset(&got, 0, sizeof got);
	assert_int_equal(store_contact_list(db, ep.id, count_contacts, &got, &e), 0);
	assert_int_equal(got.id, c.id);
	assert_int_equal(got.duration_min, 75);
	assert_int_equal(got.n_practitioners, 1);
	assert_int_equal(got.n_attendees, 2);
	assert_int_equal(got.attendees[0], mum.id); /* sorted */
	assert_int_equal(got.attendees[1], baby.id);

	struct safeguarding s = {.infant_id = baby.id, .status = "child_in_need", .started_on = tu_date("2026-01-05"),
	                         .ended_on = DATE_NONE};
	assert_int_equal(store_safeguarding_insert(db, &s, &e), 0);
	assert_int_equal(store_safeguarding_insert(db, &s, &e), DY_ECONFLICT);
	struct safeguarding cur;
	assert_int_equal(store_safeguarding_current(db, baby.id, &cur, &e), 1);
	assert_string_equal(cur.status, "child_in_need");
	assert_int_equal(store_safeguarding_end_current(db, baby.id, tu_date("2026-03-01"), &e), 0);
	assert_int_equal(store_safeguarding_current(db, baby.id, &cur, &e), 0);
	int n = 0;
	assert_int_equal(store_safeguarding_list(db, baby.id, count_sg, &n, &e), 0);
	assert_int_equal(n, 1);

	struct measure m = {.episode_id = ep.id, .person_id = mum.id, .instrument = "phq9", .timepoint = "baseline",
	                    .date = tu_date("2026-02-10"), .responses = "1;2;0;;3;1;1;0;0"};
	assert_int_equal(store_measure_insert(db, &m, &e), 0);
	m.id = 0;
	assert_int_equal(store_measure_insert(db, &m, &e), DY_ECONFLICT);

	ep.discharged_on = tu_date("2026-04-01");
	strcpy(ep.discharge_reason, "planned_ending");
	assert_int_equal(store_episode_update(db, &ep, &e), 0);
	assert_int_equal(store_episode_get(db, ep.id, &back, &e), 0);
	assert_int_equal(back.discharged_on, ep.discharged_on);
	db_close(db);
}

static void transactions_roll_back(void **state)
{
	(void)state;
	db_t *db = fresh();
	struct dy_err e;
	int64_t team = test_team(db);
	assert_int_equal(db_begin(db, &e), 0);
	int64_t fam = test_family(db, team);
	db_rollback(db);
	struct family g;
	assert_int_equal(store_family_get(db, fam, &g, &e), DY_ENOTFOUND);
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(migrations_apply_once_and_refuse_newer),
		cmocka_unit_test(unknown_urls_and_unreachable_servers_are_refused_plainly),
		cmocka_unit_test(people_round_trip_and_conflicts),
		cmocka_unit_test(infants_of_many_families),
		cmocka_unit_test(episodes_contacts_safeguarding),
		cmocka_unit_test(transactions_roll_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
