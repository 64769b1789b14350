/* str.c: string helpers. */
#include "util/str.h"
#include "util/err.h"

#include <string.h>

void str_copy(char *dst, size_t n, const char *src)
{
	if (!n)
		return;
	size_t len = src ? strlen(src) : 0;
	if (len >= n)
		len = n - 1;
	if (len)
		memcpy(dst, src, len);
	dst[len] = '\0';
}

void str_full_name(char *dst, size_t n, const char *a, const char *b)
{
	if (!n)
		return;
	size_t la = strlen(a);
	if (la >= n)
		la = n - 1;
	memcpy(dst, a, la);
	if (la + 1 < n) {
		dst[la++] = ' ';
		size_t lb = strlen(b);
		if (lb > n - 1 - la)
			lb = n - 1 - la;
		memcpy(dst + la, b, lb);
		la += lb;
	}
	dst[la] = '\0';
}

int str_parse_i64(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
	if (!s || !*s)
		return DY_EINVAL;
	int neg = 0;
	if (*s == '-') {
		neg = 1;
		s++;
	}
	if (!*s || strlen(s) > 18)
		return DY_EINVAL;
	int64_t v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return DY_EINVAL;
		v = v * 10 + (*s - '0');
	}
	if (neg)
		v = -v;
	if (v < lo || v > hi)
		return DY_EINVAL;
	*out = v;
	return 0;
}

int str_parse_int(const char *s, int lo, int hi, int *out)
{
	int64_t v;
	if (str_parse_i64(s, lo, hi, &v))
		return DY_EINVAL;
	*out = (int)v;
	return 0;
}

int str_index(const char *const *list, const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; list[i]; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

void str_join_list(const char *const *list, char *out, size_t n)
{
	size_t used = 0;
	if (!n)
		return;
	out[0] = '\0';
	int count = 0;
	while (list[count])
		count++;
	for (int i = 0; i < count && used < n; i++) {
		const char *sep = i == 0 ? "" : (i == count - 1 ? " or " : ", ");
		size_t need = strlen(sep) + strlen(list[i]);
		if (used + need >= n)
			break;
		strcpy(out + used, sep);
		strcpy(out + used + strlen(sep), list[i]);
		used += need;
	}
}

int str_empty(const char *s)
{
	return !s || !*s;
}

size_t str_width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}
