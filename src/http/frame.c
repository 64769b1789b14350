/* frame.c: one request through the frame (see frame.h). */
#include "http/frame.h"

#include "app/app_audit.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http/auth.h"
#include "http/parse.h"
#include "util/str.h"

/* No inline script or style anywhere: pages load /assets/ files only. */
#define CSP                                                                                                  \
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "  \
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

void frame_req_init(struct frame_req *f, const char *target)
{
	memset(f, 0, sizeof *f);
	f->target = xstrdup(target ? target : "");
	arena_init(&f->arena, HTTP_ARENA_MAX);
	buf_init(&f->body, 0);
	f->req.arena = &f->arena;
	f->req.body = "";
	f->req.content_type = "";
	f->resp.arena = &f->arena;
	f->resp.status = 200;
	f->resp.content_type = HTTP_HTML;
	buf_init(&f->resp.body, HTTP_RESP_MAX);
	str_copy(f->method_name, sizeof f->method_name, "-");
}

void frame_set_peer(struct frame_req *f, const struct sockaddr *addr, int tls)
{
	f->tls = tls;
	str_copy(f->peer, sizeof f->peer, "unknown");
	if (addr && addr->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)addr)->sin_addr, f->peer, sizeof f->peer);
	else if (addr && addr->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)addr)->sin6_addr, f->peer, sizeof f->peer);
}

static const struct {
	const char *name;
	enum http_method m;
} methods[] = {{"GET", HTTP_GET},     {"POST", HTTP_POST},     {"PUT", HTTP_PUT},
               {"PATCH", HTTP_PATCH}, {"DELETE", HTTP_DELETE}, {"HEAD", HTTP_HEAD}};

/* Fills the response with the error answer for status, in the route's kind. */
static void fail(struct frame_req *f, int status, const char *code, const char *message)
{
	int json = (f->route && (f->route->flags & HTTP_JSON)) ||
	           (!f->route && f->req.path && strncmp(f->req.path, "/api/", 5) == 0);
	f->resp.nheaders = 0;
	if (json)
		http_json_error(&f->resp, status, code, NULL, message);
	else
		http_error_page(&f->req, &f->resp, status);
	f->resp.status = status;
}

int frame_begin(struct frame_req *f, const char *method)
{
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
		if (strcmp(method, methods[i].name) == 0) {
			f->method = methods[i].m;
			str_copy(f->method_name, sizeof f->method_name, method);
		}
	struct http_param *query;
	if (http_parse_target(&f->arena, f->target, &f->req.path, &query, &f->req.nquery)) {
		f->req.path = NULL;
		fail(f, 400, "bad_request", "The address is not well formed.");
		return 1;
	}
	f->req.query = query;
	if (!f->method) {
		fail(f, 405, "method_not_allowed", "That method is not used here.");
		return 1;
	}
	int known;
	f->route = http_route_find(f->method, f->req.path, &f->req, &known);
	if (!f->route) {
		if (known)
			fail(f, 405, "method_not_allowed", "That method is not used at this address.");
		else
			fail(f, 404, "not_found", "There is nothing at this address.");
		return 1;
	}
	f->req.method = f->method;
	f->req.route = f->route;
	f->limit = f->route->max_body ? f->route->max_body : HTTP_BODY_DEFAULT;
	if (f->limit > HTTP_BODY_MAX)
		f->limit = HTTP_BODY_MAX;
	buf_init(&f->body, f->limit);
	int64_t declared = 0;
	if (f->content_length && str_parse_i64(f->content_length, 0, INT64_MAX, &declared)) {
		fail(f, 400, "bad_request", "Content-Length is not a number.");
		return 1;
	}
	if (declared > (int64_t)f->limit) {
		f->body_too_big = 1;
		fail(f, 413, "too_large", "What was sent is larger than this address accepts.");
		return 1;
	}
	return 0;
}

int frame_body(struct frame_req *f, const char *data, size_t n)
{
	if (f->body_too_big)
		return 1;
	if (buf_append(&f->body, data, n)) {
		f->body_too_big = 1;
		buf_free(&f->body);
		return 1;
	}
	return 0;
}

static int is_form(const char *ct)
{
	static const char want[] = "application/x-www-form-urlencoded";
	return ct && strncasecmp(ct, want, sizeof want - 1) == 0 &&
	       (ct[sizeof want - 1] == '\0' || ct[sizeof want - 1] == ';' || ct[sizeof want - 1] == ' ');
}

