/* change.c: reliable and clinically significant change, and the NHS Talking
 * Therapies convention. Comparisons at a threshold allow for floating-point
 * rounding (1e-9 relative), so a change of exactly the threshold counts. */
#include "core/change.h"

#include <math.h>
#include <string.h>

static int reaches(double x, double thr)
{
	return x >= thr - 1e-9 * (thr > 1 ? thr : 1);
}

double change_threshold(const struct instr_scale *s, double sd_pre)
{
	if (!s->has_rci || s->direction == DIR_NONE)
		return NAN;
	if (s->rci_points > 0)
		return s->rci_points;
	if (!isfinite(sd_pre) || sd_pre <= 0)
		return NAN;
	return s->z * sd_pre * sqrt(2.0 * (1.0 - s->reliability));
}

static int case_of(const struct instr_scale *s, double v)
{
	if (!s->has_cutoff || s->cutoff_from_interval)
		return -1;
	return instrument_op_holds(s->cutoff_op, v, s->cutoff);
}

int change_classify_cases(const struct instr_scale *s, double pre, double post, double sd_pre,
                          int case_pre, int case_post, struct change_result *out,
                          struct dy_err *e)
{
	memset(out, 0, sizeof *out);
	out->reliable = CHANGE_NOT_ASSESSED;
	out->threshold = NAN;
	out->case_pre = out->case_post = -1;
	if (!isfinite(pre) || !isfinite(post))
		return dy_fail(e, DY_EINVAL, "score", "%s: both scores must be numbers", s->name);
	out->pre = pre;
	out->post = post;
	out->change = post - pre;
	if (s->direction == DIR_HIGHER_IS_WORSE)
		out->improvement = pre - post;
	else if (s->direction == DIR_HIGHER_IS_BETTER)
		out->improvement = post - pre;
	if (s->has_rci && s->direction != DIR_NONE) {
		double thr = change_threshold(s, sd_pre);
		if (isnan(thr))
			return dy_fail(e, DY_EINVAL, "sd",
			               "%s: reliable change needs the baseline standard deviation (a positive number)",
			               s->name);
		out->threshold = thr;
		if (reaches(fabs(out->change), thr))
			out->reliable = out->improvement > 0 ? CHANGE_RELIABLE_IMPROVEMENT
			                                     : CHANGE_RELIABLE_DETERIORATION;
		else
			out->reliable = CHANGE_NO_RELIABLE_CHANGE;
	}
	out->case_pre = case_pre < 0 ? -1 : case_pre != 0;
	out->case_post = case_post < 0 ? -1 : case_post != 0;
	out->clinically_significant = out->case_pre == 1 && out->case_post == 0;
	out->became_case = out->case_pre == 0 && out->case_post == 1;
	out->reliable_recovery =
		out->clinically_significant && out->reliable == CHANGE_RELIABLE_IMPROVEMENT;
	return 0;
}

int change_classify(const struct instr_scale *s, double pre, double post, double sd_pre,
                    struct change_result *out, struct dy_err *e)
{
	return change_classify_cases(s, pre, post, sd_pre, case_of(s, pre), case_of(s, post), out, e);
}

const char *change_class_name(enum change_class c)
{
	switch (c) {
	case CHANGE_RELIABLE_IMPROVEMENT: return "reliable improvement";
	case CHANGE_NO_RELIABLE_CHANGE: return "no reliable change";
	case CHANGE_RELIABLE_DETERIORATION: return "reliable deterioration";
	default: return "not assessed";
	}
}

static const struct instr_scale *tt_scale(const struct instrument *in, const char *want,
                                          struct dy_err *e)
{
	if (!in || strcmp(in->id, want) != 0) {
		dy_fail(e, DY_EINVAL, "instrument", "the Talking Therapies convention needs the %s definition",
		        want);
		return NULL;
	}
	int i = instrument_scale_index(in, "total");
	if (i < 0 || !in->scales[i].has_cutoff || in->scales[i].cutoff_from_interval ||
	    !(in->scales[i].rci_points > 0) || in->scales[i].direction != DIR_HIGHER_IS_WORSE) {
		dy_fail(e, DY_EINVAL, "instrument",
		        "%s needs a higher_is_worse total scale with a cut-off and fixed reliable change", want);
		return NULL;
	}
	return &in->scales[i];
}

int change_talking_therapies(const struct instrument *phq9, const struct instrument *gad7,
                             double phq_pre, double phq_post, double gad_pre, double gad_post,
                             struct change_tt *out, struct dy_err *e)
{
	memset(out, 0, sizeof *out);
	const struct instr_scale *p = tt_scale(phq9, "phq9", e);
	if (!p)
		return DY_EINVAL;
	const struct instr_scale *g = tt_scale(gad7, "gad7", e);
	if (!g)
		return DY_EINVAL;
	struct change_result cp, cg;
	if (change_classify(p, phq_pre, phq_post, NAN, &cp, e) ||
	    change_classify(g, gad_pre, gad_post, NAN, &cg, e))
		return DY_EINVAL;
	out->case_start = cp.case_pre == 1 || cg.case_pre == 1;
	out->case_end = cp.case_post == 1 || cg.case_post == 1;
	out->recovery = out->case_start && !out->case_end;
	out->improved = cp.reliable == CHANGE_RELIABLE_IMPROVEMENT ||
	                cg.reliable == CHANGE_RELIABLE_IMPROVEMENT;
	out->deteriorated = cp.reliable == CHANGE_RELIABLE_DETERIORATION ||
	                    cg.reliable == CHANGE_RELIABLE_DETERIORATION;
	out->reliable_improvement = out->improved && !out->deteriorated;
	out->reliable_deterioration = out->deteriorated && !out->improved;
	out->reliable_recovery = out->recovery && out->reliable_improvement;
	return 0;
}
