/* store_pathway.h: the referral pathway in the database: each episode's
 * current state, its transitions (episode_event), the programme and
 * first-time-parent fact of a referral, eligibility overrides, the duplicate
 * check and the one-pass query that feeds the waiting clocks.
 *
 * Callers validate first (core/episode_state.h, core/eligibility.h) and hold
 * the transaction (app/). Same id and error rules as store_family.h. */
#ifndef DYAD_STORE_PATHWAY_H
#define DYAD_STORE_PATHWAY_H

#include <stddef.h>

#include "core/clock.h"
#include "core/eligibility.h"
#include "core/episode_state.h"
#include "core/record.h"
#include "store/db.h"
#include "store/store_teams.h"
#include "util/limits.h"

#define PATHWAY_TEXT_MAX (LIMIT_FREE_TEXT + 1) /* decline reason, service, override reason: 1-500 bytes */
#define PATHWAY_ACTOR_MAX LIMIT_ACTOR /* as struct app's actor */
#define PATHWAY_STAMP_LEN 21  /* "YYYY-MM-DDTHH:MM:SSZ" */
#define PATHWAY_NO_STATE (-1) /* from_state of an episode's first event */

/* The pathway fields of one referral. */
struct pathway_referral {
	int64_t episode_id;
	enum episode_state state;
	int32_t state_on;                       /* date of the last event, DATE_NONE when none */
	char programme[ELIGIBILITY_NAME_MAX];   /* "" when the referral names none */
	enum eligibility_answer first_time_parent;
};

/* One transition. from is an enum episode_state or PATHWAY_NO_STATE. */
struct pathway_event {
	int64_t episode_id;
	int from;
	enum episode_state to;
	int32_t date;
	char actor[PATHWAY_ACTOR_MAX];
	char reason[PATHWAY_TEXT_MAX];  /* decline reason, discharge reason code, or a note */
	char service[PATHWAY_TEXT_MAX]; /* signposted to */
	char recorded_at[PATHWAY_STAMP_LEN];
};

/* One eligibility override recorded at triage. */
struct pathway_override {
	int64_t episode_id;
	char rule[24];
	char reason[PATHWAY_TEXT_MAX];
	char actor[PATHWAY_ACTOR_MAX];
	int32_t date;
	char recorded_at[PATHWAY_STAMP_LEN];
};

/* The dates that drive one episode's clocks, with who it is for. */
struct pathway_clock_row {
	int64_t episode_id;
	int64_t family_id;
	int64_t infant_id;
	struct clock_events ev;
};

typedef int (*store_pathway_event_fn)(void *ctx, const struct pathway_event *ev);
typedef int (*store_pathway_override_fn)(void *ctx, const struct pathway_override *o);
typedef int (*store_pathway_clock_fn)(void *ctx, const struct pathway_clock_row *r);
typedef int (*store_pathway_referral_fn)(void *ctx, const struct episode *ep, const struct pathway_referral *p);

/* Loads the pathway fields of episode id; DY_ENOTFOUND if absent. */
int store_pathway_get(db_t *db, int64_t id, struct pathway_referral *p, struct dy_err *e);

/* Sets the current state of episode id. */
int store_pathway_set_state(db_t *db, int64_t id, enum episode_state s, struct dy_err *e);

/* Sets the programme ("" or NULL: none) and first-time-parent answer. */
int store_pathway_set_facts(db_t *db, int64_t id, const char *programme, enum eligibility_answer ftp,
                            struct dy_err *e);

/* Appends a transition (the caller checked it with episode_state_check). */
int store_pathway_event_insert(db_t *db, const struct pathway_event *ev, struct dy_err *e);

/* Events of a bulk import written together: store_pathway_event_add copies
 * ev into b and writes STORE_EVENT_BATCH of them in one statement;
 * store_pathway_event_flush writes the rest (before anything reads them).
 * The batch numbers its events itself (the largest id read once, at its
 * first write, then one more per event, as the stores would number them
 * under the writer's lock), so that no row asks the database for its id.
 * A batch starts zeroed. */
#define STORE_EVENT_BATCH 32
struct store_event_batch {
	struct pathway_event ev[STORE_EVENT_BATCH];
	int n;
	int numbered;    /* last_id has been read */
	int64_t last_id; /* the id of the last event written */
};
int store_pathway_event_add(db_t *db, struct store_event_batch *b, const struct pathway_event *ev,
                            struct dy_err *e);
int store_pathway_event_flush(db_t *db, struct store_event_batch *b, struct dy_err *e);

/* Calls fn for each transition of the episode (episode_id > 0) or of all,
 * by episode then in the order they were recorded. */
int store_pathway_event_list(db_t *db, int64_t episode_id, store_pathway_event_fn fn, void *ctx,
                             struct dy_err *e);

/* Records an override; DY_ECONFLICT when the rule is already overridden. */
int store_pathway_override_insert(db_t *db, const struct pathway_override *o, struct dy_err *e);

/* Calls fn for each override of the episode (> 0) or of all, by episode then id. */
int store_pathway_override_list(db_t *db, int64_t episode_id, store_pathway_override_fn fn, void *ctx,
                                struct dy_err *e);

/* Calls fn for every episode (by id) with its pathway fields. */
int store_pathway_referral_list(db_t *db, store_pathway_referral_fn fn, void *ctx, struct dy_err *e);

/* Open episodes (state received .. in_intervention) whose infant (first or
 * further) or caregiver is person_id, has the NHS number nhs (when not ""), or has the
 * family name family_name (exactly) and date of birth dob (when dob is not
 * DATE_NONE). Writes up to max episode ids, ascending, into ids and their
 * number into *n (which may exceed max). */
int store_pathway_duplicates(db_t *db, int64_t person_id, const char *nhs, const char *family_name, int32_t dob,
                             int64_t *ids, size_t max, size_t *n, struct dy_err *e);

/* The clock dates of every episode that can hold a clock between
 * active_from and until: received on or before until, not discharged before
 * active_from, and not declined or signposted (closed at triage, they have
 * no clocks). Two queries, no per-episode round trip: first attended
 * assessment on or after received, first attended intervention or group on
 * or after it, contacts after the discharge ignored (as clock.h). The
 * referrals still open come first, in id order, then those discharged on
 * or after active_from, in id order. */
int store_pathway_clock_rows(db_t *db, int32_t active_from, int32_t until, store_pathway_clock_fn fn, void *ctx,
                             struct dy_err *e);

/* As store_pathway_clock_rows, for the families of the set of teams only
 * (store_teams.h; NULL or an empty set: every team). */
int store_pathway_clock_rows_team(db_t *db, int32_t active_from, int32_t until, const struct store_teams *team,
                                  store_pathway_clock_fn fn, void *ctx, struct dy_err *e);

/* Gives every episode that has no transition yet the state and events its
 * data imply (the backfill rules of schema.c migration 2), stamped with
 * actor and recorded_at. Sets *n to how many episodes it derived. */
int store_pathway_derive(db_t *db, const char *actor, const char *recorded_at, int64_t *n, struct dy_err *e);

#endif
