/* svg_chart.c: draws the trend chart described in svg_chart.h.
 *
 * Geometry: a fixed 360 x 200 viewBox (the chart scales with its container),
 * plot area inside margins for the axis labels. x is the date (points
 * spread evenly when they share one date), y the score from lo (bottom) to
 * hi (top). */
#include "http/svg_chart.h"

#include <math.h>
#include <stdio.h>

#include "http/tmpl.h"
#include "util/date.h"

#define W 360.0
#define H 200.0
#define LEFT 52.0
#define RIGHT 12.0
#define TOP 12.0
#define BOTTOM 44.0

static const char *const MONTHS[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static void short_date(int32_t d, char *out, size_t n)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	snprintf(out, n, "%d %s %d", dd, MONTHS[(m - 1) % 12], y);
}

static double clampd(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static double ypos(const struct svg_trend *c, double v)
{
	double f = (clampd(v, c->lo, c->hi) - c->lo) / (c->hi - c->lo);
	return TOP + (1.0 - f) * (H - TOP - BOTTOM);
}

static double xpos(const struct svg_trend *c, int i)
{
	double x0 = LEFT + 10, x1 = W - RIGHT - 10;
	int32_t first = c->pts[0].date, last = c->pts[c->n - 1].date;
	if (c->n == 1)
		return (x0 + x1) / 2;
	if (last <= first)
		return x0 + (x1 - x0) * i / (c->n - 1);
	return x0 + (x1 - x0) * (double)(c->pts[i].date - first) / (double)(last - first);
}

/* A score as people write it: whole numbers without decimals. */
static void num(double v, char *out, size_t n)
{
	if (fabs(v - round(v)) < 1e-9)
		snprintf(out, n, "%.0f", v);
	else
		snprintf(out, n, "%.1f", v);
}

int svg_trend(struct buf *out, const struct svg_trend *c, struct dy_err *e)
{
	if (!(c->hi > c->lo) || c->n < 1 || !c->pts)
		return dy_fail(e, DY_EINVAL, "chart", "a chart needs a range and at least one score");
	int rc = 0;
	char a[32], b[32];
	rc |= buf_printf(out, "<svg class=\"dyad-chart\" role=\"img\" viewBox=\"0 0 %.0f %.0f\" aria-labelledby=\"", W,
	                 H);
	rc |= tmpl_escape(out, c->id);
	rc |= buf_puts(out, "-t ");
	rc |= tmpl_escape(out, c->id);
	rc |= buf_puts(out, "-d\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"");
	rc |= tmpl_escape(out, c->id);
	rc |= buf_puts(out, "-t\">");
	rc |= tmpl_escape(out, c->title);
	rc |= buf_puts(out, " over time</title><desc id=\"");
	rc |= tmpl_escape(out, c->id);
	rc |= buf_puts(out, "-d\">");
	for (int i = 0; i < c->n; i++) {
		char d[40];
		date_format_long(c->pts[i].date, d, sizeof d);
		num(c->pts[i].value, a, sizeof a);
		rc |= buf_printf(out, "%s%s: %s", i ? "; " : "", d, a);
		if (c->pts[i].band && *c->pts[i].band) {
			rc |= buf_puts(out, " (");
			rc |= tmpl_escape(out, c->pts[i].band);
			rc |= buf_puts(out, ")");
		}
	}
	rc |= buf_puts(out, ".</desc>");

	/* Bands: white and mid grey in turn (named in the legend beside the
	 * chart, svg_band_legend), with the score where each begins on the axis. */
	double px0 = LEFT, px1 = W - RIGHT;
	double last_tick = -100;
	for (int i = 0; i < c->nbands; i++) {
		/* A band of whole scores 61-70 spans 60.5 to 70.5, so that a score
		 * on a band's first value sits inside its stripe. */
		double from = i > 0 ? (c->bands[i - 1].max + c->bands[i].min) / 2 : c->lo;
		double to = i + 1 < c->nbands ? (c->bands[i].max + c->bands[i + 1].min) / 2 : c->hi;
		if (c->bands[i].max < c->bands[i].min || (i > 0 && c->bands[i - 1].max >= c->bands[i].min))
			from = c->bands[i].min; /* continuous bands: the boundary is the minimum */
		if (i + 1 < c->nbands && (c->bands[i].max < c->bands[i].min || c->bands[i].max >= c->bands[i + 1].min))
			to = c->bands[i + 1].min;
		if (to <= c->lo || from >= c->hi)
			continue;
		double ytop = ypos(c, to), ybot = ypos(c, from);
		double ytick = ypos(c, c->bands[i].min);
		rc |= buf_printf(out,
		                 "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
		                 px0, ytop, px1 - px0, ybot - ytop, i % 2 ? "#d8dde0" : "#ffffff");
		if (c->bands[i].min > c->lo && fabs(ytick - ypos(c, c->lo)) >= 10 && fabs(ytick - ypos(c, c->hi)) >= 10 &&
		    fabs(ytick - last_tick) >= 10) {
			num(c->bands[i].min, a, sizeof a);
			rc |= buf_printf(out,
			                 "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" "
			                 "fill=\"#212b32\">%s</text>",
			                 px0 - 4, ytick + 3, a);
			last_tick = ytick;
		}
	}
	/* Axes with the range and the first and last date. */
	double ybase = H - BOTTOM;
	rc |= buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
	                      "stroke=\"#aeb7bd\"/>",
	                 px0, TOP, px1 - px0, ybase - TOP);
	rc |= buf_printf(out,
	                 "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#4c6272\"/>"
	                 "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#4c6272\"/>",
	                 px0, TOP, px0, ybase, px0, ybase, px1, ybase);
	num(c->hi, a, sizeof a);
	num(c->lo, b, sizeof b);
	rc |= buf_printf(out,
	                 "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#212b32\">%s</text>"
	                 "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#212b32\">%s</text>",
	                 px0 - 4, TOP + 4, a, px0 - 4, ybase + 3, b);
	rc |= buf_printf(out,
	                 "<text x=\"12\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\" fill=\"#212b32\" "
	                 "transform=\"rotate(-90 12 %.1f)\">",
	                 (TOP + ybase) / 2, (TOP + ybase) / 2);
	rc |= tmpl_escape(out, c->y_label);
	rc |= buf_puts(out, "</text>");
	short_date(c->pts[0].date, a, sizeof a);
	short_date(c->pts[c->n - 1].date, b, sizeof b);
	rc |= buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#212b32\">%s</text>", px0,
	                 ybase + 14, a);
	if (c->n > 1)
		rc |= buf_printf(out,
		                 "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#212b32\">%s</text>",
		                 px1, ybase + 14, b);
	rc |= buf_printf(out,
	                 "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\" fill=\"#212b32\">Date</text>",
	                 (px0 + px1) / 2, ybase + 32);
	/* The line and its points, each point with its value above it. */
	if (c->n > 1) {
		rc |= buf_puts(out, "<polyline fill=\"none\" stroke=\"#212b32\" stroke-width=\"2\" points=\"");
		for (int i = 0; i < c->n; i++)
			rc |= buf_printf(out, "%s%.1f,%.1f", i ? " " : "", xpos(c, i), ypos(c, c->pts[i].value));
		rc |= buf_puts(out, "\"/>");
	}
	for (int i = 0; i < c->n; i++) {
		double x = xpos(c, i), y = ypos(c, c->pts[i].value);
		num(c->pts[i].value, a, sizeof a);
		rc |= buf_printf(out,
		                 "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#ffffff\" stroke=\"#212b32\" "
		                 "stroke-width=\"2\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" font-weight=\"bold\" "
		                 "text-anchor=\"middle\" fill=\"#212b32\">%s</text>",
		                 x, y, x, y > TOP + 14 ? y - 8 : y + 16, a);
	}
	rc |= buf_puts(out, "</svg>");
	return rc ? dy_fail(e, DY_EINVAL, "chart", "the page is larger than its limit") : 0;
}

int svg_band_legend(struct buf *out, const struct instr_band *bands, int nbands, double hi, struct dy_err *e)
{
	if (nbands <= 0)
		return 0;
	int rc = buf_puts(out, "<ul class=\"nhsuk-list dyad-bands\">");
	for (int i = 0; i < nbands; i++) {
		char from[32], to[32];
		num(bands[i].min, from, sizeof from);
		num(i + 1 < nbands ? bands[i].max : (bands[i].max > bands[i].min ? bands[i].max : hi), to, sizeof to);
		rc |= buf_printf(out, "<li><span class=\"dyad-swatch dyad-swatch--%d\"></span>%s to %s: ", i % 2, from, to);
		rc |= tmpl_escape(out, bands[i].label);
		rc |= buf_puts(out, "</li>");
	}
	rc |= buf_puts(out, "</ul>");
	return rc ? dy_fail(e, DY_EINVAL, "chart", "the page is larger than its limit") : 0;
}
