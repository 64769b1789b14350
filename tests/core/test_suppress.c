/* Small-number suppression: counts 1 to 4 hidden and 0 and 5 shown (the
 * boundaries); rates over fewer than 5 withheld; secondary suppression so
 * that no row, column or total line holds a single hidden figure (which
 * subtraction from the total would recover), checked on hand-worked lists
 * and on 5,000 random tables; and the equity report's lines (deciles with
 * the quintiles they add into) by hand and on 5,000 random lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/suppress.h"

static void boundaries(void **state)
{
	(void)state;
	assert_false(suppress_count(0));
	assert_true(suppress_count(1));
	assert_true(suppress_count(4));
	assert_false(suppress_count(5));
	assert_true(suppress_rate(0));
	assert_true(suppress_rate(4));
	assert_false(suppress_rate(5));
}

struct tab {
	int64_t rt[16], ct[16];
	unsigned char hc[256], hr[16], hcol[16];
	struct suppress_table t;
};

static struct suppress_table *make(struct tab *b, size_t rows, size_t cols, const int64_t *cells)
{
	memset(b, 0, sizeof *b);
	b->t = (struct suppress_table){rows, cols, cells, b->rt, b->ct, 0, b->hc, b->hr, b->hcol, 0};
	suppress_table_apply(&b->t);
	return &b->t;
}

static void lists(void **state)
{
	(void)state;
	struct tab b;
	/* 10, 3, 12 (total 25): 3 is hidden, and 10, the smallest shown, with it;
	 * 25 - 12 = 13 then splits two ways unknown. */
	const int64_t a[] = {10, 3, 12};
	struct suppress_table *t = make(&b, 1, 3, a);
	assert_int_equal(t->hide_cell[0], 1);
	assert_int_equal(t->hide_cell[1], 1);
	assert_int_equal(t->hide_cell[2], 0);
	assert_int_equal(t->hide_row[0], 0);
	assert_int_equal(t->row_total[0], 25);
	/* 0, 3, 12: a shown 0 next to one hidden cell would give the 3 away. */
	const int64_t z[] = {0, 3, 12};
	t = make(&b, 1, 3, z);
	assert_int_equal(t->hide_cell[0], 1);
	assert_int_equal(t->hide_cell[1], 1);
	assert_int_equal(t->hide_cell[2], 0);
	/* 3, 4: both hidden already; the total 7 may show. */
	const int64_t two[] = {3, 4};
	t = make(&b, 1, 2, two);
	assert_true(t->hide_cell[0] && t->hide_cell[1]);
	assert_int_equal(t->hide_row[0], 0);
	/* 2 alone: the cell and its total (also 2) are hidden. */
	const int64_t one[] = {2};
	t = make(&b, 1, 1, one);
	assert_true(t->hide_cell[0] && t->hide_row[0] && t->hide_grand);
	/* 5, 6, 7: nothing small, nothing hidden. */
	const int64_t big[] = {5, 6, 7};
	t = make(&b, 1, 3, big);
	assert_false(t->hide_cell[0] || t->hide_cell[1] || t->hide_cell[2] || t->hide_row[0]);
}

/* The number of hidden figures in a line of n inner cells plus its total. */
static int hidden_in(const unsigned char *h, size_t n, size_t stride, int total)
{
	int k = total != 0;
	for (size_t i = 0; i < n; i++)
		k += h[i * stride] != 0;
	return k;
}

static void random_tables(void **state)
{
	(void)state;
	srand(20261203);
	struct tab b;
	int64_t cells[256];
	for (int trial = 0; trial < 5000; trial++) {
		size_t rows = 1 + (size_t)rand() % 6, cols = 1 + (size_t)rand() % 6;
		for (size_t i = 0; i < rows * cols; i++)
			cells[i] = rand() % 3 == 0 ? rand() % 5 : rand() % 40;
		struct suppress_table *t = make(&b, rows, cols, cells);
		for (size_t i = 0; i < rows * cols; i++)
			if (suppress_count(cells[i]))
				assert_true(t->hide_cell[i]);
		for (size_t r = 0; r < rows; r++) {
			if (suppress_count(t->row_total[r]))
				assert_true(t->hide_row[r]);
			assert_int_not_equal(hidden_in(t->hide_cell + r * cols, cols, 1, t->hide_row[r]), 1);
		}
		for (size_t c = 0; c < cols; c++) {
			if (suppress_count(t->col_total[c]))
				assert_true(t->hide_col[c]);
			assert_int_not_equal(hidden_in(t->hide_cell + c, rows, cols, t->hide_col[c]), 1);
		}
		assert_int_not_equal(hidden_in(t->hide_row, rows, 1, t->hide_grand), 1);
		assert_int_not_equal(hidden_in(t->hide_col, cols, 1, t->hide_grand), 1);
	}
}

