/* rep.h: a report's result as typed data, before any format.
 *
 * A report (report/report.h builds them) is an ordered list of items: facts
 * (one typed value under a key, like the period's first day) and tables
 * (typed columns, rows of cells). Every format is written from this one
 * structure by report/render.h, so the CLI, the API and the HTML pages show
 * the same figures with the same names. Each cell knows whether it is null
 * (cannot be computed) and whether suppression hid it (shown as `*`).
 *
 * Column types: text; int (a whole number that counts nobody: days, a
 * year); count (a number of people or records, suppressible when small);
 * num (a real number printed with the column's decimals; a rate or mean
 * names the count column it is computed over, so suppression can withhold
 * it); date (a day number, printed YYYY-MM-DD).
 *
 * In JSON a table is an array of row objects (REP_ROWS), one object (its
 * first row, REP_RECORD) or an object keyed by its first column
 * (REP_KEYED); a column or item named "A.n" nests as {"A": {"n": ...}}. An item
 * may be meant for JSON only or for the flat formats (CSV, table, HTML)
 * only, when the same figures read better in another shape there. */
#ifndef DYAD_REPORT_REP_H
#define DYAD_REPORT_REP_H

#include <stddef.h>
#include <stdint.h>

#define REP_MAX_COLS 32
#define REP_NAME 48

enum rep_type { REP_TEXT, REP_INT, REP_COUNT, REP_NUM, REP_DATE };
enum rep_shape { REP_ROWS, REP_RECORD, REP_KEYED };

/* Which formats show an item. */
#define REP_IN_JSON 1
#define REP_IN_FLAT 2
#define REP_IN_ALL 3

struct rep_cell {
	unsigned char set;    /* 0: null */
	unsigned char hidden; /* 1: suppressed, shown as `*` */
	int64_t i;            /* int, count, date */
	double d;             /* num */
	char *s;              /* text (owned) */
};

struct rep_col {
	char name[REP_NAME];
	enum rep_type type;
	int decimals; /* num: decimals shown (JSON rounds to them too) */
	int base;     /* not a count: index of the count column of the people it
	               * describes (a rate, mean or median over them), or -1 */
	int numer;    /* a rate: index of the count column of its numerator, or -1
	               * (a rate is withheld when its numerator count is hidden) */
};

struct rep_table {
	char title[160];    /* heading in the table and HTML formats ("" for none) */
	enum rep_shape shape;
	int ncols;
	struct rep_col cols[REP_MAX_COLS];
	size_t nrows, cap;
	struct rep_cell *cells; /* nrows * ncols */
	/* Secondary suppression (rep_suppress): the count columns
	 * [part_from, part_to) of the rows [0, total_row) add up across to the
	 * column total_col and down to the row total_row (each -1 when the table
	 * has no such total). */
	int part_from, part_to, total_col;
	long total_row;
	/* down_only: the count columns [part_from, part_to) do not add across
	 * (total_col -1); each adds down to the row total_row on its own, and
	 * is protected as a list with its total. */
	int down_only;
	/* A down_only table whose rows are sums of another's rows (quintiles of
	 * deciles): detail is that table (the same columns, also down_only),
	 * detail_parent[i] (owned, one per row of detail before its total_row)
	 * the row here that detail row i adds into. Suppression then protects
	 * the two together: no group of detail rows with their sum here, no
	 * column of either with its total, holds exactly one hidden figure. */
	struct rep_table *detail;
	int *detail_parent;
};

/* A chart of a table for the HTML format (report/chart.h draws it from the
 * table as shown, after suppression). */
enum rep_chart_kind {
	CHART_HBARS, /* one group of horizontal bars per row, one bar per column (0 to max, or 0-100 for %) */
	CHART_CI,    /* per row: cols[0] an estimate with cols[1]..cols[2] its interval, and a line at 0 */
	CHART_SLOPE, /* per row: a panel with a line from cols[0] (pre) to cols[1] (post) */
	CHART_STACK  /* vertical stacked bars: one bar per column, one layer per row */
};

