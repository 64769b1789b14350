/* Scoring the caregiver mental-health measures with hand-worked examples:
 * PHQ-9, GAD-7, EPDS, HADS, DASS-21, CORE-10, WEMWBS, SWEMWBS. Minimum,
 * maximum, every band boundary, reversed items, multipliers, prorating at its
 * limit and every risk flag. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "measures_test.h"
#include "testutil.h"

struct bandcase {
	int total;
	const char *band;
	int clinical;
};

/* Scores `total` spread over the items (risk item `skip` held at its
 * least value) and checks band and caseness. */
static void check_bands(const char *id, const char *scale, int n, int lo, int maxv, int skip,
                        const struct bandcase *cases, size_t ncases)
{
	struct score_result r;
	for (size_t i = 0; i < ncases; i++) {
		const char *resp = mt_fill(n, cases[i].total, lo, maxv, skip);
		assert_int_equal(mt_score(id, resp, &r), 0);
		assert_scale(&r, scale, cases[i].total);
		assert_band(&r, scale, cases[i].band);
		assert_clinical(&r, scale, cases[i].clinical);
		assert_int_equal(r.nrisks, 0);
	}
}

static void phq9_bands_and_caseness(void **state)
{
	(void)state;
	static const struct bandcase c[] = {
		{0, "minimal", 0},   {4, "minimal", 0},  {5, "mild", 0},
		{9, "mild", 0},      {10, "moderate", 1}, {14, "moderate", 1},
		{15, "moderately severe", 1}, {19, "moderately severe", 1}, {20, "severe", 1},
		{24, "severe", 1},
	};
	check_bands("phq9", "total", 9, 0, 3, 9, c, sizeof c / sizeof c[0]);
	struct score_result r;
	assert_int_equal(mt_score("phq9", mt_repeat("3", 9), &r), 0);
	assert_scale(&r, "total", 27);
	assert_band(&r, "total", "severe");
}

static void phq9_item9_raises_risk_flag(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("phq9", "0;0;0;0;0;0;0;0;1", &r), 0);
	assert_scale(&r, "total", 1);
	assert_int_equal(r.nrisks, 1);
	assert_string_equal(r.in->risks[r.risks[0]].id, "phq9_item9");
	assert_int_equal(mt_score("phq9", "3;3;3;3;3;3;3;3;0", &r), 0);
	assert_int_equal(r.nrisks, 0);
	/* a missing item 9 raises its own flag (ask directly), and the total
	 * is null, not 24 */
	assert_int_equal(mt_score("phq9", "3;3;3;3;3;3;3;3;", &r), 0);
	assert_int_equal(r.nrisks, 1);
	assert_string_equal(r.in->risks[r.risks[0]].id, "phq9_item9_blank");
	assert_scale_null(&r, "total", SCORE_NULL_MISSING);
	char why[200];
	score_null_text(&r, 0, why, sizeof why);
	assert_string_equal(why, "1 of 9 items missing; PHQ-9 total allows no missing items");
}

static void gad7_bands_and_caseness(void **state)
{
	(void)state;
	static const struct bandcase c[] = {
		{0, "minimal", 0}, {4, "minimal", 0}, {5, "mild", 0},      {7, "mild", 0},
		{8, "mild", 1},    {9, "mild", 1},    {10, "moderate", 1}, {14, "moderate", 1},
		{15, "severe", 1}, {21, "severe", 1},
	};
	check_bands("gad7", "total", 7, 0, 3, 0, c, sizeof c / sizeof c[0]);
}

static void epds_bands_caseness_and_risk(void **state)
{
	(void)state;
	static const struct bandcase c[] = {
		{0, "below the possible-depression threshold", 0},
		{9, "below the possible-depression threshold", 0},
		{10, "possible depression", 0},
		{12, "possible depression", 0},
		{13, "probable depression", 1},
		{27, "probable depression", 1},
	};
	check_bands("epds", "total", 10, 0, 3, 10, c, sizeof c / sizeof c[0]);
	struct score_result r;
	assert_int_equal(mt_score("epds", mt_repeat("3", 10), &r), 0);
	assert_scale(&r, "total", 30);
	assert_int_equal(r.nrisks, 1);
	assert_string_equal(r.in->risks[r.risks[0]].id, "epds_item10");
	assert_int_equal(mt_score("epds", "0;0;0;0;0;0;0;0;0;2", &r), 0);
	assert_int_equal(r.nrisks, 1);
}

