/* view.h: what a clinician must see first on every view of a family or of
 * one of its referrals: each infant's current safeguarding status and every
 * risk flag not yet acknowledged, in words, with the next step. The facts
 * come from app/app_alerts.h; this file puts them into a show's document. */
#ifndef DYAD_CLI_VIEW_H
#define DYAD_CLI_VIEW_H

#include "app/app.h"
#include "cli/out.h"

/* Puts family_id's alerts at the top of document d: in a table as the
 * warning lines of cli/alerts.h, or "Safeguarding: no current status..."
 * when there is none; in JSON as the arrays "safeguarding" and
 * "unacknowledged_risks". Returns 0 or the error (e filled). */
int view_alerts(struct out_doc *d, struct app *app, int64_t family_id, struct dy_err *e);

#endif
