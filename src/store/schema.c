/* schema.c: the database schema as forward-only migrations (SQLite dialect:
 * STRICT tables; dates are ISO text). Never edit a released migration: add
 * the next one, with its PostgreSQL text in schema_pg.c (the fourth field
 * of its entry in schema_migrations; docs/postgresql.md). */
#include "store/schema.h"
#include "store/schema_clock.h"

#include "store/store_pathway.h"
#include "store/store_search.h"
#include "store/store_tally.h"
#include "util/date.h"

static const char v1[] =
	"CREATE TABLE team ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL) STRICT;"
	"CREATE TABLE practitioner ("
	"  id INTEGER PRIMARY KEY,"
	"  team_id INTEGER NOT NULL REFERENCES team(id),"
	"  name TEXT NOT NULL,"
	"  profession TEXT NOT NULL) STRICT;"
	"CREATE TABLE family ("
	"  id INTEGER PRIMARY KEY,"
	"  team_id INTEGER NOT NULL REFERENCES team(id),"
	"  created_on TEXT NOT NULL) STRICT;"
	"CREATE TABLE person ("
	"  id INTEGER PRIMARY KEY,"
	"  family_id INTEGER NOT NULL REFERENCES family(id),"
	"  role TEXT NOT NULL CHECK (role IN ('caregiver','infant')),"
	"  relationship TEXT,"
	"  nhs_number TEXT,"
	"  given_name TEXT NOT NULL,"
	"  family_name TEXT NOT NULL,"
	"  date_of_birth TEXT,"
	"  edd TEXT,"
	"  gestation_weeks INTEGER,"
	"  sex TEXT,"
	"  ethnicity TEXT,"
	"  postcode TEXT,"
	"  imd_decile INTEGER CHECK (imd_decile BETWEEN 1 AND 10)) STRICT;"
	"CREATE INDEX person_family ON person(family_id);"
	"CREATE UNIQUE INDEX person_nhs ON person(nhs_number) WHERE nhs_number IS NOT NULL;"
	"CREATE INDEX person_name_dob ON person(family_name, date_of_birth);"
	"CREATE TABLE episode ("
	"  id INTEGER PRIMARY KEY,"
	"  family_id INTEGER NOT NULL REFERENCES family(id),"
	"  infant_id INTEGER REFERENCES person(id),"
	"  caregiver_id INTEGER REFERENCES person(id),"
	"  received_on TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  decision TEXT NOT NULL DEFAULT 'pending',"
	"  decided_on TEXT,"
	"  discharged_on TEXT,"
	"  discharge_reason TEXT) STRICT;"
	"CREATE INDEX episode_family ON episode(family_id);"
	"CREATE TABLE contact ("
	"  id INTEGER PRIMARY KEY,"
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  date TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  intervention TEXT,"
	"  location TEXT NOT NULL,"
	"  attendance TEXT NOT NULL,"
	"  duration_min INTEGER) STRICT;"
	"CREATE INDEX contact_episode ON contact(episode_id, date);"
	/* The link tables carry no FOREIGN KEY clauses: app/ checks both ends
	 * (a practitioner of the team, a person of the contact's family), and
	 * the checks would double the cost of a bulk import. */
	"CREATE TABLE contact_practitioner ("
	"  contact_id INTEGER NOT NULL,"
	"  practitioner_id INTEGER NOT NULL,"
	"  PRIMARY KEY (contact_id, practitioner_id)) STRICT, WITHOUT ROWID;"
	"CREATE TABLE contact_attendee ("
	"  contact_id INTEGER NOT NULL,"
	"  person_id INTEGER NOT NULL,"
	"  PRIMARY KEY (contact_id, person_id)) STRICT, WITHOUT ROWID;"
	"CREATE TABLE safeguarding ("
	"  id INTEGER PRIMARY KEY,"
	"  infant_id INTEGER NOT NULL REFERENCES person(id),"
	"  status TEXT NOT NULL,"
	"  started_on TEXT NOT NULL,"
	"  ended_on TEXT,"
	"  UNIQUE (infant_id, started_on, status)) STRICT;"
	"CREATE TABLE discharge_outcome ("
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  infant_id INTEGER NOT NULL REFERENCES person(id),"
	"  care_status TEXT NOT NULL,"
	"  PRIMARY KEY (episode_id, infant_id)) STRICT;"
	"CREATE TABLE measure ("
	"  id INTEGER PRIMARY KEY,"
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  instrument TEXT NOT NULL,"
	"  timepoint TEXT NOT NULL,"
	"  date TEXT NOT NULL,"
	"  responses TEXT NOT NULL,"
	"  UNIQUE (episode_id, person_id, instrument, timepoint, date)) STRICT;"
	"CREATE TABLE audit ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  entity TEXT NOT NULL,"
	"  entity_id INTEGER,"
	"  detail TEXT) STRICT;";

/* Migration 2: the referral pathway (issue 4; docs/waiting.md,
 * docs/eligibility.md). Adds the episode's current state, every transition
 * (episode_event), the programme a referral is for, whether the caregiver is
 * a first-time parent, and eligibility overrides; indexes for the duplicate
 * check (episode by infant / caregiver). The clocks use contact_episode: a
 * covering index of attended contacts made them 15 ms faster on 100,000
 * families but cost 0.7 s on every 100,000-family import, so it was dropped.
 *
 * Backfill of existing episodes, the states the automatic rules would have
 * reached had every record been made through this version (the same rules
 * as store_pathway_derive):
 *   declined / signposted decision -> that state (closed at triage);
 *   else a discharge date          -> discharged;
 *   else pending                   -> received;
 *   else (accepted): an attended intervention or group contact on or after
 *   the first attended assessment -> in_intervention; an attended
 *   assessment -> assessed; none -> awaiting_assessment.
 * Contacts before the referral or after the discharge are ignored (as by the
 * clocks). Each episode gets the chain of events leading there: received on
 * the received date; the triage outcome on the decision date; assessed on
 * the first attended assessment; in_intervention on the first attended
 * intervention; discharged on the discharge date. An event is never dated
 * before the one it follows (a contact recorded before the decision date is
 * moved to that date: the clocks use the contacts themselves, not these
 * dates). The actor is "migration", a decline reason or signposted service
 * not known before this version is "not recorded". */
