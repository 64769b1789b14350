/* auth_routes.c: signing in and out of the web application.
 *
 * POST /sign-in checks the name and password through app_sign_in (which
 * throttles and locks, and answers every refusal alike), sets the session
 * cookie (HttpOnly, SameSite=Strict, Secure under TLS) and goes home; a
 * refusal shows the form again with its message (page_sign_in.c draws it).
 * POST /sign-out ends the session and clears the cookie. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "app/app_account.h"
#include "http/auth.h"
#include "http/routes.h"

static int sign_in_show(struct http_req *rq, struct http_resp *rs)
{
	if (rq->user)
		return http_redirect(rs, "/");
	return page_sign_in_form(rq, rs, NULL, "");
}

static int sign_in(struct http_req *rq, struct http_resp *rs)
{
	const char *name = http_form(rq, "name");
	const char *password = http_form(rq, "password");
	if (!name || !*name || !password || !*password) {
		http_status(rs, 400);
		return page_sign_in_form(rq, rs, "Enter your name and password", name ? name : "");
	}
	char token[TOKEN_HEX];
	struct app_user u;
	int64_t sid;
	struct dy_err e;
	dy_err_clear(&e);
	int rc = app_sign_in(rq->app, name, password, (int64_t)time(NULL), token, &u, &sid, &e);
	if (rc == DY_EFORBIDDEN) {
		http_status(rs, 403);
		return page_sign_in_form(rq, rs, "The name or password is not right, or there have been too many tries: "
		                                 "wait 15 minutes and try again",
		                         name);
	}
	if (rc)
		return rc;
	char cookie[200];
	snprintf(cookie, sizeof cookie, AUTH_SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s",
	         token, SESSION_MAX_SECS, rq->tls ? "; Secure" : "");
	sodium_memzero(token, sizeof token);
	http_header(rs, "Set-Cookie", cookie);
	return http_redirect(rs, "/");
}

static int sign_out(struct http_req *rq, struct http_resp *rs)
{
	struct dy_err e;
	dy_err_clear(&e);
	if (rq->session_id) {
		int rc = app_sign_out(rq->app, rq->session_id, &e);
		if (rc)
			return rc;
	}
	http_header(rs, "Set-Cookie", AUTH_SESSION_COOKIE "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
	return http_redirect(rs, "/sign-in");
}

const struct http_route auth_routes[] = {
	{HTTP_GET, "/sign-in", sign_in_show, 0, 0, HTTP_PUBLIC},
	{HTTP_POST, "/sign-in", sign_in, 0, 4096, HTTP_PUBLIC | HTTP_FORM},
	{HTTP_POST, "/sign-out", sign_out, USER_ROLES, 4096, HTTP_FORM},
	{0}};
