/* chart.c: the SVG charts of chart.h. Geometry is a fixed viewBox per kind
 * that scales with the page; text is 9-10 px in that box. */
#include "report/chart.h"
#include "report/render.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define W 640.0

/* Fills distinct in greyscale: four greys, then hatched patterns. */
static const char *const FILL[] = {"#1a1a1a", "#7a7a7a", "#bdbdbd", "#ffffff", "url(#h1)", "url(#h2)",
                                   "url(#h3)", "url(#h4)"};
#define NFILL 8

static int defs(struct buf *o)
{
	return buf_puts(o, "<defs>"
	                   "<pattern id=\"h1\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" "
	                   "height=\"6\" fill=\"#fff\"/><path d=\"M0 6L6 0\" stroke=\"#000\" stroke-width=\"1.2\"/></pattern>"
	                   "<pattern id=\"h2\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" "
	                   "height=\"6\" fill=\"#fff\"/><path d=\"M0 0L6 6\" stroke=\"#000\" stroke-width=\"1.2\"/></pattern>"
	                   "<pattern id=\"h3\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" "
	                   "height=\"6\" fill=\"#fff\"/><circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#000\"/></pattern>"
	                   "<pattern id=\"h4\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" "
	                   "height=\"6\" fill=\"#ccc\"/><path d=\"M0 3H6\" stroke=\"#000\" stroke-width=\"1.2\"/></pattern>"
	                   "</defs>");
}

/* A cell's value when it is shown (set, not hidden); else 0. */
static int value(const struct rep_table *t, size_t row, int col, double *v)
{
	const struct rep_cell *c = rep_cell(t, row, col);
	if (!c->set || c->hidden)
		return 0;
	*v = t->cols[col].type == REP_NUM ? c->d : (double)c->i;
	return isfinite(*v);
}

static void row_label(const struct rep_chart *c, const struct rep_table *t, size_t row, char *out, size_t n)
{
	out[0] = '\0';
	for (int k = 0; k < c->nlabel; k++) {
		char s[64];
		rep_cell_text_plain(t, row, c->label_col[k], s);
		size_t len = strlen(out);
		snprintf(out + len, n - len, "%s%s", k ? " " : "", s);
	}
}

static int drawn_rows(const struct rep_chart *c, const struct rep_table *t)
{
	int n = 0;
	for (size_t r = 0; r < t->nrows; r++)
		n += (long)r != c->skip_row;
	return n;
}

static double nice_max(double m)
{
	if (m <= 0)
		return 1;
	double p = pow(10, floor(log10(m))), f = m / p;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

static int open_svg(struct buf *o, const struct rep_chart *c, double h)
{
	int rc = buf_puts(o, "<figure><figcaption>");
	rc |= buf_html(o, c->title);
	rc |= buf_printf(o, "</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" role=\"img\""
	                       " font-family=\"sans-serif\" font-size=\"10\"><title>",
	                    W, h);
	rc |= buf_html(o, c->title);
	return rc | buf_puts(o, "</title>");
}

static int close_svg(struct buf *o, const struct rep_chart *c)
{
	(void)c;
	return buf_puts(o, "</svg></figure>\n");
}

/* The description: every row's figures as the table shows them. */
static int desc(struct buf *o, const struct rep_chart *c, const struct rep_table *t)
{
	int rc = buf_puts(o, "<desc>");
	for (size_t r = 0; r < t->nrows; r++) {
		if ((long)r == c->skip_row)
			continue;
		char label[160];
		row_label(c, t, r, label, sizeof label);
		rc |= buf_html(o, label);
		rc |= buf_puts(o, ":");
		for (int k = 0; k < c->ncols; k++) {
			char s[64];
			rep_cell_text_plain(t, r, c->cols[k], s);
			rc |= buf_printf(o, " %s ", k ? "," : "");
			rc |= buf_html(o, t->cols[c->cols[k]].name);
			rc |= buf_puts(o, " ");
			rc |= buf_html(o, !s[0] ? "not computable" : strcmp(s, "*") == 0 ? "not shown (small number)" : s);
		}
		rc |= buf_puts(o, ". ");
	}
	return rc | buf_puts(o, "</desc>");
}

static int text(struct buf *o, double x, double y, const char *anchor, const char *s)
{
	int rc = buf_printf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
	rc |= buf_html(o, s);
	return rc | buf_puts(o, "</text>");
}

/* A value axis along x from x0 to x1 at y, lo..hi, with 5 ticks and a label. */
static int x_axis(struct buf *o, const struct rep_chart *c, double x0, double x1, double y, double lo, double hi,
                  double h)
{
	int rc = buf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\"/>", x0, y, x1, y);
	for (int k = 0; k <= 4; k++) {
		double v = lo + (hi - lo) * k / 4, x = x0 + (x1 - x0) * k / 4;
		char s[32];
		snprintf(s, sizeof s, fabs(v - round(v)) < 1e-9 ? "%.0f" : "%.1f", v);
		rc |= buf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\"/>", x, y, x, y + 4);
		rc |= text(o, x, y + 14, "middle", s);
	}
	return rc | text(o, (x0 + x1) / 2, h - 4, "middle", c->axis);
}

