/* text.h: what a text value may hold, as pure functions over UTF-8 (no
 * I/O). Every text that enters dyad (a CSV field, a CLI value, an API
 * field) is checked here; names are also trimmed and put in Unicode NFC so
 * that "é" typed as one code point or as e + accent is the same name.
 * Lengths are counted in characters (code points), not bytes. Messages say
 * the field and the character position, never the text. */
#ifndef DYAD_UTIL_TEXT_H
#define DYAD_UTIL_TEXT_H

#include <stddef.h>

#include "util/err.h"

enum {
	TEXT_FREE = 0, /* any text: tab and line breaks allowed */
	TEXT_LINE = 1  /* one line (a name, a code): no tab or line break */
};

/* s must be valid UTF-8 with no character that hides or reorders text:
 * C0 and C1 controls (but tab, LF and CR in TEXT_FREE), DEL, bidirectional
 * embeddings, overrides, isolates and marks (U+061C, U+200E-F, U+202A-E,
 * U+2066-9), and zero-width or invisible characters (U+00AD, U+200B-D,
 * U+2060-4, U+FEFF). Returns 0 or DY_EINVAL naming field and position. */
int text_check(const char *field, const char *s, int mode, struct dy_err *e);

/* Characters (code points) in the valid UTF-8 string s. */
size_t text_chars(const char *s);

/* A name, in place in s (buffer of cap bytes): checked as TEXT_LINE,
 * spaces trimmed at both ends, put in NFC, then required to be 1 to
 * max_chars characters. Returns 0 or DY_EINVAL ("is required" for a blank
 * name, "is longer than N characters", or text_check's reason). */
int text_name(const char *field, char *s, size_t cap, size_t max_chars, struct dy_err *e);

#endif
