/* schema_v29.c: migration 29, "outcome rows by discharge date" (issue 15),
 * in both dialects (its entry in schema.c's schema_migrations names these
 * texts).
 *
 * The outcome, completeness and equity reports read the measures and
 * scores of the referrals discharged in a period. The period's referrals
 * are a tenth of a million-family database, spread over every page of
 * episode, measure_once and measure_score: reading them cost 0.65 s a
 * quarter however the read was ordered (bench/RESULTS.md, "Outcome rows by
 * discharge date"). report_measure holds the same rows (schema_tally.h,
 * OUTCOME_ROWS) for every discharged referral, keyed by discharge date and
 * referral, so that a period's rows lie together and are read in one
 * range:
 *
 *   report_measure  for each accepted referral, not in error, discharged:
 *                   one row for each present score of its baseline and
 *                   end measures, one for each of its other measures (and
 *                   each baseline or end measure with no score present:
 *                   position -1), and one with measure_id 0 when it has
 *                   no measure; measures in error left out.
 *
 * Triggers make a referral's rows again (delete, then insert from the
 * records) whenever the referral's discharge, decision, error or family,
 * or any of its measures or scores changes: a referral holds a few
 * measures, so this costs a few rows. The team is read from the family at
 * report time, so a family moved to another team needs nothing.
 *
 * PostgreSQL has the same key and index (tests/store/test_schema_pg.c
 * holds the stores to the same named indexes): a table without the key,
 * with an index on the discharge date instead, made a 100,000-family
 * import's rows in 2.0 s rather than 2.5 s, but would be a second shape.
 *
 * As with the tallies of migration 28, a bulk load and the demo set the
 * triggers aside (SQLite: dropped and made again; PostgreSQL: they stand
 * aside while dyad.tallies is 'later') and make the team's rows again in
 * one pass (store_tally.h); the migration fills the table from the
 * records already there (a migration step). */
#include "store/schema.h"
#include "store/schema_tally.h"

/* Makes the rows of the referral whose id is the expression ep again. */
#define OUTCOME_REFRESH(ep)                                                                                        \
	"DELETE FROM report_measure WHERE episode_id = " ep ";"                                                      \
	"INSERT INTO report_measure (" OUTCOME_COLS ") " OUTCOME_ROWS("e.id = " ep) ";"
#define EPISODE_COLS "discharged_on, decision, error_at, family_id"
#define MEASURE_COLS                                                                                               \
	"episode_id, person_id, instrument, timepoint, date, subject_caregiver_id, subject_infant_id, error_at"
#define SCORE_COLS "measure_id, position, value, clinical"
#define EPISODE_OF(score) "(SELECT em.episode_id FROM measure em WHERE em.id = " score ".measure_id)"

const char schema_v29[] =
	"CREATE TABLE report_measure ("
	"  discharged_on TEXT NOT NULL, episode_id INTEGER NOT NULL, measure_id INTEGER NOT NULL,"
	"  position INTEGER NOT NULL, family_id INTEGER NOT NULL, person_id INTEGER, subject_caregiver_id INTEGER,"
	"  subject_infant_id INTEGER, instrument TEXT, is_end INTEGER NOT NULL, paired INTEGER NOT NULL, date TEXT,"
	"  value REAL, clinical INTEGER,"
	"  PRIMARY KEY (discharged_on, episode_id, measure_id, position)) STRICT, WITHOUT ROWID;"
	"CREATE INDEX report_measure_episode ON report_measure(episode_id);";

/* The SQLite triggers: made by the migration's step and again after each
 * bulk load (store_tally_end), dropped by store_tally_aside. */
