/* waiting.c: ordering the waiting list and aggregating the waiting report. */
#include "core/waiting.h"

#include <stdlib.h>
#include <string.h>

#include "util/date.h"

size_t waiting_entries_from_result(int64_t episode_id, const struct clock_result *r,
                                   struct waiting_entry out[CLOCK_COUNT])
{
	size_t n = 0;
	for (int w = 0; w < CLOCK_COUNT; w++) {
		const struct clock_state *s = &r->clock[w];
		if (s->status != CLOCK_WAITING)
			continue;
		out[n++] = (struct waiting_entry){episode_id, (enum clock_which)w, s->start, s->target, s->days_waited,
		                                  s->days_left};
	}
	return n;
}

static int cmp_int(long a, long b)
{
	return (a > b) - (a < b);
}

static int cmp_entry(const void *pa, const void *pb)
{
	const struct waiting_entry *a = pa, *b = pb;
	int c = cmp_int(a->days_left, b->days_left);
	if (!c)
		c = cmp_int(b->days_waited, a->days_waited);
	if (!c)
		c = cmp_int(a->clock, b->clock);
	if (!c)
		c = (a->episode_id > b->episode_id) - (a->episode_id < b->episode_id);
	return c;
}

int waiting_booking_stops(enum clock_which clock, const char *kind)
{
	if (clock == CLOCK_A)
		return strcmp(kind, "assessment") == 0;
	return strcmp(kind, "intervention") == 0 || strcmp(kind, "group") == 0;
}

const char *waiting_booking_verdict(const struct waiting_entry *w, int32_t booked)
{
	if (booked == DATE_NONE)
		return "";
	return booked <= w->target ? "within target" : "after target";
}

void waiting_sort(struct waiting_entry *e, size_t n)
{
	if (n > 1)
		qsort(e, n, sizeof *e, cmp_entry);
}

size_t waiting_filter_breach_within(struct waiting_entry *e, size_t n, int days)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (e[i].days_left < days)
			e[k++] = e[i];
	return k;
}

/* The 0-based index of the nearest-rank p-th percentile among n >= 1 values. */
static size_t rank_index(size_t n, int p)
{
	if (p < 0)
		p = 0;
	if (p > 100)
		p = 100;
	size_t rank = ((size_t)p * n + 99) / 100; /* ceil(p/100 * n) */
	return rank ? rank - 1 : 0;
}

int waiting_percentile(const int *sorted, size_t n, int p)
{
	return n ? sorted[rank_index(n, p)] : -1;
}

/* ---- report ---- */

static int month_key(int32_t d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	return y * 12 + (m - 1);
}

int waiting_report_init(struct waiting_report *r, int32_t from, int32_t to, struct dy_err *e)
{
	memset(r, 0, sizeof *r);
	if (from == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "from", "is required");
	if (to == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "to", "is required");
	if (from > to)
		return dy_fail(e, DY_EINVAL, "from", "is after to");
	long months = (long)month_key(to) - month_key(from) + 1;
	if (months > WAITING_MAX_MONTHS)
		return dy_fail(e, DY_EINVAL, "to", "the period is longer than %d months", WAITING_MAX_MONTHS);
	r->from = from;
	r->to = to;
	r->n_months = (size_t)months;
	r->months = xcalloc(r->n_months, sizeof *r->months);
	r->snap = xcalloc(r->n_months, sizeof *r->snap);
	for (int w = 0; w < CLOCK_COUNT; w++)
		for (int k = 0; k < 2; k++)
			r->delta[w][k] = xcalloc(r->n_months + 1, sizeof *r->delta[w][k]);
	int base = month_key(from);
	for (size_t i = 0; i < r->n_months; i++) {
		int key = base + (int)i, y = key / 12, m = key % 12 + 1;
		int32_t last;
		date_from_ymd(y, m, date_days_in_month(y, m), &last);
		r->months[i].year = y;
		r->months[i].month = m;
		r->months[i].as_at = r->snap[i] = last < to ? last : to;
	}
	return 0;
}

