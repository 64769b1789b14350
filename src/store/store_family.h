/* store_family.h: teams, practitioners, families and people in the database.
 *
 * Inserts take a struct whose id is 0 (a new id is assigned and written
 * back) or positive (that id is used: CSV import keeps its ids). A taken id
 * or NHS number gives DY_ECONFLICT. Callers validate first (core/record.h)
 * and hold the transaction (app/). */
#ifndef DYAD_STORE_FAMILY_H
#define DYAD_STORE_FAMILY_H

#include "core/record.h"
#include "store/db.h"

/* The SQL condition that a family row (its columns prefixed by p, as "f."
 * or "") is shown: neither merged into another (a tombstone) nor marked
 * entered in error. Finding, the lists, the likely duplicates and the
 * retention review read only these families. */
#define STORE_FAMILY_LIVE(p) "(" p "merged_into IS NULL AND " p "error_at IS NULL)"

/* Called once per row by the list functions; a non-zero return stops the
 * listing and is passed back. */
typedef int (*store_person_fn)(void *ctx, const struct person *p);
typedef int (*store_practitioner_fn)(void *ctx, const struct practitioner *p);

/* Finds the team with t->code, or inserts it; fills t->id (and t->name of
 * an existing team). */
int store_team_ensure(db_t *db, struct team *t, struct dy_err *e);

/* Loads team id into t; DY_ENOTFOUND if absent. */
int store_team_get(db_t *db, int64_t id, struct team *t, struct dy_err *e);

/* Writes t's code, name and demo mark to team t->id. */
int store_team_update(db_t *db, const struct team *t, struct dy_err *e);

/* The first team's id (the team a one-team database works for), or
 * DY_ENOTFOUND before `dyad init`. */
int store_team_default(db_t *db, int64_t *id, struct dy_err *e);

int store_practitioner_insert(db_t *db, struct practitioner *p, struct dy_err *e);
/* 1 when practitioner id exists, 0 when not, negative on error. */
int store_practitioner_exists(db_t *db, int64_t id, struct dy_err *e);

int store_practitioner_list(db_t *db, store_practitioner_fn fn, void *ctx, struct dy_err *e);

int store_family_insert(db_t *db, struct family *f, struct dy_err *e);

/* Makes sure family f->id (> 0) exists, inserting it when absent; sets
 * *created to 1 when it inserted (created NULL: not asked, so that a bulk
 * write need not wait for the answer). */
int store_family_ensure(db_t *db, const struct family *f, int *created, struct dy_err *e);

/* Sets *n to the number of family rows in the database, merged or not. */
int store_family_rows(db_t *db, int64_t *n, struct dy_err *e);

/* Loads family id; DY_ENOTFOUND if absent. */
int store_family_get(db_t *db, int64_t id, struct family *f, struct dy_err *e);

int store_person_insert(db_t *db, struct person *p, struct dy_err *e);

/* Writes every field of p a correction may change (not its family, role or
 * loss) over old (the same person as stored) and moves its name words in the
 * search index from old's names to p's; DY_ECONFLICT when the NHS number is
 * another person's. */
int store_person_update(db_t *db, const struct person *old, const struct person *p, struct dy_err *e);

/* Records a pregnancy loss, stillbirth or infant death (kind, a
 * code_loss) on `on` for infant id. DY_ENOTFOUND if the person is absent. */
int store_person_set_loss(db_t *db, int64_t id, const char *kind, int32_t on, struct dy_err *e);

/* Records an unborn infant's birth: date of birth and gestation in weeks
 * (0 unknown). DY_ENOTFOUND if the person is absent. */
int store_person_set_birth(db_t *db, int64_t id, int32_t dob, int gestation_weeks, struct dy_err *e);

/* Loads person id; DY_ENOTFOUND if absent. */
int store_person_get(db_t *db, int64_t id, struct person *p, struct dy_err *e);

/* Calls fn for each unborn infant (no date of birth, no loss recorded)
 * whose EDD is before `before`, oldest EDD first: pregnancies past their
 * due date, for action. */
int store_person_overdue(db_t *db, int32_t before, store_person_fn fn, void *ctx, struct dy_err *e);

/* Calls fn for each person of the family (family_id > 0) or of every
 * family (family_id 0), in id order. */
int store_person_list(db_t *db, int64_t family_id, store_person_fn fn, void *ctx, struct dy_err *e);

/* Calls fn for each person of the n families family_ids (ascending), by
 * family then id, in a few statements (store_batch.h). */
int store_person_list_many(db_t *db, const int64_t *family_ids, size_t n, store_person_fn fn, void *ctx,
                           struct dy_err *e);

/* As store_person_list_many for the infants alone, with only their id,
 * family, role, names and loss (every other field empty), from the
 * covering index person_infant (migration 30): the waiting list's many
 * families. */
int store_infant_list_many(db_t *db, const int64_t *family_ids, size_t n, store_person_fn fn, void *ctx,
                           struct dy_err *e);

/* Calls fn for each of the n people person_ids (ascending) that exists, in id order. */
int store_person_get_many(db_t *db, const int64_t *person_ids, size_t n, store_person_fn fn, void *ctx,
                          struct dy_err *e);

/* Calls fn with each of the n families family_ids (ascending) that exists
 * and its team, in id order. */
typedef int (*store_family_team_fn)(void *ctx, int64_t family_id, int64_t team_id);
int store_family_teams(db_t *db, const int64_t *family_ids, size_t n, store_family_team_fn fn, void *ctx,
                       struct dy_err *e);

#endif
