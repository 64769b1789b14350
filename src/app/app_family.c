/* app_family.c: families and people. */
#include "app/app_family.h"
#include "app/app_audit.h"
#include "app/app_scope.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_episode.h"
#include "store/store_family.h"
#include "store/store_merge.h"
#include "store/store_safeguarding.h"
#include "core/age.h"
#include "core/codes.h"
#include "core/validate.h"
#include "util/date.h"

static int need_team(struct app *a, struct dy_err *e)
{
	if (!a->team_id)
		return dy_fail(e, DY_ENOTFOUND, "team", "the database has no team yet: run `dyad init`");
	return 0;
}

int app_family_add(struct app *a, int64_t *id, struct dy_err *e)
{
	int scope_rc = app_scope_team(a, SCOPE_BOOKING_WRITE, e);
	if (scope_rc)
		return scope_rc;
	int rc = need_team(a, e);
	if (rc || (rc = app_begin(a, e)))
		return rc;
	struct family f = {.team_id = a->team_id, .created_on = a->today};
	rc = store_family_insert(a->db, &f, e);
	rc = app_end(a, rc, "family.add", "family", f.id, NULL, e);
	if (!rc)
		*id = f.id;
	return rc;
}

int app_family_takes_records(struct app *a, const struct family *f, struct dy_err *e)
{
	int64_t into = 0;
	int rc = store_family_merged_into(a->db, f->id, &into, e);
	if (rc)
		return rc;
	if (into)
		return dy_fail(e, DY_ECONFLICT, "family", "family %lld was merged into family %lld: add to that family",
		               (long long)f->id, (long long)into);
	if (f->in_error)
		return dy_fail(e, DY_ECONFLICT, "family",
		               "family %lld is marked entered in error: undo that first, or add to the right family",
		               (long long)f->id);
	return 0;
}

int app_person_add(struct app *a, struct person *p, struct dy_err *e)
{
	int scope_rc = app_scope_family(a, p->family_id, SCOPE_BOOKING_WRITE, e);
	if (scope_rc)
		return scope_rc;
	if (record_person_check(p, a->today, 0, e))
		return DY_EINVAL;
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	struct family f;
	rc = store_family_get(a->db, p->family_id, &f, e);
	if (!rc)
		rc = app_family_takes_records(a, &f, e);
	if (!rc) {
		p->id = 0;
		rc = store_person_insert(a->db, p, e);
		if (rc == DY_ECONFLICT)
			dy_fail(e, DY_ECONFLICT, "nhs_number", "another person already has this NHS number");
	}
	return app_end(a, rc, "person.add", "person", p->id, p->role, e);
}

int app_person_birth(struct app *a, int64_t person_id, int32_t dob, int gestation_weeks, struct dy_err *e)
{
	int weeks, from_edd;
	return app_person_birth_gestation(a, person_id, dob, gestation_weeks, &weeks, &from_edd, e);
}

int app_person_birth_gestation(struct app *a, int64_t person_id, int32_t dob, int gestation_weeks, int *weeks,
                               int *from_edd, struct dy_err *e)
{
	*weeks = gestation_weeks;
	*from_edd = 0;
	int rc = app_begin_on(a, SCOPE_OF_PERSON, person_id, SCOPE_BOOKING_WRITE, NULL, e);
	if (rc)
		return rc;
	struct person p;
	rc = store_person_get(a->db, person_id, &p, e);
	if (!rc && strcmp(p.role, "infant") != 0)
		rc = dy_fail(e, DY_EINVAL, "person", "is a caregiver, not an infant");
	else if (!rc && p.date_of_birth != DATE_NONE)
		rc = dy_fail(e, DY_ECONFLICT, "date_of_birth", "is already recorded for this infant");
	else if (!rc && p.loss[0])
		rc = dy_fail(e, DY_ECONFLICT, "person", "a pregnancy loss is recorded for this pregnancy");
	if (!rc && !gestation_weeks && (gestation_weeks = age_gestation_from_edd(dob, p.edd)) != 0)
		*from_edd = 1;
	*weeks = gestation_weeks;
	if (!rc) {
		p.date_of_birth = dob;
		p.gestation_weeks = gestation_weeks;
		rc = record_person_check(&p, a->today, 1, e);
	}
	if (!rc)
		rc = store_person_set_birth(a->db, person_id, dob, gestation_weeks, e);
	return app_end(a, rc, "person.birth", "person", person_id, NULL, e);
}

XCOLLECTOR(collect_person, struct family_view, struct person, people, npeople)
XCOLLECTOR(collect_episode, struct family_view, struct episode, episodes, nepisodes)

static int collect_risk(void *ctx, const struct stored_risk *r)
{
	struct family_view *v = ctx;
	if (r->acknowledged_by[0])
		return 0;
	XAPPEND(v->risks, v->nrisks, *r);
	return 0;
}

