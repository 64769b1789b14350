/* store_family.c: SQL for teams, practitioners, families and people. */
#include "store/store_family.h"
#include "store/store_batch.h"

#include "store/store_search.h"

#include <stdlib.h>
#include <string.h>

#include "util/date.h"
#include "util/str.h"

int store_team_ensure(db_t *db, struct team *t, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT id, name FROM team WHERE code = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, t->code);
	int rc = db_step(s, e);
	if (rc == DB_ROW) {
		t->id = db_col_int(s, 0);
		db_col_copy(s, 1, t->name, sizeof t->name);
		return 0;
	}
	if (rc < 0)
		return rc;
	s = db_prepare(db, "INSERT INTO team (code, name) VALUES (?, ?) RETURNING id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, t->code);
	db_bind_text(s, 2, t->name);
	if ((rc = db_run_id(s, &t->id, e)))
		return rc;
	return 0;
}

int store_team_get(db_t *db, int64_t id, struct team *t, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, "SELECT id, code, name, demo FROM team WHERE id = ?", id, "team", &s, e);
	if (rc)
		return rc;
	t->id = db_col_int(s, 0);
	db_col_copy(s, 1, t->code, sizeof t->code);
	db_col_copy(s, 2, t->name, sizeof t->name);
	t->demo = (int)db_col_int(s, 3);
	db_step(s, e); /* finish the statement: it holds a read snapshot until then */
	return 0;
}

int store_team_update(db_t *db, const struct team *t, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE team SET code = ?, name = ?, demo = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, t->code);
	db_bind_text(s, 2, t->name);
	db_bind_int(s, 3, t->demo ? 1 : 0);
	db_bind_int(s, 4, t->id);
	return db_run(s, e);
}

int store_team_default(db_t *db, int64_t *id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT MIN(id) FROM team", e);
	if (!s)
		return DY_ESTORE;
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	if (rc == DB_DONE || db_col_is_null(s, 0))
		return dy_fail(e, DY_ENOTFOUND, "team", "the database has no team yet: run `dyad init`");
	*id = db_col_int(s, 0);
	db_step(s, e); /* finish the statement: it holds a read snapshot until then */
	return 0;
}

int store_practitioner_insert(db_t *db, struct practitioner *p, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO practitioner (id, team_id, name, profession) VALUES (?, ?, ?, ?) RETURNING id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, p->id);
	db_bind_int(s, 2, p->team_id);
	db_bind_text(s, 3, p->name);
	db_bind_text(s, 4, p->profession);
	int rc = db_run_insert(s, &p->id, e);
	return rc;
}

int store_practitioner_exists(db_t *db, int64_t id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT 1 FROM practitioner WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, id);
	int rc = db_step(s, e);
	return rc < 0 ? rc : rc == DB_ROW;
}

int store_practitioner_list(db_t *db, store_practitioner_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT id, team_id, name, profession FROM practitioner ORDER BY id", e);
	if (!s)
		return DY_ESTORE;
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		struct practitioner p = {.id = db_col_int(s, 0), .team_id = db_col_int(s, 1)};
		db_col_copy(s, 2, p.name, sizeof p.name);
		db_col_copy(s, 3, p.profession, sizeof p.profession);
		if ((rc = fn(ctx, &p)))
			return rc;
	}
	return rc;
}

int store_family_insert(db_t *db, struct family *f, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO family (id, team_id, created_on) VALUES (?, ?, ?) RETURNING id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, f->id);
	db_bind_int(s, 2, f->team_id);
	db_bind_date(s, 3, f->created_on);
	int rc = db_run_insert(s, &f->id, e);
	return rc;
}

int store_family_ensure(db_t *db, const struct family *f, int *created, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO family (id, team_id, created_on) VALUES (?, ?, ?)"
	                              " ON CONFLICT (id) DO NOTHING", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, f->id);
	db_bind_int(s, 2, f->team_id);
	db_bind_date(s, 3, f->created_on);
	int rc = db_run(s, e);
	if (created)
		*created = !rc && db_changes(db) > 0;
	return rc;
}

int store_family_rows(db_t *db, int64_t *n, struct dy_err *e)
{
	return db_query_int(db, "SELECT COUNT(*) FROM family", n, e);
}

int store_family_get(db_t *db, int64_t id, struct family *f, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, "SELECT id, team_id, created_on, error_at IS NOT NULL FROM family WHERE id = ?", id,
	                    "family", &s, e);
	if (rc)
		return rc;
	f->id = db_col_int(s, 0);
	f->team_id = db_col_int(s, 1);
	f->created_on = db_col_date(s, 2);
	f->in_error = db_col_int(s, 3) != 0;
	return 0;
}

