/* store_careplan.h: care plans in the database: one row per intervention
 * chosen for an episode, its practitioners and linked goals, and the count
 * of sessions delivered from the episode's contacts. The rules are
 * core/careplan.h's; callers (app/) check them and hold the transaction. */
#ifndef DYAD_STORE_CAREPLAN_H
#define DYAD_STORE_CAREPLAN_H

#include "core/careplan.h"
#include "store/db.h"

struct care_plan {
	int64_t id;
	int64_t episode_id;
	char intervention[INTERVENTION_CODE_MAX];
	int32_t start_on;
	int planned_sessions;
	enum careplan_status status;
	int32_t status_on;                          /* the day of the last move; DATE_NONE while planned */
	char stop_reason[CAREPLAN_REASON_MAX + 1];  /* stopped_early only */
	char created_by[64];
	int64_t practitioners[CAREPLAN_MAX_PRACTITIONERS];
	int n_practitioners;
	int64_t goals[CAREPLAN_MAX_GOALS];
	int n_goals;
	int delivered;                              /* attended contacts naming the intervention (store_careplan_list, _get) */
	/* Worked out by app_careplan_list and _get from the catalogue and the
	 * infant (core/careplan.h), not stored: */
	int32_t planned_end;                        /* DATE_NONE: none planned */
	int visit_every_days;                       /* the catalogue's home-visit frequency; 0: none */
	int visits_expected;                        /* visits due by today, or by the plan's end */
};

typedef int (*store_careplan_fn)(void *ctx, const struct care_plan *p);

/* Inserts p with its practitioner and goal links, as id p->id (0: the next
 * id); p->id is written back. */
int store_careplan_insert(db_t *db, struct care_plan *p, struct dy_err *e);

/* Loads plan id with its links and delivered count; DY_ENOTFOUND if absent. */
int store_careplan_get(db_t *db, int64_t id, struct care_plan *p, struct dy_err *e);

/* Sets the plan's status, its date and (stopped_early) reason;
 * DY_ENOTFOUND if absent. */
int store_careplan_set_status(db_t *db, int64_t id, enum careplan_status status, int32_t on, const char *reason,
                              struct dy_err *e);

/* Calls fn for each plan of the episode, by start date then id (episode_id
 * 0: every plan, by id), links and delivered count filled. */
int store_careplan_list(db_t *db, int64_t episode_id, store_careplan_fn fn, void *ctx, struct dy_err *e);

/* Sessions delivered for a plan: attended contacts of episode_id naming
 * intervention, dated from `from` up to `to` (DATE_NONE: no end). */
int store_careplan_delivered(db_t *db, int64_t episode_id, const char *intervention, int32_t from, int32_t to,
                             int *out, struct dy_err *e);

#endif
