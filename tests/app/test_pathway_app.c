/* The referral pathway through the app layer on a real SQLite file: triage
 * with eligibility and overrides, legal and illegal moves, automatic moves
 * on attended contacts, discharge, duplicate referrals, and the waiting list
 * and report on a small data set whose figures are worked out by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "app/app_episode.h"
#include "app/app_family.h"
#include "app/app_pathway.h"
#include "store/store_family.h"
#include "testutil.h"
#include "util/date.h"
#include "util/str.h"

#define D(s) tu_date(s)

static struct app A;
static struct eligibility_config RULES;

static int setup(void **state)
{
	(void)state;
	char path[1024];
	snprintf(path, sizeof path, "%s", tu_db_url("app.db"));
	struct dy_err e;
	if (app_open(&A, path, "tester", &e))
		return -1;
	A.today = D("2025-03-31");
	int created;
	if (app_init(&A, "t", "Test team", &created, &e))
		return -1;
	eligibility_config_init(&RULES);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	app_close(&A);
	eligibility_config_free(&RULES);
	return 0;
}

/* A family with a caregiver and an infant; returns the infant's id and
 * writes the caregiver's. */
static int64_t family(const char *infant_dob, const char *surname, const char *carer_dob, int64_t *carer)
{
	struct dy_err e;
	int64_t fam;
	assert_int_equal(app_family_add(&A, &fam, &e), 0);
	struct person p = {.family_id = fam, .date_of_birth = D(carer_dob), .edd = DATE_NONE};
	strcpy(p.role, "caregiver");
	strcpy(p.relationship, "mother");
	strcpy(p.given_name, "Alex");
	str_copy(p.family_name, sizeof p.family_name, surname);
	strcpy(p.postcode, "NG7 2UH");
	if (app_person_add(&A, &p, &e))
		fail_msg("caregiver: %s: %s", e.field, e.msg);
	*carer = p.id;
	struct person i = {.family_id = fam, .date_of_birth = D(infant_dob), .edd = DATE_NONE};
	strcpy(i.role, "infant");
	strcpy(i.given_name, "Kit");
	str_copy(i.family_name, sizeof i.family_name, surname);
	if (app_person_add(&A, &i, &e))
		fail_msg("infant: %s: %s", e.field, e.msg);
	return i.id;
}

static int64_t referral(int64_t infant, int64_t carer, const char *received)
{
	struct dy_err e;
	struct person p;
	assert_int_equal(store_person_get(A.db, infant, &p, &e), 0);
	struct episode ep = {.family_id = p.family_id, .infant_id = infant, .caregiver_id = carer,
	                     .received_on = D(received), .decided_on = DATE_NONE, .discharged_on = DATE_NONE};
	strcpy(ep.source, "health_visitor");
	if (app_referral_add(&A, &ep, &e))
		fail_msg("referral: %s: %s", e.field, e.msg);
	return ep.id;
}

static int triage(int64_t id, const char *decision, const char *date, const char *reason, const char *service,
                  const struct eligibility_override *o, size_t n, struct dy_err *e)
{
	struct triage_request t = {.episode_id = id, .decision = decision, .reason = reason, .service = service,
	                           .date = D(date), .overrides = o, .n_overrides = n};
	return app_referral_triage(&A, &t, &RULES, NULL, e);
}

static void contact(int64_t id, const char *date, const char *kind, const char *attendance)
{
	struct contact c = {.episode_id = id, .date = D(date), .duration_min = 60};
	strcpy(c.kind, kind);
	strcpy(c.location, "home");
	strcpy(c.attendance, attendance);
	if (strcmp(kind, "intervention") == 0)
		strcpy(c.intervention, "video_interaction_guidance");
	struct dy_err e;
	if (app_contact_add(&A, &c, NULL, &e))
		fail_msg("contact: %s: %s", e.field, e.msg);
}

static enum episode_state state(int64_t id)
{
	struct pathway_referral p;
	struct dy_err e;
	assert_int_equal(app_referral_pathway(&A, id, &p, &e), 0);
	return p.state;
}

