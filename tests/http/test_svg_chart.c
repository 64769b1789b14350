/* The trend chart: accessible title and description in words, labelled
 * axes, bands named, points where the scores put them, names escaped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "http/svg_chart.h"
#include "testutil.h"

static int count(const char *s, const char *needle)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

static void chart_reads_in_words_and_in_grey(void **state)
{
	(void)state;
	struct instr_band bands[] = {{0, 9, "Below threshold"}, {10, 12, "Possible depression"}, {13, 30, "Probable"}};
	struct svg_point pts[] = {{tu_date("2026-03-12"), 16, "Probable"},
	                          {tu_date("2026-05-01"), 11, "Possible depression"},
	                          {tu_date("2026-07-01"), 6, "Below threshold"}};
	struct svg_trend c = {"m1-total", "EPDS total", "Score", 0, 30, bands, 3, pts, 3};
	struct buf b;
	buf_init(&b, 1 << 16);
	struct dy_err e;
	assert_int_equal(svg_trend(&b, &c, &e), 0);
	const char *s = buf_cstr(&b);
	assert_non_null(strstr(s, "role=\"img\""));
	assert_non_null(strstr(s, "aria-labelledby=\"m1-total-t m1-total-d\""));
	assert_non_null(strstr(s, "<title id=\"m1-total-t\">EPDS total over time</title>"));
	assert_non_null(strstr(s, "12 March 2026: 16 (Probable); 1 May 2026: 11 (Possible depression); "
	                          "1 July 2026: 6 (Below threshold)."));
	/* Axes labelled: score range, first and last date, both axis names. */
	assert_non_null(strstr(s, ">30</text>"));
	assert_non_null(strstr(s, ">12 Mar 2026</text>"));
	assert_non_null(strstr(s, ">1 Jul 2026</text>"));
	assert_non_null(strstr(s, ">Score</text>"));
	assert_non_null(strstr(s, ">Date</text>"));
	/* Three bands in white and grey in turn, where each begins on the axis;
	 * the legend names them; three points. */
	assert_int_equal(count(s, "fill=\"#ffffff\"/>"), 2);
	assert_int_equal(count(s, "fill=\"#d8dde0\""), 1);
	assert_non_null(strstr(s, ">10</text>"));
	assert_non_null(strstr(s, ">13</text>"));
	assert_int_equal(count(s, "<circle"), 3);
	struct buf lg;
	buf_init(&lg, 4096);
	assert_int_equal(svg_band_legend(&lg, bands, 3, 30, &e), 0);
	assert_non_null(strstr(buf_cstr(&lg), "dyad-swatch--1\"></span>10 to 12: Possible depression</li>"));
	assert_non_null(strstr(buf_cstr(&lg), "13 to 30: Probable"));
	buf_free(&lg);
	/* The line starts at the first date, at the left of the plot. */
	assert_non_null(strstr(s, "points=\"62.0,"));
	/* No style attribute or script: passes a strict CSP. */
	assert_null(strstr(s, "style="));
	assert_null(strstr(s, "<script"));
	buf_free(&b);
}

static void higher_score_is_higher_on_the_chart(void **state)
{
	(void)state;
	struct svg_point pts[] = {{tu_date("2026-01-01"), 30, NULL}, {tu_date("2026-02-01"), 0, NULL}};
	struct svg_trend c = {"x", "T", "Score", 0, 30, NULL, 0, pts, 2};
	struct buf b;
	buf_init(&b, 1 << 16);
	struct dy_err e;
	assert_int_equal(svg_trend(&b, &c, &e), 0);
	/* Top of the plot is y=12, the base y=156. */
	assert_non_null(strstr(buf_cstr(&b), "points=\"62.0,12.0 338.0,156.0\""));
	buf_free(&b);
}

static void names_are_escaped_and_empty_charts_refused(void **state)
{
	(void)state;
	struct instr_band bands[] = {{0, 5, "<b>low</b>"}};
	struct svg_point pts[] = {{tu_date("2026-01-01"), 50, "<i>"}};
	struct svg_trend c = {"x\"y", "<script>", "S&P", 0, 10, bands, 1, pts, 1};
	struct buf b;
	buf_init(&b, 1 << 16);
	struct dy_err e;
	assert_int_equal(svg_trend(&b, &c, &e), 0);
	const char *s = buf_cstr(&b);
	assert_null(strstr(s, "<script>"));
	assert_null(strstr(s, "<b>"));
	struct buf lg;
	buf_init(&lg, 4096);
	assert_int_equal(svg_band_legend(&lg, bands, 1, 10, &e), 0);
	assert_non_null(strstr(buf_cstr(&lg), "&lt;b&gt;low&lt;/b&gt;"));
	buf_free(&lg);
	assert_null(strstr(s, "<i>"));
	assert_non_null(strstr(s, "&lt;script&gt; over time"));
	assert_non_null(strstr(s, "S&amp;P"));
	/* A score above the range is listed as it is, drawn at the top. */
	assert_non_null(strstr(s, "1 January 2026: 50"));
	c.n = 0;
	buf_reset(&b);
	assert_int_equal(svg_trend(&b, &c, &e), DY_EINVAL);
	c.n = 1;
	c.hi = c.lo;
	assert_int_equal(svg_trend(&b, &c, &e), DY_EINVAL);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(chart_reads_in_words_and_in_grey),
		cmocka_unit_test(higher_score_is_higher_on_the_chart),
		cmocka_unit_test(names_are_escaped_and_empty_charts_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
