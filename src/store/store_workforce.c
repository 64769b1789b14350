/* store_workforce.c: SQL for training events, consultations and supervision
 * given to the wider workforce. */
#include "store/store_workforce.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_links.h"
#include "util/date.h"

/* The period's bounds: DATE_NONE is open (the widest dates bind instead). */
static void bind_period(db_stmt_t *s, int i, int64_t team_id, int32_t from, int32_t to)
{
	int32_t first = 0, last = 0;
	date_from_ymd(1900, 1, 1, &first);
	date_from_ymd(9999, 12, 31, &last);
	db_bind_int(s, i, team_id);
	db_bind_date(s, i + 1, from != DATE_NONE ? from : first);
	db_bind_date(s, i + 2, to != DATE_NONE ? to : last);
}

int store_training_insert(db_t *db, struct wf_training *t, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "INSERT INTO training_event (id, team_id, course, date, hours_x10, named_attendees,"
	                          " created_by) VALUES (?,?,?,?,?,?,?) RETURNING id",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, t->id);
	db_bind_int(s, 2, t->team_id);
	db_bind_text(s, 3, t->course);
	db_bind_date(s, 4, t->date);
	db_bind_int(s, 5, t->hours_x10);
	db_bind_text_opt(s, 6, t->named);
	db_bind_text(s, 7, t->created_by);
	int rc = db_run_insert(s, &t->id, e);
	if (!rc)
		rc = store_links_insert(db, "INSERT INTO training_trainer (event_id, practitioner_id) VALUES (?,?)", t->id,
		                        t->trainers, t->n_trainers, e);
	for (int i = 0; !rc && i < t->n_att; i++)
		rc = store_training_attendees_insert(db, t->id, &t->att[i], e);
	return rc;
}

int store_training_attendees_insert(db_t *db, int64_t event_id, const struct wf_attendees *a, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(
		db, "INSERT INTO training_attendees (event_id, profession, organisation, count) VALUES (?,?,?,?)", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, event_id);
	db_bind_text(s, 2, a->profession);
	db_bind_text(s, 3, a->organisation);
	db_bind_int(s, 4, a->count);
	return db_run(s, e);
}

int store_consultation_insert(db_t *db, struct wf_consultation *c, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "INSERT INTO consultation (id, team_id, date, practitioner_id, profession, organisation,"
	                          " family_id, advice, follow_up, follow_up_on, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
	                          " RETURNING id",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, c->id);
	db_bind_int(s, 2, c->team_id);
	db_bind_date(s, 3, c->date);
	db_bind_int(s, 4, c->practitioner_id);
	db_bind_text(s, 5, c->profession);
	db_bind_text(s, 6, c->organisation);
	db_bind_id(s, 7, c->family_id);
	db_bind_text(s, 8, c->advice);
	db_bind_text_opt(s, 9, c->follow_up);
	db_bind_date(s, 10, c->follow_up_on);
	db_bind_text(s, 11, c->created_by);
	return db_run_insert(s, &c->id, e);
}

int store_supervision_insert(db_t *db, struct wf_supervision *v, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "INSERT INTO supervision (id, team_id, date, practitioner_id, profession, organisation,"
	                          " supervisee, service, mode, supervised, duration_min, created_by)"
	                          " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, v->id);
	db_bind_int(s, 2, v->team_id);
	db_bind_date(s, 3, v->date);
	db_bind_int(s, 4, v->practitioner_id);
	db_bind_text(s, 5, v->profession);
	db_bind_text(s, 6, v->organisation);
	db_bind_text_opt(s, 7, v->supervisee);
	db_bind_text(s, 8, v->service);
	db_bind_text(s, 9, wf_mode_code(v->mode));
	db_bind_int(s, 10, v->supervised);
	db_bind_int(s, 11, v->duration_min);
	db_bind_text(s, 12, v->created_by);
	return db_run_insert(s, &v->id, e);
}

static int attendees(db_t *db, struct wf_training *t, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "SELECT profession, organisation, count FROM training_attendees WHERE event_id = ?"
	                          " ORDER BY profession, organisation",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, t->id);
	int rc;
	t->n_att = 0;
	while ((rc = db_step(s, e)) == DB_ROW)
		if (t->n_att < WF_MAX_ATTENDEE_ROWS) {
			struct wf_attendees *a = &t->att[t->n_att++];
			db_col_copy(s, 0, a->profession, sizeof a->profession);
			db_col_copy(s, 1, a->organisation, sizeof a->organisation);
			a->count = (int)db_col_int(s, 2);
		}
	return rc;
}

