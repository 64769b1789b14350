/* store_summary.c: SQL for family list and caseload views. */
#include "store/store_summary.h"

#include <stdint.h>
#include <string.h>

#include "store/store_family.h"
#include "util/date.h"

#define OPEN_ONLY " AND ep.decision = 'accepted' AND ep.discharged_on IS NULL"
/* A person of the family whose name holds the pattern; '' matches all. */
#define NAMED " AND (? = '' OR EXISTS (SELECT 1 FROM person p WHERE p.family_id = f.id AND"          \
              " (p.given_name LIKE ? ESCAPE '\\' OR p.family_name LIKE ? ESCAPE '\\'"                  \
              " OR p.given_name || ' ' || p.family_name LIKE ? ESCAPE '\\')))"
#define NEWEST_EPISODE(f) "(SELECT MAX(id) FROM episode WHERE family_id = " f ".id AND error_at IS NULL)"

#define SUMMARY_COLS                                                                                    \
	"SELECT f.id, c.given_name, c.family_name, c.relationship, i.id, i.given_name, i.date_of_birth,"  \
	" i.edd, i.gestation_weeks, ep.id, ep.decision, ep.received_on, ep.discharged_on,"                \
	" (SELECT MAX(date) FROM contact WHERE episode_id = ep.id AND error_at IS NULL),"                \
	" (SELECT MIN(date) FROM contact WHERE episode_id = ep.id AND kind = 'assessment'"              \
	"    AND attendance = 'attended' AND error_at IS NULL),"                                         \
	" (SELECT status FROM safeguarding s WHERE s.infant_id = i.id AND s.ended_on IS NULL"            \
	"    AND s.error_at IS NULL"                                                                     \
	"    ORDER BY started_on DESC LIMIT 1),"                                                         \
	" ep.state"
#define SUMMARY_JOINS                                                                                   \
	" LEFT JOIN person c ON c.id = (SELECT MIN(id) FROM person WHERE family_id = f.id AND role = 'caregiver')" \
	" LEFT JOIN person i ON i.id = (SELECT MIN(id) FROM person WHERE family_id = f.id AND role = 'infant')"    \
	" LEFT JOIN episode ep ON ep.id = " NEWEST_EPISODE("f")

/* By id: the page starts from an id through the primary key. */
#define BY_ID(cmp, dir, open) \
	SUMMARY_COLS " FROM family f" SUMMARY_JOINS " WHERE f.id " cmp " ? AND " STORE_FAMILY_LIVE("f.") NAMED open " ORDER BY f.id " dir " LIMIT ?"

/* By another key (never NULL, so comparisons hold): the page's ids are
 * picked first from the key alone (a row value after the key of the
 * family the page starts after), then only those rows are summarised. */
#define KEY_NAME(f)                                                                                      \
	"COALESCE((SELECT lower(family_name) || ' ' || lower(given_name) FROM person WHERE id ="           \
	" (SELECT MIN(id) FROM person WHERE family_id = " f ".id AND role = 'caregiver')), '')"
/* Dates as ISO text on both stores (a date column on PostgreSQL, where
 * COALESCE with '' would be read as a date). */
#define KEY_RECEIVED(f) \
	"COALESCE(CAST((SELECT received_on FROM episode WHERE id = " NEWEST_EPISODE(f) ") AS TEXT), '')"
#define KEY_CONTACT(f) \
	"COALESCE(CAST((SELECT MAX(date) FROM contact WHERE episode_id = " NEWEST_EPISODE(f) " AND error_at IS NULL)" \
	" AS TEXT), '')"
#define BY_KEY(key, cmp, dir, open)                                                                      \
	SUMMARY_COLS " FROM (SELECT id, k FROM (SELECT f.id AS id, " key("f") " AS k FROM family f"        \
	" LEFT JOIN episode ep ON ep.id = " NEWEST_EPISODE("f") " WHERE " STORE_FAMILY_LIVE("f.") NAMED open ") keyed"         \
	" WHERE ? = 0 OR (k, id) " cmp " ((SELECT " key("x") " FROM family x WHERE x.id = ?), ?)"          \
	" ORDER BY k " dir ", id " dir " LIMIT ?) pg JOIN family f ON f.id = pg.id" SUMMARY_JOINS           \
	" ORDER BY pg.k " dir ", pg.id " dir
