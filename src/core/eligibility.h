/* eligibility.h: a team's referral criteria as configuration, and their
 * evaluation against the facts of one referral.
 *
 * The rules come from a small INI-like text file (docs/eligibility.md): a
 * [team] section and any number of [programme NAME] sections. Evaluation
 * returns a decision and every failed rule, each in plain English with the
 * numbers ("infant is 27 months at referral, past the day they reached 24
 * months; the team accepts infants up to that day"). A programme's rules are checked in addition to the team's: a
 * programme can narrow the team's criteria, never widen them. A failed rule
 * may be overridden by a practitioner only with a written reason.
 *
 * Pure logic: eligibility_parse takes a text buffer (app/app_files.h reads
 * the file). Messages never repeat a
 * person-identifiable value (a postcode district such as "NG9" or a sector
 * such as "NG7 2" may appear; a full postcode or a date of birth never). */
#ifndef DYAD_CORE_ELIGIBILITY_H
#define DYAD_CORE_ELIGIBILITY_H

#include <stddef.h>
#include <stdint.h>

#include "core/ini.h"
#include "util/err.h"
#include "util/limits.h"

#define ELIGIBILITY_MAX_BYTES LIMIT_RULES_BYTES /* largest rules file accepted */
#define ELIGIBILITY_MAX_LINE INI_MAX_LINE             /* longest line accepted */
#define ELIGIBILITY_MAX_AREAS 1000        /* areas per section */
#define ELIGIBILITY_MAX_PROGRAMMES 32
#define ELIGIBILITY_NAME_MAX 41           /* programme name, 1-40 of [a-z0-9_] */
#define ELIGIBILITY_LABEL_MAX 81          /* programme label, 1-80 bytes */
#define ELIGIBILITY_NO (-1)               /* the value `no`: not accepted / no rule */
#define ELIGIBILITY_UNSET (-2)            /* not set in this section */

/* One area served: a postcode district ("NG7") or a sector ("NG7 2"). */
struct eligibility_area {
	char district[5]; /* outward code, upper case, e.g. "NG7", "W1A" */
	int sector;       /* 0-9, or -1 for the whole district */
};

/* The rules of one section. In [team], an absent key takes its default; in a
 * programme section, an absent key (ELIGIBILITY_UNSET) adds no rule. */
struct eligibility_rules {
	int infant_age_limit_months; /* accepts infants up to the day they reach this age; ELIGIBILITY_NO: none after birth; team default 24 */
	int pregnancy_from_week;     /* accepts pregnancies from this completed week; ELIGIBILITY_NO: none; team default 0 */
	int caregiver_under_age;     /* caregiver must be under this age in years; ELIGIBILITY_NO: no rule (team default) */
	int first_time_parent;       /* 1 required, 0 not required (team default) */
	struct eligibility_area *areas; /* heap; n_areas == 0: every area is served */
	size_t n_areas;
};

struct eligibility_programme {
	char name[ELIGIBILITY_NAME_MAX];   /* code, e.g. "minding_the_baby" */
	char label[ELIGIBILITY_LABEL_MAX]; /* plain English, e.g. "Minding the Baby" */
	struct eligibility_rules rules;
};

/* A whole rules file. Owned by the caller; release with eligibility_config_free. */
struct eligibility_config {
	struct eligibility_rules team;
	struct eligibility_programme *programmes; /* heap */
	size_t n_programmes;
};

/* The rules, each with a storage code (see eligibility_rule_code). */
enum eligibility_rule {
	ELIGIBILITY_RULE_INFANT_AGE,        /* "infant_age" */
	ELIGIBILITY_RULE_PREGNANCY,         /* "pregnancy" */
	ELIGIBILITY_RULE_AREA,              /* "area" */
	ELIGIBILITY_RULE_CAREGIVER_AGE,     /* "caregiver_age" */
	ELIGIBILITY_RULE_FIRST_TIME_PARENT, /* "first_time_parent" */
	ELIGIBILITY_RULE_COUNT
};

/* A yes/no fact that may not be known. */
enum eligibility_answer { ELIGIBILITY_ANSWER_UNKNOWN = 0, ELIGIBILITY_ANSWER_YES, ELIGIBILITY_ANSWER_NO };

