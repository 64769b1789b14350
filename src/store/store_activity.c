/* store_activity.c: SQL for the recent-activity panel: the newest rows of
 * each kind by id (the primary key, so only those rows are read), merged
 * by date. */
#include "store/store_activity.h"

#include <string.h>

/* Each kind's newest rows first (by id), then one order across kinds. */
#define ACTIVITY_SQL                                                                                      \
	"SELECT a.kind, a.id, a.date, ep.family_id, a.episode_id, a.what, a.how, i.given_name, i.family_name" \
	" FROM ("                                                                                             \
	"  SELECT * FROM (SELECT 0 AS kind, id, date, episode_id, to_state AS what,"                         \
	"    COALESCE(from_state, '') AS how FROM episode_event ORDER BY id DESC LIMIT ?) ev"                  \
	"  UNION ALL SELECT * FROM (SELECT 1, id, date, episode_id, kind, attendance FROM contact"            \
	"    WHERE error_at IS NULL ORDER BY id DESC LIMIT ?) co"                                             \
	"  UNION ALL SELECT * FROM (SELECT 2, id, date, episode_id, instrument, timepoint FROM measure"      \
	"    WHERE ? = 1 AND error_at IS NULL ORDER BY id DESC LIMIT ?) me"                                   \
	" ) a JOIN episode ep ON ep.id = a.episode_id AND ep.error_at IS NULL"                                \
	" LEFT JOIN person i ON i.id = ep.infant_id"                                                          \
	" ORDER BY a.date DESC, a.kind, a.id DESC"

int store_recent_activity(db_t *db, int measures, int per_kind, store_activity_fn fn, void *ctx, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, ACTIVITY_SQL, e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, per_kind);
	db_bind_int(s, 2, per_kind);
	db_bind_int(s, 3, measures ? 1 : 0);
	db_bind_int(s, 4, per_kind);
	int rc;
	struct activity r;
	while ((rc = db_step(s, e)) == DB_ROW) {
		memset(&r, 0, sizeof r);
		int64_t k = db_col_int(s, 0);
		r.kind = k == 1 ? ACTIVITY_CONTACT : k == 2 ? ACTIVITY_MEASURE : ACTIVITY_EVENT;
		r.id = db_col_int(s, 1);
		r.date = db_col_date(s, 2);
		r.family_id = db_col_int(s, 3);
		r.episode_id = db_col_int(s, 4);
		db_col_copy(s, 5, r.what, sizeof r.what);
		db_col_copy(s, 6, r.how, sizeof r.how);
		db_col_copy(s, 7, r.infant_given, sizeof r.infant_given);
		db_col_copy(s, 8, r.infant_family, sizeof r.infant_family);
		if ((rc = fn(ctx, &r)))
			return rc;
	}
	return rc;
}
