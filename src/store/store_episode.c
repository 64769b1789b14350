/* store_episode.c: SQL for episodes, discharge outcomes and contacts. */
#include "store/store_episode.h"

#include <stdlib.h>
#include <string.h>

#include "util/date.h"

#define EPISODE_COLS \
	"id, family_id, infant_id, caregiver_id, received_on, source, decision, decided_on," \
	" discharged_on, discharge_reason, transferred_to, previous_id"

/* STORE_EPISODE_COLS for a query FROM episode e. */
#define EPISODE_READ "SELECT " STORE_EPISODE_COLS " FROM episode e"

/* Writes the referral's further infants (referral_infant). */
static int insert_more_infants(db_t *db, const struct episode *ep, struct dy_err *e)
{
	for (int i = 0; i < ep->n_more_infants; i++) {
		db_stmt_t *s = db_prepare(db, "INSERT INTO referral_infant (episode_id, infant_id) VALUES (?,?)", e);
		if (!s)
			return DY_ESTORE;
		db_bind_int(s, 1, ep->id);
		db_bind_int(s, 2, ep->more_infants[i]);
		int rc = db_run(s, e);
		if (rc)
			return rc;
	}
	return 0;
}

static int insert_episode(db_t *db, struct episode *ep, const char *state, struct dy_err *e)
{
	db_stmt_t *s = state
		? db_prepare(db, "INSERT INTO episode (" EPISODE_COLS ", state) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id", e)
		: db_prepare(db, "INSERT INTO episode (" EPISODE_COLS ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, ep->id);
	db_bind_int(s, 2, ep->family_id);
	db_bind_id(s, 3, ep->infant_id);
	db_bind_id(s, 4, ep->caregiver_id);
	db_bind_date(s, 5, ep->received_on);
	db_bind_text_ref(s, 6, ep->source);
	db_bind_text_ref(s, 7, ep->decision);
	db_bind_date(s, 8, ep->decided_on);
	db_bind_date(s, 9, ep->discharged_on);
	db_bind_text_ref_opt(s, 10, ep->discharge_reason);
	db_bind_text_ref_opt(s, 11, ep->transferred_to);
	db_bind_id(s, 12, ep->previous_id);
	if (state)
		db_bind_text_ref(s, 13, state);
	int rc = db_run_insert(s, &ep->id, e);
	if (!rc)
		rc = insert_more_infants(db, ep, e);
	return rc;
}

int store_episode_insert(db_t *db, struct episode *ep, struct dy_err *e)
{
	return insert_episode(db, ep, NULL, e);
}

int store_episode_insert_in_state(db_t *db, struct episode *ep, const char *state, struct dy_err *e)
{
	return insert_episode(db, ep, state, e);
}

void store_episode_read(db_stmt_t *s, struct episode *ep)
{
	memset(ep, 0, sizeof *ep);
	ep->id = db_col_int(s, 0);
	ep->family_id = db_col_int(s, 1);
	ep->infant_id = db_col_int(s, 2);
	ep->caregiver_id = db_col_int(s, 3);
	ep->received_on = db_col_date(s, 4);
	db_col_copy(s, 5, ep->source, sizeof ep->source);
	db_col_copy(s, 6, ep->decision, sizeof ep->decision);
	ep->decided_on = db_col_date(s, 7);
	ep->discharged_on = db_col_date(s, 8);
	db_col_copy(s, 9, ep->discharge_reason, sizeof ep->discharge_reason);
	/* column 10: the further infants, "id;id" */
	const char *more = db_col_text(s, 10);
	while (more && *more && ep->n_more_infants < EPISODE_INFANTS_MAX - 1) {
		char *end;
		long long id = strtoll(more, &end, 10);
		if (end == more)
			break;
		int k = ep->n_more_infants++;
		for (; k > 0 && ep->more_infants[k - 1] > id; k--)
			ep->more_infants[k] = ep->more_infants[k - 1];
		ep->more_infants[k] = id;
		more = *end == ';' ? end + 1 : end;
	}
	db_col_copy(s, 11, ep->transferred_to, sizeof ep->transferred_to);
	ep->previous_id = db_col_int(s, 12);
}

