/* app_referral_new.h: a referral of a family new to the team, as the web
 * form takes it: the caregiver, the infant (or pregnancy) and the referral
 * saved together in one transaction with one audit entry, so that a refused
 * referral leaves no family or person behind. */
#ifndef DYAD_APP_REFERRAL_NEW_H
#define DYAD_APP_REFERRAL_NEW_H

#include "app/app_episode.h"

/* Open referrals that may be the same people: the NHS number of either
 * person, or the same family name and date of birth. Read-only (for the
 * form's warning before saving). The people are checked first
 * (record_person_check; DY_EINVAL naming the field). */
int app_referral_new_duplicates(struct app *a, struct person *caregiver, struct person *infant,
                                struct referral_duplicates *d, struct dy_err *e);

/* Creates the family, the caregiver (role caregiver), the infant (role
 * infant) and the referral ep (received_on, source; family and people ids
 * are filled in), with the facts in x; refused with DY_ECONFLICT (field
 * "referral") when duplicates are found and x->allow_duplicate is 0.
 * Writes the new ids into caregiver->id, infant->id, ep->family_id, ep->id. */
int app_referral_new(struct app *a, struct person *caregiver, struct person *infant, struct episode *ep,
                     const struct referral_extra *x, struct referral_duplicates *d, struct dy_err *e);

#endif
