/* Two threads, one database file: each thread runs app actions through its
 * own request context on one shared process context (the shape of the web
 * server). Checked: every write lands (no lost write: the counts add up), a
 * rule checked inside the transaction holds under the race (a referral gets
 * at most 3 goals however many are asked for at once), the shared
 * definitions load once and are read safely by both. Run under
 * ThreadSanitizer by `make test` (build/tsan), where any data race fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "app/app_audit.h"
#include "app/app_audit_queue.h"
#include "app/app_episode.h"
#include "app/app_family.h"
#include "app/app_measure.h"
#include "appfix.h"
#include "testutil.h"
#include "util/date.h"

#define ROUNDS 20
#define THREADS 2
#define GOAL_TRIES 4 /* per thread: 8 asked for, 3 allowed */

struct shared {
	struct app_proc proc;
	int64_t referral, mum, practitioner;
	int32_t received, today;
	pthread_barrier_t start; /* both threads begin together */
};

struct worker {
	struct shared *s;
	int n;        /* thread number */
	int failures; /* unexpected errors */
	char first[300];
	int goals_added, goals_refused;
	const struct instrument_set *defs;
};

static void note(struct worker *w, const char *what, const struct dy_err *e)
{
	if (!w->failures++) {
		char line[256];
		dy_err_format(e, line, sizeof line);
		snprintf(w->first, sizeof w->first, "%s: %s", what, line);
	}
}

static void *work(void *arg)
{
	struct worker *w = arg;
	struct shared *s = w->s;
	struct app a;
	struct dy_err e;
	char actor[32];
	snprintf(actor, sizeof actor, "thread-%d", w->n);
	if (app_request_open(&a, &s->proc, actor, &e)) {
		note(w, "open", &e);
		pthread_barrier_wait(&s->start);
		return NULL;
	}
	a.today = s->today;
	/* Each request's scratch memory is its own. */
	char *mine = arena_strdup(&a.arena, actor);
	if (!mine || strcmp(mine, actor) != 0)
		w->failures++;
	pthread_barrier_wait(&s->start);
	if (app_instruments(&a, &w->defs, &e))
		note(w, "instruments", &e);
	for (int i = 0; i < ROUNDS; i++) {
		int64_t fam;
		if (app_family_add(&a, &fam, &e))
			note(w, "family", &e);
		int32_t day = s->received + 1 + i * THREADS + w->n;
		struct contact c = {.episode_id = s->referral, .date = day, .kind = "assessment", .location = "home",
		                    .attendance = "attended", .duration_min = 60,
		                    .practitioners = {s->practitioner}, .n_practitioners = 1,
		                    .attendees = {s->mum}, .n_attendees = 1};
		if (app_contact_add(&a, &c, NULL, &e))
			note(w, "contact", &e);
		struct measure_entry me;
		memset(&me, 0, sizeof me);
		me.episode_id = s->referral;
		strcpy(me.instrument, "phq9");
		strcpy(me.timepoint, "review");
		me.date = day;
		strcpy(me.responses, "1;1;1;1;1;1;1;1;0");
		struct measure_record rec;
		struct score_result res;
		if (app_measure_record(&a, &me, &rec, &res, &e))
			note(w, "measure", &e);
		struct referral_view v;
		if (app_referral_view(&a, s->referral, &v, &e))
			note(w, "view", &e);
		else
			app_referral_view_free(&v);
	}
	for (int i = 0; i < GOAL_TRIES; i++) {
		struct goal g = {.episode_id = s->referral, .set_on = s->received + 1};
		snprintf(g.text, sizeof g.text, "goal %d of thread %d", i, w->n);
		int rc = app_goal_add(&a, &g, &e);
		if (!rc)
			w->goals_added++;
		else if (rc == DY_ECONFLICT && strcmp(e.field, "referral") == 0)
			w->goals_refused++;
		else
			note(w, "goal", &e);
	}
	app_request_close(&a);
	return NULL;
}

/* A database at file with one family (mother, baby), a practitioner and
 * one referral, on s's process context. */
