/* Text rules: valid UTF-8 only, no hidden or text-direction characters,
 * names trimmed and in NFC, lengths in characters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/validate.h"
#include "util/text.h"

static int check(const char *s, int mode)
{
	struct dy_err e;
	dy_err_clear(&e);
	return text_check("f", s, mode, &e);
}

static void utf8_must_be_valid(void **state)
{
	(void)state;
	assert_int_equal(check("Zoë Łukasz 李 😀", TEXT_LINE), 0);
	assert_int_equal(check("\xff", TEXT_FREE), DY_EINVAL);
	assert_int_equal(check("a\x80", TEXT_FREE), DY_EINVAL);         /* lone continuation byte */
	assert_int_equal(check("\xc0\x80", TEXT_FREE), DY_EINVAL);      /* overlong NUL */
	assert_int_equal(check("\xed\xa0\x80", TEXT_FREE), DY_EINVAL);  /* a UTF-16 surrogate */
	assert_int_equal(check("ab\xc3", TEXT_FREE), DY_EINVAL);        /* cut short */
	assert_int_equal(check("\xef\xbf\xbd", TEXT_FREE), 0);          /* U+FFFD itself is text */
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_equal(text_check("given_name", "Al\xffice", TEXT_LINE, &e), DY_EINVAL);
	assert_string_equal(e.field, "given_name");
	assert_non_null(strstr(e.msg, "not valid UTF-8 text (at character 3)"));
	assert_null(strstr(e.msg, "Al"));
}

static void hidden_and_direction_characters_are_refused(void **state)
{
	(void)state;
	assert_int_equal(check("Al\xe2\x80\xaeice", TEXT_FREE), DY_EINVAL); /* U+202E right-to-left override */
	assert_int_equal(check("a\xe2\x81\xa6" "b", TEXT_FREE), DY_EINVAL);  /* U+2066 isolate */
	assert_int_equal(check("a\xe2\x80\x8b" "b", TEXT_LINE), DY_EINVAL);  /* U+200B zero width space */
	assert_int_equal(check("a\xef\xbb\xbf" "b", TEXT_LINE), DY_EINVAL);  /* U+FEFF */
	assert_int_equal(check("a\xc2\x85" "b", TEXT_FREE), DY_EINVAL);      /* C1 control */
	assert_int_equal(check("a\x1b" "b", TEXT_FREE), DY_EINVAL);
	assert_int_equal(check("line 1\nline 2\ttab", TEXT_FREE), 0);
	assert_int_equal(check("a\tb", TEXT_LINE), DY_EINVAL);
	struct dy_err e;
	assert_int_equal(text_check("f", "Al\xe2\x80\xaeice", TEXT_LINE, &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "U+202E at character 3"));
}

static void names_are_trimmed_and_nfc(void **state)
{
	(void)state;
	struct dy_err e;
	char s[401];
	strcpy(s, "  Zoe\xcc\x88 \xc2\xa0");                  /* Zoe + combining diaeresis, spaces, NBSP */
	assert_int_equal(text_name("n", s, sizeof s, 100, &e), 0);
	assert_string_equal(s, "Zo\xc3\xab");                 /* Zoë, one code point */
	strcpy(s, "A\xcc\x8a" "se");                          /* A + ring above */
	assert_int_equal(text_name("n", s, sizeof s, 100, &e), 0);
	assert_string_equal(s, "\xc3\x85" "se");
	strcpy(s, "   ");
	assert_int_equal(text_name("n", s, sizeof s, 100, &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "blank"));
	/* the same name typed either way is stored the same */
	char a[401] = "Jos\xc3\xa9", b[401] = "Jose\xcc\x81";
	assert_int_equal(validate_name_fix("given_name", a, sizeof a, &e), 0);
	assert_int_equal(validate_name_fix("given_name", b, sizeof b, &e), 0);
	assert_string_equal(a, b);
}

static void lengths_count_characters(void **state)
{
	(void)state;
	struct dy_err e;
	char s[401] = "";
	for (int i = 0; i < 100; i++)
		strcat(s, "\xc3\xa9"); /* é: 2 bytes each, 200 bytes in all */
	assert_int_equal(text_chars(s), 100);
	assert_int_equal(validate_name("given_name", s, &e), 0);
	assert_int_equal(validate_name_fix("given_name", s, sizeof s, &e), 0);
	strcat(s, "\xc3\xa9");
	assert_int_equal(validate_name_fix("given_name", s, sizeof s, &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "longer than 100 characters"));
	char t[401] = "";
	for (int i = 0; i < 51; i++)
		strcat(t, "e\xcc\x81"); /* 51 e + combining acute: 153 bytes, 51 characters after NFC */
	assert_int_equal(validate_name_fix("given_name", t, sizeof t, &e), 0);
	assert_int_equal(text_chars(t), 51);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_must_be_valid),
		cmocka_unit_test(hidden_and_direction_characters_are_refused),
		cmocka_unit_test(names_are_trimmed_and_nfc),
		cmocka_unit_test(lengths_count_characters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
