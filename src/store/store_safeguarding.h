/* store_safeguarding.h: each infant's safeguarding status history: periods
 * with a start and (once over) an end date. */
#ifndef DYAD_STORE_SAFEGUARDING_H
#define DYAD_STORE_SAFEGUARDING_H

#include "core/record.h"
#include "store/db.h"

typedef int (*store_safeguarding_fn)(void *ctx, const struct safeguarding *s);

/* Inserts a period (with its id when s->id > 0, else a new one);
 * DY_ECONFLICT when the same infant, status and start date exist already.
 * Periods entered in error (migration 21) are left out of the current
 * period, its ending and an infant's list below; the list of everyone (an
 * export) keeps them. */
int store_safeguarding_insert(db_t *db, const struct safeguarding *s, struct dy_err *e);

/* Ends the infant's current period (ended_on NULL) on `on`; no current
 * period is not an error. */
int store_safeguarding_end_current(db_t *db, int64_t infant_id, int32_t on, struct dy_err *e);

/* The infant's current period into *out; returns 1 when found, 0 when the
 * infant has none, negative on error. */
int store_safeguarding_current(db_t *db, int64_t infant_id, struct safeguarding *out, struct dy_err *e);

/* As store_safeguarding_current for the n infants infant_ids (ascending):
 * calls fn with the current period of each that has one, by infant. */
int store_safeguarding_current_many(db_t *db, const int64_t *infant_ids, size_t n, store_safeguarding_fn fn,
                                    void *ctx, struct dy_err *e);

/* Calls fn for each period of the infant (infant_id > 0) or of everyone,
 * by infant then start date. */
int store_safeguarding_list(db_t *db, int64_t infant_id, store_safeguarding_fn fn, void *ctx, struct dy_err *e);

#endif
