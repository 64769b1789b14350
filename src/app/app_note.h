/* app_note.h: case notes (issue 12; docs/notes.md). A note belongs to a
 * referral (episode) and may name one of its contacts; it is a draft until
 * its author signs it, and once signed it is never changed or deleted: it
 * can only be followed by an addendum (signed as it is written) or marked
 * entered in error with a reason, which hides it from the default view but
 * keeps it. Notes are clinical free text: only roles with clinical access
 * (manager, clinician, the local operator) may read or write them; their
 * text never goes into the audit, a log or an error message. */
#ifndef DYAD_APP_NOTE_H
#define DYAD_APP_NOTE_H

#include "app/app.h"
#include "store/store_note.h"

/* Adds a note by the acting user to n->episode_id (n->contact_id 0 or one
 * of its contacts; n->kind; n->text), signed at once when sign is set.
 * Writes n->id and the stamps back. */
int app_note_add(struct app *a, struct note *n, int sign, struct dy_err *e);

/* Replaces the kind (NULL or "": unchanged) and text of a draft; only its
 * author may, and never once it is signed (DY_ECONFLICT). */
int app_note_edit(struct app *a, int64_t id, const char *kind, const char *text, struct dy_err *e);

/* Signs a draft; only its author may (DY_ECONFLICT otherwise or when it is
 * already signed). */
int app_note_sign(struct app *a, int64_t id, struct dy_err *e);

/* Follows signed note id with an addendum in the acting user's words,
 * signed as it is written; the original is unchanged. Writes the new
 * note's id to *addendum_id. */
int app_note_addendum(struct app *a, int64_t id, const char *text, int64_t *addendum_id, struct dy_err *e);

/* Marks signed note id entered in error, with the reason (kept, hidden from
 * the default view). */
int app_note_error(struct app *a, int64_t id, const char *reason, struct dy_err *e);

/* Calls fn for the referral's notes, oldest first: signed notes and the
 * acting user's own drafts; with all set, also notes entered in error.
 * Other authors' drafts are never listed. The read is audited. */
int app_note_list(struct app *a, int64_t episode_id, int all, store_note_fn fn, void *ctx, struct dy_err *e);

/* One note (as app_note_list would show it) into n, its text into text
 * (cap bytes, NOTE_TEXT_BYTES + 1 holds any); DY_ENOTFOUND for another
 * author's draft. The read is audited. */
int app_note_get(struct app *a, int64_t id, struct note *n, char *text, unsigned cap, struct dy_err *e);

#endif
