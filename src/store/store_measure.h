/* store_measure.h: administrations of outcome measures, stored with the
 * responses as given (item values separated by ';'). */
#ifndef DYAD_STORE_MEASURE_H
#define DYAD_STORE_MEASURE_H

#include "core/record.h"
#include "store/db.h"

typedef int (*store_measure_fn)(void *ctx, const struct measure *m);

/* Inserts m; DY_ECONFLICT when the same episode, respondent, instrument,
 * timepoint and date exist already. */
int store_measure_insert(db_t *db, struct measure *m, struct dy_err *e);

/* Calls fn for each measure of the episode (episode_id > 0) or of all, by
 * episode, date and id. */
int store_measure_list(db_t *db, int64_t episode_id, store_measure_fn fn, void *ctx, struct dy_err *e);

#endif
