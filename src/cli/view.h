/* view.h: what a clinician must see first on every view of a family or of
 * one of its referrals: each infant's current safeguarding status and every
 * risk flag not yet acknowledged, in words, with the next step. */
#ifndef DYAD_CLI_VIEW_H
#define DYAD_CLI_VIEW_H

#include "app/app_family.h"
#include "cli/out.h"

/* Puts the family's alerts at the top of document d: in a table as lines
 * ("! SAFEGUARDING: ...", "! RISK not yet acknowledged: ..."), or
 * "Safeguarding: no current status." when there is none; in JSON as the
 * arrays "safeguarding" and "unacknowledged_risks". */
void view_alerts(struct out_doc *d, struct app *app, const struct family_view *v);

/* The label of risk flag id from the loaded definitions ("PHQ-9 item 9:
 * thoughts of self-harm"), else the id itself. */
void view_risk_label(struct app *app, const char *risk, char *out, size_t n);

#endif
