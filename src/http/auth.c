/* auth.c: identifying the caller and checking CSRF tokens (see auth.h). */
#include "http/auth.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "app/app_account.h"
#include "util/date.h"

#include "http/parse.h"

#define CSRF_COOKIE "dyad_csrf"

/* hex(BLAKE2b-256(key = token, "dyad csrf v1")) into the arena. */
static const char *derive_csrf(struct arena *a, const char *token)
{
	unsigned char h[32];
	size_t klen = strlen(token);
	if (klen > crypto_generichash_KEYBYTES_MAX)
		klen = crypto_generichash_KEYBYTES_MAX;
	static const char msg[] = "dyad csrf v1";
	crypto_generichash(h, sizeof h, (const unsigned char *)msg, sizeof msg - 1, (const unsigned char *)token, klen);
	char *hex = arena_alloc(a, sizeof h * 2 + 1);
	if (!hex)
		return "";
	sodium_bin2hex(hex, sizeof h * 2 + 1, h, sizeof h);
	return hex;
}

static int token_shape_ok(const char *t)
{
	size_t n = strlen(t);
	if (n != 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'a' && t[i] <= 'f')))
			return 0;
	return 1;
}

/* "Bearer <token>" -> token, else NULL. */
static const char *bearer(const char *h)
{
	if (!h || strncasecmp(h, "Bearer ", 7) != 0)
		return NULL;
	h += 7;
	while (*h == ' ')
		h++;
	return h;
}

int auth_identify(struct frame_req *f, struct app *app)
{
	struct http_req *rq = &f->req;
	struct http_param *cookies = NULL;
	int ncookies = 0;
	if (http_parse_cookies(&f->arena, f->cookie, &cookies, &ncookies))
		ncookies = 0; /* an unreadable Cookie header counts as none */
	rq->user = NULL;
	rq->session_id = 0;
	f->by_bearer = 0;
	struct dy_err e;
	dy_err_clear(&e);
	app->today = date_today();
	int json = f->route && (f->route->flags & HTTP_JSON);
	const char *tok = json ? bearer(f->authorization) : NULL;
	if (tok) {
		int rc = app_token_resolve(app, tok, app->today, &f->user, &e);
		if (rc && rc != DY_ENOTFOUND)
			return rc;
		if (!rc) {
			rq->user = &f->user;
			f->by_bearer = 1;
		}
		rq->csrf = "";
		return 0;
	}
	const char *session = http_pair_get(cookies, ncookies, AUTH_SESSION_COOKIE);
	if (session) {
		int rc = app_session_resolve(app, session, (int64_t)time(NULL), &f->user, &rq->session_id, &e);
		if (rc && rc != DY_ENOTFOUND)
			return rc;
		if (!rc) {
			rq->user = &f->user;
			rq->csrf = derive_csrf(&f->arena, session);
			return 0;
		}
	}
	/* Nobody signed in: forms (the sign-in form) still carry a token, tied
	 * to an anonymous cookie set here. */
	const char *anon = http_pair_get(cookies, ncookies, CSRF_COOKIE);
	if (!json && (!anon || !token_shape_ok(anon))) {
		unsigned char r[32];
		randombytes_buf(r, sizeof r);
		char *hex = arena_alloc(&f->arena, sizeof r * 2 + 1);
		char *set = arena_alloc(&f->arena, 160);
		if (!hex || !set)
			return DY_EINTERNAL;
		sodium_bin2hex(hex, sizeof r * 2 + 1, r, sizeof r);
		anon = hex;
		snprintf(set, 160, CSRF_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict%s", hex, f->tls ? "; Secure" : "");
		f->set_csrf_cookie = set;
	}
	rq->csrf = anon ? derive_csrf(&f->arena, anon) : "";
	return 0;
}

int auth_csrf_needed(const struct frame_req *f)
{
	const struct http_route *r = f->route;
	if (r->flags & HTTP_FORM)
		return 1;
	/* API writes made with the session cookie (from a page's script) need
	 * the header; a bearer token cannot be sent by another site. */
	return (r->flags & HTTP_JSON) && f->method != HTTP_GET && f->method != HTTP_HEAD && !f->by_bearer;
}

int auth_csrf_ok(const struct frame_req *f)
{
	const char *want = f->req.csrf;
	const char *got = (f->route->flags & HTTP_FORM) ? http_form(&f->req, "csrf") : f->csrf_header;
	if (!want || !*want || !got)
		return 0;
	size_t n = strlen(want);
	return strlen(got) == n && sodium_memcmp(want, got, n) == 0;
}
