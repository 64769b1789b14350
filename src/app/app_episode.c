/* app_episode.c: referrals, contacts, safeguarding and discharge. */
#include "app/app_episode.h"
#include "app/app_audit.h"
#include "app/app_family.h"
#include "app/app_files.h"
#include "app/app_scope.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_pathway.h"
#include "app/app_risk.h"
#include "core/codes.h"
#include "core/validate.h"
#include "store/store_family.h"
#include "store/store_pathway.h"
#include "util/date.h"
#include "util/str.h"

/* Checks that person id belongs to family and has the role; field names it. */
static int person_in_family(struct app *a, int64_t id, int64_t family_id, const char *role, const char *field,
                            struct dy_err *e)
{
	struct person p;
	int rc = store_person_get(a->db, id, &p, e);
	if (rc == DY_ENOTFOUND)
		return dy_fail(e, DY_ENOTFOUND, field, "person %lld does not exist", (long long)id);
	if (rc)
		return rc;
	if (p.family_id != family_id)
		return dy_fail(e, DY_EINVAL, field, "person %lld is not in family %lld", (long long)id,
		               (long long)family_id);
	if (role && strcmp(p.role, role) != 0)
		return dy_fail(e, DY_EINVAL, field, "person %lld is not %s %s", (long long)id,
		               strchr("aeiou", role[0]) ? "an" : "a", role);
	return 0;
}

int app_referral_checks(struct app *a, const struct episode *ep, struct dy_err *e)
{
	struct family f;
	int rc = store_family_get(a->db, ep->family_id, &f, e);
	if (!rc)
		rc = app_family_takes_records(a, &f, e);
	if (!rc)
		rc = person_in_family(a, ep->infant_id, ep->family_id, "infant", "infant", e);
	for (int i = 0; !rc && i < ep->n_more_infants; i++)
		rc = person_in_family(a, ep->more_infants[i], ep->family_id, "infant", "other-infants", e);
	if (!rc && ep->caregiver_id)
		rc = person_in_family(a, ep->caregiver_id, ep->family_id, "caregiver", "caregiver", e);
	/* A re-referral names the family's earlier referral, closed by now. */
	if (!rc && ep->previous_id) {
		struct episode prev;
		struct pathway_referral path;
		rc = store_episode_get(a->db, ep->previous_id, &prev, e);
		if (rc == DY_ENOTFOUND)
			rc = dy_fail(e, DY_ENOTFOUND, "previous", "referral %lld does not exist", (long long)ep->previous_id);
		if (!rc && prev.family_id != ep->family_id)
			rc = dy_fail(e, DY_EINVAL, "previous", "referral %lld is another family's", (long long)ep->previous_id);
		if (!rc && prev.received_on > ep->received_on)
			rc = dy_fail(e, DY_EINVAL, "previous", "referral %lld was received after this one",
			             (long long)ep->previous_id);
		if (!rc && !(rc = store_pathway_get(a->db, ep->previous_id, &path, e)) && episode_state_is_open(path.state))
			rc = dy_fail(e, DY_ECONFLICT, "previous", "referral %lld is still open (%s): a re-referral follows a"
			             " closed one", (long long)ep->previous_id, episode_state_code(path.state));
	}
	return rc;
}

static int referral_precheck(struct app *a, struct episode *ep, struct dy_err *e)
{
	if (!ep->decision[0])
		strcpy(ep->decision, "pending");
	if (record_episode_check(ep, a->today, e))
		return DY_EINVAL;
	if (!ep->infant_id)
		return dy_fail(e, DY_EINVAL, "infant", "is required: the infant or pregnancy referred");
	return 0;
}

int app_referral_add(struct app *a, struct episode *ep, struct dy_err *e)
{
	int scope_rc = app_scope_family(a, ep->family_id, SCOPE_BOOKING_WRITE, e);
	if (scope_rc)
		return scope_rc;
	struct referral_extra x = {.allow_duplicate = 1};
	return app_referral_add_with(a, ep, &x, NULL, e);
}

