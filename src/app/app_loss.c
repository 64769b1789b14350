/* app_loss.c: a pregnancy loss, stillbirth or infant death recorded, and
 * the referrals it ends (see app_loss.h). */
#include "app/app_loss.h"

#include <stdlib.h>
#include <string.h>

#include "app/app_episode.h"
#include "app/app_scope.h"
#include "core/codes.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "store/store_pathway.h"
#include "util/date.h"

const char *app_loss_words(const char *kind)
{
	if (!kind)
		return "";
	if (strcmp(kind, "pregnancy_loss") == 0)
		return "pregnancy loss";
	if (strcmp(kind, "stillbirth") == 0)
		return "stillbirth";
	if (strcmp(kind, "infant_death") == 0)
		return "death of the baby";
	return "";
}

struct family_rows {
	struct episode *eps;
	int neps;
	struct person *people;
	int npeople;
};

XCOLLECTOR(add_episode, struct family_rows, struct episode, eps, neps)
XCOLLECTOR(add_person, struct family_rows, struct person, people, npeople)

static const struct person *find_person(const struct family_rows *f, int64_t id)
{
	for (int i = 0; i < f->npeople; i++)
		if (f->people[i].id == id)
			return &f->people[i];
	return NULL;
}

/* 1 when every infant the referral covers has a loss recorded. */
static int all_covered_lost(const struct family_rows *f, const struct episode *ep)
{
	const struct person *p = find_person(f, ep->infant_id);
	if (!p || !p->loss[0])
		return 0;
	for (int i = 0; i < ep->n_more_infants; i++)
		if (!(p = find_person(f, ep->more_infants[i])) || !p->loss[0])
			return 0;
	return 1;
}

/* Ends referral ep on `on` (or when its current state began, if later):
 * reason bereavement, care status "died" for every infant of the family
 * with a loss recorded, others_status for the rest. */
static int end_referral(struct app *a, const struct family_rows *f, const struct episode *ep, int32_t on,
                        const char *others_status, const char *risk_action, struct dy_err *e)
{
	struct pathway_referral p;
	int rc = store_pathway_get(a->db, ep->id, &p, e);
	if (rc)
		return rc;
	int32_t date = on < ep->received_on ? ep->received_on : on;
	if (p.state_on != DATE_NONE && p.state_on > date)
		date = p.state_on;
	int64_t ids[16];
	const char *died[16];
	int n = 0;
	for (int i = 0; i < f->npeople && n < 16; i++)
		if (strcmp(f->people[i].role, "infant") == 0 && f->people[i].loss[0]) {
			ids[n] = f->people[i].id;
			died[n++] = "died";
		}
	return app_discharge_in(a, ep->id, date, "bereavement", ids, died, n, others_status, risk_action, NULL, e);
}

int app_infant_loss(struct app *a, int64_t infant_id, const char *kind, int32_t on, const char *others_status,
                    const char *risk_action, struct loss_result *out, struct dy_err *e)
{
	memset(out, 0, sizeof *out);
	int64_t family_id = 0;
	int rc = app_begin_on(a, SCOPE_OF_PERSON, infant_id, SCOPE_CLINICAL_WRITE, &family_id, e);
	if (rc)
		return rc;
	struct person p;
	struct family_rows f = {0};
	rc = store_person_get(a->db, infant_id, &p, e);
	if (!rc)
		rc = record_loss_check(&p, kind, on, a->today, e);
	if (!rc)
		rc = store_person_set_loss(a->db, infant_id, kind, on, e);
	/* A stillborn baby was born: the birth date is the day of the loss. */
	if (!rc && strcmp(kind, "stillbirth") == 0 && p.date_of_birth == DATE_NONE)
		rc = store_person_set_birth(a->db, infant_id, on, p.gestation_weeks, e);
	if (!rc)
		rc = store_person_list(a->db, p.family_id, add_person, &f, e);
	if (!rc)
		rc = store_episode_list(a->db, p.family_id, add_episode, &f, e);
	for (int i = 0; !rc && i < f.neps; i++) {
		const struct episode *ep = &f.eps[i];
		if (ep->discharged_on != DATE_NONE || !record_episode_covers(ep, infant_id))
			continue;
		struct pathway_referral path;
		if ((rc = store_pathway_get(a->db, ep->id, &path, e)))
			break;
		if (!episode_state_is_open(path.state))
			continue;
		if (!all_covered_lost(&f, ep)) {
			if (out->nkept < LOSS_ENDED_MAX)
				out->kept_open[out->nkept++] = ep->id;
			continue;
		}
		if ((rc = end_referral(a, &f, ep, on, others_status, risk_action, e)))
			break;
		if (out->nended < LOSS_ENDED_MAX)
			out->ended[out->nended++] = ep->id;
	}
	free(f.eps);
	free(f.people);
	return app_end(a, rc, "infant.loss", "person", infant_id, kind, e);
}