int store_episode_get(db_t *db, int64_t id, struct episode *ep, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, EPISODE_READ " WHERE e.id = ?", id, "referral", &s, e);
	if (rc)
		return rc;
	store_episode_read(s, ep);
	return 0;
}

int store_episode_update(db_t *db, const struct episode *ep, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE episode SET decision = ?, decided_on = ?, discharged_on = ?,"
	                              " discharge_reason = ?, transferred_to = ? WHERE id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, ep->decision);
	db_bind_date(s, 2, ep->decided_on);
	db_bind_date(s, 3, ep->discharged_on);
	db_bind_text_opt(s, 4, ep->discharge_reason);
	db_bind_text_opt(s, 5, ep->transferred_to);
	db_bind_int(s, 6, ep->id);
	return db_run_one(db, s, "referral", ep->id, e);
}

int store_episode_list(db_t *db, int64_t family_id, store_episode_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare_scoped(db, EPISODE_READ " WHERE e.family_id = ? AND e.error_at IS NULL"
	                                       " ORDER BY e.id",
	                                   EPISODE_READ " WHERE e.error_at IS NULL ORDER BY e.id", family_id, e);
	if (!s)
		return DY_ESTORE;
	int rc;
	struct episode ep;
	while ((rc = db_step(s, e)) == DB_ROW) {
		store_episode_read(s, &ep);
		if ((rc = fn(ctx, &ep)))
			return rc;
	}
	return rc;
}

int store_episode_open_for_family(db_t *db, int64_t family_id, int64_t *id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT MAX(id) FROM episode WHERE family_id = ? AND discharged_on IS NULL"
	                              " AND decision IN ('accepted', 'pending')", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, family_id);
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	*id = rc == DB_ROW ? db_col_int(s, 0) : 0;
	return 0;
}

int store_outcome_delete(db_t *db, int64_t episode_id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "DELETE FROM discharge_outcome WHERE episode_id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, episode_id);
	return db_run(s, e);
}

int store_outcome_insert(db_t *db, const struct discharge_outcome *o, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO discharge_outcome (episode_id, infant_id, care_status) VALUES (?,?,?)", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, o->episode_id);
	db_bind_int(s, 2, o->infant_id);
	db_bind_text(s, 3, o->care_status);
	return db_run(s, e);
}

int store_outcome_list(db_t *db, int64_t episode_id, store_outcome_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare_scoped(db, "SELECT episode_id, infant_id, care_status FROM discharge_outcome"
		                 " WHERE episode_id = ? ORDER BY episode_id, infant_id",
	                                   "SELECT episode_id, infant_id, care_status FROM discharge_outcome"
		                 " ORDER BY episode_id, infant_id", episode_id, e);
	if (!s)
		return DY_ESTORE;
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		struct discharge_outcome o = {.episode_id = db_col_int(s, 0), .infant_id = db_col_int(s, 1)};
		db_col_copy(s, 2, o.care_status, sizeof o.care_status);
		if ((rc = fn(ctx, &o)))
			return rc;
	}
	return rc;
}

/* One multi-row INSERT per contact and link table: "... VALUES (?,?)" with
 * 1 to 8 rows, so a contact's links cost one statement, not one each. */
#define LINK_VALUES_1 "(?,?)"
#define LINK_VALUES_2 LINK_VALUES_1 ",(?,?)"
#define LINK_VALUES_3 LINK_VALUES_2 ",(?,?)"
#define LINK_VALUES_4 LINK_VALUES_3 ",(?,?)"
#define LINK_VALUES_5 LINK_VALUES_4 ",(?,?)"
#define LINK_VALUES_6 LINK_VALUES_5 ",(?,?)"
#define LINK_VALUES_7 LINK_VALUES_6 ",(?,?)"
#define LINK_VALUES_8 LINK_VALUES_7 ",(?,?)"
#define LINK_SQL(table, col)                                                                                 \
	{"INSERT INTO " table " (contact_id, " col ") VALUES " LINK_VALUES_1,                                   \
	 "INSERT INTO " table " (contact_id, " col ") VALUES " LINK_VALUES_2,                                   \
	 "INSERT INTO " table " (contact_id, " col ") VALUES " LINK_VALUES_3,                                   \
	 "INSERT INTO " table " (contact_id, " col ") VALUES " LINK_VALUES_4,                                   \
	 "INSERT INTO " table " (contact_id, " col ") VALUES " LINK_VALUES_5,                                   \
	 "INSERT INTO " table " (contact_id, " col ") VALUES " LINK_VALUES_6,                                   \
	 "INSERT INTO " table " (contact_id, " col ") VALUES " LINK_VALUES_7,                                   \
	 "INSERT INTO " table " (contact_id, " col ") VALUES " LINK_VALUES_8}