static int legend(struct buf *o, const struct rep_table *t, const int *cols, int n, const char *const *names,
                  double x, double y)
{
	int rc = 0;
	for (int k = 0; k < n; k++) {
		double xx = x + (k % 4) * 150, yy = y + (k / 4) * 14;
		rc |= buf_printf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\" stroke=\"#000\"/>", xx,
		                 yy - 9, FILL[k % NFILL]);
		rc |= text(o, xx + 14, yy, "start", names ? names[k] : t->cols[cols[k]].name);
	}
	return rc;
}

static int hbars(struct buf *o, const struct rep_chart *c, const struct rep_table *t)
{
	int nr = drawn_rows(c, t), ns = c->ncols;
	double bar = 10, group = bar * ns + 8, top = 10, left = 150, right = W - 20;
	double h = top + group * nr + 70;
	double hi = 0, v;
	for (size_t r = 0; r < t->nrows; r++)
		for (int k = 0; k < ns; k++)
			if ((long)r != c->skip_row && value(t, r, c->cols[k], &v) && v > hi)
				hi = v;
	if (isfinite(c->ref) && c->ref > hi)
		hi = c->ref;
	hi = c->percent ? 100 : nice_max(hi);
	int rc = open_svg(o, c, h) | desc(o, c, t) | defs(o);
	double y = top;
	for (size_t r = 0; r < t->nrows; r++) {
		if ((long)r == c->skip_row)
			continue;
		char label[160];
		row_label(c, t, r, label, sizeof label);
		rc |= text(o, left - 6, y + group / 2, "end", label);
		for (int k = 0; k < ns; k++) {
			double yy = y + k * bar;
			if (value(t, r, c->cols[k], &v))
				rc |= buf_printf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
				                    "stroke=\"#000\" stroke-width=\"0.6\"/>",
				                 left, yy, (right - left) * (v < 0 ? 0 : v) / hi, bar - 1, FILL[k % NFILL]);
			else
				rc |= text(o, left + 4, yy + bar - 2, "start", "not shown");
		}
		y += group;
	}
	if (isfinite(c->ref)) {
		double x = left + (right - left) * c->ref / hi;
		rc |= buf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" "
		                    "stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>",
		                 x, top - 4, x, y);
		rc |= text(o, x + 3, top + 2, "start", c->ref_label);
	}
	rc |= x_axis(o, c, left, right, y + 2, 0, hi, h - 30);
	rc |= legend(o, t, c->cols, ns, NULL, left, h - 16);
	return rc | close_svg(o, c);
}

static int ci(struct buf *o, const struct rep_chart *c, const struct rep_table *t)
{
	int nr = drawn_rows(c, t);
	double step = 22, top = 10, left = 170, right = W - 20, h = top + step * nr + 50;
	double lo = 0, hi = 0, v;
	for (size_t r = 0; r < t->nrows; r++)
		for (int k = 0; k < 3 && k < c->ncols; k++)
			if ((long)r != c->skip_row && value(t, r, c->cols[k], &v)) {
				lo = v < lo ? v : lo;
				hi = v > hi ? v : hi;
			}
	double m = nice_max(fmax(fabs(lo), fabs(hi)));
	lo = lo < 0 ? -m : 0;
	hi = hi > 0 ? m : 0;
	if (hi - lo <= 0)
		hi = 1;
#define X(v) (left + (right - left) * ((v) - lo) / (hi - lo))
	int rc = open_svg(o, c, h) | desc(o, c, t);
	rc |= buf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#777\" stroke-dasharray=\"3 3\"/>",
	                 X(0), top - 4, X(0), top + step * nr);
	double y = top + step / 2;
	for (size_t r = 0; r < t->nrows; r++) {
		if ((long)r == c->skip_row)
			continue;
		char label[160];
		row_label(c, t, r, label, sizeof label);
		rc |= text(o, left - 6, y + 3, "end", label);
		double e, a, b;
		if (value(t, r, c->cols[0], &e)) {
			if (value(t, r, c->cols[1], &a) && value(t, r, c->cols[2], &b))
				rc |= buf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" "
				                    "stroke-width=\"1.5\"/><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
				                    "stroke=\"#000\"/><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\"/>",
				                 X(a), y, X(b), y, X(a), y - 4, X(a), y + 4, X(b), y - 4, X(b), y + 4);
			rc |= buf_printf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#000\"/>", X(e), y);
		} else {
			rc |= text(o, left + 4, y + 3, "start", "not shown");
		}
		y += step;
	}
	rc |= x_axis(o, c, left, right, top + step * nr + 2, lo, hi, h);
#undef X
	return rc | close_svg(o, c);
}

