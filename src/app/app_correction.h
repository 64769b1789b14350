/* app_correction.h: corrections with history (issue 12;
 * docs/corrections.md). A person's details can be corrected after entry:
 * the corrected person is checked by the same rules as on entry, and each
 * changed field's old and new value, who, when and why are kept and shown
 * in the record's history. A correction can be undone (itself a correction
 * that writes the old value back, if the field still holds the value it
 * set). Names and NHS number corrected are found by `dyad find` at once.
 * Booking staff (manager, clinician, admin_staff) may correct; the audit
 * names the person and the fields, never a value. */
#ifndef DYAD_APP_CORRECTION_H
#define DYAD_APP_CORRECTION_H

#include "app/app.h"
#include "store/store_correction.h"

/* One field to correct and its new value in text form (correction.h). */
struct correction_change {
	const char *field;
	const char *value;
};

/* 0 when no field of ch[0..n) is given twice; else DY_EINVAL naming it. */
int app_correction_distinct(const struct correction_change *ch, int n, struct dy_err *e);

/* Corrects person id's fields (n changes, each field once) for reason, in
 * one transaction; *first_id receives the first correction's id (may be
 * NULL). DY_EINVAL naming the field for a value refused, or "field" when
 * nothing would change; DY_ECONFLICT when the NHS number is another
 * person's. */
int app_person_correct(struct app *a, int64_t id, const struct correction_change *ch, int n, const char *reason,
                       int64_t *first_id, struct dy_err *e);

/* Undoes correction id for reason: its field gets its old value back (a new
 * correction, reverts = id, its id to *new_id). DY_ECONFLICT when it has
 * been undone already or the field has changed since. */
int app_correction_revert(struct app *a, int64_t id, const char *reason, int64_t *new_id, struct dy_err *e);

/* Person id as held (for the correction form); the read is audited. */
int app_person_get(struct app *a, int64_t id, struct person *p, struct dy_err *e);

/* Correction id (for the history's links). */
int app_correction_get(struct app *a, int64_t id, struct correction *c, struct dy_err *e);

/* Calls fn for the corrections of person id (person_id > 0) or of every
 * record of family family_id, oldest first, then (for a family) its merges
 * as app_merge_history gives them; the read is audited. */
int app_history(struct app *a, int64_t person_id, int64_t family_id, store_correction_fn fn, void *ctx,
                struct dy_err *e);

#endif
