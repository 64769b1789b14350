/* cmd_user.c: accounts and the audit log from the command line: dyad user
 * add|passwd|disable|list, session list|revoke, token create, team add,
 * audit verify|show. Passwords are read from standard input (a prompt
 * without echo on a terminal), never from the command line. */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "app/app_account.h"
#include "app/app_audit.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/out.h"
#include "store/store_family.h"
#include "util/str.h"

/* Reads one line (without its newline) into buf; prompts without echo on a
 * terminal. Returns 0, or DY_EINVAL when nothing could be read. */
static int read_secret(const char *prompt, char *buf, size_t n)
{
	int tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	if (tty) {
		fprintf(stderr, "%s", prompt);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	char *got = fgets(buf, (int)n, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (!got)
		return DY_EINVAL;
	buf[strcspn(buf, "\r\n")] = '\0';
	return 0;
}

static int read_password(char *buf, size_t n, struct dy_err *e)
{
	if (read_secret("Password (12 characters or more): ", buf, n))
		return dy_fail(e, DY_EINVAL, "password", "give the password on standard input");
	if (isatty(STDIN_FILENO)) {
		char again[PASSWORD_MAX + 2];
		if (read_secret("The same password again: ", again, sizeof again) || strcmp(buf, again) != 0)
			return dy_fail(e, DY_EINVAL, "password", "the two passwords were not the same");
	}
	return 0;
}

int cmd_user_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	unsigned roles;
	char password[PASSWORD_MAX + 2];
	if (app_role_parse(cli_get(a, "role"), &roles, &e))
		return cli_fail(&e);
	int64_t id = 0;
	if (read_password(password, sizeof password, &e) ||
	    app_user_add(app, cli_get(a, "name"), cli_get(a, "display") ? cli_get(a, "display") : cli_get(a, "name"),
	                 roles, cli_get(a, "team"), password, &id, &e)) {
		return cli_fail(&e);
	}
	memset(password, 0, sizeof password);
	printf("Added user %s (id %lld).\n", cli_get(a, "name"), (long long)id);
	return 0;
}

int cmd_user_passwd(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	char password[PASSWORD_MAX + 2];
	if (read_password(password, sizeof password, &e) || app_user_passwd(app, cli_get(a, "name"), password, &e)) {
		return cli_fail(&e);
	}
	memset(password, 0, sizeof password);
	printf("Changed the password of %s; their sessions have ended.\n", cli_get(a, "name"));
	return 0;
}

int cmd_user_disable(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	if (app_user_disable(app, cli_get(a, "name"), &e)) {
		return cli_fail(&e);
	}
	printf("Disabled %s; their sessions and API tokens have ended.\n", cli_get(a, "name"));
	return 0;
}

static int user_row(void *ctx, const struct user_row *u)
{
	char id[24], roles[96];
	snprintf(id, sizeof id, "%lld", (long long)u->id);
	app_role_format(u->roles, roles, sizeof roles);
	const char *vals[] = {id, u->name, u->display, roles, u->disabled ? "yes" : "no", u->created_at};
	out_row(ctx, vals);
	return 0;
}

int cmd_user_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	static const char *const cols[] = {"id", "name", "display", "roles", "disabled", "created_at", NULL};
	struct out_list *l = out_begin(g->format, cols);
	struct dy_err e;
	dy_err_clear(&e);
	if (!l || app_user_list(app, user_row, l, &e)) {
		if (l)
			out_discard(l);
		return l ? cli_fail(&e) : 1;
	}
	out_end(l, "No users yet: add the first admin with `dyad user add --name NAME --role admin`.");
	return 0;
}

static int session_row(void *ctx, const struct session_row *s)
{
	char id[24], uid[24], created[32], seen[32];
	snprintf(id, sizeof id, "%lld", (long long)s->id);
	snprintf(uid, sizeof uid, "%lld", (long long)s->user_id);
	time_t c = (time_t)s->created_at, l = (time_t)s->last_seen;
	struct tm tm;
	strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&c, &tm));
	strftime(seen, sizeof seen, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&l, &tm));
	const char *vals[] = {id, uid, created, seen, s->address};
	out_row(ctx, vals);
	return 0;
}

