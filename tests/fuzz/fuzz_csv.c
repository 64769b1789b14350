/* Fuzz target: the CSV reader and the field rules an import applies to each
 * cell (NHS number, postcode, dates, ids). Random bytes must never crash,
 * leak or overrun. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/validate.h"
#include "util/csv.h"
#include "util/date.h"
#include "util/str.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	FILE *f = fmemopen((void *)data, size, "r");
	if (!f)
		return 0;
	struct csv_reader r;
	struct dy_err e;
	csv_reader_init(&r, f);
	r.unneutralise = data[0] & 1;
	int rc;
	struct buf out;
	buf_init(&out, 1 << 16);
	while ((rc = csv_read(&r, &e)) == 1) {
		for (int i = 0; i < r.nfields; i++) {
			const char *v = r.fields[i];
			char nhs[11], pc[9];
			int32_t d;
			int64_t id;
			validate_nhs_number("f", v, nhs, &e);
			validate_postcode("f", v, pc, &e);
			date_parse(v, &d);
			str_parse_i64(v, 1, (int64_t)1 << 53, &id);
			csv_put(&out, v, i == 0);
		}
		csv_end(&out);
		buf_reset(&out);
	}
	buf_free(&out);
	csv_reader_free(&r);
	fclose(f);
	return 0;
}
