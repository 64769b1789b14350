/* store_measure.c: SQL for measures. */
#include "store/store_measure.h"

#include <string.h>

#include "util/str.h"

/* Binds m's columns to parameters 1 to 7 of an INSERT INTO measure (id,
 * episode_id, person_id, instrument, timepoint, date, responses, ...). */
static void bind_measure(db_stmt_t *s, const struct measure *m)
{
	db_bind_id(s, 1, m->id);
	db_bind_int(s, 2, m->episode_id);
	db_bind_int(s, 3, m->person_id);
	db_bind_text(s, 4, m->instrument);
	db_bind_text(s, 5, m->timepoint);
	db_bind_date(s, 6, m->date);
	db_bind_text(s, 7, m->responses);
}

int store_measure_insert(db_t *db, struct measure *m, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO measure (id, episode_id, person_id, instrument, timepoint, date,"
	                              " responses) VALUES (?,?,?,?,?,?,?) RETURNING id", e);
	if (!s)
		return DY_ESTORE;
	bind_measure(s, m);
	int rc = db_run_insert(s, &m->id, e);
	return rc;
}

int store_measure_list(db_t *db, int64_t episode_id, store_measure_fn fn, void *ctx, struct dy_err *e)
{
#define MEASURE_SELECT "SELECT id, episode_id, person_id, instrument, timepoint, date, responses FROM measure"
	db_stmt_t *s = db_prepare_scoped(db, MEASURE_SELECT " WHERE episode_id = ? AND error_at IS NULL"
	                                       " ORDER BY episode_id, date, id",
	                                   MEASURE_SELECT " ORDER BY episode_id, date, id", episode_id, e);
#undef MEASURE_SELECT
	if (!s)
		return DY_ESTORE;
	int rc;
	struct measure m;
	while ((rc = db_step(s, e)) == DB_ROW) {
		m.id = db_col_int(s, 0);
		m.episode_id = db_col_int(s, 1);
		m.person_id = db_col_int(s, 2);
		db_col_copy(s, 3, m.instrument, sizeof m.instrument);
		db_col_copy(s, 4, m.timepoint, sizeof m.timepoint);
		m.date = db_col_date(s, 5);
		db_col_copy(s, 6, m.responses, sizeof m.responses);
		if ((rc = fn(ctx, &m)))
			return rc;
	}
	return rc;
}

int store_measure_last_id(db_t *db, int64_t *id, struct dy_err *e)
{
	return db_query_int(db, "SELECT MAX(id) FROM measure", id, e);
}

/* The insert of a measure record, its values bound. */
static db_stmt_t *record_insert(db_t *db, const struct measure_record *r, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO measure (id, episode_id, person_id, instrument, timepoint, date,"
	                              " responses, subject_caregiver_id, subject_infant_id, practitioner_id,"
	                              " version, age_months) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id", e);
	if (!s)
		return NULL;
	bind_measure(s, &r->m);
	db_bind_int(s, 8, r->subject_caregiver_id);
	db_bind_int(s, 9, r->subject_infant_id);
	db_bind_id(s, 10, r->practitioner_id);
	db_bind_text_opt(s, 11, r->version);
	if (r->age_months >= 0)
		db_bind_int(s, 12, r->age_months);
	return s;
}

int store_measure_record_insert(db_t *db, struct measure_record *r, struct dy_err *e)
{
	db_stmt_t *s = record_insert(db, r, e);
	return s ? db_run_id(s, &r->m.id, e) : DY_ESTORE;
}

int store_measure_record_send(db_t *db, const struct measure_record *r, struct dy_err *e)
{
	if (r->m.id <= 0)
		return dy_fail(e, DY_EINTERNAL, "id", "a measure sent without its id");
	db_stmt_t *s = record_insert(db, r, e);
	return s ? db_run(s, e) : DY_ESTORE;
}

