/* store_careplan.c: SQL for care plans, their links and delivered sessions. */
#include "store/store_careplan.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_links.h"
#include "util/date.h"

int store_careplan_insert(db_t *db, struct care_plan *p, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "INSERT INTO care_plan (id, episode_id, intervention, start_on, planned_sessions, status,"
	                          " status_on, stop_reason, created_by) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, p->id);
	db_bind_int(s, 2, p->episode_id);
	db_bind_text(s, 3, p->intervention);
	db_bind_date(s, 4, p->start_on);
	db_bind_int(s, 5, p->planned_sessions);
	db_bind_text(s, 6, careplan_status_code(p->status));
	db_bind_date(s, 7, p->status_on);
	db_bind_text_opt(s, 8, p->stop_reason);
	db_bind_text(s, 9, p->created_by);
	int rc = db_run_insert(s, &p->id, e);
	if (!rc)
		rc = store_links_insert(db, "INSERT INTO care_plan_practitioner (care_plan_id, practitioner_id) VALUES (?,?)",
		                        p->id, p->practitioners, p->n_practitioners, e);
	if (!rc)
		rc = store_links_insert(db, "INSERT INTO care_plan_goal (care_plan_id, goal_id) VALUES (?,?)", p->id,
		                        p->goals, p->n_goals, e);
	return rc;
}

#define PLAN_SELECT                                                                                                   \
	"SELECT id, episode_id, intervention, start_on, planned_sessions, status, status_on, stop_reason, created_by" \
	" FROM care_plan"

static void read_plan(db_stmt_t *s, struct care_plan *p)
{
	memset(p, 0, sizeof *p);
	p->planned_end = DATE_NONE;
	p->id = db_col_int(s, 0);
	p->episode_id = db_col_int(s, 1);
	db_col_copy(s, 2, p->intervention, sizeof p->intervention);
	p->start_on = db_col_date(s, 3);
	p->planned_sessions = (int)db_col_int(s, 4);
	if (careplan_status_parse(db_col_text(s, 5), "status", &p->status, NULL))
		p->status = CAREPLAN_PLANNED; /* the CHECK constraint keeps this from happening */
	p->status_on = db_col_date(s, 6);
	db_col_copy(s, 7, p->stop_reason, sizeof p->stop_reason);
	db_col_copy(s, 8, p->created_by, sizeof p->created_by);
}

int store_careplan_delivered(db_t *db, int64_t episode_id, const char *intervention, int32_t from, int32_t to,
                             int *out, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "SELECT COUNT(*) FROM contact WHERE episode_id = ? AND intervention = ?"
	                          " AND attendance = 'attended' AND error_at IS NULL AND date >= ?"
	                          " AND (? IS NULL OR date <= ?)",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, episode_id);
	db_bind_text(s, 2, intervention);
	db_bind_date(s, 3, from);
	db_bind_date(s, 4, to);
	db_bind_date(s, 5, to);
	int rc = db_step(s, e);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DY_ESTORE;
	*out = (int)db_col_int(s, 0);
	return 0;
}

/* Practitioners, goals and delivered sessions of a loaded plan. */
static int fill(db_t *db, struct care_plan *p, struct dy_err *e)
{
	int rc = store_links_read(
		db, "SELECT practitioner_id FROM care_plan_practitioner WHERE care_plan_id = ? ORDER BY practitioner_id",
		p->id, p->practitioners, CAREPLAN_MAX_PRACTITIONERS, &p->n_practitioners, e);
	if (!rc)
		rc = store_links_read(db, "SELECT goal_id FROM care_plan_goal WHERE care_plan_id = ? ORDER BY goal_id", p->id,
		                      p->goals, CAREPLAN_MAX_GOALS, &p->n_goals, e);
	if (rc)
		return rc;
	/* Sessions count up to the day a plan ended (completed or stopped). */
	int32_t to = p->status == CAREPLAN_COMPLETED || p->status == CAREPLAN_STOPPED_EARLY ? p->status_on : DATE_NONE;
	return store_careplan_delivered(db, p->episode_id, p->intervention, p->start_on, to, &p->delivered, e);
}

int store_careplan_get(db_t *db, int64_t id, struct care_plan *p, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, PLAN_SELECT " WHERE id = ?", id, "plan", &s, e);
	if (rc)
		return rc;
	read_plan(s, p);
	return fill(db, p, e);
}

int store_careplan_set_status(db_t *db, int64_t id, enum careplan_status status, int32_t on, const char *reason,
                              struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE care_plan SET status = ?, status_on = ?, stop_reason = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, careplan_status_code(status));
	db_bind_date(s, 2, on);
	db_bind_text_opt(s, 3, reason);
	db_bind_int(s, 4, id);
	return db_run_one(db, s, "plan", id, e);
}

int store_careplan_list(db_t *db, int64_t episode_id, store_careplan_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = episode_id ? db_prepare(db, PLAN_SELECT " WHERE episode_id = ? ORDER BY start_on, id", e)
	                          : db_prepare(db, PLAN_SELECT " ORDER BY id", e);
	if (!s)
		return DY_ESTORE;
	if (episode_id)
		db_bind_int(s, 1, episode_id);
	/* Read every row first: filling a plan runs other statements. */
	struct care_plan *v = NULL;
	int n = 0, rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		XAPPEND(v, n, (struct care_plan){0});
		read_plan(s, &v[n - 1]);
	}
	for (int i = 0; !rc && i < n; i++)
		if (!(rc = fill(db, &v[i], e)))
			rc = fn(ctx, &v[i]);
	free(v);
	return rc;
}