#define PERSON_COLS                                                                          \
	"id, family_id, role, relationship, nhs_number, given_name, family_name, date_of_birth," \
	" edd, gestation_weeks, sex, ethnicity, postcode, imd_decile"

/* PERSON_COLS and the loss, for reading. */
#define PERSON_READ "SELECT " PERSON_COLS ", loss, loss_on FROM person"

int store_person_insert(db_t *db, struct person *p, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO person (" PERSON_COLS ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, p->id);
	db_bind_int(s, 2, p->family_id);
	db_bind_text_ref(s, 3, p->role);
	db_bind_text_ref_opt(s, 4, p->relationship);
	db_bind_text_ref_opt(s, 5, p->nhs_number);
	db_bind_text_ref(s, 6, p->given_name);
	db_bind_text_ref(s, 7, p->family_name);
	db_bind_date(s, 8, p->date_of_birth);
	db_bind_date(s, 9, p->edd);
	db_bind_id(s, 10, p->gestation_weeks);
	db_bind_text_ref_opt(s, 11, p->sex);
	db_bind_text_ref_opt(s, 12, p->ethnicity);
	db_bind_text_ref_opt(s, 13, p->postcode);
	db_bind_id(s, 14, p->imd_decile);
	int rc = db_run_insert(s, &p->id, e);
	if (!rc && p->loss[0])
		rc = store_person_set_loss(db, p->id, p->loss, p->loss_on, e);
	/* The name words a search finds them by, in the same transaction. */
	if (!rc)
		rc = store_search_index_person(db, p->id, p->given_name, p->family_name, e);
	return rc;
}

int store_person_update(db_t *db, const struct person *old, const struct person *p, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "UPDATE person SET relationship = ?, nhs_number = ?, given_name = ?, family_name = ?,"
	                          " date_of_birth = ?, edd = ?, gestation_weeks = ?, sex = ?, ethnicity = ?, postcode = ?,"
	                          " imd_decile = ? WHERE id = ?",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_text_ref_opt(s, 1, p->relationship);
	db_bind_text_ref_opt(s, 2, p->nhs_number);
	db_bind_text_ref(s, 3, p->given_name);
	db_bind_text_ref(s, 4, p->family_name);
	db_bind_date(s, 5, p->date_of_birth);
	db_bind_date(s, 6, p->edd);
	db_bind_id(s, 7, p->gestation_weeks);
	db_bind_text_ref_opt(s, 8, p->sex);
	db_bind_text_ref_opt(s, 9, p->ethnicity);
	db_bind_text_ref_opt(s, 10, p->postcode);
	db_bind_id(s, 11, p->imd_decile);
	db_bind_int(s, 12, p->id);
	int rc = db_run_one(db, s, "person", p->id, e);
	/* The name words a search finds them by: the old ones go. */
	if (!rc)
		rc = store_search_reindex_person(db, p->id, old->given_name, old->family_name, p->given_name,
		                                 p->family_name, e);
	return rc;
}

int store_person_set_loss(db_t *db, int64_t id, const char *kind, int32_t on, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE person SET loss = ?, loss_on = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, kind);
	db_bind_date(s, 2, on);
	db_bind_int(s, 3, id);
	return db_run_one(db, s, "person", id, e);
}

int store_person_set_birth(db_t *db, int64_t id, int32_t dob, int gestation_weeks, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE person SET date_of_birth = ?, gestation_weeks = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_date(s, 1, dob);
	db_bind_id(s, 2, gestation_weeks);
	db_bind_int(s, 3, id);
	return db_run_one(db, s, "person", id, e);
}

static void read_person(db_stmt_t *s, struct person *p)
{
	memset(p, 0, sizeof *p);
	p->id = db_col_int(s, 0);
	p->family_id = db_col_int(s, 1);
	db_col_copy(s, 2, p->role, sizeof p->role);
	db_col_copy(s, 3, p->relationship, sizeof p->relationship);
	db_col_copy(s, 4, p->nhs_number, sizeof p->nhs_number);
	db_col_copy(s, 5, p->given_name, sizeof p->given_name);
	db_col_copy(s, 6, p->family_name, sizeof p->family_name);
	p->date_of_birth = db_col_date(s, 7);
	p->edd = db_col_date(s, 8);
	p->gestation_weeks = (int)db_col_int(s, 9);
	db_col_copy(s, 10, p->sex, sizeof p->sex);
	db_col_copy(s, 11, p->ethnicity, sizeof p->ethnicity);
	db_col_copy(s, 12, p->postcode, sizeof p->postcode);
	p->imd_decile = (int)db_col_int(s, 13);
	db_col_copy(s, 14, p->loss, sizeof p->loss);
	p->loss_on = p->loss[0] ? db_col_date(s, 15) : 0; /* 0 with no loss, as a new record has it */
}

