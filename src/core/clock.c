/* clock.c: the two waiting clocks, computed as at a date from a referral's
 * received date, its contacts and its discharge date. */
#include "core/clock.h"

#include <string.h>

#include "util/date.h"
#include "util/str.h"

void clock_targets_default(struct clock_targets *t)
{
	t->t[CLOCK_A] = (struct clock_target){14, CLOCK_UNIT_DAYS};
	t->t[CLOCK_B] = (struct clock_target){1, CLOCK_UNIT_MONTHS};
}

int clock_target_parse(const char *field, const char *s, struct clock_target *out, struct dy_err *e)
{
	static const char *const usage = "must be a number of days, weeks or months, like \"14 days\" or \"1 month\"";
	char num[8], unit[16];
	size_t i = 0, j = 0;
	const char *p = s ? s : "";
	while (*p == ' ')
		p++;
	while (*p >= '0' && *p <= '9' && i + 1 < sizeof num)
		num[i++] = *p++;
	num[i] = '\0';
	while (*p == ' ')
		p++;
	while (*p && *p != ' ' && j + 1 < sizeof unit)
		unit[j++] = *p++;
	unit[j] = '\0';
	while (*p == ' ')
		p++;
	if (!i || !j || *p)
		return dy_fail(e, DY_EINVAL, field, "%s", usage);
	int v;
	if (!strcmp(unit, "day") || !strcmp(unit, "days")) {
		if (str_parse_int(num, 0, 365, &v))
			return dy_fail(e, DY_EINVAL, field, "must be 0 to 365 days");
		*out = (struct clock_target){v, CLOCK_UNIT_DAYS};
	} else if (!strcmp(unit, "week") || !strcmp(unit, "weeks")) {
		if (str_parse_int(num, 0, 52, &v))
			return dy_fail(e, DY_EINVAL, field, "must be 0 to 52 weeks");
		*out = (struct clock_target){v * 7, CLOCK_UNIT_DAYS};
	} else if (!strcmp(unit, "month") || !strcmp(unit, "months")) {
		if (str_parse_int(num, 0, 24, &v))
			return dy_fail(e, DY_EINVAL, field, "must be 0 to 24 months");
		*out = (struct clock_target){v, CLOCK_UNIT_MONTHS};
	} else {
		return dy_fail(e, DY_EINVAL, field, "%s", usage);
	}
	return 0;
}

int32_t clock_target_date(const struct clock_target *t, int32_t start)
{
	return t->unit == CLOCK_UNIT_MONTHS ? date_add_months(start, t->amount) : start + t->amount;
}

static int is_kind(const char *kind, int intervention)
{
	if (!kind)
		return 0;
	if (intervention)
		return strcmp(kind, "intervention") == 0 || strcmp(kind, "group") == 0;
	return strcmp(kind, "assessment") == 0;
}

int32_t clock_first_attended(const struct clock_contact *c, size_t n, int kind_is_intervention, int32_t from,
                             int32_t until)
{
	int32_t best = DATE_NONE;
	for (size_t i = 0; i < n; i++) {
		if (c[i].date == DATE_NONE || c[i].date < from || c[i].date > until)
			continue;
		if (!c[i].attendance || strcmp(c[i].attendance, "attended") != 0 || !is_kind(c[i].kind, kind_is_intervention))
			continue;
		if (best == DATE_NONE || c[i].date < best)
			best = c[i].date;
	}
	return best;
}

void clock_events_from_contacts(int32_t received, const struct clock_contact *c, size_t n, int32_t discharged,
                                struct clock_events *out)
{
	int32_t until = discharged == DATE_NONE ? INT32_MAX : discharged;
	out->received = received;
	out->discharged = discharged;
	out->assessed = received == DATE_NONE ? DATE_NONE : clock_first_attended(c, n, 0, received, until);
	out->intervention =
		out->assessed == DATE_NONE ? DATE_NONE : clock_first_attended(c, n, 1, out->assessed, until);
	int32_t first_iv = received == DATE_NONE ? DATE_NONE : clock_first_attended(c, n, 1, received, until);
	out->has_direct = first_iv != DATE_NONE && (out->assessed == DATE_NONE || first_iv < out->assessed);
	out->direct = out->has_direct ? first_iv : DATE_NONE;
	out->discharge_leaves_path = 0; /* the discharge reason is the caller's to give */
}

/* One clock from start to its stopping event, as at as_of; `leave`
 * (DATE_NONE: never) is the day the episode left the clock's path. */