static void setup_referral(struct shared *s, const char *file)
{
	memset(s, 0, sizeof *s);
	char path[700];
	snprintf(path, sizeof path, "%s", tu_db_url(file));
	struct dy_err e;
	assert_int_equal(app_proc_open(&s->proc, path, NULL, &e), 0);
	s->today = tu_date("2026-06-01");
	s->received = tu_date("2026-01-05");

	struct app a;
	assert_int_equal(app_request_open(&a, &s->proc, "setup", &e), 0);
	a.today = s->today;
	int created;
	assert_int_equal(app_init(&a, "t", "Team", &created, &e), 0);
	int64_t fam;
	assert_int_equal(app_family_add(&a, &fam, &e), 0);
	struct person p = {.family_id = fam, .role = "caregiver", .relationship = "mother", .given_name = "Ann",
	                   .family_name = "Ex", .date_of_birth = tu_date("1996-01-01"), .edd = DATE_NONE};
	assert_int_equal(app_person_add(&a, &p, &e), 0);
	s->mum = p.id;
	struct person b = {.family_id = fam, .role = "infant", .given_name = "Bo", .family_name = "Ex",
	                   .date_of_birth = tu_date("2025-12-01"), .edd = DATE_NONE};
	assert_int_equal(app_person_add(&a, &b, &e), 0);
	struct practitioner pr = {.name = "Pat", .profession = "psychotherapist"};
	assert_int_equal(app_practitioner_add(&a, &pr, &e), 0);
	s->practitioner = pr.id;
	struct episode ep = {.family_id = fam, .infant_id = b.id, .caregiver_id = s->mum, .received_on = s->received,
	                     .source = "health_visitor", .decided_on = DATE_NONE, .discharged_on = DATE_NONE};
	assert_int_equal(app_referral_add(&a, &ep, &e), 0);
	s->referral = ep.id;
	app_request_close(&a);
}

static void two_threads_lose_no_write(void **state)
{
	(void)state;
	static struct shared s;
	setup_referral(&s, "concurrent.db");
	struct app a;
	struct dy_err e;

	pthread_barrier_init(&s.start, NULL, THREADS);
	pthread_t t[THREADS];
	struct worker w[THREADS];
	for (int i = 0; i < THREADS; i++) {
		memset(&w[i], 0, sizeof w[i]);
		w[i].s = &s;
		w[i].n = i;
		assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
	}
	int added = 0, refused = 0;
	for (int i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		if (w[i].failures)
			print_message("thread %d: %d failures, first %s\n", i, w[i].failures, w[i].first);
		assert_int_equal(w[i].failures, 0);
		added += w[i].goals_added;
		refused += w[i].goals_refused;
	}
	pthread_barrier_destroy(&s.start);
	/* Both threads read the one shared set of definitions. */
	assert_non_null(w[0].defs);
	assert_ptr_equal(w[0].defs, w[1].defs);

	assert_int_equal(app_request_open(&a, &s.proc, "check", &e), 0);
	assert_int_equal(appfix_count(a.db, "SELECT COUNT(*) FROM family"), 1 + THREADS * ROUNDS);
	assert_int_equal(appfix_count(a.db, "SELECT COUNT(*) FROM contact"), THREADS * ROUNDS);
	assert_int_equal(appfix_count(a.db, "SELECT COUNT(*) FROM measure"), THREADS * ROUNDS);
	assert_int_equal(appfix_count(a.db, "SELECT COUNT(*) FROM goal"), 3);
	assert_int_equal(added, 3);
	assert_int_equal(refused, THREADS * GOAL_TRIES - 3);
	/* One audit entry per write that landed, under each thread's own name,
	 * and one per look at the referral. */
	assert_int_equal(appfix_count(a.db, "SELECT COUNT(*) FROM audit WHERE actor = 'thread-0' AND action <> 'read'") +
	                     appfix_count(a.db, "SELECT COUNT(*) FROM audit WHERE actor = 'thread-1' AND action <> 'read'"),
	                 THREADS * ROUNDS * 3 + 3);
	assert_int_equal(appfix_count(a.db, "SELECT COUNT(*) FROM audit WHERE action = 'read' AND entity = 'episode'"),
	                 THREADS * ROUNDS);
	/* Writers in parallel still make one unbroken hash chain. */
	struct audit_check chk;
	assert_int_equal(app_audit_verify(&a, &chk, &e), 0);
	assert_true(chk.ok);
	app_request_close(&a);
	app_proc_close(&s.proc);
}

#define READERS 4
#define READS 50

struct reader {
	struct shared *s;
	int n;
	int failures;
	char first[300];
};

/* Each look, once app_referral_view returns, is already in the log: a
 * fresh read on the reader's own connection finds its entry. */
