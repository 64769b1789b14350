/* Risk flags raised at scoring (issue 8, points 2 and 3): a blank risk item
 * raises its own flag instead of vanishing into a prorated total; the PBQ
 * risk-of-abuse scale at its threshold and a PIR-GAS rating in the
 * documented-maltreatment range raise flags that ask for a safeguarding
 * review. Also: every definition states the infant stage it fits (point 5). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "measures_test.h"
#include "testutil.h"

/* The id of the k-th raised flag. */
static const char *flag(const struct score_result *r, int k)
{
	return r->in->risks[r->risks[k]].id;
}

static void core10_blank_item6_raises_ask_directly(void **state)
{
	(void)state;
	struct score_result r;
	/* item 6 blank: the total is prorated (9 of 10 answered) and looks
	 * normal, but the unasked risk question is flagged */
	assert_int_equal(mt_score("core10", "0;4;4;0;0;;0;0;0;0", &r), 0);
	assert_scale(&r, "total", 0);
	assert_int_equal(r.nrisks, 1);
	assert_string_equal(flag(&r, 0), "core10_item6_blank");
	assert_string_equal(r.in->risks[r.risks[0]].label, "CORE-10 item 6 (risk item) not answered: ask directly");
	/* another item blank: no flag */
	assert_int_equal(mt_score("core10", "0;4;4;0;0;0;0;;0;0", &r), 0);
	assert_int_equal(r.nrisks, 0);
}

static void epds_blank_item10_raises_its_flag(void **state)
{
	(void)state;
	struct score_result r;
	assert_int_equal(mt_score("epds", "0;0;0;0;0;0;0;0;0;", &r), 0);
	assert_int_equal(r.nrisks, 1);
	assert_string_equal(flag(&r, 0), "epds_item10_blank");
}

static void pbq_risk_of_abuse_at_threshold_flags_safeguarding(void **state)
{
	(void)state;
	struct score_result r;
	/* risk of abuse = items 18 + 24: 2 + 1 = 3, the threshold */
	char resp[128];
	snprintf(resp, sizeof resp, "0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;2;0;0;0;0;0;1;0");
	assert_int_equal(mt_score("pbq", resp, &r), 0);
	assert_scale(&r, "risk_abuse", 3);
	assert_int_equal(r.nrisks, 1);
	assert_string_equal(flag(&r, 0), "pbq_risk_abuse");
	assert_true(r.in->risks[r.risks[0]].safeguarding);
	assert_non_null(strstr(r.in->risks[r.risks[0]].label, "review safeguarding"));
	/* 2: below the threshold */
	snprintf(resp, sizeof resp, "0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;1;0;0;0;0;0;1;0");
	assert_int_equal(mt_score("pbq", resp, &r), 0);
	assert_int_equal(r.nrisks, 0);
}

static void pirgas_documented_maltreatment_flags_safeguarding(void **state)
{
	(void)state;
	struct score_result r;
	static const struct { const char *v; int flagged; } c[] = {{"1", 1}, {"10", 1}, {"11", 0}, {"45", 0}};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		assert_int_equal(mt_score("pirgas", c[i].v, &r), 0);
		assert_int_equal(r.nrisks, c[i].flagged);
		if (c[i].flagged) {
			assert_string_equal(flag(&r, 0), "pirgas_maltreatment");
			assert_true(r.in->risks[r.risks[0]].safeguarding);
		}
	}
}

static void every_definition_states_its_stage(void **state)
{
	(void)state;
	assert_int_equal(mt_get("maas")->stage, STAGE_ANTENATAL);
	assert_int_equal(mt_get("mpas")->stage, STAGE_POSTNATAL);
	assert_int_equal(mt_get("ppas")->stage, STAGE_POSTNATAL);
	assert_int_equal(mt_get("pbq")->stage, STAGE_POSTNATAL);
	assert_int_equal(mt_get("sdq")->stage, STAGE_POSTNATAL);
	assert_int_equal(mt_get("sdq")->stage_min_months, 24);
	assert_int_equal(mt_get("phq9")->stage, STAGE_ANY);
	struct instrument_set *set = mt_set();
	for (size_t i = 0; i < set->n; i++)
		assert_true(set->v[i]->stage_note[0] != '\0');
}

static void a_definition_without_stage_is_refused(void **state)
{
	(void)state;
	static const char def[] =
		"{\"schema\":1,\"id\":\"demo\",\"name\":\"Demo\",\"version\":\"1\",\"completed_by\":\"caregiver\","
		"\"subject\":\"caregiver\",\"licence\":\"test\",\"items\":{\"count\":2,\"min\":0,\"max\":3},"
		"\"scales\":[{\"id\":\"a\",\"name\":\"A\",\"items\":\"all\",\"direction\":\"higher_is_worse\"}]}";
	struct instrument *in;
	struct dy_err e;
	dy_err_clear(&e);
	assert_int_not_equal(instrument_parse(def, strlen(def), "demo.json", &in, &e), 0);
	assert_string_equal(e.field, "stage");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(core10_blank_item6_raises_ask_directly),
		cmocka_unit_test(epds_blank_item10_raises_its_flag),
		cmocka_unit_test(pbq_risk_of_abuse_at_threshold_flags_safeguarding),
		cmocka_unit_test(pirgas_documented_maltreatment_flags_safeguarding),
		cmocka_unit_test(every_definition_states_its_stage),
		cmocka_unit_test(a_definition_without_stage_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
