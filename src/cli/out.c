/* out.c: table, JSON and CSV rendering for the CLI (see out.h). Cells come
 * in as text; the column's type decides the JSON value, so the same list
 * gives the same field names and values in every format. */
#include "cli/out.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/csv.h"
#include "util/err.h"
#include "util/str.h"

enum col_type { T_TEXT, T_INT, T_NUM, T_DATE, T_BOOL, T_IDS, T_LIST };

struct out_list {
	int fmt; /* 0 table, 1 json, 2 csv */
	int ncols;
	char names[OUT_MAX_COLS][48];
	enum col_type types[OUT_MAX_COLS];
	char **cells; /* table: rows × ncols, held by text */
	struct arena text;
	size_t width[OUT_MAX_COLS]; /* table: each column's widest cell or name */
	size_t nrows, cap;
	json_t *arr;
	json_t *into;    /* a document's object: the array goes under key */
	char key[48];
	int silent;      /* CSV list of a document that is not its main one */
	int single;      /* JSON: the first row as an object under key, not an array */
	int64_t total, offset; /* out_total; -1 when not given */
	int64_t next_after;    /* out_next; 0 when none */
	size_t count;          /* rows given */
	struct buf line;
	int any;
};

struct out_doc {
	int fmt;
	json_t *obj;
};

static int fmt_code(const char *fmt)
{
	return fmt[0] == 't' ? 0 : fmt[0] == 'j' ? 1 : 2;
}

int out_format_ok(const char *fmt)
{
	return strcmp(fmt, "table") == 0 || strcmp(fmt, "json") == 0 || strcmp(fmt, "csv") == 0 ? 0 : DY_EUSAGE;
}

/* "name:type" into name and type. */
static enum col_type parse_col(const char *col, char name[48])
{
	static const struct { const char *s; enum col_type t; } types[] = {
		{"text", T_TEXT}, {"id", T_INT}, {"int", T_INT}, {"num", T_NUM}, {"date", T_DATE},
		{"bool", T_BOOL}, {"ids", T_IDS}, {"list", T_LIST}};
	const char *colon = strchr(col, ':');
	size_t n = colon ? (size_t)(colon - col) : strlen(col);
	if (n >= 48)
		n = 47;
	memcpy(name, col, n);
	name[n] = '\0';
	if (colon)
		for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
			if (strcmp(colon + 1, types[i].s) == 0)
				return types[i].t;
	return T_TEXT;
}

struct out_list *out_begin(const char *fmt, const char *const *cols)
{
	if (out_format_ok(fmt)) {
		fputs("dyad: format: must be one of table, json or csv\n", stderr);
		return NULL;
	}
	struct out_list *l = xcalloc(1, sizeof *l);
	l->fmt = fmt_code(fmt);
	while (cols[l->ncols] && l->ncols < OUT_MAX_COLS) {
		l->types[l->ncols] = parse_col(cols[l->ncols], l->names[l->ncols]);
		l->ncols++;
	}
	for (int i = 0; i < l->ncols; i++)
		l->width[i] = str_width(l->names[i]);
	arena_init(&l->text, SIZE_MAX);
	l->total = l->offset = -1;
	buf_init(&l->line, 1 << 20);
	if (l->fmt == 1)
		l->arr = json_array();
	return l;
}

void out_total(struct out_list *l, int64_t total, int64_t offset)
{
	if (!l)
		return;
	l->total = total;
	l->offset = offset;
}

void out_next(struct out_list *l, int64_t total, int64_t next_after)
{
	if (!l)
		return;
	l->total = total;
	l->next_after = next_after;
}

/* CSV: the header goes out with the first row (or at the end), so a failed
 * command prints nothing. */
static void csv_header(struct out_list *l)
{
	if (l->any || l->silent)
		return;
	for (int i = 0; i < l->ncols; i++)
		csv_put(&l->line, l->names[i], i == 0);
	csv_end(&l->line);
	fputs(buf_cstr(&l->line), stdout);
	buf_reset(&l->line);
}

/* A JSON number from text; NULL when the text is not one. */
static json_t *number(const char *v, int whole)
{
	char *end;
	if (whole) {
		long long x = strtoll(v, &end, 10);
		return *end ? NULL : json_integer(x);
	}
	double x = strtod(v, &end);
	return *end ? NULL : json_real(x);
}

/* Splits v at sep into a JSON array of numbers (ids) or strings. */
static json_t *array(const char *v, const char *sep, int ids)
{
	json_t *a = json_array();
	const char *p = v;
	size_t seplen = strlen(sep);
	while (*p) {
		const char *q = strstr(p, sep);
		size_t n = q ? (size_t)(q - p) : strlen(p);
		char item[400];
		if (n >= sizeof item)
			n = sizeof item - 1;
		memcpy(item, p, n);
		item[n] = '\0';
		json_t *x = ids ? number(item, 1) : NULL;
		json_array_append_new(a, x ? x : json_string(item));
		p += n;
		if (q)
			p += seplen;
	}
	return a;
}

/* The JSON value of a cell of type t. */
static json_t *value(enum col_type t, const char *v)
{
	if (t == T_IDS)
		return array(v ? v : "", ";", 1);
	if (t == T_LIST)
		return array(v ? v : "", "; ", 0);
	if (!v || !*v)
		return json_null();
	json_t *x = NULL;
	if (t == T_INT || t == T_NUM)
		x = number(v, t == T_INT);
	else if (t == T_BOOL)
		x = strcmp(v, "yes") == 0 ? json_true() : strcmp(v, "no") == 0 ? json_false() : NULL;
	return x ? x : json_string(v);
}

