/* Waiting clocks: start and stop, what does not stop a clock, the target day
 * boundary, month arithmetic, discharge, and "as at" dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/clock.h"
#include "testutil.h"
#include "util/date.h"

#define D(s) tu_date(s)

static struct clock_result compute(const char *received, const struct clock_contact *c, size_t n,
                                   const char *discharged, const char *as_of)
{
	struct clock_result r;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = clock_compute(D(received), c, n, discharged ? D(discharged) : DATE_NONE, NULL, D(as_of), &r, &e);
	if (rc)
		fail_msg("clock_compute: %s: %s", e.field, e.msg);
	return r;
}

static void dna_and_cancellations_do_not_stop_a_clock(void **state)
{
	(void)state;
	struct clock_contact c[] = {
		{D("2025-03-10"), "assessment", "did_not_attend"},
		{D("2025-03-12"), "assessment", "cancelled_by_family"},
		{D("2025-03-14"), "assessment", "cancelled_by_service"},
		{D("2025-03-20"), "assessment", "attended"},
		{D("2025-03-25"), "intervention", "did_not_attend"},
	};
	struct clock_result r = compute("2025-03-03", c, 5, NULL, "2025-04-01");
	const struct clock_state *a = &r.clock[CLOCK_A], *b = &r.clock[CLOCK_B];
	assert_int_equal(a->status, CLOCK_STOPPED);
	assert_int_equal(a->start, D("2025-03-03"));
	assert_int_equal(a->stop, D("2025-03-20"));
	assert_int_equal(a->target, D("2025-03-17"));
	assert_int_equal(a->days_waited, 17);
	assert_int_equal(a->days_left, -3);
	assert_true(a->breached);
	assert_false(a->met);

	assert_int_equal(b->status, CLOCK_WAITING);
	assert_int_equal(b->start, D("2025-03-20"));
	assert_int_equal(b->target, D("2025-04-20"));
	assert_int_equal(b->days_waited, 12);
	assert_int_equal(b->days_left, 19);
	assert_false(b->breached);

	/* Before the attended assessment, clock A is still waiting despite the DNA. */
	r = compute("2025-03-03", c, 5, NULL, "2025-03-15");
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_WAITING);
	assert_int_equal(r.clock[CLOCK_A].days_waited, 12);
	assert_int_equal(r.clock[CLOCK_A].days_left, 2);
	assert_int_equal(r.clock[CLOCK_B].status, CLOCK_NOT_STARTED);
	assert_int_equal(r.clock[CLOCK_B].start, DATE_NONE);
}

static void target_day_is_within_target(void **state)
{
	(void)state;
	struct clock_contact on[] = {{D("2025-03-15"), "assessment", "attended"}};
	struct clock_result r = compute("2025-03-01", on, 1, NULL, "2025-03-31");
	assert_int_equal(r.clock[CLOCK_A].target, D("2025-03-15"));
	assert_int_equal(r.clock[CLOCK_A].days_waited, 14);
	assert_int_equal(r.clock[CLOCK_A].days_left, 0);
	assert_true(r.clock[CLOCK_A].met);
	assert_false(r.clock[CLOCK_A].breached);

	struct clock_contact late[] = {{D("2025-03-16"), "assessment", "attended"}};
	r = compute("2025-03-01", late, 1, NULL, "2025-03-31");
	assert_int_equal(r.clock[CLOCK_A].days_waited, 15);
	assert_false(r.clock[CLOCK_A].met);
	assert_true(r.clock[CLOCK_A].breached);

	/* Waiting: 0 days left on the target day, -1 the day after. */
	r = compute("2025-03-01", NULL, 0, NULL, "2025-03-15");
	assert_int_equal(r.clock[CLOCK_A].days_left, 0);
	assert_false(r.clock[CLOCK_A].breached);
	r = compute("2025-03-01", NULL, 0, NULL, "2025-03-16");
	assert_int_equal(r.clock[CLOCK_A].days_left, -1);
	assert_true(r.clock[CLOCK_A].breached);
	/* Referral day itself: 0 days waited. */
	r = compute("2025-03-01", NULL, 0, NULL, "2025-03-01");
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_WAITING);
	assert_int_equal(r.clock[CLOCK_A].days_waited, 0);
	assert_int_equal(r.clock[CLOCK_A].days_left, 14);
	/* Not yet received as at the date. */
	r = compute("2025-03-01", NULL, 0, NULL, "2025-02-28");
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_NOT_STARTED);
	assert_int_equal(r.clock[CLOCK_A].days_waited, 0);
}