static const char *const link_practitioner_sql[8] = LINK_SQL("contact_practitioner", "practitioner_id");
static const char *const link_attendee_sql[8] = LINK_SQL("contact_attendee", "person_id");

static int insert_links(db_t *db, const char *const *sql, int64_t contact_id, const int64_t *ids, int n,
                        struct dy_err *e)
{
	if (n <= 0)
		return 0;
	if (n > 8)
		return dy_fail(e, DY_EINVAL, NULL, "at most 8 links per contact");
	db_stmt_t *s = db_prepare(db, sql[n - 1], e);
	if (!s)
		return DY_ESTORE;
	for (int i = 0; i < n; i++) {
		db_bind_int(s, 2 * i + 1, contact_id);
		db_bind_int(s, 2 * i + 2, ids[i]);
	}
	return db_run(s, e);
}

#define LINK_VALUES_16 LINK_VALUES_8 "," LINK_VALUES_8
#define LINK_VALUES_64 LINK_VALUES_16 "," LINK_VALUES_16 "," LINK_VALUES_16 "," LINK_VALUES_16
static const char *const link_practitioner_64 =
	"INSERT INTO contact_practitioner (contact_id, practitioner_id) VALUES " LINK_VALUES_64;
static const char *const link_attendee_64 = "INSERT INTO contact_attendee (contact_id, person_id) VALUES " LINK_VALUES_64;

/* Writes n buffered (contact, id) rows: 64 at a time, then 8, then the rest. */
static int flush_links(db_t *db, const char *sql64, const char *const *sql8, int64_t (*rows)[2], int *n,
                       struct dy_err *e)
{
	int done = 0, rc = 0;
	while (!rc && done < *n) {
		int left = *n - done;
		int k = left >= 64 ? 64 : left >= 8 ? 8 : left;
		db_stmt_t *s = db_prepare(db, k == 64 ? sql64 : sql8[k - 1], e);
		if (!s)
			return DY_ESTORE;
		for (int i = 0; i < k; i++) {
			db_bind_int(s, 2 * i + 1, rows[done + i][0]);
			db_bind_int(s, 2 * i + 2, rows[done + i][1]);
		}
		rc = db_run(s, e);
		done += k;
	}
	*n = 0;
	return rc;
}

#define CONTACT_ROW "(?,?,?,?,?,?,?,?)"
#define CONTACT_ROWS_4 CONTACT_ROW "," CONTACT_ROW "," CONTACT_ROW "," CONTACT_ROW
#define CONTACT_ROWS_16 CONTACT_ROWS_4 "," CONTACT_ROWS_4 "," CONTACT_ROWS_4 "," CONTACT_ROWS_4
static const char contact_batch_sql[] = "INSERT INTO contact (id, episode_id, date, kind, intervention, location,"
                                        " attendance, duration_min) VALUES " CONTACT_ROWS_16 "," CONTACT_ROWS_16;

/* Writes the waiting contact rows: a full batch in one statement, a
 * partial one row by row. */
