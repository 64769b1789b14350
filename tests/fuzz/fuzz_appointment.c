/* Fuzz target: any bytes as the options of `dyad appointment book` and
 * `dyad diary` would give them: the first 5 bytes as a --time (HH:MM), the
 * rest as the text of a diary entry written to an iCalendar calendar. The
 * time parser must accept only real times; the calendar must come out with
 * every line CRLF-ended, at most 75 octets, never folded inside a UTF-8
 * character (for text that dyad would take in: valid UTF-8). Must never
 * crash, leak or overrun. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/appointment.h"
#include "core/ics.h"
#include "util/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char t[6] = "";
	size_t k = size < 5 ? size : 5;
	memcpy(t, data, k);
	t[k] = '\0';
	struct dy_err e;
	int m = -1;
	if (appt_parse_time("time", t, &m, &e) == 0 && (m < 0 || m >= 24 * 60))
		abort();
	char *text = malloc(size - k + 1);
	memcpy(text, data + k, size - k);
	text[size - k] = '\0';
	struct buf b;
	buf_init(&b, 1 << 20);
	struct ics_event ev = {.uid = "appointment-1@dyad", .stamp = "2026-11-22T10:15:00Z", .date = 20000,
	                       .start_min = m < 0 ? 0 : m, .duration_min = 60, .summary = text, .location = text,
	                       .description = text};
	int valid = text_check("text", text, TEXT_FREE, &e) == 0;
	if (ics_begin(&b, text) == 0 && ics_event(&b, &ev) == 0 && ics_end(&b) == 0 && valid) {
		const char *p = buf_cstr(&b);
		while (*p) {
			const char *nl = strstr(p, "\r\n");
			if (!nl || nl - p > 75 || ((unsigned char)p[0] & 0xC0) == 0x80 ||
			    (p[0] == ' ' && ((unsigned char)p[1] & 0xC0) == 0x80))
				abort();
			for (const char *q = p; q < nl; q++)
				if (*q == '\r' || *q == '\n')
					abort();
			p = nl + 2;
		}
	}
	buf_free(&b);
	free(text);
	return 0;
}
