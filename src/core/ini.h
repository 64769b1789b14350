/* ini.h: the line reader shared by dyad's INI-like configuration files (the
 * eligibility rules, docs/eligibility.md, and the intervention catalogue,
 * docs/interventions.md).
 *
 * The format both share: UTF-8 text (a byte order mark is allowed), LF or
 * CRLF line ends, `[section]` headers, `key = value` lines, blank lines, and
 * comments from a `#` at the start of a line or after a blank to the end of
 * the line. What a section or key means is the caller's. Pure: no I/O. */
#ifndef DYAD_CORE_INI_H
#define DYAD_CORE_INI_H

#include <stddef.h>

#include "util/err.h"

#define INI_MAX_LINE 1024 /* longest line accepted, in bytes */

/* One meaningful line: a section header or a key = value pair, trimmed. */
struct ini_line {
	int line;    /* 1-based line number */
	int section; /* 1: a [section] header, name is its inner text */
	char *name;  /* the section's inner text, or the key */
	char *value; /* the key's value ("" for a section); the caller may change it in place */
};

/* Called for each section header and key = value line; a nonzero return stops the reading. */
typedef int (*ini_fn)(void *ctx, struct ini_line *l);

/* Reads text[0..len) line by line and calls fn for each section header and
 * key = value line, in order. Returns 0, fn's first nonzero return, or
 * DY_EINVAL (e says "line N" and the reason) for a file over max_bytes, a
 * line over INI_MAX_LINE, a NUL byte, text that is not valid UTF-8 or holds
 * a control, invisible or text-direction character, a header without its
 * closing ']', or a line that is none of the forms above. */
int ini_read(const char *text, size_t len, size_t max_bytes, ini_fn fn, void *ctx, struct dy_err *e);

/* Sets e to DY_EINVAL on field with the printf-style message, at "line N";
 * returns DY_EINVAL. */
int ini_fail(struct dy_err *e, int line, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* 1 when s is 1 to max-1 lower-case letters, digits or underscores (a code
 * or a name in a section header). */
int ini_valid_code(const char *s, size_t max);

/* s with leading blanks skipped and trailing blanks cut off (in place). */
char *ini_trim(char *s);

#endif