const char schema_v29_triggers[] =
	"CREATE TRIGGER report_measure_episode_insert AFTER INSERT ON episode WHEN NEW.discharged_on IS NOT NULL"
	" BEGIN INSERT INTO report_measure (" OUTCOME_COLS ") " OUTCOME_ROWS("e.id = NEW.id") "; END;"
	"CREATE TRIGGER report_measure_episode_update AFTER UPDATE OF " EPISODE_COLS " ON episode"
	" WHEN OLD.discharged_on IS NOT NEW.discharged_on OR OLD.decision IS NOT NEW.decision"
	"  OR OLD.error_at IS NOT NEW.error_at OR OLD.family_id IS NOT NEW.family_id"
	" BEGIN " OUTCOME_REFRESH("NEW.id") " END;"
	"CREATE TRIGGER report_measure_episode_delete AFTER DELETE ON episode"
	" BEGIN DELETE FROM report_measure WHERE episode_id = OLD.id; END;"
	"CREATE TRIGGER report_measure_measure_insert AFTER INSERT ON measure"
	" BEGIN " OUTCOME_REFRESH("NEW.episode_id") " END;"
	"CREATE TRIGGER report_measure_measure_update AFTER UPDATE OF " MEASURE_COLS " ON measure"
	" BEGIN " OUTCOME_REFRESH("OLD.episode_id") OUTCOME_REFRESH("NEW.episode_id") " END;"
	"CREATE TRIGGER report_measure_measure_delete AFTER DELETE ON measure"
	" BEGIN " OUTCOME_REFRESH("OLD.episode_id") " END;"
	"CREATE TRIGGER report_measure_score_insert AFTER INSERT ON measure_score"
	" BEGIN " OUTCOME_REFRESH(EPISODE_OF("NEW")) " END;"
	"CREATE TRIGGER report_measure_score_update AFTER UPDATE OF " SCORE_COLS " ON measure_score"
	" BEGIN " OUTCOME_REFRESH(EPISODE_OF("OLD")) OUTCOME_REFRESH(EPISODE_OF("NEW")) " END;"
	"CREATE TRIGGER report_measure_score_delete AFTER DELETE ON measure_score"
	" BEGIN " OUTCOME_REFRESH(EPISODE_OF("OLD")) " END;";

const char schema_v29_trigger_names[] =
	"report_measure_episode_insert report_measure_episode_update report_measure_episode_delete"
	" report_measure_measure_insert report_measure_measure_update report_measure_measure_delete"
	" report_measure_score_insert report_measure_score_update report_measure_score_delete";

#define NOW "current_setting('dyad.tallies', true) IS DISTINCT FROM 'later'"

const char schema_pg_v29[] =
	"CREATE TABLE report_measure ("
	"  discharged_on date NOT NULL, episode_id bigint NOT NULL, measure_id bigint NOT NULL,"
	"  position integer NOT NULL, family_id bigint NOT NULL, person_id bigint, subject_caregiver_id bigint,"
	"  subject_infant_id bigint, instrument text, is_end integer NOT NULL, paired integer NOT NULL, date date,"
	"  value double precision, clinical integer,"
	"  PRIMARY KEY (discharged_on, episode_id, measure_id, position));"
	"CREATE INDEX report_measure_episode ON report_measure(episode_id);"
	"CREATE FUNCTION dyad_outcome_refresh(p_episode bigint) RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
	OUTCOME_REFRESH("p_episode") " END $$;"
	"CREATE FUNCTION dyad_outcome_episode() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP = 'DELETE' THEN DELETE FROM report_measure WHERE episode_id = OLD.id;"
	" ELSE PERFORM dyad_outcome_refresh(NEW.id); END IF;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER report_measure_episode AFTER INSERT OR DELETE OR UPDATE OF " EPISODE_COLS " ON episode"
	" FOR EACH ROW WHEN (" NOW ") EXECUTE FUNCTION dyad_outcome_episode();"
	"CREATE FUNCTION dyad_outcome_measure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP <> 'INSERT' THEN PERFORM dyad_outcome_refresh(OLD.episode_id); END IF;"
	" IF TG_OP <> 'DELETE' THEN PERFORM dyad_outcome_refresh(NEW.episode_id); END IF;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER report_measure_measure AFTER INSERT OR DELETE OR UPDATE OF " MEASURE_COLS " ON measure"
	" FOR EACH ROW WHEN (" NOW ") EXECUTE FUNCTION dyad_outcome_measure();"
	"CREATE FUNCTION dyad_outcome_score() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP <> 'INSERT' THEN PERFORM dyad_outcome_refresh(" EPISODE_OF("OLD") "); END IF;"
	" IF TG_OP <> 'DELETE' THEN PERFORM dyad_outcome_refresh(" EPISODE_OF("NEW") "); END IF;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER report_measure_score AFTER INSERT OR DELETE OR UPDATE OF " SCORE_COLS " ON measure_score"
	" FOR EACH ROW WHEN (" NOW ") EXECUTE FUNCTION dyad_outcome_score();";
