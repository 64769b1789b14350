/* chart.h: SVG charts drawn from a report's (already suppressed) tables,
 * for the HTML format. A chart names its table and columns; the writer
 * draws what the table shows, so a hidden or null figure is never drawn
 * (it is named as "not shown" in the chart's description). Each chart is an
 * <svg role="img"> with a <title> and a <desc> listing its figures, axes
 * and units labelled, in greys (and, for many series, hatching) that stay
 * distinct when printed in greyscale. */
#ifndef DYAD_REPORT_CHART_H
#define DYAD_REPORT_CHART_H

#include "report/rep.h"
#include "util/buf.h"

/* Appends chart c drawn from table t (the item key) to out; 0 or DY_EINVAL
 * when out's cap is reached. */
int rep_chart_svg(struct buf *out, const struct rep_chart *c, const struct rep_table *t, const char *key);

#endif
