/* store_letter.c: letters and feedback response sets (store_letter.h). */
#include "store/store_letter.h"

#include <string.h>

#include "util/date.h"

int store_letter_insert(db_t *db, struct letter *l, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "INSERT INTO letter (id, episode_id, kind, recipient, produced_at, produced_by, html)"
	                          " VALUES (?,?,?,?,?,?,?) RETURNING id",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, l->id);
	db_bind_int(s, 2, l->episode_id);
	db_bind_text_ref(s, 3, l->kind);
	db_bind_text_ref(s, 4, l->recipient);
	db_bind_text_ref(s, 5, l->produced_at);
	db_bind_text_ref(s, 6, l->produced_by);
	db_bind_text_ref(s, 7, l->html);
	return db_run_insert(s, &l->id, e);
}

static int each(db_stmt_t *s, int with_html, store_letter_fn fn, void *ctx, int *found, struct dy_err *e)
{
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		struct letter l;
		memset(&l, 0, sizeof l);
		l.id = db_col_int(s, 0);
		l.episode_id = db_col_int(s, 1);
		db_col_copy(s, 2, l.kind, sizeof l.kind);
		db_col_copy(s, 3, l.recipient, sizeof l.recipient);
		db_col_copy(s, 4, l.produced_at, sizeof l.produced_at);
		db_col_copy(s, 5, l.produced_by, sizeof l.produced_by);
		l.html = with_html ? db_col_text(s, 6) : "";
		if (found)
			*found = 1;
		if ((rc = fn(ctx, &l))) {
			while (db_step(s, e) == DB_ROW)
				;
			return rc;
		}
	}
	return rc < 0 ? rc : 0;
}

int store_letter_get(db_t *db, int64_t id, store_letter_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "SELECT id, episode_id, kind, recipient, produced_at, produced_by, html"
	                          " FROM letter WHERE id = ?",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, id);
	int found = 0;
	int rc = each(s, 1, fn, ctx, &found, e);
	if (!rc && !found)
		return dy_fail(e, DY_ENOTFOUND, "letter", "letter %lld does not exist", (long long)id);
	return rc;
}

int store_letter_episode(db_t *db, int64_t id, int64_t *episode_id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT episode_id FROM letter WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, id);
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	if (rc != DB_ROW)
		return dy_fail(e, DY_ENOTFOUND, "letter", "letter %lld does not exist", (long long)id);
	*episode_id = db_col_int(s, 0);
	db_step(s, e);
	return 0;
}

int store_letter_list(db_t *db, int64_t episode_id, int with_html, store_letter_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          with_html ? "SELECT id, episode_id, kind, recipient, produced_at, produced_by, html"
	                                      " FROM letter WHERE (? = 0 OR episode_id = ?) ORDER BY id"
	                                    : "SELECT id, episode_id, kind, recipient, produced_at, produced_by, ''"
	                                      " FROM letter WHERE (? = 0 OR episode_id = ?) ORDER BY id",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, episode_id);
	db_bind_int(s, 2, episode_id);
	return each(s, with_html, fn, ctx, NULL, e);
}

int store_feedback_insert(db_t *db, const struct feedback_row *f, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "INSERT INTO feedback (episode_id, questionnaire, answered_on, answers, recorded_by)"
	                          " VALUES (?,?,?,?,?)",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, f->episode_id);
	db_bind_text_ref(s, 2, f->questionnaire);
	db_bind_date(s, 3, f->answered_on);
	db_bind_text_ref(s, 4, f->answers);
	db_bind_text_ref(s, 5, f->recorded_by);
	return db_run(s, e);
}

int store_feedback_list(db_t *db, int32_t from, int32_t to, store_feedback_fn fn, void *ctx, struct dy_err *e)
{
	return store_feedback_list_teams(db, from, to, NULL, fn, ctx, e);
}

int store_feedback_list_teams(db_t *db, int32_t from, int32_t to, const struct store_teams *teams, store_feedback_fn fn,
                              void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "SELECT episode_id, questionnaire, answered_on, answers, recorded_by FROM feedback"
	                          " WHERE answered_on >= ? AND answered_on <= ?"
	                          STORE_IN_TEAMS("(SELECT fe.family_id FROM episode fe WHERE fe.id = feedback.episode_id)")
	                          " ORDER BY episode_id",
	                          e);
	if (!s)
		return DY_ESTORE;
	int32_t lo, hi;
	date_from_ymd(1900, 1, 1, &lo);
	date_from_ymd(9999, 12, 31, &hi);
	db_bind_date(s, 1, from == DATE_NONE ? lo : from);
	db_bind_date(s, 2, to == DATE_NONE ? hi : to);
	store_teams_bind(s, 3, teams);
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		struct feedback_row f;
		memset(&f, 0, sizeof f);
		f.episode_id = db_col_int(s, 0);
		db_col_copy(s, 1, f.questionnaire, sizeof f.questionnaire);
		f.answered_on = db_col_date(s, 2);
		db_col_copy(s, 3, f.answers, sizeof f.answers);
		db_col_copy(s, 4, f.recorded_by, sizeof f.recorded_by);
		if ((rc = fn(ctx, &f))) {
			while (db_step(s, e) == DB_ROW)
				;
			return rc;
		}
	}
	return rc < 0 ? rc : 0;
}

int store_feedback_get(db_t *db, int64_t episode_id, struct feedback_row *f, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "SELECT episode_id, questionnaire, answered_on, answers, recorded_by FROM feedback"
	                          " WHERE episode_id = ?",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, episode_id);
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	if (rc != DB_ROW)
		return dy_fail(e, DY_ENOTFOUND, "feedback", "referral %lld has no feedback", (long long)episode_id);
	memset(f, 0, sizeof *f);
	f->episode_id = db_col_int(s, 0);
	db_col_copy(s, 1, f->questionnaire, sizeof f->questionnaire);
	f->answered_on = db_col_date(s, 2);
	db_col_copy(s, 3, f->answers, sizeof f->answers);
	db_col_copy(s, 4, f->recorded_by, sizeof f->recorded_by);
	db_step(s, e);
	return 0;
}

int store_feedback_exists(db_t *db, int64_t episode_id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT COUNT(*) FROM feedback WHERE episode_id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, episode_id);
	int rc = db_step(s, e);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DY_ESTORE;
	int n = db_col_int(s, 0) > 0;
	db_step(s, e);
	return n;
}
