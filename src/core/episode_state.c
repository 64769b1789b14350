/* episode_state.c: the episode's transition table and the checks on a move. */
#include "core/episode_state.h"

#include <string.h>

#include "core/codes.h"
#include "util/date.h"
#include "util/str.h"
#include "util/limits.h"

#define TEXT_MAX LIMIT_FREE_TEXT /* longest decline reason or service name */

const char *const episode_state_codes[] = {"received",         "awaiting_assessment",   "declined",
                                           "signposted",       "assessed",              "awaiting_intervention",
                                           "in_intervention",  "discharged",            0};

static const char *const labels[] = {"received",        "awaiting assessment",   "declined",
                                     "signposted",      "assessed",              "awaiting intervention",
                                     "in intervention", "discharged"};

/* allowed[from] is a bit set of the states reachable from `from`. */
#define BIT(s) (1u << (s))
static const unsigned allowed[EPISODE_STATE_COUNT] = {
	[EPISODE_RECEIVED] = BIT(EPISODE_AWAITING_ASSESSMENT) | BIT(EPISODE_DECLINED) | BIT(EPISODE_SIGNPOSTED) |
	                     BIT(EPISODE_DISCHARGED),
	[EPISODE_AWAITING_ASSESSMENT] = BIT(EPISODE_ASSESSED) | BIT(EPISODE_DISCHARGED),
	[EPISODE_DECLINED] = 0,
	[EPISODE_SIGNPOSTED] = 0,
	[EPISODE_ASSESSED] = BIT(EPISODE_AWAITING_INTERVENTION) | BIT(EPISODE_IN_INTERVENTION) |
	                     BIT(EPISODE_DISCHARGED),
	[EPISODE_AWAITING_INTERVENTION] = BIT(EPISODE_IN_INTERVENTION) | BIT(EPISODE_DISCHARGED),
	[EPISODE_IN_INTERVENTION] = BIT(EPISODE_DISCHARGED),
	[EPISODE_DISCHARGED] = 0,
};

/* Position along the path, for "does not move backwards"; closed outcomes of
 * triage sit beside received. */
static const int order[EPISODE_STATE_COUNT] = {0, 1, 1, 1, 2, 3, 4, 5};

static int valid(enum episode_state s)
{
	return (unsigned)s < EPISODE_STATE_COUNT;
}

const char *episode_state_code(enum episode_state s)
{
	return valid(s) ? episode_state_codes[s] : "";
}

const char *episode_state_label(enum episode_state s)
{
	return valid(s) ? labels[s] : "";
}

int episode_state_parse(const char *code, enum episode_state *out, struct dy_err *e)
{
	int i = str_index(episode_state_codes, code);
	if (i < 0) {
		char all[200];
		str_join_list(episode_state_codes, all, sizeof all);
		return dy_fail(e, DY_EINVAL, "state", "must be one of %s", all);
	}
	*out = (enum episode_state)i;
	return 0;
}

int episode_state_is_open(enum episode_state s)
{
	return valid(s) && s != EPISODE_DECLINED && s != EPISODE_SIGNPOSTED && s != EPISODE_DISCHARGED;
}

int episode_state_allowed(enum episode_state from, enum episode_state to)
{
	return valid(from) && valid(to) && (allowed[from] & BIT(to)) != 0;
}

size_t episode_state_next(enum episode_state from, enum episode_state out[EPISODE_STATE_COUNT])
{
	size_t n = 0;
	for (int s = 0; s < EPISODE_STATE_COUNT; s++)
		if (episode_state_allowed(from, (enum episode_state)s))
			out[n++] = (enum episode_state)s;
	return n;
}

/* Why from -> to is not in the table, in plain English. */
static const char *why_not(enum episode_state from, enum episode_state to)
{
	if (from == EPISODE_DECLINED)
		return "a declined referral is closed; a new referral opens a new episode";
	if (from == EPISODE_SIGNPOSTED)
		return "a signposted referral is closed; a new referral opens a new episode";
	if (from == EPISODE_DISCHARGED)
		return "a discharged episode is closed; a new referral opens a new episode";
	if (from == to)
		return "the episode is already in that state";
	if (to == EPISODE_DECLINED || to == EPISODE_SIGNPOSTED)
		return "only a referral not yet triaged can be declined or signposted; discharge the episode instead";
	if (to == EPISODE_RECEIVED || order[to] < order[from])
		return "an episode does not move backwards";
	switch (to) {
	case EPISODE_ASSESSED: return "the referral must be accepted (awaiting assessment) first";
	case EPISODE_AWAITING_INTERVENTION:
	case EPISODE_IN_INTERVENTION: return "the family must be assessed first";
	default: return "that move is not on the referral pathway";
	}
}

