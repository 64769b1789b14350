/* store_summary.h: read-only list views across tables: one row per family
 * for lists and caseloads. */
#ifndef DYAD_STORE_SUMMARY_H
#define DYAD_STORE_SUMMARY_H

#include "core/record.h"
#include "store/db.h"

struct family_summary {
	int64_t family_id;
	char caregiver_given[NAME_BYTES];  /* first caregiver */
	char caregiver_family[NAME_BYTES];
	char relationship[20];
	int64_t infant_id;                        /* first infant */
	char infant_given[NAME_BYTES];
	int32_t infant_dob;
	int32_t infant_edd;
	int infant_gestation;
	int64_t episode_id;                       /* newest referral, 0 if none */
	char decision[16];
	int32_t received_on;
	int32_t discharged_on;
	int32_t last_contact;                     /* newest contact of that referral */
	int32_t first_attended_assessment;
	char safeguarding[24];                    /* the first infant's current status, "" none */
	char state[24];                           /* the newest referral's state code */
	char key_worker[NAME_MAX_LEN + 1];        /* practitioner at most of its contacts, "" none */
};

typedef int (*store_summary_fn)(void *ctx, const struct family_summary *s);

/* What a family list is sorted by; every sort ends with the family id, so
 * the order is total and stable and a page can start after any row. */
enum list_sort {
	LIST_SORT_ID,           /* the family's number (when it was added) */
	LIST_SORT_NAME,         /* the first caregiver's family name, then given name (any case) */
	LIST_SORT_RECEIVED,     /* the newest referral's received date (none first) */
	LIST_SORT_LAST_CONTACT  /* the newest referral's last contact (none first) */
};

/* Which page of a list: the rows after a family (keyset: the page starts
 * after that family's place in the order, through its sort key and id,
 * never counting the rows before it); ascending or descending. */
struct list_page {
	int limit;        /* rows at most */
	int64_t after;    /* > 0: only rows after this family in the order */
	int newest_first; /* 1: descending (by id: newest first) */
	enum list_sort sort;
	const char *name; /* NULL or "": every family; else only those with a
	                     person whose given name, family name or both
	                     contain it (any case, for ASCII letters) */
};

/* The sort's code ("id", "name", "received", "last_contact"), and back:
 * -1 for a code that is none of them. */
const char *list_sort_code(enum list_sort s);
int list_sort_parse(const char *code);

/* Calls fn for families in pg's order, a page of them (pg says which).
 * With open_only, only families whose newest referral is accepted and not
 * discharged (the caseload). A family merged into another (a tombstone) is
 * never listed. */
int store_family_summaries(db_t *db, int open_only, const struct list_page *pg, store_summary_fn fn, void *ctx,
                           struct dy_err *e);

/* Sets *n to how many families store_family_summaries would list with
 * no limit (open_only as there). */
int store_family_count(db_t *db, int open_only, int64_t *n, struct dy_err *e);

/* Sets *empty to 1 when the database holds no family and no practitioner. */
int store_record_empty(db_t *db, int *empty, struct dy_err *e);

/* Counts families, people, referrals, open referrals and contacts. */
struct store_counts {
	int64_t families, people, referrals, open_referrals, contacts, measures;
};
int store_counts(db_t *db, struct store_counts *c, struct dy_err *e);

#endif
