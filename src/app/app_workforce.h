/* app_workforce.h: the team's work with the wider workforce (core/
 * workforce.h; docs/workforce.md): record and list training events,
 * consultations and supervision sessions, and read the workforce figures of
 * a period. Recording and listing are for manager and clinician (the lists
 * hold free text and names); the figures are for the roles that see the
 * team's aggregates (analysts included). Free text and names are never
 * written to the audit or an error. */
#ifndef DYAD_APP_WORKFORCE_H
#define DYAD_APP_WORKFORCE_H

#include "app/app.h"
#include "store/store_workforce.h"

/* Records training event t for the team after wf_check_training and a check
 * that every trainer is a practitioner; t->id written back. */
int app_training_add(struct app *a, struct wf_training *t, struct dy_err *e);

/* Records consultation c after wf_check_consultation; the practitioner must
 * exist, and a family, if named, must be one of the team's ("family",
 * DY_EINVAL otherwise); c->id written back. */
int app_consultation_add(struct app *a, struct wf_consultation *c, struct dy_err *e);

/* Records supervision session s after wf_check_supervision and a check of
 * its practitioner; s->id written back. */
int app_supervision_add(struct app *a, struct wf_supervision *s, struct dy_err *e);

/* Call fn for each of the team's records dated in [from, to] (DATE_NONE:
 * open), by date. A consultation list audits each family it names ('list'
 * entries) before fn is first called. */
int app_training_list(struct app *a, int32_t from, int32_t to, store_training_fn fn, void *ctx, struct dy_err *e);
int app_consultation_list(struct app *a, int32_t from, int32_t to, store_consultation_fn fn, void *ctx,
                          struct dy_err *e);
int app_supervision_list(struct app *a, int32_t from, int32_t to, store_supervision_fn fn, void *ctx,
                         struct dy_err *e);

/* The workforce figures of [from, to] into *s (initialised here; free with
 * wf_summary_free, also on failure), read in one read transaction: of the
 * team with code team (one of the user's, else DY_ENOTFOUND "no such
 * team"), or with team NULL the server's team, or for the network role
 * every team it is given, summed into the one summary. */
int app_workforce_summary(struct app *a, int32_t from, int32_t to, const char *team, struct wf_summary *s,
                          struct dy_err *e);

#endif