int app_family_view(struct app *a, int64_t id, struct family_view *v, struct dy_err *e)
{
	int scope_rc = app_scope_family(a, id, SCOPE_IDENTITY, e);
	if (scope_rc)
		return scope_rc;
	memset(v, 0, sizeof *v);
	/* One read transaction: the family, its people, referrals and flags at
	 * one moment. */
	int rc = app_begin_read(a, e);
	if (rc)
		return rc;
	rc = store_family_get(a->db, id, &v->family, e);
	if (!rc)
		rc = store_person_list(a->db, id, collect_person, v, e);
	if (!rc)
		rc = store_episode_list(a->db, id, collect_episode, v, e);
	if (!rc && v->npeople) {
		v->current = xcalloc((size_t)v->npeople, sizeof *v->current);
		for (int i = 0; i < v->npeople && rc >= 0; i++)
			if (strcmp(v->people[i].role, "infant") == 0)
				rc = store_safeguarding_current(a->db, v->people[i].id, &v->current[i], e);
		if (rc > 0)
			rc = 0;
	}
	/* Risk flags come from measure items: not for roles without clinical access. */
	int clinical = (a->user.roles & app_scope_roles(SCOPE_CLINICAL)) != 0;
	for (int i = 0; !rc && clinical && i < v->nepisodes; i++)
		rc = store_risk_list(a->db, 0, v->episodes[i].id, collect_risk, v, e);
	/* The look itself is logged: who, when, from where. */
	rc = app_end_look(a, rc, "family", id, e);
	if (rc)
		app_family_view_free(v);
	return rc;
}

void app_family_view_free(struct family_view *v)
{
	free(v->people);
	free(v->current);
	free(v->episodes);
	free(v->risks);
	memset(v, 0, sizeof *v);
}

int app_overdue_pregnancies(struct app *a, int days, store_person_fn fn, void *ctx, struct dy_err *e)
{
	if (days < 0)
		return dy_fail(e, DY_EINVAL, "overdue-by", "must be 0 or more days");
	return store_person_overdue(a->db, a->today - days + 1, fn, ctx, e);
}

/* Hands the page's rows on to the caller's fn, noting each family shown,
 * and holds back the one row beyond the page (it only says more follow). */
struct shown {
	store_summary_fn fn;
	void *ctx;
	int limit;
	int n;       /* rows handed on */
	int more;
	int64_t *ids;
};

static int show_row(void *ctx, const struct family_summary *s)
{
	struct shown *w = ctx;
	if (w->n == w->limit) {
		w->more = 1;
		return 1;
	}
	w->ids[w->n++] = s->family_id;
	return w->fn(w->ctx, s);
}

int app_family_list(struct app *a, int open_only, const struct list_page *pg, store_summary_fn fn, void *ctx,
                    int *more, struct dy_err *e)
{
	if (more)
		*more = 0;
	int scope_rc = app_scope_team(a, SCOPE_IDENTITY, e);
	if (scope_rc)
		return scope_rc;
	if (pg->limit <= 0)
		return 0;
	struct shown w = {.fn = fn, .ctx = ctx, .limit = pg->limit, .ids = xcalloc((size_t)pg->limit, sizeof *w.ids)};
	struct list_page probe = *pg;
	probe.limit++;
	/* One read transaction: fn may read more (app_family_alerts) without
	 * ending it, which would reset the listing's statement. */
	int rc = app_begin_read(a, e);
	if (!rc) {
		rc = store_family_summaries(a->db, open_only, &probe, show_row, &w, e);
		if (rc == 1 && w.more)
			rc = 0;
		rc = app_end_read(a, rc);
	}
	/* Every family the list showed is logged, one entry each, before the
	 * list is shown (a name in a list is a look at the family). */
	if (rc >= 0) {
		int arc = app_audit_list(a, "family", w.ids, w.n, e);
		if (arc)
			rc = arc;
	}
	free(w.ids);
	if (more)
		*more = w.more;
	return rc;
}

int app_family_count(struct app *a, int open_only, int64_t *n, struct dy_err *e)
{
	return store_family_count(a->db, open_only, n, e);
}

int app_practitioner_add(struct app *a, struct practitioner *p, struct dy_err *e)
{
	int scope_rc = app_scope_require(a, USER_ADMIN | USER_MANAGER | USER_OPERATOR, e);
	if (scope_rc)
		return scope_rc;
	int rc = need_team(a, e);
	if (rc)
		return rc;
	if (validate_name_fix("name", p->name, sizeof p->name, e) || validate_code("profession", code_profession, p->profession, e))
		return DY_EINVAL;
	if ((rc = app_begin(a, e)))
		return rc;
	p->id = 0;
	p->team_id = a->team_id;
	rc = store_practitioner_insert(a->db, p, e);
	return app_end(a, rc, "practitioner.add", "practitioner", p->id, NULL, e);
}

int app_practitioner_list(struct app *a, int (*fn)(void *ctx, const struct practitioner *p), void *ctx,
                          struct dy_err *e)
{
	return store_practitioner_list(a->db, fn, ctx, e);
}
