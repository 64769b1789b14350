/* schema_v28.c: migration 28, "report tallies" (issue 15), in both
 * dialects (its entry in schema.c's schema_migrations names these texts).
 *
 * The activity report counted a period's contacts by reading every contact
 * of the database, and its referrals by reading every referral three
 * times: at 1,000,000 families 0.85 s and 0.6 s, growing with the
 * database rather than with the period (bench/RESULTS.md, "The activity
 * report from tallies"). Two tables now keep those counts as the records
 * change, kept by triggers in the same transaction as the change, so that
 * the report reads a few rows a day:
 *
 *   contact_tally   contacts not in error, by date, team, kind, location,
 *                   intervention ('' for none) and attendance (n). A
 *                   referral in error takes its contacts out in the report
 *                   itself (the few referrals in error, read from their own
 *                   index).
 *   referral_tally  referrals not in error, by date, team, what and code
 *                   (n): 'received' by source on the received date,
 *                   'decided' by decision on the decision date, and, for
 *                   the accepted, 'opens' on the received date and
 *                   'closes' on the discharge date: the caseload on day D
 *                   is the opens dated on or before D less the closes
 *                   dated before D.
 *
 * Rows that fall to zero are deleted (a partial index on the count finds
 * them), so the tables are exactly what store_tally_recompute makes from
 * the records. A family moved to another team (no command does; a database
 * edited by hand may) takes its counts with it.
 *
 * On PostgreSQL the triggers stand aside, as the clock triggers do for
 * dyad.clocks, while the transaction's setting dyad.tallies is 'later' (a
 * bulk load, the demo), and the load recomputes them (store_tally.h); on
 * SQLite a bulk load drops them and makes them again after its recompute:
 * either way a load pays one grouped pass rather than a trigger per row.
 * The migration fills the tables from the records already there (a
 * migration step).
 *
 * A tally of each practitioner's first contact of each referral, for the
 * caseload per practitioner, was built and measured and left out: the
 * demo's contacts meet a practitioner drawn at random each time, so the
 * pairs are as many as the contacts, and making them again took a
 * PostgreSQL import of 100,000 families from 23 s to 31 s, over its 30 s
 * (bench/RESULTS.md). */
#include "store/schema.h"
#include "store/schema_tally.h"

/* ---- contact_tally: r is a contact row, OLD or NEW ---- */
#define TALLY_KEY "date, team_id, kind, location, intervention, attendance"
#define TALLY_ADD(r)                                                                                               \
	"INSERT INTO contact_tally (" TALLY_KEY ", n) SELECT " r ".date, " TEAM_OF(r ".episode_id") ", " r ".kind, " r \
	".location, coalesce(" r ".intervention, ''), " r ".attendance, 1 WHERE " r ".error_at IS NULL"               \
	" ON CONFLICT (" TALLY_KEY ") DO UPDATE SET n = contact_tally.n + 1;"
#define TALLY_SUB(r)                                                                                               \
	"UPDATE contact_tally SET n = n - 1 WHERE " r ".error_at IS NULL AND date = " r ".date AND team_id = "         \
	TEAM_OF(r ".episode_id") " AND kind = " r ".kind AND location = " r ".location"                              \
	" AND intervention = coalesce(" r ".intervention, '') AND attendance = " r ".attendance;" TALLY_CLEAN
#define TALLY_CLEAN "DELETE FROM contact_tally WHERE n = 0;"

/* ---- referral_tally: r is an episode row, OLD or NEW ---- */
#define REF_KEY "date, team_id, what, code"
#define REF_CHANGE(r, n)                                                                                           \
	"INSERT INTO referral_tally (" REF_KEY ", n) SELECT " REF_KEY ", n FROM ("                                    \
	REF_ROWS(r, "(SELECT tf.team_id FROM family tf WHERE tf.id = " r ".family_id)", n, "", "1 = 1")               \
	") t WHERE 1 = 1 ON CONFLICT (" REF_KEY ") DO UPDATE SET n = referral_tally.n + excluded.n;"
#define REF_CLEAN "DELETE FROM referral_tally WHERE n = 0;"
#define REFERRAL_COLS "received_on, source, decided_on, decision, discharged_on, error_at, family_id"

/* ---- a family moved to another team (no command does; a database edited
 * by hand may): its counts leave the old team's tallies for the new's ---- */
#define TEAM_MOVE(sign, team)                                                                                      \
	"INSERT INTO contact_tally (" TALLY_KEY ", n) " TALLY_ROWS(team, sign, "e.family_id = NEW.id")                \
	" ON CONFLICT (" TALLY_KEY ") DO UPDATE SET n = contact_tally.n + excluded.n;"                               \
	"INSERT INTO referral_tally (" REF_KEY ", n) SELECT date, " team ", what, code, " sign "SUM(n) FROM ("         \
	REF_ROWS("e", "0", "1", " FROM episode e", "e.family_id = NEW.id") ") t WHERE 1 = 1"                          \
	" GROUP BY date, what, code ON CONFLICT (" REF_KEY ") DO UPDATE SET n = referral_tally.n + excluded.n;"
#define FAMILY_MOVED                                                                                               \
	TEAM_MOVE("-", "OLD.team_id") TEAM_MOVE("", "NEW.team_id") TALLY_CLEAN REF_CLEAN

#define CONTACT_COLS "episode_id, date, kind, location, intervention, attendance, error_at"

