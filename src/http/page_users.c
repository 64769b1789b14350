/* page_users.c: user administration for an admin: the users with their
 * roles and whether they can sign in, adding a user (name, display name,
 * roles as checkboxes, a first password), and disabling one (which ends
 * their sessions and tokens). app/ checks that the user is an admin. */
#include <stdio.h>
#include <string.h>

#include "app/app_account.h"
#include "http/page.h"
#include "http/routes.h"

static const char *F(const struct http_req *rq, const char *name)
{
	return page_field(rq, name);
}

static const struct form_option ROLES[] = {
	{"clinician", "Clinician", "The families of their team"},
	{"admin_staff", "Admin staff", "Referrals, contacts and bookings; no measures or notes"},
	{"manager", "Manager", "Everything in their team"},
	{"analyst", "Analyst", "Figures only, never names or other identifying details"},
	{"admin", "Administrator", "Users and configuration; no clinical records"},
	{"network", "Network", "Reports of the teams given below together, published form only; nothing else"},
};
#define NROLES (int)(sizeof ROLES / sizeof *ROLES)

struct rows_ctx {
	struct buf *b;
	const struct http_req *rq;
	struct dy_err *e;
	int rc;
};

static int user_row(void *ctx, const struct user_row *u)
{
	struct rows_ctx *c = ctx;
	char roles[128], action[160];
	app_role_format(u->roles, roles, sizeof roles);
	for (char *p = roles; *p; p++)
		if (*p == '_')
			*p = ' ';
	snprintf(action, sizeof action, "/users/%lld/disable", (long long)u->id);
	c->rc = TMPL(c->b, c->e,
	             "<tr class=\"nhsuk-table__row\"><td class=\"nhsuk-table__cell\">{{d}}</td><td "
	             "class=\"nhsuk-table__cell\">{{n}}</td><td class=\"nhsuk-table__cell\">{{r}}</td><td "
	             "class=\"nhsuk-table__cell\">{{#off}}<strong class=\"nhsuk-tag nhsuk-tag--grey\">Disabled</strong>"
	             "{{/off}}{{^off}}<form method=\"post\" action=\"{{a}}\"><input type=\"hidden\" name=\"csrf\" "
	             "value=\"{{c}}\"><button class=\"dyad-change\" type=\"submit\">Disable<span "
	             "class=\"nhsuk-u-visually-hidden\"> {{n}}</span></button></form>{{/off}}</td></tr>",
	             TMPL_S("d", u->display), TMPL_S("n", u->name), TMPL_S("r", roles),
	             TMPL_S("off", u->disabled ? "1" : ""), TMPL_S("a", action), TMPL_S("c", c->rq->csrf));
	return c->rc;
}

static int users_page(struct http_req *rq, struct http_resp *rs, const struct form_errors *fe, const char *done)
{
	struct buf b, rows;
	page_body(&b);
	buf_init(&rows, PAGE_BODY_MAX);
	struct dy_err e;
	struct rows_ctx c = {&rows, rq, &e, 0};
	int rc = app_user_list(rq->app, user_row, &c, &e);
	if (rc) {
		buf_free(&b);
		buf_free(&rows);
		return rc;
	}
	int on[NROLES];
	const char *ticked[8];
	int k = http_form_all(rq, "roles", ticked, 8);
	for (int i = 0; i < NROLES; i++) {
		on[i] = 0;
		for (int j = 0; j < k && j < 8; j++)
			on[i] |= strcmp(ticked[j], ROLES[i].value) == 0;
	}
	rc = c.rc;
	rc = rc ? rc : TMPL(&b, &e, "<h1>Users</h1>{{#done}}<div class=\"nhsuk-inset-text\"><p>{{done}}</p></div>{{/done}}",
	                    TMPL_S("done", done));
	rc = rc ? rc : form_error_summary(&b, fe, &e);
	rc = rc ? rc
	        : TMPL(&b, &e,
	               "<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">People who can sign in</caption>"
	               "<thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\"><th scope=\"col\" "
	               "class=\"nhsuk-table__header\">Name</th><th scope=\"col\" class=\"nhsuk-table__header\">Sign-in "
	               "name</th><th scope=\"col\" class=\"nhsuk-table__header\">Roles</th><th scope=\"col\" "
	               "class=\"nhsuk-table__header\">Status</th></tr></thead><tbody class=\"nhsuk-table__body\">{{{r}}}"
	               "</tbody></table><h2>Add a user</h2>",
	               TMPL_HTML("r", &rows));
	rc = rc ? rc : page_form_open(&b, rq, "/users", &e);
	rc = rc ? rc : form_input(&b, fe, "display", "Their name", "As shown on pages", F(rq, "display"), "20", "text", "off", &e);
	rc = rc ? rc : form_input(&b, fe, "name", "Sign-in name", "Lower-case letters, digits, dots, dashes", F(rq, "name"),
	                          "20", "text", "off", &e);
	rc = rc ? rc : form_checkboxes(&b, fe, "roles", "Roles", NULL, ROLES, NROLES, on, &e);
	rc = rc ? rc
	        : form_input(&b, fe, "teams", "Teams", "Team codes separated by commas; empty for this server's team",
	                     F(rq, "teams"), "20", "text", "off", &e);
	rc = rc ? rc : form_input(&b, fe, "password", "First password", "12 characters or more; tell them in person", "",
	                          "20", "password", "new-password", &e);
	rc = rc ? rc : buf_puts(&b, "<button class=\"nhsuk-button\" type=\"submit\">Add user</button></form>");
	buf_free(&rows);
	return page_form_send(rq, rs, rc, "Users", NULL, NULL, fe, &b);
}

