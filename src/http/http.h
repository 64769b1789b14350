/* http.h: the web application's frame: routes, requests, responses.
 *
 * The server (server.c, on libmicrohttpd) reads a request within fixed
 * limits, finds its route, signs the user in from the session cookie or a
 * bearer token, checks the route's role set and the form's CSRF token, and
 * calls the route's handler with a parsed request. The handler parses, calls
 * one app_* function (which checks scope and writes the audit entry) and
 * renders into the response. It never opens a transaction, never runs SQL
 * and never decides who may see a record: app/ does.
 *
 * Every response gets the security headers (CSP without inline script or
 * style, nosniff, frame-ancestors 'none', Referrer-Policy no-referrer) and
 * `Cache-Control: no-store` unless the route says HTTP_CACHE (static assets).
 *
 * ## Adding a page
 *
 * 1. Write src/http/page_thing.c with its handlers and a table:
 *
 *        static int thing_show(struct http_req *rq, struct http_resp *rs)
 *        {
 *            int64_t id;
 *            if (http_param_id(rq, "id", &id))
 *                return http_not_found(rs);
 *            struct thing t;
 *            struct dy_err e;
 *            int rc = app_thing_get(rq->app, id, &t, &e); // checks role+team, audits the read
 *            if (rc)
 *                return rc;                             // the frame answers 403/404/400/500
 *            http_type(rs, HTTP_HTML);
 *            ... render with tmpl into &rs->body ...
 *            return 0;
 *        }
 *        static int thing_save(struct http_req *rq, struct http_resp *rs)
 *        {
 *            const char *note = http_form(rq, "note");    // CSRF already checked
 *            ...
 *            return http_redirect(rs, "/things/12");       // 303 See Other
 *        }
 *        const struct http_route page_thing_routes[] = {
 *            {HTTP_GET, "/things/{id}", thing_show, USER_CASEWORK, 0, 0},
 *            {HTTP_POST, "/things/{id}", thing_save, USER_CLINICIAN | USER_MANAGER, 0, HTTP_FORM},
 *            {0}};
 *
 * 2. Declare the table in routes.h and add it to http_route_tables in
 *    routes.c (one line each). Nothing else: CMake finds the file.
 * 3. Forms carry the CSRF token as a hidden field named "csrf" with the
 *    value rq->csrf (the sign-in form too: anonymous visitors have one).
 * 4. A handler returning a negative DY_E* code gets the frame's error
 *    answer for that code (http_error_page, or JSON for HTTP_JSON routes);
 *    to re-show a form with its errors, render it yourself with status 400
 *    and return 0.
 */
#ifndef DYAD_HTTP_HTTP_H
#define DYAD_HTTP_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "app/app_user.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

enum http_method {
	HTTP_GET = 1,
	HTTP_POST = 2,
	HTTP_PUT = 3,
	HTTP_PATCH = 4,
	HTTP_DELETE = 5,
	HTTP_HEAD = 6 /* answered by the GET route, without a body */
};

/* Route flags. */
enum {
	HTTP_FORM = 1u << 0,   /* a state-changing HTML form: needs the "csrf" field */
	HTTP_JSON = 1u << 1,   /* an API route: errors as {"error":{...}}; bearer tokens accepted */
	HTTP_CACHE = 1u << 2,  /* static asset: long cache, no no-store */
	HTTP_PUBLIC = 1u << 3  /* answered without sign-in (sign-in page, assets) */
};

/* Default body limit for a route whose max_body is 0: a form is kilobytes. */
#define HTTP_BODY_DEFAULT (16u * 1024u)
/* The hard ceiling for any route (an import upload). */
#define HTTP_BODY_MAX (16u * 1024u * 1024u)
/* What one request's arena may hold. */
#define HTTP_ARENA_MAX (4u * 1024u * 1024u)
/* What one response body may hold. */
#define HTTP_RESP_MAX (8u * 1024u * 1024u)

struct http_req;
struct http_resp;

/* A handler fills rs and returns 0, or returns a negative DY_E* code for the
 * frame to answer (DY_ENOTFOUND 404, DY_EFORBIDDEN 403, DY_EINVAL 400,
 * DY_ECONFLICT 409, others 500 with no detail). */
typedef int (*http_handler)(struct http_req *rq, struct http_resp *rs);

/* One route. pattern is a path whose segments are literals or {name}
 * placeholders ("/families/{id}/contacts"); a placeholder matches one
 * non-empty segment. roles: who may call it at all (enum app_role bits);
 * ignored with HTTP_PUBLIC. This is a first gate only: app/ checks the role
 * and team of every record. max_body: bytes accepted (0 = HTTP_BODY_DEFAULT).
 * A table ends with an all-zero entry. */
struct http_route {
	enum http_method method;
	const char *pattern;
	http_handler handler;
	unsigned roles;
	size_t max_body;
	unsigned flags;
};

