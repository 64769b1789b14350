/* app_letter.h: letters to the referrer, the GP and the health visitor
 * (core/letter.h; docs/letters.md): made from the team's template files,
 * filled from the record, stored on the episode with who produced them, and
 * read back. Managers, clinicians and admin staff may make and read them;
 * an analyst never. The audit names the letter, its kind and recipient,
 * never a person's details. */
#ifndef DYAD_APP_LETTER_H
#define DYAD_APP_LETTER_H

#include "app/app.h"
#include "core/letter.h"
#include "core/record.h"
#include "store/store_letter.h"

/* The templates folder used when none is named: $DYAD_LETTERS when set and
 * not empty, else the source tree's config/letters. */
const char *app_letter_default_dir(void);

/* Reads <dir>/<kind>.html (dir NULL or "": the default) into *text (caller
 * frees) and checks it (letter_check): DY_ENOTFOUND when unreadable,
 * DY_EINVAL naming the file, line and field when bad. */
int app_letter_template(const char *dir, enum letter_kind kind, char **text, size_t *len, struct dy_err *e);

/* Makes a letter of kind to `to` for referral episode_id from the template
 * in dir, stores it and writes its id to *id. Refused (DY_ECONFLICT, field
 * "kind") for a decision letter before the triage decision and a discharge
 * letter before the discharge. */
int app_letter_make(struct app *a, int64_t episode_id, enum letter_kind kind, enum letter_to to, const char *dir,
                    int64_t *id, struct dy_err *e);

/* Calls fn for each letter of the referral (without its HTML), by id. */
int app_letter_list(struct app *a, int64_t episode_id, store_letter_fn fn, void *ctx, struct dy_err *e);

/* Calls fn with letter id and its HTML. */
int app_letter_get(struct app *a, int64_t id, store_letter_fn fn, void *ctx, struct dy_err *e);

/* Fills the letter's field values (indexed by enum letter_field) for the
 * referral ep into vals, using storage (LETTER_FIELD_COUNT slots of
 * LETTER_VALUE_MAX bytes); inside an open transaction. */
#define LETTER_VALUE_MAX 1024
int app_letter_values(struct app *a, const struct episode *ep, enum letter_to to,
                      char storage[LETTER_FIELD_COUNT][LETTER_VALUE_MAX], const char *vals[LETTER_FIELD_COUNT],
                      struct dy_err *e);

#endif