static void fail_dy(struct frame_req *f, int rc)
{
	int status = http_status_for(rc);
	const char *code = status == 404   ? "not_found"
	                   : status == 403 ? "forbidden"
	                   : status == 409 ? "conflict"
	                   : status == 400 ? "invalid"
	                                   : "internal";
	const char *msg = status == 404   ? "There is no such record, or it is not yours to see."
	                  : status == 403 ? "You do not have access to this."
	                  : status == 409 ? "That conflicts with the record as it stands."
	                  : status == 400 ? "Something in the request was not right."
	                                  : "Sorry, there is a problem with the service.";
	fail(f, status, code, msg);
}

void frame_run(struct frame_req *f, struct app *app)
{
	struct http_req *rq = &f->req;
	struct http_resp *rs = &f->resp;
	const struct http_route *r = f->route;
	if (!app) {
		fail(f, 500, "internal", "Sorry, there is a problem with the service.");
		return;
	}
	if (f->body_too_big) {
		fail(f, 413, "too_large", "What was sent is larger than this address accepts.");
		return;
	}
	rq->body = buf_cstr(&f->body);
	rq->body_len = f->body.len;
	rq->content_type = f->content_type ? f->content_type : "";
	rq->remote_addr = f->peer;
	rq->tls = f->tls;
	if (is_form(f->content_type)) {
		struct http_param *form;
		if (http_parse_urlencoded(&f->arena, rq->body, rq->body_len, &form, &rq->nform)) {
			fail(f, 400, "bad_request", "The form could not be read.");
			return;
		}
		rq->form = form;
	}

	/* Who is asking: a session cookie, a bearer token (API), or nobody. */
	int rc = auth_identify(f, app);
	if (rc) {
		fail_dy(f, rc);
		return;
	}
	if (!(r->flags & HTTP_PUBLIC)) {
		if (!rq->user) {
			if (r->flags & HTTP_JSON) {
				fail(f, 401, "unauthenticated", "Sign in, or send a bearer token.");
				http_header(rs, "WWW-Authenticate", "Bearer");
			} else {
				http_redirect(rs, "/sign-in");
			}
			return;
		}
		if (!(rq->user->roles & r->roles)) {
			fail(f, 403, "forbidden", "You do not have access to this.");
			return;
		}
	}
	if (auth_csrf_needed(f) && !auth_csrf_ok(f)) {
		fail(f, 403, "csrf", "The form had expired: go back, reload the page and try again.");
		return;
	}

	/* The app context acts as this user, from this address. */
	app_act_as(app, rq->user, f->peer);
	rq->app = app;
	rc = r->handler(rq, rs);
	/* A view left open has its reads unlogged: show nothing of it. */
	if (app_view_abandon(app))
		rc = DY_EINTERNAL;
	app_act_as(app, NULL, NULL);
	if (rc < 0)
		fail_dy(f, rc);
	else if (rs->status >= 400 && rs->body.len == 0)
		fail(f, rs->status, rs->status == 404 ? "not_found" : "error", "There is nothing at this address.");
}

static void add(struct frame_req *f, const char *name, const char *value)
{
	if (f->nout < FRAME_MAX_HEADERS) {
		f->out[f->nout].name = name;
		f->out[f->nout].value = value;
		f->nout++;
	}
}

void frame_headers(struct frame_req *f, const struct http_header **h, int *n)
{
	f->nout = 0;
	add(f, "Content-Type", f->resp.content_type ? f->resp.content_type : HTTP_HTML);
	add(f, "Content-Security-Policy", CSP);
	add(f, "X-Content-Type-Options", "nosniff");
	add(f, "X-Frame-Options", "DENY");
	add(f, "Referrer-Policy", "no-referrer");
	add(f, "Cross-Origin-Opener-Policy", "same-origin");
	add(f, "Cross-Origin-Resource-Policy", "same-origin");
	if (f->route && (f->route->flags & HTTP_CACHE) && f->resp.status == 200)
		add(f, "Cache-Control", "public, max-age=31536000, immutable");
	else
		add(f, "Cache-Control", "no-store");
	if (f->tls)
		add(f, "Strict-Transport-Security", "max-age=31536000");
	if (f->set_csrf_cookie)
		add(f, "Set-Cookie", f->set_csrf_cookie);
	for (int i = 0; i < f->resp.nheaders; i++)
		add(f, f->resp.headers[i].name, f->resp.headers[i].value);
	*h = f->out;
	*n = f->nout;
}

const char *frame_method_name(const struct frame_req *f)
{
	return f->method_name;
}

const char *frame_route_pattern(const struct frame_req *f)
{
	return f->route ? f->route->pattern : "-";
}

void frame_req_free(struct frame_req *f)
{
	free(f->target);
	f->target = NULL;
	buf_free(&f->body);
	buf_free(&f->resp.body);
	arena_free(&f->arena);
}
