/* Change between two administrations: reliable change at the exact
 * threshold (fixed points and Jacobson & Truax), clinically significant
 * change at the exact cut-off, on higher-is-worse and higher-is-better
 * scales; GBO per-goal change; the NHS Talking Therapies convention. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/change.h"
#include "measures_test.h"
#include "testutil.h"

static const struct instr_scale *scale(const char *id, const char *sc)
{
	const struct instrument *in = mt_get(id);
	int i = instrument_scale_index(in, sc);
	assert_true(i >= 0);
	return &in->scales[i];
}

struct cc {
	double pre, post;
	enum change_class reliable;
	int cs, recovery, became_case;
};

static void check(const struct instr_scale *s, double sd, const struct cc *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct change_result r;
		struct dy_err e;
		dy_err_clear(&e);
		assert_int_equal(change_classify(s, c[i].pre, c[i].post, sd, &r, &e), 0);
		if (r.reliable != c[i].reliable || r.clinically_significant != c[i].cs ||
		    r.reliable_recovery != c[i].recovery || r.became_case != c[i].became_case) {
			fprintf(stderr, "%s %g -> %g: %s cs=%d rec=%d became=%d\n", s->id, c[i].pre,
			        c[i].post, change_class_name(r.reliable), r.clinically_significant,
			        r.reliable_recovery, r.became_case);
			fail();
		}
		assert_true(fabs(r.change - (c[i].post - c[i].pre)) < 1e-12);
	}
}

static void phq9_fixed_rci_higher_is_worse(void **state)
{
	(void)state;
	static const struct cc c[] = {
		{16, 10, CHANGE_RELIABLE_IMPROVEMENT, 0, 0, 0},   /* -6: reliable, still a case */
		{16, 11, CHANGE_NO_RELIABLE_CHANGE, 0, 0, 0},     /* -5 */
		{10, 4, CHANGE_RELIABLE_IMPROVEMENT, 1, 1, 0},    /* from the cut-off: recovery */
		{10, 9, CHANGE_NO_RELIABLE_CHANGE, 1, 0, 0},      /* crosses, not reliable */
		{11, 10, CHANGE_NO_RELIABLE_CHANGE, 0, 0, 0},     /* 10 is still a case */
		{9, 15, CHANGE_RELIABLE_DETERIORATION, 0, 0, 1},  /* +6 */
		{9, 14, CHANGE_NO_RELIABLE_CHANGE, 0, 0, 1},      /* +5 */
		{9, 10, CHANGE_NO_RELIABLE_CHANGE, 0, 0, 1},
		{4, 4, CHANGE_NO_RELIABLE_CHANGE, 0, 0, 0},
	};
	check(scale("phq9", "total"), NAN, c, sizeof c / sizeof c[0]);
}

static void wemwbs_reliable_change_from_published_sem(void **state)
{
	(void)state;
	/* SEM 3.1 (Maheswaran et al. 2012): 1.96 x sqrt(2) x 3.1 = 8.593 points,
	 * not the meaningful-change figure of 3 shipped before */
	const struct instr_scale *s = scale("wemwbs", "total");
	assert_true(fabs(change_threshold(s, NAN) - 1.96 * sqrt(2.0) * 3.1) < 1e-12);
	static const struct cc c[] = {
		{44, 47, CHANGE_NO_RELIABLE_CHANGE, 1, 0, 0},     /* +3: crosses the cut-off, not reliable */
		{44, 52, CHANGE_NO_RELIABLE_CHANGE, 1, 0, 0},     /* +8 */
		{44, 53, CHANGE_RELIABLE_IMPROVEMENT, 1, 1, 0},   /* +9: reliable recovery */
		{35, 44, CHANGE_RELIABLE_IMPROVEMENT, 0, 0, 0},   /* +9 but 44 is still a case */
		{45, 37, CHANGE_NO_RELIABLE_CHANGE, 0, 0, 1},     /* -8 */
		{45, 36, CHANGE_RELIABLE_DETERIORATION, 0, 0, 1}, /* -9 */
		{60, 69, CHANGE_RELIABLE_IMPROVEMENT, 0, 0, 0},
	};
	check(s, NAN, c, sizeof c / sizeof c[0]);
}

