/* err.c: filling, formatting and mapping struct dy_err; aborting allocators. */
#include "util/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dy_err_clear(struct dy_err *e)
{
	if (e)
		memset(e, 0, sizeof *e);
}

int dy_fail(struct dy_err *e, int code, const char *field, const char *fmt, ...)
{
	if (!e)
		return code;
	e->code = code;
	e->index = 0;
	snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

void dy_err_where(struct dy_err *e, const char *fmt, ...)
{
	if (!e)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->where, sizeof e->where, fmt, ap);
	va_end(ap);
}

void dy_err_format(const struct dy_err *e, char *out, size_t n)
{
	if (!n)
		return;
	snprintf(out, n, "%s%s%s%s%s", e->where, e->where[0] ? ": " : "",
	         e->field, e->field[0] ? ": " : "", e->msg[0] ? e->msg : "unknown error");
}

int dy_exit_code(int code)
{
	switch (code) {
	case DY_OK: return 0;
	case DY_EUSAGE: return 1;
	case DY_EINVAL: return 2;
	case DY_ENOTFOUND:
	case DY_ECONFLICT:
	case DY_EFORBIDDEN:
	case DY_EBUSY: return 3;
	default: return 4;
	}
}

_Noreturn void dy_oom(void)
{
	fputs("dyad: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		dy_oom();
	return p;
}

void *xcalloc(size_t count, size_t n)
{
	void *p = calloc(count ? count : 1, n ? n : 1);
	if (!p)
		dy_oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		dy_oom();
	return q;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = xmalloc(n);
	memcpy(p, s, n);
	return p;
}
