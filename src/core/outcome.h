/* outcome.h: the figures of one scale in the outcomes report.
 *
 * Input: the paired pre and post scores of one scale (earliest baseline and
 * latest end administration of the same respondent and subject, chosen by
 * the caller), each pair already classified by change_classify, and how many
 * episodes were eligible. Output: every figure docs/reports.md defines for
 * the scale, with the tests of paired.h. Change is post - pre. A figure that
 * cannot be computed is NAN (shown as null), never 0. Pure: no I/O. */
#ifndef DYAD_CORE_OUTCOME_H
#define DYAD_CORE_OUTCOME_H

#include <stddef.h>

#include "core/change.h"
#include "core/instrument.h"

struct outcome_scale {
	size_t n_episodes, n_pairs;
	double completeness_pct;          /* 100 * n_pairs / n_episodes */
	double mean_pre, sd_pre, mean_post, sd_post;
	double mean_change, sd_change, ci95_low, ci95_high;
	double t, df, p_t;
	double wilcoxon_v, p_wilcoxon;
	double cohen_dz;                  /* mean_change / sd_change */
	double d_pre_sd;                  /* mean_change / sd_pre */
	double pct_improved;              /* change in the better direction; NAN for direction none */
	double pct_reliable_improvement;  /* of pairs; NAN when the scale has no reliable-change rule */
	double pct_reliable_deterioration;
	long n_clinical_pre;              /* pairs clinical at baseline; -1 when the scale has no cut-off */
	double pct_clinical_to_nonclinical; /* of n_clinical_pre */
	double pct_reliable_recovery;       /* of n_clinical_pre: clinical to non-clinical and reliably improved */
};

/* Computes the figures of scale s from n pairs (pre[i], post[i], cls[i]) of
 * n_episodes eligible episodes. Returns 0, or -1 when scratch memory for the
 * Wilcoxon ranks cannot be had. */
int outcome_scale_compute(const struct instr_scale *s, const double *pre, const double *post,
                          const struct change_result *cls, size_t n, size_t n_episodes,
                          struct outcome_scale *out);

#endif
