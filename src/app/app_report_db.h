/* app_report_db.h: reports read from a report database, such as a
 * PostgreSQL read replica (`--report-db URL`, $DYAD_REPORT_DB;
 * docs/postgresql.md "Reports on a replica"), while everything else reads
 * and writes the request's own database (--db).
 *
 * The URL is the process's, set once at start. Each thread opens its own
 * connection to it at its first report and keeps it (closed when the thread
 * ends, or by app_report_db_close_thread); a connection that failed is
 * dropped and opened afresh at the next report. Nothing is ever written to
 * the report database, and its schema is never migrated: it must already be
 * at this dyad's schema version. */
#ifndef DYAD_APP_APP_REPORT_DB_H
#define DYAD_APP_APP_REPORT_DB_H

#include "app/app.h"

/* Names the report database (url must stay valid while the process runs;
 * NULL or "": reports read the request's own database). Call before any
 * request starts. */
void app_report_db_set(const char *url);

/* The report database's URL, or NULL when reports read the request's own. */
const char *app_report_db_url(void);

/* Runs fn(a, ctx, e) with a reading from the report database instead of its
 * own connection (given back to a afterwards), or on a's own when none is
 * set; returns fn's result, or the error opening the report database
 * (DY_ENOTFOUND when it does not exist, DY_ECONFLICT at another schema
 * version). */
int app_report_db_run(struct app *a, int (*fn)(struct app *a, void *ctx, struct dy_err *e), void *ctx,
                      struct dy_err *e);

/* Closes the calling thread's report connection, if it has one. */
void app_report_db_close_thread(void);

#endif