static void hads_scales_take_alternate_items(void **state)
{
	(void)state;
	struct score_result r;
	/* odd items are anxiety, even items depression */
	assert_int_equal(mt_score("hads", "1;0;1;0;1;0;1;0;1;0;1;0;1;0", &r), 0);
	assert_scale(&r, "anxiety", 7);
	assert_band(&r, "anxiety", "normal");
	assert_clinical(&r, "anxiety", 0);
	assert_scale(&r, "depression", 0);
	assert_int_equal(mt_score("hads", "2;1;1;1;1;1;1;1;1;1;1;1;1;1", &r), 0);
	assert_scale(&r, "anxiety", 8);
	assert_band(&r, "anxiety", "borderline");
	assert_clinical(&r, "anxiety", 1);
	assert_scale(&r, "depression", 7);
	assert_clinical(&r, "depression", 0);
	assert_int_equal(mt_score("hads", "3;2;1;2;2;2;1;2;1;1;1;1;1;1", &r), 0);
	assert_scale(&r, "anxiety", 10);
	assert_band(&r, "anxiety", "borderline");
	assert_scale(&r, "depression", 11);
	assert_band(&r, "depression", "abnormal");
	assert_int_equal(mt_score("hads", mt_repeat("3", 14), &r), 0);
	assert_scale(&r, "anxiety", 21);
	assert_scale(&r, "depression", 21);
	assert_band(&r, "depression", "abnormal");
	assert_int_equal(mt_score("hads", mt_repeat("0", 14), &r), 0);
	assert_scale(&r, "anxiety", 0);
}

/* DASS-21 item order: depression 3,5,10,13,16,17,21; anxiety 2,4,7,9,15,19,20;
 * stress 1,6,8,11,12,14,18. Sets raw sums d, a, s spread over each scale's items. */
static const char *dass(int d, int a, int s)
{
	static const int dep[] = {3, 5, 10, 13, 16, 17, 21};
	static const int anx[] = {2, 4, 7, 9, 15, 19, 20};
	static const int str[] = {1, 6, 8, 11, 12, 14, 18};
	int v[21] = {0};
	for (int k = 0; k < 7; k++) {
		int x;
		x = d > 3 ? 3 : d; v[dep[k] - 1] = x; d -= x;
		x = a > 3 ? 3 : a; v[anx[k] - 1] = x; a -= x;
		x = s > 3 ? 3 : s; v[str[k] - 1] = x; s -= x;
	}
	return mt_join(v, 21);
}

static void dass21_doubles_each_scale_and_bands(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("dass21", mt_repeat("0", 21), &r), 0);
	assert_scale(&r, "depression", 0);
	assert_band(&r, "depression", "normal");
	assert_int_equal(mt_score("dass21", mt_repeat("3", 21), &r), 0);
	assert_scale(&r, "depression", 42);
	assert_scale(&r, "anxiety", 42);
	assert_scale(&r, "stress", 42);
	assert_band(&r, "stress", "extremely severe");
	/* depression 0-9, 10-13, 14-20, 21-27, 28+ (after x2) */
	static const struct { int raw; const char *band; int clin; } dep[] = {
		{4, "normal", 0}, {5, "mild", 0}, {6, "mild", 0}, {7, "moderate", 1},
		{10, "moderate", 1}, {11, "severe", 1}, {13, "severe", 1}, {14, "extremely severe", 1}};
	for (size_t i = 0; i < sizeof dep / sizeof dep[0]; i++) {
		assert_int_equal(mt_score("dass21", dass(dep[i].raw, 0, 0), &r), 0);
		assert_scale(&r, "depression", 2 * dep[i].raw);
		assert_band(&r, "depression", dep[i].band);
		assert_clinical(&r, "depression", dep[i].clin);
	}
	/* anxiety 0-7, 8-9, 10-14, 15-19, 20+ */
	static const struct { int raw; const char *band; int clin; } anx[] = {
		{3, "normal", 0}, {4, "mild", 0}, {5, "moderate", 1}, {7, "moderate", 1},
		{8, "severe", 1}, {9, "severe", 1}, {10, "extremely severe", 1}};
	for (size_t i = 0; i < sizeof anx / sizeof anx[0]; i++) {
		assert_int_equal(mt_score("dass21", dass(0, anx[i].raw, 0), &r), 0);
		assert_scale(&r, "anxiety", 2 * anx[i].raw);
		assert_band(&r, "anxiety", anx[i].band);
		assert_clinical(&r, "anxiety", anx[i].clin);
		assert_scale(&r, "depression", 0);
	}
	/* stress 0-14, 15-18, 19-25, 26-33, 34+ */
	static const struct { int raw; const char *band; int clin; } str[] = {
		{7, "normal", 0}, {8, "mild", 0}, {9, "mild", 0}, {10, "moderate", 1},
		{12, "moderate", 1}, {13, "severe", 1}, {16, "severe", 1}, {17, "extremely severe", 1}};
	for (size_t i = 0; i < sizeof str / sizeof str[0]; i++) {
		assert_int_equal(mt_score("dass21", dass(0, 0, str[i].raw), &r), 0);
		assert_scale(&r, "stress", 2 * str[i].raw);
		assert_band(&r, "stress", str[i].band);
		assert_clinical(&r, "stress", str[i].clin);
	}
}