#define BY_KEY_ALL(key)                                                                                   \
	{BY_KEY(key, ">", "", ""), BY_KEY(key, "<", "DESC", ""), BY_KEY(key, ">", "", OPEN_ONLY),          \
	 BY_KEY(key, "<", "DESC", OPEN_ONLY)}

/* [sort][descending + 2 * open_only] */
static const char *const SUMMARY_SQL[4][4] = {
	[LIST_SORT_ID] = {BY_ID(">", "", ""), BY_ID("<", "DESC", ""), BY_ID(">", "", OPEN_ONLY),
	                  BY_ID("<", "DESC", OPEN_ONLY)},
	[LIST_SORT_NAME] = BY_KEY_ALL(KEY_NAME),
	[LIST_SORT_RECEIVED] = BY_KEY_ALL(KEY_RECEIVED),
	[LIST_SORT_LAST_CONTACT] = BY_KEY_ALL(KEY_CONTACT),
};

static const char *const SORT_CODES[] = {"id", "name", "received", "last_contact"};

const char *list_sort_code(enum list_sort s)
{
	return s >= LIST_SORT_ID && s <= LIST_SORT_LAST_CONTACT ? SORT_CODES[s] : SORT_CODES[0];
}

int list_sort_parse(const char *code)
{
	for (int i = 0; i < 4; i++)
		if (code && strcmp(code, SORT_CODES[i]) == 0)
			return i;
	return -1;
}

/* The referral's key worker: the practitioner at most of its contacts (the
 * later last contact, then the lower id, breaking a tie), counted here from
 * the referral's contact links. As a grouped subquery in the list's
 * statement it cost three quarters of a list page (two temporary b-trees
 * per row). */
static int key_worker(db_t *db, int64_t episode_id, char *out, size_t n, struct dy_err *e)
{
	out[0] = '\0';
	if (!episode_id)
		return 0;
	db_stmt_t *s = db_prepare(db, "SELECT p.id, k.date, p.name FROM contact k"
	                              " JOIN contact_practitioner cp ON cp.contact_id = k.id"
	                              " JOIN practitioner p ON p.id = cp.practitioner_id WHERE k.episode_id = ?", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, episode_id);
	enum { MAXP = 128 }; /* practitioners of one referral, counted */
	int64_t id[MAXP];
	int count[MAXP];
	int32_t last[MAXP];
	int np = 0, best = -1, rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		int64_t pid = db_col_int(s, 0);
		int32_t d = db_col_date(s, 1);
		int k = 0;
		while (k < np && id[k] != pid)
			k++;
		if (k == np) {
			if (np == MAXP)
				continue; /* beyond any real team's referral: not counted */
			id[np] = pid, count[np] = 0, last[np] = d, np++;
		}
		count[k]++;
		if (d > last[k])
			last[k] = d;
		if (best < 0 || count[k] > count[best] ||
		    (count[k] == count[best] && (last[k] > last[best] || (last[k] == last[best] && id[k] < id[best])))) {
			best = k; /* only k's count and date moved: it is the best, or the best still is */
			db_col_copy(s, 2, out, n);
		}
	}
	return rc < 0 ? rc : 0;
}

