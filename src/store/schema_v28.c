/* schema_v28.c: migration 28, "report tallies" (issue 15), in both
 * dialects (its entry in schema.c's schema_migrations names these texts).
 *
 * The activity report counted a period's contacts by reading every contact
 * of the database, and the caseload per practitioner by reading every
 * contact of every open referral: at 1,000,000 families 0.85 s and 0.8 s,
 * growing with the database rather than with the period (bench/RESULTS.md,
 * "The activity report from tallies"). Three tables now keep those counts
 * as the records change, kept by triggers in the same transaction as the
 * change, so that the report reads a few rows a day:
 *
 *   contact_tally         contacts not in error, by date, team, kind,
 *                         location, intervention ('' for none) and
 *                         attendance (n). A referral in error takes its
 *                         contacts out in the report itself (the few
 *                         referrals in error, read from their own index).
 *   episode_practitioner  for each referral and practitioner, the date of
 *                         the practitioner's first contact of it not in
 *                         error (first_on).
 *   caseload_tally        for each date, team and practitioner, the
 *                         referrals that enter the practitioner's caseload
 *                         that day (starts) and the ones that leave it
 *                         after that day (ends). A referral is in the
 *                         practitioner's caseload on day D when it is
 *                         accepted, not in error, received on or before D,
 *                         not discharged before D, and the practitioner
 *                         had a contact of it on or before D: from the
 *                         later of first_on and the received date to the
 *                         discharge date. The caseload on D is the starts
 *                         dated on or before D less the ends dated before
 *                         D.
 *
 * Rows that fall to zero are deleted (a partial index finds them), so the
 * tables are exactly what store_tally_recompute makes from the records.
 * On PostgreSQL the triggers stand aside, as the clock triggers do for
 * dyad.clocks, while the transaction's setting dyad.tallies is 'later' (a
 * bulk load, the demo), and the load recomputes them (store_tally.h); on SQLite a bulk load drops them and
 * makes them again after its recompute (store_tally.h): either way a load
 * pays one grouped pass rather than a trigger per row. The migration
 * fills the tables from the records already there (a migration step). */
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
	" AND intervention = coalesce(" r ".intervention, '') AND attendance = " r ".attendance;"                     \
	"DELETE FROM contact_tally WHERE n = 0;"

/* ---- episode_practitioner ---- */
/* cp, a contact_practitioner row: its practitioner has a contact of the
 * referral on that contact's date (when the contact is not in error). */
#define EP_ADD(cp)                                                                                                 \
	"INSERT INTO episode_practitioner (episode_id, practitioner_id, first_on) SELECT c.episode_id, " cp          \
	".practitioner_id, c.date FROM contact c WHERE c.id = " cp ".contact_id AND c.error_at IS NULL"               \
	" ON CONFLICT (episode_id, practitioner_id) DO UPDATE SET first_on = excluded.first_on"                      \
	" WHERE excluded.first_on < episode_practitioner.first_on;"
/* Every pair of the referral whose id is ep made again from its contacts,
 * when cond holds. */
#define EP_REDO(ep, cond)                                                                                          \
	"DELETE FROM episode_practitioner WHERE episode_id = " ep cond ";"                                           \
	"INSERT INTO episode_practitioner (episode_id, practitioner_id, first_on)"                                   \
	" SELECT c.episode_id, cp.practitioner_id, MIN(c.date) FROM contact c"                                       \
	" JOIN contact_practitioner cp ON cp.contact_id = c.id WHERE c.episode_id = " ep cond                        \
	" AND c.error_at IS NULL GROUP BY c.episode_id, cp.practitioner_id;"
#define EP_OF(cp) "(SELECT ec.episode_id FROM contact ec WHERE ec.id = " cp ".contact_id)"

/* ---- caseload_tally: sign 1 adds, -1 takes away, the pairs p of
 * episode_practitioner with their referral r, as from_where selects ---- */
