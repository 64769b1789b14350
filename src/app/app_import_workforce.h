/* app_import_workforce.h: the import of the workforce files (training.csv,
 * training_attendees.csv, consultations.csv, supervision.csv; docs/csv.md),
 * one step of app_import's transaction. */
#ifndef DYAD_APP_IMPORT_WORKFORCE_H
#define DYAD_APP_IMPORT_WORKFORCE_H

#include "app/app.h"
#include "app/app_transfer.h"

/* Reads the four files in dir (each optional) into a's team inside the
 * caller's write transaction, checking every row as the `add` commands do
 * (practitioners and families must exist: imported before this step or
 * already in the database), and adds what it wrote to n. The first bad row
 * fails with file, line and column in e; the caller rolls back. */
int app_import_workforce(struct app *a, const char *dir, struct transfer_counts *n, struct dy_err *e);

#endif