static void one_calendar_month_clamps_to_month_end(void **state)
{
	(void)state;
	struct clock_contact c[] = {
		{D("2025-01-31"), "assessment", "attended"},
		{D("2025-02-28"), "intervention", "attended"},
	};
	struct clock_result r = compute("2025-01-20", c, 2, NULL, "2025-03-31");
	assert_int_equal(r.clock[CLOCK_B].target, D("2025-02-28"));
	assert_int_equal(r.clock[CLOCK_B].days_waited, 28);
	assert_true(r.clock[CLOCK_B].met);
	assert_int_equal(r.clock[CLOCK_B].days_left, 0);

	c[1].date = D("2025-03-01");
	r = compute("2025-01-20", c, 2, NULL, "2025-03-31");
	assert_false(r.clock[CLOCK_B].met);
	assert_true(r.clock[CLOCK_B].breached);
	assert_int_equal(r.clock[CLOCK_B].days_left, -1);

	/* A leap year: 31 January + 1 month = 29 February. */
	struct clock_contact leap[] = {{D("2024-01-31"), "assessment", "attended"}};
	r = compute("2024-01-20", leap, 1, NULL, "2024-02-29");
	assert_int_equal(r.clock[CLOCK_B].target, D("2024-02-29"));
	assert_int_equal(r.clock[CLOCK_B].days_left, 0);
	assert_false(r.clock[CLOCK_B].breached);
	r = compute("2024-01-20", leap, 1, NULL, "2024-03-01");
	assert_true(r.clock[CLOCK_B].breached);

	/* An ordinary month: 15 April -> 15 May (30 days). */
	struct clock_contact apr[] = {{D("2025-04-15"), "assessment", "attended"}};
	r = compute("2025-04-01", apr, 1, NULL, "2025-04-15");
	assert_int_equal(r.clock[CLOCK_B].target, D("2025-05-15"));
	assert_int_equal(r.clock[CLOCK_B].days_left, 30);
}

static void which_contacts_stop_which_clock(void **state)
{
	(void)state;
	struct clock_contact c[] = {
		{D("2025-03-02"), "intervention", "attended"}, /* before any assessment: left the path */
		{D("2025-03-04"), "review", "attended"},
		{D("2025-03-05"), "consultation", "attended"},
		{D("2025-03-06"), "other", "attended"},
	};
	struct clock_result r = compute("2025-03-01", c + 1, 3, NULL, "2025-03-10");
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_WAITING); /* review, consultation, other stop nothing */
	r = compute("2025-03-01", c, 4, NULL, "2025-03-10");
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_LEFT);
	assert_int_equal(r.clock[CLOCK_B].status, CLOCK_NOT_STARTED);

	/* A group session starts the intervention; contacts may come in any order. */
	struct clock_contact d[] = {
		{D("2025-03-30"), "intervention", "attended"},
		{D("2025-03-20"), "group", "attended"},
		{D("2025-03-12"), "assessment", "attended"},
		{D("2025-03-08"), "assessment", "attended"},
		{D("2025-02-20"), "assessment", "attended"}, /* before the referral: ignored */
		{DATE_NONE, "assessment", "attended"},
		{D("2025-03-09"), NULL, NULL},
	};
	r = compute("2025-03-01", d, 7, NULL, "2025-04-30");
	assert_int_equal(r.clock[CLOCK_A].stop, D("2025-03-08"));
	assert_int_equal(r.clock[CLOCK_A].days_waited, 7);
	assert_int_equal(r.clock[CLOCK_B].status, CLOCK_STOPPED);
	assert_int_equal(r.clock[CLOCK_B].stop, D("2025-03-20"));
	assert_int_equal(r.clock[CLOCK_B].days_waited, 12);

	/* Assessment and intervention on the same day: clock B waits 0 days. */
	struct clock_contact same[] = {
		{D("2025-03-08"), "intervention", "attended"},
		{D("2025-03-08"), "assessment", "attended"},
	};
	r = compute("2025-03-01", same, 2, NULL, "2025-03-08");
	assert_int_equal(r.clock[CLOCK_B].status, CLOCK_STOPPED);
	assert_int_equal(r.clock[CLOCK_B].days_waited, 0);
	assert_true(r.clock[CLOCK_B].met);
}

