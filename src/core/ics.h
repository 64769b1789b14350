/* ics.h: an iCalendar (RFC 5545) calendar written as text: one VCALENDAR
 * of VEVENTs with CRLF line ends, lines folded at 75 octets (never inside
 * a UTF-8 character), and TEXT values escaped (backslash, semicolon, comma,
 * newline). Times are "floating" local times (RFC 5545 3.3.5 form 1): the
 * team's clock, whatever the reader's zone. Output only; pure. */
#ifndef DYAD_CORE_ICS_H
#define DYAD_CORE_ICS_H

#include <stdint.h>

#include "util/buf.h"

struct ics_event {
	const char *uid;       /* globally unique and stable, e.g. "appointment-12@dyad" */
	const char *stamp;     /* when written: "YYYY-MM-DDTHH:MM:SSZ" */
	int32_t date;          /* day number (util/date.h) */
	int start_min;         /* minutes after midnight */
	int duration_min;
	const char *summary;   /* TEXT: never a name (docs/appointments.md) */
	const char *location;  /* TEXT, or NULL */
	const char *description; /* TEXT, or NULL */
	int cancelled;         /* STATUS:CANCELLED instead of CONFIRMED */
	int sequence;          /* SEQUENCE: bumped when the event changes */
};

/* Starts a calendar named name (X-WR-CALNAME) into b. */
int ics_begin(struct buf *b, const char *name);

/* Appends one event; DY_EINVAL when b's cap is reached. */
int ics_event(struct buf *b, const struct ics_event *ev);

/* Ends the calendar. */
int ics_end(struct buf *b);

/* Appends one content line "NAME:VALUE" (value already in its final form),
 * folded at 75 octets, ending CRLF. */
int ics_line(struct buf *b, const char *name, const char *value);

/* Escapes s as an iCalendar TEXT value into b (no folding): \\ \; \, and
 * newlines as \n; other control characters are dropped. */
int ics_text(struct buf *b, const char *s);

#endif
