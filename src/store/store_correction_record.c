/* store_correction_record.c: SQL for corrections of referrals, contacts
 * and measures and for entered in error (see store_correction_record.h). */
#include "store/store_correction_record.h"

#include <string.h>

#include "util/date.h"

int store_episode_correct(db_t *db, const struct episode *ep, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(
		db, "UPDATE episode SET received_on = ?, source = ?, infant_id = ?, caregiver_id = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_date(s, 1, ep->received_on);
	db_bind_text_ref(s, 2, ep->source);
	db_bind_int(s, 3, ep->infant_id);
	db_bind_id(s, 4, ep->caregiver_id);
	db_bind_int(s, 5, ep->id);
	int rc = db_run(s, e);
	if (rc)
		return rc;
	/* The pathway's first event, into received, is dated the received day. */
	s = db_prepare(db, "UPDATE episode_event SET date = ? WHERE episode_id = ? AND from_state IS NULL", e);
	if (!s)
		return DY_ESTORE;
	db_bind_date(s, 1, ep->received_on);
	db_bind_int(s, 2, ep->id);
	return db_run(s, e);
}

int store_contact_get(db_t *db, int64_t id, struct contact *c, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, "SELECT id, episode_id, date, kind, intervention, location, attendance, duration_min"
	                        " FROM contact WHERE id = ?", id, "contact", &s, e);
	if (rc)
		return rc;
	memset(c, 0, sizeof *c);
	c->id = db_col_int(s, 0);
	c->episode_id = db_col_int(s, 1);
	c->date = db_col_date(s, 2);
	db_col_copy(s, 3, c->kind, sizeof c->kind);
	db_col_copy(s, 4, c->intervention, sizeof c->intervention);
	db_col_copy(s, 5, c->location, sizeof c->location);
	db_col_copy(s, 6, c->attendance, sizeof c->attendance);
	c->duration_min = db_col_is_null(s, 7) ? -1 : (int)db_col_int(s, 7);
	db_step(s, e);
	return 0;
}

int store_contact_correct(db_t *db, const struct contact *c, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE contact SET date = ?, kind = ?, location = ?, attendance = ?,"
	                              " duration_min = ?, intervention = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_date(s, 1, c->date);
	db_bind_text_ref(s, 2, c->kind);
	db_bind_text_ref(s, 3, c->location);
	db_bind_text_ref(s, 4, c->attendance);
	if (c->duration_min >= 0)
		db_bind_int(s, 5, c->duration_min);
	else
		db_bind_null(s, 5);
	db_bind_text_ref_opt(s, 6, c->intervention);
	db_bind_int(s, 7, c->id);
	return db_run(s, e);
}

int store_measure_correct(db_t *db, const struct measure *m, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE measure SET date = ?, person_id = ?, responses = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_date(s, 1, m->date);
	db_bind_int(s, 2, m->person_id);
	db_bind_text_ref(s, 3, m->responses);
	db_bind_int(s, 4, m->id);
	return db_run(s, e);
}

int store_episode_contacts_before(db_t *db, int64_t episode_id, int32_t day, int64_t *n, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT (SELECT COUNT(*) FROM contact WHERE episode_id = ? AND date < ?"
	                              " AND error_at IS NULL) + (SELECT COUNT(*) FROM episode_event WHERE episode_id = ?"
	                              " AND from_state IS NOT NULL AND date < ?)", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, episode_id);
	db_bind_date(s, 2, day);
	db_bind_int(s, 3, episode_id);
	db_bind_date(s, 4, day);
	int rc = db_step(s, e);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DY_ESTORE;
	*n = db_col_int(s, 0);
	db_step(s, e);
	return 0;
}

int store_family_correct(db_t *db, const struct family *f, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE family SET created_on = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_date(s, 1, f->created_on);
	db_bind_int(s, 2, f->id);
	return db_run(s, e);
}

