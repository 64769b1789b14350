/* app_ops.h: operating a database safely: an online backup, and the
 * doctor's look at who can read the files that hold identifiable data (the
 * database, its -wal and -shm, exports and backups). See docs/operations.md. */
#ifndef DYAD_APP_OPS_H
#define DYAD_APP_OPS_H

#include "app/app.h"
#include "store/db.h"

/* A verified online copy of the database into the new file path (0600),
 * taken while others write (db_backup), recorded in the audit log. */
int app_backup(struct app *a, const char *path, struct db_backup_report *r, struct dy_err *e);

/* Called once per finding of app_doctor: what is wrong and what to do. */
typedef void (*app_doctor_fn)(void *ctx, const char *finding);

/* Looks at the database file db_path, its -wal and -shm files, every export
 * folder (one holding manifest.csv) and backup beside it, and extra (a file
 * or folder; NULL for none): each readable or writable by others than the
 * owner, and each unfinished export's private folder, is a finding.
 * Returns the number of findings. */
int app_doctor(const char *db_path, const char *extra, app_doctor_fn fn, void *ctx);

#endif
