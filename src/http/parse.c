/* parse.c: request target, urlencoded and cookie parsing (see parse.h). */
#include "http/parse.h"

#include <string.h>

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *http_decode(struct arena *a, const char *s, size_t n, int plus, int allow_newlines)
{
	char *out = arena_alloc(a, n + 1);
	if (!out)
		return NULL;
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%') {
			if (i + 2 >= n)
				return NULL;
			int h = hexval(s[i + 1]), l = hexval(s[i + 2]);
			if (h < 0 || l < 0)
				return NULL;
			c = (unsigned char)(h * 16 + l);
			i += 2;
		} else if (c == '+' && plus) {
			c = ' ';
		}
		if (c == 0 || c == 0x7f || (c < 0x20 && c != '\t' && !(allow_newlines && (c == '\r' || c == '\n'))))
			return NULL;
		out[j++] = (char)c;
	}
	out[j] = '\0';
	return out;
}

static int push_pair(struct arena *a, struct http_param **arr, int *n, int *cap, const char *name,
                     const char *value)
{
	if (*n >= HTTP_MAX_PAIRS)
		return DY_EINVAL;
	if (*n == *cap) {
		int ncap = *cap ? *cap * 2 : 8;
		if (ncap > HTTP_MAX_PAIRS)
			ncap = HTTP_MAX_PAIRS;
		struct http_param *p = arena_alloc(a, sizeof *p * (size_t)ncap);
		if (!p)
			return DY_EINVAL;
		if (*n)
			memcpy(p, *arr, sizeof *p * (size_t)*n);
		*arr = p;
		*cap = ncap;
	}
	(*arr)[*n].name = name;
	(*arr)[*n].value = value;
	(*n)++;
	return 0;
}

int http_parse_urlencoded(struct arena *a, const char *s, size_t n, struct http_param **out, int *nout)
{
	struct http_param *arr = NULL;
	int cnt = 0, cap = 0;
	size_t i = 0;
	while (i < n) {
		size_t end = i;
		while (end < n && s[end] != '&')
			end++;
		if (end > i) {
			size_t eq = i;
			while (eq < end && s[eq] != '=')
				eq++;
			char *name = http_decode(a, s + i, eq - i, 1, 0);
			char *value = eq < end ? http_decode(a, s + eq + 1, end - eq - 1, 1, 1) : arena_strdup(a, "");
			if (!name || !value || push_pair(a, &arr, &cnt, &cap, name, value))
				return DY_EINVAL;
		}
		i = end + 1;
	}
	*out = arr;
	*nout = cnt;
	return 0;
}

int http_parse_target(struct arena *a, const char *target, const char **path, struct http_param **query,
                      int *nquery)
{
	*query = NULL;
	*nquery = 0;
	if (!target || target[0] != '/')
		return DY_EINVAL;
	const char *q = strchr(target, '?');
	size_t plen = q ? (size_t)(q - target) : strlen(target);
	char *p = http_decode(a, target, plen, 0, 0);
	if (!p)
		return DY_EINVAL;
	/* Refuse empty, "." and ".." segments: one spelling per resource. */
	for (const char *seg = p + 1;; ) {
		const char *slash = strchr(seg, '/');
		size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
		if ((len == 0 && slash) || (len == 1 && seg[0] == '.') || (len == 2 && seg[0] == '.' && seg[1] == '.'))
			return DY_EINVAL;
		if (!slash)
			break;
		seg = slash + 1;
	}
	*path = p;
	if (q && http_parse_urlencoded(a, q + 1, strlen(q + 1), query, nquery))
		return DY_EINVAL;
	return 0;
}

int http_parse_cookies(struct arena *a, const char *header, struct http_param **out, int *nout)
{
	struct http_param *arr = NULL;
	int cnt = 0, cap = 0;
	const char *s = header ? header : "";
	while (*s) {
		while (*s == ' ' || *s == '\t' || *s == ';')
			s++;
		if (!*s)
			break;
		const char *end = strchr(s, ';');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		const char *eq = memchr(s, '=', len);
		if (eq) {
			size_t nlen = (size_t)(eq - s);
			while (nlen && (s[nlen - 1] == ' ' || s[nlen - 1] == '\t'))
				nlen--;
			const char *v = eq + 1;
			size_t vlen = len - (size_t)(v - s);
			while (vlen && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
				vlen--;
			if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"') {
				v++;
				vlen -= 2;
			}
			char *name = arena_strndup(a, s, nlen);
			char *value = arena_strndup(a, v, vlen);
			if (!name || !value || push_pair(a, &arr, &cnt, &cap, name, value))
				return DY_EINVAL;
		}
		s += len;
	}
	*out = arr;
	*nout = cnt;
	return 0;
}

const char *http_pair_get(const struct http_param *p, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(p[i].name, name) == 0)
			return p[i].value;
	return NULL;
}