int store_safeguarding_get(db_t *db, int64_t id, struct safeguarding *sg, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, "SELECT id, infant_id, status, started_on, ended_on FROM safeguarding WHERE id = ?", id,
	                    "safeguarding period", &s, e);
	if (rc)
		return rc;
	memset(sg, 0, sizeof *sg);
	sg->id = db_col_int(s, 0);
	sg->infant_id = db_col_int(s, 1);
	db_col_copy(s, 2, sg->status, sizeof sg->status);
	sg->started_on = db_col_date(s, 3);
	sg->ended_on = db_col_date(s, 4);
	db_step(s, e);
	return 0;
}

int store_safeguarding_correct(db_t *db, const struct safeguarding *sg, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE safeguarding SET status = ?, started_on = ?, ended_on = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text_ref(s, 1, sg->status);
	db_bind_date(s, 2, sg->started_on);
	db_bind_date(s, 3, sg->ended_on);
	db_bind_int(s, 4, sg->id);
	return db_run(s, e);
}

int store_safeguarding_current_others(db_t *db, int64_t infant_id, int64_t except_id, int64_t *n, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT COUNT(*) FROM safeguarding WHERE infant_id = ? AND id <> ?"
	                              " AND ended_on IS NULL AND error_at IS NULL", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, infant_id);
	db_bind_int(s, 2, except_id);
	int rc = db_step(s, e);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DY_ESTORE;
	*n = db_col_int(s, 0);
	db_step(s, e);
	return 0;
}

int store_safeguarding_current_twice(db_t *db, int64_t *infant_id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT infant_id FROM safeguarding WHERE ended_on IS NULL AND error_at IS NULL"
	                              " GROUP BY infant_id HAVING COUNT(*) > 1 ORDER BY infant_id LIMIT 1", e);
	if (!s)
		return DY_ESTORE;
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	if (rc == DB_DONE)
		return 0;
	*infant_id = db_col_int(s, 0);
	db_step(s, e);
	return 1;
}

/* Each table's statements (the name is never built from input). */
static const struct {
	const char *set, *get;
} error_sql[] = {
	{"UPDATE episode SET error_reason = ?, error_by = ?, error_at = ? WHERE id = ?",
	 "SELECT error_at IS NOT NULL FROM episode WHERE id = ?"},
	{"UPDATE contact SET error_reason = ?, error_by = ?, error_at = ? WHERE id = ?",
	 "SELECT error_at IS NOT NULL FROM contact WHERE id = ?"},
	{"UPDATE safeguarding SET error_reason = ?, error_by = ?, error_at = ? WHERE id = ?",
	 "SELECT error_at IS NOT NULL FROM safeguarding WHERE id = ?"},
	{"UPDATE measure SET error_reason = ?, error_by = ?, error_at = ? WHERE id = ?",
	 "SELECT error_at IS NOT NULL FROM measure WHERE id = ?"},
	{"UPDATE family SET error_reason = ?, error_by = ?, error_at = ? WHERE id = ?",
	 "SELECT error_at IS NOT NULL FROM family WHERE id = ?"},
};

int store_family_live_referrals(db_t *db, int64_t family_id, int64_t *n, struct dy_err *e)
{
	return db_query_int_id(db, "SELECT COUNT(*) FROM episode WHERE family_id = ? AND error_at IS NULL", family_id, n,
	                       e);
}

int store_record_error_set(db_t *db, enum store_error_table t, int64_t id, const char *reason, const char *by,
                           const char *at, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, error_sql[t].set, e);
	if (!s)
		return DY_ESTORE;
	if (reason) {
		db_bind_text_ref(s, 1, reason);
		db_bind_text_ref(s, 2, by);
		db_bind_text_ref(s, 3, at);
	} else {
		db_bind_null(s, 1);
		db_bind_null(s, 2);
		db_bind_null(s, 3);
	}
	db_bind_int(s, 4, id);
	return db_run(s, e);
}

int store_record_error_get(db_t *db, enum store_error_table t, int64_t id, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, error_sql[t].get, id, "record", &s, e);
	if (rc)
		return rc;
	int in_error = db_col_int(s, 0) != 0;
	db_step(s, e);
	return in_error;
}