int store_person_get(db_t *db, int64_t id, struct person *p, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, PERSON_READ " WHERE id = ?", id, "person", &s, e);
	if (rc)
		return rc;
	read_person(s, p);
	return 0;
}

/* Calls fn for each row of a person query. */
static int each_person(db_stmt_t *s, store_person_fn fn, void *ctx, struct dy_err *e)
{
	int rc;
	struct person p;
	while ((rc = db_step(s, e)) == DB_ROW) {
		read_person(s, &p);
		if ((rc = fn(ctx, &p)))
			return rc;
	}
	return rc;
}

struct person_rows {
	store_person_fn fn;
	void *ctx;
};

static int person_row(void *ctx, db_stmt_t *s)
{
	struct person_rows *r = ctx;
	struct person p;
	read_person(s, &p);
	return r->fn(r->ctx, &p);
}

int store_person_list_many(db_t *db, const int64_t *family_ids, size_t n, store_person_fn fn, void *ctx,
                           struct dy_err *e)
{
	struct person_rows r = {fn, ctx};
	return store_batch_each(db, PERSON_READ " WHERE family_id IN " STORE_IN_LIST " ORDER BY family_id, id",
	                        family_ids, n, person_row, &r, e);
}

struct infant_rows {
	store_person_fn fn;
	void *ctx;
	struct person p; /* the fields not read stay empty */
};

static int infant_row(void *ctx, db_stmt_t *s)
{
	struct infant_rows *r = ctx;
	struct person *p = &r->p;
	p->id = db_col_int(s, 0);
	p->family_id = db_col_int(s, 1);
	db_col_copy(s, 2, p->given_name, sizeof p->given_name);
	db_col_copy(s, 3, p->family_name, sizeof p->family_name);
	db_col_copy(s, 4, p->loss, sizeof p->loss);
	p->loss_on = p->loss[0] ? db_col_date(s, 5) : 0;
	return r->fn(r->ctx, p);
}

int store_infant_list_many(db_t *db, const int64_t *family_ids, size_t n, store_person_fn fn, void *ctx,
                           struct dy_err *e)
{
	struct infant_rows *r = xcalloc(1, sizeof *r);
	r->fn = fn;
	r->ctx = ctx;
	str_copy(r->p.role, sizeof r->p.role, "infant");
	/* role = 'infant' is person_infant's condition and its second key: with
	 * two keys matched SQLite takes it over person_family without statistics. */
	int rc = store_batch_each(db, "SELECT id, family_id, given_name, family_name, loss, loss_on FROM person"
	                              " WHERE family_id IN " STORE_IN_LIST " AND role = 'infant' ORDER BY family_id, id",
	                          family_ids, n, infant_row, r, e);
	free(r);
	return rc;
}

int store_person_get_many(db_t *db, const int64_t *person_ids, size_t n, store_person_fn fn, void *ctx,
                          struct dy_err *e)
{
	struct person_rows r = {fn, ctx};
	return store_batch_each(db, PERSON_READ " WHERE id IN " STORE_IN_LIST " ORDER BY id", person_ids, n, person_row,
	                        &r, e);
}

struct team_rows {
	store_family_team_fn fn;
	void *ctx;
};

static int team_row(void *ctx, db_stmt_t *s)
{
	struct team_rows *r = ctx;
	return r->fn(r->ctx, db_col_int(s, 0), db_col_int(s, 1));
}

int store_family_teams(db_t *db, const int64_t *family_ids, size_t n, store_family_team_fn fn, void *ctx,
                       struct dy_err *e)
{
	struct team_rows r = {fn, ctx};
	return store_batch_each(db, "SELECT id, team_id FROM family WHERE id IN " STORE_IN_LIST " ORDER BY id",
	                        family_ids, n, team_row, &r, e);
}

int store_person_overdue(db_t *db, int32_t before, store_person_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, PERSON_READ " WHERE role = 'infant' AND date_of_birth IS NULL"
	                              " AND edd IS NOT NULL AND edd < ? AND loss IS NULL ORDER BY edd, id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_date(s, 1, before);
	return each_person(s, fn, ctx, e);
}

int store_person_list(db_t *db, int64_t family_id, store_person_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare_scoped(db, PERSON_READ " WHERE family_id = ? ORDER BY id",
	                                   PERSON_READ " ORDER BY id", family_id, e);
	if (!s)
		return DY_ESTORE;
	return each_person(s, fn, ctx, e);
}