static json_t *row_object(struct out_list *l, const char *const *vals)
{
	json_t *o = json_object();
	for (int i = 0; i < l->ncols; i++)
		json_object_set_new(o, l->names[i], value(l->types[i], vals[i]));
	return o;
}

void out_row(struct out_list *l, const char *const *vals)
{
	if (!l)
		return;
	if (l->fmt == 2)
		csv_header(l);
	l->any = 1;
	l->count++;
	if (l->fmt == 1) {
		json_array_append_new(l->arr, row_object(l, vals));
	} else if (l->fmt == 2) {
		if (l->silent)
			return;
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
		for (int i = 0; i < l->ncols; i++) {
			const char *v = vals[i] ? vals[i] : "";
			l->cells[l->nrows * (size_t)l->ncols + (size_t)i] = arena_strdup(&l->text, v);
			size_t w = str_width(v);
			if (w > l->width[i])
				l->width[i] = w;
		}
		l->nrows++;
	}
}

void out_discard(struct out_list *l)
{
	if (!l)
		return;
	if (l->fmt == 1)
		json_decref(l->arr);
	arena_free(&l->text);
	free(l->cells);
	buf_free(&l->line);
	free(l);
}

/* Writes n spaces. */
static void pad(size_t n)
{
	static const char spaces[] = "                                                                ";
	while (n > 0) {
		size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
		fwrite(spaces, 1, k, stdout);
		n -= k;
	}
}

/* The cells, each column as wide as its widest cell or name (width),
 * two spaces between; the last column is not padded. */
static void print_table(struct out_list *l)
{
	for (int i = 0; i < l->ncols; i++) {
		if (i)
			fputs("  ", stdout);
		fputs(l->names[i], stdout);
		if (i < l->ncols - 1)
			pad(l->width[i] - str_width(l->names[i]));
	}
	putchar('\n');
	for (size_t r = 0; r < l->nrows; r++) {
		for (int i = 0; i < l->ncols; i++) {
			const char *c = l->cells[r * (size_t)l->ncols + (size_t)i];
			if (i)
				fputs("  ", stdout);
			fputs(c, stdout);
			if (i < l->ncols - 1)
				pad(l->width[i] - str_width(c));
		}
		putchar('\n');
	}
}

void out_end(struct out_list *l, const char *empty)
{
	if (!l)
		return;
	if (l->fmt == 2)
		csv_header(l);
	if (l->fmt == 1 && l->into && l->single) {
		json_t *first = json_array_get(l->arr, 0);
		json_object_set(l->into, l->key, first ? first : json_null());
	} else if (l->fmt == 1 && l->into) {
		json_object_set_new(l->into, l->key, l->arr);
		l->arr = NULL;
	} else if (l->fmt == 1) {
		char *s = json_dumps(l->arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
		puts(s ? s : "[]");
		free(s);
	} else if (l->fmt == 0) {
		if (!l->nrows && empty)
			puts(empty);
		else
			print_table(l);
	}
	if (l->next_after > 0) {
		FILE *to = l->fmt == 0 ? stdout : stderr;
		fprintf(to, "%sShowing %zu of %lld: the next page is --after %lld (with the same --sort), or use --all.\n",
		        to == stderr ? "dyad: " : "", l->count, (long long)l->total, (long long)l->next_after);
	} else if (l->total >= 0 && l->offset >= 0 && (l->offset > 0 || l->offset + (int64_t)l->count < l->total)) {
		FILE *to = l->fmt == 0 ? stdout : stderr;
		if (l->count)
			fprintf(to, "%sShowing %lld to %lld of %lld: use --limit N and --offset N, or --all.\n",
			        to == stderr ? "dyad: " : "", (long long)l->offset + 1, (long long)(l->offset + (int64_t)l->count),
			        (long long)l->total);
		else
			fprintf(to, "%sShowing none of %lld (--offset is past the end).\n", to == stderr ? "dyad: " : "",
			        (long long)l->total);
	}
	out_discard(l);
}

struct out_doc *out_doc_begin(const char *fmt)
{
	if (out_format_ok(fmt)) {
		fprintf(stderr, "dyad: format: '%s' is not one of table, json or csv\n", fmt);
		return NULL;
	}
	struct out_doc *d = xcalloc(1, sizeof *d);
	d->fmt = fmt_code(fmt);
	d->obj = json_object();
	return d;
}

int out_doc_table(const struct out_doc *d)
{
	return d->fmt == 0;
}

void out_doc_fact(struct out_doc *d, const char *col, const char *v)
{
	char name[48];
	enum col_type t = parse_col(col, name);
	json_object_set_new(d->obj, name, value(t, v));
}

struct out_list *out_doc_record(struct out_doc *d, const char *key, const char *const *cols, int main)
{
	struct out_list *l = out_doc_list(d, key, cols, main);
	l->single = 1;
	return l;
}

struct out_list *out_doc_list(struct out_doc *d, const char *key, const char *const *cols, int main)
{
	struct out_list *l = out_begin(d->fmt == 0 ? "table" : d->fmt == 1 ? "json" : "csv", cols);
	if (d->fmt == 1) {
		l->into = d->obj;
		str_copy(l->key, sizeof l->key, key);
	}
	l->silent = d->fmt == 2 && !main;
	return l;
}

void out_doc_end(struct out_doc *d)
{
	if (!d)
		return;
	if (d->fmt == 1) {
		char *s = json_dumps(d->obj, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
		puts(s ? s : "{}");
		free(s);
	}
	json_decref(d->obj);
	free(d);
}

void out_doc_end_silent(struct out_doc *d)
{
	if (!d)
		return;
	json_decref(d->obj);
	free(d);
}
