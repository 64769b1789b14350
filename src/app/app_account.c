/* app_account.c: accounts, sign-in with throttling, sessions and API tokens
 * (see app_account.h). */
#include "app/app_account.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <threads.h>

#include "app/app_scope.h"
#include "util/date.h"
#include "util/str.h"

/* The roles a user can be given, by name: role_bits[i] is role_names[i]'s
 * bit (the operator is nobody's role: it is the local command line). */
static const char *const role_names[] = {"admin", "manager", "clinician", "admin_staff", "analyst", "network", NULL};
static const unsigned role_bits[] = {USER_ADMIN, USER_MANAGER, USER_CLINICIAN, USER_ADMIN_STAFF, USER_ANALYST,
                                     USER_NETWORK};

int app_role_check(unsigned roles, struct dy_err *e)
{
	if (!roles || (roles & ~(unsigned)USER_ROLES))
		return dy_fail(e, DY_EINVAL, "role", "give at least one role");
	if ((roles & USER_NETWORK) && roles != USER_NETWORK)
		return dy_fail(e, DY_EINVAL, "role",
		               "network is a user's only role: it sees its teams' figures and nothing else");
	return 0;
}

int app_role_parse(const char *list, unsigned *roles, struct dy_err *e)
{
	*roles = 0;
	char buf[256];
	str_copy(buf, sizeof buf, list ? list : "");
	char *save = NULL;
	for (char *t = strtok_r(buf, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
		int i = str_index(role_names, t);
		if (i < 0) {
			char all[128];
			str_join_list(role_names, all, sizeof all);
			return dy_fail(e, DY_EINVAL, "role", "'%s' is not a role: use %s", t, all);
		}
		*roles |= role_bits[i];
	}
	int rc = app_role_check(*roles, e);
	if (rc)
		*roles = 0;
	return rc;
}

void app_role_format(unsigned roles, char *out, size_t n)
{
	out[0] = '\0';
	size_t used = 0;
	for (int i = 0; role_names[i]; i++)
		if (roles & role_bits[i]) {
			int w = snprintf(out + used, n - used, "%s%s", used ? "," : "", role_names[i]);
			if (w < 0 || (size_t)w >= n - used)
				return;
			used += (size_t)w;
		}
}

static int name_ok(const char *s, struct dy_err *e)
{
	size_t n = strlen(s);
	if (n < 1 || n >= USER_NAME_MAX)
		return dy_fail(e, DY_EINVAL, "name", "must be 1 to %d characters", USER_NAME_MAX - 1);
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
			return dy_fail(e, DY_EINVAL, "name", "use lower-case letters, digits, '.', '_' and '-' only");
	}
	return 0;
}

static int password_hash(const char *password, char out[USER_HASH_MAX], struct dy_err *e)
{
	size_t n = strlen(password);
	if (n < PASSWORD_MIN || n > PASSWORD_MAX)
		return dy_fail(e, DY_EINVAL, "password", "must be %d to %d characters", PASSWORD_MIN, PASSWORD_MAX);
	_Static_assert(USER_HASH_MAX >= crypto_pwhash_STRBYTES, "hash buffer");
	if (crypto_pwhash_str_alg(out, password, n, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                          crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return dy_fail(e, DY_EINTERNAL, NULL, "out of memory hashing the password");
	return 0;
}

/* hex(BLAKE2b-256(token)): what is stored for a session or API token. */
static void token_hash(const char *token, char out[TOKEN_HEX])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, TOKEN_HEX, h, sizeof h);
}

static void token_new(char out[TOKEN_HEX])
{
	unsigned char r[32];
	randombytes_buf(r, sizeof r);
	sodium_bin2hex(out, TOKEN_HEX, r, sizeof r);
}

static int token_shape_ok(const char *t)
{
	if (!t || strlen(t) != 64)
		return 0;
	for (int i = 0; i < 64; i++)
		if (!((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'a' && t[i] <= 'f')))
			return 0;
	return 1;
}

/* The write's transaction: begin, body's rc, end with one audit entry. */
static int begin(struct app *a, struct dy_err *e)
{
	return app_begin(a, e);
}

