/* retention.h: how long a family's record is kept (docs/retention.md).
 *
 * The rules default to the NHS Records Management Code of Practice 2021
 * (England), Appendix II: a child's record until the 25th birthday, or the
 * 26th when the child was 17 or older when care ended; a caregiver's record
 * (dyad treats it as a mental health / psychology record) 20 years after
 * care ended (unverified: read in a secondary summary of the Code, not in
 * its table; docs/retention.md). A family's record holds both, so the later date wins. A team
 * may set other numbers in a small INI-like file (retention_parse).
 *
 * Pure logic: no I/O, no dates of today. Messages never repeat a date of
 * birth or any other person-identifiable value. */
#ifndef DYAD_CORE_RETENTION_H
#define DYAD_CORE_RETENTION_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define RETENTION_MAX_BYTES (16 * 1024) /* largest rules file accepted */

/* The numbers of the rules. retention_rules_default gives the Code's. */
struct retention_rules {
	int child_until_birthday;      /* a child's record is kept until this birthday (25) */
	int child_late_age;            /* ...unless the child was this age or older when care ended (17) */
	int child_late_until_birthday; /* ...then until this birthday (26) */
	int caregiver_years;           /* a caregiver's record: years after care ended (20) */
};

/* The rule that decided a family's date. */
enum retention_rule {
	RETENTION_RULE_OPEN,      /* care is still open: kept, no date */
	RETENTION_RULE_UNKNOWN,   /* a child with neither date of birth nor EDD: kept, no date */
	RETENTION_RULE_CHILD,     /* "child": the child_until_birthday-th birthday */
	RETENTION_RULE_CHILD_LATE,/* "child_late": the child_late_until_birthday-th birthday */
	RETENTION_RULE_CAREGIVER, /* "caregiver": caregiver_years after care ended */
	RETENTION_RULE_COUNT
};

/* One person of the family, as the rules need them. */
struct retention_person {
	int child;     /* 1: an infant (born or unborn); 0: a caregiver */
	int32_t dob;   /* day number (util/date.h) or DATE_NONE */
	int32_t edd;   /* expected date of delivery or DATE_NONE; stands for the dob of an unborn child */
};

/* The family's care: whether any episode is still open, and the day the
 * last one ended (DATE_NONE when none ever ended). */
struct retention_care {
	int open;
	int32_t last_ended;
};

struct retention_result {
	int32_t date;             /* the first day the record is due for review; DATE_NONE when kept */
	enum retention_rule rule; /* the rule that gave the date (the later one when several apply) */
};

/* The Code's defaults (above). */
void retention_rules_default(struct retention_rules *r);

/* Decides the family's retention date from its n people and its care under
 * rules r: open care or a child with no date gives no date (kept);
 * otherwise each child gives its birthday rule and, when the family has a
 * caregiver, or no people at all, the caregiver rule applies from the day
 * care ended, and the latest date wins (ties: the child's rule). The record
 * is due on that date (kept on the day before). A 29 February birthday or
 * start falls on 1 March in a year without one. Always returns 0. */
int retention_decide(const struct retention_rules *r, const struct retention_person *people, size_t n,
                     const struct retention_care *care, struct retention_result *out);

/* 1 when the record is due for review on as_of (as_of >= the date). */
int retention_due(const struct retention_result *res, int32_t as_of);

/* The date d moved by years whole years (29 February to 1 March when the
 * target year has none). */
int32_t retention_add_years(int32_t d, int years);

/* The rule's code: "open", "unknown", "child", "child_late", "caregiver". */
const char *retention_rule_code(enum retention_rule rule);

/* Where the rule comes from, in plain English, with its number from r: the
 * Code's entry when r holds the default, else "local rule"; the text says
 * "unverified" where docs/retention.md could not check the entry against
 * the Code's own text. Writes into out (n bytes) and returns out. */
const char *retention_rule_basis(const struct retention_rules *r, enum retention_rule rule, char *out, size_t n);

/* Parses a rules file text[0..len): a [retention] section with any of the
 * keys child_until_birthday, child_late_age, child_late_until_birthday,
 * caregiver_years (whole numbers); absent keys keep the defaults. Refused
 * whole (DY_EINVAL naming the line, key and reason) on an unknown section or
 * key, a key set twice, a number out of range, or rules that contradict
 * each other (the late birthday before the plain one, the late age not
 * before the plain birthday). */
int retention_parse(const char *text, size_t len, struct retention_rules *out, struct dy_err *e);

#endif
