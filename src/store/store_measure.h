/* store_measure.h: administrations of outcome measures, stored with the
 * responses as given (item values separated by ';'), their subject (a
 * caregiver, an infant or the pair), the practitioner who rated a
 * clinician- or observer-rated measure, and the definition version the
 * stored scores (store_score.h) came from. */
#ifndef DYAD_STORE_MEASURE_H
#define DYAD_STORE_MEASURE_H

#include "core/record.h"
#include "store/db.h"

typedef int (*store_measure_fn)(void *ctx, const struct measure *m);

/* A measure with everything schema version 3 keeps about it. Absent ids
 * are 0, absent text "", age_months -1. */
struct measure_record {
	struct measure m;            /* person_id: who completed it (see schema.c) */
	char subject[12];            /* caregiver | infant | pair (read: from the ids); "" before scoring */
	int64_t subject_caregiver_id; /* 0 when the subject has no caregiver */
	int64_t subject_infant_id;    /* 0 when the subject has no infant */
	int64_t practitioner_id;     /* who rated it (clinician / observer measures) */
	char version[32];            /* definition version of the stored scores; "" unscored */
	int age_months;              /* corrected age used to pick an age interval, or -1 */
	/* Read only (lists and get): an acknowledgement of its risk flags. */
	char risk_acknowledged_by[64]; /* "" when none is acknowledged */
	int32_t risk_acknowledged_on;  /* DATE_NONE when none */
	char risk_action[501];         /* the action taken recorded with it, "" when none */
};

typedef int (*store_measure_record_fn)(void *ctx, const struct measure_record *r);

/* Inserts m; DY_ECONFLICT when the same episode, respondent, instrument,
 * timepoint and date exist already. The measure is stored unscored. */
int store_measure_insert(db_t *db, struct measure *m, struct dy_err *e);

/* Calls fn for each measure of the episode (episode_id > 0) or of all, by
 * episode, date and id. */
int store_measure_list(db_t *db, int64_t episode_id, store_measure_fn fn, void *ctx, struct dy_err *e);

/* Inserts r with its subject, practitioner, version and age (m.id 0: a new
 * id written back). DY_ECONFLICT when the same episode, instrument,
 * timepoint, date, respondent and subject exist already. */
int store_measure_record_insert(db_t *db, struct measure_record *r, struct dy_err *e);

/* Inserts r with the id it gives (r->m.id > 0) as db_run runs it: in a
 * bulk write without waiting, a conflict reported by a later call (so only
 * for a record the caller has checked cannot conflict). */
int store_measure_record_send(db_t *db, const struct measure_record *r, struct dy_err *e);

/* Sets *id to the largest measure id (0 when there is none): a new measure
 * inserted without an id takes one more (an import counts them itself). */
int store_measure_last_id(db_t *db, int64_t *id, struct dy_err *e);

/* Loads measure id; DY_ENOTFOUND if absent. */
int store_measure_record_get(db_t *db, int64_t id, struct measure_record *r, struct dy_err *e);

/* Calls fn for each measure of the episode (episode_id > 0) or of all, by
 * episode, date and id. */
int store_measure_record_list(db_t *db, int64_t episode_id, store_measure_record_fn fn, void *ctx,
                              struct dy_err *e);

/* Writes r's subject, subject people, version and age (after rescoring). */
int store_measure_record_update(db_t *db, const struct measure_record *r, struct dy_err *e);

/* Calls fn(ctx, id, instrument, version) for every measure, by id; version
 * is "" when unscored. For finding what to rescore without loading rows. */
typedef int (*store_measure_version_fn)(void *ctx, int64_t id, const char *instrument, const char *version);
int store_measure_versions(db_t *db, store_measure_version_fn fn, void *ctx, struct dy_err *e);

#endif
