/* store_appointment.c: SQL for booked appointments (see store_appointment.h). */
#include "store/store_appointment.h"

#include <string.h>

#include "store/store_links.h"
#include "util/date.h"

int store_appointment_insert(db_t *db, struct appointment *ap, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "INSERT INTO appointment (id, episode_id, date, start_min, duration_min, kind,"
	                          " intervention, location, status, status_on, contact_id, rescheduled_to, booked_by,"
	                          " booked_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_id(s, 1, ap->id);
	db_bind_int(s, 2, ap->episode_id);
	db_bind_date(s, 3, ap->date);
	db_bind_int(s, 4, ap->start_min);
	db_bind_int(s, 5, ap->duration_min);
	db_bind_text_ref(s, 6, ap->kind);
	db_bind_text_ref_opt(s, 7, ap->intervention);
	db_bind_text_ref(s, 8, ap->location);
	db_bind_text_ref(s, 9, ap->status[0] ? ap->status : "booked");
	db_bind_date(s, 10, ap->status_on);
	db_bind_id(s, 11, ap->contact_id);
	db_bind_id(s, 12, ap->rescheduled_to);
	db_bind_text_ref(s, 13, ap->booked_by);
	db_bind_text_ref(s, 14, ap->booked_at);
	int rc = db_run_insert(s, &ap->id, e);
	if (!rc)
		rc = store_links_insert(db, "INSERT INTO appointment_practitioner (appointment_id, practitioner_id)"
		                        " VALUES (?,?)", ap->id, ap->practitioners, ap->n_practitioners, e);
	if (!rc)
		rc = store_links_insert(db, "INSERT INTO appointment_attendee (appointment_id, person_id) VALUES (?,?)",
		                        ap->id, ap->attendees, ap->n_attendees, e);
	return rc;
}

#define APPT_SELECT                                                                                          \
	"SELECT a.id, a.episode_id, e.family_id, a.date, a.start_min, a.duration_min, a.kind, a.intervention,"  \
	" a.location, a.status, a.status_on, a.contact_id, a.rescheduled_to, a.booked_by, a.booked_at"           \
	" FROM appointment a JOIN episode e ON e.id = a.episode_id"

static void read_row(db_stmt_t *s, struct appointment *ap)
{
	memset(ap, 0, sizeof *ap);
	ap->id = db_col_int(s, 0);
	ap->episode_id = db_col_int(s, 1);
	ap->family_id = db_col_int(s, 2);
	ap->date = db_col_date(s, 3);
	ap->start_min = (int)db_col_int(s, 4);
	ap->duration_min = (int)db_col_int(s, 5);
	db_col_copy(s, 6, ap->kind, sizeof ap->kind);
	db_col_copy(s, 7, ap->intervention, sizeof ap->intervention);
	db_col_copy(s, 8, ap->location, sizeof ap->location);
	db_col_copy(s, 9, ap->status, sizeof ap->status);
	ap->status_on = db_col_date(s, 10);
	ap->contact_id = db_col_int(s, 11);
	ap->rescheduled_to = db_col_int(s, 12);
	db_col_copy(s, 13, ap->booked_by, sizeof ap->booked_by);
	db_col_copy(s, 14, ap->booked_at, sizeof ap->booked_at);
}

static int read_links(db_t *db, struct appointment *ap, struct dy_err *e)
{
	int rc = store_links_read(db, "SELECT practitioner_id FROM appointment_practitioner WHERE appointment_id = ?"
	                          " ORDER BY practitioner_id", ap->id, ap->practitioners, APPT_PEOPLE_MAX,
	                          &ap->n_practitioners, e);
	if (rc == DB_DONE)
		rc = store_links_read(db, "SELECT person_id FROM appointment_attendee WHERE appointment_id = ?"
		                      " ORDER BY person_id", ap->id, ap->attendees, APPT_PEOPLE_MAX, &ap->n_attendees, e);
	return rc == DB_DONE ? 0 : rc;
}

int store_appointment_get(db_t *db, int64_t id, struct appointment *ap, struct dy_err *e)
{
	db_stmt_t *s;
	int rc = db_get_row(db, APPT_SELECT " WHERE a.id = ?", id, "appointment", &s, e);
	if (rc)
		return rc;
	read_row(s, ap);
	db_step(s, e);
	return read_links(db, ap, e);
}

int store_appointment_close(db_t *db, int64_t id, const char *status, int32_t on, int64_t contact_id,
                            int64_t rescheduled_to, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "UPDATE appointment SET status = ?, status_on = ?, contact_id = ?, rescheduled_to = ?"
	                          " WHERE id = ? AND status = 'booked'",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_text_ref(s, 1, status);
	db_bind_date(s, 2, on);
	db_bind_id(s, 3, contact_id);
	db_bind_id(s, 4, rescheduled_to);
	db_bind_int(s, 5, id);
	int rc = db_run_one(db, s, "appointment", id, e);
	if (rc == DY_ENOTFOUND)
		return dy_fail(e, DY_ECONFLICT, "appointment", "is no longer booked");
	return rc;
}

/* Steps s, reading each row and its links, calling fn. The links are read
 * by other statements while s is still open. */
static int each(db_t *db, db_stmt_t *s, store_appointment_fn fn, void *ctx, struct dy_err *e)
{
	int rc;
	struct appointment ap;
	while ((rc = db_step(s, e)) == DB_ROW) {
		read_row(s, &ap);
		if ((rc = read_links(db, &ap, e)) || (rc = fn(ctx, &ap)))
			return rc;
	}
	return rc == DB_DONE ? 0 : rc;
}

