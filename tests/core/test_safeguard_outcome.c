/* Safeguarding outcome figures on a hand-built set of eight infants: the
 * start x end table, de-escalated / unchanged / escalated shares, and the
 * share remaining with or reunited with the birth family, overall and for
 * those who started on a child protection plan or above. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "core/safeguard_outcome.h"

enum { NONE, EH, CIN, CPP, EDGE, LAC };

static void near(double got, double want)
{
	if (!(fabs(got - want) <= 1e-12 * fmax(1, fabs(want))))
		fail_msg("got %.17g, want %.17g", got, want);
}

static void hand_built(void **state)
{
	(void)state;
	const struct sg_infant inf[] = {
		{CPP, CIN, 1, 1},  /* de-escalated, stayed home */
		{CPP, CPP, 1, 1},  /* unchanged, stayed home */
		{LAC, NONE, 1, 1}, /* de-escalated: reunited */
		{LAC, LAC, 1, 0},  /* unchanged, in care */
		{CIN, EH, 1, 1},   /* de-escalated */
		{NONE, NONE, 0, 0},/* unchanged, care status not recorded */
		{EH, CPP, 1, 1},   /* escalated */
		{EDGE, EDGE, 1, 1},/* unchanged, stayed home */
	};
	struct sg_outcome o;
	assert_int_equal(sg_outcome_compute(inf, 8, &o), 0);
	assert_int_equal((int)o.n, 8);
	assert_int_equal((int)o.table[CPP][CIN], 1);
	assert_int_equal((int)o.table[LAC][NONE], 1);
	assert_int_equal((int)o.table[NONE][NONE], 1);
	assert_int_equal((int)o.table[EH][CPP], 1);
	near(o.pct_deescalated, 3 * 100.0 / 8);
	near(o.pct_unchanged, 4 * 100.0 / 8);
	near(o.pct_escalated, 1 * 100.0 / 8);
	assert_int_equal((int)o.n_care_known, 7);
	near(o.pct_remained_or_reunited, 6 * 100.0 / 7);
	assert_int_equal((int)o.n_high, 5);            /* CPP, CPP, LAC, LAC, EDGE */
	assert_int_equal((int)o.n_high_care_known, 5);
	near(o.pct_high_remained_or_reunited, 4 * 100.0 / 5);
	near(o.pct_high_deescalated, 2 * 100.0 / 5);
}

/* A baby who died is not a care outcome: never counted in the share who
 * remained with their birth family (issue 8 point 5). */
static void a_death_is_not_a_care_outcome(void **state)
{
	(void)state;
	assert_false(sg_care_counts("died"));
	assert_false(sg_care_counts(""));
	assert_false(sg_care_counts(NULL));
	assert_true(sg_care_counts("with_birth_family"));
	assert_true(sg_care_counts("in_care"));
	assert_false(sg_care_with_birth_family("died"));
}

static void empty_and_bad(void **state)
{
	(void)state;
	struct sg_outcome o;
	assert_int_equal(sg_outcome_compute(NULL, 0, &o), 0);
	assert_true(isnan(o.pct_deescalated) && isnan(o.pct_remained_or_reunited));
	const struct sg_infant bad[] = {{CPP, 6, 1, 1}};
	assert_int_equal(sg_outcome_compute(bad, 1, &o), -1);
	assert_true(sg_care_with_birth_family("reunited"));
	assert_true(sg_care_with_birth_family("with_birth_family"));
	assert_false(sg_care_with_birth_family("in_care"));
	assert_false(sg_care_with_birth_family(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hand_built),
		cmocka_unit_test(empty_and_bad),
		cmocka_unit_test(a_death_is_not_a_care_outcome),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