static const char v2[] =
	"ALTER TABLE episode ADD COLUMN state TEXT NOT NULL DEFAULT 'received' CHECK (state IN ("
	"  'received','awaiting_assessment','declined','signposted','assessed','awaiting_intervention',"
	"  'in_intervention','discharged'));"
	"ALTER TABLE episode ADD COLUMN programme TEXT;"
	"ALTER TABLE episode ADD COLUMN first_time_parent TEXT CHECK (first_time_parent IN ('yes','no'));"
	"CREATE INDEX episode_infant ON episode(infant_id);"
	"CREATE INDEX episode_caregiver ON episode(caregiver_id);"
	"CREATE INDEX episode_open ON episode(state) WHERE state NOT IN ('declined','signposted','discharged');"
	"CREATE TABLE episode_event ("
	"  id INTEGER PRIMARY KEY,"
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  from_state TEXT,"
	"  to_state TEXT NOT NULL,"
	"  date TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  reason TEXT,"
	"  service TEXT,"
	"  recorded_at TEXT NOT NULL) STRICT;"
	"CREATE INDEX episode_event_episode ON episode_event(episode_id, id);"
	"CREATE TABLE eligibility_override ("
	"  id INTEGER PRIMARY KEY,"
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  rule TEXT NOT NULL,"
	"  reason TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  date TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL,"
	"  UNIQUE (episode_id, rule)) STRICT;";

/* Migration 2's backfill: the pathway derivation, written once in
 * store_pathway.c (if it ever needs a column added after version 2, this
 * migration must keep its own copy of today's form). */
static int v2_backfill(db_t *db, struct dy_err *e)
{
	char now[21];
	date_now_utc(now);
	int64_t n;
	return store_pathway_derive(db, "migration", now, &n, e);
}

/* Version 3: outcome measures scored at entry (issue 3). The measure table
 * is rebuilt to name its subject: subject_caregiver_id and/or
 * subject_infant_id (0 = none; both = the pair; both 0 = a measure from
 * before version 3, not scored yet), the practitioner who rated a clinician- or
 * observer-rated measure, and the definition version its stored scores came
 * from (NULL: not scored yet; `dyad measures rescore` scores it). person_id
 * stays the family member who completed it (for a rated measure: the
 * subject's caregiver, else its infant). Twins may each have the same
 * measure from one caregiver on one day, so uniqueness includes the subject.
 * Subject and practitioner columns are checked by app/ (as the link tables
 * are), so a bulk import pays for no extra foreign-key reads. The old
 * table is renamed to measure_v1 and emptied rather than dropped: DROP TABLE
 * is refused while migrate_up's version query is still open on the
 * connection (a later migration may drop it). */
static const char v3_measures[] =
	"CREATE TABLE measure_v3 ("
	"  id INTEGER PRIMARY KEY,"
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  instrument TEXT NOT NULL,"
	"  timepoint TEXT NOT NULL,"
	"  date TEXT NOT NULL,"
	"  responses TEXT NOT NULL,"
	"  subject_caregiver_id INTEGER NOT NULL DEFAULT 0,"
	"  subject_infant_id INTEGER NOT NULL DEFAULT 0,"
	"  practitioner_id INTEGER,"
	"  version TEXT,"
	"  age_months INTEGER) STRICT;"
	"INSERT INTO measure_v3 (id, episode_id, person_id, instrument, timepoint, date, responses)"
	"  SELECT id, episode_id, person_id, instrument, timepoint, date, responses FROM measure;"
	"ALTER TABLE measure RENAME TO measure_v1;"
	"DELETE FROM measure_v1;"
	"ALTER TABLE measure_v3 RENAME TO measure;"
	"CREATE UNIQUE INDEX measure_once ON measure(episode_id, instrument, timepoint, date, person_id,"
	"  subject_caregiver_id, subject_infant_id);"
	/* One row per scale of a scored measure, in the definition's order; a
	 * null value carries its reason. No FOREIGN KEY clause: app/ writes a
	 * measure's scores with the measure itself, and the check would cost a
	 * bulk import a read per score. */
	"CREATE TABLE measure_score ("
	"  measure_id INTEGER NOT NULL,"
	"  position INTEGER NOT NULL,"
	"  scale TEXT NOT NULL,"
	"  value REAL,"
	"  reason TEXT,"
	"  band TEXT,"
	"  clinical INTEGER CHECK (clinical IN (0, 1)),"
	"  PRIMARY KEY (measure_id, position)) STRICT, WITHOUT ROWID;"
	/* A raised risk flag stays until a clinician acknowledges it. */
	"CREATE TABLE measure_risk ("
	"  measure_id INTEGER NOT NULL REFERENCES measure(id),"
	"  risk TEXT NOT NULL,"
	"  item INTEGER NOT NULL,"
	"  acknowledged_by TEXT,"
	"  acknowledged_on TEXT,"
	"  PRIMARY KEY (measure_id, risk)) STRICT;"
	/* Goal-based outcomes: up to 3 goals per episode in the family's words. */
	"CREATE TABLE goal ("
	"  id INTEGER PRIMARY KEY,"
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),"
	"  text TEXT NOT NULL,"
	"  set_on TEXT NOT NULL,"
	"  UNIQUE (episode_id, position)) STRICT;"
	"CREATE TABLE goal_rating ("
	"  goal_id INTEGER NOT NULL REFERENCES goal(id),"
	"  date TEXT NOT NULL,"
	"  rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),"
	"  PRIMARY KEY (goal_id, date)) STRICT;"
	/* Licensed material a service loads locally: item wording (text packs)
	 * and tables (ASQ:SE-2 intervals, SWEMWBS metric). Never exported. */
	"CREATE TABLE instrument_text ("
	"  instrument TEXT NOT NULL,"
	"  item INTEGER NOT NULL,"
	"  text TEXT NOT NULL,"
	"  PRIMARY KEY (instrument, item)) STRICT;"
	"CREATE TABLE instrument_table ("
	"  instrument TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  csv TEXT NOT NULL,"
	"  PRIMARY KEY (instrument, name)) STRICT;";

/* Version 4: a database that holds `dyad demo`'s synthetic families says so
 * (the CLI shows it on every listing; demo data goes only into an empty
 * database unless the operator insists). */
static const char v4_demo[] =
	"ALTER TABLE team ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));";

/* Version 5: clinical safety (issue 8). A risk flag's acknowledgement
 * records the action the clinician took (required from now on; flags
 * acknowledged before this version keep NULL, shown as "not recorded"); an
 * index finds the open flags for every view of a family. */
