/* app.h: the use-case layer's handle, and its transaction rule.
 *
 * Each user action is one app_* function: it checks the input (core/),
 * opens one transaction, writes through store/, adds one audit entry and
 * commits, or rolls everything back and returns the error. The CLI and HTTP
 * layers only parse, call one app_* function and render. */
#ifndef DYAD_APP_APP_H
#define DYAD_APP_APP_H

#include <stdint.h>

#include "store/db.h"
#include "util/err.h"

struct app {
	db_t *db;
	char actor[64];   /* who is acting: a user name, "cli:<login>", "import" */
	int32_t today;    /* the date the action happens (date_today()) */
	int64_t team_id;  /* the team this database works for; 0 before init */
	char team_name[101];
};

/* Opens the database at url, applies any pending migrations and finds the
 * team. actor names who acts (for the audit log). Returns 0 or an error;
 * on error nothing needs closing. */
int app_open(struct app *a, const char *url, const char *actor, struct dy_err *e);

/* Closes the database. */
void app_close(struct app *a);

/* Creates the team (code, name) unless the database has one; idempotent.
 * Sets *created to 1 when it made the team. */
int app_init(struct app *a, const char *team_code, const char *team_name, int *created, struct dy_err *e);

/* Begins the action's transaction. */
int app_begin(struct app *a, struct dy_err *e);

/* Ends the action: with rc == 0 writes the audit entry and commits; else
 * (or if commit fails) rolls back. Returns rc, or the commit's error. */
int app_end(struct app *a, int rc, const char *action, const char *entity, int64_t id, const char *detail,
            struct dy_err *e);

#endif
