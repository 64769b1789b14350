/* store_user.h: SQL for user accounts, their teams, sessions, API tokens
 * and sign-in throttling. Secrets are never stored: passwords as Argon2id
 * strings, session and API tokens as hex BLAKE2b hashes (app_user.c). */
#ifndef DYAD_STORE_USER_H
#define DYAD_STORE_USER_H

#include <stdint.h>

#include "store/db.h"

#define USER_NAME_MAX 64
#define USER_HASH_MAX 128

struct user_row {
	int64_t id;
	char name[USER_NAME_MAX];
	char display[101];
	unsigned roles;
	char password_hash[USER_HASH_MAX];
	int disabled;
	char created_at[21];
};

/* Inserts u (u->id is set). DY_ECONFLICT when the name is taken. */
int store_user_insert(db_t *db, struct user_row *u, struct dy_err *e);

/* Loads the user by name or id; DY_ENOTFOUND when absent. */
int store_user_by_name(db_t *db, const char *name, struct user_row *u, struct dy_err *e);
int store_user_by_id(db_t *db, int64_t id, struct user_row *u, struct dy_err *e);

/* Sets the password hash / the disabled flag of user id. */
int store_user_set_password(db_t *db, int64_t id, const char *hash, struct dy_err *e);
int store_user_set_disabled(db_t *db, int64_t id, int disabled, struct dy_err *e);

/* How many users there are. */
int store_user_count(db_t *db, int64_t *n, struct dy_err *e);

/* Calls fn for every user by name. */
int store_user_list(db_t *db, int (*fn)(void *ctx, const struct user_row *u), void *ctx, struct dy_err *e);

/* Adds user id to team; the user's teams into ids (at most max), *n. */
int store_user_team_add(db_t *db, int64_t user_id, int64_t team_id, struct dy_err *e);
int store_user_teams(db_t *db, int64_t user_id, int64_t *ids, int max, int *n, struct dy_err *e);

/* The team with code, DY_ENOTFOUND when none. */
int store_team_by_code(db_t *db, const char *code, int64_t *id, struct dy_err *e);

struct session_row {
	int64_t id;
	int64_t user_id;
	int64_t created_at; /* Unix seconds */
	int64_t last_seen;
	char address[64];
	int revoked;
};

/* Inserts a session for user_id with token hash; s->id set. */
int store_session_insert(db_t *db, const char *token_hash, struct session_row *s, struct dy_err *e);

/* The session with the token hash; DY_ENOTFOUND when none. */
int store_session_find(db_t *db, const char *token_hash, struct session_row *s, struct dy_err *e);

/* Moves last_seen of session id to now. */
int store_session_touch(db_t *db, int64_t id, int64_t now, struct dy_err *e);

/* Revokes session id (user_id > 0: only if it is that user's); *changed is
 * the number revoked. With id 0 revokes every session of user_id. */
int store_session_revoke(db_t *db, int64_t id, int64_t user_id, int *changed, struct dy_err *e);

/* Calls fn for the live sessions (user_id 0: everyone's), newest first. */
int store_session_list(db_t *db, int64_t user_id, int64_t now_min_seen, int64_t now_min_created,
                       int (*fn)(void *ctx, const struct session_row *s), void *ctx, struct dy_err *e);

/* API tokens. */
int store_token_insert(db_t *db, int64_t user_id, const char *token_hash, const char *expires, int64_t *id,
                       struct dy_err *e);
/* The token's user and expiry date; DY_ENOTFOUND when none or revoked. */
int store_token_find(db_t *db, const char *token_hash, int64_t *user_id, char expires[11], struct dy_err *e);
/* Revokes every token of user_id. */
int store_token_revoke_user(db_t *db, int64_t user_id, struct dy_err *e);

/* Sign-in throttle by the name typed. */
int store_throttle_get(db_t *db, const char *name, int *failures, int64_t *last_failure, int64_t *locked_until,
                       struct dy_err *e);
int store_throttle_set(db_t *db, const char *name, int failures, int64_t last_failure, int64_t locked_until,
                       struct dy_err *e);
int store_throttle_clear(db_t *db, const char *name, struct dy_err *e);

#endif
