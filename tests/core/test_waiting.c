/* Waiting list ordering and the waiting report: a small data set whose
 * figures are worked out by hand below, nearest-rank percentiles, and a
 * larger generated set checked against recomputing every clock month by month. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/waiting.h"
#include "testutil.h"
#include "util/date.h"

#define D(s) tu_date(s)

struct family {
	const char *received;
	const char *discharged;
	struct clock_contact c[4];
	size_t n;
};

/* The hand-computed set, reported over 2025-01-01 .. 2025-02-28 (clock A
 * target 14 days, clock B 1 month). Comments give each family's clocks. */
static struct family *families(size_t *n)
{
	static struct family f[10];
	static int done;
	if (!done) {
		struct family init[] = {
			/* F1: A 01-02..01-10 = 8 days, met (Jan). B 01-10..02-05 = 26, met (Feb). */
			{"2025-01-02", NULL, {{D("2025-01-10"), "assessment", "attended"},
			                       {D("2025-02-05"), "intervention", "attended"}}, 2},
			/* F2: A 01-05..01-25 = 20, breached (Jan; the DNA does not stop it).
			 * B from 01-25, target 02-25: still waiting at 02-28, breached. */
			{"2025-01-05", NULL, {{D("2025-01-12"), "assessment", "did_not_attend"},
			                       {D("2025-01-25"), "assessment", "attended"}}, 2},
			/* F3: A 2024-12-20..01-02 = 13, met (Jan). B 01-02..01-30 = 28, met (Jan). */
			{"2024-12-20", NULL, {{D("2025-01-02"), "assessment", "attended"},
			                       {D("2025-01-30"), "group", "attended"}}, 2},
			/* F4: A 02-01..02-14 = 13, met (Feb). B from 02-14, target 03-14: waiting. */
			{"2025-02-01", NULL, {{D("2025-02-14"), "assessment", "attended"}}, 1},
			/* F5: A from 02-10, target 02-24: waiting at 02-28, breached. */
			{"2025-02-10", NULL, {{D("2025-02-20"), "assessment", "cancelled_by_service"}}, 1},
			/* F6: A from 02-20, target 03-06: waiting. */
			{"2025-02-20", NULL, {{0}}, 0},
			/* F7: A stopped 2024-11-10 (before the period: not counted).
			 * B 2024-11-10..01-15 = 66, breached (Jan). */
			{"2024-11-01", NULL, {{D("2024-11-10"), "assessment", "attended"},
			                       {D("2025-01-15"), "intervention", "attended"}}, 2},
			/* F8: A from 01-10, DNA, discharged 02-03: ended (Feb), not waiting. */
			{"2025-01-10", "2025-02-03", {{D("2025-01-20"), "assessment", "did_not_attend"}}, 1},
			/* F9: A 01-03..02-10 = 38, breached (Feb). B from 02-10, target 03-10: waiting. */
			{"2025-01-03", NULL, {{D("2025-01-20"), "assessment", "cancelled_by_family"},
			                       {D("2025-02-10"), "assessment", "attended"}}, 2},
			/* F10: received after the period: no clock has started. */
			{"2025-03-05", NULL, {{D("2025-03-06"), "assessment", "attended"}}, 1},
		};
		memcpy(f, init, sizeof init);
		done = 1;
	}
	*n = 10;
	return f;
}

static void compute_all(struct clock_result *r, int32_t as_of)
{
	size_t n;
	struct family *f = families(&n);
	for (size_t i = 0; i < n; i++) {
		struct dy_err e;
		int32_t dis = f[i].discharged ? D(f[i].discharged) : DATE_NONE;
		assert_int_equal(clock_compute(D(f[i].received), f[i].c, f[i].n, dis, NULL, as_of, &r[i], &e), 0);
	}
}

