/* rep.c: building a report's typed result (see rep.h). */
#include "report/rep.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"
#include "util/err.h"
#include "util/str.h"

void rep_init(struct rep_result *r, const char *name, const char *title)
{
	memset(r, 0, sizeof *r);
	str_copy(r->name, sizeof r->name, name);
	str_copy(r->title, sizeof r->title, title);
}

static void table_free(struct rep_table *t)
{
	for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i].s);
	free(t->cells);
	free(t->detail_parent);
	free(t);
}

void rep_free(struct rep_result *r)
{
	for (size_t i = 0; i < r->n; i++) {
		if (r->items[i].table)
			table_free(r->items[i].table);
		free(r->items[i].fact.s);
	}
	free(r->items);
	free(r->html_extra);
	memset(r, 0, sizeof *r);
}

static struct rep_item *item(struct rep_result *r, const char *key, int in)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->items = xrealloc(r->items, r->cap * sizeof *r->items);
	}
	struct rep_item *it = &r->items[r->n++];
	memset(it, 0, sizeof *it);
	str_copy(it->key, sizeof it->key, key);
	it->in = in;
	return it;
}

void rep_fact_text(struct rep_result *r, const char *key, const char *text, int in)
{
	struct rep_item *it = item(r, key, in);
	it->type = REP_TEXT;
	if (text) {
		it->fact.set = 1;
		it->fact.s = xstrdup(text);
	}
}

void rep_fact_int(struct rep_result *r, const char *key, enum rep_type type, int64_t v, int in)
{
	struct rep_item *it = item(r, key, in);
	it->type = type;
	it->fact.set = !(type == REP_DATE && v == DATE_NONE);
	it->fact.i = v;
}

void rep_fact_num(struct rep_result *r, const char *key, double v, int decimals, int in)
{
	struct rep_item *it = item(r, key, in);
	it->type = REP_NUM;
	it->decimals = decimals;
	it->fact.set = isfinite(v) != 0;
	it->fact.d = v;
}

struct rep_table *rep_table(struct rep_result *r, const char *key, const char *title, enum rep_shape shape, int in)
{
	struct rep_item *it = item(r, key, in);
	struct rep_table *t = xcalloc(1, sizeof *t);
	str_copy(t->title, sizeof t->title, title ? title : "");
	t->shape = shape;
	t->part_from = t->part_to = t->total_col = -1;
	t->total_row = -1;
	it->table = t;
	return t;
}

int rep_col(struct rep_table *t, const char *name, enum rep_type type, int decimals, int base)
{
	if (t->ncols == REP_MAX_COLS || t->nrows)
	{
		fputs("dyad: rep_col: too many columns, or a column added after rows (a bug)\n", stderr);
		abort();
	}
	struct rep_col *c = &t->cols[t->ncols];
	str_copy(c->name, sizeof c->name, name);
	c->type = type;
	c->decimals = decimals;
	c->base = base;
	c->numer = -1;
	return t->ncols++;
}

void rep_col_numer(struct rep_table *t, int c, int numer)
{
	t->cols[c].numer = numer;
}

size_t rep_row(struct rep_table *t)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->cells = xrealloc(t->cells, t->cap * (size_t)t->ncols * sizeof *t->cells);
	}
	memset(&t->cells[t->nrows * (size_t)t->ncols], 0, (size_t)t->ncols * sizeof *t->cells);
	return t->nrows++;
}

struct rep_cell *rep_cell(const struct rep_table *t, size_t row, int col)
{
	return &t->cells[row * (size_t)t->ncols + (size_t)col];
}

void rep_set_int(struct rep_table *t, size_t row, int col, int64_t v)
{
	struct rep_cell *c = rep_cell(t, row, col);
	c->set = !(t->cols[col].type == REP_DATE && v == DATE_NONE);
	c->i = v;
}

void rep_set_num(struct rep_table *t, size_t row, int col, double v)
{
	struct rep_cell *c = rep_cell(t, row, col);
	c->set = isfinite(v) != 0;
	c->d = v;
}

void rep_set_text(struct rep_table *t, size_t row, int col, const char *s)
{
	struct rep_cell *c = rep_cell(t, row, col);
	free(c->s);
	c->s = s ? xstrdup(s) : NULL;
	c->set = s != NULL;
}

const struct rep_item *rep_find(const struct rep_result *r, const char *key)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->items[i].key, key) == 0)
			return &r->items[i];
	return NULL;
}

struct rep_chart *rep_chart(struct rep_result *r, enum rep_chart_kind kind, const char *table, const char *title,
                            const char *axis)
{
	if (r->ncharts == REP_MAX_CHARTS)
		return NULL;
	struct rep_chart *c = &r->charts[r->ncharts++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	str_copy(c->table, sizeof c->table, table);
	str_copy(c->title, sizeof c->title, title);
	str_copy(c->axis, sizeof c->axis, axis);
	c->skip_row = -1;
	c->ref = NAN;
	return c;
}

void rep_adopt(struct rep_result *dst, struct rep_result *src, const char *prefix, const char *const *skip)
{
	for (size_t i = 0; i < src->n; i++) {
		struct rep_item *it = &src->items[i];
		int drop = 0;
		for (size_t k = 0; skip && skip[k]; k++)
			drop |= !it->table && strcmp(it->key, skip[k]) == 0;
		if (drop) {
			free(it->fact.s);
			continue;
		}
		struct rep_item *to = item(dst, "", it->in);
		char key[REP_NAME * 2];
		snprintf(key, sizeof key, "%s.%s", prefix, it->key);
		*to = *it;
		str_copy(to->key, sizeof to->key, key);
	}
	src->n = 0;
	for (int i = 0; i < src->ncharts && dst->ncharts < REP_MAX_CHARTS; i++) {
		struct rep_chart *c = &dst->charts[dst->ncharts++];
		*c = src->charts[i];
		char key[sizeof c->table * 2];
		snprintf(key, sizeof key, "%s.%s", prefix, src->charts[i].table);
		str_copy(c->table, sizeof c->table, key);
	}
	src->ncharts = 0;
	if (src->html_extra) {
		size_t a = dst->html_extra ? strlen(dst->html_extra) : 0, b = strlen(src->html_extra);
		dst->html_extra = xrealloc(dst->html_extra, a + b + 1);
		memcpy(dst->html_extra + a, src->html_extra, b + 1);
		free(src->html_extra);
		src->html_extra = NULL;
	}
}