/* Issue 8 point 5: a pregnancy loss, stillbirth or infant death ends the
 * episode (discharge reason bereavement) and every clock still running
 * leaves the path: neither met nor breached, and never counted as a wait. */
static void bereavement_ends_both_clocks_neither_met_nor_breached(void **state)
{
	(void)state;
	/* Received 1 March (clock A target 15 March), never assessed, the loss
	 * recorded on 1 April: clock A would have ended in breach. */
	struct clock_events ev = {D("2025-03-01"), DATE_NONE, DATE_NONE, D("2025-04-01"), 0, DATE_NONE,
	                          clock_discharge_leaves_path("bereavement")};
	struct clock_result r;
	assert_int_equal(ev.discharge_leaves_path, CLOCK_LEAVES_BOTH);
	assert_int_equal(clock_compute_events(&ev, NULL, D("2025-05-31"), &r, NULL), 0);
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_LEFT);
	assert_int_equal(r.clock[CLOCK_A].ended, D("2025-04-01"));
	assert_false(r.clock[CLOCK_A].breached);
	assert_false(r.clock[CLOCK_A].met);
	assert_int_equal(r.clock[CLOCK_B].status, CLOCK_NOT_STARTED);
	/* Assessed on 5 March (B starts, target 5 April), loss on 1 May: A was
	 * met, B left the path. */
	ev.assessed = D("2025-03-05");
	ev.discharged = D("2025-05-01");
	assert_int_equal(clock_compute_events(&ev, NULL, D("2025-05-31"), &r, NULL), 0);
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_STOPPED);
	assert_true(r.clock[CLOCK_A].met);
	assert_int_equal(r.clock[CLOCK_B].status, CLOCK_LEFT);
	assert_false(r.clock[CLOCK_B].breached);
}

static void leaving_the_path_ends_a_clock_neither_met_nor_breached(void **state)
{
	(void)state;
	/* Assessed on 5 March (clock B starts; target 5 April), then discharged
	 * on 1 May with a planned ending: no intervention was needed, so clock B
	 * left the path: not breached, not met, not waiting. */
	struct clock_events ev = {D("2025-03-01"), D("2025-03-05"), DATE_NONE, D("2025-05-01"), 0, DATE_NONE, 1};
	struct clock_result r;
	assert_int_equal(clock_compute_events(&ev, NULL, D("2025-05-31"), &r, NULL), 0);
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_STOPPED);
	assert_int_equal(r.clock[CLOCK_B].status, CLOCK_LEFT);
	assert_int_equal(r.clock[CLOCK_B].ended, D("2025-05-01"));
	assert_false(r.clock[CLOCK_B].breached);
	assert_false(r.clock[CLOCK_B].met);
	assert_string_equal(clock_status_code(CLOCK_LEFT), "left_path");
	/* The same discharge because the family disengaged: they were waiting for
	 * an intervention they needed, so B ended in breach. */
	ev.discharge_leaves_path = 0;
	assert_int_equal(clock_compute_events(&ev, NULL, D("2025-05-31"), &r, NULL), 0);
	assert_int_equal(r.clock[CLOCK_B].status, CLOCK_ENDED);
	assert_true(r.clock[CLOCK_B].breached);
	assert_true(clock_discharge_leaves_path("planned_ending"));
	assert_true(clock_discharge_leaves_path("signposted"));
	assert_false(clock_discharge_leaves_path("disengaged"));

	/* A group-only pathway: the first attended contact is a group session on
	 * 20 March, after clock A's target (15 March), with no assessment. Clock
	 * A left the path that day: not breached; clock B never starts, even when
	 * an assessment is attended later. */
	struct clock_contact g[] = {
		{D("2025-03-20"), "group", "attended"},
		{D("2025-04-02"), "assessment", "attended"},
	};
	r = compute("2025-03-01", g, 2, NULL, "2025-04-30");
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_LEFT);
	assert_int_equal(r.clock[CLOCK_A].ended, D("2025-03-20"));
	assert_false(r.clock[CLOCK_A].breached);
	assert_int_equal(r.clock[CLOCK_B].status, CLOCK_NOT_STARTED);
	/* before the group session the family was waiting (and in breach) */
	r = compute("2025-03-01", g, 2, NULL, "2025-03-18");
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_WAITING);
	assert_true(r.clock[CLOCK_A].breached);
}