static int slope(struct buf *o, const struct rep_chart *c, const struct rep_table *t)
{
	int nr = drawn_rows(c, t), per = 4;
	double pw = W / per, ph = 130;
	int lines = (nr + per - 1) / per;
	double h = ph * (lines ? lines : 1) + 10;
	int rc = open_svg(o, c, h) | desc(o, c, t);
	int i = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		if ((long)r == c->skip_row)
			continue;
		double x0 = (i % per) * pw, y0 = (i / per) * ph;
		i++;
		char label[160];
		row_label(c, t, r, label, sizeof label);
		rc |= text(o, x0 + pw / 2, y0 + 12, "middle", label);
		double a, b;
		if (!value(t, r, c->cols[0], &a) || !value(t, r, c->cols[1], &b)) {
			rc |= text(o, x0 + pw / 2, y0 + 60, "middle", "not shown");
			continue;
		}
		double lo = fmin(a, b), hi = fmax(a, b), pad = (hi - lo) * 0.3 + 1;
		lo -= pad;
		hi += pad;
		double ya = y0 + 25 + (ph - 55) * (hi - a) / (hi - lo), yb = y0 + 25 + (ph - 55) * (hi - b) / (hi - lo);
		double xa = x0 + pw * 0.28, xb = x0 + pw * 0.72;
		char sa[32], sb[32];
		snprintf(sa, sizeof sa, "%.1f", a);
		snprintf(sb, sizeof sb, "%.1f", b);
		rc |= buf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" stroke-width=\"2\"/>"
		                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"1.5\"/>"
		                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#000\"/>",
		                 xa, ya, xb, yb, xa, ya, xb, yb);
		rc |= text(o, xa - 7, ya + 3, "end", sa) | text(o, xb + 7, yb + 3, "start", sb);
		rc |= text(o, xa, y0 + ph - 14, "middle", "pre") | text(o, xb, y0 + ph - 14, "middle", "post");
		rc |= text(o, x0 + pw / 2, y0 + ph - 2, "middle", c->axis);
	}
	return rc | close_svg(o, c);
}

static int stack(struct buf *o, const struct rep_chart *c, const struct rep_table *t)
{
	int nb = c->ncols, nr = drawn_rows(c, t);
	double left = 50, right = W - 10, top = 10, plot = 180;
	double legend_h = 14 * ((nr + 3) / 4) + 8, h = top + plot + 50 + legend_h;
	double hi = 0, v;
	for (int k = 0; k < nb; k++) {
		double sum = 0;
		for (size_t r = 0; r < t->nrows; r++)
			if ((long)r != c->skip_row && value(t, r, c->cols[k], &v))
				sum += v;
		hi = sum > hi ? sum : hi;
	}
	hi = nice_max(hi);
	int rc = open_svg(o, c, h) | desc(o, c, t) | defs(o);
	double bw = (right - left) / (nb ? nb : 1);
	for (int k = 0; k <= 4; k++) {
		double y = top + plot - plot * k / 4;
		char s[32];
		double tv = hi * k / 4;
		snprintf(s, sizeof s, fabs(tv - round(tv)) < 1e-9 ? "%.0f" : "%.1f", tv);
		rc |= buf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ccc\"/>", left, y, right, y);
		rc |= text(o, left - 4, y + 3, "end", s);
	}
	rc |= buf_printf(o, "<text transform=\"translate(12 %.1f) rotate(-90)\" text-anchor=\"middle\">", top + plot / 2);
	rc |= buf_html(o, c->axis);
	rc |= buf_puts(o, "</text>");
	const char *names[64];
	int nn = 0;
	for (int k = 0; k < nb; k++) {
		double y = top + plot, x = left + bw * k + bw * 0.15;
		int layer = 0, hidden = 0;
		for (size_t r = 0; r < t->nrows; r++) {
			if ((long)r == c->skip_row)
				continue;
			if (value(t, r, c->cols[k], &v) && v > 0) {
				double hh = plot * v / hi;
				y -= hh;
				rc |= buf_printf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
				                    "stroke=\"#000\" stroke-width=\"0.6\"/>",
				                 x, y, bw * 0.7, hh, FILL[layer % NFILL]);
			} else if (rep_cell(t, r, c->cols[k])->hidden) {
				hidden = 1;
			}
			layer++;
		}
		rc |= text(o, x + bw * 0.35, top + plot + 14, "middle", t->cols[c->cols[k]].name);
		if (hidden)
			rc |= text(o, x + bw * 0.35, top + plot + 26, "middle", "* not all shown");
	}
	for (size_t r = 0; r < t->nrows && nn < 64; r++)
		if ((long)r != c->skip_row)
			names[nn++] = rep_cell(t, r, c->label_col[0])->s ? rep_cell(t, r, c->label_col[0])->s : "";
	int idx[64];
	for (int k = 0; k < nn; k++)
		idx[k] = k;
	rc |= legend(o, t, idx, nn, names, left, top + plot + 44);
	return rc | close_svg(o, c);
}

int rep_chart_svg(struct buf *out, const struct rep_chart *c, const struct rep_table *t, const char *key)
{
	(void)key;
	if (!t || !t->nrows)
		return 0;
	switch (c->kind) {
	case CHART_HBARS:
		return hbars(out, c, t);
	case CHART_CI:
		return ci(out, c, t);
	case CHART_SLOPE:
		return slope(out, c, t);
	default:
		return stack(out, c, t);
	}
}
