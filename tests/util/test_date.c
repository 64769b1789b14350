/* Civil dates: parsing, formatting, month arithmetic with month-end clamp. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "testutil.h"
#include "util/date.h"

static void parse_and_format_round_trip(void **state)
{
	(void)state;
	int32_t d;
	assert_int_equal(date_parse("1970-01-01", &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(date_parse("2024-02-29", &d), 0);
	char out[DATE_LEN];
	date_format(d, out);
	assert_string_equal(out, "2024-02-29");
	char longf[32];
	date_format_long(tu_date("2026-03-12"), longf, sizeof longf);
	assert_string_equal(longf, "12 March 2026");
}

static void parse_rejects_impossible_dates(void **state)
{
	(void)state;
	int32_t d;
	assert_int_not_equal(date_parse("2023-02-29", &d), 0);
	assert_int_not_equal(date_parse("2024-13-01", &d), 0);
	assert_int_not_equal(date_parse("2024-04-31", &d), 0);
	assert_int_not_equal(date_parse("24-04-01", &d), 0);
	assert_int_not_equal(date_parse("2024/04/01", &d), 0);
	assert_int_not_equal(date_parse("", &d), 0);
	assert_int_not_equal(date_parse("2024-04-0x", &d), 0);
	assert_int_not_equal(date_parse("2024-04-011", &d), 0);
}

static void add_months_clamps_to_month_end(void **state)
{
	(void)state;
	assert_int_equal(date_add_months(tu_date("2025-01-31"), 1), tu_date("2025-02-28"));
	assert_int_equal(date_add_months(tu_date("2024-01-31"), 1), tu_date("2024-02-29"));
	assert_int_equal(date_add_months(tu_date("2024-03-15"), 1), tu_date("2024-04-15"));
	assert_int_equal(date_add_months(tu_date("2024-12-10"), 1), tu_date("2025-01-10"));
	assert_int_equal(date_add_months(tu_date("2024-03-31"), -1), tu_date("2024-02-29"));
	assert_int_equal(date_add_months(tu_date("2024-02-29"), 24), tu_date("2026-02-28"));
}

static void months_between_counts_completed_months(void **state)
{
	(void)state;
	assert_int_equal(date_months_between(tu_date("2024-01-15"), tu_date("2024-02-14")), 0);
	assert_int_equal(date_months_between(tu_date("2024-01-15"), tu_date("2024-02-15")), 1);
	assert_int_equal(date_months_between(tu_date("2024-01-31"), tu_date("2024-02-29")), 1);
	assert_int_equal(date_months_between(tu_date("2022-05-10"), tu_date("2024-05-09")), 23);
	assert_int_equal(date_months_between(tu_date("2022-05-10"), tu_date("2024-05-10")), 24);
	assert_int_equal(date_months_between(tu_date("2024-05-10"), tu_date("2024-05-01")), 0);
}

static void every_day_round_trips(void **state)
{
	(void)state;
	for (int32_t d = tu_date("1900-01-01"); d < tu_date("2100-12-31"); d += 7) {
		int y, m, dd;
		int32_t back;
		date_to_ymd(d, &y, &m, &dd);
		assert_int_equal(date_from_ymd(y, m, dd, &back), 0);
		assert_int_equal(back, d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_and_format_round_trip),
		cmocka_unit_test(parse_rejects_impossible_dates),
		cmocka_unit_test(add_months_clamps_to_month_end),
		cmocka_unit_test(months_between_counts_completed_months),
		cmocka_unit_test(every_day_round_trips),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
