/* app_careplan.c: care plan use cases (see app_careplan.h). */
#include "app/app_careplan.h"

#include <string.h>

#include "app/app_files.h"
#include "app/app_scope.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "store/store_goal.h"
#include "util/date.h"
#include "util/str.h"

int app_careplan_add(struct app *a, struct care_plan *p, const char *catalogue_path, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, p->episode_id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (rc)
		return rc;
	struct intervention_catalogue cat;
	if ((rc = intervention_load_file(catalogue_path, &cat, e)))
		return rc;
	const struct intervention_def *def = intervention_find(&cat, p->intervention);
	str_copy(p->created_by, sizeof p->created_by, a->actor);
	p->status_on = p->status == CAREPLAN_ACTIVE ? p->start_on : DATE_NONE;
	p->stop_reason[0] = '\0';
	if ((rc = app_begin(a, e))) {
		intervention_catalogue_free(&cat);
		return rc;
	}
	struct episode ep;
	rc = store_episode_get(a->db, p->episode_id, &ep, e);
	if (!rc)
		rc = careplan_check_new(def, &p->planned_sessions, p->start_on, ep.received_on, ep.discharged_on,
		                        p->practitioners, p->n_practitioners, p->status, e);
	if (!rc && p->status == CAREPLAN_ACTIVE && p->start_on > a->today)
		rc = dy_fail(e, DY_EINVAL, "status", "a plan starting in the future is planned, not active");
	for (int i = 0; !rc && i < p->n_practitioners; i++) {
		int ok = store_practitioner_exists(a->db, p->practitioners[i], e);
		if (ok < 0)
			rc = ok;
		else if (!ok)
			rc = dy_fail(e, DY_EINVAL, "practitioners", "practitioner %lld does not exist",
			             (long long)p->practitioners[i]);
	}
	for (int i = 0; !rc && i < p->n_goals; i++) {
		for (int j = 0; j < i; j++)
			if (p->goals[j] == p->goals[i])
				rc = dy_fail(e, DY_EINVAL, "goals", "names goal %lld twice", (long long)p->goals[i]);
		struct goal g;
		if (!rc && (rc = store_goal_get(a->db, p->goals[i], &g, e)) == DY_ENOTFOUND)
			rc = dy_fail(e, DY_EINVAL, "goals", "goal %lld does not exist", (long long)p->goals[i]);
		if (!rc && g.episode_id != p->episode_id)
			rc = dy_fail(e, DY_EINVAL, "goals", "goal %lld belongs to another referral", (long long)p->goals[i]);
	}
	if (!rc) {
		p->id = 0;
		rc = store_careplan_insert(a->db, p, e);
	}
	intervention_catalogue_free(&cat);
	return app_end(a, rc, "careplan.add", "care_plan", p->id, NULL, e);
}

int app_careplan_move(struct app *a, int64_t id, enum careplan_status to, int32_t on, const char *reason,
                      struct dy_err *e)
{
	struct care_plan p;
	int rc = app_begin_read(a, e);
	if (!rc)
		rc = store_careplan_get(a->db, id, &p, e);
	rc = app_end_read(a, rc);
	if (rc)
		return rc;
	if ((rc = app_scope_record(a, SCOPE_OF_EPISODE, p.episode_id, SCOPE_CLINICAL_WRITE, NULL, e)))
		return rc;
	if ((rc = app_begin(a, e)))
		return rc;
	struct episode ep;
	rc = store_careplan_get(a->db, id, &p, e);
	if (!rc)
		rc = store_episode_get(a->db, p.episode_id, &ep, e);
	if (!rc)
		rc = careplan_check_move(p.status, to, on, p.start_on, a->today, reason, e);
	if (!rc && ep.discharged_on != DATE_NONE && on > ep.discharged_on)
		rc = dy_fail(e, DY_EINVAL, "date", "is after the family was discharged");
	if (!rc)
		rc = store_careplan_set_status(a->db, id, to, on, to == CAREPLAN_STOPPED_EARLY ? reason : NULL, e);
	return app_end(a, rc, "careplan.move", "care_plan", id, careplan_status_code(to), e);
}

/* What a plan's planned end and visits are worked out from: the
 * catalogue and the episode's infant's birth (or EDD). */
struct plan_facts {
	struct app *a;
	struct intervention_catalogue cat; /* empty when it could not be read */
	int32_t born;
	store_careplan_fn fn;
	void *ctx;
};

static int facts_begin(struct app *a, int64_t episode_id, struct plan_facts *f, struct dy_err *e)
{
	struct dy_err ignore;
	f->a = a;
	f->born = DATE_NONE;
	if (intervention_load_file(NULL, &f->cat, &ignore))
		memset(&f->cat, 0, sizeof f->cat); /* then no planned end or visits are shown */
	struct episode ep;
	struct person infant;
	int rc = store_episode_get(a->db, episode_id, &ep, e);
	if (!rc && ep.infant_id && (rc = store_person_get(a->db, ep.infant_id, &infant, e)) == 0)
		f->born = infant.date_of_birth != DATE_NONE ? infant.date_of_birth : infant.edd;
	return rc;
}

static void facts_fill(const struct plan_facts *f, struct care_plan *p)
{
	const struct intervention_def *def = intervention_find(&f->cat, p->intervention);
	p->planned_end = careplan_planned_end(def, p->start_on, f->born);
	p->visit_every_days = def ? def->visit_every_days : 0;
	int ended = p->status == CAREPLAN_COMPLETED || p->status == CAREPLAN_STOPPED_EARLY;
	p->visits_expected = p->status == CAREPLAN_PLANNED ? 0
	                     : careplan_visits_expected(p->visit_every_days, p->start_on,
	                                                ended ? p->status_on : f->a->today, p->planned_end);
}

static int with_facts(void *ctx, const struct care_plan *p)
{
	struct plan_facts *f = ctx;
	struct care_plan full = *p;
	facts_fill(f, &full);
	return f->fn(f->ctx, &full);
}

int app_careplan_list(struct app *a, int64_t episode_id, store_careplan_fn fn, void *ctx, struct dy_err *e)
{
	int rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_IDENTITY, NULL, e);
	if (rc)
		return rc;
	if ((rc = app_begin_read(a, e)))
		return rc;
	struct plan_facts f = {.fn = fn, .ctx = ctx};
	rc = facts_begin(a, episode_id, &f, e);
	if (!rc)
		rc = store_careplan_list(a->db, episode_id, with_facts, &f, e);
	intervention_catalogue_free(&f.cat);
	return app_end_read(a, rc);
}

int app_careplan_get(struct app *a, int64_t id, struct care_plan *p, struct dy_err *e)
{
	struct plan_facts f = {0};
	int rc = app_begin_read(a, e);
	if (!rc)
		rc = store_careplan_get(a->db, id, p, e);
	if (!rc && !(rc = facts_begin(a, p->episode_id, &f, e)))
		facts_fill(&f, p);
	intervention_catalogue_free(&f.cat);
	rc = app_end_read(a, rc);
	if (rc)
		return rc;
	return app_scope_record(a, SCOPE_OF_EPISODE, p->episode_id, SCOPE_IDENTITY, NULL, e);
}
