/* stats.h: descriptive statistics as plain functions of numbers.
 *
 * Means and variances by Welford's running method, which stays exact to a
 * few units in the last place where the textbook sum of squares loses every
 * digit (values near 1e9 that differ by units). The sample variance divides
 * by n - 1, as R's var() and sd() do. A figure that cannot be computed is
 * NAN (reports show it as null), never 0. Pure: no I/O, no allocation. */
#ifndef DYAD_CORE_STATS_H
#define DYAD_CORE_STATS_H

#include <stddef.h>

/* A running accumulator: init, add each value, then read. */
struct stats_acc {
	size_t n;
	double mean;
	double m2; /* sum of squared deviations from the running mean */
};

/* Starts an empty accumulator. */
void stats_acc_init(struct stats_acc *a);

/* Adds one value (a NAN is counted and makes every figure NAN). */
void stats_acc_add(struct stats_acc *a, double x);

/* The mean, or NAN when no value was added. */
double stats_acc_mean(const struct stats_acc *a);

/* The sample variance (n - 1 divisor), or NAN when fewer than 2 values. */
double stats_acc_var(const struct stats_acc *a);

/* The sample standard deviation, or NAN when fewer than 2 values. */
double stats_acc_sd(const struct stats_acc *a);

/* Mean, sample variance and sample SD of x[0..n-1]; each NAN when it cannot
 * be computed. */
double stats_mean(const double *x, size_t n);
double stats_var(const double *x, size_t n);
double stats_sd(const double *x, size_t n);

#endif
