/* Letter templates: every field is inserted HTML-escaped (a caregiver named
 * <script>alert(1)</script> prints as text), blocks show or hide on a
 * field's value, and a template with an unknown field, raw insertion, a bad
 * tag or an unclosed block is refused with its file, line and name; the
 * shipped templates in config/letters all pass the check. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/letter.h"
#include "util/file.h"

static int render(const char *t, const char *const *vals, struct buf *out, struct dy_err *e)
{
	buf_init(out, LETTER_HTML_MAX);
	return letter_render(out, t, strlen(t), vals, e);
}

static void a_name_holding_a_script_prints_as_text(void **state)
{
	(void)state;
	struct dy_err e;
	struct buf out;
	const char *vals[LETTER_FIELD_COUNT] = {0};
	vals[LF_CAREGIVER_NAME] = "<script>alert(1)</script> O'Brien & \"Co\" `x`";
	const char *t = "<p>Dear {{caregiver_name}}</p><a title=\"{{caregiver_name}}\">x</a>";
	assert_int_equal(letter_check(t, strlen(t), "t.html", &e), 0);
	assert_int_equal(render(t, vals, &out, &e), 0);
	assert_string_equal(buf_cstr(&out),
	                    "<p>Dear &lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; &quot;Co&quot; &#96;x&#96;</p>"
	                    "<a title=\"&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; &quot;Co&quot; "
	                    "&#96;x&#96;\">x</a>");
	assert_null(strstr(buf_cstr(&out), "<script"));
	buf_free(&out);
}

static void blocks_follow_the_value(void **state)
{
	(void)state;
	struct dy_err e;
	struct buf out;
	const char *vals[LETTER_FIELD_COUNT] = {0};
	vals[LF_INFANT_NAME] = "Bo";
	vals[LF_INFANT_EDD] = "";
	const char *t = "{{#infant_edd}}due {{infant_edd}}{{/infant_edd}}{{^infant_edd}}born{{/infant_edd}}:"
	                "{{#infant_name}}[{{infant_name}}{{#decision}}!{{/decision}}]{{/infant_name}}";
	assert_int_equal(render(t, vals, &out, &e), 0);
	assert_string_equal(buf_cstr(&out), "born:[Bo]");
	buf_free(&out);
	vals[LF_INFANT_EDD] = "1 May 2027";
	vals[LF_DECISION] = "accepted";
	assert_int_equal(render(t, vals, &out, &e), 0);
	assert_string_equal(buf_cstr(&out), "due 1 May 2027:[Bo!]");
	buf_free(&out);
}

static void bad_templates_are_refused_with_file_line_and_name(void **state)
{
	(void)state;
	struct dy_err e;
	const char *t = "<p>\n\n{{famly_name}}</p>";
	assert_int_equal(letter_check(t, strlen(t), "letters/ack.html", &e), DY_EINVAL);
	assert_string_equal(e.where, "letters/ack.html line 3");
	assert_string_equal(e.field, "famly_name");
	assert_non_null(strstr(e.msg, "is not a letter field"));
	t = "<p>{{{infant_name}}}</p>";
	assert_int_equal(letter_check(t, strlen(t), "a.html", &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "never raw"));
	t = "\n{{ infant_name }}";
	assert_int_equal(letter_check(t, strlen(t), "a.html", &e), DY_EINVAL);
	assert_string_equal(e.where, "a.html line 2");
	assert_string_equal(e.field, "template");
	t = "{{#infant_dob}}x";
	assert_int_equal(letter_check(t, strlen(t), "a.html", &e), DY_EINVAL);
	assert_string_equal(e.field, "infant_dob");
	t = "{{#infant_dob}}x{{/infant_edd}}";
	assert_int_equal(letter_check(t, strlen(t), "a.html", &e), DY_EINVAL);
	assert_string_equal(e.field, "infant_edd");
	t = "{{/infant_dob}}";
	assert_int_equal(letter_check(t, strlen(t), "a.html", &e), DY_EINVAL);
	t = "{{infant_dob";
	assert_int_equal(letter_check(t, strlen(t), "a.html", &e), DY_EINVAL);
	/* A lone brace and braces with a space between are text. */
	t = "a { b } {x} { {";
	assert_int_equal(letter_check(t, strlen(t), "a.html", &e), 0);
}

static void the_shipped_templates_pass(void **state)
{
	(void)state;
	static const char *const kinds[] = {"acknowledgement", "decision", "discharge"};
	for (int i = 0; i < 3; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/config/letters/%s.html", DYAD_SOURCE_DIR, kinds[i]);
		char *text;
		size_t len;
		struct dy_err e;
		assert_int_equal(file_read_all(path, LETTER_MAX_BYTES, &text, &len, &e), 0);
		assert_int_equal(letter_check(text, len, path, &e), 0);
		assert_non_null(strstr(text, "@page { size: A4"));
		free(text);
	}
}

static void codes(void **state)
{
	(void)state;
	struct dy_err e;
	enum letter_kind k;
	enum letter_to t;
	assert_int_equal(letter_kind_parse("discharge", "kind", &k, &e), 0);
	assert_int_equal(k, LETTER_DISCHARGE);
	assert_int_equal(letter_kind_parse("thanks", "kind", &k, &e), DY_EINVAL);
	assert_int_equal(letter_to_parse("health_visitor", "to", &t, &e), 0);
	assert_string_equal(letter_to_words(t), "the health visitor");
	assert_int_equal(letter_to_parse(NULL, "to", &t, &e), DY_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_name_holding_a_script_prints_as_text),
		cmocka_unit_test(blocks_follow_the_value),
		cmocka_unit_test(bad_templates_are_refused_with_file_line_and_name),
		cmocka_unit_test(the_shipped_templates_pass),
		cmocka_unit_test(codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
