/* store_scope.c: SQL finding the family and team of a record. */
#include "store/store_scope.h"

int store_scope_of(db_t *db, enum scope_kind kind, int64_t id, int64_t *family_id, int64_t *team_id,
                   struct dy_err *e)
{
	static const char *const sql[] = {
		[SCOPE_OF_FAMILY] = "SELECT id, team_id FROM family WHERE id = ?",
		[SCOPE_OF_EPISODE] = "SELECT f.id, f.team_id FROM episode e JOIN family f ON f.id = e.family_id"
		                     " WHERE e.id = ?",
		[SCOPE_OF_PERSON] = "SELECT f.id, f.team_id FROM person p JOIN family f ON f.id = p.family_id"
		                    " WHERE p.id = ?",
		[SCOPE_OF_MEASURE] = "SELECT f.id, f.team_id FROM measure m JOIN episode e ON e.id = m.episode_id"
		                     " JOIN family f ON f.id = e.family_id WHERE m.id = ?",
		[SCOPE_OF_GOAL] = "SELECT f.id, f.team_id FROM goal g JOIN episode e ON e.id = g.episode_id"
		                  " JOIN family f ON f.id = e.family_id WHERE g.id = ?",
		[SCOPE_OF_NOTE] = "SELECT f.id, f.team_id FROM note n JOIN episode e ON e.id = n.episode_id"
		                  " JOIN family f ON f.id = e.family_id WHERE n.id = ?",
		[SCOPE_OF_APPOINTMENT] = "SELECT f.id, f.team_id FROM appointment p JOIN episode e ON e.id = p.episode_id"
		                         " JOIN family f ON f.id = e.family_id WHERE p.id = ?",
	};
	*family_id = *team_id = 0;
	db_stmt_t *s;
	int rc = db_get_row(db, sql[kind], id, "record", &s, e);
	if (rc)
		return rc;
	*family_id = db_col_int(s, 0);
	*team_id = db_col_int(s, 1);
	db_step(s, e);
	return 0;
}