static const char v5_safety[] =
	"ALTER TABLE measure_risk ADD COLUMN action_taken TEXT;"
	"CREATE INDEX measure_risk_open ON measure_risk(measure_id) WHERE acknowledged_on IS NULL;";

/* Version 7: one referral may cover several infants of the family (twins,
 * triplets; issue 8). episode.infant_id stays the first infant; each
 * further one is a row of referral_infant (migration 2 already has an
 * index named episode_infant). Clocks and counts stay per episode. */
static const char v7_infants[] =
	"CREATE TABLE referral_infant ("
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  infant_id INTEGER NOT NULL REFERENCES person(id),"
	"  PRIMARY KEY (episode_id, infant_id)) STRICT, WITHOUT ROWID;"
	"CREATE INDEX referral_infant_infant ON referral_infant(infant_id);";
/* Version 9: care plans (issue 13). Each row is one intervention chosen for
 * an episode, with its start, planned sessions and status; practitioners
 * (one or a co-working pair) and the episode's goals it serves are linked.
 * The link tables carry no FOREIGN KEY clauses: app/ checks both ends. */
static const char v9_careplan[] =
	"CREATE TABLE care_plan ("
	"  id INTEGER PRIMARY KEY,"
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  intervention TEXT NOT NULL,"
	"  start_on TEXT NOT NULL,"
	"  planned_sessions INTEGER NOT NULL CHECK (planned_sessions BETWEEN 1 AND 500),"
	"  status TEXT NOT NULL CHECK (status IN ('planned','active','completed','stopped_early')),"
	"  status_on TEXT,"
	"  stop_reason TEXT,"
	"  created_by TEXT NOT NULL) STRICT;"
	"CREATE INDEX care_plan_episode ON care_plan(episode_id);"
	"CREATE TABLE care_plan_practitioner ("
	"  care_plan_id INTEGER NOT NULL,"
	"  practitioner_id INTEGER NOT NULL,"
	"  PRIMARY KEY (care_plan_id, practitioner_id)) STRICT, WITHOUT ROWID;"
	"CREATE TABLE care_plan_goal ("
	"  care_plan_id INTEGER NOT NULL,"
	"  goal_id INTEGER NOT NULL,"
	"  PRIMARY KEY (care_plan_id, goal_id)) STRICT, WITHOUT ROWID;";

/* The waiting clocks' first attended assessment and intervention per
 * referral (store_pathway_clock_rows) read from this index alone: one seek
 * per clock instead of reading every contact row of the referral. On a
 * 1,000,000-family demo the clock query's processor time fell from about
 * 4.2 s to 2.8 s (bench/RESULTS.md). */
static const char v8_clock_index[] =
	"CREATE INDEX contact_clock ON contact(episode_id, kind, attendance, date);";

/* Version 10: a pregnancy loss, stillbirth or infant death (issue 8): the
 * kind and date on the infant's record. The referral ends with the reason
 * "bereavement" and the infant's care status "died" (codes, not columns). */
static const char v10_loss[] =
	"ALTER TABLE person ADD COLUMN loss TEXT CHECK (loss IN ('pregnancy_loss','stillbirth','infant_death'));"
	"ALTER TABLE person ADD COLUMN loss_on TEXT;";
/* Version 13: groups (issue 13). A run of a group programme (dates, venue,
 * facilitators, capacity); caregivers enrolled with their episodes; each
 * session's attendance, recorded as one contact per enrolled family (so the
 * timeline, care plans, clocks and activity see it) and linked here; a
 * waiting list for the programme's next run. */
static const char v13_groups[] =
	"CREATE TABLE group_run ("
	"  id INTEGER PRIMARY KEY,"
	"  team_id INTEGER NOT NULL REFERENCES team(id),"
	"  intervention TEXT NOT NULL,"
	"  starts_on TEXT NOT NULL,"
	"  sessions INTEGER NOT NULL CHECK (sessions BETWEEN 1 AND 100),"
	"  venue TEXT NOT NULL,"
	"  location TEXT NOT NULL,"
	"  capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 100),"
	"  created_by TEXT NOT NULL) STRICT;"
	"CREATE TABLE group_facilitator ("
	"  run_id INTEGER NOT NULL,"
	"  practitioner_id INTEGER NOT NULL,"
	"  PRIMARY KEY (run_id, practitioner_id)) STRICT, WITHOUT ROWID;"
	"CREATE TABLE group_enrolment ("
	"  id INTEGER PRIMARY KEY,"
	"  run_id INTEGER NOT NULL REFERENCES group_run(id),"
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  enrolled_on TEXT NOT NULL,"
	"  UNIQUE (run_id, person_id)) STRICT;"
	"CREATE INDEX group_enrolment_episode ON group_enrolment(episode_id);"
	"CREATE TABLE group_session ("
	"  id INTEGER PRIMARY KEY,"
	"  run_id INTEGER NOT NULL REFERENCES group_run(id),"
	"  number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 100),"
	"  date TEXT NOT NULL,"
	"  UNIQUE (run_id, number)) STRICT;"
	"CREATE TABLE group_attendance ("
	"  session_id INTEGER NOT NULL,"
	"  enrolment_id INTEGER NOT NULL,"
	"  contact_id INTEGER NOT NULL,"
	"  attended INTEGER NOT NULL CHECK (attended IN (0, 1)),"
	"  PRIMARY KEY (session_id, enrolment_id)) STRICT, WITHOUT ROWID;"
	"CREATE TABLE group_waiting ("
	"  id INTEGER PRIMARY KEY,"
	"  intervention TEXT NOT NULL,"
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  added_on TEXT NOT NULL,"
	"  run_id INTEGER REFERENCES group_run(id)) STRICT;";

/* Version 11: case notes (issue 12; docs/notes.md). A note belongs to an
 * episode (and may name one of its contacts); it is a draft until its author
 * signs it. Once signed, nothing of it changes and it is never deleted: the
 * triggers refuse it whatever path the change comes by, so the only things
 * that may still happen to a signed note are being followed by an addendum
 * (a new note pointing to it) and being marked entered in error once, with a
 * reason (kept, hidden from the default view). */
