/* schema_pg.c: each migration of schema.c in PostgreSQL's dialect (the
 * `pg` text of its entry in schema_migrations).
 *
 * The same tables, columns (in the same order), keys, CHECKs and indexes as
 * the SQLite text, in PostgreSQL's types: ids and references bigint, dates
 * date, moments (recorded_at, audit.at, created_at of accounts and tokens)
 * timestamptz, REAL double precision; STRICT and WITHOUT ROWID have no
 * counterpart. Ids are given as SQLite gives rowids (max(id) + 1, see
 * dyad_next_id), so both stores number records alike; db_pg.c serialises
 * writers, so two never take the same one.
 *
 * A new migration in schema.c needs its text here too; tests/store/
 * test_schema_pg.c fails while one lacks it (docs/postgresql.md, "Adding a
 * migration"). */
#include "store/schema.h"

/* Every table with an id column gets this trigger; an insert that gives
 * its id (an import keeping the files' ids) does not call it. */
#define ID_TRIGGER(t)                                                                                             \
	"CREATE TRIGGER " t "_id BEFORE INSERT ON " t " FOR EACH ROW WHEN (NEW.id IS NULL)"                        \
	" EXECUTE FUNCTION dyad_next_id();"

const char schema_pg_v1[] =
	/* SQLite's rowid rule: an insert without an id takes one more than the
	 * largest (a rolled-back insert leaves no gap). */
	"CREATE FUNCTION dyad_next_id() RETURNS trigger LANGUAGE plpgsql AS $$"
	" BEGIN"
	"  IF NEW.id IS NULL THEN"
	"   EXECUTE format('SELECT COALESCE(MAX(id), 0) + 1 FROM %I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME) INTO NEW.id;"
	"  END IF;"
	"  RETURN NEW;"
	" END $$;"
	"CREATE TABLE team ("
	"  id bigint PRIMARY KEY,"
	"  code text NOT NULL UNIQUE,"
	"  name text NOT NULL);" ID_TRIGGER("team")
	"CREATE TABLE practitioner ("
	"  id bigint PRIMARY KEY,"
	"  team_id bigint NOT NULL REFERENCES team(id),"
	"  name text NOT NULL,"
	"  profession text NOT NULL);" ID_TRIGGER("practitioner")
	"CREATE TABLE family ("
	"  id bigint PRIMARY KEY,"
	"  team_id bigint NOT NULL REFERENCES team(id),"
	"  created_on date NOT NULL);" ID_TRIGGER("family")
	"CREATE TABLE person ("
	"  id bigint PRIMARY KEY,"
	"  family_id bigint NOT NULL REFERENCES family(id),"
	"  role text NOT NULL CHECK (role IN ('caregiver','infant')),"
	"  relationship text,"
	"  nhs_number text,"
	"  given_name text NOT NULL,"
	"  family_name text NOT NULL,"
	"  date_of_birth date,"
	"  edd date,"
	"  gestation_weeks integer,"
	"  sex text,"
	"  ethnicity text,"
	"  postcode text,"
	"  imd_decile integer CHECK (imd_decile BETWEEN 1 AND 10));" ID_TRIGGER("person")
	"CREATE INDEX person_family ON person(family_id);"
	"CREATE UNIQUE INDEX person_nhs ON person(nhs_number) WHERE nhs_number IS NOT NULL;"
	"CREATE INDEX person_name_dob ON person(family_name, date_of_birth);"
	"CREATE TABLE episode ("
	"  id bigint PRIMARY KEY,"
	"  family_id bigint NOT NULL REFERENCES family(id),"
	"  infant_id bigint REFERENCES person(id),"
	"  caregiver_id bigint REFERENCES person(id),"
	"  received_on date NOT NULL,"
	"  source text NOT NULL,"
	"  decision text NOT NULL DEFAULT 'pending',"
	"  decided_on date,"
	"  discharged_on date,"
	"  discharge_reason text);" ID_TRIGGER("episode")
	"CREATE INDEX episode_family ON episode(family_id);"
	"CREATE TABLE contact ("
	"  id bigint PRIMARY KEY,"
	"  episode_id bigint NOT NULL REFERENCES episode(id),"
	"  date date NOT NULL,"
	"  kind text NOT NULL,"
	"  intervention text,"
	"  location text NOT NULL,"
	"  attendance text NOT NULL,"
	"  duration_min integer);" ID_TRIGGER("contact")
	"CREATE INDEX contact_episode ON contact(episode_id, date);"
	"CREATE TABLE contact_practitioner ("
	"  contact_id bigint NOT NULL,"
	"  practitioner_id bigint NOT NULL,"
	"  PRIMARY KEY (contact_id, practitioner_id));"
	"CREATE TABLE contact_attendee ("
	"  contact_id bigint NOT NULL,"
	"  person_id bigint NOT NULL,"
	"  PRIMARY KEY (contact_id, person_id));"
	"CREATE TABLE safeguarding ("
	"  id bigint PRIMARY KEY,"
	"  infant_id bigint NOT NULL REFERENCES person(id),"
	"  status text NOT NULL,"
	"  started_on date NOT NULL,"
	"  ended_on date,"
	"  UNIQUE (infant_id, started_on, status));" ID_TRIGGER("safeguarding")
	"CREATE TABLE discharge_outcome ("
	"  episode_id bigint NOT NULL REFERENCES episode(id),"
	"  infant_id bigint NOT NULL REFERENCES person(id),"
	"  care_status text NOT NULL,"
	"  PRIMARY KEY (episode_id, infant_id));"
	"CREATE TABLE measure ("
	"  id bigint PRIMARY KEY,"
	"  episode_id bigint NOT NULL REFERENCES episode(id),"
	"  person_id bigint NOT NULL REFERENCES person(id),"
	"  instrument text NOT NULL,"
	"  timepoint text NOT NULL,"
	"  date date NOT NULL,"
	"  responses text NOT NULL,"
	"  UNIQUE (episode_id, person_id, instrument, timepoint, date));" ID_TRIGGER("measure")
	"CREATE TABLE audit ("
	"  id bigint PRIMARY KEY,"
	"  at timestamptz NOT NULL,"
	"  actor text NOT NULL,"
	"  action text NOT NULL,"
	"  entity text NOT NULL,"
	"  entity_id bigint,"
	"  detail text);" ID_TRIGGER("audit");

