/* stats.c: Welford's running mean and variance (see stats.h). */
#include "core/stats.h"

#include <math.h>

void stats_acc_init(struct stats_acc *a)
{
	a->n = 0;
	a->mean = 0;
	a->m2 = 0;
}

void stats_acc_add(struct stats_acc *a, double x)
{
	a->n++;
	double delta = x - a->mean;
	a->mean += delta / (double)a->n;
	a->m2 += delta * (x - a->mean);
}

double stats_acc_mean(const struct stats_acc *a)
{
	return a->n ? a->mean : NAN;
}

double stats_acc_var(const struct stats_acc *a)
{
	if (a->n < 2)
		return NAN;
	double v = a->m2 / (double)(a->n - 1);
	return v < 0 ? 0 : v; /* rounding can leave -0.0000…; a variance is never negative */
}

double stats_acc_sd(const struct stats_acc *a)
{
	return sqrt(stats_acc_var(a));
}

static void fill(struct stats_acc *a, const double *x, size_t n)
{
	stats_acc_init(a);
	for (size_t i = 0; i < n; i++)
		stats_acc_add(a, x[i]);
}

double stats_mean(const double *x, size_t n)
{
	struct stats_acc a;
	fill(&a, x, n);
	return stats_acc_mean(&a);
}

double stats_var(const double *x, size_t n)
{
	struct stats_acc a;
	fill(&a, x, n);
	return stats_acc_var(&a);
}

double stats_sd(const double *x, size_t n)
{
	struct stats_acc a;
	fill(&a, x, n);
	return stats_acc_sd(&a);
}
