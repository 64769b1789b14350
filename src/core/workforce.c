/* workforce.c: the rules of training events, consultations and supervision
 * given to the wider workforce, and the workforce report's monthly figures
 * (workforce.h). */
#include "core/workforce.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/validate.h"
#include "util/date.h"
#include "util/text.h"

const char *wf_mode_code(enum wf_mode m)
{
	return m == WF_INDIVIDUAL ? "individual" : m == WF_GROUP ? "group" : "";
}

int wf_mode_parse(const char *s, const char *field, enum wf_mode *out, struct dy_err *e)
{
	if (s && strcmp(s, "individual") == 0)
		*out = WF_INDIVIDUAL;
	else if (s && strcmp(s, "group") == 0)
		*out = WF_GROUP;
	else
		return dy_fail(e, DY_EINVAL, field, "must be individual or group");
	return 0;
}

int wf_hours_parse(const char *s, const char *field, int *hours_x10, struct dy_err *e)
{
	int whole = 0, tenth = 0, digits = 0;
	const char *p = s ? s : "";
	for (; *p >= '0' && *p <= '9' && digits < 3; p++, digits++)
		whole = whole * 10 + (*p - '0');
	if (digits && *p == '.' && p[1] >= '0' && p[1] <= '9') {
		tenth = p[1] - '0';
		p += 2;
	}
	if (!digits || *p)
		return dy_fail(e, DY_EINVAL, field, "must be hours like 2 or 2.5 (one decimal at most)");
	int v = whole * 10 + tenth;
	if (v < 1 || v > 240)
		return dy_fail(e, DY_EINVAL, field, "must be more than 0 and at most 24 hours");
	*hours_x10 = v;
	return 0;
}

void wf_hours_format(int hours_x10, char *out)
{
	if (hours_x10 % 10)
		snprintf(out, 8, "%d.%d", hours_x10 / 10 % 1000, hours_x10 % 10);
	else
		snprintf(out, 8, "%d", hours_x10 / 10 % 10000);
}

int wf_attendees_parse(const char *s, const char *field, struct wf_training *t, struct dy_err *e)
{
	t->n_att = 0;
	const char *p = s ? s : "";
	while (*p) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *c1 = memchr(p, ':', len);
		const char *c2 = c1 ? memchr(c1 + 1, ':', len - (size_t)(c1 + 1 - p)) : NULL;
		if (!c1 || !c2)
			return dy_fail(e, DY_EINVAL, field, "row %d must be PROFESSION:ORGANISATION:COUNT", t->n_att + 1);
		if (t->n_att == WF_MAX_ATTENDEE_ROWS)
			return dy_fail(e, DY_EINVAL, field, "has more than %d rows", WF_MAX_ATTENDEE_ROWS);
		struct wf_attendees *a = &t->att[t->n_att];
		size_t lp = (size_t)(c1 - p), lo = (size_t)(c2 - c1 - 1), lc = len - (size_t)(c2 + 1 - p);
		char count[16];
		if (lp >= sizeof a->profession || lo >= sizeof a->organisation || lc >= sizeof count)
			return dy_fail(e, DY_EINVAL, field, "row %d is too long", t->n_att + 1);
		memcpy(a->profession, p, lp);
		a->profession[lp] = '\0';
		memcpy(a->organisation, c1 + 1, lo);
		a->organisation[lo] = '\0';
		memcpy(count, c2 + 1, lc);
		count[lc] = '\0';
		if (validate_int(field, count, 0, WF_MAX_COUNT, &a->count, e))
			return DY_EINVAL;
		t->n_att++;
		p += len;
		if (*p == ';')
			p++;
	}
	return 0;
}

static int check_date(int32_t d, int32_t today, struct dy_err *e)
{
	if (d == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "date", "is required");
	if (d > today)
		return dy_fail(e, DY_EINVAL, "date", "is in the future");
	return 0;
}

static int check_free(const char *field, const char *s, int required, struct dy_err *e)
{
	size_t n = strlen(s);
	if (required && n == 0)
		return dy_fail(e, DY_EINVAL, field, "is required");
	if (n > WF_TEXT_MAX)
		return dy_fail(e, DY_EINVAL, field, "is longer than %d bytes", WF_TEXT_MAX);
	return text_check(field, s, TEXT_FREE, e);
}

/* Who was met: a workforce profession and an organisation (trimmed). */
static int check_whom(const char *pfield, const char *prof, const char *ofield, char *org, size_t cap,
                      struct dy_err *e)
{
	if (validate_code(pfield, code_workforce_profession, prof, e))
		return DY_EINVAL;
	return text_name(ofield, org, cap, WF_ORG_MAX, e);
}

