/* report_suppress.c: small-number suppression applied to a report's typed
 * result, by the rule of core/suppress.h (docs/reports.md, small numbers). */
#include "report/report.h"

#include <stdlib.h>

#include "core/suppress.h"
#include "util/err.h"

/* Secondary suppression over the block a table declares (rep.h). */
static void secondary(struct rep_table *t)
{
	if (t->part_from < 0 || t->part_to <= t->part_from)
		return;
	size_t rows = t->total_row >= 0 ? (size_t)t->total_row : t->nrows;
	size_t cols = (size_t)(t->part_to - t->part_from);
	if (!rows)
		return;
	int64_t *cell = xcalloc(rows * cols, sizeof *cell);
	int64_t *rt = xcalloc(rows, sizeof *rt), *ct = xcalloc(cols, sizeof *ct);
	unsigned char *hc = xcalloc(rows * cols, 1), *hr = xcalloc(rows, 1), *hcol = xcalloc(cols, 1);
	for (size_t r = 0; r < rows; r++)
		for (size_t c = 0; c < cols; c++) {
			const struct rep_cell *x = rep_cell(t, r, t->part_from + (int)c);
			cell[r * cols + c] = x->set ? x->i : 0;
		}
	struct suppress_table st = {.rows = rows, .cols = cols, .cell = cell, .row_total = rt, .col_total = ct,
	                            .hide_cell = hc, .hide_row = hr, .hide_col = hcol};
	suppress_table_apply(&st);
	for (size_t r = 0; r < rows; r++) {
		for (size_t c = 0; c < cols; c++)
			rep_cell(t, r, t->part_from + (int)c)->hidden |= hc[r * cols + c];
		if (t->total_col >= 0)
			rep_cell(t, r, t->total_col)->hidden |= hr[r];
	}
	if (t->total_row >= 0 && (size_t)t->total_row < t->nrows) {
		for (size_t c = 0; c < cols; c++)
			rep_cell(t, (size_t)t->total_row, t->part_from + (int)c)->hidden |= hcol[c];
		if (t->total_col >= 0)
			rep_cell(t, (size_t)t->total_row, t->total_col)->hidden |= (unsigned char)st.hide_grand;
	}
	free(cell);
	free(rt);
	free(ct);
	free(hc);
	free(hr);
	free(hcol);
}

static void table_suppress(struct rep_table *t)
{
	for (size_t r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->ncols; c++) {
			struct rep_cell *x = rep_cell(t, r, c);
			if (t->cols[c].type == REP_COUNT && x->set && suppress_count(x->i))
				x->hidden = 1;
		}
	secondary(t);
	/* A figure about a group is withheld when the group is under 5, or its
	 * count is hidden; a rate also when its numerator is hidden (else the
	 * count would follow from the rate and the group's size). */
	for (size_t r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->ncols; c++) {
			int b = t->cols[c].base, k = t->cols[c].numer;
			if (b < 0 || t->cols[c].type == REP_COUNT)
				continue;
			const struct rep_cell *n = rep_cell(t, r, b);
			struct rep_cell *x = rep_cell(t, r, c);
			if (x->set && (n->hidden || !n->set || suppress_rate(n->i) || (k >= 0 && rep_cell(t, r, k)->hidden)))
				x->hidden = 1;
		}
}

void report_suppress(struct rep_result *r)
{
	for (size_t i = 0; i < r->n; i++) {
		struct rep_item *it = &r->items[i];
		if (it->table)
			table_suppress(it->table);
		else if (it->type == REP_COUNT && it->fact.set && suppress_count(it->fact.i))
			it->fact.hidden = 1;
	}
	r->published = 1;
}
