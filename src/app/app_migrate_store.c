/* app_migrate_store.c: dyad migrate-store over store_copy, in one target
 * transaction with its audit entry (app_migrate_store.h). */
#include "app/app_migrate_store.h"

#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "store/migrate.h"
#include "store/store_bulk.h"

#define COPY_SQL_MEMORY ((size_t)64 << 20) /* the generated statements' text */

/* Opens the source and checks it is at this dyad's schema version. */
static int open_source(const char *url, db_t **db, struct dy_err *e)
{
	if (!db_url_exists(url)) {
		char shown[512];
		db_url_shown(url, shown, sizeof shown);
		return dy_fail(e, DY_ENOTFOUND, "from", "there is no database at %s", shown);
	}
	int rc = db_open(url, db, e);
	if (rc)
		return rc;
	int have = migrate_version(*db, e);
	if (have < 0)
		return have;
	if (have != migrate_latest())
		return dy_fail(e, DY_ECONFLICT, "from", "the source is at schema version %d and this dyad at %d: %s",
		               have, migrate_latest(),
		               have < migrate_latest() ? "run `dyad init` on it first" : "use the dyad that wrote it");
	return 0;
}

int app_migrate_store(const char *from_url, const char *to_url, const char *actor, struct app_migrate_report *r,
                      struct dy_err *e)
{
	memset(r, 0, sizeof *r);
	if (strcmp(from_url, to_url) == 0)
		return dy_fail(e, DY_EINVAL, "to", "the target is the source: name a new database");
	struct arena keep; /* outlives both connections: their statement caches hold its SQL */
	arena_init(&keep, COPY_SQL_MEMORY);
	db_t *src = NULL;
	int rc = open_source(from_url, &src, e);
	if (rc) {
		db_close(src);
		arena_free(&keep);
		return rc;
	}
	int existed = db_url_exists(to_url);
	struct app a;
	rc = app_open(&a, to_url, actor, e);
	if (!rc) {
		snprintf(r->from_driver, sizeof r->from_driver, "%s", db_driver_name(src));
		snprintf(r->to_driver, sizeof r->to_driver, "%s", db_driver_name(a.db));
		rc = app_begin(&a, e);
		if (!rc) {
			/* On PostgreSQL the copied referrals bring their clock dates,
			 * so the clock triggers stand aside for the copy and nothing is
			 * set again; into a database with no family, the empty tables'
			 * keys and plain indexes are set aside and made again after it,
			 * a pass each (store_bulk.h). */
			int aside = 0;
			int copied = store_bulk_begin(a.db, 1, &aside, e);
			if (!copied)
				copied = store_copy(src, a.db, &keep, &r->copy, e);
			if (!copied)
				copied = store_bulk_end(a.db, aside, 0, e);
			char detail[160];
			snprintf(detail, sizeof detail, "%lld rows in %d tables from %s, counts and checksums verified",
			         (long long)r->copy.rows, r->copy.ntables, r->from_driver);
			rc = app_end(&a, copied, "migrate-store", "team", r->copy.team_id, detail, e);
		}
		app_close(&a);
	}
	db_close(src);
	arena_free(&keep);
	if (rc && !existed)
		db_url_remove(to_url);
	return rc;
}
