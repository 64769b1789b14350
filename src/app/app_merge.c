/* app_merge.c: likely duplicates and family merge (see app_merge.h). */
#include "app/app_merge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_audit.h"
#include "app/app_scope.h"
#include "core/correction.h"
#include "store/store_family.h"
#include "util/date.h"
#include "util/str.h"

/* A listing callback's answer when memory runs out (positive: no DY_E* code). */
#define NO_MEMORY 1

/* The people of one family, as read for a merge. */
struct people {
	struct person *v;
	int n, cap;
};

static int add_person(void *ctx, const struct person *p)
{
	struct people *l = ctx;
	if (l->n == l->cap) {
		int cap = l->cap ? 2 * l->cap : 8;
		struct person *v = realloc(l->v, (size_t)cap * sizeof *v);
		if (!v)
			return NO_MEMORY;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *p;
	return 0;
}

/* The refusal for store_merge_conflict's answer why (1..4): person b of
 * family fb would become person a of family fa. */
static int conflict(int why, int64_t a, int64_t fa, int64_t b, int64_t fb, struct dy_err *e)
{
	long long x = a, y = fa, z = b, w = fb;
	switch (why) {
	case 1:
		return dy_fail(e, DY_ECONFLICT, "merge",
		               "infant %lld of family %lld and infant %lld of family %lld are one infant with two different"
		               " current safeguarding statuses: record the right one on both first (dyad safeguarding set)",
		               x, y, z, w);
	case 2:
		return dy_fail(e, DY_ECONFLICT, "merge",
		               "caregiver %lld of family %lld and caregiver %lld of family %lld are one person, and both are"
		               " the caregiver of an open referral: discharge or close one first", x, y, z, w);
	case 3:
		return dy_fail(e, DY_ECONFLICT, "merge",
		               "infant %lld of family %lld and infant %lld of family %lld are one infant, and both hold the"
		               " same safeguarding period", x, y, z, w);
	default:
		return dy_fail(e, DY_ECONFLICT, "merge",
		               "person %lld of family %lld and person %lld of family %lld are one person, and both are"
		               " enrolled in the same group run", x, y, z, w);
	}
}

/* With the transaction open: checks and moves family merge into keep. */
static int merge(struct app *a, int64_t keep, int64_t mrg, struct family_merge *m, struct dy_err *e)
{
	struct family fk, fm;
	int rc = store_family_get(a->db, keep, &fk, e);
	if (!rc)
		rc = store_family_get(a->db, mrg, &fm, e);
	if (rc)
		return rc;
	if (fk.team_id != fm.team_id)
		return dy_fail(e, DY_ECONFLICT, "merge", "families %lld and %lld are of different teams: they cannot be merged",
		               (long long)keep, (long long)mrg);
	int64_t ids[2] = {keep, mrg};
	for (int i = 0; i < 2; i++) {
		int64_t into = 0;
		if ((rc = store_family_merged_into(a->db, ids[i], &into, e)))
			return rc;
		if (into)
			return dy_fail(e, DY_ECONFLICT, i ? "merge" : "keep",
			               "family %lld has been merged into family %lld already", (long long)ids[i],
			               (long long)into);
		if ((i ? fm : fk).in_error)
			return dy_fail(e, DY_ECONFLICT, i ? "merge" : "keep",
			               "family %lld is marked entered in error: undo that first", (long long)ids[i]);
	}
	struct people pk = {0}, pm = {0};
	rc = store_person_list(a->db, keep, add_person, &pk, e);
	if (!rc)
		rc = store_person_list(a->db, mrg, add_person, &pm, e);
	/* joined[i]: the person of keep that person i of merge becomes (0: moved). */
	int64_t *joined = rc ? NULL : calloc((size_t)pm.n + 1, sizeof *joined);
	if (!rc && !joined)
		rc = NO_MEMORY;
	char *taken = rc ? NULL : calloc((size_t)pk.n + 1, 1);
	if (!rc && !taken)
		rc = NO_MEMORY;
	int n_joined = 0;
	for (int i = 0; !rc && i < pm.n; i++)
		for (int j = 0; !rc && j < pk.n; j++) {
			if (taken[j] || !duplicate_same_person(&pk.v[j], &pm.v[i]))
				continue;
			int why = store_merge_conflict(a->db, pk.v[j].id, pm.v[i].id, e);
			if (why < 0)
				rc = why;
			else if (why)
				rc = conflict(why, pk.v[j].id, keep, pm.v[i].id, mrg, e);
			taken[j] = 1;
			joined[i] = pk.v[j].id;
			n_joined++;
			break;
		}
	memset(m, 0, sizeof *m);
	if (!rc)
		rc = store_merge_count(a->db, mrg, m->moved, e);
	m->moved[MERGE_PEOPLE] -= n_joined;
	m->moved[MERGE_PEOPLE_JOINED] = n_joined;
	if (!rc)
		rc = store_merge_mark(a->db, keep, mrg, e);
	for (int i = 0; !rc && i < pm.n; i++)
		rc = joined[i] ? store_merge_join_person(a->db, joined[i], pm.v[i].id, e)
		               : store_merge_move_person(a->db, pm.v[i].id, keep, e);
	if (!rc)
		rc = store_merge_move_family(a->db, keep, mrg, e);
	free(joined);
	free(taken);
	free(pk.v);
	free(pm.v);
	if (rc == NO_MEMORY)
		return dy_fail(e, DY_EINTERNAL, "merge", "out of memory");
	return rc;
}

int app_family_merge(struct app *a, int64_t keep, int64_t mrg, const char *reason, struct family_merge *out,
                     struct dy_err *e)
{
	if (correction_check_reason(reason, e))
		return DY_EINVAL;
	if (keep == mrg)
		return dy_fail(e, DY_EINVAL, "merge", "a family cannot be merged into itself");
	int rc = app_scope_family(a, keep, SCOPE_CLINICAL_WRITE, e);
	if (!rc)
		rc = app_scope_family(a, mrg, SCOPE_CLINICAL_WRITE, e);
	if (rc || (rc = app_begin(a, e)))
		return rc;
	struct family_merge m;
	rc = merge(a, keep, mrg, &m, e);
	if (!rc) {
		m.kept = keep;
		m.merged = mrg;
		str_copy(m.reason, sizeof m.reason, reason);
		str_copy(m.merged_by, sizeof m.merged_by, a->actor);
		date_now_utc(m.merged_at);
		rc = store_merge_insert(a->db, &m, e);
	}
	char detail[64];
	snprintf(detail, sizeof detail, "into=%lld", (long long)keep);
	rc = app_end(a, rc, "family.merge", "family", mrg, rc ? NULL : detail, e);
	if (!rc && out)
		*out = m;
	return rc;
}

int app_family_merged_into(struct app *a, int64_t id, int64_t *into, struct dy_err *e)
{
	int rc = app_scope_family(a, id, SCOPE_IDENTITY, e);
	if (rc || (rc = app_begin_read(a, e)))
		return rc;
	return app_end_read(a, store_family_merged_into(a->db, id, into, e));
}

int app_family_merges(struct app *a, int64_t id, store_merge_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_scope_family(a, id, SCOPE_IDENTITY, e);
	if (rc || (rc = app_begin_read(a, e)))
		return rc;
	return app_end_read(a, store_merge_list(a->db, id, fn, ctx, e));
}

/* A person as the duplicates report holds them all at once: what the
 * check reads, the names' keys in the scan's text buffer (by offset). */
struct dup_entry {
	int64_t id, family_id, team_id;
	int32_t dob;
	char nhs[11], postcode[9];
	size_t name, swapped;
};

/* Every person of the user's teams with a date of birth, read in table
 * order, then sorted by date of birth. */
struct dup_scan {
	struct app *a;
	struct dup_entry *v;
	size_t n, cap;
	char *text; /* the keys, each NUL-terminated */
	size_t used, room;
};

/* Appends key to the scan's text; its offset to *at. */
static int keep_text(struct dup_scan *s, const char *key, size_t *at)
{
	size_t len = strlen(key) + 1;
	if (s->used + len > s->room) {
		size_t room = s->room ? 2 * s->room : 1 << 20;
		while (room < s->used + len)
			room *= 2;
		char *t = realloc(s->text, room);
		if (!t)
			return NO_MEMORY;
		s->text = t;
		s->room = room;
	}
	memcpy(s->text + s->used, key, len);
	*at = s->used;
	s->used += len;
	return 0;
}

static int scan_person(void *ctx, const struct merge_person *p)
{
	struct dup_scan *s = ctx;
	if (!app_scope_in_team(s->a, p->team_id))
		return 0;
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 1024;
		struct dup_entry *v = realloc(s->v, cap * sizeof *v);
		if (!v)
			return NO_MEMORY;
		s->v = v;
		s->cap = cap;
	}
	struct dup_entry *d = &s->v[s->n];
	d->id = p->p.id;
	d->family_id = p->p.family_id;
	d->team_id = p->team_id;
	d->dob = p->p.date_of_birth;
	memcpy(d->nhs, p->p.nhs_number, sizeof d->nhs);
	memcpy(d->postcode, p->p.postcode, sizeof d->postcode);
	struct duplicate_keys k;
	duplicate_keys(&p->p, &k);
	int rc = keep_text(s, k.name, &d->name);
	if (!rc)
		rc = keep_text(s, k.swapped, &d->swapped);
	if (!rc)
		s->n++;
	return rc;
}

