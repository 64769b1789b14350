/* app_episode.h: use cases for referrals (episodes of care), contacts,
 * safeguarding status and discharge. */
#ifndef DYAD_APP_EPISODE_H
#define DYAD_APP_EPISODE_H

#include "app/app.h"
#include "core/eligibility.h"
#include "core/intervention.h"
#include "core/record.h"
#include "store/store_episode.h"
#include "store/store_measure.h"
#include "store/store_safeguarding.h"

/* Logs a referral for ep->family_id: the infant must be an infant of that
 * family, the caregiver (optional) a caregiver of it. Writes ep->id and
 * records the episode's opening: the `received` event and state, or for a
 * referral that arrives with a decision (and discharge), the events and state
 * its data imply (app_pathway_open). Does not look for duplicates: use
 * app_referral_add_with for a new referral entered by a person. */
int app_referral_add(struct app *a, struct episode *ep, struct dy_err *e);

/* The pathway facts of a new referral, and whether to log it despite
 * duplicates. */
struct referral_extra {
	const char *programme;                     /* "" / NULL: none; else a programme code */
	enum eligibility_answer first_time_parent; /* is the referred caregiver a first-time parent? */
	int allow_duplicate;                       /* log even when duplicates are found */
};

#define REFERRAL_DUPLICATES_MAX 16

/* Open referrals that look like the same infant or caregiver. */
struct referral_duplicates {
	int64_t ids[REFERRAL_DUPLICATES_MAX]; /* referral ids, ascending */
	size_t n;                             /* how many in ids */
	size_t total;                         /* how many found (may exceed REFERRAL_DUPLICATES_MAX) */
};

/* Adds to d the open referrals whose infant or caregiver looks like p (same
 * NHS number, or same family name and date of birth; p itself, by p->id,
 * left out): no id twice, ids ascending, d->total counting those beyond
 * REFERRAL_DUPLICATES_MAX. Read-only; the caller holds the transaction. */
int app_duplicates_add(struct app *a, const struct person *p, struct referral_duplicates *d, struct dy_err *e);

/* Looks for open episodes (received .. in intervention) whose infant or
 * caregiver is ep's infant or caregiver, or has the same NHS number, or the
 * same family name and date of birth. Read-only: for a form to show before
 * the referral is saved. */
int app_referral_duplicates(struct app *a, const struct episode *ep, struct referral_duplicates *d,
                            struct dy_err *e);

/* app_referral_add with the programme and first-time-parent facts, after
 * the duplicate check: when duplicates are found (listed in *d, which may be
 * NULL) and x->allow_duplicate is 0, nothing is saved and DY_ECONFLICT
 * (field "referral") names the open referrals. x may be NULL (no facts,
 * duplicates refused). */
int app_referral_add_with(struct app *a, struct episode *ep, const struct referral_extra *x,
                          struct referral_duplicates *d, struct dy_err *e);

/* Checks ep's people and earlier referral inside the caller's transaction:
 * its infants infants of its family, its caregiver (if any) a caregiver of
 * it, its earlier referral (if any) the family's, received before it and
 * closed; the rules of a referral on entry and on correction. */
int app_referral_checks(struct app *a, const struct episode *ep, struct dy_err *e);

/* Drops referral self (0: none) from d (as app_referral_duplicates found
 * it), then refuses with DY_ECONFLICT (field "referral") naming what is
 * left, if anything: the infant or caregiver already has an open referral. */
int app_referral_duplicates_refuse(struct referral_duplicates *d, int64_t self, struct dy_err *e);

/* Inserts ep (a new id), opens its pathway and stores x's programme and
 * first-time-parent facts (x may be NULL), inside the caller's write
 * transaction, after its checks: 0 or the store's code. */
int app_referral_insert(struct app *a, struct episode *ep, const struct referral_extra *x, struct dy_err *e);

/* Lists referrals of one family (family_id > 0) or all. */
int app_referral_list(struct app *a, int64_t family_id, store_episode_fn fn, void *ctx, struct dy_err *e);

