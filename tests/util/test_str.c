/* Bounded string helpers: the list names joined as snprintf("%s %s") would. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "util/str.h"

/* str_full_name against snprintf for every buffer size up to past the end. */
static void full_name_is_snprintf(void **state)
{
	(void)state;
	const char *pairs[][2] = {{"Ada", "Lovelace"}, {"", "Okafor"}, {"Zoë", ""}, {"", ""}, {"李", "小龙"}};
	for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++)
		for (size_t n = 1; n <= 16; n++) {
			char want[16], got[16];
			memset(got, 'x', sizeof got);
			snprintf(want, n, "%s %s", pairs[p][0], pairs[p][1]);
			str_full_name(got, n, pairs[p][0], pairs[p][1]);
			assert_string_equal(got, want);
			if (n < sizeof got)
				assert_int_equal(got[n], 'x'); /* nothing past the buffer */
		}
	char untouched = 'x';
	str_full_name(&untouched, 0, "a", "b");
	assert_int_equal(untouched, 'x');
}

static void copy_truncates(void **state)
{
	(void)state;
	char b[4];
	str_copy(b, sizeof b, "abcdef");
	assert_string_equal(b, "abc");
	str_copy(b, sizeof b, NULL);
	assert_string_equal(b, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(full_name_is_snprintf),
		cmocka_unit_test(copy_truncates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
