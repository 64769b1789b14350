/* tmpl.h: dyad's small auto-escaping HTML template engine.
 *
 * A template is a string of HTML with places for values:
 *
 *   {{name}}             the value, HTML-escaped (& < > " ' `), so it is safe
 *                        both as element text and inside a quoted attribute;
 *   {{%name}}            the value percent-encoded as a URL component, then
 *                        escaped: for query strings built from user input;
 *   {{{name}}}           the value as it is: only for an argument marked
 *                        trusted (TMPL_HTML), a fragment dyad itself rendered
 *                        with this engine; an untrusted one is refused;
 *   {{#name}}..{{/name}} the block when the value is not empty;
 *   {{^name}}..{{/name}} the block when the value is empty.
 *
 * Anything else in braces, an unknown name or an unclosed block is refused
 * (DY_EINVAL, naming the offset) so that a typo fails in tests, never
 * silently on a page. Templates are compiled into the program as strings
 * (src/http/page_*.c); values are never parsed as templates. */
#ifndef DYAD_HTTP_TMPL_H
#define DYAD_HTTP_TMPL_H

#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

struct tmpl_arg {
	const char *name;  /* NULL ends a list */
	const char *value; /* NULL counts as "" */
	int trusted;       /* 1: may be inserted raw with {{{name}}} */
};

/* An argument to escape, and a trusted fragment rendered by dyad. */
#define TMPL_S(n, v) {(n), (v), 0}
#define TMPL_HTML(n, b) {(n), buf_cstr(b), 1}

/* Renders tmpl with args (a list ended by an entry with a NULL name) and
 * appends it to out. Returns 0; DY_EINVAL for a bad template (field
 * "template", message with the offset); DY_EINVAL when out's cap is
 * reached (out then holds a prefix). */
int tmpl_render(struct buf *out, const char *tmpl, const struct tmpl_arg *args, struct dy_err *e);

/* tmpl_render with the arguments written inline:
 * TMPL(out, e, "<p>{{n}}</p>", TMPL_S("n", name)). */
#define TMPL(out, e, t, ...) tmpl_render((out), (t), (const struct tmpl_arg[]){__VA_ARGS__, {0, 0, 0}}, (e))

/* Appends s (may be NULL) HTML-escaped; 0 or DY_EINVAL past out's cap. */
int tmpl_escape(struct buf *out, const char *s);

/* Appends s percent-encoded as a URL component (unreserved bytes as they
 * are, every other byte %XX); 0 or DY_EINVAL past out's cap. */
int tmpl_url_encode(struct buf *out, const char *s);

#endif
