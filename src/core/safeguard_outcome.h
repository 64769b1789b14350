/* safeguard_outcome.h: the safeguarding figures of the outcomes reports.
 *
 * For each infant of the episodes in a report: the safeguarding level in
 * force at referral and at discharge (levels in the order of
 * code_safeguarding_level: none < early help < child in need < child
 * protection plan < edge of care < looked after) and the care status at
 * discharge. Output: the start x end table, the shares de-escalated,
 * unchanged and escalated, and the share who remained with or were reunited
 * with their birth family, overall and for the infants who started on a
 * child protection plan or above. Percentages over no infant are NAN
 * (null). Pure: no I/O. */
#ifndef DYAD_CORE_SAFEGUARD_OUTCOME_H
#define DYAD_CORE_SAFEGUARD_OUTCOME_H

#include <stddef.h>

#define SG_LEVELS 6        /* none .. looked_after */
#define SG_HIGH_FROM 3     /* child protection plan and above */

struct sg_infant {
	int start_level, end_level; /* 0 .. SG_LEVELS - 1 */
	int care_known;             /* 1 when a care status was recorded at discharge */
	int with_birth_family;      /* 1: remained with (with_birth_family) or reunited (reunited) */
};

struct sg_outcome {
	size_t n;                               /* infants counted */
	size_t table[SG_LEVELS][SG_LEVELS];     /* [start][end] */
	double pct_deescalated, pct_unchanged, pct_escalated;
	size_t n_care_known;
	double pct_remained_or_reunited;        /* of n_care_known */
	size_t n_high;                          /* started at SG_HIGH_FROM or above */
	size_t n_high_care_known;
	double pct_high_remained_or_reunited;   /* of n_high_care_known */
	double pct_high_deescalated;            /* of n_high */
};

/* Counts n infants into *out. Returns 0, or -1 when a level is out of range
 * (nothing is counted then). */
int sg_outcome_compute(const struct sg_infant *inf, size_t n, struct sg_outcome *out);

/* 1 when a care status code counts as remaining with or being reunited with
 * the birth family ("with_birth_family", "reunited"). */
int sg_care_with_birth_family(const char *care_status);

/* 1 when a care status code is a care outcome to count (care_known); 0 for
 * none and for "died": an infant who died is reported apart, never in the
 * share who remained with their birth family (issue 8 point 5). */
int sg_care_counts(const char *care_status);

#endif
