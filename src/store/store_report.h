/* store_report.h: the reads behind the outcome reports (docs/reports.md):
 * the baseline and end scores, and the safeguarding status and care status
 * of the infants, of the episodes discharged in a period. An episode counts
 * when it was accepted and its discharge date falls in [from, to].
 * Every read takes team: the set of teams whose families count, counted as
 * one population (store_teams.h; NULL or an empty set: every team of the
 * database; app/ decides which the user may see). */
#ifndef DYAD_STORE_STORE_REPORT_H
#define DYAD_STORE_STORE_REPORT_H

#include <stdint.h>

#include "store/db.h"
#include "store/store_teams.h"
#include "util/err.h"

/* One row of store_report_measures: a discharged referral, one of its
 * measures, and one present score of that measure when it is a baseline
 * or end administration. */
struct report_measure_row {
	int64_t episode_id;
	int64_t measure_id; /* 0: the referral has no measure (nothing below is set) */
	int64_t person_id, subject_caregiver_id, subject_infant_id;
	char instrument[32];
	int end;            /* 1 an end administration, else 0 */
	int paired;         /* 1 a baseline or end administration, else 0 */
	int32_t date;
	int position;       /* the scale's position in the definition; -1: no score on this row */
	double value;
	int clinical;       /* 1, 0, or -1 when not recorded */
};
typedef int (*store_report_measure_fn)(void *ctx, const struct report_measure_row *r);

/* Calls fn for every referral discharged in [from, to], by discharge date
 * and then id, each referral's rows together: once for each present score
 * of its baseline and end measures, once for each of its other measures
 * (and each baseline or end measure with no score present), and once with
 * measure_id 0 when it has no measure; measures entered in error are left
 * out. Within a referral the rows come in no set order. */
int store_report_measures(db_t *db, int32_t from, int32_t to, const struct store_teams *team,
                          store_report_measure_fn fn, void *ctx, struct dy_err *e);

/* One infant of a discharged episode with one safeguarding record of theirs
 * (status "" when they have none), and the care status recorded at
 * discharge ("" when none). */
struct report_sg_row {
	int64_t episode_id, infant_id;
	int32_t received, discharged;
	char care_status[32];
	char status[32];
	int32_t started, ended; /* ended DATE_NONE while in force */
};
typedef int (*store_report_sg_fn)(void *ctx, const struct report_sg_row *r);

/* Calls fn for every (infant, safeguarding record) of the episodes
 * discharged in [from, to], ordered by episode and infant: each infant a
 * referral covers (the first and any further one: twins), once. */
int store_report_safeguarding(db_t *db, int32_t from, int32_t to, const struct store_teams *team, store_report_sg_fn fn,
                              void *ctx, struct dy_err *e);

/* The counts of the activity report, each over [from, to] (the three of
 * contacts come from store_report_contacts, not store_report_counts): */
enum store_report_count {
	REPORT_REFERRALS_BY_SOURCE_MONTH, /* referrals received: key1 source, key2 month (YYYY-MM) */
	REPORT_DECISIONS,                 /* referrals decided: key1 decision */
	REPORT_CONTACTS_BY_KIND,          /* contacts: key1 kind, key2 attendance */
	REPORT_CONTACTS_BY_LOCATION,      /* contacts: key1 location, key2 attendance */
	REPORT_CONTACTS_BY_INTERVENTION,  /* contacts: key1 intervention ("" none), key2 attendance */
	REPORT_CASELOAD_BY_PRACTITIONER   /* episodes open on `to` (accepted, received by then, not
	                                   * discharged before it) with a contact of the practitioner
	                                   * by then: key1 practitioner id; key2 "" (counted in app/
	                                   * from store_report_caseload_pairs) */
};
typedef int (*store_report_count_fn)(void *ctx, const char *key1, const char *key2, int64_t n);

/* Calls fn for every group of count `which` (store_report_count), keys in
 * order. */
int store_report_counts(db_t *db, enum store_report_count which, int32_t from, int32_t to,
                        const struct store_teams *team, store_report_count_fn fn, void *ctx, struct dy_err *e);

/* For the caseload per practitioner: calls fn(ctx, episode, practitioner)
 * for every practitioner of every contact (not entered in error) on or
 * before day `to` of the episodes open on it (store_report_caseload), the
 * rows of one episode together and in episode order; a practitioner may
 * come more than once for an episode. */
typedef int (*store_report_pair_fn)(void *ctx, int64_t episode, int64_t practitioner);
int store_report_caseload_pairs(db_t *db, int32_t to, const struct store_teams *team, store_report_pair_fn fn,
                                void *ctx, struct dy_err *e);

/* Episodes open on day `to`: accepted, received on or before it, and not
 * discharged before it. */
int store_report_caseload(db_t *db, int32_t to, const struct store_teams *team, int64_t *n, struct dy_err *e);

/* The contacts of [from, to] (neither they nor their referral entered in
 * error): calls fn(ctx, kind, location, intervention ("" none),
 * attendance, n) once for each combination held, in no particular order. */
typedef int (*store_report_contact_fn)(void *ctx, const char *kind, const char *location, const char *intervention,
                                       const char *attendance, int64_t n);
int store_report_contacts(db_t *db, int32_t from, int32_t to, const struct store_teams *team,
                          store_report_contact_fn fn, void *ctx, struct dy_err *e);

/* One referral for the equity report: received in the period (received
 * 1), decided in it (decision accepted, declined or signposted; "" when
 * not decided in the period), or accepted and discharged in it
 * (discharged 1: eligible for the outcomes when it has a measure, which
 * app/ learns from store_report_measures, the read it makes anyway); and
 * its referred caregiver's relationship and ethnicity ("" when none) and
 * deprivation decile (the caregiver's, else the referral's infant's; 0
 * when neither is recorded). */
struct report_equity_row {
	int64_t episode_id;
	int received, discharged;
	char decision[16];
	char relationship[24];
	char ethnicity[4];
	int imd_decile;
};
typedef int (*store_report_equity_fn)(void *ctx, const struct report_equity_row *r);

/* Calls fn for every referral received, decided, or accepted and
 * discharged in [from, to], by id. */
int store_report_equity(db_t *db, int32_t from, int32_t to, const struct store_teams *team, store_report_equity_fn fn,
                        void *ctx, struct dy_err *e);

#endif
