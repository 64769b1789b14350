/* suppress.c: primary and secondary small-number suppression (suppress.h). */
#include "core/suppress.h"

int suppress_count(int64_t n)
{
	return n >= 1 && n < SUPPRESS_MIN;
}

int suppress_rate(int64_t n)
{
	return n < SUPPRESS_MIN;
}

/* One line of the table: n inner figures and a total, as pointers into the
 * table's values and masks. */
struct line {
	size_t n;
	const int64_t *val;     /* inner values: val[i * stride] */
	size_t stride;
	unsigned char *hide;    /* inner mask: hide[i * stride] */
	int64_t total;
	unsigned char *hide_total;
	int *hide_total_int;
};

static int total_hidden(const struct line *l)
{
	return l->hide_total ? *l->hide_total : *l->hide_total_int;
}

static void hide_total(struct line *l)
{
	if (l->hide_total)
		*l->hide_total = 1;
	else
		*l->hide_total_int = 1;
}

/* Hides one more figure in a line that holds exactly one hidden figure;
 * returns 1 when it changed something. */
static int protect(struct line *l)
{
	size_t hidden = total_hidden(l) ? 1 : 0, best = l->n;
	for (size_t i = 0; i < l->n; i++) {
		if (l->hide[i * l->stride]) {
			hidden++;
			continue;
		}
		if (best == l->n || l->val[i * l->stride] < l->val[best * l->stride])
			best = i;
	}
	if (hidden != 1)
		return 0;
	if (best < l->n)
		l->hide[best * l->stride] = 1;
	else if (!total_hidden(l))
		hide_total(l);
	else
		return 0; /* a one-figure line whose total is hidden: nothing to pair it with */
	return 1;
}

void suppress_table_apply(struct suppress_table *t)
{
	t->grand_total = 0;
	for (size_t r = 0; r < t->rows; r++)
		t->row_total[r] = 0;
	for (size_t c = 0; c < t->cols; c++)
		t->col_total[c] = 0;
	for (size_t r = 0; r < t->rows; r++)
		for (size_t c = 0; c < t->cols; c++) {
			int64_t v = t->cell[r * t->cols + c];
			t->row_total[r] += v;
			t->col_total[c] += v;
			t->grand_total += v;
			t->hide_cell[r * t->cols + c] = (unsigned char)suppress_count(v);
		}
	for (size_t r = 0; r < t->rows; r++)
		t->hide_row[r] = (unsigned char)suppress_count(t->row_total[r]);
	for (size_t c = 0; c < t->cols; c++)
		t->hide_col[c] = (unsigned char)suppress_count(t->col_total[c]);
	t->hide_grand = suppress_count(t->grand_total);

	/* Lines: every row (with its total), every column (with its total),
	 * the row totals (with the grand total) and the column totals (likewise). */
	int changed = 1;
	while (changed) {
		changed = 0;
		for (size_t r = 0; r < t->rows; r++) {
			struct line l = {t->cols, t->cell + r * t->cols, 1, t->hide_cell + r * t->cols,
			                 t->row_total[r], t->hide_row + r, NULL};
			changed |= protect(&l);
		}
		for (size_t c = 0; c < t->cols; c++) {
			struct line l = {t->rows, t->cell + c, t->cols, t->hide_cell + c,
			                 t->col_total[c], t->hide_col + c, NULL};
			changed |= protect(&l);
		}
		struct line rt = {t->rows, t->row_total, 1, t->hide_row, t->grand_total, NULL, &t->hide_grand};
		changed |= protect(&rt);
		struct line ct = {t->cols, t->col_total, 1, t->hide_col, t->grand_total, NULL, &t->hide_grand};
		changed |= protect(&ct);
	}
}

void suppress_lines_apply(const int64_t *val, unsigned char *hide, size_t nfig, const struct suppress_line *lines,
                          size_t nlines)
{
	int changed = 1;
	while (changed) {
		changed = 0;
		for (size_t k = 0; k < nlines; k++) {
			const struct suppress_line *l = &lines[k];
			if (l->total >= nfig)
				continue;
			size_t hidden = hide[l->total] ? 1 : 0, best = nfig;
			for (size_t i = 0; i < l->n; i++) {
				size_t f = l->inner[i];
				if (f >= nfig)
					continue;
				if (hide[f])
					hidden++;
				else if (best == nfig || val[f] < val[best])
					best = f;
			}
			if (hidden != 1)
				continue;
			if (best < nfig)
				hide[best] = 1;
			else if (!hide[l->total])
				hide[l->total] = 1;
			else
				continue;
			changed = 1;
		}
	}
}
