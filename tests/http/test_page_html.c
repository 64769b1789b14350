/* The page frame and form pieces: a name holding markup renders as text
 * everywhere, fields keep what was typed and show their error beside them,
 * the error summary links to each field, dates and NHS numbers read as
 * people write them, and no page carries an inline style or script. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "http/page_html.h"
#include "testutil.h"
#include "util/date.h"

static void frame_escapes_and_has_no_inline_code(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1 << 20);
	struct dy_err e;
	struct page_frame f = {.title = "<script>alert(1)</script>", .team = "Team <b>", .user = "Ann \"O'Neil\"",
	                       .csrf = "tok", .casework = 1, .back_href = "/families", .back_text = "Find a family"};
	assert_int_equal(page_render(&b, &f, "<p>body</p>", &e), 0);
	const char *s = buf_cstr(&b);
	assert_non_null(strstr(s, "<title>&lt;script&gt;alert(1)&lt;/script&gt; - dyad</title>"));
	assert_non_null(strstr(s, "Team &lt;b&gt;"));
	assert_non_null(strstr(s, "Signed in as Ann &quot;O&#39;Neil&quot;"));
	assert_non_null(strstr(s, "<p>body</p>"));
	assert_non_null(strstr(s, "href=\"/families\""));
	assert_non_null(strstr(s, "Find a family</a>"));
	assert_non_null(strstr(s, "name=\"csrf\" value=\"tok\""));
	assert_non_null(strstr(s, ">New referral</a>"));
	assert_null(strstr(s, ">Users</a>"));
	assert_null(strstr(s, "style="));
	assert_null(strstr(s, "<style"));
	assert_null(strstr(s, "<script>"));
	assert_non_null(strstr(s, "<script src=\"/assets/"));
	/* Errors put "Error: " first in the title. */
	buf_reset(&b);
	f.errors = 2;
	assert_int_equal(page_render(&b, &f, "", &e), 0);
	assert_non_null(strstr(buf_cstr(&b), "<title>Error: "));
	buf_free(&b);
}

static void fields_keep_values_and_show_errors(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1 << 20);
	struct dy_err e;
	struct form_errors fe = {0};
	form_error(&fe, "cg_family", "Enter the last name");
	form_error(&fe, "dob", "The date of birth must be a real date");
	form_error(&fe, "cg_family", "second message for the same field is ignored");
	assert_int_equal(fe.n, 2);
	assert_int_equal(form_error_summary(&b, &fe, &e), 0);
	assert_non_null(strstr(buf_cstr(&b), "<a href=\"#cg_family\">Enter the last name</a>"));
	assert_non_null(strstr(buf_cstr(&b), "<a href=\"#dob\">"));
	buf_reset(&b);
	assert_int_equal(form_input(&b, &fe, "cg_family", "Last name", NULL, "<O'Brien>", "20", "text", NULL, &e), 0);
	const char *s = buf_cstr(&b);
	assert_non_null(strstr(s, "value=\"&lt;O&#39;Brien&gt;\""));
	assert_non_null(strstr(s, "nhsuk-form-group--error"));
	assert_non_null(strstr(s, "id=\"cg_family-error\""));
	assert_non_null(strstr(s, "aria-describedby=\"cg_family-error\""));
	buf_reset(&b);
	assert_int_equal(form_date(&b, &fe, "dob", "Date of birth", NULL, "31", "2", "2026", &e), 0);
	s = buf_cstr(&b);
	assert_non_null(strstr(s, "id=\"dob\" name=\"dob-day\""));
	assert_non_null(strstr(s, "value=\"31\""));
	assert_non_null(strstr(s, "value=\"2026\""));
	assert_non_null(strstr(s, "The date of birth must be a real date"));
	buf_reset(&b);
	struct form_option o[] = {{"a", "First", NULL}, {"b", "Second <b>", "A hint"}};
	assert_int_equal(form_radios(&b, NULL, "pick", "Pick one", NULL, o, 2, "b", 0, NULL, &e), 0);
	s = buf_cstr(&b);
	assert_non_null(strstr(s, "id=\"pick\" name=\"pick\" type=\"radio\" value=\"a\">"));
	assert_non_null(strstr(s, "id=\"pick-2\" name=\"pick\" type=\"radio\" value=\"b\" checked"));
	assert_non_null(strstr(s, "Second &lt;b&gt;"));
	buf_reset(&b);
	assert_int_equal(form_textarea(&b, NULL, "note", "Note", NULL, "</textarea><script>", 500, &e), 0);
	assert_non_null(strstr(buf_cstr(&b), "&lt;/textarea&gt;&lt;script&gt;</textarea>"));
	buf_free(&b);
}

static void dates_and_numbers_as_people_write_them(void **state)
{
	(void)state;
	char out[32];
	page_date(tu_date("2026-03-12"), out, sizeof out);
	assert_string_equal(out, "12 March 2026");
	page_date(DATE_NONE, out, sizeof out);
	assert_string_equal(out, "");
	page_nhs_number("4857773456", out, sizeof out);
	assert_string_equal(out, "485 777 3456");
	page_code("did_not_attend", 1, out, sizeof out);
	assert_string_equal(out, "Did not attend");
	struct form_errors fe = {0};
	int32_t d;
	assert_int_equal(form_date_parse("12", "3", "2026", 1, "x", "date", &d, &fe), 0);
	assert_int_equal(d, tu_date("2026-03-12"));
	assert_int_equal(form_date_parse("31", "2", "2026", 1, "x", "date", &d, &fe), DY_EINVAL);
	assert_string_equal(form_error_for(&fe, "x"), "The date must be a real date, like 12 3 2026");
	assert_int_equal(form_date_parse("", "", "", 0, "y", "date", &d, &fe), 0);
	assert_int_equal(d, DATE_NONE);
	assert_int_equal(form_date_parse("", "", "", 1, "z", "due date", &d, &fe), DY_EINVAL);
	assert_string_equal(form_error_for(&fe, "z"), "Enter the due date");
	char dd[8], mm[8], yy[8];
	form_date_split(tu_date("2026-03-02"), dd, mm, yy);
	assert_string_equal(dd, "2");
	assert_string_equal(mm, "3");
	assert_string_equal(yy, "2026");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(frame_escapes_and_has_no_inline_code),
		cmocka_unit_test(fields_keep_values_and_show_errors),
		cmocka_unit_test(dates_and_numbers_as_people_write_them),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