int store_training_list(db_t *db, int64_t team_id, int32_t from, int32_t to, store_training_fn fn, void *ctx,
                        struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "SELECT id, team_id, course, date, hours_x10, named_attendees, created_by FROM"
	                          " training_event WHERE team_id = ? AND date >= ? AND date <= ? ORDER BY date, id",
	                          e);
	if (!s)
		return DY_ESTORE;
	bind_period(s, 1, team_id, from, to);
	/* Read every row first: the trainers and attendees are other statements. */
	struct wf_training *v = NULL;
	int n = 0, rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		v = xrealloc(v, (size_t)(n + 1) * sizeof *v);
		struct wf_training *t = &v[n++];
		memset(t, 0, sizeof *t);
		t->id = db_col_int(s, 0);
		t->team_id = db_col_int(s, 1);
		db_col_copy(s, 2, t->course, sizeof t->course);
		t->date = db_col_date(s, 3);
		t->hours_x10 = (int)db_col_int(s, 4);
		db_col_copy(s, 5, t->named, sizeof t->named);
		db_col_copy(s, 6, t->created_by, sizeof t->created_by);
	}
	for (int i = 0; !rc && i < n; i++) {
		rc = store_links_read(db,
		                      "SELECT practitioner_id FROM training_trainer WHERE event_id = ? ORDER BY practitioner_id",
		                      v[i].id, v[i].trainers, WF_MAX_TRAINERS, &v[i].n_trainers, e);
		if (!rc)
			rc = attendees(db, &v[i], e);
		if (!rc)
			rc = fn(ctx, &v[i]);
	}
	free(v);
	return rc;
}

int store_consultation_list(db_t *db, int64_t team_id, int32_t from, int32_t to, store_consultation_fn fn,
                            void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "SELECT id, team_id, date, practitioner_id, profession, organisation, family_id, advice,"
	                          " follow_up, follow_up_on, created_by FROM consultation WHERE team_id = ? AND date >= ?"
	                          " AND date <= ? ORDER BY date, id",
	                          e);
	if (!s)
		return DY_ESTORE;
	bind_period(s, 1, team_id, from, to);
	int rc;
	struct wf_consultation *c = xcalloc(1, sizeof *c);
	while ((rc = db_step(s, e)) == DB_ROW) {
		memset(c, 0, sizeof *c);
		c->id = db_col_int(s, 0);
		c->team_id = db_col_int(s, 1);
		c->date = db_col_date(s, 2);
		c->practitioner_id = db_col_int(s, 3);
		db_col_copy(s, 4, c->profession, sizeof c->profession);
		db_col_copy(s, 5, c->organisation, sizeof c->organisation);
		c->family_id = db_col_int(s, 6);
		db_col_copy(s, 7, c->advice, sizeof c->advice);
		db_col_copy(s, 8, c->follow_up, sizeof c->follow_up);
		c->follow_up_on = db_col_date(s, 9);
		db_col_copy(s, 10, c->created_by, sizeof c->created_by);
		if ((rc = fn(ctx, c))) {
			while (db_step(s, e) == DB_ROW)
				;
			break;
		}
	}
	free(c);
	return rc;
}

int store_supervision_list(db_t *db, int64_t team_id, int32_t from, int32_t to, store_supervision_fn fn, void *ctx,
                           struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "SELECT id, team_id, date, practitioner_id, profession, organisation, supervisee, service,"
	                          " mode, supervised, duration_min, created_by FROM supervision WHERE team_id = ? AND"
	                          " date >= ? AND date <= ? ORDER BY date, id",
	                          e);
	if (!s)
		return DY_ESTORE;
	bind_period(s, 1, team_id, from, to);
	int rc;
	struct wf_supervision *v = xcalloc(1, sizeof *v);
	while ((rc = db_step(s, e)) == DB_ROW) {
		memset(v, 0, sizeof *v);
		v->id = db_col_int(s, 0);
		v->team_id = db_col_int(s, 1);
		v->date = db_col_date(s, 2);
		v->practitioner_id = db_col_int(s, 3);
		db_col_copy(s, 4, v->profession, sizeof v->profession);
		db_col_copy(s, 5, v->organisation, sizeof v->organisation);
		db_col_copy(s, 6, v->supervisee, sizeof v->supervisee);
		db_col_copy(s, 7, v->service, sizeof v->service);
		v->mode = strcmp(db_col_text(s, 8), "group") == 0 ? WF_GROUP : WF_INDIVIDUAL;
		v->supervised = (int)db_col_int(s, 9);
		v->duration_min = (int)db_col_int(s, 10);
		db_col_copy(s, 11, v->created_by, sizeof v->created_by);
		if ((rc = fn(ctx, v))) {
			while (db_step(s, e) == DB_ROW)
				;
			break;
		}
	}
	free(v);
	return rc;
}

int store_workforce_family_ids(db_t *db, int64_t team_id, int64_t **ids, size_t *n, struct dy_err *e)
{
	*ids = NULL;
	*n = 0;
	db_stmt_t *s = db_prepare(db, "SELECT id FROM family WHERE team_id = ? ORDER BY id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, team_id);
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
		(*ids)[(*n)++] = db_col_int(s, 0);
	}
	return rc;
}
