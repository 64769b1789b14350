/* store_group.c: SQL for group runs, enrolments, sessions, attendance and
 * the waiting list. */
#include "store/store_group.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_links.h"
#include "util/date.h"

int store_group_run_insert(db_t *db, struct group_run *r, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "INSERT INTO group_run (id, team_id, intervention, starts_on, sessions, venue, location,"
	                          " capacity, created_by) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, r->id);
	db_bind_int(s, 2, r->team_id);
	db_bind_text(s, 3, r->intervention);
	db_bind_date(s, 4, r->starts_on);
	db_bind_int(s, 5, r->sessions);
	db_bind_text(s, 6, r->venue);
	db_bind_text(s, 7, r->location);
	db_bind_int(s, 8, r->capacity);
	db_bind_text(s, 9, r->created_by);
	int rc = db_run_insert(s, &r->id, e);
	if (!rc)
		rc = store_links_insert(db, "INSERT INTO group_facilitator (run_id, practitioner_id) VALUES (?,?)", r->id,
		                        r->facilitators, r->n_facilitators, e);
	return rc;
}

#define RUN_SELECT                                                                                       \
	"SELECT r.id, r.team_id, r.intervention, r.starts_on, r.sessions, r.venue, r.location, r.capacity," \
	" r.created_by, (SELECT COUNT(*) FROM group_enrolment g WHERE g.run_id = r.id),"                    \
	" (SELECT COUNT(*) FROM group_session s WHERE s.run_id = r.id) FROM group_run r"

static void read_run(db_stmt_t *s, struct group_run *r)
{
	memset(r, 0, sizeof *r);
	r->id = db_col_int(s, 0);
	r->team_id = db_col_int(s, 1);
	db_col_copy(s, 2, r->intervention, sizeof r->intervention);
	r->starts_on = db_col_date(s, 3);
	r->sessions = (int)db_col_int(s, 4);
	db_col_copy(s, 5, r->venue, sizeof r->venue);
	db_col_copy(s, 6, r->location, sizeof r->location);
	r->capacity = (int)db_col_int(s, 7);
	db_col_copy(s, 8, r->created_by, sizeof r->created_by);
	r->enrolled = (int)db_col_int(s, 9);
	r->sessions_held = (int)db_col_int(s, 10);
}

static int facilitators(db_t *db, struct group_run *r, struct dy_err *e)
{
	return store_links_read(db, "SELECT practitioner_id FROM group_facilitator WHERE run_id = ? ORDER BY practitioner_id",
	                        r->id, r->facilitators, GROUP_MAX_FACILITATORS, &r->n_facilitators, e);
}

int store_group_run_get(db_t *db, int64_t id, struct group_run *r, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, RUN_SELECT " WHERE r.id = ?", id, "run", &s, e);
	if (rc)
		return rc;
	read_run(s, r);
	return facilitators(db, r, e);
}

int store_group_run_list(db_t *db, store_group_run_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, RUN_SELECT " ORDER BY r.starts_on DESC, r.id DESC", e);
	if (!s)
		return DY_ESTORE;
	struct group_run *v = NULL;
	int n = 0, rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		XAPPEND(v, n, (struct group_run){0});
		read_run(s, &v[n - 1]);
	}
	for (int i = 0; !rc && i < n; i++)
		if (!(rc = facilitators(db, &v[i], e)))
			rc = fn(ctx, &v[i]);
	free(v);
	return rc;
}

int store_group_enrol(db_t *db, struct group_enrolment *en, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(
		db, "INSERT INTO group_enrolment (id, run_id, episode_id, person_id, enrolled_on) VALUES (?,?,?,?,?) RETURNING id",
		e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, en->id);
	db_bind_int(s, 2, en->run_id);
	db_bind_int(s, 3, en->episode_id);
	db_bind_int(s, 4, en->person_id);
	db_bind_date(s, 5, en->enrolled_on);
	return db_run_insert(s, &en->id, e);
}

#define ENROL_SELECT                                                                                         \
	"SELECT g.id, g.run_id, g.episode_id, g.person_id, g.enrolled_on,"                                       \
	" (SELECT COUNT(*) FROM group_attendance a WHERE a.enrolment_id = g.id AND a.attended = 1),"            \
	" (SELECT COUNT(*) FROM group_attendance a WHERE a.enrolment_id = g.id) FROM group_enrolment g"

int store_group_enrolment_get(db_t *db, int64_t id, struct group_enrolment *en, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, ENROL_SELECT " WHERE g.id = ?", id, "enrolment", &s, e);
	if (rc)
		return rc;
	*en = (struct group_enrolment){
		.id = db_col_int(s, 0),
		.run_id = db_col_int(s, 1),
		.episode_id = db_col_int(s, 2),
		.person_id = db_col_int(s, 3),
		.enrolled_on = db_col_date(s, 4),
		.attended = (int)db_col_int(s, 5),
		.recorded = (int)db_col_int(s, 6),
	};
	return 0;
}

int store_group_contact(db_t *db, int64_t id, struct group_contact *c, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db,
	                    "SELECT c.episode_id, c.date, c.kind, COALESCE(c.intervention, ''), c.attendance,"
	                    " (SELECT COUNT(*) FROM group_attendance a WHERE a.contact_id = c.id)"
	                    " FROM contact c WHERE c.id = ?",
	                    id, "contact", &s, e);
	if (rc)
		return rc;
	memset(c, 0, sizeof *c);
	c->episode_id = db_col_int(s, 0);
	c->date = db_col_date(s, 1);
	c->group = strcmp(db_col_text(s, 2), "group") == 0;
	db_col_copy(s, 3, c->intervention, sizeof c->intervention);
	c->attended = strcmp(db_col_text(s, 4), "attended") == 0;
	c->linked = db_col_int(s, 5) > 0;
	return 0;
}

