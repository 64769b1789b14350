/* ini.c: the INI-like line reader (core/ini.h). It works on a bounded
 * buffer one line at a time, checks each line's text before the caller sees
 * it, and names the line of every refusal. */
#include "core/ini.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

static int vfail(struct dy_err *e, int line, const char *field, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

static int vfail(struct dy_err *e, int line, const char *field, const char *fmt, va_list ap)
{
	char msg[320];
	vsnprintf(msg, sizeof msg, fmt, ap);
	dy_fail(e, DY_EINVAL, field, "%s", msg);
	dy_err_where(e, "line %d", line);
	return DY_EINVAL;
}

int ini_fail(struct dy_err *e, int line, const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = vfail(e, line, field, fmt, ap);
	va_end(ap);
	return rc;
}

char *ini_trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

int ini_valid_code(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n < 1 || n >= max)
		return 0;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_'))
			return 0;
	return 1;
}

/* One line, NUL-terminated in s: checked, comment cut, then handed to fn. */
static int one_line(char *s, int line, ini_fn fn, void *ctx, struct dy_err *e)
{
	size_t n = strlen(s);
	if (n && s[n - 1] == '\r')
		s[--n] = '\0';
	int rc = text_check("", s, TEXT_FREE, e);
	if (!rc && strchr(s, '\r'))
		rc = dy_fail(e, DY_EINVAL, "", "contains a carriage return inside the line: remove it");
	if (rc) {
		dy_err_where(e, "line %d", line);
		return rc;
	}
	for (size_t i = 0; i < n; i++)
		if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
			s[i] = '\0';
			break;
		}
	s = ini_trim(s);
	if (!*s)
		return 0;
	struct ini_line l = {.line = line};
	if (*s == '[') {
		n = strlen(s);
		if (n < 2 || s[n - 1] != ']')
			return ini_fail(e, line, "section", "a section header must end with ']'");
		s[n - 1] = '\0';
		l.section = 1;
		l.name = ini_trim(s + 1);
		l.value = s + n - 1;
		return fn(ctx, &l);
	}
	char *eq = strchr(s, '=');
	if (!eq)
		return ini_fail(e, line, "", "expected 'key = value', a [section] or a # comment");
	*eq = '\0';
	l.name = ini_trim(s);
	l.value = ini_trim(eq + 1);
	return fn(ctx, &l);
}

int ini_read(const char *text, size_t len, size_t max_bytes, ini_fn fn, void *ctx, struct dy_err *e)
{
	if (len > max_bytes)
		return dy_fail(e, DY_EINVAL, "", "the file is larger than %zu bytes", max_bytes);
	char *buf = xmalloc(INI_MAX_LINE + 1);
	size_t pos = 0;
	int line = 0, rc = 0;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3; /* UTF-8 byte order mark */
	while (pos < len && rc == 0) {
		const char *start = text + pos;
		const char *nl = memchr(start, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - start) : len - pos;
		pos += n + (nl != NULL);
		line++;
		if (n > INI_MAX_LINE)
			rc = ini_fail(e, line, "", "is longer than %d bytes", INI_MAX_LINE);
		else if (memchr(start, '\0', n))
			rc = ini_fail(e, line, "", "contains a NUL byte");
		else {
			memcpy(buf, start, n);
			buf[n] = '\0';
			rc = one_line(buf, line, fn, ctx, e);
		}
	}
	free(buf);
	return rc;
}
