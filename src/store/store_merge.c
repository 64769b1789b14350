/* store_merge.c: SQL for merging duplicate families (see store_merge.h). */
#include "store/store_merge.h"

#include <string.h>

#include "store/store_family.h"

const char *const merge_kind_names[MERGE_KINDS] = {
	"people",       "people_joined", "episodes",         "contacts", "measures", "safeguarding",
	"notes",        "goals",         "care_plans",       "appointments", "group_enrolments", "letters",
	"feedback",     "video_cycles",  "corrections",      "consultations",
};

#define OF_EPISODES(t) "SELECT COUNT(*) FROM " t " WHERE episode_id IN (SELECT id FROM episode WHERE family_id = ?)"

/* [kind]: a count of family ?'s records; NULL for the kind counted by the caller. */
static const char *const COUNT_SQL[MERGE_KINDS] = {
	[MERGE_PEOPLE] = "SELECT COUNT(*) FROM person WHERE family_id = ?",
	[MERGE_EPISODES] = "SELECT COUNT(*) FROM episode WHERE family_id = ?",
	[MERGE_CONTACTS] = OF_EPISODES("contact"),
	[MERGE_MEASURES] = OF_EPISODES("measure"),
	[MERGE_SAFEGUARDING] = "SELECT COUNT(*) FROM safeguarding WHERE infant_id IN"
	                       " (SELECT id FROM person WHERE family_id = ?)",
	[MERGE_NOTES] = OF_EPISODES("note"),
	[MERGE_GOALS] = OF_EPISODES("goal"),
	[MERGE_CARE_PLANS] = OF_EPISODES("care_plan"),
	[MERGE_APPOINTMENTS] = OF_EPISODES("appointment"),
	[MERGE_GROUP_ENROLMENTS] = OF_EPISODES("group_enrolment"),
	[MERGE_LETTERS] = OF_EPISODES("letter"),
	[MERGE_FEEDBACK] = OF_EPISODES("feedback"),
	[MERGE_VIDEO_CYCLES] = OF_EPISODES("video_cycle"),
	[MERGE_CORRECTIONS] = "SELECT COUNT(*) FROM correction WHERE family_id = ?",
	[MERGE_CONSULTATIONS] = "SELECT COUNT(*) FROM consultation WHERE family_id = ?",
};

/* Runs sql with its parameters bound to p1 and (when it has one) p2. */
static int run2(db_t *db, const char *sql, int64_t p1, int64_t p2, int two, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, sql, e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, p1);
	if (two)
		db_bind_int(s, 2, p2);
	return db_run(s, e);
}

/* The one integer sql answers for parameters p1 (and p2). */
static int count2(db_t *db, const char *sql, int64_t p1, int64_t p2, int two, int64_t *n, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, sql, e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, p1);
	if (two)
		db_bind_int(s, 2, p2);
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	*n = rc == DB_ROW ? db_col_int(s, 0) : 0;
	if (rc == DB_ROW)
		db_step(s, e);
	return 0;
}

int store_family_merged_into(db_t *db, int64_t id, int64_t *into, struct dy_err *e)
{
	return count2(db, "SELECT merged_into FROM family WHERE id = ?", id, 0, 0, into, e);
}

int store_merge_count(db_t *db, int64_t id, int64_t moved[MERGE_KINDS], struct dy_err *e)
{
	for (int k = 0; k < MERGE_KINDS; k++) {
		moved[k] = 0;
		int rc = COUNT_SQL[k] ? count2(db, COUNT_SQL[k], id, 0, 0, &moved[k], e) : 0;
		if (rc)
			return rc;
	}
	return 0;
}

#define OPEN_REFERRAL "state NOT IN ('declined','signposted','discharged')"

int store_merge_conflict(db_t *db, int64_t a, int64_t b, struct dy_err *e)
{
	static const char *const BOTH[] = {
		"SELECT COUNT(*) FROM safeguarding x JOIN safeguarding y ON y.status <> x.status"
		" WHERE x.infant_id = ? AND x.ended_on IS NULL AND y.infant_id = ? AND y.ended_on IS NULL",
		"SELECT COUNT(*) FROM episode WHERE caregiver_id = ? AND " OPEN_REFERRAL
		" AND EXISTS (SELECT 1 FROM episode WHERE caregiver_id = ? AND " OPEN_REFERRAL ")",
		"SELECT COUNT(*) FROM safeguarding x JOIN safeguarding y ON y.started_on = x.started_on"
		" AND y.status = x.status WHERE x.infant_id = ? AND y.infant_id = ?",
		"SELECT COUNT(*) FROM group_enrolment x JOIN group_enrolment y ON y.run_id = x.run_id"
		" WHERE x.person_id = ? AND y.person_id = ?",
	};
	for (int i = 0; i < 4; i++) {
		int64_t n = 0;
		int rc = count2(db, BOTH[i], a, b, 1, &n, e);
		if (rc)
			return rc;
		if (n)
			return i + 1;
	}
	return 0;
}

int store_merge_mark(db_t *db, int64_t kept, int64_t merged, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE family SET merged_into = ? WHERE id = ? AND merged_into IS NULL", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, kept);
	db_bind_int(s, 2, merged);
	return db_run_one(db, s, "family", merged, e);
}