int store_family_summaries(db_t *db, int open_only, const struct list_page *pg, store_summary_fn fn, void *ctx,
                           struct dy_err *e)
{
	int sort = pg->sort >= LIST_SORT_ID && pg->sort <= LIST_SORT_LAST_CONTACT ? (int)pg->sort : LIST_SORT_ID;
	db_stmt_t *s = db_prepare(db, SUMMARY_SQL[sort][(pg->newest_first ? 1 : 0) + (open_only ? 2 : 0)], e);
	if (!s)
		return DY_ESTORE;
	/* LIKE '%name%', with LIKE's own characters taken literally. */
	char pattern[2 * NAME_BYTES + 3] = "";
	if (pg->name && pg->name[0]) {
		size_t j = 0;
		pattern[j++] = '%';
		for (const char *c = pg->name; *c && j < sizeof pattern - 3; c++) {
			if (*c == '%' || *c == '_' || *c == '\\')
				pattern[j++] = '\\';
			pattern[j++] = *c;
		}
		pattern[j++] = '%';
		pattern[j] = '\0';
	}
	int p = 1;
	if (sort == LIST_SORT_ID)
		db_bind_int(s, p++, pg->after > 0 ? pg->after : pg->newest_first ? INT64_MAX : 0);
	for (int i = 0; i < 4; i++)
		db_bind_text(s, p++, pattern);
	if (sort != LIST_SORT_ID) {
		int64_t after = pg->after > 0 ? pg->after : 0;
		db_bind_int(s, p++, after);
		db_bind_int(s, p++, after);
		db_bind_int(s, p++, after);
	}
	db_bind_int(s, p, pg->limit);
	int rc;
	struct family_summary r;
	while ((rc = db_step(s, e)) == DB_ROW) {
		memset(&r, 0, sizeof r);
		r.family_id = db_col_int(s, 0);
		db_col_copy(s, 1, r.caregiver_given, sizeof r.caregiver_given);
		db_col_copy(s, 2, r.caregiver_family, sizeof r.caregiver_family);
		db_col_copy(s, 3, r.relationship, sizeof r.relationship);
		r.infant_id = db_col_int(s, 4);
		db_col_copy(s, 5, r.infant_given, sizeof r.infant_given);
		r.infant_dob = db_col_date(s, 6);
		r.infant_edd = db_col_date(s, 7);
		r.infant_gestation = (int)db_col_int(s, 8);
		r.episode_id = db_col_int(s, 9);
		db_col_copy(s, 10, r.decision, sizeof r.decision);
		r.received_on = db_col_date(s, 11);
		r.discharged_on = db_col_date(s, 12);
		r.last_contact = db_col_date(s, 13);
		r.first_attended_assessment = db_col_date(s, 14);
		db_col_copy(s, 15, r.safeguarding, sizeof r.safeguarding);
		db_col_copy(s, 16, r.state, sizeof r.state);
		if ((rc = key_worker(db, r.episode_id, r.key_worker, sizeof r.key_worker, e)) < 0)
			return rc;
		if ((rc = fn(ctx, &r)))
			return rc;
	}
	return rc;
}

int store_family_count(db_t *db, int open_only, int64_t *n, struct dy_err *e)
{
	return db_query_int(db,
	                  open_only ? "SELECT COUNT(*) FROM family f"
	                              " LEFT JOIN episode ep ON ep.id = " NEWEST_EPISODE("f") " WHERE " STORE_FAMILY_LIVE("f.")
	                              OPEN_ONLY
	                            : "SELECT COUNT(*) FROM family WHERE " STORE_FAMILY_LIVE(""),
	                  n, e);
}

int store_record_empty(db_t *db, int *empty, struct dy_err *e)
{
	int64_t any = 0;
	int rc = db_query_int(db, "SELECT EXISTS (SELECT 1 FROM family) OR EXISTS (SELECT 1 FROM practitioner)", &any, e);
	*empty = !any;
	return rc;
}

int store_counts(db_t *db, struct store_counts *c, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT (SELECT COUNT(*) FROM family), (SELECT COUNT(*) FROM person),"
	                              " (SELECT COUNT(*) FROM episode),"
	                              " (SELECT COUNT(*) FROM episode WHERE discharged_on IS NULL"
	                              "   AND decision IN ('accepted','pending')),"
	                              " (SELECT COUNT(*) FROM contact), (SELECT COUNT(*) FROM measure)", e);
	if (!s)
		return DY_ESTORE;
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	c->families = db_col_int(s, 0);
	c->people = db_col_int(s, 1);
	c->referrals = db_col_int(s, 2);
	c->open_referrals = db_col_int(s, 3);
	c->contacts = db_col_int(s, 4);
	c->measures = db_col_int(s, 5);
	return 0;
}