int store_appointment_list(db_t *db, int64_t episode_id, store_appointment_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare_scoped(db, APPT_SELECT " WHERE a.episode_id = ? ORDER BY a.date, a.start_min, a.id",
	                                 APPT_SELECT " ORDER BY a.episode_id, a.date, a.start_min, a.id", episode_id, e);
	return s ? each(db, s, fn, ctx, e) : DY_ESTORE;
}

int store_appointment_diary(db_t *db, int64_t practitioner_id, int32_t from, int32_t to, store_appointment_fn fn,
                            void *ctx, struct dy_err *e)
{
	db_stmt_t *s;
	if (practitioner_id) {
		s = db_prepare(db, APPT_SELECT " JOIN appointment_practitioner p ON p.appointment_id = a.id"
		               " WHERE p.practitioner_id = ? AND a.date BETWEEN ? AND ? AND a.status <> 'rescheduled'"
		               " ORDER BY a.date, a.start_min, a.id", e);
		if (!s)
			return DY_ESTORE;
		db_bind_int(s, 1, practitioner_id);
		db_bind_date(s, 2, from);
		db_bind_date(s, 3, to);
	} else {
		s = db_prepare(db, APPT_SELECT " WHERE a.date BETWEEN ? AND ? AND a.status <> 'rescheduled'"
		               " ORDER BY a.date, a.start_min, a.id", e);
		if (!s)
			return DY_ESTORE;
		db_bind_date(s, 1, from);
		db_bind_date(s, 2, to);
	}
	return each(db, s, fn, ctx, e);
}

int store_appointment_family_booked(db_t *db, int64_t family_id, int32_t from, store_appointment_fn fn, void *ctx,
                                    struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, APPT_SELECT " WHERE e.family_id = ? AND a.status = 'booked' AND a.date >= ?"
	                          " ORDER BY a.date, a.start_min, a.id", e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, family_id);
	db_bind_date(s, 2, from);
	return each(db, s, fn, ctx, e);
}

int store_appointment_initials(db_t *db, const struct appointment *ap, char *out, unsigned n, struct dy_err *e)
{
	db_stmt_t *s;
	if (ap->n_attendees) {
		s = db_prepare(db, "SELECT p.given_name, p.family_name FROM appointment_attendee t"
		               " JOIN person p ON p.id = t.person_id WHERE t.appointment_id = ? ORDER BY p.id", e);
		if (s)
			db_bind_int(s, 1, ap->id);
	} else {
		s = db_prepare(db, "SELECT p.given_name, p.family_name FROM episode e JOIN person p"
		               " ON p.id IN (e.caregiver_id, e.infant_id) WHERE e.id = ? ORDER BY p.role, p.id", e);
		if (s)
			db_bind_int(s, 1, ap->episode_id);
	}
	if (!s)
		return DY_ESTORE;
	unsigned len = 0;
	out[0] = '\0';
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW) {
		char one[24];
		appt_initials(db_col_text(s, 0), db_col_text(s, 1), one, sizeof one);
		size_t k = strlen(one);
		if (!k || len + k + 3 > n)
			continue;
		if (len) {
			memcpy(out + len, ", ", 2);
			len += 2;
		}
		memcpy(out + len, one, k + 1);
		len += (unsigned)k;
	}
	return rc == DB_DONE ? 0 : rc;
}

int store_appointment_next_booked(db_t *db, int32_t from, store_booked_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "SELECT episode_id, kind, MIN(date) FROM appointment WHERE status = 'booked'"
	                          " AND date >= ? AND kind IN ('assessment','intervention','group')"
	                          " GROUP BY episode_id, kind ORDER BY episode_id, kind", e);
	if (!s)
		return DY_ESTORE;
	db_bind_date(s, 1, from);
	int rc;
	while ((rc = db_step(s, e)) == DB_ROW)
		if ((rc = fn(ctx, db_col_int(s, 0), db_col_text(s, 1), db_col_date(s, 2))))
			return rc;
	return rc == DB_DONE ? 0 : rc;
}

int store_appointment_contact_free(db_t *db, int64_t contact_id, int64_t episode_id, int32_t date,
                                   const char *attendance, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db,
	                          "SELECT COUNT(*) FROM contact c WHERE c.id = ? AND c.episode_id = ? AND c.date = ?"
	                          " AND c.attendance = ? AND NOT EXISTS (SELECT 1 FROM appointment a"
	                          " WHERE a.contact_id = c.id)",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, contact_id);
	db_bind_int(s, 2, episode_id);
	db_bind_date(s, 3, date);
	db_bind_text_ref(s, 4, attendance);
	int rc = db_step(s, e);
	if (rc != DB_ROW)
		return rc == DB_DONE ? 0 : rc;
	int found = db_col_int(s, 0) > 0;
	rc = db_step(s, e);
	return rc == DB_DONE ? found : rc;
}

int store_appointment_set_moved(db_t *db, int64_t id, int64_t rescheduled_to, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "UPDATE appointment SET rescheduled_to = ? WHERE id = ? AND status = 'rescheduled'",
	                          e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, rescheduled_to);
	db_bind_int(s, 2, id);
	return db_run_one(db, s, "appointment", id, e);
}
