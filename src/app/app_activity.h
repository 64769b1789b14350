/* app_activity.h: the team's recent activity (home page): what was
 * recorded last (contacts, measures, referral state changes), newest first,
 * for the roles that may see families; every family shown is audited. */
#ifndef DYAD_APP_ACTIVITY_H
#define DYAD_APP_ACTIVITY_H

#include "app/app.h"
#include "store/store_activity.h"

/* Calls fn for at most limit (1-100) of the team's most recently recorded
 * contacts, measures and referral state changes, newest date first.
 * Manager, clinician, admin staff (SCOPE_IDENTITY); measures only for the
 * roles that may see them (SCOPE_CLINICAL). Each family shown gets one
 * 'list' audit entry, committed before fn is first called. */
int app_recent_activity(struct app *a, int limit, store_activity_fn fn, void *ctx, struct dy_err *e);

#endif
