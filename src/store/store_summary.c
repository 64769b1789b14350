/* store_summary.c: SQL for family list and caseload views. */
#include "store/store_summary.h"

#include <stdint.h>
#include <string.h>

#include "util/date.h"

#define OPEN_ONLY " AND ep.decision = 'accepted' AND ep.discharged_on IS NULL"
/* A person of the family whose name holds the pattern; '' matches all. */
#define NAMED " AND (? = '' OR EXISTS (SELECT 1 FROM person p WHERE p.family_id = f.id AND"          \
              " (p.given_name LIKE ? ESCAPE '\\' OR p.family_name LIKE ? ESCAPE '\\'"                  \
              " OR p.given_name || ' ' || p.family_name LIKE ? ESCAPE '\\')))"
#define OLDEST " WHERE f.id > ?" NAMED
#define NEWEST " WHERE f.id < ?" NAMED
#define UP " ORDER BY f.id LIMIT ? OFFSET ?"
#define DOWN " ORDER BY f.id DESC LIMIT ? OFFSET ?"

#define SUMMARY_SQL(where)                                                                              \
	"SELECT f.id, c.given_name, c.family_name, c.relationship, i.id, i.given_name, i.date_of_birth,"  \
	" i.edd, i.gestation_weeks, ep.id, ep.decision, ep.received_on, ep.discharged_on,"                \
	" (SELECT MAX(date) FROM contact WHERE episode_id = ep.id),"                                     \
	" (SELECT MIN(date) FROM contact WHERE episode_id = ep.id AND kind = 'assessment'"              \
	"    AND attendance = 'attended'),"                                                              \
	" (SELECT status FROM safeguarding s WHERE s.infant_id = i.id AND s.ended_on IS NULL"            \
	"    ORDER BY started_on DESC LIMIT 1),"                                                         \
	" ep.state,"                                                                                     \
	" (SELECT p.name FROM contact k JOIN contact_practitioner cp ON cp.contact_id = k.id"            \
	"    JOIN practitioner p ON p.id = cp.practitioner_id WHERE k.episode_id = ep.id"               \
	"    GROUP BY p.id ORDER BY COUNT(*) DESC, MAX(k.date) DESC, p.id LIMIT 1)"                    \
	" FROM family f"                                                                                 \
	" LEFT JOIN person c ON c.id = (SELECT MIN(id) FROM person WHERE family_id = f.id AND role = 'caregiver')" \
	" LEFT JOIN person i ON i.id = (SELECT MIN(id) FROM person WHERE family_id = f.id AND role = 'infant')"    \
	" LEFT JOIN episode ep ON ep.id = (SELECT MAX(id) FROM episode WHERE family_id = f.id)"           \
	where

int store_family_summaries(db_t *db, int open_only, const struct list_page *pg, store_summary_fn fn, void *ctx,
                           struct dy_err *e)
{
	/* Keyset: the page starts from an id through the primary key, never
	 * walking the rows before it; OFFSET only for the command line. */
	db_stmt_t *s = pg->newest_first
		? (open_only ? db_prepare(db, SUMMARY_SQL(NEWEST OPEN_ONLY DOWN), e) : db_prepare(db, SUMMARY_SQL(NEWEST DOWN), e))
		: (open_only ? db_prepare(db, SUMMARY_SQL(OLDEST OPEN_ONLY UP), e) : db_prepare(db, SUMMARY_SQL(OLDEST UP), e));
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, pg->after > 0 ? pg->after : pg->newest_first ? INT64_MAX : 0);
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
	db_bind_text(s, 2, pattern);
	for (int i = 3; i <= 5; i++)
		db_bind_text(s, i, pattern);
	db_bind_int(s, 6, pg->limit);
	db_bind_int(s, 7, pg->offset);
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
		db_col_copy(s, 17, r.key_worker, sizeof r.key_worker);
		if ((rc = fn(ctx, &r)))
			return rc;
	}
	return rc;
}

int store_family_count(db_t *db, int open_only, int64_t *n, struct dy_err *e)
{
	return db_query_int(db,
	                  open_only ? "SELECT COUNT(*) FROM family f"
	                              " LEFT JOIN episode ep ON ep.id = (SELECT MAX(id) FROM episode WHERE family_id = f.id)"
	                              OPEN_ONLY
	                            : "SELECT COUNT(*) FROM family",
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
