/* schema_v21.c: migration 21, "corrections of every record, entered in
 * error" (issue 12; docs/corrections.md), in both dialects (its entry in
 * schema.c's schema_migrations names these texts).
 *
 * The correction table's record kinds widen from a person to a family, a
 * referral (the episode), a contact, a safeguarding period and a measure.
 * SQLite cannot change a CHECK, so the table is rebuilt with its rows, its
 * indexes and its keep-every-row triggers; PostgreSQL replaces the
 * constraint. Referrals, contacts, safeguarding periods and measures gain
 * the entered-in-error columns notes have (reason, by, at): a record so
 * marked is kept and hidden, and left out of figures and clocks. The
 * waiting clocks' triggers (version 15) are made again so that a contact
 * entered in error stops no clock, and marking or unmarking one recomputes
 * its referral's clocks. */
#include "store/schema.h"

#define KINDS "('person','family','referral','contact','safeguarding','measure')"

#include "store/schema_clock.h"

#define ERROR_COLUMNS(t, type)                                                                                      \
	"ALTER TABLE " t " ADD COLUMN error_reason " type ";"                                                         \
	"ALTER TABLE " t " ADD COLUMN error_by " type ";"                                                             \
	"ALTER TABLE " t " ADD COLUMN error_at " type ";"

const char schema_v21[] =
	"CREATE TABLE correction_v21 ("
	"  id INTEGER PRIMARY KEY,"
	"  entity TEXT NOT NULL CHECK (entity IN " KINDS "),"
	"  entity_id INTEGER NOT NULL,"
	"  family_id INTEGER NOT NULL REFERENCES family(id),"
	"  field TEXT NOT NULL,"
	"  old_value TEXT NOT NULL,"
	"  new_value TEXT NOT NULL,"
	"  reason TEXT NOT NULL,"
	"  corrected_by TEXT NOT NULL,"
	"  corrected_at TEXT NOT NULL,"
	"  reverts INTEGER REFERENCES correction_v21(id)) STRICT;"
	"INSERT INTO correction_v21 SELECT id, entity, entity_id, family_id, field, old_value, new_value, reason,"
	"  corrected_by, corrected_at, reverts FROM correction ORDER BY id;"
	"DROP TABLE correction;"
	"ALTER TABLE correction_v21 RENAME TO correction;"
	"CREATE INDEX correction_entity ON correction(entity, entity_id, id);"
	"CREATE INDEX correction_family ON correction(family_id, id);"
	"CREATE TRIGGER correction_kept BEFORE UPDATE ON correction"
	"  BEGIN SELECT RAISE(ABORT, 'correction_kept'); END;"
	"CREATE TRIGGER correction_not_deleted BEFORE DELETE ON correction"
	"  BEGIN SELECT RAISE(ABORT, 'correction_kept'); END;"
	ERROR_COLUMNS("episode", "TEXT") ERROR_COLUMNS("contact", "TEXT") ERROR_COLUMNS("safeguarding", "TEXT")
	ERROR_COLUMNS("measure", "TEXT")
	"DROP TRIGGER contact_clock_assessment;"
	"DROP TRIGGER contact_clock_intervention;"
	"DROP TRIGGER contact_clock_delete;"
	"DROP TRIGGER contact_clock_update;"
	"DROP TRIGGER episode_clock_dates;"
	"CREATE TRIGGER contact_clock_assessment AFTER INSERT ON contact"
	"  WHEN NEW.attendance = 'attended' AND NEW.kind = 'assessment' AND NEW.error_at IS NULL"
	"  BEGIN " CLOCK_SET " WHERE id = NEW.episode_id AND " CLOCK_IN_EPISODE
	"   AND (clock_assessed IS NULL OR NEW.date < clock_assessed); END;"
	"CREATE TRIGGER contact_clock_intervention AFTER INSERT ON contact"
	"  WHEN NEW.attendance = 'attended' AND NEW.kind IN ('intervention','group') AND NEW.error_at IS NULL"
	"  BEGIN UPDATE episode SET"
	"   clock_intervention = CASE WHEN " CLOCK_NEW_IV_FIRST " THEN NEW.date ELSE clock_intervention END,"
	"   clock_direct = CASE WHEN " CLOCK_NEW_DIRECT_FIRST " THEN NEW.date ELSE clock_direct END"
	"   WHERE id = NEW.episode_id AND " CLOCK_IN_EPISODE " AND ((" CLOCK_NEW_IV_FIRST ") OR (" CLOCK_NEW_DIRECT_FIRST "));"
	"  END;"
	"CREATE TRIGGER contact_clock_delete AFTER DELETE ON contact WHEN " CLOCK_STOPS("OLD")
	"  BEGIN " CLOCK_SET " WHERE id = OLD.episode_id; END;"
	"CREATE TRIGGER contact_clock_update AFTER UPDATE OF episode_id, date, kind, attendance, error_at ON contact"
	"  WHEN (" CLOCK_STOPS("OLD") ") OR (" CLOCK_STOPS("NEW") ")"
	"  BEGIN " CLOCK_SET " WHERE id IN (OLD.episode_id, NEW.episode_id); END;"
	"CREATE TRIGGER episode_clock_dates AFTER UPDATE OF received_on, discharged_on ON episode"
	"  WHEN NEW.received_on IS NOT OLD.received_on OR NEW.discharged_on IS NOT OLD.discharged_on"
	"  BEGIN " CLOCK_SET " WHERE id = NEW.id; END;";