static void core10_reverses_items_2_and_3(void **state)
{
	(void)state;
	struct score_result r;
	/* all columns 0: items 2 and 3 reversed score 4 each */
	assert_int_equal(mt_score("core10", mt_repeat("0", 10), &r), 0);
	assert_scale(&r, "total", 8);
	/* minimum: 4 entered on items 2 and 3 */
	assert_int_equal(mt_score("core10", "0;4;4;0;0;0;0;0;0;0", &r), 0);
	assert_scale(&r, "total", 0);
	assert_band(&r, "total", "healthy");
	assert_clinical(&r, "total", 0);
	/* maximum */
	assert_int_equal(mt_score("core10", "4;0;0;4;4;4;4;4;4;4", &r), 0);
	assert_scale(&r, "total", 40);
	assert_band(&r, "total", "severe");
	assert_int_equal(r.nrisks, 1);
	/* cut-off: 10 not a case, 11 a case */
	assert_int_equal(mt_score("core10", "4;4;4;4;2;0;0;0;0;0", &r), 0);
	assert_scale(&r, "total", 10);
	assert_clinical(&r, "total", 0);
	assert_band(&r, "total", "low level");
	assert_int_equal(mt_score("core10", "4;4;4;4;3;0;0;0;0;0", &r), 0);
	assert_scale(&r, "total", 11);
	assert_clinical(&r, "total", 1);
	assert_band(&r, "total", "mild");
}

static void core10_prorates_with_one_missing_not_two(void **state)
{
	(void)state;
	struct score_result r;
	/* 9 answered: 1+0+0+1*6 = 7, prorated 7 x 10 / 9 */
	assert_int_equal(mt_score("core10", "1;4;4;1;1;1;1;1;1;", &r), 0);
	assert_scale(&r, "total", 70.0 / 9.0);
	assert_band(&r, "total", "low level");
	/* 9 answered reaching the cut-off: 10 x 10 / 9 = 11.1 */
	assert_int_equal(mt_score("core10", "4;4;4;4;2;0;0;0;;0", &r), 0);
	assert_scale(&r, "total", 100.0 / 9.0);
	assert_clinical(&r, "total", 1);
	/* 8 answered: null with a reason, never a short sum */
	assert_int_equal(mt_score("core10", "1;4;4;1;1;1;1;1;;", &r), 0);
	assert_scale_null(&r, "total", SCORE_NULL_TOO_FEW);
	char why[200];
	score_null_text(&r, 0, why, sizeof why);
	assert_string_equal(why, "only 8 of 10 items answered; CORE-10 clinical score needs at least 9");
}

static void core10_item6_raises_risk_flag(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("core10", "0;4;4;0;0;1;0;0;0;0", &r), 0);
	assert_int_equal(r.nrisks, 1);
	assert_string_equal(r.in->risks[r.risks[0]].id, "core10_item6");
	assert_int_equal(mt_score("core10", "0;4;4;0;0;0;0;0;0;0", &r), 0);
	assert_int_equal(r.nrisks, 0);
}