struct events {
	struct pathway_event ev[12];
	int n;
};

static int log_event(void *ctx, const struct pathway_event *ev)
{
	struct events *l = ctx;
	if (l->n < 12)
		l->ev[l->n] = *ev;
	l->n++;
	return 0;
}

static struct events history(int64_t id)
{
	struct events l = {0};
	struct dy_err e;
	assert_int_equal(app_referral_history(&A, id, log_event, &l, &e), 0);
	return l;
}

static void referral_opens_received_and_moves_are_stamped(void **s)
{
	(void)s;
	int64_t carer, infant = family("2024-10-01", "Ashdown", "1995-05-05", &carer);
	int64_t id = referral(infant, carer, "2025-01-02");
	assert_int_equal(state(id), EPISODE_RECEIVED);
	struct events h = history(id);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.ev[0].to, EPISODE_RECEIVED);
	assert_int_equal(h.ev[0].date, D("2025-01-02"));
	assert_string_equal(h.ev[0].actor, "tester");

	struct dy_err e;
	assert_int_equal(triage(id, "accepted", "2025-01-03", NULL, NULL, NULL, 0, &e), 0);
	assert_int_equal(state(id), EPISODE_AWAITING_ASSESSMENT);
	contact(id, "2025-01-08", "assessment", "did_not_attend"); /* does not move it */
	assert_int_equal(state(id), EPISODE_AWAITING_ASSESSMENT);
	contact(id, "2025-01-09", "intervention", "attended"); /* not assessed yet: no move */
	assert_int_equal(state(id), EPISODE_AWAITING_ASSESSMENT);
	contact(id, "2025-01-10", "assessment", "attended");
	assert_int_equal(state(id), EPISODE_ASSESSED);
	assert_int_equal(app_referral_move(&A, id, "awaiting_intervention", D("2025-01-11"), "plan agreed", &e), 0);
	contact(id, "2025-01-20", "group", "cancelled_by_family");
	assert_int_equal(state(id), EPISODE_AWAITING_INTERVENTION);
	contact(id, "2025-01-27", "group", "attended");
	assert_int_equal(state(id), EPISODE_IN_INTERVENTION);
	assert_int_equal(app_discharge(&A, id, D("2025-03-01"), "planned_ending", NULL, NULL, 0, "with_birth_family", &e), 0);
	assert_int_equal(state(id), EPISODE_DISCHARGED);
	h = history(id);
	assert_int_equal(h.n, 6);
	static const enum episode_state path[] = {EPISODE_RECEIVED, EPISODE_AWAITING_ASSESSMENT, EPISODE_ASSESSED,
	                                          EPISODE_AWAITING_INTERVENTION, EPISODE_IN_INTERVENTION,
	                                          EPISODE_DISCHARGED};
	static const char *const dates[] = {"2025-01-02", "2025-01-03", "2025-01-10", "2025-01-11", "2025-01-27",
	                                    "2025-03-01"};
	for (int i = 0; i < 6; i++) {
		assert_int_equal(h.ev[i].to, path[i]);
		assert_int_equal(h.ev[i].date, D(dates[i]));
		assert_string_equal(h.ev[i].actor, "tester");
		assert_int_equal(strlen(h.ev[i].recorded_at), 20);
		if (i)
			assert_int_equal(h.ev[i].from, (int)path[i - 1]);
	}
	assert_string_equal(h.ev[3].reason, "plan agreed");
	assert_string_equal(h.ev[5].reason, "planned_ending");

	/* Closed is closed. */
	assert_int_equal(app_referral_move(&A, id, "in_intervention", D("2025-03-02"), NULL, &e), DY_ECONFLICT);
	assert_non_null(strstr(e.msg, "cannot move from discharged to in intervention"));
}

