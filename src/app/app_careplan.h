/* app_careplan.h: care plans: the interventions chosen for an episode from
 * the team's catalogue (docs/interventions.md), their practitioners and
 * goals, status moves, and progress (sessions delivered, from the
 * contacts, against planned). Each change is one transaction and one audit
 * entry; each call checks the acting user's role and team first. */
#ifndef DYAD_APP_CAREPLAN_H
#define DYAD_APP_CAREPLAN_H

#include "app/app.h"
#include "store/store_careplan.h"

/* Adds plan item p (episode_id, intervention, start_on, planned_sessions
 * (0: the catalogue's), status planned or active, practitioners, goals of
 * the same episode) after core/careplan.h's checks against the catalogue at
 * catalogue_path (NULL: intervention_default_path()); every practitioner
 * must exist and every goal belong to the episode. p->id is written back. */
int app_careplan_add(struct app *a, struct care_plan *p, const char *catalogue_path, struct dy_err *e);

/* Moves plan id to status `to` on date `on` (reason: stopped_early only). */
int app_careplan_move(struct app *a, int64_t id, enum careplan_status to, int32_t on, const char *reason,
                      struct dy_err *e);

/* Calls fn for each plan of the episode with its delivered sessions, in
 * start order, inside one read transaction. */
int app_careplan_list(struct app *a, int64_t episode_id, store_careplan_fn fn, void *ctx, struct dy_err *e);

/* Loads plan id with its delivered sessions. */
int app_careplan_get(struct app *a, int64_t id, struct care_plan *p, struct dy_err *e);

#endif
