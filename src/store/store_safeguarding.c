/* store_safeguarding.c: SQL for safeguarding status periods. */
#include "store/store_safeguarding.h"

#include "store/store_batch.h"

#include "util/date.h"

int store_safeguarding_insert(db_t *db, const struct safeguarding *sg, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO safeguarding (infant_id, status, started_on, ended_on, id)"
	                              " VALUES (?,?,?,?,?)", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, sg->infant_id);
	db_bind_text(s, 2, sg->status);
	db_bind_date(s, 3, sg->started_on);
	db_bind_date(s, 4, sg->ended_on);
	db_bind_id(s, 5, sg->id);
	return db_run(s, e);
}

int store_safeguarding_end_current(db_t *db, int64_t infant_id, int32_t on, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE safeguarding SET ended_on = ? WHERE infant_id = ? AND ended_on IS NULL"
	                              " AND error_at IS NULL", e);
	if (!s)
		return DY_ESTORE;
	db_bind_date(s, 1, on);
	db_bind_int(s, 2, infant_id);
	return db_run(s, e);
}

static void read_period(db_stmt_t *s, struct safeguarding *sg)
{
	sg->infant_id = db_col_int(s, 0);
	db_col_copy(s, 1, sg->status, sizeof sg->status);
	sg->started_on = db_col_date(s, 2);
	sg->ended_on = db_col_date(s, 3);
	sg->id = db_col_int(s, 4);
}

int store_safeguarding_current(db_t *db, int64_t infant_id, struct safeguarding *out, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT infant_id, status, started_on, ended_on, id FROM safeguarding"
	                              " WHERE infant_id = ? AND ended_on IS NULL AND error_at IS NULL"
	                              " ORDER BY started_on DESC, id DESC LIMIT 1", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, infant_id);
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	if (rc == DB_DONE)
		return 0;
	read_period(s, out);
	return 1;
}

struct current_rows {
	store_safeguarding_fn fn;
	void *ctx;
	int64_t last; /* the infant whose current period was given */
};

static int current_row(void *ctx, db_stmt_t *s)
{
	struct current_rows *r = ctx;
	struct safeguarding sg;
	read_period(s, &sg);
	if (sg.infant_id == r->last)
		return 0; /* an earlier open period of the same infant: store_safeguarding_current's LIMIT 1 */
	r->last = sg.infant_id;
	return r->fn(r->ctx, &sg);
}

int store_safeguarding_current_many(db_t *db, const int64_t *infant_ids, size_t n, store_safeguarding_fn fn,
                                    void *ctx, struct dy_err *e)
{
	struct current_rows r = {fn, ctx, 0};
	return store_batch_each(db, "SELECT infant_id, status, started_on, ended_on, id FROM safeguarding"
	                            " WHERE infant_id IN " STORE_IN_LIST " AND ended_on IS NULL AND error_at IS NULL"
	                            " ORDER BY infant_id, started_on DESC, id DESC",
	                        infant_ids, n, current_row, &r, e);
}

int store_safeguarding_list(db_t *db, int64_t infant_id, store_safeguarding_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare_scoped(db, "SELECT infant_id, status, started_on, ended_on, id FROM safeguarding"
		                 " WHERE infant_id = ? AND error_at IS NULL ORDER BY infant_id, started_on, id",
	                                   "SELECT infant_id, status, started_on, ended_on, id FROM safeguarding"
		                 " ORDER BY infant_id, started_on, id", infant_id, e);
	if (!s)
		return DY_ESTORE;
	int rc;
	struct safeguarding sg;
	while ((rc = db_step(s, e)) == DB_ROW) {
		read_period(s, &sg);
		if ((rc = fn(ctx, &sg)))
			return rc;
	}
	return rc;
}
