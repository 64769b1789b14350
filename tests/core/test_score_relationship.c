/* Scoring the relationship and goal measures with hand-worked examples:
 * PIR-GAS, KIPS (mean with not-observed), MAAS, MPAS and PPAS (rescoring
 * maps and reversed items), PRFQ (reversed items, means, no caseness), PBQ,
 * LOAF and GBO. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "measures_test.h"
#include "testutil.h"

static void pirgas_every_band_boundary(void **state)
{
	(void)state;
	static const char *const labels[] = {
		"documented maltreatment", "grossly impaired", "severely disordered", "disordered",
		"disturbed", "distressed", "significantly perturbed", "perturbed", "adapted",
		"well adapted"};
	struct score_result r;
	char resp[8];
	for (int b = 0; b < 10; b++) {
		int lo = b * 10 + 1, hi = b * 10 + 10;
		snprintf(resp, sizeof resp, "%d", lo);
		assert_int_equal(mt_score("pirgas", resp, &r), 0);
		assert_scale(&r, "rating", lo);
		assert_band(&r, "rating", labels[b]);
		assert_clinical(&r, "rating", lo <= 40);
		snprintf(resp, sizeof resp, "%d", hi);
		assert_int_equal(mt_score("pirgas", resp, &r), 0);
		assert_band(&r, "rating", labels[b]);
		assert_clinical(&r, "rating", hi <= 40);
	}
	assert_int_equal(mt_score("pirgas", "0", &r), DY_EINVAL);
	assert_int_equal(mt_score("pirgas", "101", &r), DY_EINVAL);
	assert_int_equal(mt_score("pirgas", "", &r), 0);
	assert_scale_null(&r, "rating", SCORE_NULL_MISSING);
}

static void kips_mean_of_observed_items(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("kips", mt_repeat("1", 12), &r), 0);
	assert_scale(&r, "mean", 1.0);
	assert_band(&r, "mean", "low (concern)");
	assert_clinical(&r, "mean", 1);
	assert_int_equal(mt_score("kips", mt_repeat("5", 12), &r), 0);
	assert_scale(&r, "mean", 5.0);
	assert_band(&r, "mean", "high");
	assert_clinical(&r, "mean", 0);
	/* 11 x 3 + 2 = 35 / 12 = 2.92: low, a concern */
	assert_int_equal(mt_score("kips", "3;3;3;3;3;3;3;3;3;3;3;2", &r), 0);
	assert_scale(&r, "mean", 2.92);
	assert_band(&r, "mean", "low (concern)");
	assert_clinical(&r, "mean", 1);
	/* exactly 3.0 is moderate and not a concern */
	assert_int_equal(mt_score("kips", mt_repeat("3", 12), &r), 0);
	assert_band(&r, "mean", "moderate");
	assert_clinical(&r, "mean", 0);
	/* 3.9 rounds inside moderate; 4.0 is high */
	assert_int_equal(mt_score("kips", "4;4;4;4;4;4;4;4;4;4;3;3", &r), 0);
	assert_scale(&r, "mean", 3.83);
	assert_band(&r, "mean", "moderate");
	assert_int_equal(mt_score("kips", mt_repeat("4", 12), &r), 0);
	assert_band(&r, "mean", "high");
	/* not observed (NO) and empty are both left out of the mean:
	 * (5 + 4 + 3) / 3 = 4.0 */
	assert_int_equal(mt_score("kips", "5;NO;4;NO;;3;NO;NO;NO;NO;NO;", &r), 0);
	assert_scale(&r, "mean", 4.0);
	assert_int_equal(mt_scale(&r, "mean")->answered, 3);
	assert_int_equal(r.state[1], 2);
	/* nothing observed: null with a reason */
	assert_int_equal(mt_score("kips", mt_repeat("NO", 12), &r), 0);
	assert_scale_null(&r, "mean", SCORE_NULL_TOO_FEW);
	/* the code is exact: "no" is not a number */
	assert_int_equal(mt_score("kips", "no;3;3;3;3;3;3;3;3;3;3;3", &r), DY_EINVAL);
	assert_int_equal(r.errors[0].code, SCORE_E_NOT_NUMBER);
	assert_int_equal(r.errors[0].item, 1);
}

