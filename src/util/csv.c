/* csv.c: RFC 4180 reader (block-buffered state machine) and writer. */
#include "util/csv.h"

#include <string.h>

/* A plain number ("-4", "+2.50") cannot be a formula: it is left as it is. */
static int plain_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (!*s)
		return 0;
	int digits = 0, dot = 0;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s == '.' && !dot)
			dot = 1;
		else
			return 0;
	}
	return digits > 0;
}

void csv_reader_init(struct csv_reader *r, FILE *f)
{
	memset(r, 0, sizeof *r);
	r->f = f;
	r->next_line = 1;
	buf_init(&r->rec, CSV_MAX_RECORD);
}

void csv_reader_free(struct csv_reader *r)
{
	buf_free(&r->rec);
}

/* Next byte, or -1 at end of input. */
static int next_byte(struct csv_reader *r)
{
	if (r->bpos == r->blen) {
		if (r->eof)
			return -1;
		r->blen = fread(r->block, 1, sizeof r->block, r->f);
		r->bpos = 0;
		if (r->blen == 0) {
			r->eof = 1;
			return -1;
		}
	}
	return (unsigned char)r->block[r->bpos++];
}

static int peek_byte(struct csv_reader *r)
{
	int c = next_byte(r);
	if (c >= 0)
		r->bpos--;
	return c;
}

static int fail(struct csv_reader *r, struct dy_err *e, const char *why)
{
	dy_fail(e, DY_EINVAL, NULL, "%s", why);
	dy_err_where(e, "line %ld", r->line);
	return DY_EINVAL;
}

static int end_field(struct csv_reader *r, struct dy_err *e)
{
	if (r->nfields >= CSV_MAX_FIELDS)
		return fail(r, e, "too many fields in the record");
	if (buf_putc(&r->rec, '\0'))
		return fail(r, e, "record is too long");
	r->nfields++;
	if (r->nfields < CSV_MAX_FIELDS)
		r->offs[r->nfields] = r->rec.len;
	return 0;
}

int csv_read(struct csv_reader *r, struct dy_err *e)
{
	if (!r->started) {
		r->started = 1;
		if (next_byte(r) >= 0) {
			const unsigned char *b = (const unsigned char *)r->block;
			r->bpos = r->blen >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
		}
	}
	for (;;) {
		buf_reset(&r->rec);
		r->nfields = 0;
		r->offs[0] = 0;
		r->line = r->next_line;
		int c = next_byte(r);
		if (c < 0)
			return 0;
		if (c == '\n' || (c == '\r' && peek_byte(r) == '\n')) { /* blank line */
			if (c == '\r')
				next_byte(r);
			r->next_line++;
			continue;
		}
		int quoted = 0, after_quote = 0, field_start = 1;
		for (;; c = next_byte(r)) {
			if (c == 0)
				return fail(r, e, "the file contains a NUL byte");
			if (quoted) {
				if (c < 0)
					return fail(r, e, "a quoted field is not closed");
				if (c == '"') {
					if (peek_byte(r) == '"') {
						next_byte(r);
						if (buf_putc(&r->rec, '"'))
							return fail(r, e, "record is too long");
					} else {
						quoted = 0;
						after_quote = 1;
					}
					continue;
				}
				if (c == '\n')
					r->next_line++;
				if (buf_putc(&r->rec, (char)c))
					return fail(r, e, "record is too long");
				continue;
			}
			if (c < 0 || c == '\n' || (c == '\r' && peek_byte(r) == '\n') || c == ',') {
				if (end_field(r, e))
					return DY_EINVAL;
				if (c == ',') {
					field_start = 1;
					after_quote = 0;
					continue;
				}
				if (c == '\r')
					next_byte(r);
				if (c >= 0)
					r->next_line++;
				break;
			}
			if (after_quote)
				return fail(r, e, "text follows a closing quote (a quote inside a field must be doubled)");
			if (c == '"' && field_start) {
				quoted = 1;
				field_start = 0;
				continue;
			}
			field_start = 0;
			if (buf_putc(&r->rec, (char)c))
				return fail(r, e, "record is too long");
			/* Copy the rest of a plain run at once, up to a special byte. */
			size_t start = r->bpos, end = start;
			while (end < r->blen) {
				char b = r->block[end];
				if (b == ',' || b == '\n' || b == '\r' || b == '"' || b == '\0')
					break;
				end++;
			}
			if (end > start) {
				if (buf_append(&r->rec, r->block + start, end - start))
					return fail(r, e, "record is too long");
				r->bpos = end;
			}
		}		for (int i = 0; i < r->nfields; i++) {
			char *f = r->rec.data + r->offs[i];
			if (r->unneutralise && f[0] == '\'' &&
			    (f[1] == '\'' || (f[1] && strchr("=+-@\t\r", f[1]) && !plain_number(f + 1))))
				f++;
			r->fields[i] = f;
		}
		return 1;
	}
}

int csv_put(struct buf *out, const char *cell, int first)
{
	if (!first && buf_putc(out, ','))
		return DY_EINVAL;
	if (!cell)
		cell = "";
	/* A leading apostrophe is escaped too, so that reading strips exactly
	 * what writing added: every value round-trips. */
	int neutralise = cell[0] == '\'' || (cell[0] && strchr("=+-@\t\r", cell[0]) && !plain_number(cell));
	int quote = strpbrk(cell, ",\"\r\n") != NULL;
	if (!quote && !neutralise)
		return buf_puts(out, cell);
	if (quote && buf_putc(out, '"'))
		return DY_EINVAL;
	if (neutralise && buf_putc(out, '\''))
		return DY_EINVAL;
	for (const char *p = cell; *p; p++) {
		if (*p == '"' && buf_putc(out, '"'))
			return DY_EINVAL;
		if (buf_putc(out, *p))
			return DY_EINVAL;
	}
	return quote ? buf_putc(out, '"') : 0;
}

int csv_end(struct buf *out)
{
	return buf_puts(out, "\r\n");
}
