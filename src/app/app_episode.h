/* app_episode.h: use cases for referrals (episodes of care), contacts,
 * safeguarding status and discharge. */
#ifndef DYAD_APP_EPISODE_H
#define DYAD_APP_EPISODE_H

#include "app/app.h"
#include "core/record.h"
#include "store/store_episode.h"
#include "store/store_measure.h"
#include "store/store_safeguarding.h"

/* Logs a referral for ep->family_id: the infant must be an infant of that
 * family, the caregiver (optional) a caregiver of it. Writes ep->id. */
int app_referral_add(struct app *a, struct episode *ep, struct dy_err *e);

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

/* Records a contact on c->episode_id: codes checked, date within the
 * episode, attendees people of the family, practitioners known. */
int app_contact_add(struct app *a, struct contact *c, struct dy_err *e);

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

/* Discharges an open episode on `on` for `reason`, recording each infant's
 * care status: statuses[i] for infant_ids[i]; any infant of the family not
 * listed takes default_status (may be NULL: then every infant must be
 * listed). */
int app_discharge(struct app *a, int64_t episode_id, int32_t on, const char *reason, const int64_t *infant_ids,
                  const char *const *statuses, int n, const char *default_status, struct dy_err *e);

/* Records a measure's responses on m->episode_id (respondent a person of
 * the family). */
int app_measure_add(struct app *a, struct measure *m, struct dy_err *e);

#endif
