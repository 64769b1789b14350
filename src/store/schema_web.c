/* schema_web.c: the migration for the web application (issue 11): user
 * accounts with roles and teams, sessions and API tokens (stored only as
 * hashes), sign-in throttling, and the audit log made append-only with a
 * hash chain (docs/security.md).
 *
 * audit gains the acting user's id, the client address and each entry's
 * chain hash (BLAKE2b-256 of the previous entry's hash and this entry,
 * computed in store_audit.c); rows written before this migration are
 * sealed into the chain by store_audit_seal when the database is opened.
 * Triggers refuse UPDATE and DELETE on audit; audit_head keeps the last
 * entry's id so that removing entries from the end is noticed too. */
#include "store/schema.h"

const char schema_v6_web[] =
	"CREATE TABLE app_user ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  display TEXT NOT NULL,"
	"  roles INTEGER NOT NULL CHECK (roles > 0),"
	"  password_hash TEXT NOT NULL,"
	"  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),"
	"  created_at TEXT NOT NULL) STRICT;"
	"CREATE TABLE user_team ("
	"  user_id INTEGER NOT NULL REFERENCES app_user(id),"
	"  team_id INTEGER NOT NULL REFERENCES team(id),"
	"  PRIMARY KEY (user_id, team_id)) STRICT, WITHOUT ROWID;"
	/* Times are Unix seconds: expiry is arithmetic on them. */
	"CREATE TABLE session ("
	"  id INTEGER PRIMARY KEY,"
	"  user_id INTEGER NOT NULL REFERENCES app_user(id),"
	"  token_hash TEXT NOT NULL UNIQUE,"
	"  created_at INTEGER NOT NULL,"
	"  last_seen INTEGER NOT NULL,"
	"  address TEXT NOT NULL,"
	"  revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))) STRICT;"
	"CREATE INDEX session_user ON session(user_id);"
	"CREATE TABLE api_token ("
	"  id INTEGER PRIMARY KEY,"
	"  user_id INTEGER NOT NULL REFERENCES app_user(id),"
	"  token_hash TEXT NOT NULL UNIQUE,"
	"  created_at TEXT NOT NULL,"
	"  expires TEXT NOT NULL,"
	"  revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))) STRICT;"
	/* Failed sign-ins by the name typed, whether or not such a user exists. */
	"CREATE TABLE signin_throttle ("
	"  name TEXT PRIMARY KEY,"
	"  failures INTEGER NOT NULL,"
	"  last_failure INTEGER NOT NULL,"
	"  locked_until INTEGER NOT NULL) STRICT;"
	"ALTER TABLE audit ADD COLUMN user_id INTEGER;"
	"ALTER TABLE audit ADD COLUMN address TEXT;"
	"ALTER TABLE audit ADD COLUMN hash TEXT;"
	"CREATE INDEX audit_entity ON audit(entity, entity_id);"
	"CREATE TABLE audit_head ("
	"  one INTEGER PRIMARY KEY CHECK (one = 1),"
	"  last_id INTEGER NOT NULL,"
	"  hash TEXT NOT NULL) STRICT;"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
	"  WHEN OLD.hash IS NOT NULL"
	"  BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'audit entries cannot be removed'); END;";
