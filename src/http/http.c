/* http.c: reading a parsed request, writing a response, finding a route
 * (the frame's helpers that http.h declares; the socket side is server.c). */
#include "http/http.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "http/parse.h"
#include "util/str.h"

const char *http_param(const struct http_req *rq, const char *name)
{
	return http_pair_get(rq->params, rq->nparams, name);
}

int http_param_id(const struct http_req *rq, const char *name, int64_t *out)
{
	const char *v = http_param(rq, name);
	*out = 0;
	if (!v || str_parse_i64(v, 1, INT64_MAX, out))
		return DY_EINVAL;
	return 0;
}

const char *http_query(const struct http_req *rq, const char *name)
{
	return http_pair_get(rq->query, rq->nquery, name);
}

const char *http_form(const struct http_req *rq, const char *name)
{
	return http_pair_get(rq->form, rq->nform, name);
}

int http_form_all(const struct http_req *rq, const char *name, const char **out, int max)
{
	int n = 0;
	for (int i = 0; i < rq->nform; i++)
		if (strcmp(rq->form[i].name, name) == 0) {
			if (n < max)
				out[n] = rq->form[i].value;
			n++;
		}
	return n;
}

void *http_alloc(struct http_req *rq, size_t n)
{
	return arena_alloc(rq->arena, n);
}

void http_status(struct http_resp *rs, int status)
{
	rs->status = status;
}

void http_type(struct http_resp *rs, const char *content_type)
{
	rs->content_type = content_type;
}

int http_write(struct http_resp *rs, const char *s, size_t n)
{
	return buf_append(&rs->body, s, n);
}

int http_puts(struct http_resp *rs, const char *s)
{
	return buf_puts(&rs->body, s);
}

int http_printf(struct http_resp *rs, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = buf_vprintf(&rs->body, fmt, ap);
	va_end(ap);
	return rc;
}

static int header_safe(const char *s)
{
	for (; *s; s++)
		if (*s == '\r' || *s == '\n' || *s == '\0')
			return 0;
	return 1;
}

int http_header(struct http_resp *rs, const char *name, const char *value)
{
	if (rs->nheaders >= HTTP_MAX_RESP_HEADERS || !header_safe(name) || !header_safe(value))
		return DY_EINVAL;
	const char *n = arena_strdup(rs->arena, name), *v = arena_strdup(rs->arena, value);
	if (!n || !v)
		return DY_EINVAL;
	rs->headers[rs->nheaders].name = n;
	rs->headers[rs->nheaders].value = v;
	rs->nheaders++;
	return 0;
}

int http_redirect(struct http_resp *rs, const char *location)
{
	/* Local paths only: "//host" or "/\host" would leave the site. */
	if (!location || location[0] != '/' || location[1] == '/' || location[1] == '\\')
		location = "/";
	rs->status = 303;
	buf_reset(&rs->body);
	if (http_header(rs, "Location", location))
		http_header(rs, "Location", "/");
	return 0;
}

int http_not_found(struct http_resp *rs)
{
	rs->status = 404;
	return 0;
}

static void json_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
}

int http_json_error(struct http_resp *rs, int status, const char *code, const char *field, const char *message)
{
	rs->status = status;
	rs->content_type = HTTP_JSON_TYPE;
	buf_reset(&rs->body);
	buf_puts(&rs->body, "{\"error\":{\"code\":");
	json_str(&rs->body, code);
	buf_puts(&rs->body, ",\"field\":");
	if (field && *field)
		json_str(&rs->body, field);
	else
		buf_puts(&rs->body, "null");
	buf_puts(&rs->body, ",\"message\":");
	json_str(&rs->body, message);
	buf_puts(&rs->body, "}}\n");
	return 0;
}

int http_status_for(int dy_code)
{
	switch (dy_code) {
	case DY_OK: return 200;
	case DY_EUSAGE:
	case DY_EINVAL: return 400;
	case DY_ENOTFOUND: return 404;
	case DY_ECONFLICT: return 409;
	case DY_EFORBIDDEN: return 403;
	default: return 500;
	}
}

/* Matches path against pattern, filling rq's params; 1 on a match. */
static int match(const char *pattern, const char *path, struct http_req *rq)
{
	int n = 0;
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			const char *seg_end = strchr(s, '/');
			size_t slen = seg_end ? (size_t)(seg_end - s) : strlen(s);
			if (!close || slen == 0 || n >= HTTP_MAX_PATH_PARAMS)
				return 0;
			if (rq) {
				char *name = arena_strndup(rq->arena, p + 1, (size_t)(close - p - 1));
				char *value = arena_strndup(rq->arena, s, slen);
				if (!name || !value)
					return 0;
				rq->params[n].name = name;
				rq->params[n].value = value;
			}
			n++;
			p = close + 1;
			s += slen;
		} else if (*p == *s) {
			p++;
			s++;
		} else {
			return 0;
		}
	}
	if (*p || *s)
		return 0;
	if (rq)
		rq->nparams = n;
	return 1;
}

const struct http_route *http_route_find(enum http_method method, const char *path, struct http_req *rq,
                                         int *path_known)
{
	enum http_method want = method == HTTP_HEAD ? HTTP_GET : method;
	*path_known = 0;
	for (int t = 0; http_route_tables[t]; t++)
		for (const struct http_route *r = http_route_tables[t]; r->pattern; r++) {
			if (r->method != want) {
				if (!*path_known && match(r->pattern, path, NULL))
					*path_known = 1;
				continue;
			}
			if (match(r->pattern, path, rq))
				return r;
		}
	return NULL;
}

static void default_error_page(struct http_req *rq, struct http_resp *rs, int status)
{
	const char *title = status == 404   ? "Page not found"
	                    : status == 403 ? "You do not have access to this page"
	                    : status == 401 ? "Sign in to continue"
	                    : status == 405 ? "That cannot be done to this page"
	                    : status == 413 ? "What was sent is too large"
	                    : status == 429 ? "Too many attempts: wait and try again"
	                    : status < 500  ? "Something in the request was not right"
	                                    : "Sorry, there is a problem with the service";
	rs->status = status;
	rs->content_type = HTTP_HTML;
	buf_reset(&rs->body);
	buf_printf(&rs->body,
	           "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s - dyad</title></head>"
	           "<body><main><h1>%s</h1><p><a href=\"/\">Go to the home page</a></p></main></body></html>\n",
	           title, title);
}

void (*http_error_page)(struct http_req *rq, struct http_resp *rs, int status) = default_error_page;