#define REP_MAX_CHARTS 16

struct rep_chart {
	enum rep_chart_kind kind;
	char table[REP_NAME * 2]; /* the table's item key */
	char title[160];
	char axis[80];            /* the value axis' label, with its unit */
	int label_col[2], nlabel; /* columns whose text names a row */
	int cols[REP_MAX_COLS], ncols;
	long skip_row;            /* a row not drawn (a total row), or -1 */
	double ref;               /* a reference line (a target) on the value axis, or NAN */
	char ref_label[64];
	int percent;              /* 1: the value axis runs 0 to 100 */
};

struct rep_item {
	char key[REP_NAME];
	int in;                  /* REP_IN_* */
	struct rep_table *table; /* a table, or NULL for a fact */
	enum rep_type type;      /* a fact's type */
	int decimals;
	struct rep_cell fact;
};

struct rep_result {
	char name[32];        /* "waiting", "outcomes", ... */
	char title[160];      /* "Waiting times" */
	char intro[1200];     /* the sentence(s) that say what the figures are (table, HTML) */
	char notice[200];     /* a sentence for the person who ran it, or "" */
	int published;        /* 1: report_suppress was applied */
	struct rep_item *items;
	size_t n, cap;
	char *html_extra;     /* more HTML for the HTML format, owned; may be NULL */
	struct rep_chart charts[REP_MAX_CHARTS];
	int ncharts;
};

/* Starts an empty result named name (copied). */
void rep_init(struct rep_result *r, const char *name, const char *title);

/* Frees everything r owns; r may then be initialised again. */
void rep_free(struct rep_result *r);

/* Adds a fact; text is copied. A num fact that is not finite is null; a
 * date of DATE_NONE is null. */
void rep_fact_text(struct rep_result *r, const char *key, const char *text, int in);
void rep_fact_int(struct rep_result *r, const char *key, enum rep_type type, int64_t v, int in);
void rep_fact_num(struct rep_result *r, const char *key, double v, int decimals, int in);

/* Adds a table under key; add its columns with rep_col, then rows. */
struct rep_table *rep_table(struct rep_result *r, const char *key, const char *title, enum rep_shape shape, int in);

/* Adds a column (name copied); returns its index. For a figure about a
 * group (rate, mean, median), base is the index of the count column of
 * that group (-1: none). */
int rep_col(struct rep_table *t, const char *name, enum rep_type type, int decimals, int base);

/* Says that column c is a rate whose numerator is count column numer. */
void rep_col_numer(struct rep_table *t, int c, int numer);

/* Adds an empty row (every cell null); returns its index. */
size_t rep_row(struct rep_table *t);

/* Sets cell (row, col). rep_set_num: a value that is not finite stays
 * null. rep_set_text copies; NULL stays null. rep_set_int with a date of
 * DATE_NONE stays null. */
void rep_set_int(struct rep_table *t, size_t row, int col, int64_t v);
void rep_set_num(struct rep_table *t, size_t row, int col, double v);
void rep_set_text(struct rep_table *t, size_t row, int col, const char *s);

/* The cell (row, col). */
struct rep_cell *rep_cell(const struct rep_table *t, size_t row, int col);

/* Moves every item of src into dst with its key prefixed "prefix." (the
 * facts named in skip, NULL-terminated, are dropped instead), and src's
 * html_extra after dst's; src is left empty (free it as usual). */
void rep_adopt(struct rep_result *dst, struct rep_result *src, const char *prefix, const char *const *skip);

/* Adds a chart of the table under key (NULL when there are too many: the
 * HTML then has fewer charts); set its columns after. */
struct rep_chart *rep_chart(struct rep_result *r, enum rep_chart_kind kind, const char *table, const char *title,
                            const char *axis);

/* The item with key, or NULL. */
const struct rep_item *rep_find(const struct rep_result *r, const char *key);

#endif