static void *read_work(void *arg)
{
	struct reader *r = arg;
	struct app a;
	struct dy_err e;
	char actor[32];
	snprintf(actor, sizeof actor, "reader-%d", r->n);
	if (app_request_open(&a, &r->s->proc, actor, &e)) {
		r->failures++;
		pthread_barrier_wait(&r->s->start);
		return NULL;
	}
	a.today = r->s->today;
	pthread_barrier_wait(&r->s->start);
	for (int i = 0; i < READS; i++) {
		struct referral_view v;
		if (app_referral_view(&a, r->s->referral, &v, &e)) {
			if (!r->failures++)
				dy_err_format(&e, r->first, sizeof r->first);
			continue;
		}
		app_referral_view_free(&v);
		db_stmt_t *st = db_prepare(a.db, "SELECT COUNT(*) FROM audit WHERE actor = ? AND action = 'read'", &e);
		db_bind_text(st, 1, actor);
		if (!st || db_step(st, &e) != DB_ROW || db_col_int(st, 0) != i + 1)
			r->failures++;
		db_end_reads(a.db);
		/* A change by this thread meanwhile: its own entry, power-safe. */
		int64_t fam;
		if (i % 10 == 0 && app_family_add(&a, &fam, &e))
			r->failures++;
	}
	app_request_close(&a);
	return NULL;
}

/* The server's shape: reads audited through the one writer thread (group
 * commit) while others write: no entry lost, one unbroken chain, and every
 * entry written by the time the writer stops. */
static void reads_are_audited_through_the_writer(void **state)
{
	(void)state;
	static struct shared s;
	setup_referral(&s, "audit_queue.db");
	struct dy_err e;
	assert_int_equal(app_audit_queue_start(&s.proc, &e), 0);
	pthread_barrier_init(&s.start, NULL, READERS);
	pthread_t t[READERS];
	struct reader r[READERS];
	for (int i = 0; i < READERS; i++) {
		memset(&r[i], 0, sizeof r[i]);
		r[i].s = &s;
		r[i].n = i;
		assert_int_equal(pthread_create(&t[i], NULL, read_work, &r[i]), 0);
	}
	for (int i = 0; i < READERS; i++) {
		pthread_join(t[i], NULL);
		if (r[i].failures)
			print_message("reader %d: %d failures, first %s\n", i, r[i].failures, r[i].first);
		assert_int_equal(r[i].failures, 0);
	}
	pthread_barrier_destroy(&s.start);
	app_audit_queue_stop(&s.proc);
	assert_null(s.proc.audit);

	struct app a;
	assert_int_equal(app_request_open(&a, &s.proc, "check", &e), 0);
	assert_int_equal(appfix_count(a.db, "SELECT COUNT(*) FROM audit WHERE action = 'read' AND entity = 'episode'"),
	                 READERS * READS);
	assert_int_equal(appfix_count(a.db, "SELECT COUNT(*) FROM audit WHERE action = 'family.add' AND actor LIKE 'reader-%'"),
	                 READERS * READS / 10);
	struct audit_check chk;
	assert_int_equal(app_audit_verify(&a, &chk, &e), 0);
	assert_true(chk.ok);
	app_request_close(&a);
	app_proc_close(&s.proc);
}

/* A definitions reload swaps the set: a request that already holds the old
 * one keeps it, unchanged, until it closes; the next request gets the new. */
static void reload_swaps_without_pulling_the_rug(void **state)
{
	(void)state;
	struct app_proc proc;
	char path[700];
	snprintf(path, sizeof path, "%s", tu_db_url("reload.db"));
	struct dy_err e;
	assert_int_equal(app_proc_open(&proc, path, NULL, &e), 0);
	struct app a, b;
	assert_int_equal(app_request_open(&a, &proc, "a", &e), 0);
	const struct instrument_set *old, *now, *fresh;
	assert_int_equal(app_instruments(&a, &old, &e), 0);
	const struct instrument *phq = instrument_set_find(old, "phq9");
	assert_non_null(phq);
	assert_int_equal(app_proc_reload(&proc, a.db, &e), 0);
	assert_int_equal(app_instruments(&a, &now, &e), 0);
	assert_ptr_equal(now, old); /* still the set it started with */
	assert_string_equal(phq->id, "phq9");
	assert_int_equal(app_request_open(&b, &proc, "b", &e), 0);
	assert_int_equal(app_instruments(&b, &fresh, &e), 0);
	assert_ptr_not_equal(fresh, old);
	assert_non_null(instrument_set_find(fresh, "phq9"));
	app_request_close(&a);
	app_request_close(&b);
	app_proc_close(&proc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(two_threads_lose_no_write),
		cmocka_unit_test(reload_swaps_without_pulling_the_rug),
		cmocka_unit_test(reads_are_audited_through_the_writer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