int app_user_add(struct app *a, const char *name, const char *display, unsigned roles, const char *teams,
                 const char *password, int64_t *id, struct dy_err *e)
{
	int rc = app_scope_require(a, USER_OPERATOR | USER_ADMIN, e);
	if (rc || (rc = name_ok(name ? name : "", e)))
		return rc;
	if (str_empty(display) || strlen(display) > 100)
		return dy_fail(e, DY_EINVAL, "display", "must be 1 to 100 characters");
	if ((rc = app_role_check(roles, e)))
		return rc;
	struct user_row u;
	memset(&u, 0, sizeof u);
	str_copy(u.name, sizeof u.name, name);
	str_copy(u.display, sizeof u.display, display);
	u.roles = roles;
	if ((rc = password_hash(password ? password : "", u.password_hash, e)))
		return rc;
	if ((rc = begin(a, e)))
		return rc;
	rc = store_user_insert(a->db, &u, e);
	if (!rc && str_empty(teams)) {
		if (!a->team_id)
			rc = dy_fail(e, DY_EINVAL, "team", "the database has no team yet: run `dyad init` first");
		else
			rc = store_user_team_add(a->db, u.id, a->team_id, e);
	} else if (!rc) {
		char buf[512];
		str_copy(buf, sizeof buf, teams);
		char *save = NULL;
		for (char *t = strtok_r(buf, ", ", &save); !rc && t; t = strtok_r(NULL, ", ", &save)) {
			int64_t tid;
			rc = store_team_by_code(a->db, t, &tid, e);
			if (rc == DY_ENOTFOUND)
				rc = dy_fail(e, DY_EINVAL, "team", "no team has the code %s", t);
			if (!rc)
				rc = store_user_team_add(a->db, u.id, tid, e);
		}
	}
	char detail[64];
	app_role_format(roles, detail, sizeof detail);
	rc = app_end(a, rc, "user_add", "user", u.id, detail, e);
	if (!rc && id)
		*id = u.id;
	return rc;
}

static int find_user(struct app *a, const char *name, struct user_row *u, struct dy_err *e)
{
	int rc = store_user_by_name(a->db, name ? name : "", u, e);
	if (rc == DY_ENOTFOUND)
		return dy_fail(e, DY_ENOTFOUND, "name", "no user has this name");
	return rc;
}

int app_user_passwd(struct app *a, const char *name, const char *password, struct dy_err *e)
{
	struct user_row u;
	int rc = find_user(a, name, &u, e);
	if (rc)
		return rc;
	if (!(a->user.roles & (USER_OPERATOR | USER_ADMIN)) && a->user.id != u.id)
		return dy_fail(e, DY_EFORBIDDEN, NULL, "your role does not allow this");
	char hash[USER_HASH_MAX];
	if ((rc = password_hash(password ? password : "", hash, e)) || (rc = begin(a, e)))
		return rc;
	rc = store_user_set_password(a->db, u.id, hash, e);
	if (!rc)
		rc = store_session_revoke(a->db, 0, u.id, NULL, e);
	return app_end(a, rc, "user_passwd", "user", u.id, NULL, e);
}

int app_user_disable(struct app *a, const char *name, struct dy_err *e)
{
	int rc = app_scope_require(a, USER_OPERATOR | USER_ADMIN, e);
	struct user_row u;
	if (rc || (rc = find_user(a, name, &u, e)) || (rc = begin(a, e)))
		return rc;
	rc = store_user_set_disabled(a->db, u.id, 1, e);
	if (!rc)
		rc = store_session_revoke(a->db, 0, u.id, NULL, e);
	if (!rc)
		rc = store_token_revoke_user(a->db, u.id, e);
	return app_end(a, rc, "user_disable", "user", u.id, NULL, e);
}

int app_user_list(struct app *a, int (*fn)(void *ctx, const struct user_row *u), void *ctx, struct dy_err *e)
{
	int rc = app_scope_require(a, USER_OPERATOR | USER_ADMIN, e);
	return rc ? rc : store_user_list(a->db, fn, ctx, e);
}

int app_user_count(struct app *a, int64_t *n, struct dy_err *e)
{
	return store_user_count(a->db, n, e);
}

/* Fills the acting-user struct for a stored user. */
static int load_user(struct app *a, const struct user_row *r, struct app_user *u, struct dy_err *e)
{
	memset(u, 0, sizeof *u);
	u->id = r->id;
	str_copy(u->name, sizeof u->name, r->name);
	str_copy(u->display, sizeof u->display, r->display);
	u->roles = r->roles & USER_ROLES;
	return store_user_teams(a->db, r->id, u->team_ids, APP_MAX_TEAMS, &u->nteams, e);
}

static char dummy_hash[USER_HASH_MAX];
static once_flag dummy_once = ONCE_FLAG_INIT;

static void make_dummy(void)
{
	struct dy_err e;
	if (password_hash("not the password of anyone", dummy_hash, &e))
		dummy_hash[0] = '\0';
}

static const char refused[] = "the name or password is not right, or this name is locked for 15 minutes"
                              " after too many tries";

