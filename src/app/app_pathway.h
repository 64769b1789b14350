/* app_pathway.h: use cases of the referral pathway (issue 4): checking a
 * referral against the team's eligibility rules, triage (accept, decline,
 * signpost, with recorded overrides), moving an episode along its states,
 * its history, the waiting list and the waiting report.
 *
 * Every state change goes through episode_state_check and is stored as an
 * episode_event stamped with its date and the acting user, together with
 * the episode's new state, in the action's one transaction with one audit
 * entry. docs/waiting.md and docs/eligibility.md describe the rules. */
#ifndef DYAD_APP_PATHWAY_H
#define DYAD_APP_PATHWAY_H

#include <stddef.h>

#include "app/app.h"
#include "core/clock.h"
#include "core/eligibility.h"
#include "core/episode_state.h"
#include "core/record.h"
#include "core/waiting.h"
#include "store/store_pathway.h"
#include "util/arena.h"

#define APP_RULES_ENV "DYAD_RULES"           /* rules file when none is given */
#define APP_RULES_LOCAL "eligibility.ini"    /* then this file in the working directory */

/* Loads the eligibility rules into *c (initialised here; the caller frees
 * it with eligibility_config_free, also on failure): from path when given,
 * else from $DYAD_RULES when set, else from ./eligibility.ini when present,
 * else the built-in team defaults (docs/eligibility.md: infants up to 24
 * months, pregnancy from conception, every area, no programmes). Writes
 * where they came from into source (size n). Returns 0, DY_ENOTFOUND (file
 * unreadable) or DY_EINVAL (with the file, line and key). */
int app_rules_load(const char *path, struct eligibility_config *c, char *source, size_t n, struct dy_err *e);

/* The outcome of checking a referral. */
struct referral_check {
	int64_t episode_id;
	enum episode_state state;
	char programme[ELIGIBILITY_NAME_MAX]; /* the programme checked, "" for the team's rules only */
	struct eligibility_result result;
};

/* Evaluates referral id against the rules: the team's, and those of
 * `programme` (NULL: the programme stored on the referral; "": none). The
 * facts are the referral's as they stood when it was received: the infant's
 * date of birth (an infant born after the referral counts as the pregnancy,
 * with its EDD, or its date of birth when no EDD was recorded), the referred
 * caregiver's date of birth, the postcode of the caregiver (else of the
 * infant), and the first-time-parent answer. Read-only. Returns 0 (the
 * decision is in out->result), DY_ENOTFOUND, or DY_EINVAL (unusable facts). */
int app_referral_check(struct app *a, int64_t id, const struct eligibility_config *c, const char *programme,
                       struct referral_check *out, struct dy_err *e);

/* A triage decision. */
struct triage_request {
	int64_t episode_id;
	const char *decision;                       /* accepted, declined or signposted */
	const char *reason;                         /* declined: required; otherwise an optional note */
	const char *service;                        /* signposted: the service named; required */
	int32_t date;                               /* the day of the decision */
	const struct eligibility_override *overrides; /* accepted only */
	size_t n_overrides;
};

/* Triages a received referral. Accepting evaluates the rules (as
 * app_referral_check, with the stored programme) and is refused with
 * DY_ECONFLICT (field "override", naming the rules) unless every failed rule
 * has an override with a reason; the overrides are recorded with the user
 * and date. Declining needs a reason, signposting a service. Moves the state
 * (received -> awaiting_assessment | declined | signposted), sets the
 * referral's decision and decision date. *check (may be NULL) receives the
 * evaluation when accepting. Returns 0, DY_EINVAL, DY_ENOTFOUND or
 * DY_ECONFLICT (already triaged, not eligible). */
int app_referral_triage(struct app *a, const struct triage_request *t, const struct eligibility_config *c,
                        struct referral_check *check, struct dy_err *e);

/* Moves referral id to state `to` (a code) on `date`, with an optional
 * note. Only moves that need no other record: assessed, awaiting
 * intervention, in intervention. Triage outcomes (app_referral_triage) and
 * discharge (app_discharge) are refused with DY_ECONFLICT naming the right
 * action, after an illegal move is refused with episode_state_check's
 * message (DY_ECONFLICT). */
int app_referral_move(struct app *a, int64_t id, const char *to, int32_t date, const char *note, struct dy_err *e);

/* The referral's pathway fields (state and the date it began, programme,
 * first-time parent). */
int app_referral_pathway(struct app *a, int64_t id, struct pathway_referral *p, struct dy_err *e);

/* Sets the referral's programme ("" for none; 1-40 of [a-z0-9_]) and
 * first-time-parent answer. */
int app_referral_facts(struct app *a, int64_t id, const char *programme, enum eligibility_answer ftp,
                       struct dy_err *e);

/* The reopening window in days (issue 8 point 10): $DYAD_REOPEN_WINDOW_DAYS
 * (0-365), else 28. DY_EINVAL naming it when set to anything else. */
#define APP_REOPEN_ENV "DYAD_REOPEN_WINDOW_DAYS"
#define APP_REOPEN_DEFAULT_DAYS 28
int app_reopen_window(int *days, struct dy_err *e);

