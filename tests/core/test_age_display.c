/* One corrected age for display and rules (issue 8, point 8): over every
 * birth date of a leap year, every gestation from 22 to 44 weeks and every
 * day of the first 750 days of life (6.3 million combinations), the words
 * shown (age_text) name exactly the corrected month the rules use
 * (age_compute: the ASQ:SE-2 form, the stage checks), a correction is shown
 * whenever one applies and never otherwise, and a premature baby under a
 * month old shows its correction too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/age.h"
#include "testutil.h"
#include "util/date.h"

/* The first whole number in s at or after `from`, or -1. */
static int number_after(const char *s, const char *from)
{
	const char *p = strstr(s, from);
	if (!p)
		return -1;
	p += strlen(from);
	if (*p < '0' || *p > '9')
		return -1;
	return (int)strtol(p, NULL, 10);
}

static void display_and_rule_agree_everywhere(void **state)
{
	(void)state;
	int32_t first = tu_date("2024-01-01");
	long checked = 0, corrected_shown = 0;
	for (int32_t dob = first; dob < first + 366; dob++)
		for (int g = 22; g <= 44; g++)
			for (int d = 0; d < 750; d++) {
				struct infant_age a;
				assert_int_equal(age_compute(dob, g, dob + d, &a, NULL), 0);
				char text[96];
				age_text(&a, text, sizeof text);
				int shown = strstr(text, "(corrected") != NULL;
				if (shown != a.corrected) {
					fprintf(stderr, "born %d, %d weeks, day %d: '%s' but corrected=%d\n", dob, g, d, text,
					        a.corrected);
					fail();
				}
				if (a.chronological_months < 24) {
					/* the leading number is the chronological age */
					int lead = (int)strtol(text, NULL, 10);
					int want = a.chronological_months ? a.chronological_months : a.chronological_days / 7;
					assert_int_equal(lead, want);
				}
				if (!a.corrected) {
					assert_int_equal(a.corrected_months, a.chronological_months);
					continue;
				}
				corrected_shown++;
				int m = number_after(text, "(corrected ");
				if (strstr(text, "week") && strstr(text, "(corrected") && !strstr(text, "month")) {
					/* under a month: the correction in weeks, never silent */
					assert_int_equal(a.corrected_months, 0);
				} else if (strstr(text, "before the due date")) {
					assert_true(a.corrected_days < 0);
					assert_int_equal(a.corrected_months, 0);
				} else if (strstr(text, "weeks)") || strstr(text, "week)")) {
					assert_int_equal(a.corrected_months, 0);
				} else if (m != a.corrected_months) {
					fprintf(stderr, "born %d, %d weeks, day %d: '%s' shows %d, rule uses %d\n", dob, g, d, text,
					        m, a.corrected_months);
					fail();
				}
				checked++;
			}
	assert_true(checked > 1000000);
	assert_true(corrected_shown > 1000000);
}

static void asq_convention_examples(void **state)
{
	(void)state;
	char t[96];
	struct infant_age a;
	/* 37 weeks is 3 weeks early against 40: corrected (ASQ: 3 or more weeks) */
	assert_int_equal(age_compute(tu_date("2024-01-15"), 37, tu_date("2024-07-15"), &a, NULL), 0);
	assert_int_equal(a.corrected, 1);
	assert_int_equal(a.correction_days, 21);
	assert_string_equal(age_text(&a, t, sizeof t), "6 months (corrected 5)");
	/* 38 weeks: 2 weeks early, not corrected */
	assert_int_equal(age_compute(tu_date("2024-01-15"), 38, tu_date("2024-07-15"), &a, NULL), 0);
	assert_int_equal(a.corrected, 0);
	assert_string_equal(age_text(&a, t, sizeof t), "6 months");
	/* under a month, premature: the correction is shown */
	assert_int_equal(age_compute(tu_date("2024-03-01"), 30, tu_date("2024-03-22"), &a, NULL), 0);
	assert_string_equal(age_text(&a, t, sizeof t), "3 weeks (corrected: 7 weeks before the due date)");
	assert_int_equal(age_compute(tu_date("2024-03-01"), 34, tu_date("2024-04-15"), &a, NULL), 0);
	assert_string_equal(age_text(&a, t, sizeof t), "1 month (corrected 0 weeks)");
	assert_int_equal(age_compute(tu_date("2024-03-01"), 34, tu_date("2024-04-29"), &a, NULL), 0);
	assert_string_equal(age_text(&a, t, sizeof t), "1 month (corrected 2 weeks)");
	/* from 24 months no correction */
	assert_int_equal(age_compute(tu_date("2022-05-10"), 30, tu_date("2024-08-10"), &a, NULL), 0);
	assert_string_equal(age_text(&a, t, sizeof t), "2 years 3 months");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(asq_convention_examples),
		cmocka_unit_test(display_and_rule_agree_everywhere),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
