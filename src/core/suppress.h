/* suppress.h: small-number suppression for figures that leave the team.
 *
 * The rule (docs/reports.md): a count from 1 to 4 is shown as `*` (primary
 * suppression; 0 is shown, it identifies nobody). So that a hidden count
 * cannot be recovered by subtraction from a total, no line of a table (a row
 * with its row total, a column with its column total) may hold exactly one
 * hidden figure: while one does, the smallest figure still shown in that line
 * is hidden too (secondary suppression), preferring an inner cell to a total.
 * A percentage or mean computed from fewer than 5 people is withheld.
 * Pure functions, no I/O. */
#ifndef DYAD_CORE_SUPPRESS_H
#define DYAD_CORE_SUPPRESS_H

#include <stddef.h>
#include <stdint.h>

/* The smallest group a published figure may describe. */
#define SUPPRESS_MIN 5

/* 1 when a published count must be hidden (1 to SUPPRESS_MIN - 1). */
int suppress_count(int64_t n);

/* 1 when a percentage or mean over a group of n must be withheld (n < 5,
 * including n = 0, where it cannot be computed anyway). */
int suppress_rate(int64_t n);

/* A rows x cols table of counts (row-major) with its row totals, column
 * totals and grand total, and the figures to hide. */
struct suppress_table {
	size_t rows, cols;
	const int64_t *cell;  /* rows * cols counts */
	int64_t *row_total;   /* rows, filled by suppress_table_apply */
	int64_t *col_total;   /* cols, likewise */
	int64_t grand_total;
	unsigned char *hide_cell; /* rows * cols, 1 = show `*` */
	unsigned char *hide_row;  /* rows: hide that row's total */
	unsigned char *hide_col;  /* cols: hide that column's total */
	int hide_grand;
};

/* Computes the totals and fills the hide masks by the rule above (primary,
 * then secondary until no line holds a single hidden figure). The caller
 * owns every array (sized as described). A 1 x n or n x 1 table is a plain
 * list with its total. */
void suppress_table_apply(struct suppress_table *t);

/* A line of figures that add up: n inner figures (indices into a list of
 * figures) and the index of their total. */
struct suppress_line {
	const size_t *inner;
	size_t n;
	size_t total;
};

/* Secondary suppression over any set of lines on a list of nfig figures
 * (val, hide: nfig each; hide holds the primary suppression on entry):
 * while a line holds exactly one hidden figure, the smallest inner figure
 * still shown in it is hidden as well (its total when none is shown). A
 * line of one inner figure ties it to its total (they are equal). */
void suppress_lines_apply(const int64_t *val, unsigned char *hide, size_t nfig, const struct suppress_line *lines,
                          size_t nlines);

#endif
