/* store_audit.c: SQL for the audit log. */
#include "store/store_audit.h"

#include "util/date.h"

int store_audit_add(db_t *db, const char *actor, const char *action, const char *entity, int64_t entity_id,
                    const char *detail, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, "INSERT INTO audit (at, actor, action, entity, entity_id, detail)"
	                              " VALUES (?,?,?,?,?,?)", e);
	if (!s)
		return DY_ESTORE;
	char now[21];
	date_now_utc(now);
	db_bind_text(s, 1, now);
	db_bind_text(s, 2, actor);
	db_bind_text(s, 3, action);
	db_bind_text(s, 4, entity);
	db_bind_id(s, 5, entity_id);
	db_bind_text_opt(s, 6, detail);
	return db_run(s, e);
}
