/* app_group.h: group programmes: runs of a group intervention of the
 * catalogue, caregivers enrolled with their referrals (episodes), each
 * session's attendance, completion by the programme's rule, and a waiting
 * list for the next run. Recording a session writes one contact per
 * enrolled caregiver (kind group, the run's intervention, attended or did
 * not attend) in the same transaction, so the family's timeline, care
 * plan progress, waiting clocks and activity counts all see it; a session
 * that would fall after an enrolled family's discharge is refused whole. */
#ifndef DYAD_APP_GROUP_H
#define DYAD_APP_GROUP_H

#include "app/app.h"
#include "core/record.h"
#include "store/store_group.h"

/* Adds run r (intervention, starts_on, sessions (0: the catalogue's),
 * venue, location, capacity, facilitators) after group_check_run against
 * the catalogue at catalogue_path (NULL: the default); r->id written back. */
int app_group_add(struct app *a, struct group_run *r, const char *catalogue_path, struct dy_err *e);

/* Enrols caregiver person_id of referral episode_id in run run_id (the
 * caregiver of that family, the referral accepted and open, the run not
 * full); takes them off the programme's waiting list. *id is the enrolment. */
int app_group_enrol(struct app *a, int64_t run_id, int64_t episode_id, int64_t person_id, int64_t *id,
                    struct dy_err *e);

/* Adds caregiver person_id of referral episode_id to intervention's
 * waiting list (a group intervention of the catalogue). */
int app_group_wait(struct app *a, const char *intervention, int64_t episode_id, int64_t person_id,
                   const char *catalogue_path, int64_t *id, struct dy_err *e);

/* Records session `number` of run run_id on `date`: attended lists the
 * caregivers (person ids) present, each of whom must be enrolled; every
 * other enrolled caregiver did not attend. duration_min -1: unknown.
 * *n_contacts is the number of contacts written. */
int app_group_session(struct app *a, int64_t run_id, int number, int32_t date, const int64_t *attended,
                      int n_attended, int duration_min, int *n_contacts, struct dy_err *e);

/* One enrolment as shown: the caregiver's name and whether the attended
 * sessions meet the programme's completion rule. */
struct group_member {
	struct group_enrolment en;
	char name[2 * NAME_BYTES + 2];
	int completed;
	int completion_min; /* the rule: sessions needed (0: none in the catalogue) */
};
typedef int (*group_member_fn)(void *ctx, const struct group_member *m);

/* Loads run id and calls fn for each enrolment, by id, once each family
 * named has been logged in the audit (a 'list' entry each). */
int app_group_show(struct app *a, int64_t id, struct group_run *r, group_member_fn fn, void *ctx,
                   const char *catalogue_path, struct dy_err *e);

/* Calls fn for each recorded session of run id and each enrolment's
 * attendance at it (store_group_mark_list); DY_ENOTFOUND for a run of
 * another team. */
int app_group_marks(struct app *a, int64_t id, store_group_mark_fn fn, void *ctx, struct dy_err *e);

/* Lists the team's runs, newest first. */
int app_group_list(struct app *a, store_group_run_fn fn, void *ctx, struct dy_err *e);

/* Lists caregivers waiting for intervention's next run (NULL: all), longest first. */
int app_group_waiting(struct app *a, const char *intervention, store_group_wait_fn fn, void *ctx, struct dy_err *e);

#endif
