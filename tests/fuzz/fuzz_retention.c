/* fuzz_retention: random bytes into the retention rules parser; when a file
 * parses, a fixed family is decided under its rules. Nothing may crash,
 * leak or read out of bounds; accepted rules must be consistent and give a
 * date no earlier than the child's birth. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/retention.h"
#include "util/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct retention_rules r;
	struct dy_err e;
	dy_err_clear(&e);
	if (retention_parse((const char *)data, size, &r, &e) != 0) {
		if (e.code != DY_EINVAL || !memchr(e.msg, '\0', sizeof e.msg))
			abort();
		return 0;
	}
	if (r.child_late_until_birthday < r.child_until_birthday || r.child_late_age >= r.child_until_birthday)
		abort();
	int32_t dob, ended, carer;
	date_from_ymd(2024, 2, 29, &dob);
	date_from_ymd(2041, 3, 1, &ended);
	date_from_ymd(1990, 1, 1, &carer);
	struct retention_person fam[] = {{0, carer, DATE_NONE}, {1, dob, DATE_NONE}};
	struct retention_care care = {0, ended};
	struct retention_result res;
	if (retention_decide(&r, fam, 2, &care, &res) != 0 || res.date == DATE_NONE || res.date <= dob)
		abort();
	char basis[320];
	if (!retention_rule_basis(&r, res.rule, basis, sizeof basis)[0])
		abort();
	return 0;
}
