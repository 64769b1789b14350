/* render.h: one writer per format for a report's result (report/rep.h).
 *
 * JSON: one object, the items in order (facts as values, tables in their
 * JSON shape), hidden cells as the string "*", null where a figure cannot
 * be computed. CSV: each flat table with a header row (formula-safe, CRLF);
 * when a report has several, a blank line and a line naming the next table
 * ("# key") separate them. Table: the report's introduction, then each
 * table aligned for a terminal, under its title. HTML: one self-contained
 * page (inline CSS and SVG, no external request, A4 print) with the
 * introduction, the facts, the charts and every table. Numbers are written
 * the same way in every format (the column's decimals). */
#ifndef DYAD_REPORT_RENDER_H
#define DYAD_REPORT_RENDER_H

#include <jansson.h>

#include "report/rep.h"
#include "util/buf.h"
#include "util/err.h"

enum rep_format { REP_FMT_TABLE, REP_FMT_JSON, REP_FMT_CSV, REP_FMT_HTML };

/* Parses "table", "json", "csv" or "html"; 0 or DY_EINVAL (field "format"). */
int rep_format_parse(const char *s, enum rep_format *f, struct dy_err *e);

/* The report as a JSON object (the caller owns it). */
json_t *rep_json(const struct rep_result *r);

/* Appends the report in format f to out. Returns 0, or DY_EINVAL when out's
 * cap is reached. */
int rep_render(const struct rep_result *r, enum rep_format f, struct buf *out, struct dy_err *e);

/* The text of a cell as CSV, tables and HTML show it: "" when null, "*"
 * when hidden, else the value (num with the column's decimals; -1 decimals:
 * up to 10 significant digits). */
const char *rep_cell_text(enum rep_type type, int decimals, const struct rep_cell *c, char out[64]);

/* The text of cell (row, col) of t, as rep_cell_text gives it. */
const char *rep_cell_text_plain(const struct rep_table *t, size_t row, int col, char out[64]);

/* A table of a report shown inside a page of the web application (NHS
 * design system classes): the columns view->cols (view->ncols of them)
 * under the headings view->headings, each row headed by view->rows[row]
 * when given (else by its first shown cell), cells as the HTML page shows
 * them (hidden "*", null "-"), under view->caption. */
struct rep_html_view {
	const char *caption;
	int ncols;
	const int *cols;
	const char *const *headings;
	const char *const *rows; /* NULL, or one per table row */
};

/* Appends table t as view says to out; 0, or DY_EINVAL when out's cap is
 * reached or view names a column t does not have (e set). */
int rep_render_html_table(const struct rep_table *t, const struct rep_html_view *view, struct buf *out,
                          struct dy_err *e);

/* Appends r as CSV / an aligned text table / an HTML page to out. */
int rep_render_csv(const struct rep_result *r, struct buf *out);
int rep_render_table(const struct rep_result *r, struct buf *out);
int rep_render_html(const struct rep_result *r, struct buf *out);

#endif
