/* frame.h: one request's path through the frame, independent of the socket
 * library: refusing early (unknown route, wrong method, declared body too
 * large), collecting the body within the route's limit, signing the user
 * in, checking role and CSRF token, calling the handler, and the response
 * headers every answer carries. server.c drives it from libmicrohttpd. */
#ifndef DYAD_HTTP_FRAME_H
#define DYAD_HTTP_FRAME_H

#include <sys/socket.h>

#include "http/http.h"

#define FRAME_MAX_HEADERS (HTTP_MAX_RESP_HEADERS + 12)

struct frame_req {
	char *target;               /* the raw request target (owned) */
	/* Request headers, owned by the socket library for the request's life. */
	const char *content_type;
	const char *cookie;
	const char *authorization;
	const char *csrf_header;
	const char *content_length;
	char peer[64];              /* client address text */
	int tls;
	enum http_method method;
	char method_name[8];
	const struct http_route *route;
	size_t limit;               /* body bytes accepted */
	int body_too_big;
	struct buf body;
	struct arena arena;
	struct app_user user;       /* id 0 when nobody is signed in */
	struct http_req req;
	struct http_resp resp;
	char *set_csrf_cookie;      /* a new anonymous CSRF cookie to send, or NULL */
	struct http_header out[FRAME_MAX_HEADERS];
	int nout;
};

/* Starts a request whose target (path and query) is target. */
void frame_req_init(struct frame_req *f, const char *target);

/* Records the client's address (may be NULL) and whether TLS carries it. */
void frame_set_peer(struct frame_req *f, const struct sockaddr *addr, int tls);

/* Parses the method and target and finds the route. Returns 0 to go on
 * reading the body, or 1 when the response is already filled (400, 404,
 * 405, 413) and should be sent at once. */
int frame_begin(struct frame_req *f, const char *method);

/* Adds n body bytes; returns 1 once the route's limit is passed (the rest
 * is dropped and the answer will be 413), else 0. */
int frame_body(struct frame_req *f, const char *data, size_t n);

/* Runs the request to its response (app may be NULL when the worker's
 * database could not be opened: 500). */
void frame_run(struct frame_req *f, struct app *app);

/* Every header of the response, the security ones included. */
void frame_headers(struct frame_req *f, const struct http_header **h, int *n);

/* For the access log: the method, and the route pattern or "-". */
const char *frame_method_name(const struct frame_req *f);
const char *frame_route_pattern(const struct frame_req *f);

/* Frees what the request holds. */
void frame_req_free(struct frame_req *f);

#endif
