/* store_goal.c: SQL for goals and their ratings. */
#include "store/store_goal.h"

int store_goal_insert(db_t *db, struct goal *g, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO goal (id, episode_id, position, text, set_on) VALUES (?,?,?,?,?) RETURNING id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, g->id);
	db_bind_int(s, 2, g->episode_id);
	db_bind_int(s, 3, g->position);
	db_bind_text(s, 4, g->text);
	db_bind_date(s, 5, g->set_on);
	int rc = db_run_insert(s, &g->id, e);
	return rc;
}

#define GOAL_SELECT "SELECT id, episode_id, position, text, set_on FROM goal"

static void read_goal(db_stmt_t *s, struct goal *g)
{
	g->id = db_col_int(s, 0);
	g->episode_id = db_col_int(s, 1);
	g->position = (int)db_col_int(s, 2);
	db_col_copy(s, 3, g->text, sizeof g->text);
	g->set_on = db_col_date(s, 4);
}

int store_goal_get(db_t *db, int64_t id, struct goal *g, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, GOAL_SELECT " WHERE id = ?", id, "goal", &s, e);
	if (rc)
		return rc;
	read_goal(s, g);
	return 0;
}

int store_goal_count(db_t *db, int64_t episode_id, int *n, struct dy_err *e)
{
	int64_t count;
	int rc = db_query_int_id(db, "SELECT COUNT(*) FROM goal WHERE episode_id = ?", episode_id, &count, e);
	*n = (int)count;
	return rc;
}

int store_goal_list(db_t *db, int64_t episode_id, store_goal_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare_scoped(db, GOAL_SELECT " WHERE episode_id = ? ORDER BY episode_id, position",
	                                   GOAL_SELECT " ORDER BY episode_id, position", episode_id, e);
	if (!s)
		return DY_ESTORE;
	int rc;
	struct goal g;
	while ((rc = db_step(s, e)) == DB_ROW) {
		read_goal(s, &g);
		if ((rc = fn(ctx, &g)))
			return rc;
	}
	return rc;
}

int store_goal_rating_insert(db_t *db, const struct goal_rating *r, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO goal_rating (goal_id, date, rating) VALUES (?,?,?)", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, r->goal_id);
	db_bind_date(s, 2, r->date);
	db_bind_int(s, 3, r->rating);
	return db_run(s, e);
}

int store_goal_rating_list(db_t *db, int64_t goal_id, store_goal_rating_fn fn, void *ctx, struct dy_err *e)
{
#define RATING_SELECT "SELECT goal_id, date, rating FROM goal_rating"
	db_stmt_t *s = db_prepare_scoped(db, RATING_SELECT " WHERE goal_id = ? ORDER BY goal_id, date",
	                                   RATING_SELECT " ORDER BY goal_id, date", goal_id, e);
#undef RATING_SELECT
	if (!s)
		return DY_ESTORE;
	int rc;
	struct goal_rating r;
	while ((rc = db_step(s, e)) == DB_ROW) {
		r.goal_id = db_col_int(s, 0);
		r.date = db_col_date(s, 1);
		r.rating = (int)db_col_int(s, 2);
		if ((rc = fn(ctx, &r)))
			return rc;
	}
	return rc;
}
