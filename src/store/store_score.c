/* store_score.c: SQL for stored scores, risk flags and locally loaded
 * licensed material (see store_score.h). */
#include "store/store_score.h"

#include "store/store_batch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"

static int delete_scores(db_t *db, int64_t measure_id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "DELETE FROM measure_score WHERE measure_id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, measure_id);
	return db_run(s, e);
}

static int insert_risk(db_t *db, int64_t measure_id, const struct instr_risk *k, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO measure_risk (measure_id, risk, item) VALUES (?,?,?)"
	                              " ON CONFLICT (measure_id, risk) DO NOTHING", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, measure_id);
	db_bind_text(s, 2, k->id);
	db_bind_int(s, 3, k->item >= 0 ? k->item + 1 : 0);
	return db_run(s, e);
}

struct risk_ids {
	char id[INSTR_MAX_RISKS * 4][40];
	int n;
};

static int collect_risk(void *ctx, const struct stored_risk *r)
{
	struct risk_ids *ids = ctx;
	if (ids->n < (int)(sizeof ids->id / sizeof ids->id[0]))
		memcpy(ids->id[ids->n++], r->risk, sizeof ids->id[0]);
	return 0;
}

/* Removes flags of the measure that r no longer raises. */
static int drop_stale_risks(db_t *db, int64_t measure_id, const struct score_result *r, struct dy_err *e)
{
	struct risk_ids have = {.n = 0};
	int rc = store_risk_list(db, measure_id, 0, collect_risk, &have, e);
	for (int i = 0; !rc && i < have.n; i++) {
		int keep = 0;
		for (int k = 0; k < r->nrisks; k++)
			keep |= strcmp(r->in->risks[r->risks[k]].id, have.id[i]) == 0;
		if (keep)
			continue;
		db_stmt_t *s = db_prepare(db, "DELETE FROM measure_risk WHERE measure_id = ? AND risk = ?", e);
		if (!s)
			return DY_ESTORE;
		db_bind_int(s, 1, measure_id);
		db_bind_text(s, 2, have.id[i]);
		rc = db_run(s, e);
	}
	return rc;
}

int store_score_save(db_t *db, int64_t measure_id, const struct score_result *r, int fresh, const char *refused,
                     struct dy_err *e)
{
	const struct instrument *in = r->in;
	int rc = fresh ? 0 : delete_scores(db, measure_id, e);
	for (int i = 0; !rc && i < in->nscales; i++) {
		db_stmt_t *s = db_prepare(db, "INSERT INTO measure_score (measure_id, position, scale, value, reason, band,"
		                              " clinical) VALUES (?,?,?,?,?,?,?)", e);
		if (!s)
			return DY_ESTORE;
		db_bind_int(s, 1, measure_id);
		db_bind_int(s, 2, i);
		db_bind_text(s, 3, in->scales[i].id);
		const struct score_scale *o = &r->scales[i];
		if (!r->nerrors && o->present) {
			db_bind_double(s, 4, o->value);
			const char *band = score_band_label(r, i);
			if (band)
				db_bind_text(s, 6, band);
			if (o->clinical >= 0)
				db_bind_int(s, 7, o->clinical);
		} else {
			char why[200];
			if (r->nerrors)
				snprintf(why, sizeof why, "%s", refused && *refused ? refused : "responses refused");
			else
				score_null_text(r, i, why, sizeof why);
			db_bind_text(s, 5, why);
		}
		rc = db_run(s, e);
	}
	if (!rc && !fresh && !r->nerrors)
		rc = drop_stale_risks(db, measure_id, r, e);
	for (int k = 0; !rc && !r->nerrors && k < r->nrisks; k++)
		rc = insert_risk(db, measure_id, &in->risks[r->risks[k]], e);
	return rc;
}

#define SCORE_COLS "(measure_id, position, scale, value, reason, band, clinical)"
#define V1 "(?,?,?,?,?,?,?)"
#define V2 V1 "," V1
#define V4 V2 "," V2
#define V8 V4 "," V4
#define V16 V8 "," V8
#define V32 V16 "," V16
static const char score_insert_one[] = "INSERT INTO measure_score " SCORE_COLS " VALUES " V1;
static const char score_insert_batch[] = "INSERT INTO measure_score " SCORE_COLS " VALUES " V32;

