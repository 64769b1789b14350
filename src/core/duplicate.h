/* duplicate.h: whether two people are likely the same person recorded
 * twice, and why (issue 12; docs/merge.md). The reasons, strongest first:
 *   same_nhs_number            both NHS numbers given and equal;
 *   same_name_dob              the same folded name (name_key.h: case,
 *                              accents and punctuation ignored) and the
 *                              same date of birth;
 *   similar_name_postcode_dob  names one typing slip apart (or given and
 *                              family name swapped), the same postcode and
 *                              the same date of birth.
 * A person without a date of birth (an unborn infant) matches only by NHS
 * number. Pure. */
#ifndef DYAD_CORE_DUPLICATE_H
#define DYAD_CORE_DUPLICATE_H

#include <stddef.h>

#include "core/record.h"

enum duplicate_reason {
	DUPLICATE_NONE = 0,
	DUPLICATE_NHS_NUMBER,
	DUPLICATE_NAME_DOB,
	DUPLICATE_SIMILAR_NAME,
};

/* Room for a folded full name (duplicate_name_key), with its NUL. */
#define DUPLICATE_KEY_MAX (2 * NAME_BYTES + 2)

/* Writes p's folded full name (given name words, a space, family name
 * words, each word separated by one space) into out (DUPLICATE_KEY_MAX
 * bytes). */
void duplicate_name_key(const struct person *p, char *out);

/* The strongest reason a and b are likely one person, or DUPLICATE_NONE
 * (a person is never its own duplicate: equal ids give DUPLICATE_NONE). */
enum duplicate_reason duplicate_check(const struct person *a, const struct person *b);

/* A person's folded names, made once for many comparisons. */
struct duplicate_keys {
	char name[DUPLICATE_KEY_MAX];    /* duplicate_name_key */
	char swapped[DUPLICATE_KEY_MAX]; /* family name words, then given name words */
};

/* Fills k with p's folded names. */
void duplicate_keys(const struct person *p, struct duplicate_keys *k);

/* What the check reads of a person: for many people held at once. */
struct duplicate_subject {
	int64_t id;
	int32_t date_of_birth;     /* DATE_NONE when unknown */
	const char *nhs_number;    /* "" when none */
	const char *postcode;      /* normal form, "" when none */
	const char *name, *swapped; /* struct duplicate_keys' two keys */
};

/* duplicate_check for two subjects. */
enum duplicate_reason duplicate_check_subject(const struct duplicate_subject *a, const struct duplicate_subject *b);

/* duplicate_check with each person's keys already made (duplicate_keys). */
enum duplicate_reason duplicate_check_keyed(const struct person *a, const struct duplicate_keys *ka,
                                            const struct person *b, const struct duplicate_keys *kb);

/* The reason's code as shown and exported ("same_nhs_number", ...; "" for
 * DUPLICATE_NONE). */
const char *duplicate_reason_code(enum duplicate_reason r);

/* 1 when a merge treats a and b as one person: the same role and the same
 * NHS number, or the same folded name and date of birth; else 0. */
int duplicate_same_person(const struct person *a, const struct person *b);

#endif
