/* app_report_db.c: one report connection per thread, swapped in for a
 * report's reads (app_report_db.h). */
#include "app/app_report_db.h"

#include <pthread.h>

#include "store/migrate.h"

static const char *report_url;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static pthread_key_t key; /* the thread's report connection */

static void close_conn(void *db) { db_close(db); }
static void make_key(void) { pthread_key_create(&key, close_conn); }

void app_report_db_set(const char *url) { report_url = url && *url ? url : NULL; }

const char *app_report_db_url(void) { return report_url; }

/* The thread's report connection, opened and checked at its first use. */
static int conn(db_t **out, struct dy_err *e)
{
	pthread_once(&key_once, make_key);
	if ((*out = pthread_getspecific(key)))
		return 0;
	if (!db_url_exists(report_url)) {
		char shown[512];
		db_url_shown(report_url, shown, sizeof shown);
		return dy_fail(e, DY_ENOTFOUND, "report-db", "there is no database at %s", shown);
	}
	db_t *db;
	int rc = db_open(report_url, &db, e);
	int64_t version = 0;
	if (!rc) /* read only: a replica takes no CREATE, so not migrate_version */
		rc = db_query_int(db, "SELECT MAX(version) FROM schema_migration", &version, e);
	if (!rc && version != migrate_latest())
		rc = dy_fail(e, DY_ECONFLICT, "report-db", "the report database is at schema version %lld and this dyad"
		             " at %d: upgrade the database it replicates first", (long long)version, migrate_latest());
	if (rc) {
		db_close(db);
		return rc;
	}
	pthread_setspecific(key, db);
	*out = db;
	return 0;
}

int app_report_db_run(struct app *a, int (*fn)(struct app *a, void *ctx, struct dy_err *e), void *ctx,
                      struct dy_err *e)
{
	if (!report_url)
		return fn(a, ctx, e);
	db_t *r;
	int rc = conn(&r, e);
	if (rc)
		return rc;
	db_t *own = a->db;
	int depth = a->read_depth, began = a->read_began;
	a->db = r;
	a->read_depth = a->read_began = 0; /* the report's reads begin their own snapshot there */
	rc = fn(a, ctx, e);
	if (db_in_transaction(r))
		db_rollback(r);
	db_end_reads(r);
	a->db = own;
	a->read_depth = depth;
	a->read_began = began;
	if (rc == DY_ESTORE || rc == DY_EBUSY) /* perhaps a lost connection: a new one next time */
		app_report_db_close_thread();
	return rc;
}

void app_report_db_close_thread(void)
{
	pthread_once(&key_once, make_key);
	db_t *db = pthread_getspecific(key);
	if (db) {
		pthread_setspecific(key, NULL);
		db_close(db);
	}
}