static void illegal_moves_are_refused_with_the_reason(void **s)
{
	(void)s;
	int64_t carer, infant = family("2024-10-01", "Brierley", "1995-05-05", &carer);
	int64_t id = referral(infant, carer, "2025-01-02");
	struct dy_err e;
	/* Not triaged: cannot be assessed. */
	assert_int_equal(app_referral_move(&A, id, "assessed", D("2025-01-05"), NULL, &e), DY_ECONFLICT);
	assert_string_equal(e.field, "to");
	assert_non_null(strstr(e.msg, "cannot move from received to assessed"));
	/* Acceptance is triage's. */
	assert_int_equal(app_referral_move(&A, id, "awaiting_assessment", D("2025-01-05"), NULL, &e), DY_ECONFLICT);
	assert_non_null(strstr(e.msg, "triage"));
	/* Declining needs a reason; signposting a service. */
	assert_int_equal(triage(id, "declined", "2025-01-05", NULL, NULL, NULL, 0, &e), DY_EINVAL);
	assert_string_equal(e.field, "reason");
	assert_int_equal(triage(id, "signposted", "2025-01-05", NULL, "", NULL, 0, &e), DY_EINVAL);
	assert_string_equal(e.field, "service");
	/* Before the referral was received. */
	assert_int_equal(triage(id, "declined", "2025-01-01", "not our area", NULL, NULL, 0, &e), DY_EINVAL);
	assert_string_equal(e.field, "date");
	assert_int_equal(triage(id, "declined", "2025-01-05", "concern is about sleep only", NULL, NULL, 0, &e), 0);
	assert_int_equal(state(id), EPISODE_DECLINED);
	struct episode ep;
	assert_int_equal(store_episode_get(A.db, id, &ep, &e), 0);
	assert_string_equal(ep.decision, "declined");
	assert_int_equal(ep.decided_on, D("2025-01-05"));
	/* A declined referral is closed: no triage again, no intervention, no discharge. */
	assert_int_equal(triage(id, "accepted", "2025-01-06", NULL, NULL, NULL, 0, &e), DY_ECONFLICT);
	assert_int_equal(app_referral_move(&A, id, "in_intervention", D("2025-01-06"), NULL, &e), DY_ECONFLICT);
	assert_non_null(strstr(e.msg, "cannot move from declined to in intervention: a declined referral is closed"));
	assert_int_equal(app_discharge(&A, id, D("2025-01-06"), "other", NULL, NULL, 0, "with_birth_family", &e),
	                 DY_ECONFLICT);
	assert_int_equal(history(id).n, 2);
}

static int count_override(void *ctx, const struct pathway_override *o)
{
	struct pathway_override *last = ctx;
	*last = *o;
	return 0;
}

static void triage_refuses_ineligible_unless_overridden(void **s)
{
	(void)s;
	/* 36 months old at referral: over the default limit of 24. */
	int64_t carer, infant = family("2022-01-01", "Calloway", "1995-05-05", &carer);
	int64_t id = referral(infant, carer, "2025-01-10");
	struct dy_err e;
	struct referral_check chk;
	assert_int_equal(app_referral_check(&A, id, &RULES, NULL, &chk, &e), 0);
	assert_int_equal(chk.result.eligible, 0);
	assert_int_equal(chk.result.n_reasons, 1);
	assert_non_null(strstr(chk.result.reasons[0].text, "infant is 36 months at referral"));

	assert_int_equal(triage(id, "accepted", "2025-01-11", NULL, NULL, NULL, 0, &e), DY_ECONFLICT);
	assert_string_equal(e.field, "override");
	assert_non_null(strstr(e.msg, "infant_age"));
	assert_int_equal(state(id), EPISODE_RECEIVED);
	assert_int_equal(history(id).n, 1); /* nothing was written */
	/* An override needs a reason, and only a failed rule can be overridden. */
	struct eligibility_override blank = {"infant_age", "  "};
	assert_int_equal(triage(id, "accepted", "2025-01-11", NULL, NULL, &blank, 1, &e), DY_EINVAL);
	struct eligibility_override area = {"area", "moving soon"};
	assert_int_equal(triage(id, "accepted", "2025-01-11", NULL, NULL, &area, 1, &e), DY_ECONFLICT);
	/* Overrides are for acceptance only. */
	struct eligibility_override ok = {"infant_age", "sibling already in the service; developmental delay"};
	assert_int_equal(triage(id, "declined", "2025-01-11", "x", NULL, &ok, 1, &e), DY_EINVAL);
	assert_int_equal(triage(id, "accepted", "2025-01-11", NULL, NULL, &ok, 1, &e), 0);
	assert_int_equal(state(id), EPISODE_AWAITING_ASSESSMENT);
	struct pathway_override o = {0};
	assert_int_equal(app_referral_overrides(&A, id, count_override, &o, &e), 0);
	assert_string_equal(o.rule, "infant_age");
	assert_string_equal(o.reason, "sibling already in the service; developmental delay");
	assert_string_equal(o.actor, "tester");
	assert_int_equal(o.date, D("2025-01-11"));
}