void store_score_batch_init(struct score_batch *b)
{
	b->n = 0;
}

static void bind_row(db_stmt_t *s, int base, const struct score_batch_row *x)
{
	db_bind_int(s, base + 1, x->measure_id);
	db_bind_int(s, base + 2, x->position);
	db_bind_text(s, base + 3, x->scale);
	if (x->present) {
		db_bind_double(s, base + 4, x->value);
		if (x->band)
			db_bind_text(s, base + 6, x->band);
		if (x->clinical >= 0)
			db_bind_int(s, base + 7, x->clinical);
	} else {
		db_bind_text(s, base + 5, x->reason ? x->reason : "no score");
	}
}

int store_score_batch_flush(db_t *db, struct score_batch *b, struct dy_err *e)
{
	int rc = 0;
	if (b->n == SCORE_BATCH) {
		db_stmt_t *s = db_prepare(db, score_insert_batch, e);
		if (!s)
			return DY_ESTORE;
		for (int i = 0; i < b->n; i++)
			bind_row(s, 7 * i, &b->rows[i]);
		rc = db_run(s, e);
	} else {
		for (int i = 0; !rc && i < b->n; i++) {
			db_stmt_t *s = db_prepare(db, score_insert_one, e);
			if (!s)
				return DY_ESTORE;
			bind_row(s, 0, &b->rows[i]);
			rc = db_run(s, e);
		}
	}
	b->n = 0;
	return rc;
}

int store_score_batch_add(db_t *db, struct score_batch *b, int64_t measure_id, const struct score_result *r,
                          struct dy_err *e)
{
	const struct instrument *in = r->in;
	int rc = 0;
	for (int i = 0; !rc && i < in->nscales; i++) {
		if (b->n == SCORE_BATCH && (rc = store_score_batch_flush(db, b, e)))
			return rc;
		struct score_batch_row *x = &b->rows[b->n];
		const struct score_scale *o = &r->scales[i];
		x->measure_id = measure_id;
		x->position = i;
		x->scale = in->scales[i].id;
		x->present = !r->nerrors && o->present;
		x->value = o->value;
		x->band = x->present ? score_band_label(r, i) : NULL;
		x->clinical = o->clinical;
		x->reason = NULL;
		if (!x->present) {
			if (r->nerrors)
				snprintf(b->reasons[b->n], sizeof b->reasons[0], "responses refused");
			else
				score_null_text(r, i, b->reasons[b->n], sizeof b->reasons[0]);
			x->reason = b->reasons[b->n];
		}
		b->n++;
	}
	for (int k = 0; !rc && !r->nerrors && k < r->nrisks; k++)
		rc = insert_risk(db, measure_id, &in->risks[r->risks[k]], e);
	if (!rc && b->n == SCORE_BATCH)
		rc = store_score_batch_flush(db, b, e);
	return rc;
}

int store_score_list(db_t *db, int64_t measure_id, store_score_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT position, scale, value, reason, band, clinical FROM measure_score"
	                              " WHERE measure_id = ? ORDER BY position", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, measure_id);
	int rc;
	struct stored_score o;
	while ((rc = db_step(s, e)) == DB_ROW) {
		o.measure_id = measure_id;
		o.position = (int)db_col_int(s, 0);
		db_col_copy(s, 1, o.scale, sizeof o.scale);
		o.present = !db_col_is_null(s, 2);
		o.value = o.present ? db_col_double(s, 2) : 0;
		db_col_copy(s, 3, o.reason, sizeof o.reason);
		db_col_copy(s, 4, o.band, sizeof o.band);
		o.clinical = db_col_is_null(s, 5) ? -1 : (int)db_col_int(s, 5);
		if ((rc = fn(ctx, &o)))
			return rc;
	}
	return rc;
}

#define RISK_SELECT                                                                                  \
	"SELECT r.measure_id, r.risk, r.item, r.acknowledged_by, r.acknowledged_on, r.action_taken,"      \
	" m.instrument, m.date, m.episode_id, ep.family_id FROM measure_risk r"                            \
	" JOIN measure m ON m.id = r.measure_id JOIN episode ep ON ep.id = m.episode_id"

