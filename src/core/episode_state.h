/* episode_state.h: the states of an episode (one period of involvement with a
 * family, from referral to discharge) and the only legal moves between them.
 *
 *   received --accept--> awaiting_assessment --> assessed --> awaiting_intervention --> in_intervention
 *      |                                            \________________________________/^
 *      +--> declined (reason)      +--> signposted (named service)
 *   every open state --> discharged (discharge reason)
 *
 * Triage of a received referral has three outcomes: accepted (the episode
 * moves to awaiting_assessment), declined with a reason, or signposted to a
 * named service. declined, signposted and discharged are closed: nothing
 * leaves them; a new referral opens a new episode. Discharge is allowed from
 * every open state (a family may disengage or move away while waiting).
 * assessed may go straight to in_intervention when the work starts without a
 * separate wait. There are no backward moves. docs/waiting.md has the table. */
#ifndef DYAD_CORE_EPISODE_STATE_H
#define DYAD_CORE_EPISODE_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

enum episode_state {
	EPISODE_RECEIVED,              /* "received" */
	EPISODE_AWAITING_ASSESSMENT,   /* "awaiting_assessment": accepted at triage */
	EPISODE_DECLINED,              /* "declined" (closed) */
	EPISODE_SIGNPOSTED,            /* "signposted" (closed) */
	EPISODE_ASSESSED,              /* "assessed" */
	EPISODE_AWAITING_INTERVENTION, /* "awaiting_intervention" */
	EPISODE_IN_INTERVENTION,       /* "in_intervention" */
	EPISODE_DISCHARGED,            /* "discharged" (closed) */
	EPISODE_STATE_COUNT
};

/* The storage codes, in enum order, NULL-terminated (for validate_code). */
extern const char *const episode_state_codes[];

/* A requested move, stamped with its date and user. The strings are borrowed. */
struct episode_transition {
	enum episode_state from;
	enum episode_state to;
	int32_t date;                 /* the day of the move; required */
	int32_t since;                /* the day the episode entered `from`, or DATE_NONE */
	const char *user;             /* who made the move; required */
	const char *reason;           /* required for declined: why */
	const char *service;          /* required for signposted: the service named */
	const char *discharge_reason; /* required for discharged: a code_discharge_reason code */
	int reopen;                   /* 1: a discharged episode reopened to an open state (reason required) */
};

/* The storage code of s ("awaiting_assessment"), or "" when out of range. */
const char *episode_state_code(enum episode_state s);

/* The plain-English label of s ("awaiting assessment"), or "" when out of range. */
const char *episode_state_label(enum episode_state s);

/* A storage code to its state; returns 0 or DY_EINVAL (field "state", the
 * message lists the codes). */
int episode_state_parse(const char *code, enum episode_state *out, struct dy_err *e);

/* 1 for an open state (received .. in_intervention), 0 for a closed one. */
int episode_state_is_open(enum episode_state s);

/* 1 when the move from -> to is in the table, else 0 (ignores the details). */
int episode_state_allowed(enum episode_state from, enum episode_state to);

/* Writes the states reachable from `from` into out (in enum order) and
 * returns how many; for offering only legal choices on a form. */
size_t episode_state_next(enum episode_state from, enum episode_state out[EPISODE_STATE_COUNT]);

/* Checks a whole move: legal in the table, dated (not before `since`), by a
 * named user, with a reason for a decline, a named service for signposting
 * and a discharge reason code for a discharge. Returns 0, DY_ECONFLICT for a
 * move the table forbids ("cannot move from declined to in intervention: a
 * declined referral is closed"), or DY_EINVAL naming the missing field.
 * A move with `reopen` set is checked apart from the table: from discharged
 * back to an open state, with a reason (the window is the caller's rule). */
int episode_state_check(const struct episode_transition *t, struct dy_err *e);

/* The state an episode's recorded data give, by the rules of docs/waiting.md
 * ("States from the record"): a declined or signposted decision gives that
 * state; else a discharge gives discharged; else a pending decision gives
 * received; else (accepted) an attended intervention after the assessment
 * gives in_intervention, an attended assessment assessed, and otherwise
 * awaiting_assessment. decision is a code_decision code ("" counts as
 * pending); the flags are 1 when the thing happened. */
enum episode_state episode_state_from_record(const char *decision, int discharged, int assessed, int intervention);

/* Checks that state s agrees with a referral's decision and discharge:
 * declined and signposted need that decision; received needs pending;
 * awaiting_assessment to in_intervention need accepted and no discharge;
 * discharged needs a discharge date and an accepted or pending decision; and
 * a discharge date needs discharged (or a declined/signposted state).
 * Returns 0 or DY_EINVAL (field "state") saying what disagrees. */
int episode_state_matches_record(enum episode_state s, const char *decision, int discharged, struct dy_err *e);

#endif
