/* render_text.c: the CSV and terminal-table writers (render.h). */
#include "report/render.h"

#include <stdlib.h>
#include <string.h>

#include "util/str.h"
#include "util/csv.h"

static int flat_tables(const struct rep_result *r)
{
	int n = 0;
	for (size_t i = 0; i < r->n; i++)
		n += r->items[i].table && (r->items[i].in & REP_IN_FLAT);
	return n;
}

int rep_render_csv(const struct rep_result *r, struct buf *out)
{
	int several = flat_tables(r) > 1, first = 1, rc = 0;
	for (size_t i = 0; i < r->n && !rc; i++) {
		const struct rep_item *it = &r->items[i];
		const struct rep_table *t = it->table;
		if (!t || !(it->in & REP_IN_FLAT))
			continue;
		if (several)
			rc |= buf_printf(out, "%s# %s\r\n", first ? "" : "\r\n", it->key);
		first = 0;
		for (int c = 0; c < t->ncols; c++)
			rc |= csv_put(out, t->cols[c].name, c == 0);
		rc |= csv_end(out);
		for (size_t row = 0; row < t->nrows && !rc; row++) {
			for (int c = 0; c < t->ncols; c++) {
				char s[64];
				rc |= csv_put(out, rep_cell_text(t->cols[c].type, t->cols[c].decimals, rep_cell(t, row, c), s),
				              c == 0);
			}
			rc |= csv_end(out);
		}
	}
	return rc;
}

static int table_text(const struct rep_table *t, struct buf *out)
{
	size_t w[REP_MAX_COLS];
	int rc = 0;
	char s[64];
	for (int c = 0; c < t->ncols; c++) {
		w[c] = str_width(t->cols[c].name);
		for (size_t row = 0; row < t->nrows; row++) {
			size_t x = str_width(rep_cell_text(t->cols[c].type, t->cols[c].decimals, rep_cell(t, row, c), s));
			if (x > w[c])
				w[c] = x;
		}
	}
	for (long row = -1; row < (long)t->nrows && !rc; row++) {
		for (int c = 0; c < t->ncols; c++) {
			const char *v = row < 0 ? t->cols[c].name
			                        : rep_cell_text(t->cols[c].type, t->cols[c].decimals,
			                                        rep_cell(t, (size_t)row, c), s);
			rc |= buf_printf(out, "%s%s", c ? "  " : "", v);
			if (c < t->ncols - 1)
				rc |= buf_printf(out, "%*s", (int)(w[c] - str_width(v)), "");
		}
		rc |= buf_putc(out, '\n');
	}
	return rc;
}

int rep_render_table(const struct rep_result *r, struct buf *out)
{
	int rc = 0, first = 1;
	if (r->intro[0])
		rc |= buf_printf(out, "%s\n\n", r->intro);
	for (size_t i = 0; i < r->n && !rc; i++) {
		const struct rep_item *it = &r->items[i];
		if (!it->table || !(it->in & REP_IN_FLAT))
			continue;
		if (!first)
			rc |= buf_putc(out, '\n');
		first = 0;
		if (it->table->title[0])
			rc |= buf_printf(out, "%s\n", it->table->title);
		rc |= table_text(it->table, out);
	}
	if (r->published)
		rc |= buf_puts(out, "\n* a count from 1 to 4, or a figure that would reveal one, is not shown"
		                    " (docs/reports.md, small numbers).\n");
	return rc;
}