static void read_risk(db_stmt_t *s, struct stored_risk *o)
{
	memset(o, 0, sizeof *o);
	o->measure_id = db_col_int(s, 0);
	db_col_copy(s, 1, o->risk, sizeof o->risk);
	o->item = (int)db_col_int(s, 2);
	db_col_copy(s, 3, o->acknowledged_by, sizeof o->acknowledged_by);
	o->acknowledged_on = db_col_date(s, 4);
	db_col_copy(s, 5, o->action, sizeof o->action);
	db_col_copy(s, 6, o->instrument, sizeof o->instrument);
	o->measure_date = db_col_date(s, 7);
	o->episode_id = db_col_int(s, 8);
	o->family_id = db_col_int(s, 9);
}

static int each_risk(db_stmt_t *s, store_risk_fn fn, void *ctx, struct dy_err *e)
{
	int rc;
	struct stored_risk o;
	while ((rc = db_step(s, e)) == DB_ROW) {
		read_risk(s, &o);
		if ((rc = fn(ctx, &o)))
			return rc;
	}
	return rc;
}

int store_risk_list(db_t *db, int64_t measure_id, int64_t episode_id, store_risk_fn fn, void *ctx,
                    struct dy_err *e)
{
	db_stmt_t *s = measure_id
		? db_prepare(db, RISK_SELECT " WHERE r.measure_id = ? ORDER BY r.measure_id, r.risk", e)
		: db_prepare(db, RISK_SELECT " WHERE m.episode_id = ? AND m.error_at IS NULL"
		                 " ORDER BY r.measure_id, r.risk", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, measure_id ? measure_id : episode_id);
	return each_risk(s, fn, ctx, e);
}

int store_risk_open(db_t *db, int64_t family_id, int32_t dated_by, store_risk_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = family_id
		? db_prepare(db, RISK_SELECT " WHERE r.acknowledged_on IS NULL AND m.error_at IS NULL"
		                 " AND ep.family_id = ?"
		                             " ORDER BY m.date, r.measure_id, r.risk", e)
		: db_prepare(db, RISK_SELECT " WHERE r.acknowledged_on IS NULL AND m.error_at IS NULL"
		                 " AND (? IS NULL OR m.date <= ?)"
		                             " ORDER BY m.date, r.measure_id, r.risk", e);
	if (!s)
		return DY_ESTORE;
	if (family_id) {
		db_bind_int(s, 1, family_id);
	} else {
		db_bind_date(s, 1, dated_by);
		db_bind_date(s, 2, dated_by);
	}
	return each_risk(s, fn, ctx, e);
}
struct risk_rows {
	store_risk_fn fn;
	void *ctx;
};

static int risk_row(void *ctx, db_stmt_t *s)
{
	struct risk_rows *r = ctx;
	struct stored_risk o;
	read_risk(s, &o);
	return r->fn(r->ctx, &o);
}

static int by_family(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

/* The families a long list's flags are kept for (ascending), and whom to give them. */
struct risk_filter {
	const int64_t *family_ids;
	size_t n;
	store_risk_fn fn;
	void *ctx;
};

static int risk_in_list(void *ctx, const struct stored_risk *r)
{
	const struct risk_filter *f = ctx;
	return bsearch(&r->family_id, f->family_ids, f->n, sizeof *f->family_ids, by_family) ? f->fn(f->ctx, r) : 0;
}

/* Every open flag of the database in the order of store_risk_open_many,
 * those of the families family_ids[0..n) (ascending) given to fn. */
static int risk_open_scan(db_t *db, const int64_t *family_ids, size_t n, store_risk_fn fn, void *ctx,
                          struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, RISK_SELECT " WHERE r.acknowledged_on IS NULL AND m.error_at IS NULL"
	                                          " ORDER BY ep.family_id, m.date, r.measure_id, r.risk", e);
	struct risk_filter f = {family_ids, n, fn, ctx};
	return s ? each_risk(s, risk_in_list, &f, e) : DY_ESTORE;
}