const char schema_pg_v2[] =
	"ALTER TABLE episode ADD COLUMN state text NOT NULL DEFAULT 'received' CHECK (state IN ("
	"  'received','awaiting_assessment','declined','signposted','assessed','awaiting_intervention',"
	"  'in_intervention','discharged'));"
	"ALTER TABLE episode ADD COLUMN programme text;"
	"ALTER TABLE episode ADD COLUMN first_time_parent text CHECK (first_time_parent IN ('yes','no'));"
	"CREATE INDEX episode_infant ON episode(infant_id);"
	"CREATE INDEX episode_caregiver ON episode(caregiver_id);"
	"CREATE INDEX episode_open ON episode(state) WHERE state NOT IN ('declined','signposted','discharged');"
	"CREATE TABLE episode_event ("
	"  id bigint PRIMARY KEY,"
	"  episode_id bigint NOT NULL REFERENCES episode(id),"
	"  from_state text,"
	"  to_state text NOT NULL,"
	"  date date NOT NULL,"
	"  actor text NOT NULL,"
	"  reason text,"
	"  service text,"
	"  recorded_at timestamptz NOT NULL);" ID_TRIGGER("episode_event")
	"CREATE INDEX episode_event_episode ON episode_event(episode_id, id);"
	"CREATE TABLE eligibility_override ("
	"  id bigint PRIMARY KEY,"
	"  episode_id bigint NOT NULL REFERENCES episode(id),"
	"  rule text NOT NULL,"
	"  reason text NOT NULL,"
	"  actor text NOT NULL,"
	"  date date NOT NULL,"
	"  recorded_at timestamptz NOT NULL,"
	"  UNIQUE (episode_id, rule));" ID_TRIGGER("eligibility_override");

/* Version 3 rebuilds measure on SQLite (a table cannot drop a UNIQUE
 * there); PostgreSQL alters it in place to the same columns in the same
 * order, and keeps an empty measure_v1 as SQLite does. */
