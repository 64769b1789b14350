/* app_migrate_store.h: moving a team's database up from SQLite to
 * PostgreSQL (or back): `dyad migrate-store` (docs/postgresql.md). */
#ifndef DYAD_APP_APP_MIGRATE_STORE_H
#define DYAD_APP_APP_MIGRATE_STORE_H

#include "store/store_copy.h"

/* What was copied, and between which drivers ("sqlite", "postgresql"). */
struct app_migrate_report {
	struct store_copy_report copy;
	char from_driver[16], to_driver[16];
};

/* Copies the database at from_url (it must exist and be at this dyad's
 * schema version; it is only read) into the database at to_url (created if
 * need be and migrated to this version first), verified table by table
 * (store_copy.h), and records a "migrate-store" audit entry by actor in the
 * target, all in one transaction of the target: on any refusal or failure
 * the target keeps nothing of it (a SQLite file this call created is
 * removed). Returns 0, DY_ENOTFOUND (no source), DY_ECONFLICT (refused:
 * the target holds the team or records, versions differ) or a store code. */
int app_migrate_store(const char *from_url, const char *to_url, const char *actor, struct app_migrate_report *r,
                      struct dy_err *e);

#endif
