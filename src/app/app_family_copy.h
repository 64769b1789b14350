/* app_family_copy.h: a family's own copy of what the team holds about it
 * (subject access; docs/subject-access.md): people, referrals and their
 * history, contacts, appointments, safeguarding periods, measures with
 * scores, goals and ratings, care plans, notes (addenda and notes entered
 * in error marked as such), letters, feedback and corrections, as one JSON
 * document and the same data as a readable HTML document. Nothing of
 * another family, and no audit entries: staff appear only as the authors
 * of what they wrote. Manager and clinician only (the roles that see
 * notes); every copy is audited as `family.copy` naming the family id. */
#ifndef DYAD_APP_FAMILY_COPY_H
#define DYAD_APP_FAMILY_COPY_H

#include <jansson.h>

#include "app/app.h"
#include "util/buf.h"

/* Reads everything held about family_id in one read transaction into *doc
 * (the caller json_decref's it); no audit entry (the callers below write
 * it). DY_ENOTFOUND for no such family, DY_EFORBIDDEN for a role that may
 * not see notes. */
int app_family_copy_read(struct app *a, int64_t family_id, json_t **doc, struct dy_err *e);

/* Renders doc (app_family_copy_read's) as one self-contained HTML document
 * into out: inline CSS, no scripts, a heading per section, UK dates, every
 * value escaped. 0, or DY_EINVAL when out's limit is reached. */
int app_family_copy_html(const json_t *doc, struct buf *out, struct dy_err *e);

/* Writes family-ID.html and family-ID.json into the new folder dir, all or
 * nothing (a private folder renamed into place); a dir that exists and is
 * not an empty folder is refused (DY_ECONFLICT). Audited as family.copy. */
int app_family_copy(struct app *a, int64_t family_id, const char *dir, struct dy_err *e);

/* The copy as one document in out, HTML (html 1) or JSON (html 0), for a
 * download. Audited as family.copy. */
int app_family_copy_get(struct app *a, int64_t family_id, int html, struct buf *out, struct dy_err *e);

#endif