const char schema_pg_v3[] =
	"CREATE TABLE measure_v1 (LIKE measure);"
	"ALTER TABLE measure DROP CONSTRAINT measure_episode_id_person_id_instrument_timepoint_date_key;"
	"ALTER TABLE measure ADD COLUMN subject_caregiver_id bigint NOT NULL DEFAULT 0;"
	"ALTER TABLE measure ADD COLUMN subject_infant_id bigint NOT NULL DEFAULT 0;"
	"ALTER TABLE measure ADD COLUMN practitioner_id bigint;"
	"ALTER TABLE measure ADD COLUMN version text;"
	"ALTER TABLE measure ADD COLUMN age_months integer;"
	"CREATE UNIQUE INDEX measure_once ON measure(episode_id, instrument, timepoint, date, person_id,"
	"  subject_caregiver_id, subject_infant_id);"
	"CREATE TABLE measure_score ("
	"  measure_id bigint NOT NULL,"
	"  position integer NOT NULL,"
	"  scale text NOT NULL,"
	"  value double precision,"
	"  reason text,"
	"  band text,"
	"  clinical integer CHECK (clinical IN (0, 1)),"
	"  PRIMARY KEY (measure_id, position));"
	"CREATE TABLE measure_risk ("
	"  measure_id bigint NOT NULL REFERENCES measure(id),"
	"  risk text NOT NULL,"
	"  item integer NOT NULL,"
	"  acknowledged_by text,"
	"  acknowledged_on date,"
	"  PRIMARY KEY (measure_id, risk));"
	"CREATE TABLE goal ("
	"  id bigint PRIMARY KEY,"
	"  episode_id bigint NOT NULL REFERENCES episode(id),"
	"  position integer NOT NULL CHECK (position BETWEEN 1 AND 3),"
	"  text text NOT NULL,"
	"  set_on date NOT NULL,"
	"  UNIQUE (episode_id, position));" ID_TRIGGER("goal")
	"CREATE TABLE goal_rating ("
	"  goal_id bigint NOT NULL REFERENCES goal(id),"
	"  date date NOT NULL,"
	"  rating integer NOT NULL CHECK (rating BETWEEN 0 AND 10),"
	"  PRIMARY KEY (goal_id, date));"
	"CREATE TABLE instrument_text ("
	"  instrument text NOT NULL,"
	"  item integer NOT NULL,"
	"  text text NOT NULL,"
	"  PRIMARY KEY (instrument, item));"
	"CREATE TABLE instrument_table ("
	"  instrument text NOT NULL,"
	"  name text NOT NULL,"
	"  csv text NOT NULL,"
	"  PRIMARY KEY (instrument, name));";

const char schema_pg_v4[] =
	"ALTER TABLE team ADD COLUMN demo integer NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));";

const char schema_pg_v5[] =
	"ALTER TABLE measure_risk ADD COLUMN action_taken text;"
	"CREATE INDEX measure_risk_open ON measure_risk(measure_id) WHERE acknowledged_on IS NULL;";

const char schema_pg_v6[] =
	"CREATE TABLE app_user ("
	"  id bigint PRIMARY KEY,"
	"  name text NOT NULL UNIQUE,"
	"  display text NOT NULL,"
	"  roles integer NOT NULL CHECK (roles > 0),"
	"  password_hash text NOT NULL,"
	"  disabled integer NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),"
	"  created_at timestamptz NOT NULL);" ID_TRIGGER("app_user")
	"CREATE TABLE user_team ("
	"  user_id bigint NOT NULL REFERENCES app_user(id),"
	"  team_id bigint NOT NULL REFERENCES team(id),"
	"  PRIMARY KEY (user_id, team_id));"
	"CREATE TABLE session ("
	"  id bigint PRIMARY KEY,"
	"  user_id bigint NOT NULL REFERENCES app_user(id),"
	"  token_hash text NOT NULL UNIQUE,"
	"  created_at bigint NOT NULL,"
	"  last_seen bigint NOT NULL,"
	"  address text NOT NULL,"
	"  revoked integer NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)));" ID_TRIGGER("session")
	/* session_user is a reserved word in PostgreSQL: the index is named apart. */
	"CREATE INDEX session_of_user ON session(user_id);"
	"CREATE TABLE api_token ("
	"  id bigint PRIMARY KEY,"
	"  user_id bigint NOT NULL REFERENCES app_user(id),"
	"  token_hash text NOT NULL UNIQUE,"
	"  created_at timestamptz NOT NULL,"
	"  expires date NOT NULL,"
	"  revoked integer NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)));" ID_TRIGGER("api_token")
	"CREATE TABLE signin_throttle ("
	"  name text PRIMARY KEY,"
	"  failures integer NOT NULL,"
	"  last_failure bigint NOT NULL,"
	"  locked_until bigint NOT NULL);"
	"ALTER TABLE audit ADD COLUMN user_id bigint;"
	"ALTER TABLE audit ADD COLUMN address text;"
	"ALTER TABLE audit ADD COLUMN hash text;"
	"CREATE INDEX audit_entity ON audit(entity, entity_id);"
	"CREATE TABLE audit_head ("
	"  one integer PRIMARY KEY CHECK (one = 1),"
	"  last_id bigint NOT NULL,"
	"  hash text NOT NULL);"
	/* SQLite's RAISE(ABORT) is a constraint error there: 23000 here. */
	"CREATE FUNCTION dyad_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$"
	" BEGIN RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation', MESSAGE = TG_ARGV[0]; END $$;"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit FOR EACH ROW"
	"  WHEN (OLD.hash IS NOT NULL) EXECUTE FUNCTION dyad_audit_refuse('audit entries cannot be changed');"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit FOR EACH ROW"
	"  EXECUTE FUNCTION dyad_audit_refuse('audit entries cannot be removed');";