int wf_check_training_head(struct wf_training *t, int32_t today, struct dy_err *e)
{
	if (text_name("course", t->course, sizeof t->course, WF_COURSE_MAX, e) || check_date(t->date, today, e))
		return DY_EINVAL;
	if (t->hours_x10 < 1 || t->hours_x10 > 240)
		return dy_fail(e, DY_EINVAL, "hours", "must be more than 0 and at most 24 hours");
	if (t->n_trainers < 1 || t->n_trainers > WF_MAX_TRAINERS)
		return dy_fail(e, DY_EINVAL, "trainers", "must name 1 to %d practitioners", WF_MAX_TRAINERS);
	for (int i = 0; i < t->n_trainers; i++)
		for (int j = 0; j < i; j++)
			if (t->trainers[i] == t->trainers[j])
				return dy_fail(e, DY_EINVAL, "trainers", "names practitioner %lld twice", (long long)t->trainers[i]);
	return check_free("named", t->named, 0, e);
}

int wf_check_attendees(struct wf_attendees *a, const char *field, struct dy_err *e)
{
	if (check_whom(field, a->profession, field, a->organisation, sizeof a->organisation, e))
		return DY_EINVAL;
	if (a->count < 0 || a->count > WF_MAX_COUNT)
		return dy_fail(e, DY_EINVAL, field, "count must be from 0 to %d", WF_MAX_COUNT);
	return 0;
}

int wf_check_training(struct wf_training *t, int32_t today, struct dy_err *e)
{
	if (wf_check_training_head(t, today, e))
		return DY_EINVAL;
	if (t->n_att < 1 || t->n_att > WF_MAX_ATTENDEE_ROWS)
		return dy_fail(e, DY_EINVAL, "attendees", "must give 1 to %d rows of PROFESSION:ORGANISATION:COUNT",
		               WF_MAX_ATTENDEE_ROWS);
	int64_t total = 0;
	for (int i = 0; i < t->n_att; i++) {
		struct wf_attendees *a = &t->att[i];
		if (wf_check_attendees(a, "attendees", e))
			return DY_EINVAL;
		for (int j = 0; j < i; j++)
			if (strcmp(t->att[j].profession, a->profession) == 0 &&
			    strcmp(t->att[j].organisation, a->organisation) == 0)
				return dy_fail(e, DY_EINVAL, "attendees", "row %d repeats row %d's profession and organisation",
				               i + 1, j + 1);
		total += a->count;
	}
	if (total < 1)
		return dy_fail(e, DY_EINVAL, "attendees", "must count at least one attendee");
	return 0;
}

int wf_check_consultation(struct wf_consultation *c, int32_t today, struct dy_err *e)
{
	if (check_date(c->date, today, e))
		return DY_EINVAL;
	if (c->practitioner_id <= 0)
		return dy_fail(e, DY_EINVAL, "practitioner", "is required");
	if (check_whom("profession", c->profession, "organisation", c->organisation, sizeof c->organisation, e) ||
	    check_free("advice", c->advice, 1, e) || check_free("follow_up", c->follow_up, 0, e))
		return DY_EINVAL;
	if (c->follow_up_on != DATE_NONE && c->follow_up_on < c->date)
		return dy_fail(e, DY_EINVAL, "follow_up_on", "is before the consultation");
	return 0;
}

int wf_check_supervision(struct wf_supervision *s, int32_t today, struct dy_err *e)
{
	if (check_date(s->date, today, e))
		return DY_EINVAL;
	if (s->practitioner_id <= 0)
		return dy_fail(e, DY_EINVAL, "practitioner", "is required");
	if (check_whom("profession", s->profession, "organisation", s->organisation, sizeof s->organisation, e) ||
	    text_name("service", s->service, sizeof s->service, WF_SERVICE_MAX, e))
		return DY_EINVAL;
	if (s->mode != WF_INDIVIDUAL && s->mode != WF_GROUP)
		return dy_fail(e, DY_EINVAL, "mode", "must be individual or group");
	if (s->supervised < 1 || s->supervised > WF_MAX_COUNT)
		return dy_fail(e, DY_EINVAL, "supervised", "must be from 1 to %d", WF_MAX_COUNT);
	if (s->mode == WF_INDIVIDUAL && s->supervised != 1)
		return dy_fail(e, DY_EINVAL, "supervised", "must be 1 for individual supervision");
	if (s->duration_min < 1 || s->duration_min > 600)
		return dy_fail(e, DY_EINVAL, "duration", "must be from 1 to 600 minutes");
	return check_free("supervisee", s->supervisee, 0, e);
}

