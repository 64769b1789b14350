/* store_audit.c: SQL for the audit log and its chain head. */
#include "store/store_audit.h"

#include <string.h>

#include "util/str.h"

struct head {
	int64_t *last_id;
	char *hash;
};

static void read_head(void *ctx, db_stmt_t *s)
{
	struct head *h = ctx;
	*h->last_id = db_col_int(s, 0);
	db_col_copy(s, 1, h->hash, AUDIT_HASH_HEX);
}

int store_audit_head(db_t *db, int64_t *last_id, char hash[AUDIT_HASH_HEX], int *found, struct dy_err *e)
{
	*last_id = 0;
	hash[0] = '\0';
	struct head h = {last_id, hash};
	return db_query_row(db, "SELECT last_id, hash FROM audit_head WHERE one = 1", read_head, &h, found, e);
}

/* Moves audit_head to entry id with its hash. */
static int set_head(db_t *db, int64_t id, const char *hash, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO audit_head (one, last_id, hash) VALUES (1, ?, ?)"
	                              " ON CONFLICT (one) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, id);
	db_bind_text(s, 2, hash);
	return db_run(s, e);
}

int store_audit_insert(db_t *db, struct audit_row *const *rows, int n, struct dy_err *e)
{
	/* The head moves once, to the last row, rather than once a row. */
	for (int i = 0; i < n; i++) {
		const struct audit_row *r = rows[i];
		db_stmt_t *s = db_prepare(db, "INSERT INTO audit (id, at, actor, action, entity, entity_id, detail,"
		                              " user_id, address, hash) VALUES (?,?,?,?,?,?,?,?,?,?)", e);
		if (!s)
			return DY_ESTORE;
		db_bind_int(s, 1, r->id);
		db_bind_text_ref(s, 2, r->at);
		db_bind_text_ref(s, 3, r->actor);
		db_bind_text_ref(s, 4, r->action);
		db_bind_text_ref(s, 5, r->entity);
		db_bind_id(s, 6, r->entity_id);
		db_bind_text_ref_opt(s, 7, r->detail);
		db_bind_id(s, 8, r->user_id);
		db_bind_text_ref_opt(s, 9, r->address);
		db_bind_text_ref(s, 10, r->hash);
		int rc = db_run(s, e);
		if (rc)
			return rc;
	}
	return n > 0 ? set_head(db, rows[n - 1]->id, rows[n - 1]->hash, e) : 0;
}

int store_audit_seal_row(db_t *db, int64_t id, const char *hash, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE audit SET hash = ? WHERE id = ? AND hash IS NULL", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, hash);
	db_bind_int(s, 2, id);
	int rc = db_run(s, e);
	return rc ? rc : set_head(db, id, hash, e);
}

int store_audit_max_id(db_t *db, int64_t *out, struct dy_err *e)
{
	return db_query_int(db, "SELECT COALESCE(MAX(id), 0) FROM audit", out, e);
}

#define AUDIT_COLS "id, at, actor, COALESCE(user_id, 0), action, entity, COALESCE(entity_id, 0)," \
                   " COALESCE(address, ''), COALESCE(detail, ''), COALESCE(hash, '')"

static void read_row(db_stmt_t *s, struct audit_row *r)
{
	memset(r, 0, sizeof *r);
	r->id = db_col_int(s, 0);
	db_col_copy(s, 1, r->at, sizeof r->at);
	db_col_copy(s, 2, r->actor, sizeof r->actor);
	r->user_id = db_col_int(s, 3);
	db_col_copy(s, 4, r->action, sizeof r->action);
	db_col_copy(s, 5, r->entity, sizeof r->entity);
	r->entity_id = db_col_int(s, 6);
	db_col_copy(s, 7, r->address, sizeof r->address);
	db_col_copy(s, 8, r->detail, sizeof r->detail);
	db_col_copy(s, 9, r->hash, sizeof r->hash);
}

static int each(db_stmt_t *s, store_audit_fn fn, void *ctx, struct dy_err *e)
{
	struct audit_row r;
	int rc, stop = 0;
	while ((rc = db_step(s, e)) == DB_ROW) {
		if (stop)
			continue; /* run the statement to its end so it holds no snapshot */
		read_row(s, &r);
		stop = fn(ctx, &r);
	}
	return rc < 0 ? rc : stop;
}

int store_audit_each(db_t *db, store_audit_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT " AUDIT_COLS " FROM audit ORDER BY id", e);
	return s ? each(s, fn, ctx, e) : DY_ESTORE;
}

int store_audit_for(db_t *db, const char *entity, int64_t entity_id, int limit, store_audit_fn fn, void *ctx,
                    struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT " AUDIT_COLS " FROM audit WHERE entity = ? AND entity_id = ?"
	                              " ORDER BY id DESC LIMIT ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, entity);
	db_bind_int(s, 2, entity_id);
	db_bind_int(s, 3, limit);
	return each(s, fn, ctx, e);
}
