/* store_safeguarding.c: SQL for safeguarding status periods. */
#include "store/store_safeguarding.h"

#include "util/date.h"

int store_safeguarding_insert(db_t *db, const struct safeguarding *sg, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO safeguarding (infant_id, status, started_on, ended_on)"
	                              " VALUES (?,?,?,?)", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, sg->infant_id);
	db_bind_text(s, 2, sg->status);
	db_bind_date(s, 3, sg->started_on);
	db_bind_date(s, 4, sg->ended_on);
	return db_run(s, e);
}

int store_safeguarding_end_current(db_t *db, int64_t infant_id, int32_t on, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE safeguarding SET ended_on = ? WHERE infant_id = ? AND ended_on IS NULL", e);
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
}

int store_safeguarding_current(db_t *db, int64_t infant_id, struct safeguarding *out, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT infant_id, status, started_on, ended_on FROM safeguarding"
	                              " WHERE infant_id = ? AND ended_on IS NULL ORDER BY started_on DESC, id DESC LIMIT 1", e);
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

int store_safeguarding_list(db_t *db, int64_t infant_id, store_safeguarding_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare_scoped(db, "SELECT infant_id, status, started_on, ended_on FROM safeguarding"
		                 " WHERE infant_id = ? ORDER BY infant_id, started_on, id",
	                                   "SELECT infant_id, status, started_on, ended_on FROM safeguarding"
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
