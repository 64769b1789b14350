/* csv.h: a small RFC 4180 CSV reader and writer.
 *
 * The reader takes a FILE (use fmemopen for memory), accepts LF or CRLF line
 * ends, quoted fields with "" escapes and embedded newlines, skips a UTF-8
 * byte-order mark at the very start (so a quoted first header after it is
 * still one field), and reports the line on which each record starts. Every field and record is size-capped.
 * The writer quotes when needed and neutralises spreadsheet formula
 * injection: a cell that starts with = + - @ (or tab / CR) is written with a
 * leading apostrophe, unless it is a plain number such as -4, and so is a
 * cell that starts with an apostrophe itself ('x is written ''x); the
 * reader's `unneutralise` option removes that one apostrophe again, so every
 * value read back is the value written. */
#ifndef DYAD_UTIL_CSV_H
#define DYAD_UTIL_CSV_H

#include <stdio.h>

#include "util/buf.h"
#include "util/err.h"
#include "util/limits.h"

#define CSV_MAX_FIELDS 64
#define CSV_MAX_RECORD LIMIT_CSV_RECORD_BYTES /* bytes in one record */

struct csv_reader {
	FILE *f;
	int unneutralise;         /* strip the writer's leading apostrophe */
	long line;                /* line where the current record starts (1-based) */
	int nfields;              /* fields in the current record */
	char *fields[CSV_MAX_FIELDS]; /* NUL-terminated, owned by the reader */
	/* internals */
	long next_line;
	struct buf rec;
	size_t offs[CSV_MAX_FIELDS];
	char block[65536];
	size_t bpos, blen;
	int eof;
	int started;  /* the byte-order mark check is done */
};

/* Starts reading f (not closed by the reader). */
void csv_reader_init(struct csv_reader *r, FILE *f);

/* Reads the next record into r->fields. Returns 1 for a record, 0 at end of
 * input, or DY_EINVAL (e says the line and reason: unterminated quote, text
 * after a closing quote, too many fields, record too long, NUL byte). A blank
 * line is skipped. */
int csv_read(struct csv_reader *r, struct dy_err *e);

/* Frees the reader's memory (not the FILE). */
void csv_reader_free(struct csv_reader *r);

/* Appends one cell (quoted and neutralised as needed) to out; adds a comma
 * before it unless first is set. Returns 0 or DY_EINVAL past out's cap. */
int csv_put(struct buf *out, const char *cell, int first);

/* Appends the record end (CRLF, as RFC 4180 says). */
int csv_end(struct buf *out);

#endif
