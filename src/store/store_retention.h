/* store_retention.h: what the retention rules read of every family
 * (core/retention.h): its people's roles and dates, and its care. */
#ifndef DYAD_STORE_RETENTION_H
#define DYAD_STORE_RETENTION_H

#include <stddef.h>
#include <stdint.h>

#include "core/retention.h"
#include "store/db.h"

#define STORE_RETENTION_MAX_PEOPLE 32 /* people of one family read; more are ignored (never reached) */

/* One family as the rules see it. */
struct store_retention_family {
	int64_t id;
	int64_t team_id;
	struct retention_care care; /* open: an episode neither discharged nor closed at triage;
	                               last_ended: the latest discharge or triage closing date, else
	                               (no episode at all) the day the family was recorded */
	int32_t last_episode_ended; /* the latest end of an episode, DATE_NONE when none ended */
	struct retention_person people[STORE_RETENTION_MAX_PEOPLE];
	size_t n;
};

typedef int (*store_retention_fn)(void *ctx, const struct store_retention_family *f);

/* Calls fn for every family not merged into another, in id order; stops at fn's first nonzero
 * return and returns it; else 0 or a negative store code. */
int store_retention_each(db_t *db, store_retention_fn fn, void *ctx, struct dy_err *e);

#endif