/* Version 7's reads list a referral's further infants with SQLite's
 * group_concat(x, sep); PostgreSQL gets an aggregate of that name and
 * meaning (NULLs skipped, order unspecified: store_episode_read sorts). */
const char schema_pg_v7[] =
	"CREATE FUNCTION dyad_concat_step(acc text, v anyelement, sep text) RETURNS text LANGUAGE sql IMMUTABLE AS"
	"  $$ SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v::text ELSE acc || sep || v::text END $$;"
	"CREATE AGGREGATE group_concat(anyelement, text) (SFUNC = dyad_concat_step, STYPE = text);"
	"CREATE TABLE referral_infant ("
	"  episode_id bigint NOT NULL REFERENCES episode(id),"
	"  infant_id bigint NOT NULL REFERENCES person(id),"
	"  PRIMARY KEY (episode_id, infant_id));"
	"CREATE INDEX referral_infant_infant ON referral_infant(infant_id);";

const char schema_pg_v8[] =
	"CREATE INDEX contact_clock ON contact(episode_id, kind, attendance, date);";

const char schema_pg_v9[] =
	"CREATE TABLE care_plan ("
	"  id bigint PRIMARY KEY,"
	"  episode_id bigint NOT NULL REFERENCES episode(id),"
	"  intervention text NOT NULL,"
	"  start_on date NOT NULL,"
	"  planned_sessions integer NOT NULL CHECK (planned_sessions BETWEEN 1 AND 500),"
	"  status text NOT NULL CHECK (status IN ('planned','active','completed','stopped_early')),"
	"  status_on date,"
	"  stop_reason text,"
	"  created_by text NOT NULL);" ID_TRIGGER("care_plan")
	"CREATE INDEX care_plan_episode ON care_plan(episode_id);"
	"CREATE TABLE care_plan_practitioner ("
	"  care_plan_id bigint NOT NULL,"
	"  practitioner_id bigint NOT NULL,"
	"  PRIMARY KEY (care_plan_id, practitioner_id));"
	"CREATE TABLE care_plan_goal ("
	"  care_plan_id bigint NOT NULL,"
	"  goal_id bigint NOT NULL,"
	"  PRIMARY KEY (care_plan_id, goal_id));";

const char schema_pg_v10[] =
	"ALTER TABLE person ADD COLUMN loss text CHECK (loss IN ('pregnancy_loss','stillbirth','infant_death'));"
	"ALTER TABLE person ADD COLUMN loss_on date;";

/* Version 11: a signed note is kept as SQLite's triggers keep it. The
 * condition is the same (IS DISTINCT FROM is SQLite's IS NOT); the refusal
 * is dyad_audit_refuse's integrity error, as RAISE(ABORT) is a constraint
 * error on SQLite. written_at, signed_at and error_at are moments. */