static void discharge_ends_an_unstopped_clock(void **state)
{
	(void)state;
	struct clock_contact dna[] = {{D("2025-03-10"), "assessment", "did_not_attend"}};
	struct clock_result r = compute("2025-03-01", dna, 1, "2025-03-25", "2025-04-30");
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_ENDED);
	assert_int_equal(r.clock[CLOCK_A].ended, D("2025-03-25"));
	assert_int_equal(r.clock[CLOCK_A].stop, DATE_NONE);
	assert_int_equal(r.clock[CLOCK_A].days_waited, 24);
	assert_false(r.clock[CLOCK_A].met);
	assert_true(r.clock[CLOCK_A].breached); /* it had passed its target while waiting */
	assert_int_equal(r.clock[CLOCK_B].status, CLOCK_NOT_STARTED);

	/* As at a date before the discharge, the family was still waiting. */
	r = compute("2025-03-01", dna, 1, "2025-03-25", "2025-03-20");
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_WAITING);

	/* Discharged early, within target: ended, not breached, still not met. */
	r = compute("2025-03-01", dna, 1, "2025-03-05", "2025-04-30");
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_ENDED);
	assert_false(r.clock[CLOCK_A].breached);
	assert_false(r.clock[CLOCK_A].met);

	/* Assessed, then discharged while waiting for intervention: B ends; a
	 * contact after the discharge does not count. */
	struct clock_contact c[] = {
		{D("2025-03-10"), "assessment", "attended"},
		{D("2025-04-20"), "intervention", "attended"},
	};
	r = compute("2025-03-01", c, 2, "2025-04-01", "2025-04-30");
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_STOPPED);
	assert_true(r.clock[CLOCK_A].met);
	assert_int_equal(r.clock[CLOCK_B].status, CLOCK_ENDED);
	assert_int_equal(r.clock[CLOCK_B].days_waited, 22);
	assert_int_equal(r.clock[CLOCK_B].days_left, 9);

	/* An assessment on the discharge day counts. */
	r = compute("2025-03-01", c, 2, "2025-03-10", "2025-04-30");
	assert_int_equal(r.clock[CLOCK_A].status, CLOCK_STOPPED);
	assert_int_equal(r.clock[CLOCK_B].status, CLOCK_ENDED);
	assert_int_equal(r.clock[CLOCK_B].days_waited, 0);
}

static void configurable_targets(void **state)
{
	(void)state;
	struct clock_target t;
	struct dy_err e;
	assert_int_equal(clock_target_parse("a", "14 days", &t, &e), 0);
	assert_int_equal(t.amount, 14);
	assert_int_equal(t.unit, CLOCK_UNIT_DAYS);
	assert_int_equal(clock_target_parse("a", "2 weeks", &t, &e), 0);
	assert_int_equal(t.amount, 14);
	assert_int_equal(t.unit, CLOCK_UNIT_DAYS);
	assert_int_equal(clock_target_parse("b", " 1 month ", &t, &e), 0);
	assert_int_equal(t.amount, 1);
	assert_int_equal(t.unit, CLOCK_UNIT_MONTHS);
	assert_int_equal(clock_target_parse("b", "6 months", &t, &e), 0);
	assert_int_equal(clock_target_parse("b", "1 day", &t, &e), 0);
	const char *bad[] = {"", "14", "days", "1 fortnight", "-1 days", "366 days", "25 months", "1 month extra",
	                     "99999999999 days", 0};
	for (int i = 0; bad[i]; i++) {
		dy_err_clear(&e);
		assert_int_equal(clock_target_parse("target_b", bad[i], &t, &e), DY_EINVAL);
		assert_string_equal(e.field, "target_b");
	}
	assert_int_equal(clock_target_parse("b", NULL, &t, &e), DY_EINVAL);

	struct clock_targets ts;
	clock_targets_default(&ts);
	assert_int_equal(ts.t[CLOCK_A].amount, 14);
	assert_int_equal(ts.t[CLOCK_B].unit, CLOCK_UNIT_MONTHS);
	ts.t[CLOCK_A] = (struct clock_target){21, CLOCK_UNIT_DAYS};
	ts.t[CLOCK_B] = (struct clock_target){42, CLOCK_UNIT_DAYS};
	struct clock_result r;
	assert_int_equal(clock_compute(D("2025-03-01"), NULL, 0, DATE_NONE, &ts, D("2025-03-10"), &r, &e), 0);
	assert_int_equal(r.clock[CLOCK_A].target, D("2025-03-22"));
	assert_int_equal(r.clock[CLOCK_A].days_left, 12);
}

