/* store_correction.h: SQL for corrections with history (the "corrections
 * with history" migration): each corrected field's old and new value, who,
 * when and why. Rows are only ever added (the migration's triggers refuse a
 * change or delete, on either store). */
#ifndef DYAD_STORE_CORRECTION_H
#define DYAD_STORE_CORRECTION_H

#include <stdint.h>

#include "core/correction.h"
#include "store/db.h"
#include "util/limits.h"

struct correction {
	int64_t id;
	char entity[16];            /* "person" */
	int64_t entity_id;
	int64_t family_id;
	char field[24];
	char old_value[CORRECTION_VALUE_MAX];
	char new_value[CORRECTION_VALUE_MAX];
	char reason[CORRECTION_REASON_MAX * 4 + 1];
	char corrected_by[LIMIT_ACTOR];
	char corrected_at[21];      /* "YYYY-MM-DDTHH:MM:SSZ" */
	int64_t reverts;            /* 0, or the correction this one undoes */
};

typedef int (*store_correction_fn)(void *ctx, const struct correction *c);

/* Inserts c (id 0: a new id written back). */
int store_correction_insert(db_t *db, struct correction *c, struct dy_err *e);

/* Loads correction id; DY_ENOTFOUND when absent. */
int store_correction_get(db_t *db, int64_t id, struct correction *c, struct dy_err *e);

/* Calls fn for the corrections of one record (entity, entity_id) or, with
 * entity NULL, of every record of family entity_id; oldest first. */
int store_correction_list(db_t *db, const char *entity, int64_t entity_id, store_correction_fn fn, void *ctx,
                          struct dy_err *e);

/* Calls fn for every correction, by id (an export). */
int store_correction_list_all(db_t *db, store_correction_fn fn, void *ctx, struct dy_err *e);

/* 1 when correction id has been undone by a later one, 0 when not. */
int store_correction_reverted(db_t *db, int64_t id, struct dy_err *e);

#endif