static void one(const struct clock_target *t, int32_t start, int32_t stop, int32_t discharged, int32_t leave,
                int32_t as_of, struct clock_state *s)
{
	memset(s, 0, sizeof *s);
	s->start = s->stop = s->ended = s->target = DATE_NONE;
	s->status = CLOCK_NOT_STARTED;
	if (start == DATE_NONE || start > as_of)
		return;
	s->start = start;
	s->target = clock_target_date(t, start);
	int32_t dis = discharged != DATE_NONE && discharged <= as_of ? discharged : DATE_NONE;
	int32_t left = leave != DATE_NONE && leave <= as_of && (dis == DATE_NONE || leave <= dis) ? leave : DATE_NONE;
	if (stop != DATE_NONE && stop <= as_of && (dis == DATE_NONE || stop <= dis) &&
	    (left == DATE_NONE || stop <= left)) {
		s->status = CLOCK_STOPPED;
		s->stop = stop;
		s->days_waited = stop - start;
		s->days_left = s->target - stop;
		s->breached = stop > s->target;
		s->met = !s->breached;
	} else if (left != DATE_NONE) {
		s->status = CLOCK_LEFT;
		s->ended = left;
		s->days_waited = left - start;
		s->days_left = s->target - left;
	} else if (dis != DATE_NONE) {
		s->status = CLOCK_ENDED;
		s->ended = dis;
		s->days_waited = dis - start;
		s->days_left = s->target - dis;
		s->breached = dis > s->target;
	} else {
		s->status = CLOCK_WAITING;
		s->days_waited = as_of - start;
		s->days_left = s->target - as_of;
		s->breached = as_of > s->target;
	}
}

int clock_compute_events(const struct clock_events *ev, const struct clock_targets *t, int32_t as_of,
                         struct clock_result *out, struct dy_err *e)
{
	struct clock_targets def;
	if (!t) {
		clock_targets_default(&def);
		t = &def;
	}
	if (ev->received == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "received", "is required");
	if (as_of == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "as_of", "is required");
	if (ev->assessed != DATE_NONE && ev->assessed < ev->received)
		return dy_fail(e, DY_EINVAL, "assessed", "is before the referral was received");
	if (ev->intervention != DATE_NONE && (ev->assessed == DATE_NONE || ev->intervention < ev->assessed))
		return dy_fail(e, DY_EINVAL, "intervention", "is before the first attended assessment");
	if (ev->discharged != DATE_NONE && ev->discharged < ev->received)
		return dy_fail(e, DY_EINVAL, "discharged", "is before the referral was received");
	int32_t a_leave = ev->has_direct && ev->direct >= ev->received ? ev->direct : DATE_NONE;
	/* A bereavement ends both clocks: neither met nor breached. */
	if (ev->discharge_leaves_path == CLOCK_LEAVES_BOTH && ev->discharged != DATE_NONE &&
	    (a_leave == DATE_NONE || ev->discharged < a_leave))
		a_leave = ev->discharged;
	one(&t->t[CLOCK_A], ev->received, ev->assessed, ev->discharged, a_leave, as_of, &out->clock[CLOCK_A]);
	int32_t b_start = out->clock[CLOCK_A].status == CLOCK_STOPPED ? out->clock[CLOCK_A].stop : DATE_NONE;
	one(&t->t[CLOCK_B], b_start, ev->intervention, ev->discharged,
	    ev->discharge_leaves_path ? ev->discharged : DATE_NONE, as_of, &out->clock[CLOCK_B]);
	return 0;
}

int clock_compute(int32_t received, const struct clock_contact *c, size_t n, int32_t discharged,
                  const struct clock_targets *t, int32_t as_of, struct clock_result *out, struct dy_err *e)
{
	struct clock_events ev;
	if (discharged != DATE_NONE && received != DATE_NONE && discharged < received)
		return dy_fail(e, DY_EINVAL, "discharged", "is before the referral was received");
	clock_events_from_contacts(received, c, n, discharged, &ev);
	return clock_compute_events(&ev, t, as_of, out, e);
}

int clock_discharge_leaves_path(const char *reason)
{
	if (reason && strcmp(reason, "bereavement") == 0)
		return CLOCK_LEAVES_BOTH;
	return reason && (strcmp(reason, "planned_ending") == 0 || strcmp(reason, "signposted") == 0)
	               ? CLOCK_LEAVES_B
	               : 0;
}

const char *clock_status_code(enum clock_status s)
{
	switch (s) {
	case CLOCK_LEFT: return "left_path";
	case CLOCK_NOT_STARTED: return "not_started";
	case CLOCK_WAITING: return "waiting";
	case CLOCK_STOPPED: return "stopped";
	case CLOCK_ENDED: return "ended";
	}
	return "";
}