static void inconsistent_events_are_refused(void **state)
{
	(void)state;
	struct clock_result r;
	struct dy_err e;
	struct clock_events ev = {D("2025-03-01"), D("2025-03-10"), D("2025-03-09"), DATE_NONE, 0, DATE_NONE, 0};
	assert_int_equal(clock_compute_events(&ev, NULL, D("2025-04-01"), &r, &e), DY_EINVAL);
	assert_string_equal(e.field, "intervention");
	ev = (struct clock_events){D("2025-03-01"), D("2025-02-10"), DATE_NONE, DATE_NONE, 0, DATE_NONE, 0};
	assert_int_equal(clock_compute_events(&ev, NULL, D("2025-04-01"), &r, &e), DY_EINVAL);
	assert_string_equal(e.field, "assessed");
	ev = (struct clock_events){D("2025-03-01"), DATE_NONE, DATE_NONE, D("2025-02-01"), 0, DATE_NONE, 0};
	assert_int_equal(clock_compute_events(&ev, NULL, D("2025-04-01"), &r, &e), DY_EINVAL);
	assert_string_equal(e.field, "discharged");
	assert_int_equal(clock_compute(D("2025-03-01"), NULL, 0, D("2025-02-01"), NULL, D("2025-04-01"), &r, &e),
	                 DY_EINVAL);
	ev = (struct clock_events){DATE_NONE, DATE_NONE, DATE_NONE, DATE_NONE, 0, DATE_NONE, 0};
	assert_int_equal(clock_compute_events(&ev, NULL, D("2025-04-01"), &r, &e), DY_EINVAL);
	assert_string_equal(e.field, "received");
	ev = (struct clock_events){D("2025-03-01"), DATE_NONE, DATE_NONE, DATE_NONE, 0, DATE_NONE, 0};
	assert_int_equal(clock_compute_events(&ev, NULL, DATE_NONE, &r, &e), DY_EINVAL);

	/* Events read directly give the same answer as contacts. */
	ev = (struct clock_events){D("2025-03-01"), D("2025-03-10"), D("2025-04-02"), DATE_NONE, 0, DATE_NONE, 0};
	assert_int_equal(clock_compute_events(&ev, NULL, D("2025-04-30"), &r, &e), 0);
	assert_int_equal(r.clock[CLOCK_B].days_waited, 23);
	assert_true(r.clock[CLOCK_B].met);
	assert_string_equal(clock_status_code(r.clock[CLOCK_B].status), "stopped");
	assert_string_equal(clock_status_code(CLOCK_NOT_STARTED), "not_started");
	assert_string_equal(clock_status_code(CLOCK_ENDED), "ended");
	assert_string_equal(clock_status_code(CLOCK_WAITING), "waiting");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dna_and_cancellations_do_not_stop_a_clock),
		cmocka_unit_test(target_day_is_within_target),
		cmocka_unit_test(one_calendar_month_clamps_to_month_end),
		cmocka_unit_test(which_contacts_stop_which_clock),
		cmocka_unit_test(discharge_ends_an_unstopped_clock),
		cmocka_unit_test(leaving_the_path_ends_a_clock_neither_met_nor_breached),
		cmocka_unit_test(bereavement_ends_both_clocks_neither_met_nor_breached),
		cmocka_unit_test(configurable_targets),
		cmocka_unit_test(inconsistent_events_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
