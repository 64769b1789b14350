/* Paired tests against R 4.2.2: every expected value below was printed by
 * R's t.test(post, pre, paired = TRUE) and wilcox.test(post, pre,
 * paired = TRUE) with options(digits = 17), and is asserted to 1e-9
 * relative: small samples (exact Wilcoxon p, both tails), ties, zero
 * differences, 50 pairs with ties and 60 without (normal approximation),
 * and the figures that cannot be computed (NAN, shown as null). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "core/paired.h"

struct want {
	double t, df, p, lo, hi, mean, v, pw;
	int exact;
};

static void near(const char *what, double got, double want)
{
	double tol = 1e-9 * fabs(want);
	if (want == 0)
		tol = 1e-12;
	if (!(fabs(got - want) <= tol))
		fail_msg("%s: got %.17g, want %.17g", what, got, want);
}

static void check(const double *pre, const double *post, size_t n, const struct want *w)
{
	struct paired_t t;
	paired_t_test(pre, post, n, &t);
	near("t", t.t, w->t);
	near("df", t.df, w->df);
	near("p_t", t.p, w->p);
	near("ci95_low", t.ci95_low, w->lo);
	near("ci95_high", t.ci95_high, w->hi);
	near("mean_change", t.mean_change, w->mean);
	struct paired_wilcoxon pw;
	assert_int_equal(paired_wilcoxon_test(pre, post, n, &pw), 0);
	near("V", pw.v, w->v);
	near("p_wilcoxon", pw.p, w->pw);
	assert_int_equal(pw.exact, w->exact);
}

static const double pre60[] = { 24.778, 12.955, 7.314, 6.395, 9.875, 20.840, 11.801, 24.441, 8.317, 
14.182, 8.435, 9.630, 20.456, 6.926, 14.069, 6.694, 16.213, 5.174, 24.715, 11.332, 17.789, 10.904, 
24.934, 23.120, 24.775, 6.313, 17.541, 14.810, 24.420, 12.244, 18.600, 10.274, 8.714, 8.703, 
12.586, 21.940, 14.962, 20.812, 21.769, 14.138, 20.990, 12.639, 20.194, 13.736, 23.084, 11.391, 
6.651, 21.326, 22.970, 24.330, 16.461, 19.402, 20.481, 17.555, 19.460, 12.737, 8.256, 8.745, 
12.825, 10.478 };
static const double post60[] = { 25.243, 10.920, 3.203, 2.846, 7.523, 17.567, 10.051, 22.587, 
7.620, 12.786, 8.139, 6.820, 15.730, 3.959, 14.993, 4.152, 14.666, 3.670, 21.726, 5.871, 12.681, 
5.876, 24.997, 19.188, 23.674, 7.681, 18.782, 10.713, 23.637, 10.910, 17.848, 12.207, 3.421, 9.245, 
8.804, 19.364, 12.642, 19.972, 17.176, 14.649, 19.819, 10.749, 18.218, 12.640, 19.938, 10.640, 
1.002, 22.984, 18.847, 24.700, 12.983, 18.233, 22.013, 13.665, 16.461, 9.704, 5.729, 4.430, 13.352, 
5.816 };

static void exact(void **state)
{
	(void)state;
	/* small sample, no ties or zeros: exact p, V below its mean. R: t.test(post, pre, paired = TRUE); wilcox.test(post, pre, paired = TRUE) */
	const double pre[] = {20,18,25,14,22,19,17,24}, post[] = {12,15,13,10,20,9,16,11};
	check(pre, post, sizeof pre / sizeof *pre, &(struct want){-3.9709248022449635, 7, 0.0053859362105791444, -10.57008494795611, -2.6799150520438904, -6.625, 0, 0.0078125000000000017, 1});
}
static void exact_up(void **state)
{
	(void)state;
	/* exact p with V above its mean (psignrank upper tail). R: t.test(post, pre, paired = TRUE); wilcox.test(post, pre, paired = TRUE) */
	const double pre[] = {1,2,3,4,5,6,7,8}, post[] = {2.5,4.5,2.5,7.5,9.5,4.75,12.5,14.5};
	check(pre, post, sizeof pre / sizeof *pre, &(struct want){2.8473622622718784, 7, 0.024781867051947848, 0.47152942566920603, 5.0909705743307931, 2.78125, 33, 0.039062500000000014, 1});
}
static void ties(void **state)
{
	(void)state;
	/* ties: normal approximation with tie correction. R: t.test(post, pre, paired = TRUE); wilcox.test(post, pre, paired = TRUE) */
	const double pre[] = {15,14,20,12,18,16,11,19,17,13}, post[] = {10,12,15,10,13,14,9,14,12,11};
	check(pre, post, sizeof pre / sizeof *pre, &(struct want){-7, 9, 6.3247389637366926e-05, -4.6310785813991027, -2.3689214186008973, -3.5, 0, 0.0047061333636597398, 0});
}
static void zeros(void **state)
{
	(void)state;
	/* zero differences dropped; normal approximation. R: t.test(post, pre, paired = TRUE); wilcox.test(post, pre, paired = TRUE) */
	const double pre[] = {10,12,14,16,18,20,11,13}, post[] = {10,9,14,10,13,20,12,8};
	check(pre, post, sizeof pre / sizeof *pre, &(struct want){-2.2601124105026518, 7, 0.058321711731644979, -4.6040442242430331, 0.10404422424303245, -2.25, 1, 0.10405923452892797, 0});
}
static void mixed(void **state)
{
	(void)state;
	/* changes both ways, ties. R: t.test(post, pre, paired = TRUE); wilcox.test(post, pre, paired = TRUE) */
	const double pre[] = {5,9,7,12,6,8,10,4,11,3}, post[] = {7,6,9,8,5,12,3,10,1,6};
	check(pre, post, sizeof pre / sizeof *pre, &(struct want){-0.49236596391733095, 9, 0.63424797520465037, -4.4755703335789878, 2.8755703335789877, -0.80000000000000004, 24, 0.75931095479717259, 0});
}
static void two(void **state)
{
	(void)state;
	/* two pairs. R: t.test(post, pre, paired = TRUE); wilcox.test(post, pre, paired = TRUE) */
	const double pre[] = {10,12}, post[] = {8,11};
	check(pre, post, sizeof pre / sizeof *pre, &(struct want){-3, 1, 0.20483276469913345, -7.8531023680873471, 4.8531023680873471, -1.5, 0, 0.5, 1});
}
static void fifty_with_ties(void **state)
{
	(void)state;
	/* 50 pairs with ties: R: pre <- rep(c(3,5,8,2,9),10); post <- rep(c(4,3,5,5,6),10) */
	double pre[50], post[50];
	const double p5[] = {3, 5, 8, 2, 9}, q5[] = {4, 3, 5, 5, 6};
	for (int i = 0; i < 50; i++) {
		pre[i] = p5[i % 5];
		post[i] = q5[i % 5];
	}
	check(pre, post, 50, &(struct want){-2.3333333333333335, 49, 0.023778466123916139, -1.4889972241585965, -0.11100277584140358, -0.80000000000000004, 410, 0.024095939047814624, 0});
}
static void sixty_no_ties(void **state)
{
	(void)state;
	/* 60 pairs, no ties or zeros: n >= 50 takes the normal approximation.
	 * R: set.seed(7); pre <- round(runif(60, 5, 25), 3);
	 *    post <- round(pre - runif(60, -2, 6), 3) */
	check(pre60, post60, 60, &(struct want){-7.8124914798847325, 59, 1.1361873805934716e-10, -2.5570363275106547, -1.5142636724893452, -2.03565, 154, 2.1621554636338643e-08, 0});
}

