/* buf.h: a growable byte buffer with a hard size cap.
 *
 * Every buffer that holds outside input is created with a maximum, so that
 * untrusted input cannot grow memory without bound. Contents are always
 * NUL-terminated. */
#ifndef DYAD_UTIL_BUF_H
#define DYAD_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;  /* NUL-terminated contents (NULL until first append) */
	size_t len;  /* bytes used, not counting the NUL */
	size_t cap;  /* bytes allocated */
	size_t max;  /* the most len may ever be */
};

/* Starts an empty buffer that will refuse to grow past max bytes. */
void buf_init(struct buf *b, size_t max);

/* Appends n bytes; returns 0, or DY_EINVAL (buffer unchanged) past the cap. */
int buf_append(struct buf *b, const void *p, size_t n);

/* Appends a NUL-terminated string; same result as buf_append. */
int buf_puts(struct buf *b, const char *s);

/* Appends one byte; same result as buf_append. */
int buf_putc(struct buf *b, char c);

/* Appends printf-style text; same result as buf_append. */
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* buf_printf with a va_list (ap is used and left ended by the caller). */
int buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* Appends s (may be NULL) with & < > " ' ` as HTML character references, so
 * it is safe in element text and quoted attributes; same result as
 * buf_append. */
int buf_html(struct buf *b, const char *s);

/* The contents as a C string ("" for an empty buffer); owned by b. */
const char *buf_cstr(const struct buf *b);

/* Empties the buffer, keeping its memory and cap. */
void buf_reset(struct buf *b);

/* Frees the memory; the buffer may be reused after buf_init. */
void buf_free(struct buf *b);

#endif
