/* CSV: RFC 4180 quoting, line numbers, errors, formula-injection guard. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "util/csv.h"

static FILE *mem(const char *s)
{
	return fmemopen((void *)s, strlen(s), "r");
}

static void reads_quoted_fields_and_line_numbers(void **state)
{
	(void)state;
	FILE *f = mem("a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\n\n\"multi\nline\",2,3\nlast,,");
	struct csv_reader r;
	struct dy_err e;
	csv_reader_init(&r, f);
	assert_int_equal(csv_read(&r, &e), 1);
	assert_int_equal(r.nfields, 3);
	assert_int_equal(r.line, 1);
	assert_int_equal(csv_read(&r, &e), 1);
	assert_int_equal(r.line, 2);
	assert_string_equal(r.fields[0], "x, y");
	assert_string_equal(r.fields[1], "he said \"hi\"");
	assert_string_equal(r.fields[2], "");
	assert_int_equal(csv_read(&r, &e), 1);
	assert_int_equal(r.line, 4);
	assert_string_equal(r.fields[0], "multi\nline");
	assert_int_equal(csv_read(&r, &e), 1);
	assert_int_equal(r.line, 6);
	assert_int_equal(r.nfields, 3);
	assert_string_equal(r.fields[2], "");
	assert_int_equal(csv_read(&r, &e), 0);
	csv_reader_free(&r);
	fclose(f);
}

static void rejects_broken_quoting_with_line(void **state)
{
	(void)state;
	const char *bad[] = {"ok\n\"open", "ok\n\"a\"b,c\n"};
	for (int i = 0; i < 2; i++) {
		FILE *f = mem(bad[i]);
		struct csv_reader r;
		struct dy_err e;
		dy_err_clear(&e);
		csv_reader_init(&r, f);
		assert_int_equal(csv_read(&r, &e), 1);
		assert_int_equal(csv_read(&r, &e), DY_EINVAL);
		assert_string_equal(e.where, "line 2");
		csv_reader_free(&r);
		fclose(f);
	}
}

static void writer_quotes_and_neutralises_formulas(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1024);
	csv_put(&b, "plain", 1);
	csv_put(&b, "=SUM(A1)", 0);
	csv_put(&b, "a,b", 0);
	csv_put(&b, "@x,\"q\"", 0);
	csv_put(&b, "-4", 0);
	csv_put(&b, "-2+3", 0);
	csv_end(&b);
	assert_string_equal(buf_cstr(&b), "plain,'=SUM(A1),\"a,b\",\"'@x,\"\"q\"\"\",-4,'-2+3\r\n");

	FILE *f = mem(buf_cstr(&b));
	struct csv_reader r;
	struct dy_err e;
	csv_reader_init(&r, f);
	r.unneutralise = 1;
	assert_int_equal(csv_read(&r, &e), 1);
	assert_string_equal(r.fields[1], "=SUM(A1)");
	assert_string_equal(r.fields[3], "@x,\"q\"");
	assert_string_equal(r.fields[4], "-4");
	assert_string_equal(r.fields[5], "-2+3");
	csv_reader_free(&r);
	fclose(f);
	buf_free(&b);
}

/* Every value, apostrophes and formula starts included, reads back as it
 * was written: '=SUM(1) typed by a user is not turned into =SUM(1). */
static void formula_guard_round_trips(void **state)
{
	(void)state;
	static const char *const vals[] = {"'=SUM(1)", "=SUM(1)", "'", "''", "'x", "''=1", "'-4", "-4", "'@a",
	                                   "@a", "+1", "'+1", "-", "'\t", "it's", "x'", ""};
	size_t nv = sizeof vals / sizeof vals[0];
	struct buf b;
	buf_init(&b, 4096);
	for (size_t i = 0; i < nv; i++)
		csv_put(&b, vals[i], i == 0);
	csv_end(&b);
	assert_non_null(strstr(buf_cstr(&b), "''=SUM(1),'=SUM(1),'','''"));
	FILE *f = mem(buf_cstr(&b));
	struct csv_reader r;
	struct dy_err e;
	csv_reader_init(&r, f);
	r.unneutralise = 1;
	assert_int_equal(csv_read(&r, &e), 1);
	assert_int_equal(r.nfields, (int)nv);
	for (size_t i = 0; i < nv; i++)
		assert_string_equal(r.fields[i], vals[i]);
	csv_reader_free(&r);
	fclose(f);
	buf_free(&b);
}

static void buffer_cap_is_enforced(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 8);
	assert_int_equal(buf_puts(&b, "12345678"), 0);
	assert_int_equal(buf_putc(&b, 'x'), DY_EINVAL);
	assert_string_equal(buf_cstr(&b), "12345678");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_quoted_fields_and_line_numbers),
		cmocka_unit_test(rejects_broken_quoting_with_line),
		cmocka_unit_test(writer_quotes_and_neutralises_formulas),
		cmocka_unit_test(formula_guard_round_trips),
		cmocka_unit_test(buffer_cap_is_enforced),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
