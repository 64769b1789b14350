/* fuzz_eligibility: random bytes into the eligibility rules parser; when a
 * file parses, one fixed referral is evaluated against the team's rules and
 * each programme's, and an override is checked. Nothing may crash, leak or
 * read out of bounds; a successful parse must give usable rules. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/eligibility.h"
#include "util/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void evaluate(const struct eligibility_config *c, const char *programme, int pregnant)
{
	int32_t received, dob, edd, carer;
	date_from_ymd(2025, 3, 1, &received);
	date_from_ymd(2024, 1, 31, &dob);
	date_from_ymd(2025, 5, 10, &edd);
	date_from_ymd(2002, 3, 1, &carer);
	struct eligibility_facts f = {
		.received = received,
		.infant_dob = pregnant ? DATE_NONE : dob,
		.edd = pregnant ? edd : DATE_NONE,
		.caregiver_dob = carer,
		.first_time_parent = ELIGIBILITY_ANSWER_UNKNOWN,
		.postcode = "NG7 2UH",
		.programme = programme,
	};
	struct eligibility_result r;
	struct dy_err e;
	if (eligibility_evaluate(c, &f, &r, &e) != 0)
		abort(); /* these facts are always usable */
	if (r.eligible != (r.n_reasons == 0) || r.n_reasons > ELIGIBILITY_RULE_COUNT)
		abort();
	for (size_t i = 0; i < r.n_reasons; i++) {
		if (!memchr(r.reasons[i].text, '\0', sizeof r.reasons[i].text) || !r.reasons[i].text[0])
			abort();
		struct eligibility_override o = {eligibility_rule_code(r.reasons[i].rule), "agreed at team meeting"};
		if (eligibility_override_check(&r, &o, &e) != 0)
			abort();
	}
	int eligible;
	(void)eligibility_decide(&r, NULL, 0, &eligible, &e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct eligibility_config c;
	struct dy_err e;
	dy_err_clear(&e);
	if (eligibility_parse((const char *)data, size, &c, &e) == 0) {
		for (int pregnant = 0; pregnant < 2; pregnant++) {
			evaluate(&c, NULL, pregnant);
			for (size_t i = 0; i < c.n_programmes; i++)
				evaluate(&c, c.programmes[i].name, pregnant);
		}
	} else if (e.code != DY_EINVAL || !memchr(e.msg, '\0', sizeof e.msg)) {
		abort();
	}
	eligibility_config_free(&c);
	return 0;
}
