/* ics.c: an iCalendar calendar as text (see ics.h). */
#include "core/ics.h"

#include <stdio.h>
#include <string.h>

#include "util/date.h"
#include "util/err.h"

#define ICS_LINE_OCTETS 75

int ics_text(struct buf *b, const char *s)
{
	int rc = 0;
	for (; s && *s && !rc; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\\' || c == ';' || c == ',')
			rc = buf_putc(b, '\\') || buf_putc(b, (char)c);
		else if (c == '\n')
			rc = buf_puts(b, "\\n");
		else if (c < 0x20 || c == 0x7f)
			continue;
		else
			rc = buf_putc(b, (char)c);
	}
	return rc ? DY_EINVAL : 0;
}

int ics_line(struct buf *b, const char *name, const char *value)
{
	size_t nl = strlen(name), vl = strlen(value);
	/* The line is name ":" value; fold it into pieces of at most 75 octets
	 * (a continuation starts with one space, which counts), breaking only
	 * before the first byte of a UTF-8 character. */
	char head[64];
	if (nl + 2 > sizeof head)
		return DY_EINVAL;
	memcpy(head, name, nl);
	head[nl] = ':';
	size_t hl = nl + 1;
	size_t col = 0, i = 0, total = hl + vl;
	int rc = 0;
	while (i < total && !rc) {
		size_t room = ICS_LINE_OCTETS - col, start = i, end = i;
		while (end < total && end - start < room) {
			unsigned char c = (unsigned char)(end < hl ? head[end] : value[end - hl]);
			size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
			if (end + len > total)
				len = total - end;
			if (end - start + len > room)
				break;
			end += len;
		}
		if (end == start) /* cannot happen with room >= 4, but never loop forever */
			end = start + 1;
		for (size_t k = start; k < end && !rc; k++)
			rc = buf_putc(b, k < hl ? head[k] : value[k - hl]);
		i = end;
		if (i < total && !rc) {
			rc = buf_puts(b, "\r\n ");
			col = 1;
		}
	}
	if (!rc)
		rc = buf_puts(b, "\r\n");
	return rc ? DY_EINVAL : 0;
}

int ics_begin(struct buf *b, const char *name)
{
	struct buf t;
	buf_init(&t, 4096);
	int rc = ics_text(&t, name);
	rc = rc || ics_line(b, "BEGIN", "VCALENDAR") || ics_line(b, "VERSION", "2.0") ||
	     ics_line(b, "PRODID", "-//dyad//appointments//EN") || ics_line(b, "CALSCALE", "GREGORIAN") ||
	     ics_line(b, "METHOD", "PUBLISH") || ics_line(b, "X-WR-CALNAME", buf_cstr(&t));
	buf_free(&t);
	return rc ? DY_EINVAL : 0;
}

/* A local date-time "YYYYMMDDTHHMMSS" for day and minutes after midnight. */
static void local_time(int32_t date, int minutes, char out[24])
{
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	unsigned mins = minutes < 0 ? 0u : (unsigned)minutes;
	snprintf(out, 24, "%04u%02u%02uT%02u%02u00", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u,
	         mins / 60u % 100u, mins % 60u);
}

/* "2026-11-22T10:15:00Z" as the UTC form "20261122T101500Z". */
static void utc_stamp(const char *stamp, char out[17])
{
	int k = 0;
	for (const char *p = stamp; *p && k < 16; p++)
		if ((*p >= '0' && *p <= '9') || *p == 'T' || *p == 'Z')
			out[k++] = *p;
	out[k] = '\0';
}

static int text_line(struct buf *b, const char *name, const char *value)
{
	if (!value || !value[0])
		return 0;
	struct buf t;
	buf_init(&t, 64 * 1024);
	int rc = ics_text(&t, value);
	rc = rc || ics_line(b, name, buf_cstr(&t));
	buf_free(&t);
	return rc;
}

int ics_event(struct buf *b, const struct ics_event *ev)
{
	char start[24], end[24], stamp[17], seq[16];
	local_time(ev->date, ev->start_min, start);
	int end_min = ev->start_min + ev->duration_min;
	local_time(ev->date + end_min / (24 * 60), end_min % (24 * 60), end);
	utc_stamp(ev->stamp, stamp);
	snprintf(seq, sizeof seq, "%d", ev->sequence < 0 ? 0 : ev->sequence);
	int rc = ics_line(b, "BEGIN", "VEVENT") || ics_line(b, "UID", ev->uid) || ics_line(b, "DTSTAMP", stamp) ||
	         ics_line(b, "DTSTART", start) || ics_line(b, "DTEND", end) || ics_line(b, "SEQUENCE", seq) ||
	         text_line(b, "SUMMARY", ev->summary) || text_line(b, "LOCATION", ev->location) ||
	         text_line(b, "DESCRIPTION", ev->description) ||
	         ics_line(b, "STATUS", ev->cancelled ? "CANCELLED" : "CONFIRMED") ||
	         ics_line(b, "TRANSP", "OPAQUE") || ics_line(b, "END", "VEVENT");
	return rc ? DY_EINVAL : 0;
}

int ics_end(struct buf *b)
{
	return ics_line(b, "END", "VCALENDAR");
}