static int users_get(struct http_req *rq, struct http_resp *rs)
{
	const char *done = http_query(rq, "done");
	return users_page(rq, rs, NULL, done && strcmp(done, "added") == 0      ? "The user was added."
	                                : done && strcmp(done, "disabled") == 0 ? "The user was disabled."
	                                                                        : NULL);
}

static int users_post(struct http_req *rq, struct http_resp *rs)
{
	struct form_errors fe = {0};
	const char *name = page_field_trim(rq, "name"), *display = page_field_trim(rq, "display");
	const char *password = F(rq, "password");
	if (!*display)
		form_error(&fe, "display", "Enter their name");
	if (!*name)
		form_error(&fe, "name", "Enter a sign-in name");
	const char *ticked[8];
	int k = http_form_all(rq, "roles", ticked, 8);
	char list[128] = "";
	for (int i = 0; i < k && i < 8; i++) {
		size_t used = strlen(list);
		snprintf(list + used, sizeof list - used, "%s%s", i ? "," : "", ticked[i]);
	}
	unsigned roles = 0;
	struct dy_err e;
	if (k == 0)
		form_error(&fe, "roles", "Select at least one role");
	else if (app_role_parse(list, &roles, &e))
		form_error_from(&fe, "roles", &e);
	if (strlen(password) < PASSWORD_MIN)
		form_error(&fe, "password", "The password must be 12 characters or more");
	if (fe.n)
		return users_page(rq, rs, &fe, NULL);
	int64_t id;
	int rc = app_user_add(rq->app, name, display, roles, page_field_trim(rq, "teams"), password, &id, &e);
	if (rc == DY_EINVAL || rc == DY_ECONFLICT) {
		const char *f = strcmp(e.field, "password") == 0  ? "password"
		                : strcmp(e.field, "display") == 0 ? "display"
		                : strcmp(e.field, "team") == 0    ? "teams"
		                : strcmp(e.field, "role") == 0    ? "roles"
		                                                  : "name";
		form_error_from(&fe, f, &e);
		return users_page(rq, rs, &fe, NULL);
	}
	if (rc)
		return rc;
	return http_redirect(rs, "/users?done=added");
}

struct find_user {
	int64_t id;
	char name[80];
};

static int by_id(void *ctx, const struct user_row *u)
{
	struct find_user *f = ctx;
	if (u->id == f->id)
		snprintf(f->name, sizeof f->name, "%s", u->name);
	return 0;
}

static int disable_post(struct http_req *rq, struct http_resp *rs)
{
	struct find_user f = {0, ""};
	if (http_param_id(rq, "id", &f.id))
		return DY_ENOTFOUND;
	struct dy_err e;
	int rc = app_user_list(rq->app, by_id, &f, &e);
	if (rc)
		return rc;
	if (!f.name[0])
		return DY_ENOTFOUND;
	if ((rc = app_user_disable(rq->app, f.name, &e)))
		return rc;
	return http_redirect(rs, "/users?done=disabled");
}

const struct http_route page_users_routes[] = {
	{HTTP_GET, "/users", users_get, USER_ADMIN | USER_OPERATOR, 0, 0},
	{HTTP_POST, "/users", users_post, USER_ADMIN | USER_OPERATOR, 0, HTTP_FORM},
	{HTTP_POST, "/users/{id}/disable", disable_post, USER_ADMIN | USER_OPERATOR, 0, HTTP_FORM},
	{0}};