static void programme_rules_use_the_stored_facts(void **s)
{
	(void)s;
	static const char text[] = "[programme mtb]\nlabel = Minding the Baby\ncaregiver_under_age = 25\n"
	                           "first_time_parent = required\n";
	struct eligibility_config c;
	struct dy_err e;
	eligibility_config_init(&c);
	assert_int_equal(eligibility_parse(text, sizeof text - 1, &c, &e), 0);
	int64_t carer, infant = family("2024-12-01", "Dunmore", "2001-01-01", &carer);
	int64_t id = referral(infant, carer, "2025-01-10");
	struct referral_check chk;
	assert_int_equal(app_referral_check(&A, id, &c, NULL, &chk, &e), 0);
	assert_int_equal(chk.result.eligible, 1); /* no programme named */
	assert_int_equal(app_referral_facts(&A, id, "mtb", ELIGIBILITY_ANSWER_UNKNOWN, &e), 0);
	assert_int_equal(app_referral_check(&A, id, &c, NULL, &chk, &e), 0);
	assert_int_equal(chk.result.eligible, 0);
	assert_string_equal(chk.programme, "mtb");
	assert_int_equal(chk.result.n_reasons, 1);
	assert_int_equal(chk.result.reasons[0].rule, ELIGIBILITY_RULE_FIRST_TIME_PARENT);
	assert_int_equal(chk.result.reasons[0].unknown, 1);
	assert_int_equal(app_referral_facts(&A, id, "mtb", ELIGIBILITY_ANSWER_YES, &e), 0);
	assert_int_equal(app_referral_check(&A, id, &c, NULL, &chk, &e), 0);
	assert_int_equal(chk.result.eligible, 1);
	assert_int_equal(app_referral_check(&A, id, &c, "nope", &chk, &e), DY_ENOTFOUND);
	assert_int_equal(app_referral_facts(&A, id, "Bad Name", ELIGIBILITY_ANSWER_YES, &e), DY_EINVAL);
	eligibility_config_free(&c);
}