int wf_summary_init(struct wf_summary *s, int32_t from, int32_t to, struct dy_err *e)
{
	memset(s, 0, sizeof *s);
	s->from = from;
	s->to = to;
	if (from == DATE_NONE || to == DATE_NONE || to < from)
		return dy_fail(e, DY_EINVAL, "to", "is before the period's first day (from)");
	char d[DATE_LEN];
	date_format(from, d);
	int y = atoi(d), m = atoi(d + 5);
	for (int32_t first;;) {
		if (date_from_ymd(y, m, 1, &first) || first > to)
			break;
		if (s->nmonths == WF_MAX_MONTHS)
			return dy_fail(e, DY_EINVAL, "to", "the workforce report covers at most %d months: ask for a shorter period",
			               WF_MAX_MONTHS);
		snprintf(s->month[s->nmonths++], sizeof s->month[0], "%04d-%02d", y % 10000, m % 100);
		if (++m == 13) {
			m = 1;
			y++;
		}
	}
	return 0;
}

/* The month index of day d in s, or -1 outside the period. */
static int month_of(const struct wf_summary *s, int32_t d)
{
	if (d == DATE_NONE || d < s->from || d > s->to)
		return -1;
	char t[DATE_LEN];
	date_format(d, t);
	for (int i = 0; i < s->nmonths; i++)
		if (strncmp(s->month[i], t, 7) == 0)
			return i;
	return -1;
}

static void tally_add(struct wf_tally *t, const char *key, int month, int64_t n)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].month == month && strcmp(t->v[i].key, key) == 0) {
			t->v[i].n += n;
			return;
		}
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	struct wf_cell *c = &t->v[t->n++];
	memset(c, 0, sizeof *c);
	snprintf(c->key, sizeof c->key, "%s", key);
	c->month = month;
	c->n = n;
}

/* Adds n to month m and to the period total (index nmonths). */
static void add(const struct wf_summary *s, int64_t *v, int m, int64_t n)
{
	v[m] += n;
	v[s->nmonths] += n;
}

void wf_summary_training(struct wf_summary *s, const struct wf_training *t)
{
	int m = month_of(s, t->date);
	if (m < 0)
		return;
	int64_t people = 0;
	for (int i = 0; i < t->n_att; i++) {
		people += t->att[i].count;
		tally_add(&s->trained_by_profession, t->att[i].profession, m, t->att[i].count);
	}
	tally_add(&s->trained_by_course, t->course, m, people);
	add(s, s->events, m, 1);
	add(s, s->training_hours_x10, m, t->hours_x10);
	add(s, s->people_trained, m, people);
}

void wf_summary_consultation(struct wf_summary *s, const struct wf_consultation *c)
{
	int m = month_of(s, c->date);
	if (m < 0)
		return;
	tally_add(&s->consultations_by_organisation, c->organisation, m, 1);
	add(s, s->consultations, m, 1);
	if (c->family_id > 0)
		add(s, s->consultations_about_family, m, 1);
}

void wf_summary_supervision(struct wf_summary *s, const struct wf_supervision *v)
{
	int m = month_of(s, v->date);
	if (m < 0)
		return;
	add(s, s->supervision_sessions, m, 1);
	if (v->mode == WF_GROUP)
		add(s, s->supervision_group_sessions, m, 1);
	add(s, s->people_supervised, m, v->supervised);
	add(s, s->supervision_minutes, m, v->duration_min);
}

void wf_summary_free(struct wf_summary *s)
{
	free(s->trained_by_profession.v);
	free(s->trained_by_course.v);
	free(s->consultations_by_organisation.v);
	memset(&s->trained_by_profession, 0, sizeof s->trained_by_profession);
	memset(&s->trained_by_course, 0, sizeof s->trained_by_course);
	memset(&s->consultations_by_organisation, 0, sizeof s->consultations_by_organisation);
}

int64_t wf_tally_get(const struct wf_tally *t, const char *key, int month)
{
	int64_t n = 0;
	for (size_t i = 0; i < t->n; i++)
		if ((month < 0 || t->v[i].month == month) && strcmp(t->v[i].key, key) == 0)
			n += t->v[i].n;
	return n;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t wf_tally_keys(const struct wf_tally *t, const char **keys, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < t->n && n < max; i++) {
		int seen = 0;
		for (size_t j = 0; j < n && !seen; j++)
			seen = strcmp(keys[j], t->v[i].key) == 0;
		if (!seen)
			keys[n++] = t->v[i].key;
	}
	qsort(keys, n, sizeof *keys, by_text);
	return n;
}
