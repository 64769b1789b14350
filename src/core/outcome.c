/* outcome.c: one scale's outcome figures from its classified pairs. */
#include "core/outcome.h"

#include <math.h>

#include "core/paired.h"
#include "core/stats.h"

static double pct(size_t k, size_t n)
{
	return n ? 100.0 * (double)k / (double)n : NAN;
}

static double ratio(double a, double b)
{
	return isfinite(a) && isfinite(b) && b != 0 ? a / b : NAN;
}

int outcome_scale_compute(const struct instr_scale *s, const double *pre, const double *post,
                          const struct change_result *cls, size_t n, size_t n_episodes,
                          struct outcome_scale *out)
{
	out->n_episodes = n_episodes;
	out->n_pairs = n;
	out->completeness_pct = pct(n, n_episodes);
	out->mean_pre = stats_mean(pre, n);
	out->sd_pre = stats_sd(pre, n);
	out->mean_post = stats_mean(post, n);
	out->sd_post = stats_sd(post, n);

	struct paired_t t;
	paired_t_test(pre, post, n, &t);
	out->mean_change = t.mean_change;
	out->sd_change = t.sd_change;
	out->ci95_low = t.ci95_low;
	out->ci95_high = t.ci95_high;
	out->t = t.t;
	out->df = t.df;
	out->p_t = t.p;
	struct paired_wilcoxon w;
	if (paired_wilcoxon_test(pre, post, n, &w))
		return -1;
	out->wilcoxon_v = w.v;
	out->p_wilcoxon = w.p;
	out->cohen_dz = ratio(t.mean_change, t.sd_change);
	out->d_pre_sd = ratio(t.mean_change, out->sd_pre);

	size_t improved = 0, rel_up = 0, rel_down = 0, assessed = 0, clinical = 0, cs = 0, recovery = 0;
	for (size_t i = 0; i < n; i++) {
		const struct change_result *c = &cls[i];
		improved += c->improvement > 0;
		if (c->reliable != CHANGE_NOT_ASSESSED) {
			assessed++;
			rel_up += c->reliable == CHANGE_RELIABLE_IMPROVEMENT;
			rel_down += c->reliable == CHANGE_RELIABLE_DETERIORATION;
		}
		if (c->case_pre == 1) {
			clinical++;
			cs += c->clinically_significant != 0;
			recovery += c->reliable_recovery != 0;
		}
	}
	out->pct_improved = s->direction == DIR_NONE ? NAN : pct(improved, n);
	/* A scale with a reliable-change rule has every pair assessed; one
	 * without has none, and its percentages cannot be given. */
	out->pct_reliable_improvement = assessed ? pct(rel_up, assessed) : NAN;
	out->pct_reliable_deterioration = assessed ? pct(rel_down, assessed) : NAN;
	out->n_clinical_pre = s->has_cutoff || s->cutoff_from_interval ? (long)clinical : -1;
	out->pct_clinical_to_nonclinical = pct(cs, clinical);
	out->pct_reliable_recovery = assessed ? pct(recovery, clinical) : NAN;
	return 0;
}