static void assert_figures(const struct waiting_figures *f, size_t n, int median, int p90, int max, double pct,
                           size_t ended, size_t waiting, size_t breached)
{
	assert_int_equal(f->n, n);
	assert_int_equal(f->median_days, median);
	assert_int_equal(f->p90_days, p90);
	assert_int_equal(f->max_days, max);
	assert_float_equal(f->pct_within_target, pct, 1e-9);
	assert_int_equal(f->ended, ended);
	assert_int_equal(f->still_waiting, waiting);
	assert_int_equal(f->breached_still_waiting, breached);
}

static void report_on_a_hand_computed_set(void **state)
{
	(void)state;
	struct clock_result r[10];
	compute_all(r, D("2025-02-28"));
	struct waiting_report rep;
	struct dy_err e;
	assert_int_equal(waiting_report_compute(r, 10, D("2025-01-01"), D("2025-02-28"), &rep, &e), 0);

	/* Clock A stops in the period: 8, 13, 13, 20, 38 (F1, F3, F4, F2, F9).
	 * median = rank ceil(0.5*5) = 3rd = 13; p90 = rank ceil(0.9*5) = 5th = 38;
	 * within 14 days: 8, 13, 13 = 3 of 5 = 60%. Waiting at 02-28: F5
	 * (breached), F6. Ended: F8. */
	assert_figures(&rep.clock[CLOCK_A], 5, 13, 38, 38, 60.0, 1, 2, 1);
	/* Clock B stops: 26, 28, 66 (F1, F3, F7). median = 2nd = 28; p90 = rank
	 * ceil(2.7) = 3rd = 66; within: 26, 28 = 2 of 3. Waiting: F2 (breached), F4, F9. */
	assert_figures(&rep.clock[CLOCK_B], 3, 28, 66, 66, 200.0 / 3, 0, 3, 1);

	assert_int_equal(rep.n_months, 2);
	const struct waiting_month *jan = &rep.months[0], *feb = &rep.months[1];
	assert_int_equal(jan->year, 2025);
	assert_int_equal(jan->month, 1);
	assert_int_equal(jan->as_at, D("2025-01-31"));
	assert_int_equal(feb->as_at, D("2025-02-28"));
	/* January, A: 8, 13, 20 -> median 2nd = 13, p90 rank ceil(2.7) = 3rd = 20,
	 * 2 of 3 within. Waiting at 31 January: F8 (target 01-24) and F9 (target
	 * 01-17), both breached. */
	assert_figures(&jan->clock[CLOCK_A], 3, 13, 20, 20, 200.0 / 3, 0, 2, 2);
	/* February, A: 13, 38 -> median rank 1 = 13, p90 rank 2 = 38, 1 of 2. */
	assert_figures(&feb->clock[CLOCK_A], 2, 13, 38, 38, 50.0, 1, 2, 1);
	/* January, B: 28, 66 -> median 28, p90 66, 1 of 2. Waiting at 31
	 * January: F1 (target 02-10), F2 (target 02-25): neither breached. */
	assert_figures(&jan->clock[CLOCK_B], 2, 28, 66, 66, 50.0, 0, 2, 0);
	/* February, B: 26 alone. */
	assert_figures(&feb->clock[CLOCK_B], 1, 26, 26, 26, 100.0, 0, 3, 1);
	waiting_report_free(&rep);

	/* A month with nothing stopped gives -1 figures (shown blank). */
	assert_int_equal(waiting_report_compute(r, 10, D("2024-10-01"), D("2024-10-31"), &rep, &e), 0);
	assert_figures(&rep.clock[CLOCK_A], 0, -1, -1, -1, -1, 0, 0, 0);
	waiting_report_free(&rep);
}