const char schema_pg_v11[] =
	"CREATE TABLE note ("
	"  id bigint PRIMARY KEY,"
	"  episode_id bigint NOT NULL REFERENCES episode(id),"
	"  contact_id bigint REFERENCES contact(id),"
	"  kind text NOT NULL CHECK (kind IN ('contact','assessment_formulation','safeguarding','supervision',"
	"'telephone','other')),"
	"  author text NOT NULL,"
	"  written_at timestamptz NOT NULL,"
	"  text text NOT NULL,"
	"  signed_at timestamptz,"
	"  addendum_to bigint REFERENCES note(id),"
	"  error_reason text,"
	"  error_by text,"
	"  error_at timestamptz,"
	"  CHECK (addendum_to IS NULL OR addendum_to <> id),"
	"  CHECK ((error_reason IS NULL) = (error_at IS NULL)));" ID_TRIGGER("note")
	"CREATE INDEX note_episode ON note(episode_id, written_at);"
	"CREATE TRIGGER note_signed_kept BEFORE UPDATE ON note FOR EACH ROW"
	"  WHEN (OLD.signed_at IS NOT NULL AND (NEW.id IS DISTINCT FROM OLD.id"
	"   OR NEW.episode_id IS DISTINCT FROM OLD.episode_id OR NEW.contact_id IS DISTINCT FROM OLD.contact_id"
	"   OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.author IS DISTINCT FROM OLD.author"
	"   OR NEW.written_at IS DISTINCT FROM OLD.written_at OR NEW.text IS DISTINCT FROM OLD.text"
	"   OR NEW.signed_at IS DISTINCT FROM OLD.signed_at OR NEW.addendum_to IS DISTINCT FROM OLD.addendum_to"
	"   OR OLD.error_at IS NOT NULL))"
	"  EXECUTE FUNCTION dyad_audit_refuse('note_signed');"
	"CREATE TRIGGER note_signed_not_deleted BEFORE DELETE ON note FOR EACH ROW"
	"  WHEN (OLD.signed_at IS NOT NULL) EXECUTE FUNCTION dyad_audit_refuse('note_signed');";

/* Version 12: the words are compared byte by byte, as on SQLite: the
 * database's collation must be C (docs/postgresql.md; scripts/pg-cluster
 * makes its clusters so). */
const char schema_pg_v12[] =
	"CREATE TABLE name_word ("
	"  word text PRIMARY KEY,"
	"  rword text NOT NULL);"
	"CREATE INDEX name_word_reverse ON name_word(rword);"
	"CREATE TABLE person_word ("
	"  word text NOT NULL,"
	"  person_id bigint NOT NULL,"
	"  PRIMARY KEY (word, person_id));"
	"CREATE INDEX person_dob ON person(date_of_birth);"
	"CREATE INDEX person_postcode ON person(postcode);";

const char schema_pg_v13[] =
	"CREATE TABLE group_run ("
	"  id bigint PRIMARY KEY,"
	"  team_id bigint NOT NULL REFERENCES team(id),"
	"  intervention text NOT NULL,"
	"  starts_on date NOT NULL,"
	"  sessions integer NOT NULL CHECK (sessions BETWEEN 1 AND 100),"
	"  venue text NOT NULL,"
	"  location text NOT NULL,"
	"  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 100),"
	"  created_by text NOT NULL);" ID_TRIGGER("group_run")
	"CREATE TABLE group_facilitator ("
	"  run_id bigint NOT NULL,"
	"  practitioner_id bigint NOT NULL,"
	"  PRIMARY KEY (run_id, practitioner_id));"
	"CREATE TABLE group_enrolment ("
	"  id bigint PRIMARY KEY,"
	"  run_id bigint NOT NULL REFERENCES group_run(id),"
	"  episode_id bigint NOT NULL REFERENCES episode(id),"
	"  person_id bigint NOT NULL REFERENCES person(id),"
	"  enrolled_on date NOT NULL,"
	"  UNIQUE (run_id, person_id));" ID_TRIGGER("group_enrolment")
	"CREATE INDEX group_enrolment_episode ON group_enrolment(episode_id);"
	"CREATE TABLE group_session ("
	"  id bigint PRIMARY KEY,"
	"  run_id bigint NOT NULL REFERENCES group_run(id),"
	"  number integer NOT NULL CHECK (number BETWEEN 1 AND 100),"
	"  date date NOT NULL,"
	"  UNIQUE (run_id, number));" ID_TRIGGER("group_session")
	"CREATE TABLE group_attendance ("
	"  session_id bigint NOT NULL,"
	"  enrolment_id bigint NOT NULL,"
	"  contact_id bigint NOT NULL,"
	"  attended integer NOT NULL CHECK (attended IN (0, 1)),"
	"  PRIMARY KEY (session_id, enrolment_id));"
	"CREATE TABLE group_waiting ("
	"  id bigint PRIMARY KEY,"
	"  intervention text NOT NULL,"
	"  episode_id bigint NOT NULL REFERENCES episode(id),"
	"  person_id bigint NOT NULL REFERENCES person(id),"
	"  added_on date NOT NULL,"
	"  run_id bigint REFERENCES group_run(id));" ID_TRIGGER("group_waiting");

