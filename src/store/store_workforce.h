/* store_workforce.h: the team's workforce activity in the database:
 * training events with their trainers and attendee rows, consultations
 * and supervision sessions (core/workforce.h). Callers (app/) check the
 * rules, the team and hold the transaction. */
#ifndef DYAD_STORE_WORKFORCE_H
#define DYAD_STORE_WORKFORCE_H

#include "core/workforce.h"
#include "store/db.h"

typedef int (*store_training_fn)(void *ctx, const struct wf_training *t);
typedef int (*store_consultation_fn)(void *ctx, const struct wf_consultation *c);
typedef int (*store_supervision_fn)(void *ctx, const struct wf_supervision *s);

/* Inserts t with its trainers and attendee rows; t->id given (an import
 * keeping the files' ids) or 0 for the next, written back. */
int store_training_insert(db_t *db, struct wf_training *t, struct dy_err *e);

/* Inserts one attendee row of event event_id; DY_ECONFLICT when the event
 * counts that profession and organisation already. */
int store_training_attendees_insert(db_t *db, int64_t event_id, const struct wf_attendees *a, struct dy_err *e);

/* Inserts c (c->id given or 0, written back). */
int store_consultation_insert(db_t *db, struct wf_consultation *c, struct dy_err *e);

/* Inserts s (s->id given or 0, written back). */
int store_supervision_insert(db_t *db, struct wf_supervision *s, struct dy_err *e);

/* Call fn for each record of team_id dated in [from, to] (DATE_NONE:
 * unbounded at that end), by date then id; training events with their
 * trainers and attendee rows. */
int store_training_list(db_t *db, int64_t team_id, int32_t from, int32_t to, store_training_fn fn, void *ctx,
                        struct dy_err *e);
int store_consultation_list(db_t *db, int64_t team_id, int32_t from, int32_t to, store_consultation_fn fn,
                            void *ctx, struct dy_err *e);
int store_supervision_list(db_t *db, int64_t team_id, int32_t from, int32_t to, store_supervision_fn fn, void *ctx,
                           struct dy_err *e);

/* The ids of team_id's families, ascending, into *ids (allocated; the
 * caller frees), their number in *n. */
int store_workforce_family_ids(db_t *db, int64_t team_id, int64_t **ids, size_t *n, struct dy_err *e);

#endif
