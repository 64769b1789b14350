/* render_html.c: the HTML writer (render.h): one self-contained page with
 * inline CSS (screen and A4 print), the report's charts as inline SVG and
 * every table; nothing is fetched from anywhere. */
#include "report/render.h"

#include "report/chart.h"

#include <stdio.h>
#include <string.h>

static const char style[] =
	"@page{size:A4;margin:15mm}"
	"body{font:11pt/1.4 system-ui,sans-serif;color:#111;max-width:180mm;margin:1em auto;padding:0 1em}"
	"h1{font-size:18pt;margin:0 0 .3em}h2{font-size:13pt;margin:1.2em 0 .4em;break-after:avoid}"
	"p.intro{white-space:pre-line}"
	"table{border-collapse:collapse;margin:.4em 0 1em;font-size:9pt;break-inside:auto}"
	"th,td{border:1px solid #888;padding:2px 3px;text-align:right}"
	"thead th{overflow-wrap:break-word;vertical-align:bottom;font-size:7.5pt}"
	"th:first-child,td:first-child{text-align:left}th{background:#e6e6e6}tbody th{min-width:6em}"
	"tr{break-inside:avoid}dl.facts{display:grid;grid-template-columns:max-content auto;gap:0 1em}"
	"dt{font-weight:600}dd{margin:0}figure{margin:.5em 0 1em;break-inside:avoid}"
	"figcaption{font-weight:600;margin-bottom:.3em}svg{max-width:100%;height:auto}"
	"p.note{font-size:9pt}";

/* A cell as the page shows it: numbers of full precision to 4 significant
 * digits (the JSON and CSV keep them all). */
/* A column's name (or a row's label), escaped, with a line-break opportunity after each '_'
 * so that a narrow column breaks "pct_reliable_improvement" between its
 * words rather than inside one. */
static int col_name_html(struct buf *out, const char *name)
{
	int rc = 0;
	char part[REP_NAME];
	while (*name && !rc) {
		size_t n = strcspn(name, "_");
		size_t take = n + (name[n] == '_');
		if (take >= sizeof part)
			take = sizeof part - 1;
		memcpy(part, name, take);
		part[take] = '\0';
		rc |= buf_html(out, part);
		if (part[take - 1] == '_' && name[take])
			rc |= buf_puts(out, "<wbr>");
		name += take;
	}
	return rc;
}

static int cell_html(struct buf *out, const struct rep_table *t, size_t row, int c)
{
	char s[64];
	const struct rep_cell *x = rep_cell(t, row, c);
	if (t->cols[c].type == REP_NUM && t->cols[c].decimals < 0 && x->set && !x->hidden)
		snprintf(s, sizeof s, "%.4g", x->d);
	else
		rep_cell_text_plain(t, row, c, s);
	return c == 0 ? col_name_html(out, s) : buf_html(out, s); /* a row's label breaks like a column's name */
}

/* A table wider than this prints transposed (one column per row) to fit A4. */
#define HTML_MAX_COLS 12

static int table_html(const struct rep_item *it, struct buf *out)
{
	const struct rep_table *t = it->table;
	int rc = buf_puts(out, "<h2>");
	rc |= buf_html(out, t->title[0] ? t->title : it->key);
	rc |= buf_puts(out, "</h2>\n<table><thead><tr>");
	if (t->ncols > HTML_MAX_COLS && t->nrows) {
		/* Transposed: the first column's values head the columns. */
		rc |= buf_puts(out, "<th scope=\"col\">");
		rc |= buf_html(out, t->cols[0].name);
		rc |= buf_puts(out, "</th>");
		for (size_t row = 0; row < t->nrows; row++) {
			rc |= buf_puts(out, "<th scope=\"col\">");
			rc |= cell_html(out, t, row, 0);
			rc |= buf_puts(out, "</th>");
		}
		rc |= buf_puts(out, "</tr></thead><tbody>\n");
		for (int c = 1; c < t->ncols && !rc; c++) {
			rc |= buf_puts(out, "<tr><th scope=\"row\">");
			rc |= buf_html(out, t->cols[c].name);
			rc |= buf_puts(out, "</th>");
			for (size_t row = 0; row < t->nrows; row++) {
				rc |= buf_puts(out, "<td>");
				rc |= cell_html(out, t, row, c);
				rc |= buf_puts(out, "</td>");
			}
			rc |= buf_puts(out, "</tr>\n");
		}
		return rc | buf_puts(out, "</tbody></table>\n");
	}
	for (int c = 0; c < t->ncols; c++) {
		rc |= buf_puts(out, "<th scope=\"col\">");
		rc |= col_name_html(out, t->cols[c].name);
		rc |= buf_puts(out, "</th>");
	}
	rc |= buf_puts(out, "</tr></thead><tbody>\n");
	for (size_t row = 0; row < t->nrows && !rc; row++) {
		rc |= buf_puts(out, "<tr>");
		for (int c = 0; c < t->ncols; c++) {
			rc |= buf_puts(out, c ? "<td>" : "<th scope=\"row\">");
			rc |= cell_html(out, t, row, c);
			rc |= buf_puts(out, c ? "</td>" : "</th>");
		}
		rc |= buf_puts(out, "</tr>\n");
	}
	if (!t->nrows)
		rc |= buf_printf(out, "<tr><td colspan=\"%d\">None.</td></tr>\n", t->ncols);
	return rc | buf_puts(out, "</tbody></table>\n");
}

