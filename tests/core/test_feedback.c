/* The family feedback questionnaire: the file is checked at load (an
 * unknown key, a question without options, a repeated code refused with
 * its line); answers are checked against it; and the report's counts and
 * percentages on a hand-built set of response sets are exact. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "app/app_feedback.h"
#include "core/feedback.h"

static const char good[] = "[questionnaire]\nid = fb1\ntitle = Your views\n\n"
                           "[question relationship]\ntext = Did the service improve your relationship with your baby?\n"
                           "options = yes, partly, no\n"
                           "[question recommend]\ntext = Would you recommend us?\noptions = yes, no\n";

static void the_file_is_checked(void **state)
{
	(void)state;
	struct feedback_def d;
	struct dy_err e;
	assert_int_equal(feedback_parse(good, strlen(good), &d, &e), 0);
	assert_string_equal(d.id, "fb1");
	assert_int_equal(d.n, 2);
	assert_int_equal(d.q[0].n_options, 3);
	assert_string_equal(d.q[0].option[1], "partly");
	const char *bad = "[questionnaire]\nid = fb1\n[question a]\ntext = A?\ncolour = red\n";
	assert_int_equal(feedback_parse(bad, strlen(bad), &d, &e), DY_EINVAL);
	assert_string_equal(e.where, "line 5");
	assert_string_equal(e.field, "colour");
	bad = "[questionnaire]\nid = fb1\n[question a]\ntext = A?\n";
	assert_int_equal(feedback_parse(bad, strlen(bad), &d, &e), DY_EINVAL);
	assert_string_equal(e.field, "options");
	bad = "[questionnaire]\nid = fb1\n[question a]\ntext = A?\noptions = yes\n";
	assert_int_equal(feedback_parse(bad, strlen(bad), &d, &e), DY_EINVAL);
	assert_string_equal(e.field, "options");
	bad = "[questionnaire]\nid = fb1\n[question a]\ntext = A?\noptions = yes, no\n[question a]\n";
	assert_int_equal(feedback_parse(bad, strlen(bad), &d, &e), DY_EINVAL);
	assert_string_equal(e.where, "line 6");
	bad = "[question a]\ntext = A?\noptions = yes, no\n";
	assert_int_equal(feedback_parse(bad, strlen(bad), &d, &e), DY_EINVAL);
	assert_string_equal(e.field, "id");
}

static void answers_are_checked(void **state)
{
	(void)state;
	struct feedback_def d;
	struct dy_err e;
	char out[128];
	assert_int_equal(feedback_parse(good, strlen(good), &d, &e), 0);
	assert_int_equal(feedback_check_answers(&d, " partly ; ", out, sizeof out, &e), 0);
	assert_string_equal(out, "partly;");
	assert_int_equal(feedback_check_answers(&d, "yes", out, sizeof out, &e), DY_EINVAL);
	assert_int_equal(feedback_check_answers(&d, "yes;maybe", out, sizeof out, &e), DY_EINVAL);
	assert_int_equal(e.index, 2);
	assert_int_equal(feedback_check_answers(&d, ";", out, sizeof out, &e), DY_EINVAL);
}

/* 7 response sets: relationship answered by 6 (yes 4, partly 1, no 1; one
 * skipped), recommend by 7 (yes 6, no 1). */
static void counts_and_percentages_are_exact(void **state)
{
	(void)state;
	struct feedback_def d;
	struct dy_err e;
	assert_int_equal(feedback_parse(good, strlen(good), &d, &e), 0);
	static const char *const sets[] = {"yes;yes", "yes;yes", "partly;yes", "no;no", ";yes", "yes;yes", "yes;yes"};
	struct app_feedback_counts c;
	memset(&c, 0, sizeof c);
	for (int i = 0; i < 7; i++)
		app_feedback_tally(&d, sets[i], &c);
	assert_int_equal(c.respondents, 7);
	assert_int_equal(c.answered[0], 6);
	assert_int_equal(c.count[0][0], 4);
	assert_int_equal(c.count[0][1], 1);
	assert_int_equal(c.count[0][2], 1);
	assert_int_equal(c.answered[1], 7);
	assert_int_equal(c.count[1][0], 6);
	assert_int_equal(c.count[1][1], 1);
	/* The report's percentage: 100 * n / n_answered. */
	assert_true(100.0 * c.count[0][0] / c.answered[0] > 66.66 && 100.0 * c.count[0][0] / c.answered[0] < 66.67);
	assert_true(100.0 * c.count[1][0] / c.answered[1] > 85.71 && 100.0 * c.count[1][0] / c.answered[1] < 85.72);
}

static void the_shipped_questionnaire_passes(void **state)
{
	(void)state;
	struct feedback_def d;
	struct dy_err e;
	assert_int_equal(app_feedback_load(DYAD_SOURCE_DIR "/config/feedback.ini", &d, &e), 0);
	assert_string_equal(d.id, "family_feedback_v1");
	assert_int_equal(d.n, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_file_is_checked),
		cmocka_unit_test(answers_are_checked),
		cmocka_unit_test(counts_and_percentages_are_exact),
		cmocka_unit_test(the_shipped_questionnaire_passes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