static void hads_reliable_change_from_published_sd(void **state)
{
	(void)state;
	/* r = 0.83 with the published SD 3.76: 1.96 x sqrt(2) x 3.76 x sqrt(0.17)
	 * = 4.297: a change of 4 is not reliable, 5 is. The team's own
	 * baselines play no part: any sd passed is ignored. */
	const struct instr_scale *s = scale("hads", "anxiety");
	assert_true(fabs(change_threshold(s, NAN) - 1.96 * sqrt(2.0) * 3.76 * sqrt(0.17)) < 1e-12);
	assert_true(change_threshold(s, 1.0) == change_threshold(s, 50.0));
	static const struct cc c[] = {
		{11, 7, CHANGE_NO_RELIABLE_CHANGE, 1, 0, 0},
		{12, 7, CHANGE_RELIABLE_IMPROVEMENT, 1, 1, 0},
		{8, 7, CHANGE_NO_RELIABLE_CHANGE, 1, 0, 0},      /* 8 is a case, 7 is not */
		{6, 10, CHANGE_NO_RELIABLE_CHANGE, 0, 0, 1},
		{6, 11, CHANGE_RELIABLE_DETERIORATION, 0, 0, 1},
	};
	check(s, NAN, c, sizeof c / sizeof c[0]);
	/* depression: r = 0.82, SD 3.07: 3.610; 3 points is not reliable, 4 is */
	const struct instr_scale *d = scale("hads", "depression");
	assert_true(fabs(change_threshold(d, NAN) - 1.96 * sqrt(2.0) * 3.07 * sqrt(0.18)) < 1e-12);
	static const struct cc cd[] = {
		{10, 7, CHANGE_NO_RELIABLE_CHANGE, 1, 0, 0},
		{10, 6, CHANGE_RELIABLE_IMPROVEMENT, 1, 1, 0},
	};
	check(d, NAN, cd, sizeof cd / sizeof cd[0]);
	/* a score that is not a number is still refused */
	struct change_result r;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(change_classify(s, NAN, 5, NAN, &r, &e), DY_EINVAL);
}

static void core10_and_epds_reliable_change_at_95_percent(void **state)
{
	(void)state;
	/* CORE-10: 6 points at 90% (Barkham et al. 2013) is 7.15 at 95% */
	static const struct cc c[] = {
		{15, 8, CHANGE_NO_RELIABLE_CHANGE, 1, 0, 0},    /* -7: reliable at 90%, not at 95% */
		{15, 7, CHANGE_RELIABLE_IMPROVEMENT, 1, 1, 0},  /* -8 */
		{8, 16, CHANGE_RELIABLE_DETERIORATION, 0, 0, 1},
	};
	check(scale("core10", "total"), NAN, c, sizeof c / sizeof c[0]);
	/* EPDS: 4 points (Matthey 2004) */
	static const struct cc ce[] = {
		{20, 17, CHANGE_NO_RELIABLE_CHANGE, 0, 0, 0},
		{20, 16, CHANGE_RELIABLE_IMPROVEMENT, 0, 0, 0},
		{13, 9, CHANGE_RELIABLE_IMPROVEMENT, 1, 1, 0},
	};
	check(scale("epds", "total"), NAN, ce, sizeof ce / sizeof ce[0]);
}

static void jacobson_truax_exact_boundary_both_directions(void **state)
{
	(void)state;
	/* r = 0.5, z = 2, SD 3: threshold = 2 x 3 x sqrt(2 x 0.5) = 6 exactly */
	struct instr_scale s;
	memset(&s, 0, sizeof s);
	snprintf(s.id, sizeof s.id, "x");
	snprintf(s.name, sizeof s.name, "X");
	s.has_rci = 1;
	s.reliability = 0.5;
	s.z = 2;
	s.has_cutoff = 1;
	for (int d = 0; d < 2; d++) {
		s.direction = d == 0 ? DIR_HIGHER_IS_WORSE : DIR_HIGHER_IS_BETTER;
		s.cutoff_op = d == 0 ? OP_GE : OP_LE;
		s.cutoff = 10;
		double better = d == 0 ? -1 : 1;
		struct change_result r;
		assert_true(fabs(change_threshold(&s, 3) - 6) < 1e-12);
		assert_int_equal(change_classify(&s, 10, 10 + 6 * better, 3, &r, NULL), 0);
		assert_int_equal(r.reliable, CHANGE_RELIABLE_IMPROVEMENT);
		assert_int_equal(r.reliable_recovery, 1);
		assert_int_equal(change_classify(&s, 10, 10 + 5.999 * better, 3, &r, NULL), 0);
		assert_int_equal(r.reliable, CHANGE_NO_RELIABLE_CHANGE);
		assert_int_equal(r.clinically_significant, 1);
		assert_int_equal(r.reliable_recovery, 0);
		assert_int_equal(change_classify(&s, 10, 10 - 6 * better, 3, &r, NULL), 0);
		assert_int_equal(r.reliable, CHANGE_RELIABLE_DETERIORATION);
		assert_int_equal(change_classify(&s, 10, 10 - 5.999 * better, 3, &r, NULL), 0);
		assert_int_equal(r.reliable, CHANGE_NO_RELIABLE_CHANGE);
	}
}

