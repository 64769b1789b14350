/* store_measure.c: SQL for measures. */
#include "store/store_measure.h"

int store_measure_insert(db_t *db, struct measure *m, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO measure (id, episode_id, person_id, instrument, timepoint, date,"
	                              " responses) VALUES (?,?,?,?,?,?,?)", e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, m->id);
	db_bind_int(s, 2, m->episode_id);
	db_bind_int(s, 3, m->person_id);
	db_bind_text(s, 4, m->instrument);
	db_bind_text(s, 5, m->timepoint);
	db_bind_date(s, 6, m->date);
	db_bind_text(s, 7, m->responses);
	int rc = db_run(s, e);
	if (!rc)
		m->id = db_last_id(db);
	return rc;
}

int store_measure_list(db_t *db, int64_t episode_id, store_measure_fn fn, void *ctx, struct dy_err *e)
{
#define MEASURE_SELECT "SELECT id, episode_id, person_id, instrument, timepoint, date, responses FROM measure"
	db_stmt_t *s = episode_id
		? db_prepare(db, MEASURE_SELECT " WHERE episode_id = ? ORDER BY episode_id, date, id", e)
		: db_prepare(db, MEASURE_SELECT " ORDER BY episode_id, date, id", e);
#undef MEASURE_SELECT
	if (!s)
		return DY_ESTORE;
	if (episode_id)
		db_bind_int(s, 1, episode_id);
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
