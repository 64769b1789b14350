/* render.c: the JSON writer and what every writer shares (render.h). */
#include "report/render.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"

int rep_format_parse(const char *s, enum rep_format *f, struct dy_err *e)
{
	static const char *const names[] = {"table", "json", "csv", "html"};
	for (int i = 0; i < 4; i++)
		if (s && strcmp(s, names[i]) == 0) {
			*f = (enum rep_format)i;
			return 0;
		}
	return dy_fail(e, DY_EINVAL, "format", "must be one of table, json, csv or html");
}

static double rounded(double x, int decimals)
{
	if (decimals < 0)
		return x;
	double k = pow(10, decimals);
	return round(x * k) / k;
}

const char *rep_cell_text(enum rep_type type, int decimals, const struct rep_cell *c, char out[64])
{
	out[0] = '\0';
	if (c->hidden)
		snprintf(out, 64, "*");
	else if (!c->set)
		;
	else if (type == REP_TEXT)
		snprintf(out, 64, "%s", c->s ? c->s : "");
	else if (type == REP_DATE)
		date_format((int32_t)c->i, out);
	else if (type == REP_NUM && decimals >= 0)
		snprintf(out, 64, "%.*f", decimals, rounded(c->d, decimals));
	else if (type == REP_NUM)
		snprintf(out, 64, "%.10g", c->d);
	else
		snprintf(out, 64, "%" PRId64, c->i);
	return out;
}

const char *rep_cell_text_plain(const struct rep_table *t, size_t row, int col, char out[64])
{
	return rep_cell_text(t->cols[col].type, t->cols[col].decimals, rep_cell(t, row, col), out);
}

static json_t *cell_json(enum rep_type type, int decimals, const struct rep_cell *c)
{
	if (c->hidden)
		return json_string("*");
	if (!c->set)
		return json_null();
	char d[DATE_LEN];
	switch (type) {
	case REP_TEXT:
		return json_string(c->s ? c->s : "");
	case REP_DATE:
		date_format((int32_t)c->i, d);
		return json_string(d);
	case REP_NUM:
		return json_real(rounded(c->d, decimals));
	default:
		return json_integer((json_int_t)c->i);
	}
}

/* Sets name in o; "A.n" goes into o's object "A" as "n". */
static void set_nested(json_t *o, const char *name, json_t *v)
{
	const char *dot = strchr(name, '.');
	if (!dot) {
		json_object_set_new(o, name, v);
		return;
	}
	char head[REP_NAME];
	size_t n = (size_t)(dot - name);
	memcpy(head, name, n);
	head[n] = '\0';
	json_t *sub = json_object_get(o, head);
	if (!sub) {
		sub = json_object();
		json_object_set_new(o, head, sub);
	}
	set_nested(sub, dot + 1, v);
}

static json_t *row_json(const struct rep_table *t, size_t row, int from)
{
	json_t *o = json_object();
	for (int c = from; c < t->ncols; c++)
		set_nested(o, t->cols[c].name,
		           cell_json(t->cols[c].type, t->cols[c].decimals, rep_cell(t, row, c)));
	return o;
}

static json_t *table_json(const struct rep_table *t)
{
	if (t->shape == REP_RECORD)
		return t->nrows ? row_json(t, 0, 0) : json_null();
	if (t->shape == REP_KEYED) {
		json_t *o = json_object();
		for (size_t r = 0; r < t->nrows; r++) {
			char k[64];
			rep_cell_text(t->cols[0].type, t->cols[0].decimals, rep_cell(t, r, 0), k);
			json_object_set_new(o, k, row_json(t, r, 1));
		}
		return o;
	}
	json_t *a = json_array();
	for (size_t r = 0; r < t->nrows; r++)
		json_array_append_new(a, row_json(t, r, 0));
	return a;
}

json_t *rep_json(const struct rep_result *r)
{
	json_t *o = json_object();
	for (size_t i = 0; i < r->n; i++) {
		const struct rep_item *it = &r->items[i];
		if (!(it->in & REP_IN_JSON))
			continue;
		set_nested(o, it->key, it->table ? table_json(it->table) : cell_json(it->type, it->decimals, &it->fact));
	}
	return o;
}

int rep_render(const struct rep_result *r, enum rep_format f, struct buf *out, struct dy_err *e)
{
	int rc = 0;
	if (f == REP_FMT_JSON) {
		json_t *o = rep_json(r);
		char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
		rc = buf_puts(out, s ? s : "{}") || buf_putc(out, '\n');
		free(s);
		json_decref(o);
	} else if (f == REP_FMT_CSV) {
		rc = rep_render_csv(r, out);
	} else if (f == REP_FMT_TABLE) {
		rc = rep_render_table(r, out);
	} else {
		rc = rep_render_html(r, out);
	}
	return rc ? dy_fail(e, DY_EINVAL, "report", "is larger than the output may be") : 0;
}
