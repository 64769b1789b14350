/* The template engine: every inserted value is escaped, raw inserts need a
 * trusted fragment, blocks, and bad templates refused with their offset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "http/tmpl.h"

static const char *render(struct buf *b, const char *t, const struct tmpl_arg *args, int *rc)
{
	struct dy_err e;
	buf_reset(b);
	*rc = tmpl_render(b, t, args, &e);
	return buf_cstr(b);
}

static void a_script_name_renders_as_text(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 4096);
	struct dy_err e;
	assert_int_equal(TMPL(&b, &e, "<h1>{{name}}</h1>", TMPL_S("name", "<script>alert(1)</script>")), 0);
	assert_string_equal(buf_cstr(&b), "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>");
	assert_null(strstr(buf_cstr(&b), "<script"));
	buf_free(&b);
}

static void attribute_values_cannot_break_out(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 4096);
	struct dy_err e;
	assert_int_equal(TMPL(&b, &e, "<input value=\"{{v}}\"><input value='{{v}}'>",
	                      TMPL_S("v", "\" onfocus=\"x' `&")), 0);
	assert_string_equal(buf_cstr(&b), "<input value=\"&quot; onfocus=&quot;x&#39; &#96;&amp;\">"
	                                  "<input value='&quot; onfocus=&quot;x&#39; &#96;&amp;'>");
	buf_free(&b);
}

static void url_component_is_percent_encoded(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 4096);
	struct dy_err e;
	assert_int_equal(TMPL(&b, &e, "<a href=\"/families?q={{%q}}\">", TMPL_S("q", "O'Neil & \"co\"/é")), 0);
	assert_string_equal(buf_cstr(&b), "<a href=\"/families?q=O%27Neil%20%26%20%22co%22%2F%C3%A9\">");
	buf_free(&b);
}

static void raw_insert_only_for_trusted_fragments(void **state)
{
	(void)state;
	struct buf b, frag;
	buf_init(&b, 4096);
	buf_init(&frag, 4096);
	struct dy_err e;
	assert_int_equal(TMPL(&frag, &e, "<li>{{x}}</li>", TMPL_S("x", "a<b")), 0);
	assert_int_equal(TMPL(&b, &e, "<ul>{{{rows}}}</ul>", TMPL_HTML("rows", &frag)), 0);
	assert_string_equal(buf_cstr(&b), "<ul><li>a&lt;b</li></ul>");
	buf_reset(&b);
	assert_int_equal(TMPL(&b, &e, "<ul>{{{rows}}}</ul>", TMPL_S("rows", "<script>")), DY_EINVAL);
	assert_string_equal(e.field, "template");
	assert_null(strstr(buf_cstr(&b), "<script>"));
	buf_free(&frag);
	buf_free(&b);
}

static void blocks_show_on_value_or_its_absence(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 4096);
	int rc;
	const char *t = "{{#err}}<p>{{err}}</p>{{/err}}{{^err}}ok{{/err}}{{#a}}[{{#b}}B{{/b}}]{{/a}}";
	struct tmpl_arg with[] = {TMPL_S("err", "Enter a date"), TMPL_S("a", "1"), TMPL_S("b", ""), {0, 0, 0}};
	assert_string_equal(render(&b, t, with, &rc), "<p>Enter a date</p>[]");
	assert_int_equal(rc, 0);
	struct tmpl_arg without[] = {TMPL_S("err", ""), TMPL_S("a", ""), TMPL_S("b", "y"), {0, 0, 0}};
	assert_string_equal(render(&b, t, without, &rc), "ok");
	struct tmpl_arg nulls[] = {TMPL_S("err", NULL), TMPL_S("a", "x"), TMPL_S("b", "y"), {0, 0, 0}};
	assert_string_equal(render(&b, t, nulls, &rc), "ok[B]");
	buf_free(&b);
}

static void bad_templates_are_refused_whatever_the_data(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 4096);
	struct tmpl_arg args[] = {TMPL_S("a", ""), TMPL_S("b", "x"), {0, 0, 0}};
	const char *bad[] = {"{{nope}}", "{{a", "{{a}", "{{{b}}", "{{}}", "{{A}}", "{{#a}}x", "{{#a}}{{/b}}",
	                     "{{/a}}", "{{#a}}{{zz}}{{/a}}", "{{#a}}{{#b}}{{/a}}{{/b}}", "{{ a }}"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		int rc;
		render(&b, bad[i], args, &rc);
		assert_int_equal(rc, DY_EINVAL);
	}
	/* Text braces that are not tags pass through. */
	int rc;
	assert_string_equal(render(&b, "a { b } }} {x}", args, &rc), "a { b } }} {x}");
	assert_int_equal(rc, 0);
	buf_free(&b);
}

static void deep_nesting_is_refused_not_a_crash(void **state)
{
	(void)state;
	struct buf t, b;
	buf_init(&t, 1 << 16);
	buf_init(&b, 1 << 16);
	for (int i = 0; i < 40; i++)
		buf_puts(&t, "{{#a}}");
	for (int i = 0; i < 40; i++)
		buf_puts(&t, "{{/a}}");
	struct tmpl_arg args[] = {TMPL_S("a", "x"), {0, 0, 0}};
	int rc;
	render(&b, buf_cstr(&t), args, &rc);
	assert_int_equal(rc, DY_EINVAL);
	buf_free(&t);
	buf_free(&b);
}

static void output_past_its_cap_is_an_error(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 8);
	struct dy_err e;
	assert_int_equal(TMPL(&b, &e, "<p>{{v}}</p>", TMPL_S("v", "&&&&&&")), DY_EINVAL);
	assert_true(b.len <= 8);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_script_name_renders_as_text),
		cmocka_unit_test(attribute_values_cannot_break_out),
		cmocka_unit_test(url_component_is_percent_encoded),
		cmocka_unit_test(raw_insert_only_for_trusted_fragments),
		cmocka_unit_test(blocks_show_on_value_or_its_absence),
		cmocka_unit_test(bad_templates_are_refused_whatever_the_data),
		cmocka_unit_test(deep_nesting_is_refused_not_a_crash),
		cmocka_unit_test(output_past_its_cap_is_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