int app_sign_in(struct app *a, const char *name, const char *password, int64_t now, char token[TOKEN_HEX],
                struct app_user *u, int64_t *session_id, struct dy_err *e)
{
	token[0] = '\0';
	char typed[USER_NAME_MAX];
	str_copy(typed, sizeof typed, name ? name : "");
	if (!password)
		password = "";
	int failures;
	int64_t last, locked;
	int rc = store_throttle_get(a->db, typed, &failures, &last, &locked, e);
	if (rc)
		return rc;
	struct user_row r;
	int found = store_user_by_name(a->db, typed, &r, e) == 0;
	/* The same work whether or not the user exists, so that timing does not
	 * tell: an unknown name is checked against a fixed hash. */
	call_once(&dummy_once, make_dummy);
	if (!dummy_hash[0])
		return dy_fail(e, DY_EINTERNAL, NULL, "out of memory hashing the password");
	const char *hash = found ? r.password_hash : dummy_hash;
	int good = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0 && found && !r.disabled;
	if (locked > now)
		good = 0;
	if ((rc = begin(a, e)))
		return rc;
	if (!good) {
		if (locked <= now) {
			if (now - last > SIGNIN_WINDOW_SECS)
				failures = 0;
			failures++;
			int64_t until = failures >= SIGNIN_MAX_FAILURES ? now + SIGNIN_LOCK_SECS : 0;
			rc = store_throttle_set(a->db, typed, failures >= SIGNIN_MAX_FAILURES ? 0 : failures, now, until, e);
		}
		/* Who tried is not named (the name typed may be anything). */
		rc = app_end(a, rc, "sign_in_refused", "user", found ? r.id : 0, NULL, e);
		return rc ? rc : dy_fail(e, DY_EFORBIDDEN, "name", "%s", refused);
	}
	rc = store_throttle_clear(a->db, typed, e);
	struct session_row s = {.user_id = r.id, .created_at = now, .last_seen = now};
	str_copy(s.address, sizeof s.address, a->address);
	char hashed[TOKEN_HEX];
	token_new(token);
	token_hash(token, hashed);
	if (!rc)
		rc = store_session_insert(a->db, hashed, &s, e);
	if (!rc)
		rc = load_user(a, &r, u, e);
	str_copy(a->actor, sizeof a->actor, r.name);
	a->user.id = r.id;
	rc = app_end(a, rc, "sign_in", "user", r.id, NULL, e);
	if (rc)
		token[0] = '\0';
	else if (session_id)
		*session_id = s.id;
	return rc;
}

int app_session_resolve(struct app *a, const char *token, int64_t now, struct app_user *u, int64_t *session_id,
                        struct dy_err *e)
{
	if (!token_shape_ok(token))
		return dy_fail(e, DY_ENOTFOUND, "session", "no such session");
	char hashed[TOKEN_HEX];
	token_hash(token, hashed);
	struct session_row s;
	int rc = store_session_find(a->db, hashed, &s, e);
	if (rc)
		return rc;
	if (s.revoked || now - s.last_seen > SESSION_IDLE_SECS || now - s.created_at > SESSION_MAX_SECS)
		return dy_fail(e, DY_ENOTFOUND, "session", "the session has ended");
	struct user_row r;
	if ((rc = store_user_by_id(a->db, s.user_id, &r, e)))
		return rc;
	if (r.disabled)
		return dy_fail(e, DY_ENOTFOUND, "session", "the session has ended");
	/* Idle time is kept to the minute: one write a minute, not one a request. */
	if (now - s.last_seen >= 60 && (rc = store_session_touch(a->db, s.id, now, e)))
		return rc;
	if (session_id)
		*session_id = s.id;
	return load_user(a, &r, u, e);
}

int app_sign_out(struct app *a, int64_t session_id, struct dy_err *e)
{
	int rc = begin(a, e);
	if (rc)
		return rc;
	rc = store_session_revoke(a->db, session_id, a->user.id, NULL, e);
	return app_end(a, rc, "sign_out", "user", a->user.id, NULL, e);
}

int app_session_list(struct app *a, const char *name, int64_t now,
                     int (*fn)(void *ctx, const struct session_row *s), void *ctx, struct dy_err *e)
{
	int rc = app_scope_require(a, USER_OPERATOR | USER_ADMIN, e);
	int64_t uid = 0;
	if (!rc && !str_empty(name)) {
		struct user_row u;
		rc = find_user(a, name, &u, e);
		uid = u.id;
	}
	if (rc)
		return rc;
	return store_session_list(a->db, uid, now - SESSION_IDLE_SECS, now - SESSION_MAX_SECS, fn, ctx, e);
}

