/* svg_chart.h: a small SVG trend chart of one measure scale over time.
 *
 * The chart shows each administration's score as a point on a line, over
 * the scale's bands drawn as stripes of white and grey in turn (so it reads
 * in greyscale), with the score where each band begins on the y axis and
 * each band named in words by svg_band_legend beside it; labelled axes. It is an <svg role="img"> whose <title> names the scale and whose
 * <desc> lists every score with its date and band in words, so a screen
 * reader user gets the same facts. It uses presentation attributes only (no
 * style attribute, no script), so it passes a strict Content-Security-Policy. */
#ifndef DYAD_HTTP_SVG_CHART_H
#define DYAD_HTTP_SVG_CHART_H

#include <stdint.h>

#include "core/instrument.h"
#include "util/buf.h"
#include "util/err.h"

struct svg_point {
	int32_t date;  /* day number */
	double value;  /* the score */
	const char *band; /* its band's label, or NULL */
};

struct svg_trend {
	const char *id;      /* id prefix unique in the page ([a-z0-9-]) */
	const char *title;   /* "EPDS total" */
	const char *y_label; /* "Score" */
	double lo, hi;       /* the scale's possible range (hi > lo) */
	const struct instr_band *bands; /* the scale's bands, lowest first; may be NULL */
	int nbands;
	const struct svg_point *pts; /* oldest first */
	int n;
};

/* Appends the chart to out. Returns 0, DY_EINVAL for an empty range or no
 * points (field "chart"), or DY_EINVAL when out's cap is reached. Scores
 * outside [lo, hi] are drawn at the nearest edge and still listed as they
 * are in the description. */
int svg_trend(struct buf *out, const struct svg_trend *c, struct dy_err *e);

/* The bands as an HTML list beside the chart: a swatch of the band's shade
 * (classes dyad-swatch--0 white, --1 grey, as drawn) and "0 to 9: label". */
int svg_band_legend(struct buf *out, const struct instr_band *bands, int nbands, double hi, struct dy_err *e);

#endif
