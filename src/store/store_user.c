/* store_user.c: SQL for users, teams of users, sessions, tokens, throttle. */
#include "store/store_user.h"

#include <string.h>

#include "util/date.h"

#define USER_COLS "id, name, display, roles, password_hash, disabled, created_at"

static void read_user(db_stmt_t *s, struct user_row *u)
{
	memset(u, 0, sizeof *u);
	u->id = db_col_int(s, 0);
	db_col_copy(s, 1, u->name, sizeof u->name);
	db_col_copy(s, 2, u->display, sizeof u->display);
	u->roles = (unsigned)db_col_int(s, 3);
	db_col_copy(s, 4, u->password_hash, sizeof u->password_hash);
	u->disabled = (int)db_col_int(s, 5);
	db_col_copy(s, 6, u->created_at, sizeof u->created_at);
}

/* Steps s expecting at most one row: DB_ROW read by the caller first. */
static int one_row(db_stmt_t *s, struct dy_err *e, const char *what)
{
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	if (rc != DB_ROW)
		return dy_fail(e, DY_ENOTFOUND, what, "no such %s", what);
	return 0;
}

int store_user_insert(db_t *db, struct user_row *u, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO app_user (name, display, roles, password_hash, disabled, created_at)"
	                              " VALUES (?,?,?,?,0,?) RETURNING id", e);
	if (!s)
		return DY_ESTORE;
	date_now_utc(u->created_at);
	db_bind_text_ref(s, 1, u->name);
	db_bind_text_ref(s, 2, u->display);
	db_bind_int(s, 3, u->roles);
	db_bind_text_ref(s, 4, u->password_hash);
	db_bind_text_ref(s, 5, u->created_at);
	int rc = db_run_id(s, &u->id, e);
	if (rc == DY_ECONFLICT)
		return dy_fail(e, DY_ECONFLICT, "name", "a user with this name exists");
	return rc;
}

int store_user_by_name(db_t *db, const char *name, struct user_row *u, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT " USER_COLS " FROM app_user WHERE name = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, name);
	int rc = one_row(s, e, "user");
	if (!rc) {
		read_user(s, u);
		db_step(s, e);
	}
	return rc;
}

int store_user_by_id(db_t *db, int64_t id, struct user_row *u, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT " USER_COLS " FROM app_user WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, id);
	int rc = one_row(s, e, "user");
	if (!rc) {
		read_user(s, u);
		db_step(s, e);
	}
	return rc;
}

int store_user_set_password(db_t *db, int64_t id, const char *hash, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE app_user SET password_hash = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, hash);
	db_bind_int(s, 2, id);
	return db_run(s, e);
}

int store_user_set_disabled(db_t *db, int64_t id, int disabled, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE app_user SET disabled = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, disabled ? 1 : 0);
	db_bind_int(s, 2, id);
	return db_run(s, e);
}

int store_user_count(db_t *db, int64_t *n, struct dy_err *e)
{
	return db_query_int(db, "SELECT COUNT(*) FROM app_user", n, e);
}

int store_user_list(db_t *db, int (*fn)(void *ctx, const struct user_row *u), void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT " USER_COLS " FROM app_user ORDER BY name", e);
	if (!s)
		return DY_ESTORE;
	int rc, stop = 0;
	struct user_row u;
	while ((rc = db_step(s, e)) == DB_ROW)
		if (!stop) {
			read_user(s, &u);
			stop = fn(ctx, &u);
		}
	return rc < 0 ? rc : stop;
}

int store_user_team_add(db_t *db, int64_t user_id, int64_t team_id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO user_team (user_id, team_id) VALUES (?, ?) ON CONFLICT DO NOTHING", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, user_id);
	db_bind_int(s, 2, team_id);
	return db_run(s, e);
}

int store_user_teams(db_t *db, int64_t user_id, int64_t *ids, int max, int *n, struct dy_err *e)
{
	*n = 0;
	db_stmt_t *s = db_prepare(db, "SELECT team_id FROM user_team WHERE user_id = ? ORDER BY team_id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, user_id);
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW)
		if (*n < max)
			ids[(*n)++] = db_col_int(s, 0);
	return rc < 0 ? rc : 0;
}

int store_team_by_code(db_t *db, const char *code, int64_t *id, struct dy_err *e)
{
	*id = 0;
	db_stmt_t *s = db_prepare(db, "SELECT id FROM team WHERE code = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, code);
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	if (rc != DB_ROW)
		return dy_fail(e, DY_ENOTFOUND, "team", "no team has code %s", code);
	*id = db_col_int(s, 0);
	db_step(s, e);
	return 0;
}

int store_session_insert(db_t *db, const char *token_hash, struct session_row *r, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO session (user_id, token_hash, created_at, last_seen, address, revoked)"
	                              " VALUES (?,?,?,?,?,0) RETURNING id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, r->user_id);
	db_bind_text(s, 2, token_hash);
	db_bind_int(s, 3, r->created_at);
	db_bind_int(s, 4, r->last_seen);
	db_bind_text(s, 5, r->address);
	return db_run_id(s, &r->id, e);
}

#define SESSION_COLS "id, user_id, created_at, last_seen, address, revoked"

static void read_session(db_stmt_t *s, struct session_row *r)
{
	memset(r, 0, sizeof *r);
	r->id = db_col_int(s, 0);
	r->user_id = db_col_int(s, 1);
	r->created_at = db_col_int(s, 2);
	r->last_seen = db_col_int(s, 3);
	db_col_copy(s, 4, r->address, sizeof r->address);
	r->revoked = (int)db_col_int(s, 5);
}

int store_session_find(db_t *db, const char *token_hash, struct session_row *r, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT " SESSION_COLS " FROM session WHERE token_hash = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, token_hash);
	int rc = one_row(s, e, "session");
	if (!rc) {
		read_session(s, r);
		db_step(s, e);
	}
	return rc;
}

