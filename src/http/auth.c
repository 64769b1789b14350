/* auth.c: identifying the caller and checking CSRF tokens (see auth.h). */
#include "http/auth.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

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

int auth_identify(struct frame_req *f, struct app *app)
{
	struct http_param *cookies = NULL;
	int ncookies = 0;
	if (http_parse_cookies(&f->arena, f->cookie, &cookies, &ncookies))
		ncookies = 0; /* an unreadable Cookie header counts as none */
	const char *anon = http_pair_get(cookies, ncookies, CSRF_COOKIE);
	int pages = !(f->route && (f->route->flags & HTTP_JSON));
	if (pages && (!anon || !token_shape_ok(anon))) {
		unsigned char r[32];
		randombytes_buf(r, sizeof r);
		char *hex = arena_alloc(&f->arena, sizeof r * 2 + 1);
		if (!hex)
			return DY_EINTERNAL;
		sodium_bin2hex(hex, sizeof r * 2 + 1, r, sizeof r);
		anon = hex;
		char *set = arena_alloc(&f->arena, 160);
		if (!set)
			return DY_EINTERNAL;
		snprintf(set, 160, CSRF_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict%s", hex, f->tls ? "; Secure" : "");
		f->set_csrf_cookie = set;
	}
	f->req.csrf = anon ? derive_csrf(&f->arena, anon) : "";
	f->req.user = NULL;
	(void)app;
	return 0;
}

int auth_csrf_ok(const struct frame_req *f)
{
	const char *want = f->req.csrf;
	const char *got = http_form(&f->req, "csrf");
	if (!got)
		got = f->csrf_header;
	if (!want || !*want || !got)
		return 0;
	size_t n = strlen(want);
	return strlen(got) == n && sodium_memcmp(want, got, n) == 0;
}
