/* store_note.c: SQL for case notes (see store_note.h). */
#include "store/store_note.h"

#include "store/store_batch.h"

#include <string.h>

enum note_state store_note_state(const struct note *n)
{
	if (n->error_at[0])
		return NOTE_IN_ERROR;
	return n->signed_at[0] ? NOTE_SIGNED : NOTE_DRAFT;
}

int store_note_insert(db_t *db, struct note *n, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "INSERT INTO note (id, episode_id, contact_id, kind, author, written_at, text, signed_at,"
	                          " addendum_to, error_reason, error_by, error_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
	                          " RETURNING id",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, n->id);
	db_bind_int(s, 2, n->episode_id);
	db_bind_id(s, 3, n->contact_id);
	db_bind_text_ref(s, 4, n->kind);
	db_bind_text_ref(s, 5, n->author);
	db_bind_text_ref(s, 6, n->written_at);
	db_bind_text_ref(s, 7, n->text);
	db_bind_text_ref_opt(s, 8, n->signed_at);
	db_bind_id(s, 9, n->addendum_to);
	db_bind_text_ref_opt(s, 10, n->error_reason);
	db_bind_text_ref_opt(s, 11, n->error_by);
	db_bind_text_ref_opt(s, 12, n->error_at);
	return db_run_insert(s, &n->id, e);
}

#define NOTE_SELECT                                                                                              \
	"SELECT id, episode_id, contact_id, kind, author, written_at, text, signed_at, addendum_to, error_reason,"   \
	" error_by, error_at FROM note"

static void read_note(db_stmt_t *s, struct note *n)
{
	n->id = db_col_int(s, 0);
	n->episode_id = db_col_int(s, 1);
	n->contact_id = db_col_int(s, 2);
	db_col_copy(s, 3, n->kind, sizeof n->kind);
	db_col_copy(s, 4, n->author, sizeof n->author);
	db_col_copy(s, 5, n->written_at, sizeof n->written_at);
	n->text = db_col_text(s, 6);
	db_col_copy(s, 7, n->signed_at, sizeof n->signed_at);
	n->addendum_to = db_col_int(s, 8);
	db_col_copy(s, 9, n->error_reason, sizeof n->error_reason);
	db_col_copy(s, 10, n->error_by, sizeof n->error_by);
	db_col_copy(s, 11, n->error_at, sizeof n->error_at);
}

int store_note_get(db_t *db, int64_t id, struct note *n, char *text, unsigned cap, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, NOTE_SELECT " WHERE id = ?", id, "note", &s, e);
	if (rc)
		return rc;
	read_note(s, n);
	db_col_copy(s, 6, text, cap);
	n->text = text;
	return 0;
}

int store_note_update_draft(db_t *db, int64_t id, const char *kind, const char *text, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE note SET kind = ?, text = ? WHERE id = ? AND signed_at IS NULL", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text_ref(s, 1, kind);
	db_bind_text_ref(s, 2, text);
	db_bind_int(s, 3, id);
	int rc = db_run_one(db, s, "note", id, e);
	if (rc == DY_ENOTFOUND)
		return dy_fail(e, DY_ECONFLICT, "note", "is signed and can no longer be changed");
	return rc;
}

int store_note_sign(db_t *db, int64_t id, const char *stamp, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE note SET signed_at = ? WHERE id = ? AND signed_at IS NULL", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text_ref(s, 1, stamp);
	db_bind_int(s, 2, id);
	int rc = db_run_one(db, s, "note", id, e);
	if (rc == DY_ENOTFOUND)
		return dy_fail(e, DY_ECONFLICT, "note", "is already signed");
	return rc;
}

int store_note_mark_error(db_t *db, int64_t id, const char *reason, const char *by, const char *stamp,
                          struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "UPDATE note SET error_reason = ?, error_by = ?, error_at = ?"
	                          " WHERE id = ? AND signed_at IS NOT NULL AND error_at IS NULL",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_text_ref(s, 1, reason);
	db_bind_text_ref(s, 2, by);
	db_bind_text_ref(s, 3, stamp);
	db_bind_int(s, 4, id);
	int rc = db_run_one(db, s, "note", id, e);
	if (rc == DY_ENOTFOUND)
		return dy_fail(e, DY_ECONFLICT, "note", "is a draft or already marked entered in error");
	return rc;
}

int store_note_list(db_t *db, int64_t episode_id, store_note_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare_scoped(db, NOTE_SELECT " WHERE episode_id = ? ORDER BY episode_id, written_at, id",
	                                 NOTE_SELECT " ORDER BY episode_id, written_at, id", episode_id, e);
	if (!s)
		return DY_ESTORE;
	int rc;
	struct note n;
	while ((rc = db_step(s, e)) == DB_ROW) {
		read_note(s, &n);
		if ((rc = fn(ctx, &n)))
			return rc;
	}
	return rc;
}

int store_note_safeguarding_count(db_t *db, int64_t family_id, int *n, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "SELECT COUNT(*) FROM note n JOIN episode e ON e.id = n.episode_id WHERE e.family_id = ?"
	                          " AND n.kind = 'safeguarding' AND n.signed_at IS NOT NULL AND n.error_at IS NULL",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, family_id);
	int rc = db_step(s, e);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DY_ESTORE;
	*n = (int)db_col_int(s, 0);
	db_step(s, e);
	return 0;
}

struct count_rows {
	store_note_count_fn fn;
	void *ctx;
};

static int count_row(void *ctx, db_stmt_t *s)
{
	struct count_rows *r = ctx;
	return r->fn(r->ctx, db_col_int(s, 0), (int)db_col_int(s, 1));
}

int store_note_safeguarding_counts(db_t *db, const int64_t *family_ids, size_t n, store_note_count_fn fn, void *ctx,
                                   struct dy_err *e)
{
	struct count_rows r = {fn, ctx};
	return store_batch_each(db, "SELECT e.family_id, COUNT(*) FROM note n JOIN episode e ON e.id = n.episode_id"
	                            " WHERE e.family_id IN " STORE_IN_LIST " AND n.kind = 'safeguarding'"
	                            " AND n.signed_at IS NOT NULL AND n.error_at IS NULL GROUP BY e.family_id"
	                            " ORDER BY e.family_id",
	                        family_ids, n, count_row, &r, e);
}

int store_note_contact_in_episode(db_t *db, int64_t contact_id, int64_t episode_id, int *yes, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT COUNT(*) FROM contact WHERE id = ? AND episode_id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, contact_id);
	db_bind_int(s, 2, episode_id);
	int rc = db_step(s, e);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DY_ESTORE;
	*yes = db_col_int(s, 0) > 0;
	db_step(s, e);
	return 0;
}