#define CL_CHANGE(sign, from_where, p, r)                                                                          \
	"INSERT INTO caseload_tally (date, team_id, practitioner_id, starts, ends) SELECT "                          \
	LATER(p ".first_on", r ".received_on") ", (SELECT tf.team_id FROM family tf WHERE tf.id = " r ".family_id), "  \
	p ".practitioner_id, " sign ", 0 FROM " from_where " AND " CL_COUNTS(p, r)                                    \
	" ON CONFLICT (date, team_id, practitioner_id) DO UPDATE SET starts = caseload_tally.starts + excluded.starts;" \
	"INSERT INTO caseload_tally (date, team_id, practitioner_id, starts, ends) SELECT " r ".discharged_on,"       \
	" (SELECT tf.team_id FROM family tf WHERE tf.id = " r ".family_id), " p ".practitioner_id, 0, " sign          \
	" FROM " from_where " AND " r ".discharged_on IS NOT NULL AND " CL_COUNTS(p, r)                                \
	" ON CONFLICT (date, team_id, practitioner_id) DO UPDATE SET ends = caseload_tally.ends + excluded.ends;"
#define CL_CLEAN "DELETE FROM caseload_tally WHERE starts = 0 AND ends = 0;"
#define CL_OF_PAIR(sign, p) CL_CHANGE(sign, "episode r WHERE r.id = " p ".episode_id", p, "r")
#define CL_OF_EPISODE(sign, r) CL_CHANGE(sign, "episode_practitioner p WHERE p.episode_id = " r ".id", "p", r)

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
	"INSERT INTO caseload_tally (date, team_id, practitioner_id, starts, ends) SELECT d, " team ", practitioner_id," \
	" " sign "SUM(s), " sign "SUM(x) FROM (" CL_ROWS("r.family_id = NEW.id") ") t WHERE 1 = 1"                      \
	" GROUP BY d, practitioner_id ON CONFLICT (date, team_id, practitioner_id) DO UPDATE SET"                     \
	" starts = caseload_tally.starts + excluded.starts, ends = caseload_tally.ends + excluded.ends;"           \
	"INSERT INTO referral_tally (" REF_KEY ", n) SELECT date, " team ", what, code, " sign "SUM(n) FROM ("         \
	REF_ROWS("e", "0", "1", " FROM episode e", "e.family_id = NEW.id") ") t WHERE 1 = 1"                          \
	" GROUP BY date, what, code ON CONFLICT (" REF_KEY ") DO UPDATE SET n = referral_tally.n + excluded.n;"
#define FAMILY_MOVED                                                                                               \
	TEAM_MOVE("-", "OLD.team_id") TEAM_MOVE("", "NEW.team_id") "DELETE FROM contact_tally WHERE n = 0;" CL_CLEAN  \
	REF_CLEAN

#define CONTACT_COLS "episode_id, date, kind, location, intervention, attendance, error_at"
#define EPISODE_COLS "received_on, discharged_on, decision, error_at, family_id"

const char schema_v28[] =
	"CREATE TABLE contact_tally ("
	"  date TEXT NOT NULL, team_id INTEGER NOT NULL, kind TEXT NOT NULL, location TEXT NOT NULL,"
	"  intervention TEXT NOT NULL, attendance TEXT NOT NULL, n INTEGER NOT NULL,"
	"  PRIMARY KEY (" TALLY_KEY ")) STRICT, WITHOUT ROWID;"
	"CREATE INDEX contact_tally_zero ON contact_tally(n) WHERE n = 0;"
	"CREATE TABLE episode_practitioner ("
	"  episode_id INTEGER NOT NULL, practitioner_id INTEGER NOT NULL, first_on TEXT NOT NULL,"
	"  PRIMARY KEY (episode_id, practitioner_id)) STRICT, WITHOUT ROWID;"
	"CREATE TABLE caseload_tally ("
	"  date TEXT NOT NULL, team_id INTEGER NOT NULL, practitioner_id INTEGER NOT NULL,"
	"  starts INTEGER NOT NULL, ends INTEGER NOT NULL,"
	"  PRIMARY KEY (date, team_id, practitioner_id)) STRICT, WITHOUT ROWID;"
	"CREATE TABLE referral_tally ("
	"  date TEXT NOT NULL, team_id INTEGER NOT NULL, what TEXT NOT NULL, code TEXT NOT NULL, n INTEGER NOT NULL,"
	"  PRIMARY KEY (" REF_KEY ")) STRICT, WITHOUT ROWID;"
	"CREATE INDEX referral_tally_zero ON referral_tally(n) WHERE n = 0;"
	"CREATE INDEX caseload_tally_zero ON caseload_tally(starts, ends) WHERE starts = 0 AND ends = 0;";

