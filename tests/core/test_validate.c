/* Field rules: NHS number check digit, UK postcode forms, codes, dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/codes.h"
#include "core/validate.h"
#include "testutil.h"
#include "util/date.h"

static void nhs_numbers_good_and_bad(void **state)
{
	(void)state;
	char out[11];
	struct dy_err e;
	/* 943 476 5919 is the NHS's published example of a valid number. */
	assert_int_equal(validate_nhs_number("nhs_number", "9434765919", out, &e), 0);
	assert_string_equal(out, "9434765919");
	assert_int_equal(validate_nhs_number("nhs_number", "943 476 5919", out, &e), 0);
	assert_int_equal(validate_nhs_number("nhs_number", "943-476-5919", out, &e), 0);
	/* weighted sum with remainder 0: 11 - 0 = 11 means check digit 0 */
	assert_int_equal(validate_nhs_number("nhs_number", "9990000050", out, &e), 0);

	dy_err_clear(&e);
	assert_int_equal(validate_nhs_number("nhs_number", "9434765918", out, &e), DY_EINVAL);
	assert_string_equal(e.field, "nhs_number");
	assert_non_null(strstr(e.msg, "check digit"));
	assert_null(strstr(e.msg, "943")); /* never repeats the value */
	assert_int_equal(validate_nhs_number("nhs_number", "4857773456", out, &e), DY_EINVAL);
	assert_int_equal(validate_nhs_number("nhs_number", "943476591", out, &e), DY_EINVAL);
	assert_int_equal(validate_nhs_number("nhs_number", "94347659190", out, &e), DY_EINVAL);
	assert_int_equal(validate_nhs_number("nhs_number", "94347659l9", out, &e), DY_EINVAL);
	assert_int_equal(validate_nhs_number("nhs_number", "", out, &e), DY_EINVAL);
	/* a weighted sum leaving remainder 1 gives check value 10: never valid */
	assert_int_equal(validate_nhs_number("nhs_number", "1000000010", out, &e), DY_EINVAL);
}

static void postcodes_normalised_or_refused(void **state)
{
	(void)state;
	char out[9];
	struct dy_err e;
	const char *good[][2] = {{"NG7 2UH", "NG7 2UH"}, {"ng72uh", "NG7 2UH"}, {"EC1A 1BB", "EC1A 1BB"},
	                         {"W1A 0AX", "W1A 0AX"},  {"m1 1ae", "M1 1AE"},  {"B33 8TH", "B33 8TH"},
	                         {"CR2 6XH", "CR2 6XH"},  {"DN55  1PT", "DN55 1PT"}};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		assert_int_equal(validate_postcode("postcode", good[i][0], out, &e), 0);
		assert_string_equal(out, good[i][1]);
	}
	const char *bad[] = {"NG7", "12345", "NG7 2U", "ZZ", "NG7 2UHX", "N!7 2UH", "1G7 2UH", "NG7 UH2", ""};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		dy_err_clear(&e);
		assert_int_equal(validate_postcode("postcode", bad[i], out, &e), DY_EINVAL);
		assert_string_equal(e.field, "postcode");
	}
}

static void codes_list_the_choices(void **state)
{
	(void)state;
	struct dy_err e;
	assert_int_equal(validate_code("source", code_source, "midwife", &e), 0);
	dy_err_clear(&e);
	assert_int_equal(validate_code("source", code_source, "midwfe", &e), DY_EINVAL);
	assert_string_equal(e.field, "source");
	assert_non_null(strstr(e.msg, "is not one of midwife, health_visitor"));
	assert_null(strstr(e.msg, "midwfe")); /* the value typed is never repeated */
	assert_non_null(strstr(e.msg, "self or other"));
	dy_err_clear(&e);
	assert_int_equal(validate_code("attendance", code_attendance, "", &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "is required"));
	char label[40];
	code_label("did_not_attend", label, sizeof label);
	assert_string_equal(label, "did not attend");
}

static void dates_and_numbers(void **state)
{
	(void)state;
	struct dy_err e;
	int32_t d;
	int n;
	assert_int_equal(validate_date("received_on", "2026-02-28", &d, &e), 0);
	dy_err_clear(&e);
	assert_int_equal(validate_date("received_on", "2026-02-29", &d, &e), DY_EINVAL);
	assert_string_equal(e.field, "received_on");
	assert_int_equal(validate_date("received_on", "", &d, &e), DY_EINVAL);
	assert_int_equal(validate_date_opt("ended_on", "", &d, &e), 0);
	assert_int_equal(d, DATE_NONE);
	assert_int_equal(validate_int("imd_decile", "10", 1, 10, &n, &e), 0);
	assert_int_equal(validate_int("imd_decile", "11", 1, 10, &n, &e), DY_EINVAL);
	assert_int_equal(validate_int("imd_decile", "0", 1, 10, &n, &e), DY_EINVAL);
	assert_int_equal(validate_int("imd_decile", "5x", 1, 10, &n, &e), DY_EINVAL);
	int32_t today = tu_date("2026-06-01");
	assert_int_equal(validate_birth_date("date_of_birth", today, today, &e), 0);
	assert_int_equal(validate_birth_date("date_of_birth", today + 1, today, &e), DY_EINVAL);
	assert_int_equal(validate_edd("edd", today - 42, today, &e), 0);
	assert_int_equal(validate_edd("edd", today - 43, today, &e), DY_EINVAL);
	assert_int_equal(validate_edd("edd", today + 44 * 7, today, &e), 0);
	assert_int_equal(validate_edd("edd", today + 44 * 7 + 1, today, &e), DY_EINVAL);
	assert_int_equal(validate_name("given_name", "Ann-Marie O'Neil", &e), 0);
	assert_int_equal(validate_name("given_name", "", &e), DY_EINVAL);
	assert_int_equal(validate_name("given_name", "tab\there", &e), DY_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nhs_numbers_good_and_bad),
		cmocka_unit_test(postcodes_normalised_or_refused),
		cmocka_unit_test(codes_list_the_choices),
		cmocka_unit_test(dates_and_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