static int by_dob(const void *x, const void *y)
{
	const struct dup_entry *a = x, *b = y;
	if (a->dob != b->dob)
		return a->dob < b->dob ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

static struct duplicate_subject subject(const struct dup_scan *s, const struct dup_entry *d)
{
	return (struct duplicate_subject){d->id, d->dob, d->nhs, d->postcode, s->text + d->name, s->text + d->swapped};
}

/* The pair x, y (x the lower id) with both people as held, to fn. */
static int report_pair(struct app *a, const struct dup_entry *x, const struct dup_entry *y, enum duplicate_reason r,
                       app_duplicate_fn fn, void *ctx, struct dy_err *e)
{
	struct duplicate_pair d;
	memset(&d, 0, sizeof d);
	d.reason = r;
	d.a.team_id = x->team_id;
	d.b.team_id = y->team_id;
	int rc = store_person_get(a->db, x->id, &d.a.p, e);
	if (!rc)
		rc = store_person_get(a->db, y->id, &d.b.p, e);
	return rc ? rc : fn(ctx, &d);
}

/* Compares each person with those born the same day (the scan sorted). */
static int compare_days(struct dup_scan *s, app_duplicate_fn fn, void *ctx, struct dy_err *e)
{
	for (size_t i = 0; i < s->n; i++)
		for (size_t j = i + 1; j < s->n && s->v[j].dob == s->v[i].dob; j++) {
			const struct dup_entry *x = &s->v[i], *y = &s->v[j];
			if (x->team_id != y->team_id || x->family_id == y->family_id)
				continue;
			struct duplicate_subject sx = subject(s, x), sy = subject(s, y);
			enum duplicate_reason r = duplicate_check_subject(&sx, &sy);
			int rc = r == DUPLICATE_NONE ? 0 : report_pair(s->a, x, y, r, fn, ctx, e);
			if (rc)
				return rc;
		}
	return 0;
}

int app_duplicates(struct app *a, app_duplicate_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_scope_team(a, SCOPE_CLINICAL, e);
	if (rc || (rc = app_begin_read(a, e)))
		return rc;
	struct dup_scan s = {a, NULL, 0, 0, NULL, 0, 0};
	rc = store_merge_people(a->db, scan_person, &s, e);
	if (!rc) {
		if (s.n > 1)
			qsort(s.v, s.n, sizeof *s.v, by_dob);
		rc = compare_days(&s, fn, ctx, e);
	}
	rc = app_end_read(a, rc);
	free(s.v);
	free(s.text);
	if (rc == NO_MEMORY)
		return dy_fail(e, DY_EINTERNAL, "duplicates", "out of memory");
	return rc ? rc : app_audit_read(a, "duplicates", 0, e);
}

/* Turns each merge into a history row for the caller's function. */
struct merge_history {
	store_correction_fn fn;
	void *ctx;
};

static int history_row(void *ctx, const struct family_merge *m)
{
	struct merge_history *h = ctx;
	struct correction c;
	memset(&c, 0, sizeof c);
	strcpy(c.entity, "family");
	c.entity_id = m->merged;
	c.family_id = m->kept;
	strcpy(c.field, "merged_into");
	snprintf(c.new_value, sizeof c.new_value, "%lld", (long long)m->kept);
	str_copy(c.reason, sizeof c.reason, m->reason);
	str_copy(c.corrected_by, sizeof c.corrected_by, m->merged_by);
	str_copy(c.corrected_at, sizeof c.corrected_at, m->merged_at);
	return h->fn(h->ctx, &c);
}

int app_merge_history(struct app *a, int64_t id, store_correction_fn fn, void *ctx, struct dy_err *e)
{
	struct merge_history h = {fn, ctx};
	return store_merge_list(a->db, id, history_row, &h, e);
}