int app_duplicates_add(struct app *a, const struct person *p, struct referral_duplicates *d, struct dy_err *e)
{
	int64_t ids[REFERRAL_DUPLICATES_MAX];
	size_t n = 0;
	int rc = store_pathway_duplicates(a->db, p->id, p->nhs_number, p->family_name, p->date_of_birth, ids,
	                                  REFERRAL_DUPLICATES_MAX, &n, e);
	for (size_t i = 0; !rc && i < n && i < REFERRAL_DUPLICATES_MAX; i++) {
		int seen = 0;
		for (size_t j = 0; j < d->n; j++)
			seen |= d->ids[j] == ids[i];
		if (seen)
			continue;
		d->total++;
		if (d->n < REFERRAL_DUPLICATES_MAX) {
			size_t k = d->n++;
			for (; k > 0 && d->ids[k - 1] > ids[i]; k--)
				d->ids[k] = d->ids[k - 1];
			d->ids[k] = ids[i];
		}
	}
	if (!rc && n > REFERRAL_DUPLICATES_MAX)
		d->total += n - REFERRAL_DUPLICATES_MAX;
	return rc;
}

/* Adds the duplicates of person id into d (deduplicated, ascending). */
static int duplicates_of(struct app *a, int64_t id, struct referral_duplicates *d, struct dy_err *e)
{
	struct person p;
	int rc = store_person_get(a->db, id, &p, e);
	return rc ? rc : app_duplicates_add(a, &p, d, e);
}

int app_referral_duplicates(struct app *a, const struct episode *ep, struct referral_duplicates *d,
                            struct dy_err *e)
{
	int scope_rc = app_scope_family(a, ep->family_id, SCOPE_BOOKING_WRITE, e);
	if (scope_rc)
		return scope_rc;
	memset(d, 0, sizeof *d);
	int rc = ep->infant_id ? duplicates_of(a, ep->infant_id, d, e) : 0;
	for (int i = 0; !rc && i < ep->n_more_infants; i++)
		rc = duplicates_of(a, ep->more_infants[i], d, e);
	if (!rc && ep->caregiver_id)
		rc = duplicates_of(a, ep->caregiver_id, d, e);
	return rc == DY_ENOTFOUND ? 0 : rc;
}

int app_referral_duplicates_refuse(struct referral_duplicates *d, int64_t self, struct dy_err *e)
{
	size_t k = 0;
	for (size_t i = 0; i < d->n; i++)
		if (d->ids[i] != self)
			d->ids[k++] = d->ids[i];
	d->total -= d->n - k;
	d->n = k;
	if (!d->n)
		return 0;
	char list[200] = "";
	size_t used = 0;
	for (size_t i = 0; i < d->n && used < sizeof list; i++)
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%lld", i ? ", " : "", (long long)d->ids[i]);
	return dy_fail(e, DY_ECONFLICT, "referral",
	               "the infant or caregiver already has an open referral (%s%s); nothing was saved", list,
	               d->total > d->n ? ", ..." : "");
}

int app_referral_add_with(struct app *a, struct episode *ep, const struct referral_extra *x,
                          struct referral_duplicates *d, struct dy_err *e)
{
	struct referral_duplicates local;
	if (!d)
		d = &local;
	memset(d, 0, sizeof *d);
	int rc = referral_precheck(a, ep, e);
	if (rc)
		return rc;
	if (x && app_programme_check(x->programme, e))
		return DY_EINVAL;
	if ((rc = app_begin(a, e)))
		return rc;
	rc = app_referral_checks(a, ep, e);
	if (!rc)
		rc = app_referral_duplicates(a, ep, d, e);
	if (!rc && !(x && x->allow_duplicate))
		rc = app_referral_duplicates_refuse(d, 0, e);
	if (!rc)
		rc = app_referral_insert(a, ep, x, e);
	return app_end(a, rc, "referral.add", "episode", ep->id, ep->source, e);
}

int app_referral_insert(struct app *a, struct episode *ep, const struct referral_extra *x, struct dy_err *e)
{
	ep->id = 0;
	int rc = store_episode_insert(a->db, ep, e);
	if (!rc)
		rc = app_pathway_open(a, ep, e);
	if (!rc && x && ((x->programme && *x->programme) || x->first_time_parent != ELIGIBILITY_ANSWER_UNKNOWN))
		rc = store_pathway_set_facts(a->db, ep->id, x->programme, x->first_time_parent, e);
	return rc;
}