static void wemwbs_lower_is_worse(void **state)
{
	(void)state;
	static const struct bandcase c[] = {
		{14, "probable depression", 1}, {40, "probable depression", 1},
		{41, "possible depression", 1}, {44, "possible depression", 1},
		{45, "average", 0},             {59, "average", 0},
		{60, "high", 0},                {70, "high", 0},
	};
	check_bands("wemwbs", "total", 14, 1, 5, 0, c, sizeof c / sizeof c[0]);
}

static void swemwbs_metric_needs_the_local_table(void **state)
{
	(void)state;
	struct instrument *in = mt_get("swemwbs");
	struct score_result r;
	assert_int_equal(mt_score("swemwbs", "1;2;3;4;5;1;2", &r), 0);
	assert_scale(&r, "raw", 18);
	assert_scale_null(&r, "metric", SCORE_NULL_NO_TABLE);

	/* A made-up table for testing (not the published values): raw + 0.25
	 * except the fixed endpoints. */
	char csv[2048] = "# test table, not the published conversion\nraw,value\n";
	for (int k = 7; k <= 35; k++) {
		char row[32];
		snprintf(row, sizeof row, "%d,%.2f\n", k, k == 7 || k == 35 ? (double)k : k + 0.25);
		strcat(csv, row);
	}
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(instrument_parse_table(in, "metric", csv, strlen(csv), "test.csv", &e), 0);
	assert_int_equal(mt_score("swemwbs", "1;2;3;4;5;1;2", &r), 0);
	assert_scale(&r, "metric", 18.25);
	assert_int_equal(mt_score("swemwbs", mt_repeat("1", 7), &r), 0);
	assert_scale(&r, "raw", 7);
	assert_scale(&r, "metric", 7.0);
	assert_int_equal(mt_score("swemwbs", mt_repeat("5", 7), &r), 0);
	assert_scale(&r, "metric", 35.0);
	/* a missing item makes raw null, so metric is null too */
	assert_int_equal(mt_score("swemwbs", "1;2;3;4;5;1;", &r), 0);
	assert_scale_null(&r, "raw", SCORE_NULL_MISSING);
	assert_scale_null(&r, "metric", SCORE_NULL_SOURCE);

	/* a table whose endpoint disagrees with the definition is refused */
	char bad[2048] = "raw,value\n";
	for (int k = 7; k <= 35; k++) {
		char row[32];
		snprintf(row, sizeof row, "%d,%.2f\n", k, k + 0.5);
		strcat(bad, row);
	}
	dy_err_clear(&e);
	assert_int_equal(instrument_parse_table(in, "metric", bad, strlen(bad), "bad.csv", &e),
	                 DY_EINVAL);
	assert_string_equal(e.where, "bad.csv");
	assert_non_null(strstr(e.msg, "raw score 7 converts to 7.5"));
	assert_int_equal(mt_score("swemwbs", "1;2;3;4;5;1;2", &r), 0);
	assert_scale_null(&r, "metric", SCORE_NULL_NO_TABLE);
	/* a missing row is refused */
	const char *gap = "raw,value\n7,7\n8,8\n35,35\n";
	dy_err_clear(&e);
	assert_int_equal(instrument_parse_table(in, "metric", gap, strlen(gap), "gap.csv", &e),
	                 DY_EINVAL);
	assert_non_null(strstr(e.msg, "raw score 9 is missing"));
	/* a key out of range names its line */
	const char *off = "raw,value\n7,7\n36,36\n";
	dy_err_clear(&e);
	assert_int_equal(instrument_parse_table(in, "metric", off, strlen(off), "off.csv", &e),
	                 DY_EINVAL);
	assert_string_equal(e.where, "off.csv line 3");
	assert_string_equal(e.field, "raw");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(phq9_bands_and_caseness),
		cmocka_unit_test(phq9_item9_raises_risk_flag),
		cmocka_unit_test(gad7_bands_and_caseness),
		cmocka_unit_test(epds_bands_caseness_and_risk),
		cmocka_unit_test(hads_scales_take_alternate_items),
		cmocka_unit_test(dass21_doubles_each_scale_and_bands),
		cmocka_unit_test(core10_reverses_items_2_and_3),
		cmocka_unit_test(core10_prorates_with_one_missing_not_two),
		cmocka_unit_test(core10_item6_raises_risk_flag),
		cmocka_unit_test(wemwbs_lower_is_worse),
		cmocka_unit_test(swemwbs_metric_needs_the_local_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
