/* store_correction.c: SQL for corrections with history (see store_correction.h). */
#include "store/store_correction.h"

int store_correction_insert(db_t *db, struct correction *c, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "INSERT INTO correction (id, entity, entity_id, family_id, field, old_value, new_value,"
	                          " reason, corrected_by, corrected_at, reverts) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, c->id);
	db_bind_text_ref(s, 2, c->entity);
	db_bind_int(s, 3, c->entity_id);
	db_bind_int(s, 4, c->family_id);
	db_bind_text_ref(s, 5, c->field);
	db_bind_text_ref(s, 6, c->old_value);
	db_bind_text_ref(s, 7, c->new_value);
	db_bind_text_ref(s, 8, c->reason);
	db_bind_text_ref(s, 9, c->corrected_by);
	db_bind_text_ref(s, 10, c->corrected_at);
	db_bind_id(s, 11, c->reverts);
	return db_run_insert(s, &c->id, e);
}

#define CORR_SELECT                                                                                            \
	"SELECT id, entity, entity_id, family_id, field, old_value, new_value, reason, corrected_by, corrected_at," \
	" reverts FROM correction"

static void read_row(db_stmt_t *s, struct correction *c)
{
	c->id = db_col_int(s, 0);
	db_col_copy(s, 1, c->entity, sizeof c->entity);
	c->entity_id = db_col_int(s, 2);
	c->family_id = db_col_int(s, 3);
	db_col_copy(s, 4, c->field, sizeof c->field);
	db_col_copy(s, 5, c->old_value, sizeof c->old_value);
	db_col_copy(s, 6, c->new_value, sizeof c->new_value);
	db_col_copy(s, 7, c->reason, sizeof c->reason);
	db_col_copy(s, 8, c->corrected_by, sizeof c->corrected_by);
	db_col_copy(s, 9, c->corrected_at, sizeof c->corrected_at);
	c->reverts = db_col_int(s, 10);
}

int store_correction_get(db_t *db, int64_t id, struct correction *c, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, CORR_SELECT " WHERE id = ?", id, "correction", &s, e);
	if (rc)
		return rc;
	read_row(s, c);
	db_step(s, e);
	return 0;
}

/* Calls fn for every row of the prepared select s (CORR_SELECT). */
static int each_row(db_stmt_t *s, store_correction_fn fn, void *ctx, struct dy_err *e)
{
	int rc;
	struct correction c;
	while ((rc = db_step(s, e)) == DB_ROW) {
		read_row(s, &c);
		if ((rc = fn(ctx, &c)))
			return rc;
	}
	return rc;
}

int store_correction_list(db_t *db, const char *entity, int64_t entity_id, store_correction_fn fn, void *ctx,
                          struct dy_err *e)
{
	db_stmt_t *s;
	if (entity) {
		s = db_prepare(db, CORR_SELECT " WHERE entity = ? AND entity_id = ? ORDER BY id", e);
		if (!s)
			return DY_ESTORE;
		db_bind_text(s, 1, entity);
		db_bind_int(s, 2, entity_id);
	} else {
		s = db_prepare(db, CORR_SELECT " WHERE family_id = ? ORDER BY id", e);
		if (!s)
			return DY_ESTORE;
		db_bind_int(s, 1, entity_id);
	}
	return each_row(s, fn, ctx, e);
}

int store_correction_list_all(db_t *db, store_correction_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, CORR_SELECT " ORDER BY id", e);
	if (!s)
		return DY_ESTORE;
	return each_row(s, fn, ctx, e);
}

int store_correction_reverted(db_t *db, int64_t id, struct dy_err *e)
{
	int64_t n;
	int rc = db_query_int_id(db, "SELECT COUNT(*) FROM correction WHERE reverts = ?", id, &n, e);
	return rc ? rc : n > 0;
}