static void waiting_list_sorted_by_urgency(void **state)
{
	(void)state;
	struct clock_result r[10];
	compute_all(r, D("2025-02-28"));
	struct waiting_entry list[20];
	size_t n = 0;
	for (size_t i = 0; i < 10; i++)
		n += waiting_entries_from_result((int64_t)i + 1, &r[i], list + n);
	assert_int_equal(n, 5);
	waiting_sort(list, n);
	/* F5 A (-4), F2 B (-3), F6 A (6 left), F9 B (10), F4 B (14). */
	const int64_t id[] = {5, 2, 6, 9, 4};
	const int left[] = {-4, -3, 6, 10, 14};
	const int waited[] = {18, 34, 8, 18, 14};
	const enum clock_which which[] = {CLOCK_A, CLOCK_B, CLOCK_A, CLOCK_B, CLOCK_B};
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(list[i].episode_id, id[i]);
		assert_int_equal(list[i].days_left, left[i]);
		assert_int_equal(list[i].days_waited, waited[i]);
		assert_int_equal(list[i].clock, which[i]);
	}
	assert_int_equal(list[0].target, D("2025-02-24"));

	/* --breach-within N keeps days_left < N: the breached, and those who breach within N days. */
	struct waiting_entry copy[20];
	memcpy(copy, list, sizeof list);
	assert_int_equal(waiting_filter_breach_within(copy, n, 0), 2);
	memcpy(copy, list, sizeof list);
	assert_int_equal(waiting_filter_breach_within(copy, n, 6), 2);
	memcpy(copy, list, sizeof list);
	assert_int_equal(waiting_filter_breach_within(copy, n, 7), 3);
	assert_int_equal(copy[2].episode_id, 6);
	memcpy(copy, list, sizeof list);
	assert_int_equal(waiting_filter_breach_within(copy, n, 15), 5);

	/* Ties: same days left, the longer wait first, then clock A, then id. */
	struct waiting_entry t[] = {
		{7, CLOCK_B, 0, 0, 10, 3}, {3, CLOCK_A, 0, 0, 12, 3}, {1, CLOCK_B, 0, 0, 10, 3}, {2, CLOCK_A, 0, 0, 10, 3},
	};
	waiting_sort(t, 4);
	assert_int_equal(t[0].episode_id, 3);
	assert_int_equal(t[1].episode_id, 2);
	assert_int_equal(t[2].episode_id, 1);
	assert_int_equal(t[3].episode_id, 7);
	waiting_sort(t, 0);
}