static void gbo_change_is_last_minus_first(void **state)
{
	(void)state;
	static const struct cc c[] = {
		{2, 5, CHANGE_RELIABLE_IMPROVEMENT, 0, 0, 0},   /* +3 >= 2.45 */
		{2, 4, CHANGE_NO_RELIABLE_CHANGE, 0, 0, 0},     /* +2 < 2.45 */
		{5, 2, CHANGE_RELIABLE_DETERIORATION, 0, 0, 0},
		{7, 7, CHANGE_NO_RELIABLE_CHANGE, 0, 0, 0},
	};
	check(scale("gbo", "goal2"), NAN, c, sizeof c / sizeof c[0]);
	struct change_result r;
	assert_int_equal(change_classify(scale("gbo", "goal1"), 3, 9, NAN, &r, NULL), 0);
	assert_true(r.change == 6);
	assert_int_equal(r.case_pre, -1);
}

static void scales_without_a_rule_are_not_assessed(void **state)
{
	(void)state;
	struct change_result r;
	assert_int_equal(change_classify(scale("prfq", "certainty"), 3, 6, NAN, &r, NULL), 0);
	assert_int_equal(r.reliable, CHANGE_NOT_ASSESSED);
	assert_true(r.improvement == 0);
	assert_true(isnan(r.threshold));
	assert_int_equal(change_classify(scale("dass21", "depression"), 30, 4, NAN, &r, NULL), 0);
	assert_int_equal(r.reliable, CHANGE_NOT_ASSESSED);
	assert_int_equal(r.clinically_significant, 1); /* caseness still applies */
	assert_string_equal(change_class_name(r.reliable), "not assessed");
}

struct ttc {
	double p0, p1, g0, g1;
	int case_start, recovery, ri, rd, rr;
};

static void talking_therapies_convention(void **state)
{
	(void)state;
	static const struct ttc c[] = {
		{15, 8, 10, 6, 1, 1, 1, 0, 1},  /* PHQ -7, both below cut-offs */
		{12, 9, 9, 7, 1, 1, 0, 0, 0},   /* recovered, not reliably */
		{9, 9, 7, 7, 0, 0, 0, 0, 0},    /* never a case */
		{10, 4, 8, 8, 1, 0, 1, 0, 0},   /* PHQ -6 exactly; GAD still 8 = case */
		{10, 4, 8, 7, 1, 1, 1, 0, 1},   /* both below: reliable recovery */
		{5, 5, 12, 8, 1, 0, 1, 0, 0},   /* GAD -4 exactly; 8 still a case */
		{5, 11, 3, 3, 0, 0, 0, 1, 0},   /* PHQ +6: deterioration */
		{5, 5, 3, 7, 0, 0, 0, 1, 0},    /* GAD +4 */
		{5, 10, 3, 6, 0, 0, 0, 0, 0},   /* +5 and +3: not reliable */
		{15, 9, 5, 9, 1, 0, 0, 0, 0},   /* PHQ -6 with GAD +4: neither */
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		struct change_tt t;
		assert_int_equal(change_talking_therapies(mt_get("phq9"), mt_get("gad7"), c[i].p0,
		                                          c[i].p1, c[i].g0, c[i].g1, &t, NULL), 0);
		if (t.case_start != c[i].case_start || t.recovery != c[i].recovery ||
		    t.reliable_improvement != c[i].ri || t.reliable_deterioration != c[i].rd ||
		    t.reliable_recovery != c[i].rr) {
			fprintf(stderr, "case %zu: start=%d rec=%d ri=%d rd=%d rr=%d\n", i, t.case_start,
			        t.recovery, t.reliable_improvement, t.reliable_deterioration,
			        t.reliable_recovery);
			fail();
		}
	}
	struct change_tt t;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(change_talking_therapies(mt_get("gad7"), mt_get("gad7"), 1, 1, 1, 1, &t, &e),
	                 DY_EINVAL);
	assert_string_equal(e.field, "instrument");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(phq9_fixed_rci_higher_is_worse),
		cmocka_unit_test(wemwbs_reliable_change_from_published_sem),
		cmocka_unit_test(core10_and_epds_reliable_change_at_95_percent),
		cmocka_unit_test(hads_reliable_change_from_published_sd),
		cmocka_unit_test(jacobson_truax_exact_boundary_both_directions),
		cmocka_unit_test(gbo_change_is_last_minus_first),
		cmocka_unit_test(scales_without_a_rule_are_not_assessed),
		cmocka_unit_test(talking_therapies_convention),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
