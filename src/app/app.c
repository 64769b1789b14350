/* app.c: opening the application, init, and the one-transaction rule. */
#include "app/app.h"

#include <string.h>

#include "store/migrate.h"
#include "store/store_audit.h"
#include "store/store_family.h"
#include "util/date.h"
#include "util/str.h"

int app_open(struct app *a, const char *url, const char *actor, struct dy_err *e)
{
	memset(a, 0, sizeof *a);
	str_copy(a->actor, sizeof a->actor, actor && *actor ? actor : "unknown");
	a->today = date_today();
	int rc = db_open(url, &a->db, e);
	if (rc)
		return rc;
	if ((rc = migrate_up(a->db, NULL, e))) {
		app_close(a);
		return rc;
	}
	struct dy_err ignore;
	struct team t;
	if (store_team_default(a->db, &a->team_id, &ignore) || store_team_get(a->db, a->team_id, &t, &ignore))
		a->team_id = 0;
	else
		str_copy(a->team_name, sizeof a->team_name, t.name);
	return 0;
}

void app_close(struct app *a)
{
	db_close(a->db);
	a->db = NULL;
}

int app_begin(struct app *a, struct dy_err *e)
{
	return db_begin(a->db, e);
}

int app_end(struct app *a, int rc, const char *action, const char *entity, int64_t id, const char *detail,
            struct dy_err *e)
{
	if (!rc)
		rc = store_audit_add(a->db, a->actor, action, entity, id, detail, e);
	if (!rc)
		rc = db_commit(a->db, e);
	if (rc)
		db_rollback(a->db);
	return rc;
}

int app_init(struct app *a, const char *team_code, const char *team_name, int *created, struct dy_err *e)
{
	*created = 0;
	if (a->team_id)
		return 0;
	if (str_empty(team_code) || strlen(team_code) > 32)
		return dy_fail(e, DY_EINVAL, "team-code", "must be 1 to 32 characters");
	if (str_empty(team_name) || strlen(team_name) > 100)
		return dy_fail(e, DY_EINVAL, "team-name", "must be 1 to 100 characters");
	struct team t = {0};
	str_copy(t.code, sizeof t.code, team_code);
	str_copy(t.name, sizeof t.name, team_name);
	int rc = app_begin(a, e);
	if (rc)
		return rc;
	rc = store_team_ensure(a->db, &t, e);
	rc = app_end(a, rc, "init", "team", t.id, NULL, e);
	if (!rc) {
		a->team_id = t.id;
		str_copy(a->team_name, sizeof a->team_name, t.name);
		*created = 1;
	}
	return rc;
}
