/* change.h: change between two administrations of a measure.
 *
 * Direction-aware: on a higher-is-worse scale (PHQ-9) a fall is an
 * improvement, on a higher-is-better scale (WEMWBS, GBO) a rise is. Reliable
 * change uses the definition's fixed threshold in raw points, or Jacobson &
 * Truax from its reliability r and the baseline SD of the pairs being
 * reported: S_E = SD * sqrt(1 - r), S_diff = sqrt(2) * S_E, reliable when
 * |post - pre| >= z * S_diff. Clinically significant change means moving from
 * the clinical side of the cut-off to the other side; reliable recovery is
 * that plus reliable improvement. The NHS Talking Therapies convention for
 * PHQ-9 with GAD-7 is change_talking_therapies. Pure functions, no I/O. */
#ifndef DYAD_CORE_CHANGE_H
#define DYAD_CORE_CHANGE_H

#include "core/instrument.h"
#include "util/err.h"

enum change_class {
	CHANGE_NOT_ASSESSED = 0,       /* no reliable-change rule, or direction none */
	CHANGE_RELIABLE_IMPROVEMENT,
	CHANGE_NO_RELIABLE_CHANGE,
	CHANGE_RELIABLE_DETERIORATION
};

struct change_result {
	double pre, post;
	double change;          /* post - pre (GBO: last - first) */
	double improvement;     /* change signed so that positive is better; 0 for direction none */
	double threshold;       /* smallest |change| counted as reliable; NAN when not assessed */
	enum change_class reliable;
	int case_pre, case_post; /* 1 clinical, 0 not, -1 no cut-off */
	int clinically_significant; /* clinical before, not after */
	int reliable_recovery;      /* clinically significant and reliable improvement */
	int became_case;            /* not clinical before, clinical after */
};

/* The reliable-change threshold of scale s in raw points: its fixed points,
 * or z * sd_pre * sqrt(2 * (1 - r)). Returns NAN when s has no rule, or when
 * the rule needs a baseline SD and sd_pre is not a positive number. */
double change_threshold(const struct instr_scale *s, double sd_pre);

/* Classifies the change from pre to post on scale s; sd_pre is the baseline
 * SD of the pairs in the report (used only by a Jacobson & Truax scale; pass
 * NAN otherwise). Caseness comes from the scale's own cut-off. Fills *out and
 * returns 0, or DY_EINVAL when a score is not a finite number, or a
 * Jacobson & Truax scale is given no usable SD. */
int change_classify(const struct instr_scale *s, double pre, double post, double sd_pre,
                    struct change_result *out, struct dy_err *e);

/* Like change_classify, with caseness given by the caller (1, 0 or -1), for
 * scales whose cut-off depends on the administration (ASQ:SE-2's age
 * interval: use each score_result's clinical flag). */
int change_classify_cases(const struct instr_scale *s, double pre, double post, double sd_pre,
                          int case_pre, int case_post, struct change_result *out,
                          struct dy_err *e);

/* "reliable improvement", "no reliable change", "reliable deterioration" or
 * "not assessed". */
const char *change_class_name(enum change_class c);

/* NHS Talking Therapies outcome for PHQ-9 with GAD-7 (first and last scores). */
struct change_tt {
	int case_start;        /* PHQ-9 or GAD-7 at or over its cut-off at the start */
	int case_end;
	int recovery;          /* a case at the start, below both cut-offs at the end */
	int improved;          /* PHQ-9 or GAD-7 fell by at least its reliable change */
	int deteriorated;      /* PHQ-9 or GAD-7 rose by at least its reliable change */
	int reliable_improvement;   /* improved, and neither measure deteriorated reliably */
	int reliable_deterioration; /* deteriorated, and neither measure improved reliably */
	int reliable_recovery;      /* recovery and reliable improvement */
};

/* Applies the convention with the cut-offs and fixed reliable-change points
 * of the "total" scales of the phq9 and gad7 definitions given (PHQ-9 >= 10,
 * 6 points; GAD-7 >= 8, 4 points as shipped). Returns 0, or DY_EINVAL when a
 * definition lacks a total scale with a cut-off and fixed reliable change,
 * or a score is not finite. */
int change_talking_therapies(const struct instrument *phq9, const struct instrument *gad7,
                             double phq_pre, double phq_post, double gad_pre, double gad_post,
                             struct change_tt *out, struct dy_err *e);

#endif