static const char v11_notes[] =
	"CREATE TABLE note ("
	"  id INTEGER PRIMARY KEY,"
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  contact_id INTEGER REFERENCES contact(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('contact','assessment_formulation','safeguarding','supervision',"
	"'telephone','other')),"
	"  author TEXT NOT NULL,"
	"  written_at TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  signed_at TEXT,"
	"  addendum_to INTEGER REFERENCES note(id),"
	"  error_reason TEXT,"
	"  error_by TEXT,"
	"  error_at TEXT,"
	"  CHECK (addendum_to IS NULL OR addendum_to <> id),"
	"  CHECK ((error_reason IS NULL) = (error_at IS NULL))) STRICT;"
	"CREATE INDEX note_episode ON note(episode_id, written_at);"
	"CREATE TRIGGER note_signed_kept BEFORE UPDATE ON note"
	"  WHEN OLD.signed_at IS NOT NULL AND (NEW.id IS NOT OLD.id OR NEW.episode_id IS NOT OLD.episode_id"
	"   OR NEW.contact_id IS NOT OLD.contact_id OR NEW.kind IS NOT OLD.kind OR NEW.author IS NOT OLD.author"
	"   OR NEW.written_at IS NOT OLD.written_at OR NEW.text IS NOT OLD.text OR NEW.signed_at IS NOT OLD.signed_at"
	"   OR NEW.addendum_to IS NOT OLD.addendum_to OR OLD.error_at IS NOT NULL)"
	"  BEGIN SELECT RAISE(ABORT, 'note_signed'); END;"
	"CREATE TRIGGER note_signed_not_deleted BEFORE DELETE ON note WHEN OLD.signed_at IS NOT NULL"
	"  BEGIN SELECT RAISE(ABORT, 'note_signed'); END;";

/* Version 12: finding a family (issue 12). Each person's names are indexed as
 * folded words (core/name_key.h): name_word holds each distinct word and its
 * reverse, so a search finds by prefix, and a word one slip away by a range
 * scan on either half; person_word says who holds each word. Indexes on
 * date of birth and postcode serve those searches. store_person_insert keeps
 * the words; the backfill fills them for the people already there. */
static const char v12_search[] =
	"CREATE TABLE name_word ("
	"  word TEXT PRIMARY KEY,"
	"  rword TEXT NOT NULL) STRICT, WITHOUT ROWID;"
	"CREATE INDEX name_word_reverse ON name_word(rword);"
	"CREATE TABLE person_word ("
	"  word TEXT NOT NULL,"
	"  person_id INTEGER NOT NULL,"
	"  PRIMARY KEY (word, person_id)) STRICT, WITHOUT ROWID;"
	"CREATE INDEX person_dob ON person(date_of_birth);"
	"CREATE INDEX person_postcode ON person(postcode);";

static int v12_backfill(db_t *db, struct dy_err *e)
{
	return store_search_backfill(db, e);
}

/* Version 14: codes the figures need (issue 8 point 10): a transfer's
 * destination team, and a re-referral's link to the family's earlier
 * referral. (Reopening is an episode_event out of discharged, with its
 * reason: no column.) */
static const char v14_links[] =
	"ALTER TABLE episode ADD COLUMN transferred_to TEXT;"
	"ALTER TABLE episode ADD COLUMN previous_id INTEGER REFERENCES episode(id);";

/* Version 15: the waiting clocks' dates kept on the episode (issue 15), so
 * that the waiting list and the waiting report read one row per referral
 * instead of seeking its contacts: clock_assessed (first attended assessment
 * on or after received, on or before the discharge), clock_intervention
 * (first attended intervention or group on or after that assessment, on or
 * before the discharge) and clock_direct (first attended intervention or
 * group on or after received, on or before the discharge, before any
 * attended assessment). The triggers keep them by the same expressions the
 * clock query used before (store_pathway_clock_rows), so the clocks are
 * unchanged: all three are recomputed when a contact that can stop a clock
 * is changed, moved or removed, when the received or discharge date
 * changes, and when an added assessment is the new first one; an added
 * intervention or group can only lower the other two, so it is compared
 * with them in place (an import of many contacts pays one look-up each,
 * and a write only for a new first). */
/* The rule as it stood then (schema_clock.h: no contact left out). */
#define CLOCK_SET_V15 CLOCK_SET_AS("")
static const char v15_clock_dates[] =
	"ALTER TABLE episode ADD COLUMN clock_assessed TEXT;"
	"ALTER TABLE episode ADD COLUMN clock_intervention TEXT;"
	"ALTER TABLE episode ADD COLUMN clock_direct TEXT;"
	CLOCK_SET_V15 " WHERE EXISTS (SELECT 1 FROM contact c WHERE c.episode_id = episode.id AND " CLOCK_STOPS("c") ");"
	"CREATE TRIGGER contact_clock_assessment AFTER INSERT ON contact"
	"  WHEN NEW.attendance = 'attended' AND NEW.kind = 'assessment'"
	"  BEGIN " CLOCK_SET_V15 " WHERE id = NEW.episode_id AND " CLOCK_IN_EPISODE
	"   AND (clock_assessed IS NULL OR NEW.date < clock_assessed); END;"
	"CREATE TRIGGER contact_clock_intervention AFTER INSERT ON contact"
	"  WHEN NEW.attendance = 'attended' AND NEW.kind IN ('intervention','group')"
	"  BEGIN UPDATE episode SET"
	"   clock_intervention = CASE WHEN " CLOCK_NEW_IV_FIRST " THEN NEW.date ELSE clock_intervention END,"
	"   clock_direct = CASE WHEN " CLOCK_NEW_DIRECT_FIRST " THEN NEW.date ELSE clock_direct END"
	"   WHERE id = NEW.episode_id AND " CLOCK_IN_EPISODE " AND ((" CLOCK_NEW_IV_FIRST ") OR (" CLOCK_NEW_DIRECT_FIRST "));"
	"  END;"
	"CREATE TRIGGER contact_clock_delete AFTER DELETE ON contact WHEN " CLOCK_STOPS("OLD")
	"  BEGIN " CLOCK_SET_V15 " WHERE id = OLD.episode_id; END;"
	"CREATE TRIGGER contact_clock_update AFTER UPDATE OF episode_id, date, kind, attendance ON contact"
	"  WHEN (" CLOCK_STOPS("OLD") ") OR (" CLOCK_STOPS("NEW") ")"
	"  BEGIN " CLOCK_SET_V15 " WHERE id IN (OLD.episode_id, NEW.episode_id); END;"
	"CREATE TRIGGER episode_clock_dates AFTER UPDATE OF received_on, discharged_on ON episode"
	"  WHEN NEW.received_on IS NOT OLD.received_on OR NEW.discharged_on IS NOT OLD.discharged_on"
	"  BEGIN " CLOCK_SET_V15 " WHERE id = NEW.id; END;";
/* The same in PostgreSQL (its text sits here to share the clock
 * expressions above): dates, and each trigger's body a PL/pgSQL function
 * running the same statement (IS NOT written IS DISTINCT FROM). */
#define PG_CLOCK_TRIGGER(name, when_on, cond, body)                                                                 \
	"CREATE FUNCTION dyad_" name "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " body "; RETURN NULL; END $$;"  \
	"CREATE TRIGGER " name " AFTER " when_on " FOR EACH ROW WHEN (" cond ") EXECUTE FUNCTION dyad_" name "();"
static const char pg15_clock_dates[] =
	"ALTER TABLE episode ADD COLUMN clock_assessed date;"
	"ALTER TABLE episode ADD COLUMN clock_intervention date;"
	"ALTER TABLE episode ADD COLUMN clock_direct date;"
	CLOCK_SET_V15 " WHERE EXISTS (SELECT 1 FROM contact c WHERE c.episode_id = episode.id AND " CLOCK_STOPS("c") ");"
	PG_CLOCK_TRIGGER("contact_clock_assessment", "INSERT ON contact",
	                 "NEW.attendance = 'attended' AND NEW.kind = 'assessment'",
	                 CLOCK_SET_V15 " WHERE id = NEW.episode_id AND " CLOCK_IN_EPISODE
	                 " AND (clock_assessed IS NULL OR NEW.date < clock_assessed)")
	PG_CLOCK_TRIGGER("contact_clock_intervention", "INSERT ON contact",
	                 "NEW.attendance = 'attended' AND NEW.kind IN ('intervention','group')",
	                 "UPDATE episode SET"
	                 " clock_intervention = CASE WHEN " CLOCK_NEW_IV_FIRST " THEN NEW.date ELSE clock_intervention END,"
	                 " clock_direct = CASE WHEN " CLOCK_NEW_DIRECT_FIRST " THEN NEW.date ELSE clock_direct END"
	                 " WHERE id = NEW.episode_id AND " CLOCK_IN_EPISODE " AND ((" CLOCK_NEW_IV_FIRST ") OR ("
	                 CLOCK_NEW_DIRECT_FIRST "))")
	PG_CLOCK_TRIGGER("contact_clock_delete", "DELETE ON contact", CLOCK_STOPS("OLD"),
	                 CLOCK_SET_V15 " WHERE id = OLD.episode_id")
	PG_CLOCK_TRIGGER("contact_clock_update", "UPDATE OF episode_id, date, kind, attendance ON contact",
	                 "(" CLOCK_STOPS("OLD") ") OR (" CLOCK_STOPS("NEW") ")",
	                 CLOCK_SET_V15 " WHERE id IN (OLD.episode_id, NEW.episode_id)")
	PG_CLOCK_TRIGGER("episode_clock_dates", "UPDATE OF received_on, discharged_on ON episode",
	                 "NEW.received_on IS DISTINCT FROM OLD.received_on"
	                 " OR NEW.discharged_on IS DISTINCT FROM OLD.discharged_on",
	                 CLOCK_SET_V15 " WHERE id = NEW.id");
#undef PG_CLOCK_TRIGGER
#undef CLOCK_SET_V15

/* Version 16: appointments (issue 12; docs/appointments.md). A booked
 * contact of a referral: day, start time, length, place, kind, the
 * practitioners who will see the family and the family members expected.
 * Its outcome (attended, did not attend, cancelled by family or service)
 * ends its booking; attended and did-not-attend outcomes, and cancellations
 * once the day has come, are written as the contact the clocks and reports
 * already count, linked by contact_id. A move to another day keeps the old
 * booking as 'rescheduled', pointing to the new one. */
static const char v16_appointments[] =
	"CREATE TABLE appointment ("
	"  id INTEGER PRIMARY KEY,"
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  date TEXT NOT NULL,"
	"  start_min INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),"
	"  duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 5 AND 600),"
	"  kind TEXT NOT NULL,"
	"  intervention TEXT,"
	"  location TEXT NOT NULL,"
	"  status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked','attended','did_not_attend',"
	"'cancelled_by_family','cancelled_by_service','rescheduled')),"
	"  status_on TEXT,"
	"  contact_id INTEGER REFERENCES contact(id),"
	"  rescheduled_to INTEGER REFERENCES appointment(id),"
	"  booked_by TEXT NOT NULL,"
	"  booked_at TEXT NOT NULL) STRICT;"
	"CREATE INDEX appointment_episode ON appointment(episode_id, date);"
	"CREATE INDEX appointment_date ON appointment(date, start_min);"
	"CREATE TABLE appointment_practitioner ("
	"  appointment_id INTEGER NOT NULL,"
	"  practitioner_id INTEGER NOT NULL,"
	"  PRIMARY KEY (appointment_id, practitioner_id)) STRICT, WITHOUT ROWID;"
	"CREATE INDEX appointment_practitioner_by ON appointment_practitioner(practitioner_id, appointment_id);"
	"CREATE TABLE appointment_attendee ("
	"  appointment_id INTEGER NOT NULL,"
	"  person_id INTEGER NOT NULL,"
	"  PRIMARY KEY (appointment_id, person_id)) STRICT, WITHOUT ROWID;";

/* Version 17: corrections with history (issue 12; docs/corrections.md). A
 * field of a record corrected after entry keeps its earlier value here, with
 * the new one, who, when and why; a correction undone is itself a correction
 * (reverts names the one it undoes). Rows are never changed or deleted. */
static const char v17_corrections[] =
	"CREATE TABLE correction ("
	"  id INTEGER PRIMARY KEY,"
	"  entity TEXT NOT NULL CHECK (entity IN ('person')),"
	"  entity_id INTEGER NOT NULL,"
	"  family_id INTEGER NOT NULL REFERENCES family(id),"
	"  field TEXT NOT NULL,"
	"  old_value TEXT NOT NULL,"
	"  new_value TEXT NOT NULL,"
	"  reason TEXT NOT NULL,"
	"  corrected_by TEXT NOT NULL,"
	"  corrected_at TEXT NOT NULL,"
	"  reverts INTEGER REFERENCES correction(id)) STRICT;"
	"CREATE INDEX correction_entity ON correction(entity, entity_id, id);"
	"CREATE INDEX correction_family ON correction(family_id, id);"
	"CREATE TRIGGER correction_kept BEFORE UPDATE ON correction"
	"  BEGIN SELECT RAISE(ABORT, 'correction_kept'); END;"
	"CREATE TRIGGER correction_not_deleted BEFORE DELETE ON correction"
	"  BEGIN SELECT RAISE(ABORT, 'correction_kept'); END;";

/* Version 18: video feedback cycles (issue 13; docs/interventions.md). A
 * referral's numbered cycles, each with the helping question the family
 * chose, and the contacts at which the family was filmed and the film
 * reviewed with them (a contact in one cycle at most). */
static const char v18_video[] =
	"CREATE TABLE video_cycle ("
	"  id INTEGER PRIMARY KEY,"
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  number INTEGER NOT NULL CHECK (number >= 1),"
	"  intervention TEXT NOT NULL,"
	"  question TEXT NOT NULL,"
	"  started_on TEXT NOT NULL,"
	"  created_by TEXT NOT NULL,"
	"  UNIQUE (episode_id, number)) STRICT;"
	"CREATE TABLE video_link ("
	"  cycle_id INTEGER NOT NULL REFERENCES video_cycle(id),"
	"  contact_id INTEGER NOT NULL UNIQUE REFERENCES contact(id),"
	"  step TEXT NOT NULL CHECK (step IN ('filming','review')),"
	"  PRIMARY KEY (cycle_id, contact_id)) STRICT, WITHOUT ROWID;";

/* Version 19: workforce activity (issue 13; docs/workforce.md). The
 * team's second level: training events it ran (course, day, hours in
 * tenths, trainers, attendees counted by profession and organisation,
 * optional named attendees), consultations it gave (who was consulted,
 * about which of our families if any, advice, follow-up) and reflective
 * supervision it gave (to whom, service, individual or group, minutes). */
static const char v19_workforce[] =
	"CREATE TABLE training_event ("
	"  id INTEGER PRIMARY KEY,"
	"  team_id INTEGER NOT NULL REFERENCES team(id),"
	"  course TEXT NOT NULL,"
	"  date TEXT NOT NULL,"
	"  hours_x10 INTEGER NOT NULL CHECK (hours_x10 BETWEEN 1 AND 240),"
	"  named_attendees TEXT,"
	"  created_by TEXT NOT NULL) STRICT;"
	"CREATE INDEX training_event_date ON training_event(team_id, date);"
	"CREATE TABLE training_trainer ("
	"  event_id INTEGER NOT NULL REFERENCES training_event(id),"
	"  practitioner_id INTEGER NOT NULL REFERENCES practitioner(id),"
	"  PRIMARY KEY (event_id, practitioner_id)) STRICT, WITHOUT ROWID;"
	"CREATE TABLE training_attendees ("
	"  event_id INTEGER NOT NULL REFERENCES training_event(id),"
	"  profession TEXT NOT NULL,"
	"  organisation TEXT NOT NULL,"
	"  count INTEGER NOT NULL CHECK (count BETWEEN 0 AND 1000),"
	"  PRIMARY KEY (event_id, profession, organisation)) STRICT, WITHOUT ROWID;"
	"CREATE TABLE consultation ("
	"  id INTEGER PRIMARY KEY,"
	"  team_id INTEGER NOT NULL REFERENCES team(id),"
	"  date TEXT NOT NULL,"
	"  practitioner_id INTEGER NOT NULL REFERENCES practitioner(id),"
	"  profession TEXT NOT NULL,"
	"  organisation TEXT NOT NULL,"
	"  family_id INTEGER REFERENCES family(id),"
	"  advice TEXT NOT NULL,"
	"  follow_up TEXT,"
	"  follow_up_on TEXT,"
	"  created_by TEXT NOT NULL) STRICT;"
	"CREATE INDEX consultation_date ON consultation(team_id, date);"
	"CREATE TABLE supervision ("
	"  id INTEGER PRIMARY KEY,"
	"  team_id INTEGER NOT NULL REFERENCES team(id),"
	"  date TEXT NOT NULL,"
	"  practitioner_id INTEGER NOT NULL REFERENCES practitioner(id),"
	"  profession TEXT NOT NULL,"
	"  organisation TEXT NOT NULL,"
	"  supervisee TEXT,"
	"  service TEXT NOT NULL,"
	"  mode TEXT NOT NULL CHECK (mode IN ('individual','group')),"
	"  supervised INTEGER NOT NULL CHECK (supervised BETWEEN 1 AND 1000),"
	"  duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 600),"
	"  created_by TEXT NOT NULL) STRICT;"
	"CREATE INDEX supervision_date ON supervision(team_id, date);";

/* Version 20: letters and family feedback (issue 13; docs/letters.md,
 * docs/reports.md "Family feedback"). A letter is a stored document: the
 * HTML as produced from the team's template, with who produced it and when,
 * never changed after. Feedback is one response set per episode: the
 * questionnaire's id and each answer code by question. */
static const char v20_letters[] =
	"CREATE TABLE letter ("
	"  id INTEGER PRIMARY KEY,"
	"  episode_id INTEGER NOT NULL REFERENCES episode(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('acknowledgement','decision','discharge')),"
	"  recipient TEXT NOT NULL CHECK (recipient IN ('referrer','gp','health_visitor')),"
	"  produced_at TEXT NOT NULL,"
	"  produced_by TEXT NOT NULL,"
	"  html TEXT NOT NULL) STRICT;"
	"CREATE INDEX letter_episode ON letter(episode_id, id);"
	"CREATE TABLE feedback ("
	"  episode_id INTEGER PRIMARY KEY REFERENCES episode(id),"
	"  questionnaire TEXT NOT NULL,"
	"  answered_on TEXT NOT NULL,"
	"  answers TEXT NOT NULL,"
	"  recorded_by TEXT NOT NULL) STRICT;";

/* Version 22: merging duplicate families (issue 12; docs/merge.md). A
 * family merged into another keeps its row as a tombstone pointing to the
 * family that holds its records now (merged_into); family_merge records
 * each merge: the families, why, who, when, and how many records of each
 * kind moved. Merges are only ever added (the triggers refuse a change or
 * delete). A correction row is otherwise never changed: the one change
 * allowed now is its family_id moving to the family its family was merged
 * into, all else equal (a merge re-pointing the family's history). Version
 * 21 is another branch's: migrate_up applies whichever are missing. */
#define MERGE_COUNTS                                                                                    \
	"  people INTEGER NOT NULL, people_joined INTEGER NOT NULL, episodes INTEGER NOT NULL,"            \
	"  contacts INTEGER NOT NULL, measures INTEGER NOT NULL, safeguarding INTEGER NOT NULL,"           \
	"  notes INTEGER NOT NULL, goals INTEGER NOT NULL, care_plans INTEGER NOT NULL,"                   \
	"  appointments INTEGER NOT NULL, group_enrolments INTEGER NOT NULL, letters INTEGER NOT NULL,"    \
	"  feedback INTEGER NOT NULL, video_cycles INTEGER NOT NULL, corrections INTEGER NOT NULL,"        \
	"  consultations INTEGER NOT NULL,"
static const char v22_merge[] =
	"ALTER TABLE family ADD COLUMN merged_into INTEGER REFERENCES family(id);"
	"CREATE TABLE family_merge ("
	"  id INTEGER PRIMARY KEY,"
	"  kept INTEGER NOT NULL REFERENCES family(id),"
	"  merged INTEGER NOT NULL UNIQUE REFERENCES family(id),"
	"  reason TEXT NOT NULL,"
	"  merged_by TEXT NOT NULL,"
	"  merged_at TEXT NOT NULL," MERGE_COUNTS
	"  CHECK (kept <> merged)) STRICT;"
	"CREATE INDEX family_merge_kept ON family_merge(kept, id);"
	"CREATE TRIGGER family_merge_kept BEFORE UPDATE ON family_merge"
	"  BEGIN SELECT RAISE(ABORT, 'family_merge_kept'); END;"
	"CREATE TRIGGER family_merge_not_deleted BEFORE DELETE ON family_merge"
	"  BEGIN SELECT RAISE(ABORT, 'family_merge_kept'); END;"
	"DROP TRIGGER correction_kept;"
	"CREATE TRIGGER correction_kept BEFORE UPDATE ON correction"
	"  WHEN NEW.id IS NOT OLD.id OR NEW.entity IS NOT OLD.entity OR NEW.entity_id IS NOT OLD.entity_id"
	"   OR NEW.field IS NOT OLD.field OR NEW.old_value IS NOT OLD.old_value OR NEW.new_value IS NOT OLD.new_value"
	"   OR NEW.reason IS NOT OLD.reason OR NEW.corrected_by IS NOT OLD.corrected_by"
	"   OR NEW.corrected_at IS NOT OLD.corrected_at OR NEW.reverts IS NOT OLD.reverts"
	"   OR NEW.family_id IS NOT (SELECT merged_into FROM family WHERE id = OLD.family_id)"
	"  BEGIN SELECT RAISE(ABORT, 'correction_kept'); END;";
/* The same in PostgreSQL (here to share the count columns): a trigger's
 * WHEN may not read a table there, so the correction rule is a function. */
static const char pg22_merge[] =
	"ALTER TABLE family ADD COLUMN merged_into bigint REFERENCES family(id);"
	"CREATE TABLE family_merge ("
	"  id bigint PRIMARY KEY,"
	"  kept bigint NOT NULL REFERENCES family(id),"
	"  merged bigint NOT NULL UNIQUE REFERENCES family(id),"
	"  reason text NOT NULL,"
	"  merged_by text NOT NULL,"
	"  merged_at timestamptz NOT NULL," MERGE_COUNTS
	"  CHECK (kept <> merged));"
	"CREATE TRIGGER family_merge_id BEFORE INSERT ON family_merge FOR EACH ROW WHEN (NEW.id IS NULL)"
	" EXECUTE FUNCTION dyad_next_id();"
	"CREATE INDEX family_merge_kept ON family_merge(kept, id);"
	"CREATE TRIGGER family_merge_kept BEFORE UPDATE ON family_merge FOR EACH ROW"
	"  EXECUTE FUNCTION dyad_audit_refuse('family_merge_kept');"
	"CREATE TRIGGER family_merge_not_deleted BEFORE DELETE ON family_merge FOR EACH ROW"
	"  EXECUTE FUNCTION dyad_audit_refuse('family_merge_kept');"
	"DROP TRIGGER correction_kept ON correction;"
	"CREATE FUNCTION dyad_correction_kept() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF NEW.id IS DISTINCT FROM OLD.id OR NEW.entity IS DISTINCT FROM OLD.entity"
	"  OR NEW.entity_id IS DISTINCT FROM OLD.entity_id OR NEW.field IS DISTINCT FROM OLD.field"
	"  OR NEW.old_value IS DISTINCT FROM OLD.old_value OR NEW.new_value IS DISTINCT FROM OLD.new_value"
	"  OR NEW.reason IS DISTINCT FROM OLD.reason OR NEW.corrected_by IS DISTINCT FROM OLD.corrected_by"
	"  OR NEW.corrected_at IS DISTINCT FROM OLD.corrected_at OR NEW.reverts IS DISTINCT FROM OLD.reverts"
	"  OR NEW.family_id IS DISTINCT FROM (SELECT merged_into FROM family WHERE id = OLD.family_id) THEN"
	"  RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation', MESSAGE = 'correction_kept';"
	" END IF; RETURN NEW; END $$;"
	"CREATE TRIGGER correction_kept BEFORE UPDATE ON correction FOR EACH ROW"
	"  EXECUTE FUNCTION dyad_correction_kept();";
#undef MERGE_COUNTS

/* Version 23: the contacts and referrals entered in error, a handful, in
 * indexes of their own, so that the caseload per practitioner leaves them
 * out from contact_episode alone instead of reading every contact row of
 * the referrals open on the day, and the contact counts find the referrals
 * in error without reading every referral (bench/RESULTS.md, "Caseload per
 * practitioner"). They hold no row until a record is marked, so imports do
 * not pay for them. */
static const char v23_in_error[] = "CREATE INDEX contact_in_error ON contact(id) WHERE error_at IS NOT NULL;"
                                   "CREATE INDEX episode_in_error ON episode(id) WHERE error_at IS NOT NULL;";

/* Version 24: a family record marked entered in error
 * (docs/corrections.md): hidden as a merged family is (STORE_FAMILY_LIVE). */
static const char v24_family_error[] = "ALTER TABLE family ADD COLUMN error_reason TEXT;"
                                       "ALTER TABLE family ADD COLUMN error_by TEXT;"
                                       "ALTER TABLE family ADD COLUMN error_at TEXT;";
static const char pg24_family_error[] = "ALTER TABLE family ADD COLUMN error_reason text;"
                                        "ALTER TABLE family ADD COLUMN error_by text;"
                                        "ALTER TABLE family ADD COLUMN error_at timestamptz;";

/* Version 25: group attendance by enrolment and by contact. An
 * enrolment's sessions and a contact's attendance mark were found through
 * group_attendance's key (session, enrolment), which starts with neither:
 * each one read every attendance row, so an export of 20,000 families took
 * 6.9 s (84% of it counting enrolments' sessions) and their import 20 s
 * (12.7 s checking each attendance's contact), both growing with the
 * square of the groups (bench/RESULTS.md, "Group attendance by enrolment
 * and by contact"). */
static const char v25_attendance_index[] =
	"CREATE INDEX group_attendance_enrolment ON group_attendance(enrolment_id, attended);"
	"CREATE INDEX group_attendance_contact ON group_attendance(contact_id);";

/* Version 26: the measures in error in an index of their own, as contacts
 * and referrals have (v23), so that the outcome reports leave them out
 * from measure_once alone instead of reading every measure row, which
 * holds the responses (bench/RESULTS.md, "Outcomes in one read of the
 * period's discharges"). It holds no row until a measure is marked, so
 * an import pays nothing for it. An index on the discharge date was
 * measured and left out: SQLite took it for a year's discharges and read
 * their measures out of order, 3x slower than reading every referral in
 * id order. */
static const char v26_measure_in_error[] = "CREATE INDEX measure_in_error ON measure(id) WHERE error_at IS NOT NULL;";

/* Version 30: two covering indexes for the waiting list (bench/RESULTS.md,
 * "The waiting list at 1,000,000 families").
 * - episode_clock_rows: the clock columns of every referral that can hold
 *   a clock, by discharge date (store_pathway_clock_rows): the list reads
 *   its open referrals from the start of it (no discharge date) in id
 *   order, and a report's period those discharged since its start from a
 *   range of it, rather than every referral of the database (at 1,000,000
 *   families 0.05 s against 0.22 s in sqlite3).
 * - person_infant: the infants' names and losses by family
 *   (store_infant_list_many), rather than every person row of the listed
 *   families through person_family (0.04 s against 0.18 s for 37,000
 *   families). role is its second key as well as its condition: with two
 *   keys matched SQLite takes it without statistics (dyad keeps none).
 * People and referrals are made in family order by an import or the demo,
 * so each index grows at its end. */
static const char v30_waiting[] =
	"CREATE INDEX episode_clock_rows ON episode(discharged_on, id, family_id, infant_id, received_on,"
	" clock_assessed, clock_intervention, clock_direct, discharge_reason)"
	" WHERE decision NOT IN ('declined','signposted') AND error_at IS NULL;"
	"CREATE INDEX person_infant ON person(family_id, role, id, given_name, family_name, loss, loss_on)"
	" WHERE role = 'infant';";

/* Version 31: the referral columns the activity and equity reports read
 * of every referral, in id order (bench/RESULTS.md, "16 KiB pages, and
 * the reports' referrals from an index"): the caseload per practitioner
 * starts from the referrals open on the period's last day, and equity from
 * those received, decided or discharged in the period, each a pass over
 * every referral not in error. From this index the pass reads half the
 * pages of the referral table (at 1,000,000 families 63 MB against
 * 121 MB). family_id is in it for a report of some teams
 * (STORE_IN_TEAMS). An index by discharge date was measured and left out:
 * it gives the referrals out of id order, and their contacts are then read
 * from scattered pages (the caseload per practitioner 1.12 s against
 * 0.86 s without it, in sqlite3; migration 26's note found the same). */
static const char v31_report[] =
	"CREATE INDEX episode_report ON episode(id, family_id, decision, received_on, decided_on, discharged_on,"
	" caregiver_id, infant_id) WHERE error_at IS NULL;";

const struct migration schema_migrations[] = {
	{1, "family record", v1, schema_pg_v1},
	{2, "referral pathway", v2, schema_pg_v2},
	{3, "measures scored, goals", v3_measures, schema_pg_v3},
	{4, "demo mark", v4_demo, schema_pg_v4},
	{5, "risk flag actions", v5_safety, schema_pg_v5},
	{6, "web users, sessions, audit chain", schema_v6_web, schema_pg_v6},
	{7, "several infants per referral", v7_infants, schema_pg_v7},
	{8, "waiting clock index", v8_clock_index, schema_pg_v8},
	{9, "care plans", v9_careplan, schema_pg_v9},
	{10, "pregnancy loss, stillbirth, infant death", v10_loss, schema_pg_v10},
	{11, "case notes", v11_notes, schema_pg_v11},
	{12, "finding a family", v12_search, schema_pg_v12},
	{13, "groups", v13_groups, schema_pg_v13},
	{14, "transfer destination, re-referral link", v14_links, schema_pg_v14},
	{15, "clock dates on the episode", v15_clock_dates, pg15_clock_dates},
	{16, "appointments", v16_appointments, schema_pg_v16},
	{17, "corrections with history", v17_corrections, schema_pg_v17},
	{18, "video feedback cycles", v18_video, schema_pg_v18},
	{19, "workforce activity", v19_workforce, schema_pg_v19},
	{20, "letters, family feedback", v20_letters, schema_pg_v20},
	{21, "corrections of every record, entered in error", schema_v21, schema_pg_v21},
	{22, "merging duplicate families", v22_merge, pg22_merge},
	{23, "records entered in error", v23_in_error, v23_in_error},
	{24, "a family entered in error", v24_family_error, pg24_family_error},
	{25, "group attendance by enrolment and by contact", v25_attendance_index, v25_attendance_index},
	{26, "measures entered in error", v26_measure_in_error, v26_measure_in_error},
	{27, "bulk loads on PostgreSQL", schema_v27, schema_pg_v27},
	{28, "report tallies", schema_v28, schema_pg_v28},
	{29, "outcome rows by discharge date", schema_v29, schema_pg_v29},
	{30, "waiting list indexes", v30_waiting, v30_waiting},
	{31, "report referrals index", v31_report, v31_report},
};
const int schema_migration_count = (int)(sizeof schema_migrations / sizeof schema_migrations[0]);

const struct migration_step schema_migration_steps[] = {
	{2, v2_backfill},
	{12, v12_backfill},
	{28, store_tally_fill},
	{29, store_tally_fill_outcomes},
};
const int schema_migration_step_count = (int)(sizeof schema_migration_steps / sizeof schema_migration_steps[0]);
