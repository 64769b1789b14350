/* app_measure_views.h: a referral's measures with their scores and flags,
 * loaded at once (app/ only: shared by listing and change). */
#ifndef DYAD_APP_MEASURE_VIEWS_H
#define DYAD_APP_MEASURE_VIEWS_H

#include "app/app_measure.h"

struct views {
	struct measure_view *v; /* heap: free(v) */
	int n, cap;
};

/* Loads every measure of the episode with its scores and flags into vs;
 * DY_ENOTFOUND for an unknown referral (vs then empty). */
int app_measure_load_views(struct app *a, int64_t episode_id, struct views *vs, struct dy_err *e);

#endif
