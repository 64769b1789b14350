/* The INI-like line reader both configuration files share: what reaches the
 * caller (sections and pairs, trimmed, comments cut) and what is refused
 * before it does, each with its line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ini.h"

/* Each line seen, as "[name]" or "name=value", joined by '|'. */
struct seen {
	char out[512];
	int last_line;
};

static int record(void *ctx, struct ini_line *l)
{
	struct seen *s = ctx;
	size_t n = strlen(s->out);
	if (l->section)
		snprintf(s->out + n, sizeof s->out - n, "%s[%s]", n ? "|" : "", l->name);
	else
		snprintf(s->out + n, sizeof s->out - n, "%s%s=%s", n ? "|" : "", l->name, l->value);
	s->last_line = l->line;
	return 0;
}

static struct seen read_ok(const char *text)
{
	struct seen s = {{0}, 0};
	struct dy_err e;
	dy_err_clear(&e);
	int rc = ini_read(text, strlen(text), 4096, record, &s, &e);
	if (rc)
		fail_msg("refused '%s': %s %s: %s", text, e.where, e.field, e.msg);
	return s;
}

/* len 0: strlen(text). */
static struct dy_err read_fails(const char *text, size_t len, const char *where, const char *field)
{
	len = len ? len : strlen(text);
	struct seen s = {{0}, 0};
	struct dy_err e;
	dy_err_clear(&e);
	if (ini_read(text, len, 4096, record, &s, &e) != DY_EINVAL)
		fail_msg("accepted '%s'", text);
	assert_string_equal(e.where, where);
	assert_string_equal(e.field, field);
	return e;
}

static void hands_on_sections_and_pairs(void **state)
{
	(void)state;
	struct seen s = read_ok("\xEF\xBB\xBF# a comment\r\n[ team ]\r\n\n  key =  a value  # cut here\r\n"
	                        "code = C#minor\nempty =\n[programme p]\n");
	assert_string_equal(s.out, "[team]|key=a value|code=C#minor|empty=|[programme p]");
	assert_int_equal(s.last_line, 7);
	assert_string_equal(read_ok("").out, "");
	assert_string_equal(read_ok("\n# only a comment").out, "");
	assert_string_equal(read_ok("a = b").out, "a=b"); /* no final line end */
}

static void refuses_with_the_line(void **state)
{
	(void)state;
	read_fails("[team]\njust words\n", 0, "line 2", "");
	read_fails("[team\n", 0, "line 1", "section");
	read_fails("[team]\na = \x01\n", 0, "line 2", "");
	read_fails("[team]\na = b\rc\n", 0, "line 2", "");
	struct dy_err e = read_fails("a = Caf\xe9\n", 0, "line 1", "");
	assert_non_null(strstr(e.msg, "not valid UTF-8"));
	read_fails("a = \xe2\x80\xae" "evil\n", 0, "line 1", ""); /* right-to-left override */
	read_fails("[team]\na = b\0c\n", 14, "line 2", "");

	char *big = malloc(INI_MAX_LINE + 3);
	memset(big, 'x', INI_MAX_LINE + 2);
	big[0] = 'a', big[1] = '=';
	struct seen s = {{0}, 0};
	dy_err_clear(&e);
	assert_int_equal(ini_read(big, INI_MAX_LINE, 1 << 20, record, &s, &e), 0); /* at the limit */
	assert_int_equal(ini_read(big, INI_MAX_LINE + 1, 1 << 20, record, &s, &e), DY_EINVAL);
	assert_string_equal(e.where, "line 1");
	assert_int_equal(ini_read(big, INI_MAX_LINE + 1, INI_MAX_LINE, record, &s, &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "larger than"));
	free(big);
}

static int stop_at_second(void *ctx, struct ini_line *l)
{
	(void)ctx;
	return l->line == 2 ? 7 : 0;
}

static void the_callers_refusal_stops_the_reading(void **state)
{
	(void)state;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(ini_read("a = 1\nb = 2\nc\n", 14, 4096, stop_at_second, NULL, &e), 7);
	assert_int_equal(ini_valid_code("circle_of_security2", 32), 1);
	assert_int_equal(ini_valid_code("Circle", 32), 0);
	assert_int_equal(ini_valid_code("", 32), 0);
	assert_int_equal(ini_valid_code("abcd", 4), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hands_on_sections_and_pairs),
		cmocka_unit_test(refuses_with_the_line),
		cmocka_unit_test(the_callers_refusal_stops_the_reading),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