static int flush_rows(db_t *db, struct store_link_batch *b, struct dy_err *e)
{
	int rc = 0;
	if (b->nrows == STORE_CONTACT_BATCH) {
		db_stmt_t *s = db_prepare(db, contact_batch_sql, e);
		if (!s)
			return DY_ESTORE;
		for (int i = 0; i < b->nrows; i++) {
			const struct contact *c = &b->rows[i];
			int k = 8 * i;
			db_bind_int(s, k + 1, c->id);
			db_bind_int(s, k + 2, c->episode_id);
			db_bind_date(s, k + 3, c->date);
			db_bind_text_ref(s, k + 4, c->kind);
			db_bind_text_ref_opt(s, k + 5, c->intervention);
			db_bind_text_ref(s, k + 6, c->location);
			db_bind_text_ref(s, k + 7, c->attendance);
			if (c->duration_min >= 0)
				db_bind_int(s, k + 8, c->duration_min);
			else
				db_bind_null(s, k + 8);
		}
		rc = db_run(s, e);
	} else {
		for (int i = 0; !rc && i < b->nrows; i++)
			rc = store_contact_insert(db, &b->rows[i], e);
	}
	b->nrows = 0;
	return rc;
}

int store_contact_table_empty(db_t *db, struct dy_err *e)
{
	int64_t empty;
	int rc = db_query_int(db, "SELECT NOT EXISTS (SELECT 1 FROM contact)", &empty, e);
	return rc < 0 ? rc : (int)empty;
}

int store_link_flush(db_t *db, struct store_link_batch *b, struct dy_err *e)
{
	int rc = flush_rows(db, b, e);
	if (rc)
		return rc;
	rc = flush_links(db, link_practitioner_64, link_practitioner_sql, b->pract, &b->npract, e);
	return rc ? rc : flush_links(db, link_attendee_64, link_attendee_sql, b->attend, &b->nattend, e);
}

int store_contact_insert_batched(db_t *db, struct contact *c, struct store_link_batch *b, struct dy_err *e)
{
	int np = c->n_practitioners, na = c->n_attendees;
	int rc = 0;
	if (b->rows_are_new && c->id > 0) {
		struct contact *row = &b->rows[b->nrows++];
		*row = *c;
		row->n_practitioners = row->n_attendees = 0;
		if (b->nrows == STORE_CONTACT_BATCH)
			rc = flush_rows(db, b, e);
	} else {
		c->n_practitioners = c->n_attendees = 0;
		rc = store_contact_insert(db, c, e);
		c->n_practitioners = np;
		c->n_attendees = na;
	}
	for (int i = 0; !rc && i < np; i++) {
		if (b->npract == STORE_LINK_BATCH)
			rc = flush_links(db, link_practitioner_64, link_practitioner_sql, b->pract, &b->npract, e);
		b->pract[b->npract][0] = c->id;
		b->pract[b->npract++][1] = c->practitioners[i];
	}
	for (int i = 0; !rc && i < na; i++) {
		if (b->nattend == STORE_LINK_BATCH)
			rc = flush_links(db, link_attendee_64, link_attendee_sql, b->attend, &b->nattend, e);
		b->attend[b->nattend][0] = c->id;
		b->attend[b->nattend++][1] = c->attendees[i];
	}
	return rc;
}

int store_contact_insert(db_t *db, struct contact *c, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO contact (id, episode_id, date, kind, intervention, location,"
	                              " attendance, duration_min) VALUES (?,?,?,?,?,?,?,?) RETURNING id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, c->id);
	db_bind_int(s, 2, c->episode_id);
	db_bind_date(s, 3, c->date);
	db_bind_text_ref(s, 4, c->kind);
	db_bind_text_ref_opt(s, 5, c->intervention);
	db_bind_text_ref(s, 6, c->location);
	db_bind_text_ref(s, 7, c->attendance);
	if (c->duration_min >= 0)
		db_bind_int(s, 8, c->duration_min);
	int rc = db_run_insert(s, &c->id, e);
	if (rc)
		return rc;
	if ((rc = insert_links(db, link_practitioner_sql, c->id, c->practitioners, c->n_practitioners, e)))
		return rc;
	return insert_links(db, link_attendee_sql, c->id, c->attendees, c->n_attendees, e);
}

/* Adds id to the sorted list ids (n entries, at most 8) unless present. */
static void add_id(int64_t *ids, int *n, int64_t id)
{
	int k = 0;
	while (k < *n && ids[k] < id)
		k++;
	if ((k < *n && ids[k] == id) || *n >= 8)
		return;
	memmove(ids + k + 1, ids + k, (size_t)(*n - k) * sizeof *ids);
	ids[k] = id;
	(*n)++;
}

/* Reads the ids of one contact's links (one column of table) into ids. */
static int links_get(db_t *db, const char *sql, int64_t contact_id, int64_t *ids, int *n, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, sql, e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, contact_id);
	int rc;
	*n = 0;
	while ((rc = db_step(s, e)) == DB_ROW)
		add_id(ids, n, db_col_int(s, 0));
	return rc == DB_DONE ? 0 : rc;
}

