/* store_goal.h: goal-based outcomes: up to three goals per episode in the
 * family's own words, each rated 0-10 over time. The rules are core/goal.h's;
 * callers (app/) check them and hold the transaction. */
#ifndef DYAD_STORE_GOAL_H
#define DYAD_STORE_GOAL_H

#include "core/goal.h"
#include "store/db.h"

struct goal {
	int64_t id;
	int64_t episode_id;
	int position;               /* 1-3 */
	char text[GOAL_TEXT_MAX + 1]; /* the family's own words */
	int32_t set_on;
};

struct goal_rating {
	int64_t goal_id;
	int32_t date;
	int rating;                 /* 0-10 */
};

typedef int (*store_goal_fn)(void *ctx, const struct goal *g);
typedef int (*store_goal_rating_fn)(void *ctx, const struct goal_rating *r);

/* Inserts g (id 0: a new id written back; positive: that id, for import).
 * DY_ECONFLICT when the episode already has a goal at that position or the
 * id is taken. */
int store_goal_insert(db_t *db, struct goal *g, struct dy_err *e);

/* Loads goal id; DY_ENOTFOUND if absent. */
int store_goal_get(db_t *db, int64_t id, struct goal *g, struct dy_err *e);

/* Goals of an episode so far (0-3) into *n. */
int store_goal_count(db_t *db, int64_t episode_id, int *n, struct dy_err *e);

/* Calls fn for each goal of the episode (episode_id > 0) or all, by
 * episode and position. */
int store_goal_list(db_t *db, int64_t episode_id, store_goal_fn fn, void *ctx, struct dy_err *e);

/* Inserts a rating; DY_ECONFLICT when the goal is already rated that day. */
int store_goal_rating_insert(db_t *db, const struct goal_rating *r, struct dy_err *e);

/* Calls fn for each rating of the goal (goal_id > 0) or of all goals, by
 * goal and date. */
int store_goal_rating_list(db_t *db, int64_t goal_id, store_goal_rating_fn fn, void *ctx, struct dy_err *e);

#endif
