/* Episode states: every legal and illegal move, and the details a move needs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/episode_state.h"
#include "testutil.h"
#include "util/date.h"

enum { R = EPISODE_RECEIVED, AA = EPISODE_AWAITING_ASSESSMENT, DE = EPISODE_DECLINED, SI = EPISODE_SIGNPOSTED,
       AS = EPISODE_ASSESSED, AI = EPISODE_AWAITING_INTERVENTION, II = EPISODE_IN_INTERVENTION,
       DI = EPISODE_DISCHARGED };

/* The whole table, written out by hand: legal[from][to]. */
static const int legal[EPISODE_STATE_COUNT][EPISODE_STATE_COUNT] = {
	/*        R  AA DE SI AS AI II DI */
	[R] = {0, 1, 1, 1, 0, 0, 0, 1},
	[AA] = {0, 0, 0, 0, 1, 0, 0, 1},
	[DE] = {0, 0, 0, 0, 0, 0, 0, 0},
	[SI] = {0, 0, 0, 0, 0, 0, 0, 0},
	[AS] = {0, 0, 0, 0, 0, 1, 1, 1},
	[AI] = {0, 0, 0, 0, 0, 0, 1, 1},
	[II] = {0, 0, 0, 0, 0, 0, 0, 1},
	[DI] = {0, 0, 0, 0, 0, 0, 0, 0},
};

/* A move with every detail filled in, so only the table can refuse it. */
static struct episode_transition full(int from, int to)
{
	struct episode_transition t = {
		.from = (enum episode_state)from,
		.to = (enum episode_state)to,
		.date = tu_date("2025-04-01"),
		.since = tu_date("2025-03-01"),
		.user = "duty.worker",
		.reason = "Concern is not about the parent-infant relationship",
		.service = "Perinatal mental health team",
		.discharge_reason = "disengaged",
	};
	return t;
}

static void every_pair_follows_the_table(void **state)
{
	(void)state;
	int n_legal = 0;
	for (int from = 0; from < EPISODE_STATE_COUNT; from++)
		for (int to = 0; to < EPISODE_STATE_COUNT; to++) {
			struct episode_transition t = full(from, to);
			struct dy_err e;
			dy_err_clear(&e);
			int rc = episode_state_check(&t, &e);
			assert_int_equal(episode_state_allowed(t.from, t.to), legal[from][to]);
			if (legal[from][to]) {
				n_legal++;
				assert_int_equal(rc, 0);
			} else {
				assert_int_equal(rc, DY_ECONFLICT);
				assert_string_equal(e.field, "to");
				assert_non_null(strstr(e.msg, "cannot move from "));
			}
		}
	assert_int_equal(n_legal, 12);
}

static void illegal_moves_say_why(void **state)
{
	(void)state;
	struct dy_err e;
	struct episode_transition t = full(DE, II);
	assert_int_equal(episode_state_check(&t, &e), DY_ECONFLICT);
	assert_string_equal(e.msg, "cannot move from declined to in intervention: a declined referral is closed; "
	                           "a new referral opens a new episode");
	t = full(SI, AA);
	episode_state_check(&t, &e);
	assert_string_equal(e.msg, "cannot move from signposted to awaiting assessment: a signposted referral is "
	                           "closed; a new referral opens a new episode");
	t = full(DI, R);
	episode_state_check(&t, &e);
	assert_non_null(strstr(e.msg, "a discharged episode is closed"));
	t = full(R, AS);
	episode_state_check(&t, &e);
	assert_string_equal(e.msg,
	                    "cannot move from received to assessed: the referral must be accepted (awaiting assessment) first");
	t = full(AA, AI);
	episode_state_check(&t, &e);
	assert_string_equal(e.msg, "cannot move from awaiting assessment to awaiting intervention: the family must be "
	                           "assessed first");
	t = full(II, AI);
	episode_state_check(&t, &e);
	assert_string_equal(e.msg, "cannot move from in intervention to awaiting intervention: an episode does not "
	                           "move backwards");
	t = full(AS, DE);
	episode_state_check(&t, &e);
	assert_string_equal(e.msg, "cannot move from assessed to declined: only a referral not yet triaged can be "
	                           "declined or signposted; discharge the episode instead");
	t = full(AS, AS);
	episode_state_check(&t, &e);
	assert_string_equal(e.msg, "cannot move from assessed to assessed: the episode is already in that state");
}