/* The first month whose snapshot is on or after d (n_months when none). */
static size_t first_snap_on_or_after(const struct waiting_report *r, int32_t d)
{
	size_t lo = 0, hi = r->n_months;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->snap[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Counts [lo, hi) (dates) into the month snapshots it covers. */
static void add_interval(struct waiting_report *r, long *delta, int32_t lo, int32_t hi)
{
	if (lo >= hi)
		return;
	size_t a = first_snap_on_or_after(r, lo), b = first_snap_on_or_after(r, hi);
	if (a < b) {
		delta[a]++;
		delta[b]--;
	}
}

static void push_stop(struct waiting_report *r, int w, const struct clock_state *s)
{
	if (r->n_stops[w] == r->cap_stops[w]) {
		r->cap_stops[w] = r->cap_stops[w] ? 2 * r->cap_stops[w] : 1024;
		r->stops[w] = xrealloc(r->stops[w], r->cap_stops[w] * sizeof *r->stops[w]);
	}
	r->stops[w][r->n_stops[w]++] =
		(struct waiting_stop){s->days_waited, month_key(s->stop) - month_key(r->from), s->met};
}

void waiting_report_add(struct waiting_report *r, const struct clock_result *c)
{
	for (int w = 0; w < CLOCK_COUNT; w++) {
		const struct clock_state *s = &c->clock[w];
		if (s->status == CLOCK_NOT_STARTED || s->start > r->to)
			continue;
		int32_t end = r->to + 1; /* the day it stopped waiting; after `to` when still waiting then */
		if (s->status == CLOCK_STOPPED) {
			end = s->stop;
			if (s->stop >= r->from && s->stop <= r->to)
				push_stop(r, w, s);
		} else if (s->status == CLOCK_ENDED) {
			end = s->ended;
			if (s->ended >= r->from && s->ended <= r->to) {
				r->clock[w].ended++;
				r->months[month_key(s->ended) - month_key(r->from)].clock[w].ended++;
			}
		} else if (s->status == CLOCK_LEFT) {
			end = s->ended;
			if (s->ended >= r->from && s->ended <= r->to) {
				r->clock[w].left_path++;
				r->months[month_key(s->ended) - month_key(r->from)].clock[w].left_path++;
			}
		}
		if (end > r->to) {
			r->clock[w].still_waiting++;
			r->clock[w].breached_still_waiting += r->to > s->target;
		}
		add_interval(r, r->delta[w][0], s->start, end);
		int32_t breach_from = s->target + 1;
		add_interval(r, r->delta[w][1], breach_from > s->start ? breach_from : s->start, end);
	}
}

static int cmp_stop_days(const void *pa, const void *pb)
{
	const struct waiting_stop *a = pa, *b = pb;
	return (a->days > b->days) - (a->days < b->days);
}

/* n, within, median, p90, max of stops sorted by days. */
static void summarise(const struct waiting_stop *s, size_t n, struct waiting_figures *f)
{
	f->n = n;
	f->within_target = 0;
	for (size_t i = 0; i < n; i++)
		f->within_target += s[i].met != 0;
	if (!n) {
		f->median_days = f->p90_days = f->max_days = -1;
		f->pct_within_target = -1;
		return;
	}
	f->median_days = s[rank_index(n, 50)].days;
	f->p90_days = s[rank_index(n, 90)].days;
	f->max_days = s[n - 1].days;
	f->pct_within_target = 100.0 * (double)f->within_target / (double)n;
}

void waiting_report_finish(struct waiting_report *r)
{
	size_t *start = xcalloc(r->n_months + 1, sizeof *start);
	for (int w = 0; w < CLOCK_COUNT; w++) {
		struct waiting_stop *s = r->stops[w];
		size_t n = r->n_stops[w];
		if (n > 1)
			qsort(s, n, sizeof *s, cmp_stop_days);
		summarise(s, n, &r->clock[w]);

		/* Stable counting sort by month keeps each month's slice sorted by days. */
		struct waiting_stop *bym = xmalloc((n ? n : 1) * sizeof *bym);
		memset(start, 0, (r->n_months + 1) * sizeof *start);
		for (size_t i = 0; i < n; i++)
			start[s[i].month + 1]++;
		for (size_t k = 0; k < r->n_months; k++)
			start[k + 1] += start[k];
		for (size_t i = 0; i < n; i++)
			bym[start[s[i].month]++] = s[i];
		/* start[k] is now the end of month k's slice. */
		size_t begin = 0;
		long waiting = 0, breached = 0;
		for (size_t k = 0; k < r->n_months; k++) {
			struct waiting_figures *f = &r->months[k].clock[w];
			size_t ended = f->ended, left = f->left_path;
			summarise(bym + begin, start[k] - begin, f);
			f->ended = ended;
			f->left_path = left;
			begin = start[k];
			waiting += r->delta[w][0][k];
			breached += r->delta[w][1][k];
			f->still_waiting = (size_t)waiting;
			f->breached_still_waiting = (size_t)breached;
		}
		free(bym);
	}
	free(start);
}

void waiting_report_free(struct waiting_report *r)
{
	if (!r)
		return;
	free(r->months);
	free(r->snap);
	for (int w = 0; w < CLOCK_COUNT; w++) {
		free(r->stops[w]);
		for (int k = 0; k < 2; k++)
			free(r->delta[w][k]);
	}
	memset(r, 0, sizeof *r);
}

int waiting_report_compute(const struct clock_result *c, size_t n, int32_t from, int32_t to,
                           struct waiting_report *r, struct dy_err *e)
{
	int rc = waiting_report_init(r, from, to, e);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++)
		waiting_report_add(r, &c[i]);
	waiting_report_finish(r);
	return 0;
}
