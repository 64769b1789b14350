/* app_merge.h: likely duplicate people and families, and merging two
 * families into one (issue 12; docs/merge.md). A merge moves every record
 * of family B and its people to family A in one transaction; a person of B
 * who is a person of A (core/duplicate.h: same role and NHS number, or same
 * folded name and date of birth) becomes that person. B is kept as a
 * tombstone pointing to A, hidden from lists, search, caseload, reports and
 * retention review. Managers and clinicians of the team may see the
 * duplicates and merge; the audit names families and counts, never a
 * person's details. */
#ifndef DYAD_APP_MERGE_H
#define DYAD_APP_MERGE_H

#include "app/app.h"
#include "core/duplicate.h"
#include "store/store_correction.h"
#include "store/store_merge.h"

/* A pair of likely duplicate people of two families of one team. */
struct duplicate_pair {
	struct merge_person a, b; /* a the lower person id */
	enum duplicate_reason reason;
};

typedef int (*app_duplicate_fn)(void *ctx, const struct duplicate_pair *d);

/* Calls fn for each pair of people of different families of one of the
 * user's teams that are likely duplicates, by date of birth then ids; the
 * read is audited. */
int app_duplicates(struct app *a, app_duplicate_fn fn, void *ctx, struct dy_err *e);

/* Merges family merge into family keep for reason, in one transaction; *m
 * (may be NULL) receives the merge as recorded. Refused whole, nothing
 * changed: DY_EINVAL for the same family twice or a bad reason;
 * DY_ECONFLICT when the families are of different teams, either has been
 * merged already, or two people who would become one are both infants with
 * a current safeguarding period of different statuses, both caregivers of an open referral, hold
 * the same safeguarding period or are enrolled in the same group run. */
int app_family_merge(struct app *a, int64_t keep, int64_t merge, const char *reason, struct family_merge *m,
                     struct dy_err *e);

/* *into = the family that family id has been merged into (0 when none). */
int app_family_merged_into(struct app *a, int64_t id, int64_t *into, struct dy_err *e);

/* Calls fn for the merges into or of family id, oldest first. */
int app_family_merges(struct app *a, int64_t id, store_merge_fn fn, void *ctx, struct dy_err *e);

/* Within a read: calls fn for each merge into or of family id as a history
 * row: record "family", record_id the family merged, field "merged_into",
 * new_value the family kept, with the merge's reason, user and time (id 0:
 * not a correction). */
int app_merge_history(struct app *a, int64_t id, store_correction_fn fn, void *ctx, struct dy_err *e);

#endif