/* The equity report's lines (docs/reports.md): figures 0-10 the deciles
 * (10 unknown), 11 their total, 12-17 the quintiles (17 unknown), 18 their
 * total; lines: the deciles with their total, the quintiles with theirs,
 * the two totals tied, each quintile with its two deciles, unknown with
 * unknown. */
#define NFIG 19
static size_t lines_of(struct suppress_line *l, size_t inner[][11])
{
	size_t n = 0;
	for (size_t i = 0; i < 11; i++)
		inner[0][i] = i;
	l[n++] = (struct suppress_line){inner[0], 11, 11};
	for (size_t i = 0; i < 6; i++)
		inner[1][i] = 12 + i;
	l[n++] = (struct suppress_line){inner[1], 6, 18};
	inner[2][0] = 11;
	l[n++] = (struct suppress_line){inner[2], 1, 18};
	for (size_t q = 0; q < 5; q++) {
		inner[3 + q][0] = 2 * q;
		inner[3 + q][1] = 2 * q + 1;
		l[n++] = (struct suppress_line){inner[3 + q], 2, 12 + q};
	}
	inner[8][0] = 10;
	l[n++] = (struct suppress_line){inner[8], 1, 17};
	return n;
}

static void fill(int64_t *v, const int64_t *dec)
{
	v[11] = v[18] = 0;
	for (size_t i = 0; i < 11; i++) {
		v[i] = dec[i];
		v[11] += dec[i];
	}
	for (size_t q = 0; q < 5; q++)
		v[12 + q] = dec[2 * q] + dec[2 * q + 1];
	v[17] = dec[10];
	v[18] = v[11];
}

static void check_lines(const int64_t *v, const unsigned char *hide, const struct suppress_line *l, size_t nl)
{
	for (size_t i = 0; i < NFIG; i++)
		if (suppress_count(v[i]))
			assert_true(hide[i]);
	for (size_t k = 0; k < nl; k++) {
		size_t h = hide[l[k].total];
		for (size_t i = 0; i < l[k].n; i++)
			h += hide[l[k].inner[i]];
		assert_int_not_equal(h, 1);
	}
}

static void decile_quintile_lines(void **state)
{
	(void)state;
	struct suppress_line l[16];
	size_t inner[9][11];
	size_t nl = lines_of(l, inner);
	int64_t v[NFIG];
	unsigned char hide[NFIG];
	/* tests/cli/test_equity.sh's referrals: deciles 1 (6), 2 (2), 5, 6, 9 (1
	 * each), unknown 1; quintile 1 = 8. Decile 2 is hidden, so decile 1 must
	 * be too (else 8 - 6 = 2); quintile 1 stays shown. */
	const int64_t hand[11] = {6, 2, 0, 0, 1, 1, 0, 0, 1, 0, 1};
	fill(v, hand);
	for (size_t i = 0; i < NFIG; i++)
		hide[i] = (unsigned char)suppress_count(v[i]);
	suppress_lines_apply(v, hide, NFIG, l, nl);
	check_lines(v, hide, l, nl);
	assert_true(hide[0] && hide[1]);
	assert_false(hide[12]);
	assert_false(hide[11] || hide[18]);
	srand(20261204);
	for (int trial = 0; trial < 5000; trial++) {
		int64_t dec[11];
		for (size_t i = 0; i < 11; i++)
			dec[i] = rand() % 3 == 0 ? rand() % 5 : rand() % 30;
		fill(v, dec);
		for (size_t i = 0; i < NFIG; i++)
			hide[i] = (unsigned char)suppress_count(v[i]);
		suppress_lines_apply(v, hide, NFIG, l, nl);
		check_lines(v, hide, l, nl);
		/* No decile follows from the decile total or its quintile. */
		for (size_t q = 0; q < 5; q++)
			if (hide[2 * q] != hide[2 * q + 1])
				assert_true(hide[12 + q]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(boundaries),
		cmocka_unit_test(lists),
		cmocka_unit_test(random_tables),
		cmocka_unit_test(decile_quintile_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