/* PostgreSQL: the constraint replaced; each clock trigger dropped, its
 * function replaced and the trigger made again with the new condition. */
#define PG_CLOCK_TRIGGER(name, table, event, cond, body)                                                            \
	"DROP TRIGGER " name " ON " table ";"                                                                         \
	"CREATE OR REPLACE FUNCTION dyad_" name "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " body               \
	"; RETURN NULL; END $$;"                                                                                      \
	"CREATE TRIGGER " name " AFTER " event " ON " table " FOR EACH ROW WHEN (" cond ")"                            \
	" EXECUTE FUNCTION dyad_" name "();"
#define PG_ERROR_COLUMNS(t)                                                                                         \
	"ALTER TABLE " t " ADD COLUMN error_reason text;"                                                             \
	"ALTER TABLE " t " ADD COLUMN error_by text;"                                                                 \
	"ALTER TABLE " t " ADD COLUMN error_at timestamptz;"
const char schema_pg_v21[] =
	"ALTER TABLE correction DROP CONSTRAINT correction_entity_check;"
	"ALTER TABLE correction ADD CONSTRAINT correction_entity_check CHECK (entity IN " KINDS ");"
	PG_ERROR_COLUMNS("episode") PG_ERROR_COLUMNS("contact") PG_ERROR_COLUMNS("safeguarding")
	PG_ERROR_COLUMNS("measure")
	PG_CLOCK_TRIGGER("contact_clock_assessment", "contact", "INSERT",
	                 "NEW.attendance = 'attended' AND NEW.kind = 'assessment' AND NEW.error_at IS NULL",
	                 CLOCK_SET " WHERE id = NEW.episode_id AND " CLOCK_IN_EPISODE
	                 " AND (clock_assessed IS NULL OR NEW.date < clock_assessed)")
	PG_CLOCK_TRIGGER("contact_clock_intervention", "contact", "INSERT",
	                 "NEW.attendance = 'attended' AND NEW.kind IN ('intervention','group') AND NEW.error_at IS NULL",
	                 "UPDATE episode SET"
	                 " clock_intervention = CASE WHEN " CLOCK_NEW_IV_FIRST " THEN NEW.date ELSE clock_intervention END,"
	                 " clock_direct = CASE WHEN " CLOCK_NEW_DIRECT_FIRST " THEN NEW.date ELSE clock_direct END"
	                 " WHERE id = NEW.episode_id AND " CLOCK_IN_EPISODE " AND ((" CLOCK_NEW_IV_FIRST ") OR ("
	                 CLOCK_NEW_DIRECT_FIRST "))")
	PG_CLOCK_TRIGGER("contact_clock_delete", "contact", "DELETE", CLOCK_STOPS("OLD"),
	                 CLOCK_SET " WHERE id = OLD.episode_id")
	PG_CLOCK_TRIGGER("contact_clock_update", "contact", "UPDATE OF episode_id, date, kind, attendance, error_at",
	                 "(" CLOCK_STOPS("OLD") ") OR (" CLOCK_STOPS("NEW") ")",
	                 CLOCK_SET " WHERE id IN (OLD.episode_id, NEW.episode_id)")
	PG_CLOCK_TRIGGER("episode_clock_dates", "episode", "UPDATE OF received_on, discharged_on",
	                 "NEW.received_on IS DISTINCT FROM OLD.received_on"
	                 " OR NEW.discharged_on IS DISTINCT FROM OLD.discharged_on",
	                 CLOCK_SET " WHERE id = NEW.id");