/* A name=value pair from the path, the query string, a form or a cookie;
 * both percent-decoded and NUL-terminated, in the request's arena. */
struct http_param {
	const char *name;
	const char *value;
};

#define HTTP_MAX_PATH_PARAMS 8

struct http_req {
	enum http_method method;
	const char *path;                 /* decoded path, without the query */
	const struct http_route *route;   /* the matched route */
	struct http_param params[HTTP_MAX_PATH_PARAMS]; /* {name} values */
	int nparams;
	const struct http_param *query;   /* query string pairs, in order */
	int nquery;
	const struct http_param *form;    /* application/x-www-form-urlencoded body pairs */
	int nform;
	const char *body;                 /* the raw body (JSON), NUL-terminated; "" when none */
	size_t body_len;
	const char *content_type;         /* "" when none */
	const struct app_user *user;      /* the signed-in user, or NULL (public routes) */
	const char *csrf;                 /* the token forms must carry as field "csrf" */
	int64_t session_id;               /* the session's row id, 0 for bearer/anonymous */
	const char *remote_addr;          /* the client's address, for the audit log */
	int tls;                          /* 1 when served over TLS */
	struct app *app;                  /* this worker's app context, acting as user */
	struct arena *arena;              /* freed when the request ends */
};

struct http_header {
	const char *name;
	const char *value;
};

#define HTTP_MAX_RESP_HEADERS 8

struct http_resp {
	int status;                       /* 200 unless set */
	const char *content_type;         /* HTTP_HTML unless set */
	struct buf body;                  /* capped at HTTP_RESP_MAX */
	struct http_header headers[HTTP_MAX_RESP_HEADERS]; /* extra headers, arena-held */
	int nheaders;
	struct arena *arena;
};

#define HTTP_HTML "text/html; charset=utf-8"
#define HTTP_JSON_TYPE "application/json"
#define HTTP_TEXT "text/plain; charset=utf-8"

/* --- Reading the request ------------------------------------------------ */

/* The value of path placeholder name, or NULL. */
const char *http_param(const struct http_req *rq, const char *name);

/* Parses path placeholder name as a positive id; 0, or DY_EINVAL. */
int http_param_id(const struct http_req *rq, const char *name, int64_t *out);

/* The first query value named name, or NULL. */
const char *http_query(const struct http_req *rq, const char *name);

/* The first form field named name, or NULL. */
const char *http_form(const struct http_req *rq, const char *name);

/* Every form field named name (checkboxes): fills up to max values, returns
 * how many there were (may exceed max). */
int http_form_all(const struct http_req *rq, const char *name, const char **out, int max);

/* n zeroed bytes in the request's arena; NULL past HTTP_ARENA_MAX (treat as
 * an error: return DY_EINVAL). */
void *http_alloc(struct http_req *rq, size_t n);

/* --- Writing the response ----------------------------------------------- */

/* Sets the status code. */
void http_status(struct http_resp *rs, int status);

/* Sets the content type (a string literal or arena-held). */
void http_type(struct http_resp *rs, const char *content_type);

/* Appends to the body; 0, or DY_EINVAL past HTTP_RESP_MAX. */
int http_write(struct http_resp *rs, const char *s, size_t n);
int http_puts(struct http_resp *rs, const char *s);
int http_printf(struct http_resp *rs, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Adds a header (copied into the arena); 0, or DY_EINVAL when full or when
 * name or value holds CR/LF. Security headers are the frame's: do not set. */
int http_header(struct http_resp *rs, const char *name, const char *value);

/* Answers 303 See Other to location (a local path starting with '/');
 * returns 0 so a handler can `return http_redirect(rs, "/")`. */
int http_redirect(struct http_resp *rs, const char *location);

/* Answers 404 with the frame's not-found body; returns 0. */
int http_not_found(struct http_resp *rs);

/* Writes {"error":{"code":code,"field":field,"message":message}} with the
 * status; field may be NULL. Returns 0. */
int http_json_error(struct http_resp *rs, int status, const char *code, const char *field, const char *message);

/* The status for a DY_E* code (see http_handler). */
int http_status_for(int dy_code);

/* --- Registration --------------------------------------------------------- */

/* Every route table, NULL-terminated (routes.c). Earlier tables win when two
 * patterns match the same path. */
extern const struct http_route *const http_route_tables[];

/* Finds the route for method and path, filling rq->params; NULL when none.
 * *path_known is set to 1 when some route matches the path with another
 * method (the caller answers 405). */
const struct http_route *http_route_find(enum http_method method, const char *path, struct http_req *rq,
                                         int *path_known);

/* --- Error pages ---------------------------------------------------------- */

/* Renders the HTML page for an error status (404, 403, 400, 413, 500, ...)
 * into rs. The frame's plain default; the pages helper may replace the body
 * with the NHS layout (page_error.c). Never includes request data. */
extern void (*http_error_page)(struct http_req *rq, struct http_resp *rs, int status);

#endif
