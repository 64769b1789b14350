/* store_video.c: SQL for video feedback cycles and their linked contacts. */
#include "store/store_video.h"

#include <stdlib.h>
#include <string.h>

#include "util/date.h"

int store_video_insert(db_t *db, struct video_cycle *c, struct dy_err *e)
{
	int64_t last;
	db_stmt_t *s = db_prepare(db, "SELECT COALESCE(MAX(number), 0) FROM video_cycle WHERE episode_id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, c->episode_id);
	int rc = db_step(s, e);
	if (rc != DB_ROW)
		return rc ? rc : dy_fail(e, DY_ESTORE, NULL, "the cycle was not numbered");
	last = db_col_int(s, 0);
	if ((rc = db_step(s, e)) != DB_DONE)
		return rc;
	c->number = (int)last + 1;
	s = db_prepare(db,
	               "INSERT INTO video_cycle (episode_id, number, intervention, question, started_on, created_by)"
	               " VALUES (?,?,?,?,?,?) RETURNING id",
	               e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, c->episode_id);
	db_bind_int(s, 2, c->number);
	db_bind_text(s, 3, c->intervention);
	db_bind_text(s, 4, c->question);
	db_bind_date(s, 5, c->started_on);
	db_bind_text(s, 6, c->created_by);
	return db_run_id(s, &c->id, e);
}

int store_video_insert_as(db_t *db, const struct video_cycle *c, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "INSERT INTO video_cycle (id, episode_id, number, intervention, question, started_on,"
	                          " created_by) VALUES (?,?,?,?,?,?,?)",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, c->id);
	db_bind_id(s, 2, c->episode_id);
	db_bind_int(s, 3, c->number);
	db_bind_text(s, 4, c->intervention);
	db_bind_text(s, 5, c->question);
	db_bind_date(s, 6, c->started_on);
	db_bind_text(s, 7, c->created_by);
	return db_run(s, e);
}

#define CYCLE_SELECT "SELECT id, episode_id, number, intervention, question, started_on, created_by FROM video_cycle"

static void read_cycle(db_stmt_t *s, struct video_cycle *c)
{
	memset(c, 0, sizeof *c);
	c->id = db_col_int(s, 0);
	c->episode_id = db_col_int(s, 1);
	c->number = (int)db_col_int(s, 2);
	db_col_copy(s, 3, c->intervention, sizeof c->intervention);
	db_col_copy(s, 4, c->question, sizeof c->question);
	c->started_on = db_col_date(s, 5);
	db_col_copy(s, 6, c->created_by, sizeof c->created_by);
}

static int links(db_t *db, struct video_cycle *c, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "SELECT l.contact_id, k.date, l.step FROM video_link l JOIN contact k ON k.id ="
	                          " l.contact_id WHERE l.cycle_id = ? ORDER BY k.date, l.contact_id",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, c->id);
	int rc;
	c->n_links = 0;
	while ((rc = db_step(s, e)) == DB_ROW)
		if (c->n_links < VIDEO_MAX_LINKS) {
			c->contact[c->n_links] = db_col_int(s, 0);
			c->contact_date[c->n_links] = db_col_date(s, 1);
			char step[16];
			db_col_copy(s, 2, step, sizeof step);
			c->step[c->n_links++] = strcmp(step, "review") == 0 ? VIDEO_REVIEW : VIDEO_FILMING;
		}
	return rc;
}

int store_video_get(db_t *db, int64_t id, struct video_cycle *c, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, CYCLE_SELECT " WHERE id = ?", id, "cycle", &s, e);
	if (rc)
		return rc;
	read_cycle(s, c);
	return links(db, c, e);
}

int store_video_list(db_t *db, int64_t episode_id, store_video_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare_scoped(db, CYCLE_SELECT " WHERE episode_id = ? ORDER BY number",
	                                 CYCLE_SELECT " ORDER BY episode_id, number", episode_id, e);
	if (!s)
		return DY_ESTORE;
	/* Read every row first: the links are another statement. */
	struct video_cycle *v = NULL;
	int n = 0, rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		XAPPEND(v, n, (struct video_cycle){0});
		read_cycle(s, &v[n - 1]);
	}
	for (int i = 0; !rc && i < n; i++)
		if (!(rc = links(db, &v[i], e)))
			rc = fn(ctx, &v[i]);
	free(v);
	return rc;
}

int store_video_link(db_t *db, int64_t cycle_id, int64_t contact_id, enum video_step st, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO video_link (cycle_id, contact_id, step) VALUES (?,?,?)", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, cycle_id);
	db_bind_int(s, 2, contact_id);
	db_bind_text(s, 3, video_step_code(st));
	return db_run(s, e);
}

int store_video_linked(db_t *db, int64_t contact_id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT 1 FROM video_link WHERE contact_id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, contact_id);
	int rc = db_step(s, e);
	if (rc == DB_ROW) {
		db_step(s, e);
		return 1;
	}
	return rc < 0 ? rc : 0;
}

int store_video_contact(db_t *db, int64_t id, int64_t *episode_id, int32_t *date, char *intervention,
                        size_t intervention_size, int *attended, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db,
	                    "SELECT episode_id, date, COALESCE(intervention, ''),"
	                    " CASE WHEN attendance = 'attended' THEN 1 ELSE 0 END FROM contact"
	                    " WHERE id = ?",
	                    id, "contact", &s, e);
	if (rc)
		return rc;
	*episode_id = db_col_int(s, 0);
	*date = db_col_date(s, 1);
	db_col_copy(s, 2, intervention, intervention_size);
	*attended = (int)db_col_int(s, 3);
	return 0;
}