int store_merge_join_person(db_t *db, int64_t a, int64_t b, struct dy_err *e)
{
	static const char *const SQL[] = {
		"UPDATE episode SET infant_id = ? WHERE infant_id = ?",
		"UPDATE episode SET caregiver_id = ? WHERE caregiver_id = ?",
		"UPDATE referral_infant SET infant_id = ? WHERE infant_id = ?",
		"UPDATE contact_attendee SET person_id = ? WHERE person_id = ?",
		"UPDATE appointment_attendee SET person_id = ? WHERE person_id = ?",
		"UPDATE safeguarding SET infant_id = ? WHERE infant_id = ?",
		"UPDATE discharge_outcome SET infant_id = ? WHERE infant_id = ?",
		"UPDATE measure SET person_id = ? WHERE person_id = ?",
		"UPDATE measure SET subject_caregiver_id = ? WHERE subject_caregiver_id = ?",
		"UPDATE measure SET subject_infant_id = ? WHERE subject_infant_id = ?",
		"UPDATE group_enrolment SET person_id = ? WHERE person_id = ?",
		"UPDATE group_waiting SET person_id = ? WHERE person_id = ?",
	};
	int rc = 0;
	for (size_t i = 0; !rc && i < sizeof SQL / sizeof SQL[0]; i++)
		rc = run2(db, SQL[i], a, b, 1, e);
	return rc;
}

int store_merge_move_person(db_t *db, int64_t id, int64_t kept, struct dy_err *e)
{
	return run2(db, "UPDATE person SET family_id = ? WHERE id = ?", kept, id, 1, e);
}

int store_merge_move_family(db_t *db, int64_t kept, int64_t merged, struct dy_err *e)
{
	static const char *const SQL[] = {
		"UPDATE episode SET family_id = ? WHERE family_id = ?",
		"UPDATE correction SET family_id = ? WHERE family_id = ?",
		"UPDATE consultation SET family_id = ? WHERE family_id = ?",
	};
	int rc = 0;
	for (size_t i = 0; !rc && i < sizeof SQL / sizeof SQL[0]; i++)
		rc = run2(db, SQL[i], kept, merged, 1, e);
	return rc;
}

#define MERGE_COLS                                                                                              \
	"id, kept, merged, reason, merged_by, merged_at, people, people_joined, episodes, contacts, measures,"      \
	" safeguarding, notes, goals, care_plans, appointments, group_enrolments, letters, feedback, video_cycles," \
	" corrections, consultations"

int store_merge_insert(db_t *db, struct family_merge *m, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO family_merge (" MERGE_COLS ") VALUES"
	                              " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, m->id);
	db_bind_int(s, 2, m->kept);
	db_bind_int(s, 3, m->merged);
	db_bind_text_ref(s, 4, m->reason);
	db_bind_text_ref(s, 5, m->merged_by);
	db_bind_text_ref(s, 6, m->merged_at);
	for (int k = 0; k < MERGE_KINDS; k++)
		db_bind_int(s, 7 + k, m->moved[k]);
	return db_run_insert(s, &m->id, e);
}

int store_merge_list(db_t *db, int64_t id, store_merge_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = id ? db_prepare(db, "SELECT " MERGE_COLS " FROM family_merge WHERE kept = ? OR merged = ? ORDER BY id", e)
	                  : db_prepare(db, "SELECT " MERGE_COLS " FROM family_merge ORDER BY id", e);
	if (!s)
		return DY_ESTORE;
	if (id) {
		db_bind_int(s, 1, id);
		db_bind_int(s, 2, id);
	}
	int rc;
	struct family_merge m;
	while ((rc = db_step(s, e)) == DB_ROW) {
		memset(&m, 0, sizeof m);
		m.id = db_col_int(s, 0);
		m.kept = db_col_int(s, 1);
		m.merged = db_col_int(s, 2);
		db_col_copy(s, 3, m.reason, sizeof m.reason);
		db_col_copy(s, 4, m.merged_by, sizeof m.merged_by);
		db_col_copy(s, 5, m.merged_at, sizeof m.merged_at);
		for (int k = 0; k < MERGE_KINDS; k++)
			m.moved[k] = db_col_int(s, 6 + k);
		if ((rc = fn(ctx, &m)))
			return rc;
	}
	return rc < 0 ? rc : 0;
}

int store_merge_people(db_t *db, store_merge_person_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "SELECT p.id, p.family_id, f.team_id, p.role, p.nhs_number, p.given_name, p.family_name,"
	                          " p.date_of_birth, p.postcode FROM person p JOIN family f ON f.id = p.family_id"
	                          " WHERE p.date_of_birth IS NOT NULL AND " STORE_FAMILY_LIVE("f.")
	                          " ORDER BY p.id",
	                          e);
	if (!s)
		return DY_ESTORE;
	int rc;
	struct merge_person m;
	while ((rc = db_step(s, e)) == DB_ROW) {
		memset(&m, 0, sizeof m);
		m.p.id = db_col_int(s, 0);
		m.p.family_id = db_col_int(s, 1);
		m.team_id = db_col_int(s, 2);
		db_col_copy(s, 3, m.p.role, sizeof m.p.role);
		db_col_copy(s, 4, m.p.nhs_number, sizeof m.p.nhs_number);
		db_col_copy(s, 5, m.p.given_name, sizeof m.p.given_name);
		db_col_copy(s, 6, m.p.family_name, sizeof m.p.family_name);
		m.p.date_of_birth = db_col_date(s, 7);
		db_col_copy(s, 8, m.p.postcode, sizeof m.p.postcode);
		if ((rc = fn(ctx, &m)))
			return rc;
	}
	return rc < 0 ? rc : 0;
}