int app_referral_list(struct app *a, int64_t family_id, store_episode_fn fn, void *ctx, struct dy_err *e)
{
	int scope_rc = family_id > 0 ? app_scope_family(a, family_id, SCOPE_IDENTITY, e) : app_scope_team(a, SCOPE_IDENTITY, e);
	if (scope_rc)
		return scope_rc;
	return store_episode_list(a->db, family_id, fn, ctx, e);
}

XCOLLECTOR(collect_contact, struct referral_view, struct contact, contacts, ncontacts)
XCOLLECTOR(collect_measure, struct referral_view, struct measure, measures, nmeasures)
XCOLLECTOR(collect_outcome, struct referral_view, struct discharge_outcome, outcomes, noutcomes)

int app_referral_view(struct app *a, int64_t id, struct referral_view *v, struct dy_err *e)
{
	memset(v, 0, sizeof *v);
	/* One read transaction: the referral and its rows at one moment. */
	int rc = app_begin_read_on(a, SCOPE_OF_EPISODE, id, SCOPE_IDENTITY, NULL, e);
	if (rc)
		return rc;
	rc = store_episode_get(a->db, id, &v->episode, e);
	if (!rc)
		rc = store_contact_list(a->db, id, collect_contact, v, e);
	/* Measures (items and scores) only for roles with clinical access. */
	if (!rc && (a->user.roles & app_scope_roles(SCOPE_CLINICAL)))
		rc = store_measure_list(a->db, id, collect_measure, v, e);
	if (!rc)
		rc = store_outcome_list(a->db, id, collect_outcome, v, e);
	/* The look itself is logged: who, when, from where. */
	rc = app_end_look(a, rc, "episode", id, e);
	if (rc)
		app_referral_view_free(v);
	return rc;
}

void app_referral_view_free(struct referral_view *v)
{
	free(v->contacts);
	free(v->measures);
	free(v->outcomes);
	memset(v, 0, sizeof *v);
}

int app_contact_people_check(struct app *a, int64_t family_id, const int64_t *practitioners, int n_practitioners,
                             const int64_t *attendees, int n_attendees, struct dy_err *e)
{
	int rc = 0;
	for (int i = 0; !rc && i < n_attendees; i++)
		rc = person_in_family(a, attendees[i], family_id, NULL, "attendees", e);
	for (int i = 0; !rc && i < n_practitioners; i++) {
		rc = store_practitioner_exists(a->db, practitioners[i], e);
		rc = rc < 0 ? rc : rc ? 0 : dy_fail(e, DY_ENOTFOUND, "practitioners", "practitioner %lld does not exist",
		                                    (long long)practitioners[i]);
	}
	return rc;
}

int app_contact_rules(const struct app *a, const struct contact *c, const struct episode *ep,
                      const struct intervention_catalogue *cat, struct dy_err *e)
{
	if (record_contact_check(c, ep, e))
		return DY_EINVAL;
	if (c->date > a->today)
		return dy_fail(e, DY_EINVAL, "date", "is in the future: record a contact once it has happened");
	if (cat && intervention_contact_check(cat, c->kind, c->intervention, e))
		return DY_EINVAL;
	return 0;
}

int app_contact_write(struct app *a, struct contact *c, const struct intervention_catalogue *cat, int *moved,
                      struct dy_err *e)
{
	struct episode ep;
	int rc = store_episode_get(a->db, c->episode_id, &ep, e);
	if (!rc)
		rc = app_contact_rules(a, c, &ep, cat, e);
	if (!rc)
		rc = app_contact_people_check(a, ep.family_id, c->practitioners, c->n_practitioners, c->attendees,
		                              c->n_attendees, e);
	if (!rc) {
		c->id = 0;
		rc = store_contact_insert(a->db, c, e);
	}
	*moved = -1;
	if (!rc)
		rc = app_pathway_after_contact(a, c, moved, e);
	return rc;
}