static void maas_subscales_and_total(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("maas", mt_repeat("1", 19), &r), 0);
	assert_scale(&r, "quality", 10);
	assert_scale(&r, "intensity", 8);
	assert_scale(&r, "total", 19);
	assert_int_equal(mt_score("maas", mt_repeat("5", 19), &r), 0);
	assert_scale(&r, "quality", 50);
	assert_scale(&r, "intensity", 40);
	assert_scale(&r, "total", 95);
	/* item 1 is intensity, item 3 quality */
	assert_int_equal(mt_score("maas", "5;1;3;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1", &r), 0);
	assert_scale(&r, "quality", 12);
	assert_scale(&r, "intensity", 12);
	assert_scale(&r, "total", 25);
	assert_int_equal(mt_score("maas", "6;1;3;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1", &r), DY_EINVAL);
}

static void mpas_rescores_options_onto_1_to_5(void **state)
{
	(void)state;
	struct score_result r;
	/* first option everywhere: forward items 1, reversed 5-option 5,
	 * reversed 4-option 5, 2-option items 5 */
	assert_int_equal(mt_score("mpas", mt_repeat("1", 19), &r), 0);
	assert_scale(&r, "quality", 21);
	assert_scale(&r, "hostility", 5);
	assert_scale(&r, "pleasure", 25);
	assert_scale(&r, "total", 51);
	/* least attached answer on every item: 19 */
	const char *least = "1;1;1;1;1;1;4;2;5;4;5;2;5;5;1;1;1;1;1";
	assert_int_equal(mt_score("mpas", least, &r), 0);
	assert_scale(&r, "total", 19);
	assert_scale(&r, "quality", 9);
	/* most attached: 95 */
	const char *most = "5;5;5;4;4;4;1;1;1;1;1;1;1;1;4;4;4;4;4";
	assert_int_equal(mt_score("mpas", most, &r), 0);
	assert_scale(&r, "total", 95);
	assert_scale(&r, "quality", 45);
	assert_scale(&r, "hostility", 25);
	assert_scale(&r, "pleasure", 25);
	/* 4-option map: item 4 option 2 = 2.3, item 5 option 3 = 3.6;
	 * reversed item 7 option 2 = 3.6 */
	const char *mixed = "1;1;1;2;3;1;2;2;5;4;5;2;5;5;1;1;1;1;1";
	assert_int_equal(mt_score("mpas", mixed, &r), 0);
	assert_scale(&r, "quality", 15.5);
	assert_scale(&r, "total", 25.5);
	/* option 5 on a 4-option item and option 3 on a 2-option item are refused */
	assert_int_equal(mt_score("mpas", "1;1;1;5;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1", &r), DY_EINVAL);
	assert_int_equal(r.errors[0].item, 4);
	assert_int_equal(mt_score("mpas", "1;1;1;1;1;1;1;3;1;1;1;1;1;1;1;1;1;1;1", &r), DY_EINVAL);
	assert_int_equal(r.errors[0].item, 8);
	char msg[200];
	score_error_text(&r, &r.errors[0], msg, sizeof msg);
	assert_string_equal(msg, "item 8: 3 is not allowed (allowed: 1 or 2)");
}

static void ppas_rescoring_groups(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("ppas", mt_repeat("1", 19), &r), 0);
	assert_scale(&r, "patience", 16);
	assert_scale(&r, "pleasure", 35);
	assert_scale(&r, "affection", 16);
	/* 3-option item 16: option 2 scores 3 */
	assert_int_equal(mt_score("ppas", "1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;2;1;1;1", &r), 0);
	assert_scale(&r, "affection", 14);
	/* 4-option forward item 6 option 4 = 5; reversed item 7 option 4 = 1 */
	assert_int_equal(mt_score("ppas", "1;1;1;1;1;4;4;1;1;1;1;1;1;1;1;1;1;1;1", &r), 0);
	assert_scale(&r, "patience", 20);
	assert_scale(&r, "affection", 12);
	assert_int_equal(mt_score("ppas", "1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;4;1;1;1", &r), DY_EINVAL);
	assert_int_equal(r.errors[0].item, 16);
}