#define RECORD_SELECT                                                                                         \
	"SELECT id, episode_id, person_id, instrument, timepoint, date, responses, subject_caregiver_id,"          \
	" subject_infant_id, practitioner_id, version, age_months,"                                               \
	" (SELECT acknowledged_by FROM measure_risk r WHERE r.measure_id = measure.id"                            \
	"  AND r.acknowledged_on IS NOT NULL ORDER BY r.risk LIMIT 1),"                                           \
	" (SELECT acknowledged_on FROM measure_risk r WHERE r.measure_id = measure.id"                            \
	"  AND r.acknowledged_on IS NOT NULL ORDER BY r.risk LIMIT 1),"                                           \
	" (SELECT action_taken FROM measure_risk r WHERE r.measure_id = measure.id"                              \
	"  AND r.acknowledged_on IS NOT NULL ORDER BY r.risk LIMIT 1) FROM measure"

static void read_record(db_stmt_t *s, struct measure_record *r)
{
	struct measure *m = &r->m;
	m->id = db_col_int(s, 0);
	m->episode_id = db_col_int(s, 1);
	m->person_id = db_col_int(s, 2);
	db_col_copy(s, 3, m->instrument, sizeof m->instrument);
	db_col_copy(s, 4, m->timepoint, sizeof m->timepoint);
	m->date = db_col_date(s, 5);
	db_col_copy(s, 6, m->responses, sizeof m->responses);
	r->subject_caregiver_id = db_col_int(s, 7);
	r->subject_infant_id = db_col_int(s, 8);
	str_copy(r->subject, sizeof r->subject,
	         r->subject_caregiver_id && r->subject_infant_id ? "pair"
	         : r->subject_caregiver_id                       ? "caregiver"
	         : r->subject_infant_id                          ? "infant"
	                                                         : "");
	r->practitioner_id = db_col_int(s, 9);
	db_col_copy(s, 10, r->version, sizeof r->version);
	r->age_months = db_col_is_null(s, 11) ? -1 : (int)db_col_int(s, 11);
	db_col_copy(s, 12, r->risk_acknowledged_by, sizeof r->risk_acknowledged_by);
	r->risk_acknowledged_on = db_col_date(s, 13);
	db_col_copy(s, 14, r->risk_action, sizeof r->risk_action);
}

int store_measure_record_get(db_t *db, int64_t id, struct measure_record *r, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, RECORD_SELECT " WHERE id = ?", id, "measure", &s, e);
	if (rc)
		return rc;
	read_record(s, r);
	return 0;
}

int store_measure_record_list(db_t *db, int64_t episode_id, store_measure_record_fn fn, void *ctx,
                              struct dy_err *e)
{
	db_stmt_t *s = db_prepare_scoped(db, RECORD_SELECT " WHERE episode_id = ? AND error_at IS NULL"
	                                       " ORDER BY episode_id, date, id",
	                                   RECORD_SELECT " ORDER BY episode_id, date, id", episode_id, e);
	if (!s)
		return DY_ESTORE;
	int rc;
	struct measure_record r;
	while ((rc = db_step(s, e)) == DB_ROW) {
		read_record(s, &r);
		if ((rc = fn(ctx, &r)))
			return rc;
	}
	return rc;
}

int store_measure_record_update(db_t *db, const struct measure_record *r, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE measure SET subject_caregiver_id = ?, subject_infant_id = ?,"
	                              " version = ?, age_months = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, r->subject_caregiver_id);
	db_bind_int(s, 2, r->subject_infant_id);
	db_bind_text_opt(s, 3, r->version);
	if (r->age_months >= 0)
		db_bind_int(s, 4, r->age_months);
	else
		db_bind_null(s, 4);
	db_bind_int(s, 5, r->m.id);
	return db_run(s, e);
}

int store_measure_versions(db_t *db, store_measure_version_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT id, instrument, version FROM measure ORDER BY id", e);
	if (!s)
		return DY_ESTORE;
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW)
		if ((rc = fn(ctx, db_col_int(s, 0), db_col_text(s, 1), db_col_text(s, 2))))
			return rc;
	return rc;
}