int app_contact_add(struct app *a, struct contact *c, const char *catalogue_path, struct dy_err *e)
{
	int scope_rc = app_scope_record(a, SCOPE_OF_EPISODE, c->episode_id, SCOPE_BOOKING_WRITE, NULL, e);
	if (scope_rc)
		return scope_rc;
	struct intervention_catalogue cat;
	int rc = intervention_load_file(catalogue_path, &cat, e);
	if (rc) {
		intervention_catalogue_free(&cat);
		return rc;
	}
	rc = app_begin(a, e);
	if (rc) {
		intervention_catalogue_free(&cat);
		return rc;
	}
	int moved = -1;
	rc = app_contact_write(a, c, &cat, &moved, e);
	intervention_catalogue_free(&cat);
	char detail[64];
	snprintf(detail, sizeof detail, "%s%s%s", c->kind, moved >= 0 ? "; state " : "",
	         moved >= 0 ? episode_state_code((enum episode_state)moved) : "");
	return app_end(a, rc, "contact.add", "contact", c->id, detail, e);
}

int app_contact_list(struct app *a, int64_t episode_id, store_contact_fn fn, void *ctx, struct dy_err *e)
{
	int scope_rc = app_scope_record(a, SCOPE_OF_EPISODE, episode_id, SCOPE_IDENTITY, NULL, e);
	if (scope_rc)
		return scope_rc;
	struct episode ep;
	int rc = app_begin_read(a, e);
	if (!rc)
		rc = store_episode_get(a->db, episode_id, &ep, e);
	if (!rc)
		rc = store_contact_list(a->db, episode_id, fn, ctx, e);
	return app_end_read(a, rc);
}

