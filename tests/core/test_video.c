/* Video feedback cycles: a cycle needs a non-group intervention of the
 * catalogue, the family's helping question (one line) and a start within
 * the referral; a review needs a filming on or before it, a cycle has one
 * review, and a contact is linked once, of the cycle's referral and
 * intervention, and attended. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/video.h"
#include "util/date.h"

static const struct intervention_def vig = {.code = "video_interaction_guidance", .mode = INTERVENTION_DYADIC};
static const struct intervention_def group_prog = {.code = "circle_of_security", .mode = INTERVENTION_GROUP};

static void a_cycle_needs_its_question_and_dates(void **state)
{
	(void)state;
	struct dy_err e;
	const int32_t rec = 20000, today = 20100;
	assert_int_equal(video_check_cycle(&vig, "How can I help her settle?", 20010, rec, DATE_NONE, today, &e), 0);
	assert_int_equal(video_check_cycle(NULL, "q", 20010, rec, DATE_NONE, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "intervention");
	assert_int_equal(video_check_cycle(&group_prog, "q", 20010, rec, DATE_NONE, today, &e), DY_EINVAL);
	assert_non_null(strstr(e.msg, "group programme"));
	assert_int_equal(video_check_cycle(&vig, "", 20010, rec, DATE_NONE, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "question");
	assert_int_equal(video_check_cycle(&vig, "two\nlines", 20010, rec, DATE_NONE, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "question");
	char longq[VIDEO_QUESTION_MAX + 2];
	memset(longq, 'a', sizeof longq - 1);
	longq[sizeof longq - 1] = '\0';
	assert_int_equal(video_check_cycle(&vig, longq, 20010, rec, DATE_NONE, today, &e), DY_EINVAL);
	longq[VIDEO_QUESTION_MAX] = '\0'; /* exactly the limit */
	assert_int_equal(video_check_cycle(&vig, longq, 20010, rec, DATE_NONE, today, &e), 0);
	assert_int_equal(video_check_cycle(&vig, "q", rec - 1, rec, DATE_NONE, today, &e), DY_EINVAL);
	assert_string_equal(e.field, "date");
	assert_int_equal(video_check_cycle(&vig, "q", 20050, rec, 20040, today, &e), DY_EINVAL);
	assert_int_equal(video_check_cycle(&vig, "q", today + 1, rec, DATE_NONE, today, &e), DY_EINVAL);
	assert_int_equal(video_check_cycle(&vig, "q", today, rec, DATE_NONE, today, &e), 0);
}

static void links_follow_film_then_review(void **state)
{
	(void)state;
	struct dy_err e;
	struct video_link_facts f = {.same_referral = 1, .same_intervention = 1, .attended = 1, .contact_date = 20010,
	                             .started_on = 20005, .last_filming = DATE_NONE};
	/* no filming yet: a review is refused, a filming is fine */
	assert_int_equal(video_check_link(VIDEO_REVIEW, &f, &e), DY_EINVAL);
	assert_string_equal(e.field, "step");
	assert_int_equal(video_check_link(VIDEO_FILMING, &f, &e), 0);
	/* filmed on 20010: a review that day or later, not before */
	f.last_filming = 20010;
	assert_int_equal(video_check_link(VIDEO_REVIEW, &f, &e), 0);
	f.contact_date = 20009;
	assert_int_equal(video_check_link(VIDEO_REVIEW, &f, &e), DY_EINVAL);
	f.contact_date = 20020;
	f.has_review = 1;
	assert_int_equal(video_check_link(VIDEO_REVIEW, &f, &e), DY_ECONFLICT);
	assert_int_equal(video_check_link(VIDEO_FILMING, &f, &e), DY_EINVAL);
	f.has_review = 0;
	f.already_linked = 1;
	assert_int_equal(video_check_link(VIDEO_FILMING, &f, &e), DY_ECONFLICT);
	assert_string_equal(e.field, "contact");
	f.already_linked = 0;
	f.n_links = VIDEO_MAX_LINKS - 1; /* room for one more */
	assert_int_equal(video_check_link(VIDEO_FILMING, &f, &e), 0);
	f.n_links = VIDEO_MAX_LINKS;
	assert_int_equal(video_check_link(VIDEO_FILMING, &f, &e), DY_ECONFLICT);
	assert_string_equal(e.field, "step");
	f.n_links = 0;
	f.same_referral = 0;
	assert_int_equal(video_check_link(VIDEO_FILMING, &f, &e), DY_EINVAL);
	f.same_referral = 1;
	f.same_intervention = 0;
	assert_int_equal(video_check_link(VIDEO_FILMING, &f, &e), DY_EINVAL);
	f.same_intervention = 1;
	f.attended = 0;
	assert_int_equal(video_check_link(VIDEO_FILMING, &f, &e), DY_EINVAL);
	f.attended = 1;
	f.contact_date = 20004;
	assert_int_equal(video_check_link(VIDEO_FILMING, &f, &e), DY_EINVAL);
}

static void step_codes(void **state)
{
	(void)state;
	struct dy_err e;
	enum video_step s;
	assert_int_equal(video_step_parse("review", "step", &s, &e), 0);
	assert_int_equal(s, VIDEO_REVIEW);
	assert_string_equal(video_step_code(VIDEO_FILMING), "filming");
	assert_int_equal(video_step_parse("edit", "step", &s, &e), DY_EINVAL);
	assert_string_equal(e.field, "step");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_cycle_needs_its_question_and_dates),
		cmocka_unit_test(links_follow_film_then_review),
		cmocka_unit_test(step_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
