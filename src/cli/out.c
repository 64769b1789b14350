/* out.c: table, JSON and CSV rendering for the CLI. In JSON, cells that
 * are plainly numbers are numbers (ids, counts, days, scores), except NHS
 * numbers, which stay text; everything else is a string or null. */
#include "cli/out.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/csv.h"
#include "util/err.h"

struct out_list {
	int fmt; /* 0 table, 1 json, 2 csv */
	const char *const *cols;
	int ncols;
	char **cells; /* table: rows × ncols, owned */
	size_t nrows, cap;
	json_t *arr;
	struct buf line;
	int any;
};

int out_format_ok(const char *fmt)
{
	return strcmp(fmt, "table") == 0 || strcmp(fmt, "json") == 0 || strcmp(fmt, "csv") == 0 ? 0 : DY_EUSAGE;
}

struct out_list *out_begin(const char *fmt, const char *const *cols)
{
	if (out_format_ok(fmt)) {
		fputs("dyad: format: must be one of table, json or csv\n", stderr);
		return NULL;
	}
	struct out_list *l = xcalloc(1, sizeof *l);
	l->fmt = fmt[0] == 't' ? 0 : fmt[0] == 'j' ? 1 : 2;
	l->cols = cols;
	while (cols[l->ncols] && l->ncols < OUT_MAX_COLS)
		l->ncols++;
	buf_init(&l->line, 1 << 20);
	if (l->fmt == 1)
		l->arr = json_array();
	return l;
}

/* CSV: the header goes out with the first row (or at the end), so a failed
 * command prints nothing. */
static void csv_header(struct out_list *l)
{
	if (l->any)
		return;
	for (int i = 0; i < l->ncols; i++)
		csv_put(&l->line, l->cols[i], i == 0);
	csv_end(&l->line);
	fputs(buf_cstr(&l->line), stdout);
	buf_reset(&l->line);
}

/* A JSON number for text that is plainly one ("12", "-4", "2.5"); NULL for
 * anything else, and always for identifiers kept as text (NHS numbers). */
static json_t *json_number(const char *col, const char *v)
{
	if (strstr(col, "nhs"))
		return NULL;
	const char *p = v;
	if (*p == '-')
		p++;
	if (!*p || (p[0] == '0' && p[1] && p[1] != '.'))
		return NULL;
	int digits = 0, dot = 0;
	for (const char *q = p; *q; q++) {
		if (*q >= '0' && *q <= '9')
			digits++;
		else if (*q == '.' && !dot && q != p && q[1])
			dot = 1;
		else
			return NULL;
	}
	if (!digits || strlen(v) > 15)
		return NULL;
	return dot ? json_real(strtod(v, NULL)) : json_integer(strtoll(v, NULL, 10));
}

void out_row(struct out_list *l, const char *const *vals)
{
	if (l->fmt == 2)
		csv_header(l);
	l->any = 1;
	if (l->fmt == 1) {
		json_t *o = json_object();
		for (int i = 0; i < l->ncols; i++) {
			json_t *v = json_null();
			if (vals[i] && *vals[i]) {
				json_decref(v);
				v = json_number(l->cols[i], vals[i]);
				if (!v)
					v = json_string(vals[i]);
			}
			json_object_set_new(o, l->cols[i], v);
		}
		json_array_append_new(l->arr, o);
	} else if (l->fmt == 2) {
		for (int i = 0; i < l->ncols; i++)
			csv_put(&l->line, vals[i], i == 0);
		csv_end(&l->line);
		fputs(buf_cstr(&l->line), stdout);
		buf_reset(&l->line);
	} else {
		if (l->nrows == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 64;
			l->cells = xrealloc(l->cells, l->cap * (size_t)l->ncols * sizeof *l->cells);
		}
		for (int i = 0; i < l->ncols; i++)
			l->cells[l->nrows * (size_t)l->ncols + (size_t)i] = xstrdup(vals[i] ? vals[i] : "");
		l->nrows++;
	}
}

/* Display width of UTF-8 text: counts code points, not bytes. */
static size_t width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

void out_discard(struct out_list *l)
{
	if (!l)
		return;
	if (l->fmt == 1)
		json_decref(l->arr);
	for (size_t i = 0; l->fmt == 0 && i < l->nrows * (size_t)l->ncols; i++)
		free(l->cells[i]);
	free(l->cells);
	buf_free(&l->line);
	free(l);
}

void out_end(struct out_list *l, const char *empty)
{
	if (!l)
		return;
	if (l->fmt == 2)
		csv_header(l);
	if (l->fmt == 1) {
		char *s = json_dumps(l->arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(s ? s : "[]");
		free(s);
		json_decref(l->arr);
	} else if (l->fmt == 0) {
		if (!l->nrows && empty) {
			puts(empty);
		} else {
			size_t w[OUT_MAX_COLS];
			for (int i = 0; i < l->ncols; i++) {
				w[i] = width(l->cols[i]);
				for (size_t r = 0; r < l->nrows; r++) {
					size_t x = width(l->cells[r * (size_t)l->ncols + (size_t)i]);
					if (x > w[i])
						w[i] = x;
				}
			}
			for (int i = 0; i < l->ncols; i++)
				printf("%s%-*s", i ? "  " : "", i == l->ncols - 1 ? 0 : (int)w[i], l->cols[i]);
			putchar('\n');
			for (size_t r = 0; r < l->nrows; r++) {
				for (int i = 0; i < l->ncols; i++) {
					const char *c = l->cells[r * (size_t)l->ncols + (size_t)i];
					size_t pad = w[i] - width(c);
					printf("%s%s", i ? "  " : "", c);
					if (i < l->ncols - 1)
						printf("%*s", (int)pad, "");
					free((void *)c);
				}
				putchar('\n');
			}
		}
		free(l->cells);
	}
	buf_free(&l->line);
	free(l);
}