int cmd_session_list(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	static const char *const cols[] = {"id", "user_id", "created_at", "last_seen", "address", NULL};
	struct out_list *l = out_begin(g->format, cols);
	struct dy_err e;
	dy_err_clear(&e);
	if (!l || app_session_list(app, cli_get(a, "user"), (int64_t)time(NULL), session_row, l, &e)) {
		if (l)
			out_discard(l);
		return l ? cli_fail(&e) : 1;
	}
	out_end(l, "No live sessions.");
	return 0;
}

int cmd_session_revoke(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int64_t id;
	if (str_parse_i64(a->pos[0], 1, INT64_MAX, &id))
		return cli_fail(&(struct dy_err){.code = DY_EINVAL, .field = "ID", .msg = "must be a session number"});
	if (app_session_revoke(app, id, &e)) {
		return cli_fail(&e);
	}
	printf("Ended session %lld.\n", (long long)id);
	return 0;
}

int cmd_token_create(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	int32_t expires;
	if (cli_date(a, "expires", &expires, &e))
		return cli_fail(&e);
	char token[TOKEN_HEX];
	if (app_token_create(app, cli_get(a, "user"), expires, token, &e)) {
		return cli_fail(&e);
	}
	/* Shown once: only its hash is kept. */
	printf("%s\n", token);
	fprintf(stderr, "API token for %s, valid to the end of %s; send it as 'Authorization: Bearer TOKEN'. "
	                "It is shown only now.\n", cli_get(a, "user"), cli_get(a, "expires"));
	memset(token, 0, sizeof token);
	return 0;
}

int cmd_team_add(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct team t = {0};
	str_copy(t.code, sizeof t.code, cli_get(a, "code"));
	str_copy(t.name, sizeof t.name, cli_get(a, "name"));
	if (app_team_add(app, &t, &e)) {
		return cli_fail(&e);
	}
	printf("Team %s (id %lld).\n", t.code, (long long)t.id);
	return 0;
}

int cmd_audit_verify(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct audit_check c;
	if (app_audit_verify(app, &c, &e)) {
		return cli_fail(&e);
	}
	if (!c.ok) {
		fprintf(stderr, "dyad: audit: %s\n", c.problem);
		return 3;
	}
	printf("The audit log is whole: %lld entries, each chained to the one before.\n", (long long)c.entries);
	return 0;
}

static int audit_row(void *ctx, const struct audit_row *r)
{
	char id[24], uid[24];
	snprintf(id, sizeof id, "%lld", (long long)r->id);
	snprintf(uid, sizeof uid, "%lld", (long long)r->user_id);
	const char *vals[] = {id, r->at, r->actor, r->user_id ? uid : "", r->action, r->address};
	out_row(ctx, vals);
	return 0;
}

int cmd_audit_show(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	static const char *const cols[] = {"id", "at", "who", "user_id", "action", "address", NULL};
	struct dy_err e;
	dy_err_clear(&e);
	int64_t family;
	int limit = 100;
	if (cli_id(a, "family", &family, &e) || cli_int(a, "limit", 1, 100000, &limit, &e))
		return cli_fail(&e);
	struct out_list *l = out_begin(g->format, cols);
	if (!l || app_audit_family(app, family, limit, audit_row, l, &e)) {
		if (l)
			out_discard(l);
		return l ? cli_fail(&e) : 1;
	}
	out_end(l, "Nobody has looked at or changed this family's record yet.");
	return 0;
}

int cmd_user_demo(const struct cli_global *g, struct cli_args *a, struct app *app)
{
	struct dy_err e;
	dy_err_clear(&e);
	struct demo_login logins[DEMO_USERS];
	if (app_demo_users(app, logins, &e))
		return cli_fail(&e);
	if (logins[0].name[0]) {
		printf("\nDemo sign-ins for `dyad serve`, one per role (shown only now; kept only as hashes):\n");
		for (int i = 0; i < DEMO_USERS; i++)
			printf("  %-18s %-12s password %s\n", logins[i].name, logins[i].role, logins[i].password);
		memset(logins, 0, sizeof logins);
	}
	return 0;
}
