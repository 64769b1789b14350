/* app_correction_record.h: corrections with history of a referral, a
 * contact, a measure and a safeguarding period, and marking one entered in
 * error (issue 12; docs/corrections.md). Each is checked by the same rules
 * as on entry (a safeguarding period also keeps its infant to one current
 * status); the old and new value, who, when and why are kept as
 * corrections (the correction table, kinds "referral", "contact",
 * "measure" and "safeguarding"); a changed received or contact date moves
 * the referral's clocks (the migration 21 triggers) and a changed measure
 * is scored again. A referral's people are held to its family and roles
 * and, while it is open, none newly named may have another open referral
 * (app_referral_checks, app_referral_duplicates_refuse); a contact's
 * intervention to the catalogue when its kind or intervention changes, and
 * its practitioners and attendees (the link tables rewritten) to the team
 * and family (app_contact_people_check). Entered in error is the field
 * "entered_in_error" going from "" to "yes": the record is kept, hidden
 * from views and left out of reports and clocks, and the correction can be
 * undone as any other.
 * A family record is marked entered in error only once each of its
 * referrals is (DY_ECONFLICT otherwise); it is then hidden as a merged
 * family is. Referral, contact and family: booking staff; measure and
 * safeguarding: clinical staff. The audit names the record and the fields, never a value. */
#ifndef DYAD_APP_CORRECTION_RECORD_H
#define DYAD_APP_CORRECTION_RECORD_H

#include "app/app_correction.h"

/* Corrects record id of kind ("referral", "contact", "measure" or
 * "safeguarding"): n
 * changes, each field once, for reason, in one transaction; *first_id the
 * first correction's id (may be NULL). DY_EINVAL naming the field for a
 * value refused or "field" when nothing would change; DY_ECONFLICT for a
 * measure or period then recorded twice, or a second current status. */
int app_record_correct(struct app *a, const char *kind, int64_t id, const struct correction_change *ch, int n,
                       const char *reason, int64_t *first_id, struct dy_err *e);

/* Marks record id of kind (also "family") entered in error for reason (a
 * correction of entered_in_error to "yes", its id to *cid); DY_ECONFLICT
 * when it is marked already, or for a family one of whose referrals is
 * not. */
int app_record_error(struct app *a, const char *kind, int64_t id, const char *reason, int64_t *cid,
                     struct dy_err *e);

/* Calls fn for the corrections of record id of kind, oldest first (the
 * scope is the record's referral's, read by booking staff); the read is
 * audited. */
int app_record_history(struct app *a, const char *kind, int64_t id, store_correction_fn fn, void *ctx,
                       struct dy_err *e);

/* Undoes correction c (of a referral, contact, measure or safeguarding
 * period) for reason, as
 * app_correction_revert does for a person's. */
int app_record_revert(struct app *a, const struct correction *c, const char *reason, int64_t *new_id,
                      struct dy_err *e);

/* The fields that can be corrected of record id of kind (also "family")
 * into *fields (NULL-terminated, at most CORRECTION_RECORD_FIELDS_MAX),
 * their values as held into values, the record's family into *family_id
 * and whether it is entered in error into *in_error (may be NULL), for
 * those who may correct it (as app_record_correct); the read is audited. */
#define CORRECTION_RECORD_FIELDS_MAX 10
int app_record_values(struct app *a, const char *kind, int64_t id, const char *const **fields,
                      char (*values)[CORRECTION_VALUE_MAX], int64_t *family_id, int *in_error, struct dy_err *e);

#endif
