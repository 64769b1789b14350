/* store_correction_record.h: SQL for correcting a referral, a contact or a
 * measure after entry and for marking a record entered in error (migration
 * 21; docs/corrections.md). The corrections themselves are kept by
 * store_correction.h. */
#ifndef DYAD_STORE_CORRECTION_RECORD_H
#define DYAD_STORE_CORRECTION_RECORD_H

#include <stdint.h>

#include "core/record.h"
#include "store/db.h"

/* The tables a record may be marked entered in error in. */
enum store_error_table {
	STORE_ERR_EPISODE,
	STORE_ERR_CONTACT,
	STORE_ERR_SAFEGUARDING,
	STORE_ERR_MEASURE,
	STORE_ERR_FAMILY
};

/* How many referrals of family_id are not marked entered in error. */
int store_family_live_referrals(db_t *db, int64_t family_id, int64_t *n, struct dy_err *e);

/* Writes a referral's received date, source, infant and caregiver (0:
 * none), and the date of its first
 * pathway event (into received); the clocks follow, by the migration's
 * triggers. */
int store_episode_correct(db_t *db, const struct episode *ep, struct dy_err *e);

/* Loads contact id without its links; DY_ENOTFOUND when absent. */
int store_contact_get(db_t *db, int64_t id, struct contact *c, struct dy_err *e);

/* Writes a contact's date, kind, intervention, location, attendance and
 * duration (its links: store_contact_links_replace). */
int store_contact_correct(db_t *db, const struct contact *c, struct dy_err *e);

/* Writes a measure's date, respondent and responses; DY_ECONFLICT when the
 * same measure is then recorded twice. */
int store_measure_correct(db_t *db, const struct measure *m, struct dy_err *e);

/* Writes a family's created_on. */
int store_family_correct(db_t *db, const struct family *f, struct dy_err *e);

/* Loads safeguarding period id (entered in error or not); DY_ENOTFOUND
 * when absent. */
int store_safeguarding_get(db_t *db, int64_t id, struct safeguarding *sg, struct dy_err *e);

/* Writes a safeguarding period's status and dates; DY_ECONFLICT when the
 * same infant, status and start are then recorded twice. */
int store_safeguarding_correct(db_t *db, const struct safeguarding *sg, struct dy_err *e);

/* How many current periods (no end, not entered in error) the infant has
 * besides period except_id. */
int store_safeguarding_current_others(db_t *db, int64_t infant_id, int64_t except_id, int64_t *n, struct dy_err *e);

/* 1 with *infant_id set when an infant has two or more current periods
 * not entered in error, else 0. */
int store_safeguarding_current_twice(db_t *db, int64_t *infant_id, struct dy_err *e);

/* How many contacts of the episode (not entered in error) and moves along
 * its pathway after the first lie before day. */
int store_episode_contacts_before(db_t *db, int64_t episode_id, int32_t day, int64_t *n, struct dy_err *e);

/* Marks record id of table entered in error for reason, by, at (a moment
 * "YYYY-MM-DDTHH:MM:SSZ"), or with reason NULL clears the mark. */
int store_record_error_set(db_t *db, enum store_error_table t, int64_t id, const char *reason, const char *by,
                           const char *at, struct dy_err *e);

/* 1 when record id of table is marked entered in error, 0 when not;
 * DY_ENOTFOUND when there is no such record. */
int store_record_error_get(db_t *db, enum store_error_table t, int64_t id, struct dy_err *e);

#endif
