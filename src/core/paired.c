/* paired.c: paired t-test and Wilcoxon signed-rank test, as R computes them.
 * See paired.h for the rules; R's source (src/library/stats/R/t.test.R and
 * wilcox.test.R) is the reference for each branch below. */
#include "core/paired.h"

#define MATHLIB_STANDALONE 1
#include <Rmath.h>
#include <math.h>
#include <stdlib.h>

#include "core/stats.h"

#define PAIRED_MAX 10000000u

void paired_t_test(const double *pre, const double *post, size_t n, struct paired_t *out)
{
	struct stats_acc acc;
	stats_acc_init(&acc);
	for (size_t i = 0; i < n; i++)
		stats_acc_add(&acc, post[i] - pre[i]);
	out->n = n;
	out->mean_change = stats_acc_mean(&acc);
	out->sd_change = stats_acc_sd(&acc);
	out->t = out->df = out->p = out->ci95_low = out->ci95_high = NAN;
	if (n < 2 || !(out->sd_change > 0))
		return; /* R: "not enough observations" / "data are essentially constant" */
	double se = out->sd_change / sqrt((double)n);
	out->df = (double)(n - 1);
	out->t = out->mean_change / se;
	out->p = 2.0 * pt(-fabs(out->t), out->df, 1, 0);
	double q = qt(0.975, out->df, 1, 0);
	out->ci95_low = out->mean_change - q * se;
	out->ci95_high = out->mean_change + q * se;
}

struct signed_abs {
	double a;
	int positive;
};

static int by_abs(const void *x, const void *y)
{
	double a = ((const struct signed_abs *)x)->a, b = ((const struct signed_abs *)y)->a;
	return (a > b) - (a < b);
}

int paired_wilcoxon_test(const double *pre, const double *post, size_t n, struct paired_wilcoxon *out)
{
	out->n_nonzero = 0;
	out->v = out->p = NAN;
	out->exact = 0;
	if (n > PAIRED_MAX)
		return -1;
	struct signed_abs *d = malloc((n ? n : 1) * sizeof *d);
	if (!d)
		return -1;
	int zeros = 0;
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		double x = post[i] - pre[i];
		if (x == 0) {
			zeros = 1;
			continue;
		}
		d[m].a = fabs(x);
		d[m].positive = x > 0;
		m++;
	}
	out->n_nonzero = m;
	if (m == 0) {
		free(d);
		return 0;
	}
	qsort(d, m, sizeof *d, by_abs);
	/* Average ranks over runs of equal |x|; V sums the positive ones; the
	 * tie term is sum(t^3 - t) over the runs. */
	double v = 0, ties = 0;
	for (size_t i = 0; i < m;) {
		size_t j = i;
		while (j + 1 < m && d[j + 1].a == d[i].a)
			j++;
		double rank = ((double)(i + 1) + (double)(j + 1)) / 2.0, t = (double)(j - i + 1);
		for (size_t k = i; k <= j; k++)
			if (d[k].positive)
				v += rank;
		ties += t * t * t - t;
		i = j + 1;
	}
	free(d);
	double nn = (double)m;
	out->v = v;
	if (m < 50 && ties == 0 && !zeros) {
		double p = v > nn * (nn + 1) / 4 ? psignrank(v - 1, nn, 0, 0) : psignrank(v, nn, 1, 0);
		out->p = fmin(2.0 * p, 1.0);
		out->exact = 1;
		return 0;
	}
	double z = v - nn * (nn + 1) / 4;
	double sigma = sqrt(nn * (nn + 1) * (2 * nn + 1) / 24 - ties / 48);
	double correction = z > 0 ? 0.5 : z < 0 ? -0.5 : 0;
	z = (z - correction) / sigma;
	out->p = 2.0 * fmin(pnorm(z, 0, 1, 1, 0), pnorm(z, 0, 1, 0, 0));
	return 0;
}