/* The facts of one referral. Dates are day numbers (util/date.h). */
struct eligibility_facts {
	int32_t received;      /* referral received date; required */
	int32_t infant_dob;    /* DATE_NONE for a pregnancy */
	int32_t edd;           /* estimated date of delivery; used when infant_dob is DATE_NONE */
	int32_t caregiver_dob; /* DATE_NONE when not recorded */
	enum eligibility_answer first_time_parent;
	const char *postcode;  /* any case and spacing; NULL or "" when not recorded */
	const char *programme; /* programme name, or NULL/"" for the team's rules only */
};

struct eligibility_reason {
	enum eligibility_rule rule;
	int unknown;    /* 1 when the rule failed because a fact is not recorded */
	char text[200]; /* plain English, with the numbers */
};

struct eligibility_result {
	int eligible;      /* 1 when no rule failed */
	size_t n_reasons;  /* failed rules, in enum order */
	struct eligibility_reason reasons[ELIGIBILITY_RULE_COUNT];
};

/* A practitioner's override of one failed rule. */
struct eligibility_override {
	const char *rule;   /* rule code, e.g. "infant_age" */
	const char *reason; /* why the rule is set aside; required */
};

/* Fills c with the team defaults (24 months, pregnancy from week 0, every
 * area, no caregiver rules) and no programmes. Free with eligibility_config_free. */
void eligibility_config_init(struct eligibility_config *c);

/* Frees what c holds (not c itself) and leaves it as after init. */
void eligibility_config_free(struct eligibility_config *c);

/* Parses a rules file held in text (len bytes, need not be NUL-terminated)
 * into *out (which the caller then frees with eligibility_config_free, also on
 * failure). Returns 0, or DY_EINVAL with e naming the key (field), the line
 * (where = "line N") and the reason. Unknown keys and sections are refused. */
int eligibility_parse(const char *text, size_t len, struct eligibility_config *out, struct dy_err *e);

/* The programme called name, or NULL. */
const struct eligibility_programme *eligibility_programme_find(const struct eligibility_config *c,
                                                               const char *name);

/* Evaluates the team's rules, and the named programme's when f->programme is
 * set, filling *out with the decision and every failed rule. Returns 0, or
 * DY_EINVAL (facts unusable: no received date, neither date of birth nor EDD,
 * a birth after the referral, a malformed postcode) or DY_ENOTFOUND (no such
 * programme), naming the field. A fact that is not recorded fails its rule
 * with unknown = 1, so that it is seen and either recorded or overridden. */
int eligibility_evaluate(const struct eligibility_config *c, const struct eligibility_facts *f,
                         struct eligibility_result *out, struct dy_err *e);

/* The storage code of a rule ("infant_age", ...), or "" when out of range. */
const char *eligibility_rule_code(enum eligibility_rule r);

/* An answer as stored and typed: "yes", "no", or "" when not known. */
const char *eligibility_answer_code(enum eligibility_answer a);

/* "yes", "no" or "" (not known) to its answer; returns 0, or -1 (leaving
 * *out alone) for any other text. */
int eligibility_answer_parse(const char *text, enum eligibility_answer *out);

/* A rule's code to its enum; returns 0 or DY_EINVAL (the message lists the codes). */
int eligibility_rule_parse(const char *code, enum eligibility_rule *out, struct dy_err *e);

/* Checks one override request against result r: the rule must be a known
 * code that failed in r, and the reason must be 1-500 bytes of text that is
 * not only blanks, with no control characters except line breaks and tabs.
 * Returns 0, DY_EINVAL (field "rule" or "reason") or DY_ECONFLICT (the rule
 * did not fail, so there is nothing to override). */
int eligibility_override_check(const struct eligibility_result *r, const struct eligibility_override *o,
                               struct dy_err *e);

/* Checks n overrides (each as eligibility_override_check; e->where names
 * "override N") and sets *eligible to 1 when every failed rule of r is
 * overridden, else 0. Returns 0 or the first override's error. */
int eligibility_decide(const struct eligibility_result *r, const struct eligibility_override *o, size_t n,
                       int *eligible, struct dy_err *e);

#endif
