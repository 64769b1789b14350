/* Measures that do not fit the infant's stage are refused with the reason
 * (issue 8, point 5): SDQ before age 2, MPAS/PPAS/PBQ for an unborn infant,
 * MAAS after the birth; each definition states its stage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/stage.h"
#include "measures_test.h"
#include "testutil.h"
#include "util/date.h"

static int check(const char *id, const char *birth, const char *on, struct dy_err *e)
{
	dy_err_clear(e);
	return stage_check(mt_get(id), birth ? tu_date(birth) : DATE_NONE, tu_date(on), e);
}

static void antenatal_measure_only_before_the_birth(void **state)
{
	(void)state;
	struct dy_err e;
	assert_int_equal(check("maas", NULL, "2026-03-01", &e), 0);
	assert_int_equal(check("maas", "2026-03-10", "2026-03-01", &e), 0); /* born later */
	assert_int_equal(check("maas", "2026-03-01", "2026-03-01", &e), DY_EINVAL);
	assert_string_equal(e.field, "instrument");
	assert_non_null(strstr(e.msg, "MAAS is completed in pregnancy"));
}

static void postnatal_measures_need_a_born_infant(void **state)
{
	(void)state;
	struct dy_err e;
	static const char *const ids[] = {"mpas", "ppas", "pbq"};
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(check(ids[i], NULL, "2026-03-01", &e), DY_EINVAL);
		assert_non_null(strstr(e.msg, "not yet born"));
		assert_int_equal(check(ids[i], "2026-02-01", "2026-03-01", &e), 0);
	}
}

static void sdq_from_two_years(void **state)
{
	(void)state;
	struct dy_err e;
	assert_int_equal(check("sdq", "2024-03-02", "2026-03-01", &e), DY_EINVAL); /* 23 months */
	assert_non_null(strstr(e.msg, "SDQ is for children from 24 months"));
	assert_non_null(strstr(e.msg, "this infant is 23 months old"));
	assert_int_equal(check("sdq", "2024-03-01", "2026-03-01", &e), 0); /* 24 months */
	/* ASQ:SE-2 up to 72 months */
	assert_int_equal(check("asqse2", "2020-02-01", "2026-03-01", &e), DY_EINVAL);
	assert_int_equal(check("asqse2", "2025-03-01", "2026-03-01", &e), 0);
	/* a caregiver measure fits any stage */
	assert_int_equal(check("phq9", NULL, "2026-03-01", &e), 0);
	assert_int_equal(check("epds", "2025-03-01", "2026-03-01", &e), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(antenatal_measure_only_before_the_birth),
		cmocka_unit_test(postnatal_measures_need_a_born_infant),
		cmocka_unit_test(sdq_from_two_years),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