/* The SQLite triggers: made by the migration's step and again after each
 * bulk load (store_tally_back), dropped by store_tally_aside. */
const char schema_v28_triggers[] =
	"CREATE TRIGGER contact_tally_insert AFTER INSERT ON contact WHEN NEW.error_at IS NULL BEGIN " TALLY_ADD("NEW")
	" END;"
	"CREATE TRIGGER contact_tally_update AFTER UPDATE OF " CONTACT_COLS " ON contact BEGIN " TALLY_SUB("OLD")
	TALLY_ADD("NEW") EP_REDO("OLD.episode_id", "") EP_REDO("NEW.episode_id", " AND NEW.episode_id <> OLD.episode_id")
	" END;"
	"CREATE TRIGGER contact_tally_delete AFTER DELETE ON contact BEGIN " TALLY_SUB("OLD") EP_REDO("OLD.episode_id", "")
	" END;"
	"CREATE TRIGGER contact_practitioner_insert AFTER INSERT ON contact_practitioner BEGIN " EP_ADD("NEW") " END;"
	"CREATE TRIGGER contact_practitioner_delete AFTER DELETE ON contact_practitioner BEGIN " EP_REDO(EP_OF("OLD"), "")
	" END;"
	"CREATE TRIGGER contact_practitioner_update AFTER UPDATE ON contact_practitioner BEGIN " EP_REDO(EP_OF("OLD"), "")
	EP_REDO(EP_OF("NEW"), "") " END;"
	"CREATE TRIGGER episode_practitioner_insert AFTER INSERT ON episode_practitioner BEGIN " CL_OF_PAIR("1", "NEW")
	" END;"
	"CREATE TRIGGER episode_practitioner_delete AFTER DELETE ON episode_practitioner BEGIN " CL_OF_PAIR("-1", "OLD")
	CL_CLEAN " END;"
	"CREATE TRIGGER episode_practitioner_update AFTER UPDATE ON episode_practitioner BEGIN " CL_OF_PAIR("-1", "OLD")
	CL_OF_PAIR("1", "NEW") CL_CLEAN " END;"
	"CREATE TRIGGER episode_caseload AFTER UPDATE OF " EPISODE_COLS " ON episode"
	" WHEN OLD.received_on IS NOT NEW.received_on OR OLD.discharged_on IS NOT NEW.discharged_on"
	"  OR OLD.decision IS NOT NEW.decision OR OLD.error_at IS NOT NEW.error_at OR OLD.family_id IS NOT NEW.family_id"
	" BEGIN " CL_OF_EPISODE("-1", "OLD") CL_OF_EPISODE("1", "NEW") CL_CLEAN " END;"
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

const char schema_v28_trigger_names[] = "contact_tally_insert contact_tally_update contact_tally_delete"
                                        " contact_practitioner_insert contact_practitioner_delete"
                                        " contact_practitioner_update episode_practitioner_insert"
                                        " episode_practitioner_delete episode_practitioner_update episode_caseload"
                                        " family_tally referral_tally_insert referral_tally_delete"
                                        " referral_tally_update";

#define NOW "current_setting('dyad.tallies', true) IS DISTINCT FROM 'later'"

