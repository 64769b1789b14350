/* text.c: UTF-8 validity, refused characters, trimming and NFC (through
 * GNU libunistring's u8_* functions). */
#include "util/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uninorm.h>

static int refused(ucs4_t c, int mode)
{
	if (c < 0x20)
		return mode == TEXT_LINE || (c != '\t' && c != '\n' && c != '\r');
	if (c == 0x7f || (c >= 0x80 && c <= 0x9f))
		return 1;
	return c == 0x00ad || c == 0x061c || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

int text_check(const char *field, const char *s, int mode, struct dy_err *e)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t n = strlen(s), pos = 0;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int len = u8_mbtouc(&c, u + i, n - i);
		pos++;
		if (c == 0xfffd && u8_mbtoucr(&c, u + i, n - i) < 0)
			return dy_fail(e, DY_EINVAL, field,
			               "is not valid UTF-8 text (at character %zu): use UTF-8", pos);
		if (refused(c, mode))
			return dy_fail(e, DY_EINVAL, field,
			               "contains a control, invisible or text-direction character (U+%04X at character %zu):"
			               " remove it", (unsigned)c, pos);
		i += (size_t)len;
	}
	return 0;
}

size_t text_chars(const char *s)
{
	return u8_mbsnlen((const uint8_t *)s, strlen(s));
}

static int space(ucs4_t c)
{
	return c == ' ' || c == 0xa0 || (c >= 0x2000 && c <= 0x200a) || c == 0x202f || c == 0x205f || c == 0x3000;
}

int text_name(const char *field, char *s, size_t cap, size_t max_chars, struct dy_err *e)
{
	int rc = text_check(field, s, TEXT_LINE, e);
	if (rc)
		return rc;
	/* Trim Unicode spaces at both ends. */
	const uint8_t *u = (const uint8_t *)s;
	size_t n = strlen(s), start = 0, end = n;
	while (start < end) {
		ucs4_t c;
		int len = u8_mbtouc(&c, u + start, end - start);
		if (!space(c))
			break;
		start += (size_t)len;
	}
	while (end > start) {
		ucs4_t c;
		const uint8_t *prev = u8_prev(&c, u + end, u + start);
		if (!prev || !space(c))
			break;
		end = (size_t)(prev - u);
	}
	if (start == end)
		return dy_fail(e, DY_EINVAL, field, "is required (it is blank)");
	size_t outlen = 0;
	uint8_t *nfc = u8_normalize(UNINORM_NFC, u + start, end - start, NULL, &outlen);
	if (!nfc)
		return dy_fail(e, DY_EINVAL, field, "cannot be normalised as Unicode text");
	size_t chars = u8_mbsnlen(nfc, outlen);
	if (chars > max_chars || outlen >= cap) {
		free(nfc);
		return dy_fail(e, DY_EINVAL, field, "is longer than %zu characters", max_chars);
	}
	memcpy(s, nfc, outlen);
	s[outlen] = '\0';
	free(nfc);
	return 0;
}