static void not_computable(void **state)
{
	(void)state;
	const double pre[] = {5, 6, 7}, post[] = {4, 5, 6};
	struct paired_t t;
	paired_t_test(pre, post, 1, &t); /* one pair: a mean, nothing else */
	near("mean", t.mean_change, -1);
	assert_true(isnan(t.sd_change) && isnan(t.t) && isnan(t.p) && isnan(t.ci95_low));
	paired_t_test(pre, post, 3, &t); /* every change -1: no variance, no t */
	near("mean", t.mean_change, -1);
	near("sd", t.sd_change, 0);
	assert_true(isnan(t.t) && isnan(t.p) && isnan(t.df));
	struct paired_wilcoxon w;
	assert_int_equal(paired_wilcoxon_test(pre, pre, 3, &w), 0); /* all zero */
	assert_int_equal((int)w.n_nonzero, 0);
	assert_true(isnan(w.v) && isnan(w.p));
	paired_t_test(pre, post, 0, &t);
	assert_true(isnan(t.mean_change));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exact),
		cmocka_unit_test(exact_up),
		cmocka_unit_test(ties),
		cmocka_unit_test(zeros),
		cmocka_unit_test(mixed),
		cmocka_unit_test(two),
		cmocka_unit_test(fifty_with_ties),
		cmocka_unit_test(sixty_no_ties),
		cmocka_unit_test(not_computable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