const char schema_pg_v28[] =
	"CREATE TABLE contact_tally ("
	"  date date NOT NULL, team_id bigint NOT NULL, kind text NOT NULL, location text NOT NULL,"
	"  intervention text NOT NULL, attendance text NOT NULL, n bigint NOT NULL,"
	"  PRIMARY KEY (" TALLY_KEY "));"
	"CREATE INDEX contact_tally_zero ON contact_tally(n) WHERE n = 0;"
	"CREATE TABLE episode_practitioner ("
	"  episode_id bigint NOT NULL, practitioner_id bigint NOT NULL, first_on date NOT NULL,"
	"  PRIMARY KEY (episode_id, practitioner_id));"
	"CREATE TABLE caseload_tally ("
	"  date date NOT NULL, team_id bigint NOT NULL, practitioner_id bigint NOT NULL,"
	"  starts bigint NOT NULL, ends bigint NOT NULL,"
	"  PRIMARY KEY (date, team_id, practitioner_id));"
	"CREATE TABLE referral_tally ("
	"  date date NOT NULL, team_id bigint NOT NULL, what text NOT NULL, code text NOT NULL, n bigint NOT NULL,"
	"  PRIMARY KEY (" REF_KEY "));"
	"CREATE INDEX referral_tally_zero ON referral_tally(n) WHERE n = 0;"
	"CREATE INDEX caseload_tally_zero ON caseload_tally(starts, ends) WHERE starts = 0 AND ends = 0;"
	"CREATE FUNCTION dyad_tally_contact() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP <> 'INSERT' THEN " TALLY_SUB("OLD") EP_REDO("OLD.episode_id", "") " END IF;"
	" IF TG_OP <> 'DELETE' THEN " TALLY_ADD("NEW") " END IF;"
	" IF TG_OP = 'UPDATE' THEN " EP_REDO("NEW.episode_id", " AND NEW.episode_id <> OLD.episode_id") " END IF;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER contact_tally AFTER INSERT OR DELETE OR UPDATE OF " CONTACT_COLS " ON contact"
	" FOR EACH ROW WHEN (" NOW ") EXECUTE FUNCTION dyad_tally_contact();"
	"CREATE FUNCTION dyad_tally_contact_practitioner() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP = 'INSERT' THEN " EP_ADD("NEW") " ELSE " EP_REDO(EP_OF("OLD"), "") " END IF;"
	" IF TG_OP = 'UPDATE' THEN " EP_REDO(EP_OF("NEW"), "") " END IF;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER contact_practitioner_tally AFTER INSERT OR DELETE OR UPDATE ON contact_practitioner"
	" FOR EACH ROW WHEN (" NOW ") EXECUTE FUNCTION dyad_tally_contact_practitioner();"
	"CREATE FUNCTION dyad_tally_episode_practitioner() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP <> 'INSERT' THEN " CL_OF_PAIR("-1", "OLD") " END IF;"
	" IF TG_OP <> 'DELETE' THEN " CL_OF_PAIR("1", "NEW") " END IF;"
	" " CL_CLEAN " RETURN NULL; END $$;"
	"CREATE TRIGGER episode_practitioner_tally AFTER INSERT OR DELETE OR UPDATE ON episode_practitioner"
	" FOR EACH ROW WHEN (" NOW ") EXECUTE FUNCTION dyad_tally_episode_practitioner();"
	"CREATE FUNCTION dyad_tally_episode() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
	CL_OF_EPISODE("-1", "OLD") CL_OF_EPISODE("1", "NEW") CL_CLEAN " RETURN NULL; END $$;"
	"CREATE TRIGGER episode_caseload AFTER UPDATE OF " EPISODE_COLS " ON episode FOR EACH ROW WHEN (" NOW
	" AND (OLD.received_on IS DISTINCT FROM NEW.received_on OR OLD.discharged_on IS DISTINCT FROM NEW.discharged_on"
	" OR OLD.decision IS DISTINCT FROM NEW.decision OR OLD.error_at IS DISTINCT FROM NEW.error_at"
	" OR OLD.family_id IS DISTINCT FROM NEW.family_id)) EXECUTE FUNCTION dyad_tally_episode();"
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