int store_group_enrolment_list(db_t *db, int64_t run_id, int64_t episode_id, store_group_enrolment_fn fn, void *ctx,
                               struct dy_err *e)
{
	db_stmt_t *s = run_id > 0       ? db_prepare(db, ENROL_SELECT " WHERE g.run_id = ? ORDER BY g.id", e)
	               : episode_id > 0 ? db_prepare(db, ENROL_SELECT " WHERE g.episode_id = ? ORDER BY g.id", e)
	                                : db_prepare(db, ENROL_SELECT " ORDER BY g.id", e);
	if (!s)
		return DY_ESTORE;
	if (run_id > 0 || episode_id > 0)
		db_bind_int(s, 1, run_id > 0 ? run_id : episode_id);
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		struct group_enrolment en = {
			.id = db_col_int(s, 0),
			.run_id = db_col_int(s, 1),
			.episode_id = db_col_int(s, 2),
			.person_id = db_col_int(s, 3),
			.enrolled_on = db_col_date(s, 4),
			.attended = (int)db_col_int(s, 5),
			.recorded = (int)db_col_int(s, 6),
		};
		if ((rc = fn(ctx, &en)))
			return rc;
	}
	return rc;
}

int store_group_session_insert(db_t *db, int64_t run_id, int number, int32_t date, int64_t *id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO group_session (id, run_id, number, date) VALUES (?,?,?,?) RETURNING id",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, *id);
	db_bind_int(s, 2, run_id);
	db_bind_int(s, 3, number);
	db_bind_date(s, 4, date);
	return db_run_insert(s, id, e);
}

int store_group_session_last_id(db_t *db, int64_t *id, struct dy_err *e)
{
	return db_query_int(db, "SELECT MAX(id) FROM group_session", id, e);
}

int store_group_attendance_insert(db_t *db, int64_t session_id, int64_t enrolment_id, int64_t contact_id,
                                  int attended, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(
		db, "INSERT INTO group_attendance (session_id, enrolment_id, contact_id, attended) VALUES (?,?,?,?)", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, session_id);
	db_bind_int(s, 2, enrolment_id);
	db_bind_int(s, 3, contact_id);
	db_bind_int(s, 4, attended ? 1 : 0);
	return db_run(s, e);
}

int store_group_mark_list(db_t *db, int64_t run_id, store_group_mark_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "SELECT s.number, s.date, COALESCE(a.enrolment_id, 0), COALESCE(a.attended, 0),"
	                          " s.run_id, COALESCE(a.contact_id, 0)"
	                          " FROM group_session s LEFT JOIN group_attendance a ON a.session_id = s.id"
	                          " WHERE ? = 0 OR s.run_id = ? ORDER BY s.run_id, s.number, a.enrolment_id",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, run_id);
	db_bind_int(s, 2, run_id);
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		struct group_mark m = {(int)db_col_int(s, 0), db_col_date(s, 1), db_col_int(s, 2), (int)db_col_int(s, 3),
		                       db_col_int(s, 4), db_col_int(s, 5)};
		if ((rc = fn(ctx, &m)))
			return rc;
	}
	return rc;
}

int store_group_wait_insert(db_t *db, struct group_wait *w, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(
		db, "INSERT INTO group_waiting (id, intervention, episode_id, person_id, added_on, run_id)"
		" VALUES (?,?,?,?,?,?) RETURNING id",
		e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, w->id);
	db_bind_text(s, 2, w->intervention);
	db_bind_int(s, 3, w->episode_id);
	db_bind_int(s, 4, w->person_id);
	db_bind_date(s, 5, w->added_on);
	db_bind_id(s, 6, w->run_id);
	return db_run_insert(s, &w->id, e);
}

int store_group_waiting_list(db_t *db, const char *intervention, int with_taken, store_group_wait_fn fn, void *ctx,
                             struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "SELECT id, intervention, episode_id, person_id, added_on, COALESCE(run_id, 0)"
	                          " FROM group_waiting WHERE (? = 1 OR run_id IS NULL) AND (? IS NULL OR intervention = ?)"
	                          " ORDER BY added_on, id",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, with_taken ? 1 : 0);
	db_bind_text_opt(s, 2, intervention);
	db_bind_text_opt(s, 3, intervention);
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		struct group_wait w = {.id = db_col_int(s, 0)};
		db_col_copy(s, 1, w.intervention, sizeof w.intervention);
		w.episode_id = db_col_int(s, 2);
		w.person_id = db_col_int(s, 3);
		w.added_on = db_col_date(s, 4);
		w.run_id = db_col_int(s, 5);
		if ((rc = fn(ctx, &w)))
			return rc;
	}
	return rc;
}

int store_group_wait_take(db_t *db, const char *intervention, int64_t person_id, int64_t run_id, int *taken,
                          struct dy_err *e)
{
	db_stmt_t *s = db_prepare(
		db, "UPDATE group_waiting SET run_id = ? WHERE run_id IS NULL AND intervention = ? AND person_id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, run_id);
	db_bind_text(s, 2, intervention);
	db_bind_int(s, 3, person_id);
	int rc = db_run(s, e);
	*taken = rc ? 0 : db_changes(db) > 0;
	return rc;
}