int store_session_touch(db_t *db, int64_t id, int64_t now, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE session SET last_seen = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, now);
	db_bind_int(s, 2, id);
	return db_run(s, e);
}

int store_session_revoke(db_t *db, int64_t id, int64_t user_id, int *changed, struct dy_err *e)
{
	db_stmt_t *s;
	if (id) {
		s = db_prepare(db, "UPDATE session SET revoked = 1 WHERE id = ? AND revoked = 0"
		                   " AND (? = 0 OR user_id = ?)", e);
		if (!s)
			return DY_ESTORE;
		db_bind_int(s, 1, id);
		db_bind_int(s, 2, user_id);
		db_bind_int(s, 3, user_id);
	} else {
		s = db_prepare(db, "UPDATE session SET revoked = 1 WHERE user_id = ? AND revoked = 0", e);
		if (!s)
			return DY_ESTORE;
		db_bind_int(s, 1, user_id);
	}
	int rc = db_run(s, e);
	if (changed)
		*changed = rc ? 0 : db_changes(db);
	return rc;
}

int store_session_list(db_t *db, int64_t user_id, int64_t now_min_seen, int64_t now_min_created,
                       int (*fn)(void *ctx, const struct session_row *s), void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT " SESSION_COLS " FROM session WHERE revoked = 0 AND last_seen >= ?"
	                              " AND created_at >= ? AND (? = 0 OR user_id = ?) ORDER BY id DESC", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, now_min_seen);
	db_bind_int(s, 2, now_min_created);
	db_bind_int(s, 3, user_id);
	db_bind_int(s, 4, user_id);
	int rc, stop = 0;
	struct session_row r;
	while ((rc = db_step(s, e)) == DB_ROW)
		if (!stop) {
			read_session(s, &r);
			stop = fn(ctx, &r);
		}
	return rc < 0 ? rc : stop;
}

int store_token_insert(db_t *db, int64_t user_id, const char *token_hash, const char *expires, int64_t *id,
                       struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO api_token (user_id, token_hash, created_at, expires, revoked)"
	                              " VALUES (?,?,?,?,0) RETURNING id", e);
	if (!s)
		return DY_ESTORE;
	char now[21];
	date_now_utc(now);
	db_bind_int(s, 1, user_id);
	db_bind_text(s, 2, token_hash);
	db_bind_text(s, 3, now);
	db_bind_text(s, 4, expires);
	return db_run_id(s, id, e);
}

int store_token_find(db_t *db, const char *token_hash, int64_t *user_id, char expires[11], struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT user_id, expires FROM api_token WHERE token_hash = ? AND revoked = 0", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, token_hash);
	int rc = one_row(s, e, "token");
	if (!rc) {
		*user_id = db_col_int(s, 0);
		db_col_copy(s, 1, expires, 11);
		db_step(s, e);
	}
	return rc;
}

int store_token_revoke_user(db_t *db, int64_t user_id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE api_token SET revoked = 1 WHERE user_id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, user_id);
	return db_run(s, e);
}

int store_throttle_get(db_t *db, const char *name, int *failures, int64_t *last_failure, int64_t *locked_until,
                       struct dy_err *e)
{
	*failures = 0;
	*last_failure = *locked_until = 0;
	db_stmt_t *s = db_prepare(db, "SELECT failures, last_failure, locked_until FROM signin_throttle WHERE name = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, name);
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	if (rc == DB_ROW) {
		*failures = (int)db_col_int(s, 0);
		*last_failure = db_col_int(s, 1);
		*locked_until = db_col_int(s, 2);
		db_step(s, e);
	}
	return 0;
}

int store_throttle_set(db_t *db, const char *name, int failures, int64_t last_failure, int64_t locked_until,
                       struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO signin_throttle (name, failures, last_failure, locked_until)"
	                              " VALUES (?,?,?,?) ON CONFLICT (name) DO UPDATE SET failures = excluded.failures,"
	                              " last_failure = excluded.last_failure, locked_until = excluded.locked_until", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, name);
	db_bind_int(s, 2, failures);
	db_bind_int(s, 3, last_failure);
	db_bind_int(s, 4, locked_until);
	return db_run(s, e);
}

int store_throttle_clear(db_t *db, const char *name, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "DELETE FROM signin_throttle WHERE name = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, name);
	return db_run(s, e);
}
