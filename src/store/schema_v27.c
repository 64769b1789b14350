/* schema_v27.c: migration 27, "bulk loads on PostgreSQL" (issue 14), in
 * both dialects (its entry in schema.c's schema_migrations names these
 * texts).
 *
 * An import into PostgreSQL sends each file's rows by COPY, gathered by
 * table (db_bulk's DB_BULK_ANY_ORDER), so a row may reach the server
 * before the row it names: every foreign key becomes DEFERRABLE (INITIALLY
 * IMMEDIATE, so every other write is checked as before) and the import
 * defers them to its commit. The waiting clocks' triggers cost a bulk load
 * a PL/pgSQL call and an update per contact; they now stand aside while
 * the transaction's setting dyad.clocks is 'later', and
 * dyad_clocks_recompute(team) sets every clock of the team's referrals
 * again in one statement, by the same expressions (schema_clock.h).
 * Into tables still empty, dyad_keys_off drops the foreign keys and the
 * indexes that back no key, and dyad_keys_on makes them again after the
 * load, each in one pass, as pg_restore does. store_bulk.h calls them.
 * SQLite keeps its triggers (cheap in-process) and changes nothing.
 *
 * A foreign key added by a later migration must be declared DEFERRABLE
 * itself (tests/store/test_schema_pg.c checks that every one is). */
#include "store/schema.h"
#include "store/schema_clock.h"

const char schema_v27[] = "-- SQLite: nothing (its clock triggers stay, its foreign keys are off in an import)\n";

#define CLOCKS_NOW "current_setting('dyad.clocks', true) IS DISTINCT FROM 'later'"
#define PG_CLOCK_WHEN(name, table, event, cond)                                                                     \
	"DROP TRIGGER " name " ON " table ";"                                                                         \
	"CREATE TRIGGER " name " AFTER " event " ON " table " FOR EACH ROW WHEN ((" cond ") AND " CLOCKS_NOW ")"      \
	" EXECUTE FUNCTION dyad_" name "();"

const char schema_pg_v27[] =
	"DO $$ DECLARE r record; BEGIN"
	" FOR r IN SELECT c.conrelid::regclass AS t, c.conname FROM pg_constraint c"
	"  WHERE c.contype = 'f' AND NOT c.condeferrable"
	"  AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
	" LOOP EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', r.t, r.conname);"
	" END LOOP; END $$;"
	PG_CLOCK_WHEN("contact_clock_assessment", "contact", "INSERT",
	              "NEW.attendance = 'attended' AND NEW.kind = 'assessment' AND NEW.error_at IS NULL")
	PG_CLOCK_WHEN("contact_clock_intervention", "contact", "INSERT",
	              "NEW.attendance = 'attended' AND NEW.kind IN ('intervention','group') AND NEW.error_at IS NULL")
	PG_CLOCK_WHEN("contact_clock_delete", "contact", "DELETE", CLOCK_STOPS("OLD"))
	PG_CLOCK_WHEN("contact_clock_update", "contact", "UPDATE OF episode_id, date, kind, attendance, error_at",
	              "(" CLOCK_STOPS("OLD") ") OR (" CLOCK_STOPS("NEW") ")")
	PG_CLOCK_WHEN("episode_clock_dates", "episode", "UPDATE OF received_on, discharged_on",
	              "NEW.received_on IS DISTINCT FROM OLD.received_on"
	              " OR NEW.discharged_on IS DISTINCT FROM OLD.discharged_on")
	"CREATE FUNCTION dyad_clocks_recompute(team bigint) RETURNS void LANGUAGE sql AS $$ " CLOCK_SET
	" WHERE family_id IN (SELECT id FROM family WHERE team_id = team) $$;"
	/* A load into empty tables: their foreign keys and the indexes no key
	 * needs (not unique) dropped, and made again after it, each key checked
	 * and each index built in one pass (store_bulk.h). */
	"CREATE FUNCTION dyad_keys_off() RETURNS void LANGUAGE plpgsql AS $$"
	" DECLARE r record; empty boolean; ns oid := (SELECT oid FROM pg_namespace WHERE nspname = current_schema());"
	" BEGIN"
	" CREATE TEMP TABLE dyad_keys (t text, name text, def text) ON COMMIT DROP;"
	" FOR r IN SELECT c.conrelid::regclass::text AS t, c.conname::text AS name, pg_get_constraintdef(c.oid) AS def"
	"  FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = ns"
	" LOOP"
	"  EXECUTE format('SELECT NOT EXISTS (SELECT 1 FROM %s)', r.t) INTO empty;"
	"  IF empty THEN"
	"   INSERT INTO dyad_keys VALUES (r.t, r.name, r.def);"
	"   EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.t, r.name);"
	"  END IF;"
	" END LOOP;"
	" FOR r IN SELECT i.indrelid::regclass::text AS t, i.indexrelid::regclass::text AS name,"
	"  pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class k ON k.oid = i.indexrelid"
	"  WHERE k.relnamespace = ns AND NOT i.indisunique"
	"  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)"
	" LOOP"
	"  EXECUTE format('SELECT NOT EXISTS (SELECT 1 FROM %s)', r.t) INTO empty;"
	"  IF empty THEN"
	"   INSERT INTO dyad_keys VALUES (NULL, r.name, r.def);"
	"   EXECUTE format('DROP INDEX %s', r.name);"
	"  END IF;"
	" END LOOP; END $$;"
	"CREATE FUNCTION dyad_keys_on() RETURNS void LANGUAGE plpgsql AS $$ DECLARE r record; BEGIN"
	" FOR r IN SELECT * FROM dyad_keys WHERE t IS NULL LOOP EXECUTE r.def; END LOOP;"
	" FOR r IN SELECT * FROM dyad_keys WHERE t IS NOT NULL LOOP"
	"  EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.t, r.name, r.def);"
	" END LOOP;"
	" DROP TABLE dyad_keys; END $$;";
