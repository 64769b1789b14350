/* store_links.h: link rows between one record and a short list of others
 * (a care plan's practitioners and goals, a group run's facilitators):
 * writing them and reading them back, once. */
#ifndef DYAD_STORE_LINKS_H
#define DYAD_STORE_LINKS_H

#include "store/db.h"

/* Runs sql (a string literal: "INSERT ... VALUES (?,?)", owner then id)
 * once for each of the n ids. */
int store_links_insert(db_t *db, const char *sql, int64_t owner, const int64_t *ids, int n, struct dy_err *e);

/* Runs sql (a string literal selecting one id column for the owner bound as
 * parameter 1) and keeps at most max ids in ids, their count in *n. */
int store_links_read(db_t *db, const char *sql, int64_t owner, int64_t *ids, int max, int *n, struct dy_err *e);

#endif