const char schema_pg_v14[] =
	"ALTER TABLE episode ADD COLUMN transferred_to text;"
	"ALTER TABLE episode ADD COLUMN previous_id bigint REFERENCES episode(id);";

/* Version 15 (clock dates on the episode) has its PostgreSQL text in
 * schema.c, beside the SQLite text, so that both are built from the same
 * clock expressions. */

/* Version 16: appointments. The day and the outcome's day are dates,
 * booked_at a moment. */
const char schema_pg_v16[] =
	"CREATE TABLE appointment ("
	"  id bigint PRIMARY KEY,"
	"  episode_id bigint NOT NULL REFERENCES episode(id),"
	"  date date NOT NULL,"
	"  start_min integer NOT NULL CHECK (start_min BETWEEN 0 AND 1439),"
	"  duration_min integer NOT NULL CHECK (duration_min BETWEEN 5 AND 600),"
	"  kind text NOT NULL,"
	"  intervention text,"
	"  location text NOT NULL,"
	"  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked','attended','did_not_attend',"
	"'cancelled_by_family','cancelled_by_service','rescheduled')),"
	"  status_on date,"
	"  contact_id bigint REFERENCES contact(id),"
	"  rescheduled_to bigint REFERENCES appointment(id),"
	"  booked_by text NOT NULL,"
	"  booked_at timestamptz NOT NULL);" ID_TRIGGER("appointment")
	"CREATE INDEX appointment_episode ON appointment(episode_id, date);"
	"CREATE INDEX appointment_date ON appointment(date, start_min);"
	"CREATE TABLE appointment_practitioner ("
	"  appointment_id bigint NOT NULL,"
	"  practitioner_id bigint NOT NULL,"
	"  PRIMARY KEY (appointment_id, practitioner_id));"
	"CREATE INDEX appointment_practitioner_by ON appointment_practitioner(practitioner_id, appointment_id);"
	"CREATE TABLE appointment_attendee ("
	"  appointment_id bigint NOT NULL,"
	"  person_id bigint NOT NULL,"
	"  PRIMARY KEY (appointment_id, person_id));";

/* Version 17: corrections with history. Rows are kept as SQLite's
 * RAISE(ABORT) triggers keep them: a PL/pgSQL trigger function
 * (dyad_audit_refuse, version 6) refuses any change or delete with SQLSTATE
 * 23000, a constraint error on both stores. corrected_at is a moment. */
const char schema_pg_v17[] =
	"CREATE TABLE correction ("
	"  id bigint PRIMARY KEY,"
	"  entity text NOT NULL CHECK (entity IN ('person')),"
	"  entity_id bigint NOT NULL,"
	"  family_id bigint NOT NULL REFERENCES family(id),"
	"  field text NOT NULL,"
	"  old_value text NOT NULL,"
	"  new_value text NOT NULL,"
	"  reason text NOT NULL,"
	"  corrected_by text NOT NULL,"
	"  corrected_at timestamptz NOT NULL,"
	"  reverts bigint REFERENCES correction(id));" ID_TRIGGER("correction")
	"CREATE INDEX correction_entity ON correction(entity, entity_id, id);"
	"CREATE INDEX correction_family ON correction(family_id, id);"
	"CREATE TRIGGER correction_kept BEFORE UPDATE ON correction FOR EACH ROW"
	"  EXECUTE FUNCTION dyad_audit_refuse('correction_kept');"
	"CREATE TRIGGER correction_not_deleted BEFORE DELETE ON correction FOR EACH ROW"
	"  EXECUTE FUNCTION dyad_audit_refuse('correction_kept');";

