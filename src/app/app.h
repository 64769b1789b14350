/* app.h: the use-case layer's handle, and its transaction rule.
 *
 * Each user action is one app_* function: it checks the input (core/),
 * opens one transaction, writes through store/, adds one audit entry and
 * commits, or rolls everything back and returns the error. The CLI and HTTP
 * layers only parse, call one app_* function and render. */
#ifndef DYAD_APP_APP_H
#define DYAD_APP_APP_H

#include <stdint.h>

#include "app/app_user.h"
#include "core/instrument.h"
#include "store/db.h"
#include "util/err.h"

struct app {
	db_t *db;
	char actor[64];   /* who is acting: a user name, "cli:<login>", "import" */
	int32_t today;    /* the date the action happens (date_today()) */
	struct app_user user; /* who acts (app_act_as); roles 0 = nobody signed in */
	char address[64];     /* where from: the client address, or "local" */
	int64_t team_id;  /* the team this database works for; 0 before init */
	char team_name[101];
	int demo;         /* 1: the database holds synthetic demo data */
	/* Instrument definitions, loaded on first need (app_instruments) so
	 * that commands that score nothing never fail because of them. */
	char instruments_dir[512];     /* "" = $DYAD_INSTRUMENTS, else the built-in folder */
	int instruments_loaded;
	struct instrument_set instruments;
};

/* Opens the database at url, applies any pending migrations and finds the
 * team. actor names who acts (for the audit log). Returns 0 or an error;
 * on error nothing needs closing. */
int app_open(struct app *a, const char *url, const char *actor, struct dy_err *e);

/* The definitions folder used when none is set: $DYAD_INSTRUMENTS when set
 * and not empty, else the source tree's instruments/ (DYAD_SOURCE_DIR). */
const char *app_instruments_default_dir(void);

/* Loads every definition in dir (NULL or "": the default folder) into set,
 * without a database (`dyad score`, `dyad instruments list`). A bad
 * definition is refused with its file, field and reason. */
int app_instruments_load_dir(struct instrument_set *set, const char *dir, struct dy_err *e);

/* Chooses the definitions folder for this app (before the first
 * app_instruments; NULL or "" for the default). */
void app_set_instruments_dir(struct app *a, const char *dir);

/* The loaded definitions, loading them on first call: the folder's JSON
 * files, then the tables and item wording the service stored in the
 * database (`dyad instruments load-table` / `load-text`). Sets *out to a set
 * the app owns (valid until app_close). */
int app_instruments(struct app *a, const struct instrument_set **out, struct dy_err *e);

/* Makes the app act as user (NULL: nobody) from address (NULL: "local")
 * until the next call; the web frame calls it around each request. */
void app_act_as(struct app *a, const struct app_user *user, const char *address);

/* Closes the database. */
void app_close(struct app *a);

/* Creates the team (code, name) unless the database has one; idempotent.
 * Sets *created to 1 when it made the team. */
int app_init(struct app *a, const char *team_code, const char *team_name, int *created, struct dy_err *e);

/* Renames the team (one audited change); refuses a name that is empty or
 * longer than 100 characters, and a database without a team. */
int app_team_rename(struct app *a, const char *team_name, struct dy_err *e);

/* Begins the action's transaction. */
int app_begin(struct app *a, struct dy_err *e);

/* Ends the action: with rc == 0 writes the audit entry and commits; else
 * (or if commit fails) rolls back. Returns rc, or the commit's error. */
int app_end(struct app *a, int rc, const char *action, const char *entity, int64_t id, const char *detail,
            struct dy_err *e);

#endif
