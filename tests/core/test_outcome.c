/* One scale's outcome figures on a hand-worked data set: a higher-is-worse
 * scale with cut-off >= 10 and reliable change of 4 points. Six pairs of ten
 * eligible episodes:
 *
 *   pre  post  change  improved  reliable      clinical pre -> post
 *   15    8     -7       yes     improvement   yes -> no  (recovery)
 *   12   10     -2       yes     none          yes -> yes
 *   11    6     -5       yes     improvement   yes -> no  (recovery)
 *    9    9      0       no      none          no
 *    6   11     +5       no      deterioration no -> yes
 *   14    9     -5       yes     improvement   yes -> no  (recovery)
 *
 * Changes -7 -2 -5 0 5 -5: mean -14/6, so the t-test and Wilcoxon figures
 * are checked against R (t.test / wilcox.test, paired) and the percentages
 * by hand: improved 4/6, reliable improvement 3/6, deterioration 1/6,
 * clinical at baseline 4, of whom 3 moved out and 3 reliably recovered. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "core/outcome.h"

static void near(const char *what, double got, double want)
{
	if (!(fabs(got - want) <= 1e-9 * fmax(1e-3, fabs(want))))
		fail_msg("%s: got %.17g, want %.17g", what, got, want);
}

static struct instr_scale scale(void)
{
	struct instr_scale s;
	memset(&s, 0, sizeof s);
	strcpy(s.id, "total");
	s.direction = DIR_HIGHER_IS_WORSE;
	s.has_cutoff = 1;
	s.cutoff_op = OP_GE;
	s.cutoff = 10;
	s.has_rci = 1;
	s.rci_points = 4;
	s.lo = 0;
	s.hi = 27;
	return s;
}

static void hand_worked(void **state)
{
	(void)state;
	struct instr_scale s = scale();
	const double pre[] = {15, 12, 11, 9, 6, 14}, post[] = {8, 10, 6, 9, 11, 9};
	struct change_result cls[6];
	for (int i = 0; i < 6; i++) {
		struct dy_err e;
		assert_int_equal(change_classify(&s, pre[i], post[i], NAN, &cls[i], &e), 0);
	}
	struct outcome_scale o;
	assert_int_equal(outcome_scale_compute(&s, pre, post, cls, 6, 10, &o), 0);
	assert_int_equal((int)o.n_pairs, 6);
	near("completeness", o.completeness_pct, 60);
	near("mean_pre", o.mean_pre, 67.0 / 6);
	near("mean_post", o.mean_post, 53.0 / 6);
	near("mean_change", o.mean_change, -14.0 / 6);
	/* R: d <- c(-7,-2,-5,0,5,-5); t.test(d); sd(d); wilcox.test(d) */
	near("sd_change", o.sd_change, 4.3665394383500837);
	near("t", o.t, -1.3089257860118402);
	near("df", o.df, 5);
	near("p_t", o.p_t, 0.24748626150696568);
	near("ci95_low", o.ci95_low, -6.9157354429493036);
	near("ci95_high", o.ci95_high, 2.2490687762826371);
	near("V", o.wilcoxon_v, 3);
	near("p_wilcoxon", o.p_wilcoxon, 0.27181844325549498);
	near("cohen_dz", o.cohen_dz, (-14.0 / 6) / 4.3665394383500837);
	near("d_pre_sd", o.d_pre_sd, (-14.0 / 6) / o.sd_pre);
	near("pct_improved", o.pct_improved, 400.0 / 6);
	near("pct_reliable_improvement", o.pct_reliable_improvement, 50);
	near("pct_reliable_deterioration", o.pct_reliable_deterioration, 100.0 / 6);
	assert_int_equal(o.n_clinical_pre, 4);
	near("pct_clinical_to_nonclinical", o.pct_clinical_to_nonclinical, 75);
	near("pct_reliable_recovery", o.pct_reliable_recovery, 75);
}

static void nothing_to_compute(void **state)
{
	(void)state;
	struct instr_scale s = scale();
	s.has_rci = 0;
	s.rci_points = 0;
	s.has_cutoff = 0;
	s.direction = DIR_NONE;
	const double pre[] = {5}, post[] = {4};
	struct change_result c[1];
	struct dy_err e;
	assert_int_equal(change_classify(&s, pre[0], post[0], NAN, &c[0], &e), 0);
	struct outcome_scale o;
	assert_int_equal(outcome_scale_compute(&s, pre, post, c, 1, 0, &o), 0);
	assert_true(isnan(o.completeness_pct)); /* no eligible episode */
	assert_true(isnan(o.sd_pre) && isnan(o.t) && isnan(o.cohen_dz) && isnan(o.d_pre_sd));
	assert_true(isnan(o.pct_improved));     /* direction none */
	assert_true(isnan(o.pct_reliable_improvement) && isnan(o.pct_reliable_recovery));
	assert_int_equal(o.n_clinical_pre, -1);
	assert_true(isnan(o.pct_clinical_to_nonclinical));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hand_worked),
		cmocka_unit_test(nothing_to_compute),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
