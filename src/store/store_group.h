/* store_group.h: group programmes in the database: runs and their
 * facilitators, enrolments (a caregiver with their episode), sessions with
 * each enrolment's attendance (linked to the contact it made), and the
 * waiting list for a programme's next run. The rules are core/group.h's;
 * callers (app/) check them and hold the transaction. */
#ifndef DYAD_STORE_GROUP_H
#define DYAD_STORE_GROUP_H

#include "core/group.h"
#include "store/db.h"

struct group_run {
	int64_t id;
	int64_t team_id;
	char intervention[INTERVENTION_CODE_MAX];
	int32_t starts_on;
	int sessions;
	char venue[GROUP_VENUE_MAX + 1];
	char location[20];
	int capacity;
	char created_by[64];
	int64_t facilitators[GROUP_MAX_FACILITATORS];
	int n_facilitators;
	int enrolled;      /* filled by get and list */
	int sessions_held; /* filled by get and list */
};

struct group_enrolment {
	int64_t id;
	int64_t run_id;
	int64_t episode_id;
	int64_t person_id;
	int32_t enrolled_on;
	int attended; /* sessions attended (list only) */
	int recorded; /* sessions recorded for this enrolment (list only) */
};

struct group_wait {
	int64_t id;
	char intervention[INTERVENTION_CODE_MAX];
	int64_t episode_id;
	int64_t person_id;
	int32_t added_on;
	int64_t run_id; /* 0 while waiting */
};

/* One enrolment's mark at one recorded session (enrolment_id 0: a session
 * no one was enrolled for). */
struct group_mark {
	int number;
	int32_t date;
	int64_t enrolment_id;
	int attended;
	int64_t run_id;
	int64_t contact_id; /* the contact the mark wrote (0 with no enrolment) */
};
typedef int (*store_group_run_fn)(void *ctx, const struct group_run *r);
typedef int (*store_group_mark_fn)(void *ctx, const struct group_mark *m);
typedef int (*store_group_enrolment_fn)(void *ctx, const struct group_enrolment *en);
typedef int (*store_group_wait_fn)(void *ctx, const struct group_wait *w);

/* Inserts the run with its facilitators as id r->id (0: the next id);
 * r->id written back. */
int store_group_run_insert(db_t *db, struct group_run *r, struct dy_err *e);

/* Loads run id with facilitators and counts; DY_ENOTFOUND if absent. */
int store_group_run_get(db_t *db, int64_t id, struct group_run *r, struct dy_err *e);

/* Calls fn for each run, newest start first (facilitators and counts filled). */
int store_group_run_list(db_t *db, store_group_run_fn fn, void *ctx, struct dy_err *e);

/* Inserts an enrolment as id en->id (0: the next id); en->id written
 * back; DY_ECONFLICT when the
 * caregiver is already enrolled in the run. */
int store_group_enrol(db_t *db, struct group_enrolment *en, struct dy_err *e);

/* Calls fn for each enrolment of the run (run_id > 0) or of the episode
 * (run_id 0, episode_id > 0), or every enrolment (both 0), by id, with
 * sessions attended and recorded. */
int store_group_enrolment_list(db_t *db, int64_t run_id, int64_t episode_id, store_group_enrolment_fn fn, void *ctx,
                               struct dy_err *e);

/* Loads enrolment id with its sessions attended and recorded;
 * DY_ENOTFOUND if absent. */
int store_group_enrolment_get(db_t *db, int64_t id, struct group_enrolment *en, struct dy_err *e);

/* What a contact holds for a group attendance mark. */
struct group_contact {
	int64_t episode_id;
	int32_t date;
	int group;    /* 1: kind "group" */
	int attended; /* 1: attendance "attended" */
	int linked;   /* 1: already some session's attendance */
	char intervention[INTERVENTION_CODE_MAX];
};

/* Loads what contact id holds for an attendance mark into *c;
 * DY_ENOTFOUND if absent. */
int store_group_contact(db_t *db, int64_t id, struct group_contact *c, struct dy_err *e);

/* Inserts session `number` of the run with id *id (an import numbers its
 * sessions from store_group_session_last_id; in a bulk write it then goes
 * out without waiting for its answer), or with the next id written back
 * to *id when *id is 0; DY_ECONFLICT when that number is already recorded. */
int store_group_session_insert(db_t *db, int64_t run_id, int number, int32_t date, int64_t *id, struct dy_err *e);

/* Sets *id to the largest session id (0 when there is none). */
int store_group_session_last_id(db_t *db, int64_t *id, struct dy_err *e);

/* Links an enrolment's attendance at a session to the contact it made. */
int store_group_attendance_insert(db_t *db, int64_t session_id, int64_t enrolment_id, int64_t contact_id,
                                  int attended, struct dy_err *e);

/* Calls fn for each recorded session of the run (run_id 0: of every run,
 * by run) and each enrolment's mark at it, by session number then
 * enrolment id. */
int store_group_mark_list(db_t *db, int64_t run_id, store_group_mark_fn fn, void *ctx, struct dy_err *e);
/* Adds a caregiver to a programme's waiting list as id w->id (0: the next
 * id), taken into w->run_id (0: still waiting); w->id written back. */
int store_group_wait_insert(db_t *db, struct group_wait *w, struct dy_err *e);

/* Calls fn for each caregiver still waiting (no run yet), or with_taken
 * also those since taken into a run, for intervention (NULL: every
 * programme), longest waiting first. */
int store_group_waiting_list(db_t *db, const char *intervention, int with_taken, store_group_wait_fn fn, void *ctx,
                             struct dy_err *e);

/* Takes the caregiver off intervention's waiting list into run_id (if
 * they are on it); *taken is 1 when they were. */
int store_group_wait_take(db_t *db, const char *intervention, int64_t person_id, int64_t run_id, int *taken,
                          struct dy_err *e);

#endif
