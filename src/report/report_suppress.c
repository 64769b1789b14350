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

/* Secondary suppression of count column c of a down_only table (and, with
 * a detail table, of the same column there): lines are each column with
 * its total, and each group of detail rows with the row they add into. */
static void down_column(struct rep_table *t, int c)
{
	struct rep_table *d = t->detail;
	size_t nt = t->total_row >= 0 ? (size_t)t->total_row + 1 : 0;
	size_t nd = d && d->total_row >= 0 ? (size_t)d->total_row + 1 : 0;
	if (!nt || (d && !nd) || (d && c >= d->ncols))
		return;
	/* Figures: this table's rows 0..total_row, then detail's. */
	size_t nfig = nt + nd;
	int64_t *val = xcalloc(nfig, sizeof *val);
	unsigned char *hide = xcalloc(nfig, 1);
	struct rep_cell **cell = xcalloc(nfig, sizeof *cell);
	for (size_t i = 0; i < nfig; i++) {
		cell[i] = i < nt ? rep_cell(t, i, c) : rep_cell(d, i - nt, c);
		val[i] = cell[i]->set ? cell[i]->i : 0;
		hide[i] = cell[i]->hidden;
	}
	size_t *inner = xcalloc(nfig, sizeof *inner), ninner = 0;
	struct suppress_line *lines = xcalloc(nt + 3, sizeof *lines);
	size_t nl = 0;
	/* This table's column with its total. */
	for (size_t i = 0; i + 1 < nt; i++)
		inner[ninner++] = i;
	lines[nl++] = (struct suppress_line){inner, ninner, nt - 1};
	if (d) {
		size_t *di = inner + ninner, dn = 0;
		for (size_t i = 0; i + 1 < nd; i++)
			di[dn++] = nt + i;
		ninner += dn;
		lines[nl++] = (struct suppress_line){di, dn, nt + nd - 1};
		/* The two totals are one figure. */
		size_t *tie = xcalloc(1, sizeof *tie);
		tie[0] = nt - 1;
		lines[nl++] = (struct suppress_line){tie, 1, nt + nd - 1};
		/* Each row here with the detail rows that add into it. */
		size_t *grp = xcalloc(nd ? nd : 1, sizeof *grp), used = 0;
		for (size_t r = 0; r + 1 < nt; r++) {
			size_t *g = grp + used, gn = 0;
			for (size_t i = 0; i + 1 < nd; i++)
				if (t->detail_parent[i] == (int)r)
					g[gn++] = nt + i;
			used += gn;
			if (gn)
				lines[nl++] = (struct suppress_line){g, gn, r};
		}
		suppress_lines_apply(val, hide, nfig, lines, nl);
		free(grp);
		free(tie);
	} else {
		suppress_lines_apply(val, hide, nfig, lines, nl);
	}
	for (size_t i = 0; i < nfig; i++)
		cell[i]->hidden |= hide[i];
	free(lines);
	free(inner);
	free(cell);
	free(hide);
	free(val);
}

static void table_primary(struct rep_table *t)
{
	for (size_t r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->ncols; c++) {
			struct rep_cell *x = rep_cell(t, r, c);
			if (t->cols[c].type == REP_COUNT && x->set && suppress_count(x->i))
				x->hidden = 1;
		}
}

static void table_secondary(struct rep_table *t)
{
	if (!t->down_only) {
		secondary(t);
		return;
	}
	for (int c = t->part_from; c >= 0 && c < t->part_to && c < t->ncols; c++)
		if (t->cols[c].type == REP_COUNT)
			down_column(t, c);
}

/* A figure about a group is withheld when the group is under 5, or its
 * count is hidden; a rate also when its numerator is hidden (else the
 * count would follow from the rate and the group's size). */
static void table_rates(struct rep_table *t)
{
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
			table_primary(it->table);
		else if (it->type == REP_COUNT && it->fact.set && suppress_count(it->fact.i))
			it->fact.hidden = 1;
	}
	/* Secondary: a table summed from another (its detail, an earlier
	 * item) protects both together, after the detail on its own. */
	for (size_t i = 0; i < r->n; i++)
		if (r->items[i].table)
			table_secondary(r->items[i].table);
	for (size_t i = 0; i < r->n; i++)
		if (r->items[i].table)
			table_rates(r->items[i].table);
	r->published = 1;
}