const char schema_pg_v18[] =
	"CREATE TABLE video_cycle ("
	"  id bigint PRIMARY KEY,"
	"  episode_id bigint NOT NULL REFERENCES episode(id),"
	"  number integer NOT NULL CHECK (number >= 1),"
	"  intervention text NOT NULL,"
	"  question text NOT NULL,"
	"  started_on date NOT NULL,"
	"  created_by text NOT NULL,"
	"  UNIQUE (episode_id, number));" ID_TRIGGER("video_cycle")
	"CREATE TABLE video_link ("
	"  cycle_id bigint NOT NULL REFERENCES video_cycle(id),"
	"  contact_id bigint NOT NULL UNIQUE REFERENCES contact(id),"
	"  step text NOT NULL CHECK (step IN ('filming','review')),"
	"  PRIMARY KEY (cycle_id, contact_id));";

/* Version 19: workforce activity. Days are dates. */
const char schema_pg_v19[] =
	"CREATE TABLE training_event ("
	"  id bigint PRIMARY KEY,"
	"  team_id bigint NOT NULL REFERENCES team(id),"
	"  course text NOT NULL,"
	"  date date NOT NULL,"
	"  hours_x10 integer NOT NULL CHECK (hours_x10 BETWEEN 1 AND 240),"
	"  named_attendees text,"
	"  created_by text NOT NULL);" ID_TRIGGER("training_event")
	"CREATE INDEX training_event_date ON training_event(team_id, date);"
	"CREATE TABLE training_trainer ("
	"  event_id bigint NOT NULL REFERENCES training_event(id),"
	"  practitioner_id bigint NOT NULL REFERENCES practitioner(id),"
	"  PRIMARY KEY (event_id, practitioner_id));"
	"CREATE TABLE training_attendees ("
	"  event_id bigint NOT NULL REFERENCES training_event(id),"
	"  profession text NOT NULL,"
	"  organisation text NOT NULL,"
	"  count integer NOT NULL CHECK (count BETWEEN 0 AND 1000),"
	"  PRIMARY KEY (event_id, profession, organisation));"
	"CREATE TABLE consultation ("
	"  id bigint PRIMARY KEY,"
	"  team_id bigint NOT NULL REFERENCES team(id),"
	"  date date NOT NULL,"
	"  practitioner_id bigint NOT NULL REFERENCES practitioner(id),"
	"  profession text NOT NULL,"
	"  organisation text NOT NULL,"
	"  family_id bigint REFERENCES family(id),"
	"  advice text NOT NULL,"
	"  follow_up text,"
	"  follow_up_on date,"
	"  created_by text NOT NULL);" ID_TRIGGER("consultation")
	"CREATE INDEX consultation_date ON consultation(team_id, date);"
	"CREATE TABLE supervision ("
	"  id bigint PRIMARY KEY,"
	"  team_id bigint NOT NULL REFERENCES team(id),"
	"  date date NOT NULL,"
	"  practitioner_id bigint NOT NULL REFERENCES practitioner(id),"
	"  profession text NOT NULL,"
	"  organisation text NOT NULL,"
	"  supervisee text,"
	"  service text NOT NULL,"
	"  mode text NOT NULL CHECK (mode IN ('individual','group')),"
	"  supervised integer NOT NULL CHECK (supervised BETWEEN 1 AND 1000),"
	"  duration_min integer NOT NULL CHECK (duration_min BETWEEN 1 AND 600),"
	"  created_by text NOT NULL);" ID_TRIGGER("supervision")
	"CREATE INDEX supervision_date ON supervision(team_id, date);";

const char schema_pg_v20[] =
	"CREATE TABLE letter ("
	"  id bigint PRIMARY KEY,"
	"  episode_id bigint NOT NULL REFERENCES episode(id),"
	"  kind text NOT NULL CHECK (kind IN ('acknowledgement','decision','discharge')),"
	"  recipient text NOT NULL CHECK (recipient IN ('referrer','gp','health_visitor')),"
	"  produced_at timestamptz NOT NULL,"
	"  produced_by text NOT NULL,"
	"  html text NOT NULL);" ID_TRIGGER("letter")
	"CREATE INDEX letter_episode ON letter(episode_id, id);"
	"CREATE TABLE feedback ("
	"  episode_id bigint PRIMARY KEY REFERENCES episode(id),"
	"  questionnaire text NOT NULL,"
	"  answered_on date NOT NULL,"
	"  answers text NOT NULL,"
	"  recorded_by text NOT NULL);";