int store_risk_open_many(db_t *db, const int64_t *family_ids, size_t n, store_risk_fn fn, void *ctx,
                         struct dy_err *e)
{
	/* A long list (the waiting list's families) reads every open flag
	 * once when there are fewer of them than families: the flags come
	 * from their own partial index (measure_risk_open), where a family's
	 * look-up reads each of its measures (bench/RESULTS.md, "The waiting
	 * list's family columns"). */
	if (n > STORE_BATCH) {
		int64_t open = 0;
		int rc = db_query_int(db, "SELECT COUNT(*) FROM measure_risk WHERE acknowledged_on IS NULL", &open, e);
		if (rc)
			return rc;
		if ((uint64_t)open <= (uint64_t)n)
			return risk_open_scan(db, family_ids, n, fn, ctx, e);
	}
	struct risk_rows r = {fn, ctx};
	return store_batch_each(db, RISK_SELECT " WHERE r.acknowledged_on IS NULL AND m.error_at IS NULL"
	                            " AND ep.family_id IN " STORE_IN_LIST
	                                        " ORDER BY ep.family_id, m.date, r.measure_id, r.risk",
	                        family_ids, n, risk_row, &r, e);
}
#undef RISK_SELECT

int store_risk_acknowledge(db_t *db, int64_t measure_id, int64_t episode_id, const char *by, int32_t on,
                           const char *action, int *count, struct dy_err *e)
{
	*count = 0;
	db_stmt_t *s = measure_id
		? db_prepare(db, "UPDATE measure_risk SET acknowledged_by = ?, acknowledged_on = ?, action_taken = ?"
		                 " WHERE measure_id = ? AND acknowledged_on IS NULL", e)
		: db_prepare(db, "UPDATE measure_risk SET acknowledged_by = ?, acknowledged_on = ?, action_taken = ?"
		                 " WHERE measure_id IN (SELECT id FROM measure WHERE episode_id = ?)"
		                 " AND acknowledged_on IS NULL", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, by);
	db_bind_date(s, 2, on);
	db_bind_text(s, 3, action);
	db_bind_int(s, 4, measure_id ? measure_id : episode_id);
	int rc = db_run(s, e);
	if (!rc)
		*count = db_changes(db);
	return rc;
}

int store_risk_acknowledge_one(db_t *db, int64_t measure_id, const char *risk, const char *by, int32_t on,
                               const char *action, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE measure_risk SET acknowledged_by = ?, acknowledged_on = ?,"
	                              " action_taken = ? WHERE measure_id = ? AND risk = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, by);
	db_bind_date(s, 2, on);
	if (action && *action)
		db_bind_text(s, 3, action);
	db_bind_int(s, 4, measure_id);
	db_bind_text(s, 5, risk);
	return db_run(s, e);
}

int store_text_put(db_t *db, const char *instrument, int item, const char *text, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO instrument_text (instrument, item, text) VALUES (?,?,?)"
	                              " ON CONFLICT (instrument, item) DO UPDATE SET text = excluded.text", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, instrument);
	db_bind_int(s, 2, item);
	db_bind_text(s, 3, text);
	return db_run(s, e);
}

int store_text_list(db_t *db, store_text_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT instrument, item, text FROM instrument_text ORDER BY instrument, item", e);
	if (!s)
		return DY_ESTORE;
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW)
		if ((rc = fn(ctx, db_col_text(s, 0), (int)db_col_int(s, 1), db_col_text(s, 2))))
			return rc;
	return rc;
}

int store_table_put(db_t *db, const char *instrument, const char *name, const char *csv, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO instrument_table (instrument, name, csv) VALUES (?,?,?)"
	                              " ON CONFLICT (instrument, name) DO UPDATE SET csv = excluded.csv", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, instrument);
	db_bind_text(s, 2, name);
	db_bind_text(s, 3, csv);
	return db_run(s, e);
}

int store_table_list(db_t *db, store_table_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT instrument, name, csv FROM instrument_table ORDER BY instrument, name", e);
	if (!s)
		return DY_ESTORE;
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW)
		if ((rc = fn(ctx, db_col_text(s, 0), db_col_text(s, 1), db_col_text(s, 2))))
			return rc;
	return rc;
}