int store_contact_links_get(db_t *db, struct contact *c, struct dy_err *e)
{
	int rc = links_get(db, "SELECT practitioner_id FROM contact_practitioner WHERE contact_id = ?", c->id,
	                   c->practitioners, &c->n_practitioners, e);
	return rc ? rc
	          : links_get(db, "SELECT person_id FROM contact_attendee WHERE contact_id = ?", c->id, c->attendees,
	                      &c->n_attendees, e);
}

/* Deletes one contact's links of one table. */
static int links_clear(db_t *db, const char *sql, int64_t contact_id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, sql, e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, contact_id);
	return db_run(s, e);
}

int store_contact_links_replace(db_t *db, const struct contact *c, struct dy_err *e)
{
	int rc = links_clear(db, "DELETE FROM contact_practitioner WHERE contact_id = ?", c->id, e);
	if (!rc)
		rc = links_clear(db, "DELETE FROM contact_attendee WHERE contact_id = ?", c->id, e);
	if (!rc)
		rc = insert_links(db, link_practitioner_sql, c->id, c->practitioners, c->n_practitioners, e);
	return rc ? rc : insert_links(db, link_attendee_sql, c->id, c->attendees, c->n_attendees, e);
}

int store_contact_list(db_t *db, int64_t episode_id, store_contact_fn fn, void *ctx, struct dy_err *e)
{
	/* Portable SQL: each contact comes once per (practitioner, attendee)
	 * pair of its links (a few rows), gathered here, instead of a dialect's
	 * string aggregate. */
#define CONTACT_SELECT                                                                                  \
	"SELECT c.id, c.episode_id, c.date, c.kind, c.intervention, c.location, c.attendance, c.duration_min," \
	" p.practitioner_id, a.person_id FROM contact c"                                                      \
	" LEFT JOIN contact_practitioner p ON p.contact_id = c.id"                                            \
	" LEFT JOIN contact_attendee a ON a.contact_id = c.id"
	db_stmt_t *s = db_prepare_scoped(db, CONTACT_SELECT " WHERE c.episode_id = ? AND c.error_at IS NULL"
	                                       " ORDER BY c.episode_id, c.date, c.id",
	                                   CONTACT_SELECT " ORDER BY c.id", episode_id, e);
	if (!s)
		return DY_ESTORE;
	int rc;
	struct contact c;
	memset(&c, 0, sizeof c);
	while ((rc = db_step(s, e)) == DB_ROW) {
		int64_t id = db_col_int(s, 0);
		if (id != c.id) {
			if (c.id && (rc = fn(ctx, &c)))
				return rc;
			memset(&c, 0, sizeof c);
			c.id = id;
			c.episode_id = db_col_int(s, 1);
			c.date = db_col_date(s, 2);
			db_col_copy(s, 3, c.kind, sizeof c.kind);
			db_col_copy(s, 4, c.intervention, sizeof c.intervention);
			db_col_copy(s, 5, c.location, sizeof c.location);
			db_col_copy(s, 6, c.attendance, sizeof c.attendance);
			c.duration_min = db_col_is_null(s, 7) ? -1 : (int)db_col_int(s, 7);
		}
		if (!db_col_is_null(s, 8))
			add_id(c.practitioners, &c.n_practitioners, db_col_int(s, 8));
		if (!db_col_is_null(s, 9))
			add_id(c.attendees, &c.n_attendees, db_col_int(s, 9));
	}
	if (rc == DB_DONE && c.id)
		rc = fn(ctx, &c);
	return rc;
#undef CONTACT_SELECT
}
