/* store_retention.c: every family's people and care for the retention
 * review, read as two ordered queries stepped side by side. */
#include "store/store_retention.h"

#include <string.h>

#include "store/store_family.h"
#include "util/date.h"

/* An episode is open until discharged or closed at triage; it ended on its
 * discharge date, or for a triage closing on the decision date (else the
 * day it was received). */
#define ENDED                                                                                              \
	"CASE WHEN ep.discharged_on IS NOT NULL THEN ep.discharged_on"                                     \
	" WHEN ep.state IN ('declined','signposted') THEN COALESCE(ep.decided_on, ep.received_on) END"
#define OPEN "CASE WHEN ep.discharged_on IS NULL AND ep.state NOT IN ('declined','signposted','discharged') THEN 1 ELSE 0 END"

static const char FAMILIES[] = "SELECT f.id, f.team_id, f.created_on, COUNT(ep.id), MAX(" OPEN "), MAX(" ENDED ")"
                               " FROM family f LEFT JOIN episode ep ON ep.family_id = f.id"
                               " WHERE " STORE_FAMILY_LIVE("f.") " GROUP BY f.id, f.team_id, f.created_on ORDER BY f.id";
static const char PEOPLE[] = "SELECT family_id, role, date_of_birth, edd FROM person ORDER BY family_id, id";

int store_retention_each(db_t *db, store_retention_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *fs = db_prepare(db, FAMILIES, e);
	if (!fs)
		return DY_ESTORE;
	db_stmt_t *ps = db_prepare(db, PEOPLE, e);
	if (!ps)
		return DY_ESTORE;
	int prc = db_step(ps, e);
	if (prc < 0)
		return prc;
	int rc;
	struct store_retention_family f;
	while ((rc = db_step(fs, e)) == DB_ROW) {
		memset(&f, 0, sizeof f);
		f.id = db_col_int(fs, 0);
		f.team_id = db_col_int(fs, 1);
		int64_t episodes = db_col_int(fs, 3);
		f.care.open = db_col_int(fs, 4) != 0;
		f.last_episode_ended = db_col_date(fs, 5);
		f.care.last_ended = episodes ? f.last_episode_ended : db_col_date(fs, 2);
		while (prc == DB_ROW && db_col_int(ps, 0) < f.id)
			if ((prc = db_step(ps, e)) < 0)
				return prc;
		while (prc == DB_ROW && db_col_int(ps, 0) == f.id) {
			if (f.n < STORE_RETENTION_MAX_PEOPLE) {
				struct retention_person *p = &f.people[f.n++];
				p->child = strcmp(db_col_text(ps, 1), "infant") == 0;
				p->dob = db_col_date(ps, 2);
				p->edd = db_col_date(ps, 3);
			}
			if ((prc = db_step(ps, e)) < 0)
				return prc;
		}
		if ((rc = fn(ctx, &f)))
			return rc;
	}
	return rc;
}