static int text_field(const char *field, const char *s, const char *what, struct dy_err *e)
{
	int blank = 1;
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++, n++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\r' && *p != '\t') || *p == 0x7f)
			return dy_fail(e, DY_EINVAL, field, "contains a control character");
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			blank = 0;
	}
	if (blank)
		return dy_fail(e, DY_EINVAL, field, "is required: %s", what);
	if (n > TEXT_MAX)
		return dy_fail(e, DY_EINVAL, field, "is longer than %d characters", TEXT_MAX);
	return 0;
}

int episode_state_check(const struct episode_transition *t, struct dy_err *e)
{
	if (!valid(t->from))
		return dy_fail(e, DY_EINVAL, "from", "is not an episode state");
	if (!valid(t->to))
		return dy_fail(e, DY_EINVAL, "to", "is not an episode state");
	/* Reopening (issue 8 point 10): only a discharged episode, only back to
	 * an open state, always with the reason. */
	if (t->reopen) {
		if (t->from != EPISODE_DISCHARGED)
			return dy_fail(e, DY_ECONFLICT, "referral", "only a discharged episode can be reopened (it is %s)",
			               labels[t->from]);
		if (!episode_state_is_open(t->to))
			return dy_fail(e, DY_EINVAL, "to", "a reopened episode goes back to an open state, not %s",
			               labels[t->to]);
		if (t->date == DATE_NONE)
			return dy_fail(e, DY_EINVAL, "date", "is required: every move is dated");
		if (t->since != DATE_NONE && t->date < t->since)
			return dy_fail(e, DY_EINVAL, "date", "is before the episode was discharged");
		if (text_field("user", t->user, "every move names who made it", e))
			return DY_EINVAL;
		return text_field("reason", t->reason, "say why the episode is reopened", e);
	}
	if (!episode_state_allowed(t->from, t->to))
		return dy_fail(e, DY_ECONFLICT, "to", "cannot move from %s to %s: %s", labels[t->from], labels[t->to],
		               why_not(t->from, t->to));
	if (t->date == DATE_NONE)
		return dy_fail(e, DY_EINVAL, "date", "is required: every move is dated");
	if (t->since != DATE_NONE && t->date < t->since)
		return dy_fail(e, DY_EINVAL, "date", "is before the episode became %s", labels[t->from]);
	if (text_field("user", t->user, "every move names who made it", e))
		return DY_EINVAL;
	switch (t->to) {
	case EPISODE_DECLINED: return text_field("reason", t->reason, "say why the referral is declined", e);
	case EPISODE_SIGNPOSTED:
		return text_field("service", t->service, "name the service the family is signposted to", e);
	case EPISODE_DISCHARGED: {
		char all[200];
		if (str_index(code_discharge_reason, t->discharge_reason) >= 0)
			return 0;
		str_join_list(code_discharge_reason, all, sizeof all);
		return dy_fail(e, DY_EINVAL, "discharge_reason", "is required: one of %s", all);
	}
	default: return 0;
	}
}

enum episode_state episode_state_from_record(const char *decision, int discharged, int assessed, int intervention)
{
	const char *d = decision ? decision : "";
	if (strcmp(d, "declined") == 0)
		return EPISODE_DECLINED;
	if (strcmp(d, "signposted") == 0)
		return EPISODE_SIGNPOSTED;
	if (discharged)
		return EPISODE_DISCHARGED;
	if (strcmp(d, "accepted") != 0)
		return EPISODE_RECEIVED;
	if (assessed && intervention)
		return EPISODE_IN_INTERVENTION;
	return assessed ? EPISODE_ASSESSED : EPISODE_AWAITING_ASSESSMENT;
}

int episode_state_matches_record(enum episode_state s, const char *decision, int discharged, struct dy_err *e)
{
	const char *d = decision && *decision ? decision : "pending";
	if (!valid(s))
		return dy_fail(e, DY_EINVAL, "state", "is not an episode state");
	switch (s) {
	case EPISODE_DECLINED:
	case EPISODE_SIGNPOSTED:
		if (strcmp(d, episode_state_codes[s]) != 0)
			return dy_fail(e, DY_EINVAL, "state", "is %s but the decision is %s", labels[s], d);
		return 0;
	case EPISODE_RECEIVED:
		if (strcmp(d, "pending") != 0)
			return dy_fail(e, DY_EINVAL, "state", "is received (not yet triaged) but the decision is %s", d);
		break;
	case EPISODE_DISCHARGED:
		if (!discharged)
			return dy_fail(e, DY_EINVAL, "state", "is discharged but the referral has no discharge date");
		if (strcmp(d, "accepted") != 0 && strcmp(d, "pending") != 0)
			return dy_fail(e, DY_EINVAL, "state", "is discharged but the decision is %s", d);
		return 0;
	default:
		if (strcmp(d, "accepted") != 0)
			return dy_fail(e, DY_EINVAL, "state", "is %s but the decision is %s, not accepted", labels[s], d);
		break;
	}
	if (discharged)
		return dy_fail(e, DY_EINVAL, "state", "is %s but the referral has a discharge date", labels[s]);
	return 0;
}
