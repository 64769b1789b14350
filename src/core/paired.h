/* paired.h: paired pre/post tests that agree with R.
 *
 * paired_t matches R's t.test(post, pre, paired = TRUE) and paired_wilcoxon
 * matches wilcox.test(post, pre, paired = TRUE) with its defaults: zero
 * differences dropped; the exact signed-rank p (R's own psignrank) when fewer
 * than 50 non-zero differences remain and there are neither ties nor zeros;
 * otherwise the normal approximation with continuity and tie correction.
 * Distribution functions come from R's standalone maths library (r-mathlib);
 * this file only does the arithmetic around them. Pure: no I/O. A figure that
 * cannot be computed is NAN (shown as null), never 0. */
#ifndef DYAD_CORE_PAIRED_H
#define DYAD_CORE_PAIRED_H

#include <stddef.h>

struct paired_t {
	size_t n;            /* pairs used */
	double mean_change;  /* mean of post - pre; NAN when n < 1 */
	double sd_change;    /* sample SD of the differences; NAN when n < 2 */
	double t, df, p;     /* NAN when n < 2 or the differences do not vary */
	double ci95_low, ci95_high; /* 95% confidence limits of mean_change; NAN likewise */
};

struct paired_wilcoxon {
	size_t n_nonzero;    /* differences left after dropping zeros */
	double v;            /* sum of the ranks of the positive differences; NAN when n_nonzero = 0 */
	double p;            /* two-sided p; NAN when n_nonzero = 0 */
	int exact;           /* 1 when p is the exact distribution's */
};

/* The paired t-test of post against pre (n pairs, change = post - pre). Fills
 * *out; never fails (figures that cannot be computed are NAN). */
void paired_t_test(const double *pre, const double *post, size_t n, struct paired_t *out);

/* The Wilcoxon signed-rank test of post against pre, as R's defaults.
 * Returns 0 and fills *out, or -1 when scratch memory cannot be had for n
 * (n larger than the caller may ask: 10 million pairs). */
int paired_wilcoxon_test(const double *pre, const double *post, size_t n, struct paired_wilcoxon *out);

#endif
