/* Descriptive statistics: Welford's mean and variance against values worked
 * by hand and by R (var(), sd()), including a data set where the textbook
 * sum-of-squares formula loses every digit; NAN where a figure cannot be
 * computed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "core/stats.h"

static void assert_rel(double got, double want)
{
	double tol = 1e-12 * fmax(1.0, fabs(want));
	if (!(fabs(got - want) <= tol))
		fail_msg("got %.17g, want %.17g", got, want);
}

static void hand_worked(void **state)
{
	(void)state;
	/* 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum 32, var 32/7. */
	const double x[] = {2, 4, 4, 4, 5, 5, 7, 9};
	assert_rel(stats_mean(x, 8), 5.0);
	assert_rel(stats_var(x, 8), 32.0 / 7.0);
	assert_rel(stats_sd(x, 8), sqrt(32.0 / 7.0));
}

static void against_r(void **state)
{
	(void)state;
	/* R: y <- c(2.5, 3.75, 1.125, 9.0, 4.5); mean(y); var(y); sd(y) */
	const double y[] = {2.5, 3.75, 1.125, 9.0, 4.5};
	assert_rel(stats_mean(y, 5), 4.1749999999999998);
	assert_rel(stats_var(y, 5), 8.9187499999999993);
	assert_rel(stats_sd(y, 5), 2.9864276318035903);
}

static void naive_variance_loses_precision(void **state)
{
	(void)state;
	/* Values 1e9 + {4, 7, 13, 16}: deviations -6, -3, 3, 6 from the mean,
	 * so the variance is 90 / 3 = 30 exactly. The textbook formula
	 * (sum x^2 - (sum x)^2 / n) / (n - 1) gives 0 in doubles (R agrees). */
	const double x[] = {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
	double s = 0, s2 = 0;
	for (int i = 0; i < 4; i++) {
		s += x[i];
		s2 += x[i] * x[i];
	}
	double naive = (s2 - s * s / 4) / 3;
	assert_true(fabs(naive - 30.0) > 1.0); /* the trap is real on this machine */
	assert_rel(stats_mean(x, 4), 1e9 + 10);
	assert_rel(stats_var(x, 4), 30.0);
}

static void not_computable_is_nan(void **state)
{
	(void)state;
	const double one[] = {3};
	assert_true(isnan(stats_mean(one, 0)));
	assert_rel(stats_mean(one, 1), 3);
	assert_true(isnan(stats_var(one, 1)));
	assert_true(isnan(stats_sd(one, 1)));
	const double same[] = {4, 4, 4};
	assert_rel(stats_var(same, 3), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hand_worked),
		cmocka_unit_test(against_r),
		cmocka_unit_test(naive_variance_loses_precision),
		cmocka_unit_test(not_computable_is_nan),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