static void nearest_rank_percentiles(void **state)
{
	(void)state;
	const int v[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
	assert_int_equal(waiting_percentile(v, 10, 50), 5);
	assert_int_equal(waiting_percentile(v, 10, 90), 9);
	assert_int_equal(waiting_percentile(v, 10, 91), 10);
	assert_int_equal(waiting_percentile(v, 10, 100), 10);
	assert_int_equal(waiting_percentile(v, 10, 0), 1);
	assert_int_equal(waiting_percentile(v, 4, 50), 2);
	assert_int_equal(waiting_percentile(v, 5, 50), 3);
	assert_int_equal(waiting_percentile(v, 1, 90), 1);
	assert_int_equal(waiting_percentile(v, 0, 50), -1);
}

static void report_period_is_checked(void **state)
{
	(void)state;
	struct waiting_report rep;
	struct dy_err e;
	assert_int_equal(waiting_report_init(&rep, D("2025-02-01"), D("2025-01-31"), &e), DY_EINVAL);
	assert_string_equal(e.field, "from");
	waiting_report_free(&rep);
	assert_int_equal(waiting_report_init(&rep, DATE_NONE, D("2025-01-31"), &e), DY_EINVAL);
	waiting_report_free(&rep);
	assert_int_equal(waiting_report_init(&rep, D("1900-01-01"), D("2025-01-31"), &e), DY_EINVAL);
	assert_string_equal(e.field, "to");
	waiting_report_free(&rep);
	/* One day is a period of one month. */
	assert_int_equal(waiting_report_init(&rep, D("2025-03-15"), D("2025-03-15"), &e), 0);
	assert_int_equal(rep.n_months, 1);
	assert_int_equal(rep.months[0].as_at, D("2025-03-15"));
	waiting_report_finish(&rep);
	assert_int_equal(rep.clock[CLOCK_A].n, 0);
	waiting_report_free(&rep);
}

/* A small deterministic generator, so the test is repeatable. */
static uint32_t next(uint32_t *s)
{
	*s = *s * 1664525u + 1013904223u;
	return *s >> 8;
}

struct gen {
	int32_t received, discharged;
	struct clock_contact c[4];
	size_t n;
};

static void generate(struct gen *g, size_t n, uint32_t seed)
{
	static const char *const att[] = {"attended", "attended", "attended", "did_not_attend", "cancelled_by_family",
	                                  "cancelled_by_service"};
	int32_t base = D("2024-06-01");
	for (size_t i = 0; i < n; i++) {
		struct gen *x = &g[i];
		x->received = base + (int32_t)(next(&seed) % 400);
		x->n = 0;
		int32_t d = x->received;
		for (int k = 0; k < 4; k++) {
			d += (int32_t)(next(&seed) % 25);
			x->c[x->n++] = (struct clock_contact){d, k < 2 ? "assessment" : "intervention", att[next(&seed) % 6]};
		}
		x->discharged = next(&seed) % 8 == 0 ? x->received + (int32_t)(next(&seed) % 90) : DATE_NONE;
	}
}

static void report_agrees_with_recomputing_each_month(void **state)
{
	(void)state;
	enum { N = 3000 };
	struct gen *g = malloc(N * sizeof *g);
	struct clock_result *r = malloc(N * sizeof *r);
	generate(g, N, 42);
	int32_t from = D("2024-09-10"), to = D("2025-05-20");
	struct dy_err e;
	for (size_t i = 0; i < N; i++)
		assert_int_equal(clock_compute(g[i].received, g[i].c, g[i].n, g[i].discharged, NULL, to, &r[i], &e), 0);
	struct waiting_report rep;
	assert_int_equal(waiting_report_compute(r, N, from, to, &rep, &e), 0);
	assert_int_equal(rep.n_months, 9);

	for (int w = 0; w < CLOCK_COUNT; w++) {
		size_t total = 0, ended = 0;
		for (size_t k = 0; k < rep.n_months; k++) {
			const struct waiting_month *m = &rep.months[k];
			total += m->clock[w].n;
			ended += m->clock[w].ended;
			/* Oracle: recompute every clock as at the month's end. */
			size_t waiting = 0, breached = 0, stopped = 0;
			for (size_t i = 0; i < N; i++) {
				struct clock_result x;
				assert_int_equal(clock_compute(g[i].received, g[i].c, g[i].n, g[i].discharged, NULL, m->as_at,
				                               &x, &e),
				                 0);
				waiting += x.clock[w].status == CLOCK_WAITING;
				breached += x.clock[w].status == CLOCK_WAITING && x.clock[w].breached;
				int32_t s = r[i].clock[w].stop;
				int y, mo, dd;
				if (r[i].clock[w].status == CLOCK_STOPPED && s >= from && s <= to) {
					date_to_ymd(s, &y, &mo, &dd);
					stopped += y == m->year && mo == m->month;
				}
			}
			assert_int_equal(m->clock[w].still_waiting, waiting);
			assert_int_equal(m->clock[w].breached_still_waiting, breached);
			assert_int_equal(m->clock[w].n, stopped);
			if (m->clock[w].n) {
				assert_true(m->clock[w].median_days <= m->clock[w].p90_days);
				assert_true(m->clock[w].p90_days <= m->clock[w].max_days);
			}
		}
		assert_int_equal(total, rep.clock[w].n);
		assert_int_equal(ended, rep.clock[w].ended);
		assert_int_equal(rep.months[rep.n_months - 1].clock[w].still_waiting, rep.clock[w].still_waiting);
		assert_true(rep.clock[w].n > 100);
	}

	/* Clocks computed as at a later date give the same report. */
	for (size_t i = 0; i < N; i++)
		assert_int_equal(
			clock_compute(g[i].received, g[i].c, g[i].n, g[i].discharged, NULL, to + 60, &r[i], &e), 0);
	struct waiting_report later;
	assert_int_equal(waiting_report_compute(r, N, from, to, &later, &e), 0);
	for (int w = 0; w < CLOCK_COUNT; w++) {
		assert_memory_equal(&later.clock[w], &rep.clock[w], sizeof rep.clock[w]);
		for (size_t k = 0; k < rep.n_months; k++)
			assert_memory_equal(&later.months[k].clock[w], &rep.months[k].clock[w], sizeof rep.months[k].clock[w]);
	}
	waiting_report_free(&later);
	waiting_report_free(&rep);
	free(g);
	free(r);
}

/* 100,000 families: clocks, report and sorted waiting list. Prints the time
 * (no assertion on it: sanitizer builds are slower). */
static void hundred_thousand_families(void **state)
{
	(void)state;
	enum { N = 100000 };
	struct gen *g = malloc(N * sizeof *g);
	struct clock_result *r = malloc(N * sizeof *r);
	struct waiting_entry *list = malloc(N * CLOCK_COUNT * sizeof *list);
	generate(g, N, 7);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int32_t to = D("2025-06-30");
	struct dy_err e;
	size_t n = 0;
	for (size_t i = 0; i < N; i++) {
		assert_int_equal(clock_compute(g[i].received, g[i].c, g[i].n, g[i].discharged, NULL, to, &r[i], &e), 0);
		n += waiting_entries_from_result((int64_t)i, &r[i], list + n);
	}
	waiting_sort(list, n);
	struct waiting_report rep;
	assert_int_equal(waiting_report_compute(r, N, D("2024-07-01"), to, &rep, &e), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	print_message("100000 families: clocks + waiting list (%zu) + report in %.1f ms\n", n, ms);
	for (size_t i = 1; i < n; i++)
		assert_true(list[i - 1].days_left <= list[i].days_left);
	assert_int_equal(rep.clock[CLOCK_A].still_waiting + rep.clock[CLOCK_B].still_waiting, n);
	waiting_report_free(&rep);
	free(list);
	free(g);
	free(r);
}

/* A booking stops a clock only if attended and of the clock's kind; its
 * target day itself is within target. */
static void booking_within_target(void **state)
{
	(void)state;
	assert_true(waiting_booking_stops(CLOCK_A, "assessment"));
	assert_false(waiting_booking_stops(CLOCK_A, "intervention"));
	assert_false(waiting_booking_stops(CLOCK_A, "review"));
	assert_true(waiting_booking_stops(CLOCK_B, "intervention"));
	assert_true(waiting_booking_stops(CLOCK_B, "group"));
	assert_false(waiting_booking_stops(CLOCK_B, "assessment"));
	struct waiting_entry w = {1, CLOCK_A, D("2026-03-01"), D("2026-03-15"), 10, 4};
	assert_string_equal(waiting_booking_verdict(&w, D("2026-03-12")), "within target");
	assert_string_equal(waiting_booking_verdict(&w, D("2026-03-15")), "within target");
	assert_string_equal(waiting_booking_verdict(&w, D("2026-03-16")), "after target");
	assert_string_equal(waiting_booking_verdict(&w, DATE_NONE), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(report_on_a_hand_computed_set),
		cmocka_unit_test(waiting_list_sorted_by_urgency),
		cmocka_unit_test(nearest_rank_percentiles),
		cmocka_unit_test(report_period_is_checked),
		cmocka_unit_test(report_agrees_with_recomputing_each_month),
		cmocka_unit_test(hundred_thousand_families),
		cmocka_unit_test(booking_within_target),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