static void prfq_means_with_reversed_items(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("prfq", mt_repeat("1", 18), &r), 0);
	assert_scale(&r, "pre_mentalizing", 1.0);
	assert_scale(&r, "certainty", 2.0); /* (5 x 1 + (8 - 1)) / 6 */
	assert_scale(&r, "interest", 2.0);
	assert_clinical(&r, "pre_mentalizing", -1);
	assert_band(&r, "certainty", "(none)");
	assert_int_equal(mt_score("prfq", mt_repeat("7", 18), &r), 0);
	assert_scale(&r, "pre_mentalizing", 7.0);
	assert_scale(&r, "certainty", 6.0);
	assert_scale(&r, "interest", 6.0);
	/* 1,4,7 on pre-mentalizing items: (1+4+7+1+4+7)/6 = 4 */
	assert_int_equal(mt_score("prfq", "1;4;4;4;4;4;7;4;4;1;4;4;4;4;4;7;4;4", &r), 0);
	assert_scale(&r, "pre_mentalizing", 4.0);
	assert_int_equal(mt_score("prfq", "0;4;4;4;4;4;7;4;4;1;4;4;4;4;4;7;4;4", &r), DY_EINVAL);
}

static void pbq_subscale_cutoffs(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("pbq", mt_repeat("0", 25), &r), 0);
	assert_scale(&r, "total", 0);
	assert_clinical(&r, "impaired_bonding", 0);
	assert_int_equal(mt_score("pbq", mt_repeat("5", 25), &r), 0);
	assert_scale(&r, "impaired_bonding", 60);
	assert_scale(&r, "rejection_anger", 35);
	assert_scale(&r, "anxiety_care", 20);
	assert_scale(&r, "risk_abuse", 10);
	assert_scale(&r, "total", 125);
	/* impaired bonding (items 1, 2, 6, ...): 11 not over, 12 over */
	int v[25] = {0};
	v[0] = 5; v[1] = 5; v[5] = 1;
	assert_int_equal(mt_score("pbq", mt_join(v, 25), &r), 0);
	assert_scale(&r, "impaired_bonding", 11);
	assert_clinical(&r, "impaired_bonding", 0);
	v[5] = 2;
	assert_int_equal(mt_score("pbq", mt_join(v, 25), &r), 0);
	assert_clinical(&r, "impaired_bonding", 1);
	/* risk of abuse (items 18, 24): 2 not over, 3 over */
	int w[25] = {0};
	w[17] = 1; w[23] = 1;
	assert_int_equal(mt_score("pbq", mt_join(w, 25), &r), 0);
	assert_scale(&r, "risk_abuse", 2);
	assert_clinical(&r, "risk_abuse", 0);
	w[23] = 2;
	assert_int_equal(mt_score("pbq", mt_join(w, 25), &r), 0);
	assert_clinical(&r, "risk_abuse", 1);
	assert_clinical(&r, "total", -1);
}

static void loaf_levels(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("loaf", "1;4", &r), 0);
	assert_scale(&r, "part_a", 1);
	assert_band(&r, "part_a", "Level 1 (adaptive)");
	assert_band(&r, "part_b", "Level 4");
	assert_int_equal(mt_score("loaf", "0;4", &r), DY_EINVAL);
	assert_int_equal(mt_score("loaf", "1;5", &r), DY_EINVAL);
	assert_int_equal(mt_score("loaf", "1", &r), DY_EINVAL);
}

static void gbo_up_to_three_goals(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("gbo", "3", &r), 0);
	assert_scale(&r, "goal1", 3);
	assert_scale_null(&r, "goal2", SCORE_NULL_MISSING);
	assert_scale_null(&r, "goal3", SCORE_NULL_MISSING);
	assert_int_equal(mt_score("gbo", "0;5;10", &r), 0);
	assert_scale(&r, "goal1", 0);
	assert_scale(&r, "goal2", 5);
	assert_scale(&r, "goal3", 10);
	assert_int_equal(mt_score("gbo", "1;2;3;4", &r), DY_EINVAL);
	assert_int_equal(r.errors[0].code, SCORE_E_TOO_MANY);
	assert_int_equal(mt_score("gbo", "11", &r), DY_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pirgas_every_band_boundary),
		cmocka_unit_test(kips_mean_of_observed_items),
		cmocka_unit_test(maas_subscales_and_total),
		cmocka_unit_test(mpas_rescores_options_onto_1_to_5),
		cmocka_unit_test(ppas_rescoring_groups),
		cmocka_unit_test(prfq_means_with_reversed_items),
		cmocka_unit_test(pbq_subscale_cutoffs),
		cmocka_unit_test(loaf_levels),
		cmocka_unit_test(gbo_up_to_three_goals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