/* Reopens discharged referral id on `on` with reason (required text):
 * refused (DY_ECONFLICT) unless it is discharged and `on` is within
 * window_days of the discharge (then a new referral naming it as previous
 * is the way). The episode goes back to the state it was discharged from,
 * its discharge (date, reason, destination, care statuses) is undone and
 * the move is in its history with the reason, in one audited transaction.
 * Writes that state into *to. */
int app_referral_reopen(struct app *a, int64_t id, int32_t on, const char *reason, int window_days,
                        enum episode_state *to, struct dy_err *e);

/* Calls fn for each transition of referral id, oldest first. */
int app_referral_history(struct app *a, int64_t id, store_pathway_event_fn fn, void *ctx, struct dy_err *e);

/* Calls fn for each eligibility override recorded on referral id. */
int app_referral_overrides(struct app *a, int64_t id, store_pathway_override_fn fn, void *ctx, struct dy_err *e);

/* Checks a programme code: "" or 1-40 lower-case letters, digits, '_'. */
int app_programme_check(const char *programme, struct dy_err *e);

/* ---- Inside an action's transaction (for app_episode.c) ---------------- */

/* Records the opening of a new episode ep (already inserted): the received
 * event on its received date and, for a referral stored with a decision
 * (a CSV row), the triage and discharge events its data imply, and the
 * resulting state. */
int app_pathway_open(struct app *a, const struct episode *ep, struct dy_err *e);

/* Moves episode id from its current state to `to` on `date`, by a->actor:
 * checks the move with episode_state_check (since = the date of the last
 * event), writes the event and the new state. reason is the decline reason,
 * a discharge reason code or a note; service the signposted service. */
int app_pathway_move(struct app *a, int64_t id, enum episode_state to, int32_t date, const char *reason,
                     const char *service, struct dy_err *e);

/* After contact c is recorded: an attended assessment moves an episode
 * awaiting assessment to assessed; an attended intervention or group
 * session moves an assessed episode, or one awaiting intervention, to in
 * intervention. The move is dated the contact's date, or the day the
 * current state began when the contact is older. Nothing else moves (triage
 * and discharge are decisions). *moved is the new state, or -1 when none. */
int app_pathway_after_contact(struct app *a, const struct contact *c, int *moved, struct dy_err *e);

/* ---- Waiting ------------------------------------------------------------ */

struct waiting_row {
	struct waiting_entry w;
	int64_t family_id;
	int64_t infant_id;
	/* The three texts are never NULL; they are held by the list's `text`
	 * (a family's once, however many of its clocks wait). Safeguarding is
	 * cut at 119 bytes and risk at 199, as they always were. */
	const char *infant_name;  /* "Given Family" */
	const char *safeguarding; /* the family's infants' current statuses, codes joined by "; " ("" none) */
	int safeguarding_level;   /* the highest of them (code_safeguarding_level) */
	const char *risk;         /* open risk flags in words (app_alerts_risk_text), "" none */
	int32_t booked_on;        /* the earliest booked appointment on or after as_of that would stop
	                           * this clock (waiting_booking_stops), DATE_NONE none */
	char booked_kind[24];     /* its kind ("" none) */
};

/* How the waiting list is ordered (docs/waiting.md): most urgent first, or
 * families on a child protection plan, at the edge of care or looked after
 * first (each group most urgent first). */
enum waiting_order { WAITING_ORDER_URGENCY, WAITING_ORDER_SAFEGUARDING };

struct waiting_list {
	int32_t as_of;
	struct clock_targets targets;
	struct waiting_row *rows; /* heap, most urgent first */
	struct arena text;        /* the rows' names, safeguarding and risk texts */
	size_t n;
	size_t skipped;           /* episodes whose dates are inconsistent (not listed) */
};

/* Everyone waiting on either clock as at as_of, most urgent first
 * (waiting_sort); with breach_within >= 0 only those already breached or
 * breaching within that many days (waiting_filter_breach_within). t may be
 * NULL for the default targets. Free with app_waiting_list_free. */
int app_waiting_list(struct app *a, int32_t as_of, const struct clock_targets *t, int breach_within,
                     struct waiting_list *out, struct dy_err *e);

/* As app_waiting_list, in the given order. */
int app_waiting_list_ordered(struct app *a, int32_t as_of, const struct clock_targets *t, int breach_within,
                             enum waiting_order order, struct waiting_list *out, struct dy_err *e);
void app_waiting_list_free(struct waiting_list *l);

/* The waiting report over [from, to] (clocks computed as at `to`). t may be
 * NULL for the defaults. Free r with waiting_report_free, also on failure. */
int app_waiting_report(struct app *a, int32_t from, int32_t to, const struct clock_targets *t,
                       struct waiting_report *r, struct dy_err *e);

/* As app_waiting_report, for the families of the team with code team only
 * (NULL: every team; one not the user's is DY_ENOTFOUND "no such team"). */
int app_waiting_report_team(struct app *a, int32_t from, int32_t to, const char *team,
                            const struct clock_targets *t, struct waiting_report *r, struct dy_err *e);

#endif
