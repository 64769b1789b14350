/* app.h: the use-case layer's two contexts, and its transaction rule.
 *
 * A process holds one `struct app_proc`: what every action shares and no
 * action changes: the database URL (migrations run once, when the process
 * context opens), the definitions folder, and the instrument definitions,
 * loaded once and then immutable. A reload builds a new set and swaps the
 * pointer under the context's lock; a request keeps the set it started with
 * (reference counted) until it closes, so no definition changes under a
 * running action.
 *
 * Each action runs in one `struct app`, the request context: its own
 * database connection, who is acting, today, the team, a small arena. The
 * command line opens one process context and one request per command
 * (app_open does both); a server opens one process context at start and one
 * request per request or worker thread (app_request_open). A request is
 * used by one thread at a time; process contexts are safe to share.
 *
 * Each user action is one app_* function: it opens one transaction, makes
 * every check that reads the database inside it, writes through store/,
 * adds one audit entry and commits, or rolls everything back and returns the
 * error. Reads of several tables run inside one read transaction
 * (app_begin_read / app_end_read) so they see one moment. The CLI and HTTP
 * layers only parse, call one app_* function and render. */
#ifndef DYAD_APP_APP_H
#define DYAD_APP_APP_H

#include <pthread.h>
#include <stdint.h>

#include "app/app_user.h"
#include "core/instrument.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/limits.h"

#define APP_URL_MAX 1024
#define APP_DIR_MAX 512
#define APP_ARENA_MAX (4u << 20) /* the most scratch memory one request may hold */

/* The audit writer (app_audit_queue.h). */
struct audit_queue;
struct audit_row;

/* A published, immutable instrument set with its reference count. */
struct app_defs;

/* What the process shares: created by app_proc_open, freed by app_proc_close
 * after every request on it has closed. */
struct app_proc {
	char url[APP_URL_MAX];
	char instruments_dir[APP_DIR_MAX]; /* "" = app_instruments_default_dir() */
	pthread_mutex_t lock;              /* guards defs and spare */
	struct app_defs *defs;             /* NULL until first needed */
	db_t *spare;                       /* one idle connection kept for the next request */
	struct audit_queue *audit;         /* the audit writer of reads (a server), or NULL */
};

/* One action's context. Fields are read freely by the action; the CLI's
 * `today` may be set by tests before the action runs. */
struct app {
	struct app_proc *proc;
	db_t *db;         /* this request's own connection */
	char actor[LIMIT_ACTOR]; /* who is acting: a user name, "cli:<login>", "import" */
	int32_t today;    /* the date the action happens (date_today()) */
	struct app_user user; /* who acts (app_act_as); roles 0 = nobody signed in */
	char address[64];     /* where from: the client address, or "local" */
	int64_t team_id;  /* the team this database works for; 0 before init */
	char team_name[101];
	int demo;         /* 1: the database holds synthetic demo data */
	struct app_defs *defs; /* the definitions this request holds, once asked */
	struct app_defs **retired; /* sets it held before publishing a new one */
	int nretired;
	int owns_proc;         /* app_open made proc; app_close frees it */
	struct arena arena;    /* the request's scratch memory, freed when it closes */
	int read_depth;        /* nested app_begin_read calls */
	int read_began;        /* the outermost one began the transaction */
	int view_depth;        /* nested app_view_begin calls (app_audit.h) */
	struct audit_row *looks; /* the reads logged inside the open view, committed when it ends */
	int nlooks;
};

/* Opens the process context for the database at url: opens it, applies any
 * pending migrations (the only place they run) and keeps the connection for
 * the first request. instruments_dir may be NULL or "" for the default.
 * Returns 0 or an error; on error nothing needs closing. */
int app_proc_open(struct app_proc *p, const char *url, const char *instruments_dir, struct dy_err *e);

/* Frees the process context; every request on it must be closed first. */
void app_proc_close(struct app_proc *p);

/* Loads the definitions afresh (folder plus the tables and text stored in
 * the database, read through db) and swaps them in; requests already
 * holding the old set keep it until they close. */
int app_proc_reload(struct app_proc *p, db_t *db, struct dy_err *e);

/* Opens a request on process context p: a connection of its own (no
 * migrations), the actor (NULL or "" = "unknown"), today and the team.
 * Returns 0 or an error; on error nothing needs closing. */
int app_request_open(struct app *a, struct app_proc *p, const char *actor, struct dy_err *e);

/* Ends the request: rolls back anything left open, gives the connection back
 * to the process context (or closes it) and drops its definitions. */
void app_request_close(struct app *a);

/* The command line's shape: a private process context and one request on
 * it (app_proc_open then app_request_open). Close with app_close. */
int app_open(struct app *a, const char *url, const char *actor, struct dy_err *e);

/* Closes the request and, when app_open made it, the process context. */
void app_close(struct app *a);

/* The definitions folder used when none is set: $DYAD_INSTRUMENTS when set
 * and not empty, else the source tree's instruments/ (DYAD_SOURCE_DIR). */
const char *app_instruments_default_dir(void);

/* Loads every definition in dir (NULL or "": the default folder) into set,
 * without a database (`dyad score`, `dyad instruments list`). A bad
 * definition is refused with its file, field and reason. */
int app_instruments_load_dir(struct instrument_set *set, const char *dir, struct dy_err *e);

/* Builds a fresh, private set: the folder's definitions plus the tables and
 * item wording stored in the database. The caller frees it
 * (instrument_set_free). */
int app_instruments_build(struct app *a, struct instrument_set *set, struct dy_err *e);

/* Chooses the definitions folder (NULL or "" for the default) and drops the
 * definitions loaded so far. For a process context owned by this request
 * (the command line, tests); a server sets it in app_proc_open. */
void app_set_instruments_dir(struct app *a, const char *dir);

/* The process's definitions, loading them on first need (app_instruments_build)
 * and holding them for this request. Sets *out to a set valid, and unchanged,
 * until app_close. */
int app_instruments(struct app *a, const struct instrument_set **out, struct dy_err *e);

/* Makes the app act as user (NULL: nobody) from address (NULL: "local")
 * until the next call, and drops any read snapshot its connection holds
 * (db_end_reads); the web frame calls it around each request. */
void app_act_as(struct app *a, const struct app_user *user, const char *address);

/* Publishes set (taken over; it must not be used by the caller after) as the
 * process's definitions, after the action that changed them has committed.
 * This request uses the new set from now on; what it already took from the
 * old one stays valid until app_close. */
void app_instruments_publish(struct app *a, struct instrument_set *set);

/* Creates the team (code, name) unless the database has one; idempotent.
 * Sets *created to 1 when it made the team. */
int app_init(struct app *a, const char *team_code, const char *team_name, int *created, struct dy_err *e);

/* Renames the team (one audited change); refuses a name that is empty or
 * longer than 100 characters, and a database without a team. */
int app_team_rename(struct app *a, const char *team_name, struct dy_err *e);

/* Begins the action's write transaction. */
int app_begin(struct app *a, struct dy_err *e);

/* Ends the action: with rc == 0 writes the audit entry and commits; else
 * (or if commit fails) rolls back. Returns rc, or the commit's error. */
int app_end(struct app *a, int rc, const char *action, const char *entity, int64_t id, const char *detail,
            struct dy_err *e);

/* Begins a read transaction: every read until app_end_read sees one moment.
 * Nests, and inside a write transaction reads within it. */
int app_begin_read(struct app *a, struct dy_err *e);

/* Ends the read transaction; returns rc unchanged. */
int app_end_read(struct app *a, int rc);

#endif
