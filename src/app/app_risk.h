/* app_risk.h: risk flags after they are raised (docs/measures.md, "Risk
 * flags"). A flag raised at scoring stays open until a clinician
 * acknowledges it, recording who, when and the action taken (a required
 * text); every view of the family, the caseload and the waiting list show
 * open flags in words; a referral with an open flag is not discharged
 * unless the action taken is recorded with the discharge; `dyad risks`
 * lists the team's flags left open too long. */
#ifndef DYAD_APP_RISK_H
#define DYAD_APP_RISK_H

#include "app/app.h"
#include "store/store_score.h"

/* Days after which `dyad risks` lists an open flag when no other number
 * is given (docs/measures.md). */
#define RISK_OLDER_THAN_DEFAULT 2

/* Checks an action-taken text: required, at most RISK_ACTION_MAX bytes,
 * no control characters. field names the option in the error. */
int app_risk_action_check(const char *field, const char *action, struct dy_err *e);

/* Fills r->label with the flag's words from the loaded definition (or a
 * plain fallback naming the instrument when it is not loaded). */
void app_risk_label(struct app *a, struct stored_risk *r);

/* Acknowledges every open flag of the measure by the app's actor, today,
 * with the action taken. *count is how many. DY_ENOTFOUND for an unknown
 * measure, DY_ECONFLICT when it has no open flag, DY_EINVAL for a missing
 * or bad action. */
int app_risk_acknowledge(struct app *a, int64_t measure_id, const char *action, int *count, struct dy_err *e);

/* The open flags of a family (family_id > 0), labelled, oldest first. */
int app_risks_of_family(struct app *a, int64_t family_id, store_risk_fn fn, void *ctx, struct dy_err *e);

/* The open flags of the n families family_ids (ascending, already checked
 * to be the caller's team's), labelled, by family then oldest first, in a
 * few statements; needs a clinical role. */
int app_risks_of_families(struct app *a, const int64_t *family_ids, size_t n, store_risk_fn fn, void *ctx,
                          struct dy_err *e);

/* The team's open flags raised on a measure dated at least older_than
 * days before today, labelled, oldest first. older_than < 0 is refused. */
int app_risks_open(struct app *a, int older_than, store_risk_fn fn, void *ctx, struct dy_err *e);

/* Within the caller's transaction: refuses (DY_ECONFLICT, field
 * "risk-action") when the episode has open flags and action is NULL or "";
 * else acknowledges them all with the action. */
int app_risk_settle_episode(struct app *a, int64_t episode_id, const char *action, struct dy_err *e);

#endif