static void duplicates_are_flagged_before_saving(void **s)
{
	(void)s;
	int64_t carer, infant = family("2024-10-01", "Eskdale", "1993-03-03", &carer);
	int64_t first = referral(infant, carer, "2025-01-02");
	struct person p;
	struct dy_err e;
	assert_int_equal(store_person_get(A.db, infant, &p, &e), 0);
	struct episode ep = {.family_id = p.family_id, .infant_id = infant, .received_on = D("2025-01-05"),
	                     .decided_on = DATE_NONE, .discharged_on = DATE_NONE};
	strcpy(ep.source, "gp");
	struct referral_duplicates d;
	struct referral_extra x = {0};
	assert_int_equal(app_referral_add_with(&A, &ep, &x, &d, &e), DY_ECONFLICT);
	assert_string_equal(e.field, "referral");
	assert_int_equal(d.n, 1);
	assert_int_equal(d.ids[0], first);
	assert_null(strstr(e.msg, "Eskdale")); /* no names in messages */
	/* The same caregiver name and date of birth in another family. */
	int64_t carer2, infant2 = family("2024-11-01", "Eskdale", "1993-03-03", &carer2);
	assert_int_equal(store_person_get(A.db, infant2, &p, &e), 0);
	struct episode ep2 = {.family_id = p.family_id, .infant_id = infant2, .caregiver_id = carer2,
	                      .received_on = D("2025-01-05"), .decided_on = DATE_NONE, .discharged_on = DATE_NONE};
	strcpy(ep2.source, "gp");
	assert_int_equal(app_referral_duplicates(&A, &ep2, &d, &e), 0);
	assert_int_equal(d.n, 1);
	x.allow_duplicate = 1;
	assert_int_equal(app_referral_add_with(&A, &ep2, &x, &d, &e), 0);
	assert_int_equal(d.n, 1);
	assert_true(ep2.id > first);
	/* Once the first is closed it is no longer a duplicate. */
	assert_int_equal(triage(first, "signposted", "2025-01-06", NULL, "Health visiting team", NULL, 0, &e), 0);
	assert_int_equal(app_referral_duplicates(&A, &ep, &d, &e), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(app_referral_duplicates(&A, &ep2, &d, &e), 0);
	assert_int_equal(d.n, 1); /* itself, now that it is saved */
	assert_int_equal(d.ids[0], ep2.id);
}

static void referral_with_a_decision_gets_its_state(void **s)
{
	(void)s;
	int64_t carer, infant = family("2024-10-01", "Fairholme", "1990-01-01", &carer);
	struct person p;
	struct dy_err e;
	assert_int_equal(store_person_get(A.db, infant, &p, &e), 0);
	struct episode ep = {.family_id = p.family_id, .infant_id = infant, .received_on = D("2025-01-02"),
	                     .decided_on = D("2025-01-04"), .discharged_on = D("2025-02-01")};
	strcpy(ep.source, "gp");
	strcpy(ep.decision, "accepted");
	strcpy(ep.discharge_reason, "moved_away");
	assert_int_equal(app_referral_add(&A, &ep, &e), 0);
	assert_int_equal(state(ep.id), EPISODE_DISCHARGED);
	struct events h = history(ep.id);
	assert_int_equal(h.n, 3);
	assert_int_equal(h.ev[1].to, EPISODE_AWAITING_ASSESSMENT);
	assert_int_equal(h.ev[2].date, D("2025-02-01"));
}

/* ---- The hand-computed waiting data set (see docs/waiting.md) ----------- */

static int64_t E[7];

static void build_waiting_set(void)
{
	struct dy_err e;
	int64_t c;
	static const char *const received[] = {NULL, "2025-01-02", "2025-01-05", "2025-01-20", "2025-02-10",
	                                       "2025-01-15", "2024-12-20"};
	static const char *const names[] = {NULL, "Garside", "Hartwell", "Inchley", "Jessop", "Kirkham", "Lowther"};
	for (int i = 1; i <= 6; i++) {
		int64_t inf = family("2024-10-01", names[i], "1990-01-01", &c);
		E[i] = referral(inf, c, received[i]);
		assert_int_equal(triage(E[i], "accepted", received[i], NULL, NULL, NULL, 0, &e), 0);
	}
	/* E1: A 01-02..01-10 = 8 (met, Jan); B 01-10..02-05 = 26 (met, Feb). */
	contact(E[1], "2025-01-10", "assessment", "attended");
	contact(E[1], "2025-02-05", "intervention", "attended");
	/* E2: DNA 01-12; A stops 01-25 = 20 (breached, Jan); B waits from 01-25, target 02-25. */
	contact(E[2], "2025-01-12", "assessment", "did_not_attend");
	contact(E[2], "2025-01-25", "assessment", "attended");
	/* E3: A 01-20..02-03 = 14 (met on the target day, Feb); B target 03-03, stops 03-05 (after the period). */
	contact(E[3], "2025-02-03", "assessment", "attended");
	contact(E[3], "2025-03-05", "intervention", "attended");
	/* E4: A from 02-10, target 02-24: still waiting at 02-28, breached. */
	/* E5: A 01-15..01-16 = 1 (Jan); B from 01-16 (target 02-16) ended by discharge 02-10. */
	contact(E[5], "2025-01-16", "assessment", "attended");
	assert_int_equal(app_discharge(&A, E[5], D("2025-02-10"), "moved_away", NULL, NULL, 0, "with_birth_family", &e), 0);
	/* E6: A 2024-12-20..01-06 = 17 (breached, Jan); B 0 days (group the same day, Jan). */
	contact(E[6], "2025-01-06", "assessment", "attended");
	contact(E[6], "2025-01-06", "group", "attended");
}

static void fig(const struct waiting_figures *f, size_t n, int median, int p90, int max, double pct, size_t ended,
                size_t still, size_t breached)
{
	assert_int_equal(f->n, n);
	assert_int_equal(f->median_days, median);
	assert_int_equal(f->p90_days, p90);
	assert_int_equal(f->max_days, max);
	if (n)
		assert_true(f->pct_within_target > pct - 0.001 && f->pct_within_target < pct + 0.001);
	assert_int_equal(f->ended, ended);
	assert_int_equal(f->still_waiting, still);
	assert_int_equal(f->breached_still_waiting, breached);
}

static void waiting_list_and_report_by_hand(void **s)
{
	(void)s;
	/* A fresh database: only the hand-computed families. */
	app_close(&A);
	eligibility_config_free(&RULES);
	assert_int_equal(setup(NULL), 0);
	build_waiting_set();
	struct dy_err e;
	struct waiting_list l;
	assert_int_equal(app_waiting_list(&A, D("2025-02-28"), NULL, -1, &l, &e), 0);
	assert_int_equal(l.n, 3);
	/* Most urgent first: E4 A (-4), E2 B (-3), E3 B (+3). */
	assert_int_equal(l.rows[0].w.episode_id, E[4]);
	assert_int_equal(l.rows[0].w.clock, CLOCK_A);
	assert_int_equal(l.rows[0].w.days_waited, 18);
	assert_int_equal(l.rows[0].w.target, D("2025-02-24"));
	assert_int_equal(l.rows[0].w.days_left, -4);
	assert_string_equal(l.rows[0].infant_name, "Kit Jessop");
	assert_int_equal(l.rows[1].w.episode_id, E[2]);
	assert_int_equal(l.rows[1].w.clock, CLOCK_B);
	assert_int_equal(l.rows[1].w.days_waited, 34);
	assert_int_equal(l.rows[1].w.days_left, -3);
	assert_int_equal(l.rows[2].w.episode_id, E[3]);
	assert_int_equal(l.rows[2].w.target, D("2025-03-03"));
	assert_int_equal(l.rows[2].w.days_left, 3);
	app_waiting_list_free(&l);
	assert_int_equal(app_waiting_list(&A, D("2025-02-28"), NULL, 0, &l, &e), 0);
	assert_int_equal(l.n, 2);
	app_waiting_list_free(&l);
	assert_int_equal(app_waiting_list(&A, D("2025-02-28"), NULL, 3, &l, &e), 0);
	assert_int_equal(l.n, 2);
	app_waiting_list_free(&l);
	assert_int_equal(app_waiting_list(&A, D("2025-02-28"), NULL, 4, &l, &e), 0);
	assert_int_equal(l.n, 3);
	app_waiting_list_free(&l);

	struct waiting_report r;
	memset(&r, 0, sizeof r);
	assert_int_equal(app_waiting_report(&A, D("2025-01-01"), D("2025-02-28"), NULL, &r, &e), 0);
	/* A: stops 1, 8, 14, 17, 20; median rank 3 = 14, p90 rank 5 = 20, 3 of 5 met. */
	fig(&r.clock[CLOCK_A], 5, 14, 20, 20, 60.0, 0, 1, 1);
	/* B: stops 0, 26; median rank 1 = 0, p90 rank 2 = 26; E5 ended; E2 (breached) and E3 waiting. */
	fig(&r.clock[CLOCK_B], 2, 0, 26, 26, 100.0, 1, 2, 1);
	assert_int_equal(r.n_months, 2);
	/* January: A stops 1, 8, 17, 20 (median rank 2 = 8); E3 waiting at 01-31. */
	fig(&r.months[0].clock[CLOCK_A], 4, 8, 20, 20, 50.0, 0, 1, 0);
	/* January B: E6 0 days; E1, E2, E5 waiting at 01-31, none breached yet. */
	fig(&r.months[0].clock[CLOCK_B], 1, 0, 0, 0, 100.0, 0, 3, 0);
	fig(&r.months[1].clock[CLOCK_A], 1, 14, 14, 14, 100.0, 0, 1, 1);
	fig(&r.months[1].clock[CLOCK_B], 1, 26, 26, 26, 100.0, 1, 2, 1);
	waiting_report_free(&r);

	/* A 3-week target A makes E2's 20 and E6's 17 days met clocks (5 of 5), and
	 * E4 (from 02-10, now due 03-03) no longer in breach at 02-28. */
	struct clock_targets t;
	clock_targets_default(&t);
	t.t[CLOCK_A].amount = 21;
	memset(&r, 0, sizeof r);
	assert_int_equal(app_waiting_report(&A, D("2025-01-01"), D("2025-02-28"), &t, &r, &e), 0);
	fig(&r.clock[CLOCK_A], 5, 14, 20, 20, 100.0, 0, 1, 0);
	waiting_report_free(&r);

	/* A referral whose dates contradict each other (discharged before it was
	 * received, as only a damaged record can be) is left out of the report,
	 * which says how many it left out, as the waiting list does. */
	char sql[160];
	snprintf(sql, sizeof sql,
	         "UPDATE episode SET received_on = '2025-02-20', discharged_on = '2025-02-10' WHERE id = %lld",
	         (long long)E[3]);
	assert_int_equal(db_exec(A.db, sql, &e), 0);
	memset(&r, 0, sizeof r);
	assert_int_equal(app_waiting_report(&A, D("2025-01-01"), D("2025-02-28"), NULL, &r, &e), 0);
	assert_int_equal(r.skipped, 1);
	waiting_report_free(&r);

	/* As at 5 February E5 is still open (discharged on the 10th), and a
	 * later referral (E7, from 02-01) waits too: E5 is read after the
	 * referrals with no discharge, E7 among them, and is listed with its
	 * name all the same. E7 A: target 02-15, 10 days left; E5 B: from
	 * 01-16, target 02-16, 11 days left. */
	int64_t c7, inf7 = family("2024-10-01", "Moorcroft", "1990-01-01", &c7);
	int64_t e7 = referral(inf7, c7, "2025-02-01");
	assert_int_equal(triage(e7, "accepted", "2025-02-01", NULL, NULL, NULL, 0, &e), 0);
	assert_int_equal(app_waiting_list(&A, D("2025-02-05"), NULL, -1, &l, &e), 0);
	assert_true(l.n >= 3);
	assert_int_equal(l.rows[0].w.episode_id, e7);
	assert_int_equal(l.rows[0].w.days_left, 10);
	assert_non_null(strstr(l.rows[0].infant_name, "Moorcroft"));
	assert_int_equal(l.rows[1].w.episode_id, E[5]);
	assert_int_equal(l.rows[1].w.clock, CLOCK_B);
	assert_int_equal(l.rows[1].w.days_left, 11);
	assert_non_null(strstr(l.rows[1].infant_name, "Kirkham"));
	app_waiting_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(referral_opens_received_and_moves_are_stamped),
		cmocka_unit_test(illegal_moves_are_refused_with_the_reason),
		cmocka_unit_test(triage_refuses_ineligible_unless_overridden),
		cmocka_unit_test(programme_rules_use_the_stored_facts),
		cmocka_unit_test(duplicates_are_flagged_before_saving),
		cmocka_unit_test(referral_with_a_decision_gets_its_state),
		cmocka_unit_test(waiting_list_and_report_by_hand),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
