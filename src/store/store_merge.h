/* store_merge.h: SQL for merging duplicate families (the "merging duplicate
 * families" migration; docs/merge.md): the records of a family and its
 * people counted and moved to the family kept, the merged family left as a
 * tombstone (family.merged_into), each merge kept in family_merge (rows only
 * ever added), and the people compared for the duplicates report. Callers
 * hold the transaction (app/app_merge.c). */
#ifndef DYAD_STORE_MERGE_H
#define DYAD_STORE_MERGE_H

#include <stdint.h>

#include "core/correction.h"
#include "core/record.h"
#include "store/db.h"
#include "util/limits.h"

/* The kinds of record a merge moves, in family_merge's column order. */
enum merge_kind {
	MERGE_PEOPLE,        /* people moved to the family kept */
	MERGE_PEOPLE_JOINED, /* people found to be a person of the family kept (left on the tombstone) */
	MERGE_EPISODES,
	MERGE_CONTACTS,
	MERGE_MEASURES,
	MERGE_SAFEGUARDING,
	MERGE_NOTES,
	MERGE_GOALS,
	MERGE_CARE_PLANS,
	MERGE_APPOINTMENTS,
	MERGE_GROUP_ENROLMENTS,
	MERGE_LETTERS,
	MERGE_FEEDBACK,
	MERGE_VIDEO_CYCLES,
	MERGE_CORRECTIONS,
	MERGE_CONSULTATIONS,
	MERGE_KINDS
};

/* The column (and CSV header) name of each merge_kind. */
extern const char *const merge_kind_names[MERGE_KINDS];

struct family_merge {
	int64_t id;
	int64_t kept, merged;
	char reason[CORRECTION_REASON_MAX * 4 + 1];
	char merged_by[LIMIT_ACTOR];
	char merged_at[21]; /* "YYYY-MM-DDTHH:MM:SSZ" */
	int64_t moved[MERGE_KINDS];
};

typedef int (*store_merge_fn)(void *ctx, const struct family_merge *m);

/* *into = the family id merged into (0 when family id is not merged). */
int store_family_merged_into(db_t *db, int64_t id, int64_t *into, struct dy_err *e);

/* Counts the records of family id that a merge would move (every kind but
 * MERGE_PEOPLE_JOINED, which the caller knows; MERGE_PEOPLE counts all the
 * family's people). */
int store_merge_count(db_t *db, int64_t id, int64_t moved[MERGE_KINDS], struct dy_err *e);

/* Why person b cannot become person a, or 0: 1 when both are infants with
 * a current safeguarding period, of different statuses, 2 when both are caregivers of an open
 * referral, 3 when both have the same safeguarding period, 4 when both are
 * enrolled in one group run; negative on error. */
int store_merge_conflict(db_t *db, int64_t a, int64_t b, struct dy_err *e);

/* Marks family merged as merged into kept (first: the correction trigger
 * allows re-pointing a correction only to that family). */
int store_merge_mark(db_t *db, int64_t kept, int64_t merged, struct dy_err *e);

/* Re-points every record of person b (referrals, attendance, safeguarding,
 * outcomes, measures, group places) to person a. */
int store_merge_join_person(db_t *db, int64_t a, int64_t b, struct dy_err *e);

/* Moves person id to family kept. */
int store_merge_move_person(db_t *db, int64_t id, int64_t kept, struct dy_err *e);

/* Moves family merged's referrals (and with them all that hangs off them),
 * corrections and consultations to family kept. */
int store_merge_move_family(db_t *db, int64_t kept, int64_t merged, struct dy_err *e);

/* Inserts m (id 0: a new id written back). */
int store_merge_insert(db_t *db, struct family_merge *m, struct dy_err *e);

/* Calls fn for the merges into or of family id (id 0: every merge), oldest
 * first. */
int store_merge_list(db_t *db, int64_t id, store_merge_fn fn, void *ctx, struct dy_err *e);

/* A person as the duplicates report compares them, with their team. */
struct merge_person {
	int64_t team_id;
	struct person p;
};

typedef int (*store_merge_person_fn)(void *ctx, const struct merge_person *p);

/* Calls fn for every person with a date of birth of a family not merged,
 * in id order (the table's own order: read through the date-of-birth
 * index instead, each row is a random read, 4 times slower on 100,000
 * families; bench/RESULTS.md). */
int store_merge_people(db_t *db, store_merge_person_fn fn, void *ctx, struct dy_err *e);

#endif
