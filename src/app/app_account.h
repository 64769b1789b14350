/* app_account.h: user accounts, sign-in, sessions and API tokens.
 *
 * Passwords are kept only as Argon2id strings (libsodium crypto_pwhash);
 * session and API tokens are 256 random bits given to the client once and
 * kept only as BLAKE2b-256 hashes. A session ends after 30 minutes idle or
 * 12 hours in all, at sign-out, or when revoked. Five failed sign-ins for a
 * name within 15 minutes lock that name for 15 minutes, whether or not such
 * a user exists, and every refusal says the same thing. */
#ifndef DYAD_APP_ACCOUNT_H
#define DYAD_APP_ACCOUNT_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "store/store_family.h"
#include "store/store_user.h"

#define SESSION_IDLE_SECS (30 * 60)
#define SESSION_MAX_SECS (12 * 60 * 60)
#define SIGNIN_MAX_FAILURES 5
#define SIGNIN_WINDOW_SECS (15 * 60)
#define SIGNIN_LOCK_SECS (15 * 60)
#define PASSWORD_MIN 12
#define PASSWORD_MAX 256
#define TOKEN_HEX 65 /* 64 hex digits and a NUL */

/* 0 when roles (enum app_role bits) can be given to a user: at least one,
 * none but those of USER_ROLES, and network only on its own; else
 * DY_EINVAL naming the field "role". */
int app_role_check(unsigned roles, struct dy_err *e);

/* Parses "clinician,manager" into role bits; DY_EINVAL naming the field
 * "role" for an unknown role or a list app_role_check refuses. */
int app_role_parse(const char *list, unsigned *roles, struct dy_err *e);

/* Writes the role names of roles, comma-separated, into out (size n). */
void app_role_format(unsigned roles, char *out, size_t n);

/* Creates a user: name (1-64 of a-z 0-9 . _ -), display name, roles, teams
 * (comma-separated team codes; NULL or "" for the database's own team) and
 * password (12-256 bytes). Only the operator or an admin; *id receives the
 * new id. DY_ECONFLICT when the name is taken. */
int app_user_add(struct app *a, const char *name, const char *display, unsigned roles, const char *teams,
                 const char *password, int64_t *id, struct dy_err *e);

/* Sets a new password (operator, admin, or the user for themselves) and
 * ends the user's sessions. */
int app_user_passwd(struct app *a, const char *name, const char *password, struct dy_err *e);

/* Disables a user and ends their sessions and API tokens (operator or admin). */
int app_user_disable(struct app *a, const char *name, struct dy_err *e);

/* Calls fn for every user (operator or admin). */
int app_user_list(struct app *a, int (*fn)(void *ctx, const struct user_row *u), void *ctx, struct dy_err *e);

/* How many users exist (no role needed: `make run` asks). */
int app_user_count(struct app *a, int64_t *n, struct dy_err *e);

/* Signs name in with password at now (Unix seconds) from a->address: on
 * success writes a new session token (hex) to token, fills *u and returns
 * 0. Any refusal (unknown name, wrong password, disabled, locked) returns
 * DY_EFORBIDDEN with the same message. */
int app_sign_in(struct app *a, const char *name, const char *password, int64_t now, char token[TOKEN_HEX],
                struct app_user *u, int64_t *session_id, struct dy_err *e);

/* The user of a live session token at now; DY_ENOTFOUND for an unknown,
 * expired or revoked token or a disabled user. */
int app_session_resolve(struct app *a, const char *token, int64_t now, struct app_user *u, int64_t *session_id,
                        struct dy_err *e);

/* Ends session id (signing out: the acting user's own session). */
int app_sign_out(struct app *a, int64_t session_id, struct dy_err *e);

/* Calls fn for the live sessions at now: every user's (name NULL; operator
 * or admin) or one user's. */
int app_session_list(struct app *a, const char *name, int64_t now,
                     int (*fn)(void *ctx, const struct session_row *s), void *ctx, struct dy_err *e);

/* Revokes session id (operator or admin); DY_ENOTFOUND when not live. */
int app_session_revoke(struct app *a, int64_t session_id, struct dy_err *e);

/* Creates an API token for user name, valid to the end of expires (a date
 * after today); writes it (hex) to token. Operator or admin. */
int app_token_create(struct app *a, const char *name, int32_t expires, char token[TOKEN_HEX], struct dy_err *e);

/* The user of a live API token on date today; DY_ENOTFOUND otherwise. */
int app_token_resolve(struct app *a, const char *token, int32_t today, struct app_user *u, struct dy_err *e);

/* Adds a team (code, name) unless one has that code; t->id is set either
 * way. Operator or admin. */
int app_team_add(struct app *a, struct team *t, struct dy_err *e);

#define DEMO_USERS 5

/* A demo user's sign-in, shown once. */
struct demo_login {
	char name[USER_NAME_MAX];
	char role[32];
	char password[24];
};

/* In a demo database with no users yet: one user per role (demo-admin,
 * demo-manager, demo-clinician, demo-admin-staff, demo-analyst) with a
 * random password each, written to out for the caller to show once (they
 * are kept only as Argon2id hashes). Does nothing when users exist (out's
 * names are then ""). DY_ECONFLICT for a database that is not a demo. */
int app_demo_users(struct app *a, struct demo_login out[DEMO_USERS], struct dy_err *e);

#endif