int app_safeguarding_set(struct app *a, int64_t infant_id, const char *status, int32_t from, struct dy_err *e)
{
	int scope_rc = app_scope_record(a, SCOPE_OF_PERSON, infant_id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (scope_rc)
		return scope_rc;
	struct safeguarding sg = {.infant_id = infant_id, .started_on = from, .ended_on = DATE_NONE};
	if (validate_code("status", code_safeguarding, status, e))
		return DY_EINVAL;
	strcpy(sg.status, status);
	if (record_safeguarding_check(&sg, a->today, e))
		return DY_EINVAL;
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	struct person p;
	rc = store_person_get(a->db, infant_id, &p, e);
	if (!rc && strcmp(p.role, "infant") != 0)
		rc = dy_fail(e, DY_EINVAL, "infant", "person %lld is a caregiver: safeguarding status is the infant's",
		             (long long)infant_id);
	struct safeguarding cur;
	int have = rc ? 0 : store_safeguarding_current(a->db, infant_id, &cur, e);
	if (have < 0)
		rc = have;
	if (!rc && have && strcmp(cur.status, status) == 0)
		rc = dy_fail(e, DY_ECONFLICT, "status", "is already the infant's current status");
	if (!rc && have && from < cur.started_on)
		rc = dy_fail(e, DY_EINVAL, "from", "is before the current status began");
	if (!rc && !have && strcmp(status, "none") == 0)
		rc = dy_fail(e, DY_ECONFLICT, "status", "the infant has no safeguarding status to end");
	if (!rc && have)
		rc = store_safeguarding_end_current(a->db, infant_id, from, e);
	if (!rc)
		rc = store_safeguarding_insert(a->db, &sg, e);
	if (rc == DY_ECONFLICT && !e->field[0])
		dy_fail(e, DY_ECONFLICT, "from", "a period with this status already starts on this date");
	return app_end(a, rc, "safeguarding.set", "person", infant_id, status, e);
}

int app_safeguarding_history(struct app *a, int64_t infant_id, store_safeguarding_fn fn, void *ctx,
                             struct dy_err *e)
{
	int scope_rc = app_scope_record(a, SCOPE_OF_PERSON, infant_id, SCOPE_IDENTITY, NULL, e);
	if (scope_rc)
		return scope_rc;
	struct person p;
	int rc = app_begin_read(a, e);
	if (!rc)
		rc = store_person_get(a->db, infant_id, &p, e);
	if (!rc)
		rc = store_safeguarding_list(a->db, infant_id, fn, ctx, e);
	return app_end_read(a, rc);
}

struct infants {
	int64_t ids[16];
	int lost[16]; /* a pregnancy loss, stillbirth or death is recorded */
	int n;
};

static int collect_infant(void *ctx, const struct person *p)
{
	struct infants *in = ctx;
	if (strcmp(p->role, "infant") == 0 && in->n < 16) {
		in->lost[in->n] = p->loss[0] != '\0';
		in->ids[in->n++] = p->id;
	}
	return 0;
}

int app_discharge(struct app *a, int64_t episode_id, int32_t on, const char *reason, const int64_t *infant_ids,
                  const char *const *statuses, int n, const char *default_status, struct dy_err *e)
{
	return app_discharge_with_action(a, episode_id, on, reason, infant_ids, statuses, n, default_status, NULL, NULL,
	                                 e);
}

int app_discharge_with_action(struct app *a, int64_t episode_id, int32_t on, const char *reason,
                              const int64_t *infant_ids, const char *const *statuses, int n,
                              const char *default_status, const char *risk_action, const char *transferred_to,
                              struct dy_err *e)
{
	int rc = app_begin_on(a, SCOPE_OF_EPISODE, episode_id, SCOPE_CLINICAL_WRITE, NULL, e);
	if (rc)
		return rc;
	rc = app_discharge_in(a, episode_id, on, reason, infant_ids, statuses, n, default_status, risk_action,
	                      transferred_to, e);
	return app_end(a, rc, "discharge", "episode", episode_id, reason, e);
}

int app_discharge_in(struct app *a, int64_t episode_id, int32_t on, const char *reason, const int64_t *infant_ids,
                     const char *const *statuses, int n, const char *default_status, const char *risk_action,
                     const char *transferred_to, struct dy_err *e)
{
	if (validate_code("reason", code_discharge_reason, reason, e))
		return DY_EINVAL;
	int transfer = strcmp(reason, "transferred") == 0;
	int blank = 1;
	for (const char *c = transferred_to ? transferred_to : ""; *c; c++)
		blank &= *c == ' ' || *c == '\t';
	if (transfer && blank)
		return dy_fail(e, DY_EINVAL, "transferred-to", "is required: the team the family is transferred to");
	if (!transfer && !blank)
		return dy_fail(e, DY_EINVAL, "transferred-to", "is given only with the reason transferred");
	if (transfer && strlen(transferred_to) > 100)
		return dy_fail(e, DY_EINVAL, "transferred-to", "is longer than 100 characters");
	if (default_status && validate_code("care-status", code_care_status, default_status, e))
		return DY_EINVAL;
	for (int i = 0; i < n; i++)
		if (validate_code("care-status", code_care_status, statuses[i], e))
			return DY_EINVAL;
	int rc = 0;
	struct episode ep;
	struct infants in = {0};
	rc = store_episode_get(a->db, episode_id, &ep, e);
	if (!rc && ep.discharged_on != DATE_NONE)
		rc = dy_fail(e, DY_ECONFLICT, "referral", "referral %lld is already discharged", (long long)episode_id);
	if (!rc) {
		ep.discharged_on = on;
		strncpy(ep.discharge_reason, reason, sizeof ep.discharge_reason - 1);
		if (transfer)
			str_copy(ep.transferred_to, sizeof ep.transferred_to, transferred_to);
		rc = record_episode_check(&ep, a->today, e);
	}
	if (!rc)
		rc = store_person_list(a->db, ep.family_id, collect_infant, &in, e);
	for (int i = 0; !rc && i < n; i++) {
		int found = 0;
		for (int j = 0; j < in.n; j++)
			found |= in.ids[j] == infant_ids[i];
		if (!found)
			rc = dy_fail(e, DY_EINVAL, "care-status", "person %lld is not an infant of this family",
			             (long long)infant_ids[i]);
	}
	for (int j = 0; !rc && j < in.n; j++) {
		/* An infant who has died is never given a living care status by default. */
		const char *st = in.lost[j] ? "died" : default_status;
		for (int i = 0; i < n; i++)
			if (infant_ids[i] == in.ids[j])
				st = statuses[i];
		if (!st) {
			rc = dy_fail(e, DY_EINVAL, "care-status", "is required for infant %lld", (long long)in.ids[j]);
			break;
		}
		struct discharge_outcome o = {.episode_id = episode_id, .infant_id = in.ids[j]};
		strncpy(o.care_status, st, sizeof o.care_status - 1);
		rc = store_outcome_insert(a->db, &o, e);
	}
	if (!rc)
		rc = app_pathway_move(a, episode_id, EPISODE_DISCHARGED, on, reason, NULL, e);
	if (!rc)
		rc = app_risk_settle_episode(a, episode_id, risk_action, e);
	if (!rc)
		rc = store_episode_update(a->db, &ep, e);
	return rc;
}
