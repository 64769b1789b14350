/* app_demo_int.h: what the demo's files (app_demo.c, app_demo_programme.c)
 * share: the generator's state and an episode's path through its states.
 * Internal to app/. */
#ifndef DYAD_APP_DEMO_INT_H
#define DYAD_APP_DEMO_INT_H

#include <stdint.h>

#include "app/app.h"
#include "app/app_transfer.h"
#include "core/episode_state.h"
#include "core/intervention.h"
#include "store/store_episode.h"
#include "store/store_family.h"
#include "util/idmap.h"
#include "util/rng.h"

#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

struct demo_run; /* app_demo_programme.c */

struct demo {
	struct app *a;
	struct rng r;
	struct rng rv; /* video cycles' own stream: the rest of the demo is as it was without them */
	struct rng rp; /* care plans' and groups' own stream */
	struct transfer_counts *n;
	int64_t practitioners[64];
	int npract;
	int64_t nhs_seq;
	int32_t today;
	/* care plans and groups (app_demo_programme.c) */
	struct intervention_catalogue cat;
	int group_period;      /* days between the starts of a programme's runs */
	struct demo_run *runs; /* every run made so far */
	int nruns, capruns;
	struct idmap open_run; /* (programme, start slot) -> the run of that slot still taking families */
};

/* An episode's path through its states, written as it goes (see
 * docs/waiting.md): every move dated, never before the one it follows, by
 * the "demo" user, stamped at noon on its day so that the same seed and date
 * give the same data. */
struct trail {
	int64_t id;
	int started;
	enum episode_state st;
	int32_t on;
};

/* Moves the episode of t to state `to` on date (not before its last move). */
int demo_move(struct demo *d, struct trail *t, enum episode_state to, int32_t date, const char *reason,
              const char *service, struct dy_err *e);

/* Loads the intervention catalogue and sets the spacing of group runs for a
 * demo of `families` families; demo_programmes_end frees what it holds. */
int demo_programmes_begin(struct demo *d, int families, struct dy_err *e);
void demo_programmes_end(struct demo *d);

/* A family's course of group programme def from day *day: the caregiver is
 * enrolled in the first run starting on or after *day that has room (or put
 * on the programme's waiting list when that run starts after today), and
 * attends its sessions held by today (a family about to disengage stops
 * coming after the third), each written as a group contact and the
 * session's attendance mark. On return *day is the week after the last
 * session (or the run's start, still to come), *first the run's start, and
 * *held the sessions attended. */
int demo_group_course(struct demo *d, struct episode *ep, struct trail *tr, const struct person *carer,
                      const struct intervention_def *def, int disengage, int32_t *day, int32_t *first, int *held,
                      struct dy_err *e);

/* The episode's care plan of def (code when def is NULL), starting on
 * start with `sessions` planned: planned while its start is to come,
 * active once begun, and at a discharge on `ended` (DATE_NONE: none)
 * completed for a planned ending, else stopped early with the reason. */
int demo_careplan(struct demo *d, const struct episode *ep, const char *code, int32_t start, int sessions,
                  const char *discharge_reason, int32_t ended, struct dy_err *e);

#endif
