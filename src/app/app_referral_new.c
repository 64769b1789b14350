/* app_referral_new.c: a new family's referral in one transaction
 * (app_referral_new.h). */
#include "app/app_referral_new.h"

#include <string.h>

#include "app/app_pathway.h"
#include "app/app_scope.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "store/store_pathway.h"

static int check_people(struct app *a, struct person *cg, struct person *inf, struct dy_err *e)
{
	strcpy(cg->role, "caregiver");
	strcpy(inf->role, "infant");
	inf->relationship[0] = '\0';
	if (record_person_check(cg, a->today, 0, e) || record_person_check(inf, a->today, 0, e))
		return DY_EINVAL;
	if (cg->nhs_number[0] && strcmp(cg->nhs_number, inf->nhs_number) == 0)
		return dy_fail(e, DY_EINVAL, "nhs_number", "is the same for the caregiver and the infant");
	return 0;
}

static int find_dups(struct app *a, const struct person *cg, const struct person *inf,
                     struct referral_duplicates *d, struct dy_err *e)
{
	memset(d, 0, sizeof *d);
	struct person c = *cg, i = *inf; /* new people: nobody to leave out */
	c.id = i.id = 0;
	int rc = app_duplicates_add(a, &c, d, e);
	return rc ? rc : app_duplicates_add(a, &i, d, e);
}

int app_referral_new_duplicates(struct app *a, struct person *caregiver, struct person *infant,
                                struct referral_duplicates *d, struct dy_err *e)
{
	int scope_rc = app_scope_team(a, SCOPE_BOOKING_WRITE, e);
	if (scope_rc)
		return scope_rc;
	int rc = check_people(a, caregiver, infant, e);
	return rc ? rc : find_dups(a, caregiver, infant, d, e);
}

int app_referral_new(struct app *a, struct person *cg, struct person *inf, struct episode *ep,
                     const struct referral_extra *x, struct referral_duplicates *d, struct dy_err *e)
{
	int scope_rc = app_scope_team(a, SCOPE_BOOKING_WRITE, e);
	if (scope_rc)
		return scope_rc;
	struct referral_duplicates local;
	if (!d)
		d = &local;
	memset(d, 0, sizeof *d);
	if (!a->team_id)
		return dy_fail(e, DY_ENOTFOUND, "team", "the database has no team yet: run `dyad init`");
	int rc = check_people(a, cg, inf, e);
	if (rc)
		return rc;
	if (!ep->decision[0])
		strcpy(ep->decision, "pending");
	ep->infant_id = 1; /* checked below with the real ids; record_episode_check needs none */
	if (record_episode_check(ep, a->today, e))
		return DY_EINVAL;
	if (x && app_programme_check(x->programme, e))
		return DY_EINVAL;
	if ((rc = app_begin(a, e)))
		return rc;
	rc = find_dups(a, cg, inf, d, e);
	if (!rc && d->n && !(x && x->allow_duplicate))
		rc = dy_fail(e, DY_ECONFLICT, "referral",
		             "the infant or caregiver may already have an open referral; nothing was saved");
	struct family f = {.team_id = a->team_id, .created_on = a->today};
	if (!rc)
		rc = store_family_insert(a->db, &f, e);
	if (!rc) {
		cg->family_id = inf->family_id = f.id;
		cg->id = inf->id = 0;
		rc = store_person_insert(a->db, cg, e);
		if (!rc)
			rc = store_person_insert(a->db, inf, e);
		if (rc == DY_ECONFLICT)
			dy_fail(e, DY_ECONFLICT, "nhs_number", "another person already has this NHS number");
	}
	if (!rc) {
		ep->family_id = f.id;
		ep->infant_id = inf->id;
		ep->caregiver_id = cg->id;
		rc = app_referral_insert(a, ep, x, e);
	}
	return app_end(a, rc, "referral.add", "episode", ep->id, ep->source, e);
}