int app_session_revoke(struct app *a, int64_t session_id, struct dy_err *e)
{
	int rc = app_scope_require(a, USER_OPERATOR | USER_ADMIN, e);
	if (rc || (rc = begin(a, e)))
		return rc;
	int changed = 0;
	rc = store_session_revoke(a->db, session_id, 0, &changed, e);
	if (!rc && !changed)
		rc = dy_fail(e, DY_ENOTFOUND, "session", "session %lld is not live", (long long)session_id);
	return app_end(a, rc, "session_revoke", "session", session_id, NULL, e);
}

int app_token_create(struct app *a, const char *name, int32_t expires, char token[TOKEN_HEX], struct dy_err *e)
{
	token[0] = '\0';
	int rc = app_scope_require(a, USER_OPERATOR | USER_ADMIN, e);
	struct user_row u;
	if (rc || (rc = find_user(a, name, &u, e)))
		return rc;
	if (u.disabled)
		return dy_fail(e, DY_ECONFLICT, "user", "the user is disabled");
	if (expires <= a->today)
		return dy_fail(e, DY_EINVAL, "expires", "must be a date after today");
	char day[DATE_LEN], hashed[TOKEN_HEX];
	date_format(expires, day);
	token_new(token);
	token_hash(token, hashed);
	int64_t id = 0;
	if ((rc = begin(a, e)))
		return rc;
	rc = store_token_insert(a->db, u.id, hashed, day, &id, e);
	rc = app_end(a, rc, "token_create", "user", u.id, day, e);
	if (rc)
		token[0] = '\0';
	return rc;
}

int app_token_resolve(struct app *a, const char *token, int32_t today, struct app_user *u, struct dy_err *e)
{
	if (!token_shape_ok(token))
		return dy_fail(e, DY_ENOTFOUND, "token", "no such token");
	char hashed[TOKEN_HEX], expires[11];
	token_hash(token, hashed);
	int64_t uid;
	int rc = store_token_find(a->db, hashed, &uid, expires, e);
	if (rc)
		return rc;
	int32_t until;
	if (date_parse(expires, &until) || until < today)
		return dy_fail(e, DY_ENOTFOUND, "token", "the token has expired");
	struct user_row r;
	if ((rc = store_user_by_id(a->db, uid, &r, e)))
		return rc;
	if (r.disabled)
		return dy_fail(e, DY_ENOTFOUND, "token", "the token has ended");
	return load_user(a, &r, u, e);
}

int app_team_add(struct app *a, struct team *t, struct dy_err *e)
{
	int rc = app_scope_require(a, USER_OPERATOR | USER_ADMIN, e);
	if (rc)
		return rc;
	if (str_empty(t->code) || strlen(t->code) > 32)
		return dy_fail(e, DY_EINVAL, "code", "must be 1 to 32 characters");
	if (str_empty(t->name) || strlen(t->name) > 100)
		return dy_fail(e, DY_EINVAL, "name", "must be 1 to 100 characters");
	if ((rc = begin(a, e)))
		return rc;
	rc = store_team_ensure(a->db, t, e);
	return app_end(a, rc, "team_add", "team", t->id, NULL, e);
}

int app_demo_users(struct app *a, struct demo_login out[DEMO_USERS], struct dy_err *e)
{
	static const char *const names[DEMO_USERS] = {"demo-admin", "demo-manager", "demo-clinician", "demo-admin-staff",
	                                               "demo-analyst"};
	static const unsigned roles[DEMO_USERS] = {USER_ADMIN, USER_MANAGER, USER_CLINICIAN, USER_ADMIN_STAFF,
	                                           USER_ANALYST};
	/* Letters and digits that cannot be mistaken for one another. */
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
	memset(out, 0, sizeof(struct demo_login) * DEMO_USERS);
	if (!a->demo)
		return dy_fail(e, DY_ECONFLICT, "db", "demo users go only into a demo database");
	int64_t n;
	int rc = store_user_count(a->db, &n, e);
	if (rc || n > 0)
		return rc; /* users exist: nothing to do */
	for (int i = 0; i < DEMO_USERS; i++) {
		str_copy(out[i].name, sizeof out[i].name, names[i]);
		app_role_format(roles[i], out[i].role, sizeof out[i].role);
		/* 4 groups of 4: 80 bits, easy to type from the screen. */
		int k = 0;
		for (int g = 0; g < 4; g++) {
			for (int j = 0; j < 4; j++)
				out[i].password[k++] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
			if (g < 3)
				out[i].password[k++] = '-';
		}
		out[i].password[k] = '\0';
		char display[64];
		snprintf(display, sizeof display, "Demo %s", out[i].role);
		if ((rc = app_user_add(a, names[i], display, roles[i], NULL, out[i].password, NULL, e))) {
			sodium_memzero(out, sizeof(struct demo_login) * DEMO_USERS);
			return rc;
		}
	}
	return 0;
}
