/* store_activity.h: the team's recent activity for the home page: the
 * contacts, measures and referral state changes recorded last, each with
 * the family and baby it concerns. */
#ifndef DYAD_STORE_ACTIVITY_H
#define DYAD_STORE_ACTIVITY_H

#include "core/record.h"
#include "store/db.h"

enum activity_kind { ACTIVITY_EVENT, ACTIVITY_CONTACT, ACTIVITY_MEASURE };

struct activity {
	enum activity_kind kind;
	int64_t id;                  /* the contact, measure or state change */
	int32_t date;                /* the day it happened */
	int64_t family_id;
	int64_t episode_id;
	char what[32];               /* contact kind, instrument id, or the state moved to */
	char how[32];                /* attendance, timepoint, or the state moved from ("" first) */
	char infant_given[NAME_BYTES]; /* the referral's baby ("" none recorded) */
	char infant_family[NAME_BYTES];
};

typedef int (*store_activity_fn)(void *ctx, const struct activity *r);

/* Calls fn for the `per_kind` state changes, contacts and (with measures)
 * measures recorded last (highest ids: no scan of older rows), all of them
 * newest date first (ties: state changes, contacts, measures, newest
 * recorded first). fn returning non-zero stops and is returned. */
int store_recent_activity(db_t *db, int measures, int per_kind, store_activity_fn fn, void *ctx, struct dy_err *e);

#endif
