/* app_scope.c: role and team checks (see app_scope.h). */
#include "app/app_scope.h"

#include <string.h>

#include "store/store_user.h"

unsigned app_scope_roles(enum scope_need need)
{
	switch (need) {
	case SCOPE_IDENTITY:
	case SCOPE_BOOKING_WRITE: return USER_MANAGER | USER_CLINICIAN | USER_ADMIN_STAFF | USER_OPERATOR;
	case SCOPE_CLINICAL:
	case SCOPE_CLINICAL_WRITE: return USER_MANAGER | USER_CLINICIAN | USER_OPERATOR;
	case SCOPE_AUDIT: return USER_MANAGER | USER_ADMIN | USER_OPERATOR;
	case SCOPE_AGGREGATE: return USER_MANAGER | USER_CLINICIAN | USER_ANALYST | USER_OPERATOR;
	}
	return 0;
}

int app_scope_require(struct app *a, unsigned roles, struct dy_err *e)
{
	if (a->user.roles & roles)
		return 0;
	return dy_fail(e, DY_EFORBIDDEN, NULL, "your role does not allow this");
}

int app_scope_published_only(const struct app *a)
{
	if (a->user.roles & USER_NETWORK)
		return 1;
	return (a->user.roles & USER_ANALYST) && !(a->user.roles & app_scope_roles(SCOPE_IDENTITY));
}

/* The network role: figures only, of the teams it is given (no other role
 * goes with it: app_role_check). */
static int is_network(const struct app *a)
{
	return (a->user.roles & USER_NETWORK) && !(a->user.roles & ~(unsigned)USER_NETWORK);
}

int app_scope_in_team(const struct app *a, int64_t team_id)
{
	if (a->user.roles & USER_OPERATOR)
		return 1;
	for (int i = 0; i < a->user.nteams; i++)
		if (a->user.team_ids[i] == team_id)
			return 1;
	return 0;
}

int app_scope_record(struct app *a, enum scope_kind kind, int64_t id, enum scope_need need, int64_t *family_id,
                     struct dy_err *e)
{
	int rc = app_scope_require(a, app_scope_roles(need), e);
	if (rc)
		return rc;
	static const char *const names[] = {[SCOPE_OF_FAMILY] = "family", [SCOPE_OF_EPISODE] = "referral",
	                                    [SCOPE_OF_PERSON] = "person", [SCOPE_OF_MEASURE] = "measure",
	                                    [SCOPE_OF_GOAL] = "goal", [SCOPE_OF_NOTE] = "note",
	                                    [SCOPE_OF_APPOINTMENT] = "appointment"};
	int64_t fid, team;
	rc = store_scope_of(a->db, kind, id, &fid, &team, e);
	/* Another team's record is answered exactly as one that does not exist;
	 * an admin may see who looked at a record (not the record) in any team. */
	if (rc == DY_ENOTFOUND ||
	    (!rc && !app_scope_in_team(a, team) && !(need == SCOPE_AUDIT && (a->user.roles & USER_ADMIN))))
		return dy_fail(e, DY_ENOTFOUND, names[kind], "%s %lld does not exist", names[kind], (long long)id);
	if (rc)
		return rc;
	if (family_id)
		*family_id = fid;
	return 0;
}

int app_begin_on(struct app *a, enum scope_kind kind, int64_t id, enum scope_need need, int64_t *family_id,
                 struct dy_err *e)
{
	int rc = app_scope_record(a, kind, id, need, family_id, e);
	return rc ? rc : app_begin(a, e);
}

int app_begin_read_on(struct app *a, enum scope_kind kind, int64_t id, enum scope_need need, int64_t *family_id,
                      struct dy_err *e)
{
	int rc = app_scope_record(a, kind, id, need, family_id, e);
	return rc ? rc : app_begin_read(a, e);
}

int app_scope_family(struct app *a, int64_t family_id, enum scope_need need, struct dy_err *e)
{
	return app_scope_record(a, SCOPE_OF_FAMILY, family_id, need, NULL, e);
}

int app_scope_team(struct app *a, enum scope_need need, struct dy_err *e)
{
	int rc = app_scope_require(a, app_scope_roles(need), e);
	if (rc)
		return rc;
	if (!app_scope_in_team(a, a->team_id))
		return dy_fail(e, DY_EFORBIDDEN, NULL, "you are not a member of this team");
	return 0;
}

/* The one team whose figures a report covers: code NULL or "" gives the
 * server's team for a signed-in user, 0 (every team the database holds)
 * for the local operator; else the id of the team with that code when the
 * acting user belongs to it. A team that does not exist or is not the
 * user's answers DY_ENOTFOUND "no such team" (field "team"), the same
 * either way. */
static int report_team(struct app *a, const char *code, int64_t *team_id, struct dy_err *e)
{
	*team_id = 0;
	if (!code || !code[0]) {
		/* A signed-in user's figures are the server's team's (app_scope_team
		 * has checked they belong to it), never every team's; only the
		 * local operator, who has every team, sees them all together. */
		if (!(a->user.roles & USER_OPERATOR))
			*team_id = a->team_id;
		return 0;
	}
	int64_t id = 0;
	int rc = store_team_by_code(a->db, code, &id, e);
	if (rc == DY_ENOTFOUND || (!rc && !app_scope_in_team(a, id)))
		return dy_fail(e, DY_ENOTFOUND, "team", "no such team: it does not exist or is not one of yours");
	if (rc)
		return rc;
	*team_id = id;
	return 0;
}

int app_scope_report_teams(struct app *a, const char *code, struct store_teams *teams, struct dy_err *e)
{
	memset(teams, 0, sizeof *teams);
	if (!is_network(a)) {
		int64_t id = 0;
		int rc = app_scope_team(a, SCOPE_AGGREGATE, e);
		if (!rc)
			rc = report_team(a, code, &id, e);
		if (!rc)
			*teams = store_teams_one(id);
		return rc;
	}
	/* A network user's teams, every one of them unless code names one;
	 * never the server's own team for being it, nor every team. */
	if (a->user.nteams <= 0)
		return dy_fail(e, DY_EFORBIDDEN, NULL, "you have been given no team: ask an administrator");
	if (code && code[0]) {
		int64_t id = 0;
		int rc = report_team(a, code, &id, e);
		if (!rc)
			*teams = store_teams_one(id);
		return rc;
	}
	for (int i = 0; i < a->user.nteams && i < STORE_TEAMS_MAX; i++)
		teams->id[teams->n++] = a->user.team_ids[i];
	return 0;
}
