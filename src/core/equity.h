/* equity.h: the groups of the equity report (docs/reports.md): deprivation
 * decile and quintile, ethnic group from the NHS ethnic category letter,
 * and caregiver relationship; and the counts kept per group. Pure
 * functions, no I/O. */
#ifndef DYAD_CORE_EQUITY_H
#define DYAD_CORE_EQUITY_H

#include <stdint.h>

#define EQUITY_DECILES 11   /* 1-10, then unknown */
#define EQUITY_QUINTILES 6  /* 1-5, then unknown */
#define EQUITY_ETHNIC 7     /* white, mixed, asian, black, other, not stated, not recorded */
#define EQUITY_RELATION 4   /* mothers, fathers, other carers, not recorded */

/* The figures of one group. */
struct equity_counts {
	int64_t referrals;  /* received in the period */
	int64_t decided;    /* decided in the period: accepted, declined or signposted */
	int64_t accepted;   /* of those, accepted */
	int64_t eligible;   /* accepted, discharged in the period, a measure given */
	int64_t complete;   /* of those, with a baseline and an end (at least one pair) */
	int64_t pairs;      /* pairs on an instrument's first scale with a reliable-change rule */
	int64_t reliable;   /* of those, reliable improvement */
};

/* The row index of decile d (1-10; anything else is unknown: index 10). */
int equity_decile_index(int d);

/* The quintile row of decile d: 1-2 -> 0 (quintile 1), ..., 9-10 -> 4; 5
 * unknown. */
int equity_quintile_index(int d);

/* The ethnic group row of an NHS ethnic category letter: A-C white 0, D-G
 * mixed 1, H-L asian 2, M-P black 3, R-S other 4, Z not stated 5; empty,
 * NULL or any other text not recorded 6. */
int equity_ethnic_index(const char *letter);

/* The relationship row: "mother" 0, "father" 1, any other relationship
 * 2 (other carers), empty or NULL 3 (not recorded). */
int equity_relation_index(const char *relationship);

/* The row names ("1".."10", "unknown"; "white", ...; "mothers", ...). */
extern const char *const equity_decile_name[EQUITY_DECILES];
extern const char *const equity_quintile_name[EQUITY_QUINTILES];
extern const char *const equity_ethnic_name[EQUITY_ETHNIC];
extern const char *const equity_relation_name[EQUITY_RELATION];

/* Adds every count of b to a. */
void equity_add(struct equity_counts *a, const struct equity_counts *b);

#endif
