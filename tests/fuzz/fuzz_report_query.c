/* fuzz_report_query: random bytes as the outside input of a report request
 * (CLI options and API query values): the quarter ("2026Q3") and the
 * format. Nothing may crash or read out of bounds; a quarter that parses
 * must be a real quarter: its first day the 1st of January, April, July or
 * October, its last the day before the next quarter, 90 to 92 days. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/render.h"
#include "report/report.h"
#include "util/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[64];
	size_t n = size < sizeof s - 1 ? size : sizeof s - 1;
	memcpy(s, data, n);
	s[n] = '\0';
	struct dy_err e;
	int32_t from, to;
	if (report_quarter_parse(s, &from, &to, &e) == 0) {
		int y, m, d;
		date_to_ymd(from, &y, &m, &d);
		if (d != 1 || (m - 1) % 3 != 0 || to - from < 89 || to - from > 91)
			abort();
		date_to_ymd(to + 1, &y, &m, &d);
		if (d != 1 || (m - 1) % 3 != 0)
			abort();
	} else if (!e.field[0]) {
		abort(); /* a refusal names the field */
	}
	enum rep_format f;
	if (rep_format_parse(s, &f, &e) == 0 && (int)f > REP_FMT_HTML)
		abort();
	return 0;
}