static void discharge_from_every_open_state(void **state)
{
	(void)state;
	for (int s = 0; s < EPISODE_STATE_COUNT; s++) {
		struct episode_transition t = full(s, DI);
		struct dy_err e;
		int open = episode_state_is_open((enum episode_state)s);
		assert_int_equal(open, s != DE && s != SI && s != DI);
		assert_int_equal(episode_state_check(&t, &e), open ? 0 : DY_ECONFLICT);
		if (open) {
			t.discharge_reason = NULL;
			assert_int_equal(episode_state_check(&t, &e), DY_EINVAL);
			assert_string_equal(e.field, "discharge_reason");
			t.discharge_reason = "went_away";
			assert_int_equal(episode_state_check(&t, &e), DY_EINVAL);
		}
	}
}

static void triage_outcomes_need_their_details(void **state)
{
	(void)state;
	struct dy_err e;
	struct episode_transition t = full(R, DE);
	t.reason = NULL;
	assert_int_equal(episode_state_check(&t, &e), DY_EINVAL);
	assert_string_equal(e.field, "reason");
	assert_string_equal(e.msg, "is required: say why the referral is declined");
	t.reason = "   ";
	assert_int_equal(episode_state_check(&t, &e), DY_EINVAL);
	t.reason = "Infant over the age limit";
	assert_int_equal(episode_state_check(&t, &e), 0);

	t = full(R, SI);
	t.service = "";
	assert_int_equal(episode_state_check(&t, &e), DY_EINVAL);
	assert_string_equal(e.field, "service");
	t.service = "Children's centre\x1b";
	assert_int_equal(episode_state_check(&t, &e), DY_EINVAL);
	t.service = "Local children's centre (Stay and Play)";
	assert_int_equal(episode_state_check(&t, &e), 0);

	/* Accepting needs no reason. */
	t = full(R, AA);
	t.reason = t.service = t.discharge_reason = NULL;
	assert_int_equal(episode_state_check(&t, &e), 0);
}

static void every_move_is_dated_and_signed(void **state)
{
	(void)state;
	struct dy_err e;
	struct episode_transition t = full(AA, AS);
	t.date = DATE_NONE;
	assert_int_equal(episode_state_check(&t, &e), DY_EINVAL);
	assert_string_equal(e.field, "date");
	t = full(AA, AS);
	t.date = t.since - 1;
	assert_int_equal(episode_state_check(&t, &e), DY_EINVAL);
	assert_string_equal(e.msg, "is before the episode became awaiting assessment");
	t.date = t.since; /* the same day is fine */
	assert_int_equal(episode_state_check(&t, &e), 0);
	t.since = DATE_NONE;
	assert_int_equal(episode_state_check(&t, &e), 0);
	t.user = "";
	assert_int_equal(episode_state_check(&t, &e), DY_EINVAL);
	assert_string_equal(e.field, "user");
	t = full(AA, AS);
	t.from = (enum episode_state)42;
	assert_int_equal(episode_state_check(&t, &e), DY_EINVAL);
	assert_string_equal(e.field, "from");
}

static void codes_labels_and_next_states(void **state)
{
	(void)state;
	struct dy_err e;
	for (int s = 0; s < EPISODE_STATE_COUNT; s++) {
		enum episode_state back;
		assert_int_equal(episode_state_parse(episode_state_code((enum episode_state)s), &back, &e), 0);
		assert_int_equal(back, s);
		assert_null(strchr(episode_state_label((enum episode_state)s), '_'));
	}
	assert_string_equal(episode_state_code(EPISODE_AWAITING_INTERVENTION), "awaiting_intervention");
	assert_string_equal(episode_state_label(EPISODE_AWAITING_INTERVENTION), "awaiting intervention");
	assert_string_equal(episode_state_code(EPISODE_STATE_COUNT), "");
	enum episode_state x;
	assert_int_equal(episode_state_parse("accepted", &x, &e), DY_EINVAL);
	assert_string_equal(e.field, "state");
	assert_int_equal(episode_state_parse(NULL, &x, &e), DY_EINVAL);

	enum episode_state next[EPISODE_STATE_COUNT];
	size_t n = episode_state_next(EPISODE_RECEIVED, next);
	assert_int_equal(n, 4);
	assert_int_equal(next[0], EPISODE_AWAITING_ASSESSMENT);
	assert_int_equal(next[1], EPISODE_DECLINED);
	assert_int_equal(next[2], EPISODE_SIGNPOSTED);
	assert_int_equal(next[3], EPISODE_DISCHARGED);
	assert_int_equal(episode_state_next(EPISODE_DISCHARGED, next), 0);
	assert_int_equal(episode_state_next(EPISODE_ASSESSED, next), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_pair_follows_the_table),
		cmocka_unit_test(illegal_moves_say_why),
		cmocka_unit_test(discharge_from_every_open_state),
		cmocka_unit_test(triage_outcomes_need_their_details),
		cmocka_unit_test(every_move_is_dated_and_signed),
		cmocka_unit_test(codes_labels_and_next_states),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