int rep_render_html_table(const struct rep_table *t, const struct rep_html_view *view, struct buf *out,
                          struct dy_err *e)
{
	for (int i = 0; i < view->ncols; i++)
		if (view->cols[i] < 0 || view->cols[i] >= t->ncols)
			return dy_fail(e, DY_EINVAL, "column", "the table has no column %d", view->cols[i]);
	int rc = buf_puts(out, "<table class=\"nhsuk-table\"><caption class=\"nhsuk-table__caption\">");
	rc |= buf_html(out, view->caption);
	rc |= buf_puts(out, "</caption><thead class=\"nhsuk-table__head\"><tr class=\"nhsuk-table__row\">");
	for (int i = 0; i < view->ncols; i++) {
		rc |= buf_puts(out, "<th scope=\"col\" class=\"nhsuk-table__header\">");
		rc |= buf_html(out, view->headings[i]);
		rc |= buf_puts(out, "</th>");
	}
	rc |= buf_puts(out, "</tr></thead><tbody class=\"nhsuk-table__body\">");
	for (size_t row = 0; row < t->nrows && !rc; row++) {
		rc |= buf_puts(out, "<tr class=\"nhsuk-table__row\">");
		for (int i = 0; i < view->ncols; i++) {
			const struct rep_cell *x = rep_cell(t, row, view->cols[i]);
			rc |= buf_puts(out, i ? "<td class=\"nhsuk-table__cell\">" : "<th scope=\"row\" class=\"nhsuk-table__header\">");
			if (!i && view->rows)
				rc |= buf_html(out, view->rows[row]);
			else if (!x->set && !x->hidden)
				rc |= buf_puts(out, "-");
			else
				rc |= cell_html(out, t, row, view->cols[i]);
			rc |= buf_puts(out, i ? "</td>" : "</th>");
		}
		rc |= buf_puts(out, "</tr>");
	}
	rc |= buf_puts(out, "</tbody></table>");
	return rc ? dy_fail(e, DY_EINVAL, "report", "the page is too long") : 0;
}

int rep_render_html(const struct rep_result *r, struct buf *out)
{
	int rc = buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
	                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
	rc |= buf_html(out, r->title);
	rc |= buf_printf(out, "</title><style>%s</style></head>\n<body>\n<h1>", style);
	rc |= buf_html(out, r->title);
	rc |= buf_puts(out, "</h1>\n<p class=\"intro\">");
	rc |= buf_html(out, r->intro);
	rc |= buf_puts(out, "</p>\n<dl class=\"facts\">");
	for (size_t i = 0; i < r->n; i++) {
		const struct rep_item *it = &r->items[i];
		if (it->table || !(it->in & REP_IN_FLAT))
			continue;
		char s[64];
		rc |= buf_puts(out, "<dt>");
		rc |= buf_html(out, it->key);
		rc |= buf_puts(out, "</dt><dd>");
		rc |= buf_html(out, rep_cell_text(it->type, it->decimals, &it->fact, s));
		rc |= buf_puts(out, "</dd>");
	}
	rc |= buf_puts(out, "</dl>\n");
	if (r->html_extra)
		rc |= buf_puts(out, r->html_extra);
	for (int i = 0; i < r->ncharts; i++) {
		const struct rep_item *it = rep_find(r, r->charts[i].table);
		if (it && it->table)
			rc |= rep_chart_svg(out, &r->charts[i], it->table, it->key);
	}
	for (size_t i = 0; i < r->n && !rc; i++)
		if (r->items[i].table && (r->items[i].in & REP_IN_FLAT))
			rc |= table_html(&r->items[i], out);
	if (r->published)
		rc |= buf_puts(out, "<p class=\"note\">* a count from 1 to 4, or a figure that would reveal one, is not"
		                    " shown (small-number suppression).</p>\n");
	rc |= buf_puts(out, "<p class=\"note\">Every figure is defined in docs/reports.md.</p>\n</body></html>\n");
	return rc;
}
