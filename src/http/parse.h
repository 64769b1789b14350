/* parse.h: parsing of what a client sends: the request target (path and
 * query string), application/x-www-form-urlencoded bodies and the Cookie
 * header. Pure functions over bytes into a request arena; every count and
 * size is capped, and anything malformed is refused, never guessed at.
 * Fuzzed by tests/fuzz/fuzz_http_parse.c. */
#ifndef DYAD_HTTP_PARSE_H
#define DYAD_HTTP_PARSE_H

#include <stddef.h>

#include "http/http.h"
#include "util/arena.h"

/* At most this many pairs in one query string, form body or Cookie header. */
#define HTTP_MAX_PAIRS 256

/* Percent-decodes n bytes of s into a NUL-terminated arena string. plus
 * turns '+' into a space (form and query encoding). Refuses (returns NULL)
 * a bad escape, an encoded or literal NUL or control character other than
 * tab, CR and LF (kept only when allow_newlines), or a full arena. */
char *http_decode(struct arena *a, const char *s, size_t n, int plus, int allow_newlines);

/* Splits a request target "/path?query" into its decoded path (must start
 * with '/', may not contain "//" segments, "." or ".." segments) and its
 * query pairs. Returns 0, or DY_EINVAL for a target to refuse with 400. */
int http_parse_target(struct arena *a, const char *target, const char **path, struct http_param **query,
                      int *nquery);

/* Parses "a=1&b=2" (n bytes) into pairs; values may hold newlines (form
 * textareas). Empty pieces are skipped; a piece without '=' has value "".
 * Returns 0, or DY_EINVAL (bad escape, too many pairs, arena full). */
int http_parse_urlencoded(struct arena *a, const char *s, size_t n, struct http_param **out, int *nout);

/* Parses a Cookie header "a=1; b=2" into pairs (values are not decoded;
 * surrounding double quotes are removed). Returns 0, or DY_EINVAL. */
int http_parse_cookies(struct arena *a, const char *header, struct http_param **out, int *nout);

/* The first pair named name among n, or NULL. */
const char *http_pair_get(const struct http_param *p, int n, const char *name);

#endif