/* Everything about one referral. Free with app_referral_view_free. */
struct referral_view {
	struct episode episode;
	struct contact *contacts;
	int ncontacts;
	struct measure *measures;
	int nmeasures;
	struct discharge_outcome *outcomes;
	int noutcomes;
};
int app_referral_view(struct app *a, int64_t id, struct referral_view *v, struct dy_err *e);
void app_referral_view_free(struct referral_view *v);

/* Records a contact on c->episode_id: codes checked, its intervention one
 * of the team's catalogue at catalogue_path (NULL: $DYAD_INTERVENTIONS or
 * the shipped file; intervention_contact_check), date within the episode,
 * attendees people of the family, practitioners known. An attended
 * assessment or intervention moves the episode's state on where the pathway
 * allows (app_pathway_after_contact). */
int app_contact_add(struct app *a, struct contact *c, const char *catalogue_path, struct dy_err *e);

/* The rules a contact meets on entry and on correction: its codes,
 * duration and date within the referral (record_contact_check), not in the
 * future, and its intervention held to cat (not when cat is NULL). */
int app_contact_rules(const struct app *a, const struct contact *c, const struct episode *ep,
                      const struct intervention_catalogue *cat, struct dy_err *e);

/* app_contact_add's checks and writes inside the caller's write transaction
 * and scope check (a group session records one contact per family); the
 * intervention is held to cat, or not checked against a catalogue when cat
 * is NULL (the caller has: a group run's programme); *moved is the state
 * the episode moved to, or -1. */
int app_contact_write(struct app *a, struct contact *c, const struct intervention_catalogue *cat, int *moved,
                      struct dy_err *e);

/* Checks, inside the caller's transaction, that each attendee is a person
 * of family_id and each practitioner exists (field "attendees" or
 * "practitioners" named when not): a contact's and a booking's people. */
int app_contact_people_check(struct app *a, int64_t family_id, const int64_t *practitioners, int n_practitioners,
                             const int64_t *attendees, int n_attendees, struct dy_err *e);

/* Lists an episode's contacts by date. */
int app_contact_list(struct app *a, int64_t episode_id, store_contact_fn fn, void *ctx, struct dy_err *e);

/* Sets the infant's safeguarding status from date `from`: the current
 * period (if any) ends on `from` and a new one starts; status "none" records
 * a step down to no plan. Refused if the status is already current or
 * `from` is before the current period's start. */
int app_safeguarding_set(struct app *a, int64_t infant_id, const char *status, int32_t from, struct dy_err *e);

/* The infant's safeguarding history, oldest first. */
int app_safeguarding_history(struct app *a, int64_t infant_id, store_safeguarding_fn fn, void *ctx,
                             struct dy_err *e);

/* Discharges an open episode on `on` for `reason` (the discharged move of
 * the pathway: refused for a declined or signposted referral, or dated
 * before the current state began), recording each infant's
 * care status: statuses[i] for infant_ids[i]; any infant of the family not
 * listed takes default_status (may be NULL: then every infant must be
 * listed). */
int app_discharge(struct app *a, int64_t episode_id, int32_t on, const char *reason, const int64_t *infant_ids,
                  const char *const *statuses, int n, const char *default_status, struct dy_err *e);

/* As app_discharge; a referral with a risk flag not yet acknowledged is
 * refused (DY_ECONFLICT, field "risk-action") unless risk_action gives the
 * action taken, which then acknowledges every open flag of the referral in
 * the same transaction (app_risk_settle_episode). A discharge for the
 * reason "transferred" needs transferred_to, the team the family goes to
 * (refused without it, field "transferred-to"; up to 100 characters).
 * app_discharge is this with no action and no destination. */
int app_discharge_with_action(struct app *a, int64_t episode_id, int32_t on, const char *reason,
                              const int64_t *infant_ids, const char *const *statuses, int n,
                              const char *default_status, const char *risk_action, const char *transferred_to,
                              struct dy_err *e);

/* app_discharge_with_action's work inside a transaction the caller has
 * opened and will end (no scope check, no audit entry): for a use case
 * that discharges as one of its steps (app_infant_loss). */
int app_discharge_in(struct app *a, int64_t episode_id, int32_t on, const char *reason, const int64_t *infant_ids,
                     const char *const *statuses, int n, const char *default_status, const char *risk_action,
                     const char *transferred_to, struct dy_err *e);


#endif
