/* intervention.h: the team's intervention catalogue (docs/interventions.md).
 *
 * The catalogue is configuration, not code: an INI-like file with one
 * `[intervention CODE]` section per intervention the team offers (its name,
 * mode, planned sessions and span, completion rule, visit frequency,
 * eligibility notes, NICE reference). dyad ships config/interventions.ini
 * with the interventions DOMAIN.md names; a team copies it and adds its own.
 * The parser is pure (app/app_files.c reads the file) and refuses a bad file
 * whole, naming the line, the field and the reason. */
#ifndef DYAD_CORE_INTERVENTION_H
#define DYAD_CORE_INTERVENTION_H

#include <stddef.h>

#include "core/ini.h"
#include "util/err.h"

#define INTERVENTION_MAX_BYTES (64 * 1024) /* largest catalogue file accepted */
#define INTERVENTION_MAX_LINE INI_MAX_LINE        /* longest line accepted */
#define INTERVENTION_MAX 64                /* interventions in one catalogue */
#define INTERVENTION_CODE_MAX 41           /* code: 1-40 of [a-z0-9_] */
#define INTERVENTION_NAME_MAX 81           /* name: 1-80 bytes */
#define INTERVENTION_TEXT_MAX 241          /* eligibility notes, NICE reference, source: up to 240 bytes */

enum intervention_mode {
	INTERVENTION_INDIVIDUAL = 0, /* "individual": one caregiver */
	INTERVENTION_DYADIC,         /* "dyadic": caregiver and infant together */
	INTERVENTION_GROUP,          /* "group": a run of group sessions */
	INTERVENTION_HOME_VISITING,  /* "home_visiting": visits at home, often by a pair */
	INTERVENTION_MODE_COUNT
};

struct intervention_def {
	char code[INTERVENTION_CODE_MAX];   /* "circle_of_security" */
	char name[INTERVENTION_NAME_MAX];   /* "Circle of Security Parenting" */
	enum intervention_mode mode;
	int planned_sessions;               /* sessions a plan expects by default; 0: set per plan */
	int planned_span_weeks;             /* usual length in weeks; 0: not fixed */
	int completion_min_sessions;        /* sessions attended that count as completing; defaults to planned_sessions */
	int visit_every_days;               /* planned days between home visits; 0: no frequency */
	int ends_at_age_months;             /* planned to end when the child reaches this age; 0: by its span */
	int verified;                       /* 1: the figures are checked against the programme's source */
	char eligibility[INTERVENTION_TEXT_MAX]; /* notes for the clinician; "" when none */
	char nice[INTERVENTION_TEXT_MAX];        /* NICE reference, e.g. "NG26 1.4.11"; "" when none */
	char source[INTERVENTION_TEXT_MAX];      /* where the figures come from; "" when none */
	int line;                                /* line of its section header */
};

struct intervention_catalogue {
	struct intervention_def *defs; /* n entries, in file order */
	size_t n;
};

/* Parses a catalogue of len bytes (no terminator needed). On success *out
 * holds at least one intervention; on failure returns DY_EINVAL with e
 * naming the line ("line N" in e->where), the field and the reason, and
 * *out is empty. Free with intervention_catalogue_free either way. */
int intervention_parse(const char *text, size_t len, struct intervention_catalogue *out, struct dy_err *e);

/* Frees the entries and leaves c empty. */
void intervention_catalogue_free(struct intervention_catalogue *c);

/* The entry with this code, or NULL. */
const struct intervention_def *intervention_find(const struct intervention_catalogue *c, const char *code);

/* The mode's code ("group"), or "" for a value out of range. */
const char *intervention_mode_code(enum intervention_mode m);

/* 1 when attended sessions meet def's completion rule (at least
 * completion_min_sessions, or planned_sessions when that is 0); 0 otherwise,
 * and 0 when the intervention has no sessions to count. */
int intervention_completed(const struct intervention_def *def, int attended);

/* 1 when s has the form of an intervention code (1-40 of [a-z0-9_]). */
int intervention_code_valid(const char *s);

/* Checks a contact's intervention against the team's catalogue c
 * (core/intervention_contact.c): an `intervention` contact names one; the
 * code is an entry of c; it is recorded only on an `intervention` or
 * `group` contact; a `group` contact's intervention is a group programme.
 * DY_EINVAL naming "intervention" (or "kind") and the reason; 0 when
 * intervention is "" on a contact that needs none. */
int intervention_contact_check(const struct intervention_catalogue *c, const char *kind, const char *intervention,
                               struct dy_err *e);

#endif
