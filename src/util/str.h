/* str.h: small string helpers: bounded copy, strict number parsing, code lists. */
#ifndef DYAD_UTIL_STR_H
#define DYAD_UTIL_STR_H

#include <stddef.h>
#include <stdint.h>

/* Copies src into dst (size n), truncating; dst is always NUL-terminated. */
void str_copy(char *dst, size_t n, const char *src);

/* Writes "a b" (a person's given and family names) into dst (size n),
 * truncated as snprintf would: the lists' names without a format's cost. */
void str_full_name(char *dst, size_t n, const char *a, const char *b);

/* Parses a whole string of decimal digits (optional leading '-') into *out,
 * requiring lo <= value <= hi; returns 0 or DY_EINVAL. "" is invalid. */
int str_parse_i64(const char *s, int64_t lo, int64_t hi, int64_t *out);

/* Like str_parse_i64 for int. */
int str_parse_int(const char *s, int lo, int hi, int *out);

/* Index of s in the NULL-terminated list, or -1 when absent. */
int str_index(const char *const *list, const char *s);

/* Writes the list as "a, b or c" into out (size n), for error messages. */
void str_join_list(const char *const *list, char *out, size_t n);

/* 1 when s is NULL or "", else 0. */
int str_empty(const char *s);

/* Display width of UTF-8 text s: its code points (continuation bytes not
 * counted), for aligning table columns. */
size_t str_width(const char *s);

#endif