const char schema_v28[] =
	"CREATE TABLE contact_tally ("
	"  date TEXT NOT NULL, team_id INTEGER NOT NULL, kind TEXT NOT NULL, location TEXT NOT NULL,"
	"  intervention TEXT NOT NULL, attendance TEXT NOT NULL, n INTEGER NOT NULL,"
	"  PRIMARY KEY (" TALLY_KEY ")) STRICT, WITHOUT ROWID;"
	"CREATE INDEX contact_tally_zero ON contact_tally(n) WHERE n = 0;"
	"CREATE TABLE referral_tally ("
	"  date TEXT NOT NULL, team_id INTEGER NOT NULL, what TEXT NOT NULL, code TEXT NOT NULL, n INTEGER NOT NULL,"
	"  PRIMARY KEY (" REF_KEY ")) STRICT, WITHOUT ROWID;"
	"CREATE INDEX referral_tally_zero ON referral_tally(n) WHERE n = 0;";

/* The SQLite triggers: made by the migration's step and again after each
 * bulk load (store_tally_end), dropped by store_tally_aside. */
const char schema_v28_triggers[] =
	"CREATE TRIGGER contact_tally_insert AFTER INSERT ON contact WHEN NEW.error_at IS NULL BEGIN " TALLY_ADD("NEW")
	" END;"
	"CREATE TRIGGER contact_tally_update AFTER UPDATE OF " CONTACT_COLS " ON contact BEGIN " TALLY_SUB("OLD")
	TALLY_ADD("NEW") " END;"
	"CREATE TRIGGER contact_tally_delete AFTER DELETE ON contact BEGIN " TALLY_SUB("OLD") " END;"
	"CREATE TRIGGER family_tally AFTER UPDATE OF team_id ON family WHEN OLD.team_id IS NOT NEW.team_id"
	" BEGIN " FAMILY_MOVED " END;"
	"CREATE TRIGGER referral_tally_insert AFTER INSERT ON episode BEGIN " REF_CHANGE("NEW", "1") " END;"
	"CREATE TRIGGER referral_tally_delete AFTER DELETE ON episode BEGIN " REF_CHANGE("OLD", "-1") REF_CLEAN " END;"
	"CREATE TRIGGER referral_tally_update AFTER UPDATE OF " REFERRAL_COLS " ON episode"
	" WHEN OLD.received_on IS NOT NEW.received_on OR OLD.source IS NOT NEW.source"
	"  OR OLD.decided_on IS NOT NEW.decided_on OR OLD.decision IS NOT NEW.decision"
	"  OR OLD.discharged_on IS NOT NEW.discharged_on OR OLD.error_at IS NOT NEW.error_at"
	"  OR OLD.family_id IS NOT NEW.family_id"
	" BEGIN " REF_CHANGE("OLD", "-1") REF_CHANGE("NEW", "1") REF_CLEAN " END;";

const char schema_v28_trigger_names[] = "contact_tally_insert contact_tally_update contact_tally_delete family_tally"
                                        " referral_tally_insert referral_tally_delete referral_tally_update";

#define NOW "current_setting('dyad.tallies', true) IS DISTINCT FROM 'later'"

const char schema_pg_v28[] =
	"CREATE TABLE contact_tally ("
	"  date date NOT NULL, team_id bigint NOT NULL, kind text NOT NULL, location text NOT NULL,"
	"  intervention text NOT NULL, attendance text NOT NULL, n bigint NOT NULL,"
	"  PRIMARY KEY (" TALLY_KEY "));"
	"CREATE INDEX contact_tally_zero ON contact_tally(n) WHERE n = 0;"
	"CREATE TABLE referral_tally ("
	"  date date NOT NULL, team_id bigint NOT NULL, what text NOT NULL, code text NOT NULL, n bigint NOT NULL,"
	"  PRIMARY KEY (" REF_KEY "));"
	"CREATE INDEX referral_tally_zero ON referral_tally(n) WHERE n = 0;"
	"CREATE FUNCTION dyad_tally_contact() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP <> 'INSERT' THEN " TALLY_SUB("OLD") " END IF;"
	" IF TG_OP <> 'DELETE' THEN " TALLY_ADD("NEW") " END IF;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER contact_tally AFTER INSERT OR DELETE OR UPDATE OF " CONTACT_COLS " ON contact"
	" FOR EACH ROW WHEN (" NOW ") EXECUTE FUNCTION dyad_tally_contact();"
	"CREATE FUNCTION dyad_tally_family() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " FAMILY_MOVED
	" RETURN NULL; END $$;"
	"CREATE TRIGGER family_tally AFTER UPDATE OF team_id ON family FOR EACH ROW WHEN (" NOW
	" AND OLD.team_id IS DISTINCT FROM NEW.team_id) EXECUTE FUNCTION dyad_tally_family();"
	"CREATE FUNCTION dyad_tally_referral() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP <> 'INSERT' THEN " REF_CHANGE("OLD", "-1") " END IF;"
	" IF TG_OP <> 'DELETE' THEN " REF_CHANGE("NEW", "1") " END IF;"
	" " REF_CLEAN " RETURN NULL; END $$;"
	"CREATE TRIGGER referral_tally AFTER INSERT OR DELETE ON episode FOR EACH ROW WHEN (" NOW ")"
	" EXECUTE FUNCTION dyad_tally_referral();"
	"CREATE TRIGGER referral_tally_update AFTER UPDATE OF " REFERRAL_COLS " ON episode FOR EACH ROW WHEN (" NOW
	" AND (OLD.received_on IS DISTINCT FROM NEW.received_on OR OLD.source IS DISTINCT FROM NEW.source"
	" OR OLD.decided_on IS DISTINCT FROM NEW.decided_on OR OLD.decision IS DISTINCT FROM NEW.decision"
	" OR OLD.discharged_on IS DISTINCT FROM NEW.discharged_on OR OLD.error_at IS DISTINCT FROM NEW.error_at"
	" OR OLD.family_id IS DISTINCT FROM NEW.family_id)) EXECUTE FUNCTION dyad_tally_referral();";
