/* store_score.h: what scoring a measure produced, kept so reports need not
 * re-score: one row per scale (value, or null with its reason; band;
 * caseness) and the risk flags raised, each until a clinician acknowledges
 * it. Also the licensed material a service loads locally (item wording,
 * instrument tables), which lives only in the database and is never
 * exported. Callers (app/) hold the transaction. */
#ifndef DYAD_STORE_SCORE_H
#define DYAD_STORE_SCORE_H

#include "core/score.h"
#include "store/db.h"
#include "util/limits.h"

/* One stored scale score. */
struct stored_score {
	int64_t measure_id;
	int position;        /* the scale's index in the definition used */
	char scale[32];      /* scale id */
	int present;         /* 1 when value holds a score */
	double value;
	char reason[200];    /* why there is no score, or "" */
	char band[48];       /* band label, or "" */
	int clinical;        /* 1 clinical, 0 not, -1 no cut-off or no score */
};

#define RISK_ACTION_MAX LIMIT_FREE_TEXT /* longest action-taken text, in bytes */

/* One raised risk flag, with the measure it was raised on. */
struct stored_risk {
	int64_t measure_id;
	char risk[40];       /* the definition's risk id ("phq9_item9") */
	int item;            /* 1-based item; 0 for a flag on a scale */
	char acknowledged_by[64]; /* "" while unacknowledged */
	int32_t acknowledged_on;  /* DATE_NONE while unacknowledged */
	char action[RISK_ACTION_MAX + 1]; /* the action taken, "" when not recorded */
	char instrument[32]; /* the measure's instrument */
	int32_t measure_date;
	int64_t episode_id, family_id;
	char label[112];     /* filled by app/ from the definition (words for people); "" from store */
};

typedef int (*store_score_fn)(void *ctx, const struct stored_score *s);
typedef int (*store_risk_fn)(void *ctx, const struct stored_risk *r);

/* Stores r's scales for measure_id, replacing any earlier scores, and
 * brings its risk flags in line with r: a flag r still raises keeps its
 * acknowledgement, a new one is added unacknowledged, one r no longer
 * raises is removed. `fresh` (a measure just inserted) skips the
 * replacing. When r was refused (r->nerrors > 0) every scale is stored null
 * with `refused` (may be NULL) as its reason. */
int store_score_save(db_t *db, int64_t measure_id, const struct score_result *r, int fresh, const char *refused,
                     struct dy_err *e);

/* Bulk writing (import, demo): score rows of measures just inserted are
 * gathered and written SCORE_BATCH at a time in one statement. Rows are
 * written by store_score_batch_add when the batch fills and by
 * store_score_batch_flush, which the caller must call before committing
 * (and before reading scores back). Risk flags are written at once. */
#define SCORE_BATCH 32
struct score_batch_row {
	int64_t measure_id;
	int position;
	const char *scale;       /* the definition's scale id (outlives the batch) */
	int present;
	double value;
	const char *band;        /* the definition's label, or NULL */
	int clinical;
	const char *reason;      /* NULL unless !present; static or kept in reasons */
};
struct score_batch {
	int n;
	struct score_batch_row rows[SCORE_BATCH];
	char reasons[SCORE_BATCH][200];
};

/* Starts an empty batch. */
void store_score_batch_init(struct score_batch *b);

/* Adds r's scales for a freshly inserted measure and writes its risk
 * flags; flushes when the batch is full. r's instrument must outlive the
 * batch. */
int store_score_batch_add(db_t *db, struct score_batch *b, int64_t measure_id, const struct score_result *r,
                          struct dy_err *e);

/* Writes the rows still gathered. */
int store_score_batch_flush(db_t *db, struct score_batch *b, struct dy_err *e);

/* Calls fn for each stored scale of the measure, in order. */
int store_score_list(db_t *db, int64_t measure_id, store_score_fn fn, void *ctx, struct dy_err *e);

/* Calls fn for each risk flag of the measure (measure_id > 0) or of every
 * measure of the episode (episode_id > 0), by measure and risk. */
int store_risk_list(db_t *db, int64_t measure_id, int64_t episode_id, store_risk_fn fn, void *ctx,
                    struct dy_err *e);

/* Calls fn for each unacknowledged flag of the family (family_id > 0), or
 * of the team (family_id 0) raised on a measure dated on or before
 * `dated_by` (DATE_NONE: any date), oldest measure first. */
int store_risk_open(db_t *db, int64_t family_id, int32_t dated_by, store_risk_fn fn, void *ctx, struct dy_err *e);

/* As store_risk_open for each of the n families family_ids (ascending): by
 * family, then oldest measure first. */
int store_risk_open_many(db_t *db, const int64_t *family_ids, size_t n, store_risk_fn fn, void *ctx,
                         struct dy_err *e);

/* Acknowledges every unacknowledged flag of the measure (measure_id > 0)
 * or of every measure of the episode (episode_id > 0), by `by` on `on`
 * with the action taken; *count is how many. */
int store_risk_acknowledge(db_t *db, int64_t measure_id, int64_t episode_id, const char *by, int32_t on,
                           const char *action, int *count, struct dy_err *e);

/* Acknowledges one flag (import: keeps a recorded acknowledgement; action
 * may be "" when none was recorded). */
int store_risk_acknowledge_one(db_t *db, int64_t measure_id, const char *risk, const char *by, int32_t on,
                               const char *action,
                               struct dy_err *e);

/* --- licensed material kept locally --- */

typedef int (*store_text_fn)(void *ctx, const char *instrument, int item, const char *text);
typedef int (*store_table_fn)(void *ctx, const char *instrument, const char *name, const char *csv);

/* Replaces the stored wording of one item (item 1-based). */
int store_text_put(db_t *db, const char *instrument, int item, const char *text, struct dy_err *e);

/* Calls fn for every stored item wording, by instrument and item. */
int store_text_list(db_t *db, store_text_fn fn, void *ctx, struct dy_err *e);

/* Replaces the stored CSV of an instrument's table. */
int store_table_put(db_t *db, const char *instrument, const char *name, const char *csv, struct dy_err *e);

/* Calls fn for every stored table. */
int store_table_list(db_t *db, store_table_fn fn, void *ctx, struct dy_err *e);

#endif
