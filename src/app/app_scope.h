/* app_scope.h: who may see and change what: the role and team checks every
 * app_* function makes before it reads or writes a record (never the page
 * or route code). A record of a team the user does not belong to answers
 * DY_ENOTFOUND, exactly as a record that does not exist; a record the role
 * may not see answers DY_EFORBIDDEN. The local operator passes every check. */
#ifndef DYAD_APP_SCOPE_H
#define DYAD_APP_SCOPE_H

#include "app/app.h"
#include "store/store_scope.h"
#include "store/store_teams.h"

enum scope_need {
	SCOPE_IDENTITY,        /* names, NHS numbers, referrals, contacts: manager, clinician, admin_staff */
	SCOPE_BOOKING_WRITE,   /* add referrals, people, contacts: manager, clinician, admin_staff */
	SCOPE_CLINICAL,        /* measure items, scores, notes, goals: manager, clinician */
	SCOPE_CLINICAL_WRITE,  /* measures, goals, safeguarding, triage, discharge: manager, clinician */
	SCOPE_AUDIT,           /* who has looked at a record: manager, admin */
	SCOPE_AGGREGATE        /* the team's figures without identities: manager, clinician, analyst */
};

/* The roles a need allows (enum app_role bits, USER_OPERATOR included). */
unsigned app_scope_roles(enum scope_need need);

/* 0 when the acting user has one of roles, else DY_EFORBIDDEN. */
int app_scope_require(struct app *a, unsigned roles, struct dy_err *e);

/* 0 when the acting user may do need to record id (of kind); DY_ENOTFOUND
 * when it does not exist or belongs to another team; DY_EFORBIDDEN when the
 * role does not allow it. *family_id (may be NULL) receives its family. */
int app_scope_record(struct app *a, enum scope_kind kind, int64_t id, enum scope_need need, int64_t *family_id,
                     struct dy_err *e);

/* app_scope_record, then (when it passes) app_begin: the write
 * transaction of an action on one record. */
int app_begin_on(struct app *a, enum scope_kind kind, int64_t id, enum scope_need need, int64_t *family_id,
                 struct dy_err *e);

/* app_scope_record, then (when it passes) app_begin_read. */
int app_begin_read_on(struct app *a, enum scope_kind kind, int64_t id, enum scope_need need, int64_t *family_id,
                      struct dy_err *e);

/* app_scope_record for a family. */
int app_scope_family(struct app *a, int64_t family_id, enum scope_need need, struct dy_err *e);

/* 0 when the acting user may do need across the database's own team
 * (lists, the waiting list, reports); DY_EFORBIDDEN otherwise. */
int app_scope_team(struct app *a, enum scope_need need, struct dy_err *e);

/* 1 when the acting user may see the team's figures only as published:
 * small numbers suppressed (core/suppress.h): an analyst with no role that
 * allows identities, and the network role. */
int app_scope_published_only(const struct app *a);

/* The set of teams whose figures a report covers, after checking the
 * acting user may see figures at all (DY_EFORBIDDEN otherwise): for the
 * network role every team it is given, counted as one population, or with
 * code just that one of them; for any other role the team with code when
 * the user belongs to it, else the server's team (the operator without
 * code: every team, the empty set). A team that does not exist or is not the user's answers
 * DY_ENOTFOUND "no such team" (field "team"). */
int app_scope_report_teams(struct app *a, const char *code, struct store_teams *teams, struct dy_err *e);

/* 1 when the acting user belongs to team_id (the operator belongs to all). */
int app_scope_in_team(const struct app *a, int64_t team_id);

#endif
