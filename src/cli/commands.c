/* commands.c: the table of `dyad` commands and their options. Adding a
 * command: write its cmd_* function, declare it in commands.h, add a row. */
#include "cli/commands.h"

#include <stddef.h>

static const struct cli_opt o_none[] = {{0}};
static const struct cli_opt o_export[] = {
	{"replace", NULL, "swap an existing export folder for the new export (else it is refused)", 0},
	{0}};
static const struct cli_opt o_restore[] = {
	{"force", NULL, "replace a database that holds records (everything since the backup is lost)", 0},
	{0}};
static const struct cli_opt o_doctor[] = {
	{"path", "PATH", "also check this file or export folder", 0},
	{0}};
static const struct cli_opt o_init[] = {
	{"team-code", "CODE", "a short code for the team (default: team)", 0},
	{"team-name", "NAME", "the team's name, shown on every page; on an existing database, renames the team", 0},
	{0}};
static const struct cli_opt o_demo[] = {
	{"families", "N", "how many synthetic families to add (default 300)", 0},
	{"seed", "S", "random seed: the same seed gives the same families (default 1)", 0},
	{"into-existing", NULL, "add them even though the database already holds records or a real team's setup"
	                        " (it is then marked as a demo)", 0},
	{0}};
#define O_KEYSET                                                                                     \
	{"limit", "N", "at most N rows (default 50)", 0},                                                  \
	{"after", "ID", "the page after family ID (the last of the page before, as the page says)", 0},    \
	{"sort", "KEY", "id (default), name (the first caregiver's), received (the newest referral) or"     \
	                " last_contact", 0},                                                               \
	{"descending", NULL, "the other way round (by id: newest first)", 0},                              \
	{"all", NULL, "every row, however many", 0}
static const struct cli_opt o_list[] = {
	{"open", NULL, "only families open to the team (accepted, not discharged)", 0},
	O_KEYSET,
	{0}};
static const struct cli_opt o_caseload[] = {
	O_KEYSET,
	{0}};
static const struct cli_opt o_person[] = {
	{"family", "ID", "the family the person belongs to", 1},
	{"role", "ROLE", "caregiver or infant", 1},
	{"relationship", "REL", "caregivers: mother, father, partner, grandparent, foster_carer, kinship_carer, adoptive_parent or other", 0},
	{"given-name", "NAME", "given name", 1},
	{"family-name", "NAME", "family name", 1},
	{"dob", "DATE", "date of birth, YYYY-MM-DD", 0},
	{"edd", "DATE", "infants in pregnancy: estimated date of delivery", 0},
	{"gestation-weeks", "N", "infants: gestation at birth in weeks (22-44), for corrected age", 0},
	{"nhs-number", "NUMBER", "10-digit NHS number (spaces allowed)", 0},
	{"sex", "SEX", "female, male, indeterminate or unknown", 0},
	{"ethnicity", "CODE", "NHS ethnic category letter (A-S, Z not stated)", 0},
	{"postcode", "POSTCODE", "home postcode", 0},
	{"imd-decile", "N", "deprivation decile of the home area, 1 (most deprived) to 10", 0},
	{0}};
static const struct cli_opt o_birth[] = {
	{"person", "ID", "the unborn infant's record", 1},
	{"dob", "DATE", "date of birth", 1},
	{"gestation-weeks", "N", "gestation at birth in weeks (22-44)", 0},
	{0}};
static const struct cli_opt o_loss[] = {
	{"person", "ID", "the infant's (or pregnancy's) record", 1},
	{"kind", "KIND", "pregnancy_loss, stillbirth or infant_death", 1},
	{"date", "DATE", "the date of the loss", 1},
	{"care-status", "CODE", "care status of the family's other infants, when a referral ends and there are any", 0},
	{"risk-action", "TEXT", "the action taken on a risk flag still open on a referral that ends", 0},
	{0}};
static const struct cli_opt o_pract[] = {
	{"name", "NAME", "the practitioner's name", 1},
	{"profession", "CODE", "psychotherapist, clinical_psychologist, specialist_health_visitor, health_visitor, nurse, midwife, nursery_nurse, social_worker, family_therapist, admin or other", 1},
	{0}};
static const struct cli_opt o_ref_add[] = {
	{"family", "ID", "the family referred", 1},
	{"infant", "ID", "the infant (or pregnancy) referred", 1},
	{"other-infants", "IDS", "further infants of the family on the same referral (twins, triplets), e.g. 3,4", 0},
	{"caregiver", "ID", "the caregiver referred with the infant", 0},
	{"received", "DATE", "date the referral was received (YYYY-MM-DD or today)", 1},
	{"source", "SOURCE", "midwife, health_visitor, gp, social_care, perinatal_mental_health, family_nurse, childrens_centre, self or other", 1},
	{"programme", "NAME", "the programme the referral is for (a [programme NAME] of the rules file)", 0},
	{"first-time-parent", "yes|no", "whether the referred caregiver is a first-time parent", 0},
	{"allow-duplicate", NULL, "log it even though the infant or caregiver has an open referral", 0},
	{"previous", "ID", "a re-referral: the family's earlier (closed) referral it follows", 0},
	{0}};
static const struct cli_opt o_ref_reopen[] = {
	{"referral", "ID", "the discharged referral", 1},
	{"date", "DATE", "the day it is reopened: within $DYAD_REOPEN_WINDOW_DAYS (default 28) of the discharge", 1},
	{"reason", "TEXT", "why it is reopened", 1},
	{0}};
static const struct cli_opt o_ref_check[] = {
	{"referral", "ID", "the referral to check", 1},
	{"programme", "NAME", "check against this programme's rules too (default: the referral's programme)", 0},
	{"rules", "FILE", "eligibility rules (default $DYAD_RULES, else ./eligibility.ini, else built-in defaults)", 0},
	{0}};
static const struct cli_opt o_ref_triage[] = {
	{"referral", "ID", "the referral to triage", 1},
	{"decision", "DECISION", "accepted, declined or signposted", 1},
	{"date", "DATE", "the day of the decision (YYYY-MM-DD or today)", 1},
	{"reason", "TEXT", "why it is declined (needed to decline); a note otherwise", 0},
	{"service", "NAME", "the service the family is signposted to (needed to signpost)", 0},
	{"override", "RULE:REASON", "accept despite a failed rule (infant_age, pregnancy, area, caregiver_age, first_time_parent), with the reason; once (use the --override-RULE options for more)", 0},
	{"override-infant-age", "REASON", "override the infant age rule, with the reason", 0},
	{"override-pregnancy", "REASON", "override the pregnancy rule, with the reason", 0},
	{"override-area", "REASON", "override the area rule, with the reason", 0},
	{"override-caregiver-age", "REASON", "override the caregiver age rule, with the reason", 0},
	{"override-first-time-parent", "REASON", "override the first-time parent rule, with the reason", 0},
	{"rules", "FILE", "eligibility rules (default $DYAD_RULES, else ./eligibility.ini, else built-in defaults)", 0},
	{0}};
static const struct cli_opt o_ref_move[] = {
	{"referral", "ID", "the referral", 1},
	{"to", "STATE", "assessed, awaiting_intervention or in_intervention", 1},
	{"date", "DATE", "the day of the move (YYYY-MM-DD or today)", 1},
	{"reason", "TEXT", "a note on the move", 0},
	{0}};
static const struct cli_opt o_retention_review[] = {
	{"as-of", "DATE", "the day to review for (default today): families whose date is on or before it", 0},
	{0}};
static const struct cli_opt o_ref_history[] = {{"referral", "ID", "the referral", 1}, {0}};
static const struct cli_opt o_waiting[] = {
	{"as-of", "DATE", "the day to compute the clocks for (default today)", 0},
	{"breach-within", "N", "only those already breached or breaching within N days (0: breached only)", 0},
	{"target-a", "TARGET", "referral to assessment target, e.g. \"14 days\" (default), \"2 weeks\"", 0},
	{"target-b", "TARGET", "assessment to intervention target, e.g. \"1 month\" (default), \"28 days\"", 0},
	{"order", "ORDER", "urgency (default: most urgent first) or safeguarding (child protection plan, edge of care"
	 " and looked after first, each group most urgent first)", 0},
	{0}};
#define REPORT_FORMATS "table (default), json, csv or html"
static const struct cli_opt o_report_waiting[] = {
	{"from", "DATE", "first day of the period", 1},
	{"to", "DATE", "last day of the period", 1},
	{"target-a", "TARGET", "referral to assessment target, e.g. \"14 days\" (default)", 0},
	{"target-b", "TARGET", "assessment to intervention target, e.g. \"1 month\" (default)", 0},
	{"publish", NULL, "suppress small numbers for publication (counts 1 to 4 as *; docs/reports.md)", 0},
	{"team", "CODE", "only the families of this team (default: every team the database holds)", 0},
	{0}};
static const struct cli_opt o_report[] = {
	{"from", "DATE", "first day of the period (episodes discharged from this day)", 1},
	{"to", "DATE", "last day of the period", 1},
	{"publish", NULL, "suppress small numbers for publication (counts 1 to 4 as *; docs/reports.md)", 0},
	{"team", "CODE", "only the families of this team (default: every team the database holds)", 0},
	{0}};
static const struct cli_opt o_report_equity[] = {
	{"from", "DATE", "first day of the period (referrals received, decided, or discharged from this day)", 1},
	{"to", "DATE", "last day of the period", 1},
	{"publish", NULL, "suppress small numbers for publication (counts 1 to 4 as *; docs/reports.md)", 0},
	{"team", "CODE", "only the families of this team (default: every team the database holds)", 0},
	{0}};
static const struct cli_opt o_report_quarter[] = {
	{"quarter", "YYYYQN", "the quarter, like 2026Q3 (July to September 2026)", 0},
	{"from", "DATE", "first day of the period, instead of --quarter", 0},
	{"to", "DATE", "last day of the period, instead of --quarter", 0},
	{"publish", NULL, "suppress small numbers for publication (counts 1 to 4 as *; docs/reports.md)", 0},
	{"team", "CODE", "only the families of this team (default: every team the database holds)", 0},
	{0}};
static const struct cli_opt o_ref_list[] = {
	{"family", "ID", "only this family's referrals", 0},
	{"state", "STATE", "only referrals in this state: received, awaiting_assessment, declined, signposted, assessed,"
	                   " awaiting_intervention, in_intervention or discharged", 0},
	{"open", NULL, "only open referrals (received up to in_intervention)", 0},
	{"limit", "N", "at most N rows (default 50)", 0},
	{"offset", "N", "skip the first N rows", 0},
	{"all", NULL, "every row, however many", 0},
	{0}};
static const struct cli_opt o_family_show[] = {{"family", "ID", "the family", 1}, {0}};
static const struct cli_opt o_ref_show[] = {{"referral", "ID", "the referral", 1}, {0}};
static const struct cli_opt o_contact[] = {
	{"referral", "ID", "the referral (episode) the contact belongs to", 1},
	{"date", "DATE", "date of the contact (YYYY-MM-DD or today)", 1},
	{"kind", "KIND", "assessment, intervention, review, group, consultation or other", 1},
	{"intervention", "CODE", "for an intervention or group contact: a code of the team's catalogue (dyad interventions list)", 0},
	{"interventions", "FILE", "the intervention catalogue (default $DYAD_INTERVENTIONS, else the built-in config/interventions.ini)", 0},
	{"location", "PLACE", "home, clinic, gp, childrens_centre, video or phone", 1},
	{"attendance", "CODE", "attended, did_not_attend, cancelled_by_family or cancelled_by_service", 1},
	{"duration", "MINUTES", "length in minutes", 0},
	{"practitioners", "IDS", "practitioners present, e.g. 2,5", 0},
	{"attendees", "IDS", "family members present, e.g. 11,12", 0},
	{0}};
static const struct cli_opt o_contact_list[] = {{"referral", "ID", "the referral", 1}, {0}};
static const struct cli_opt o_sg_set[] = {
	{"infant", "ID", "the infant", 1},
	{"status", "STATUS", "none, early_help, child_in_need, child_protection_plan, edge_of_care or looked_after", 1},
	{"from", "DATE", "the date the status began", 1},
	{0}};
static const struct cli_opt o_sg_hist[] = {{"infant", "ID", "the infant", 1}, {0}};
static const struct cli_opt o_discharge[] = {
	{"referral", "ID", "the referral to discharge", 1},
	{"date", "DATE", "discharge date", 1},
	{"reason", "REASON", "planned_ending, disengaged, moved_away, transferred, other, signposted or bereavement", 1},
	{"care-status", "STATUS", "each infant's care status: with_birth_family, reunited, in_care, adopted, other or died; one for all, or INFANT:STATUS,...", 1},
	{"risk-action", "TEXT", "the action taken on any risk flag not yet acknowledged (needed when there is one)", 0},
	{"transferred-to", "TEAM", "with --reason transferred (then required): the team the family is transferred to", 0},
	{0}};
static const struct cli_opt o_measure[] = {
	{"referral", "ID", "the referral", 1},
	{"instrument", "ID", "instrument id, e.g. phq9 (see `dyad instruments list`)", 1},
	{"timepoint", "WHEN", "baseline, review, end or followup", 1},
	{"date", "DATE", "date completed", 1},
	{"responses", "VALUES", "item values separated by ';' (empty for a missing item)", 1},
	{"respondent", "ID", "the caregiver who completed it (default: the subject's caregiver, else the referral's)", 0},
	{"person", "ID", "same as --respondent (older name)", 0},
	{"practitioner", "ID", "the practitioner who rated it (needed for clinician- and observer-rated measures)", 0},
	{"subject", "WHO", "caregiver, infant or pair (default: what the instrument is about)", 0},
	{"caregiver", "ID", "the caregiver it is about (default: the respondent, else the referral's caregiver)", 0},
	{"infant", "ID", "the infant it is about (default: the referral's infant; required when it covers several)", 0},
	{"instruments", "DIR", "instrument definitions (default $DYAD_INSTRUMENTS, else the built-in folder)", 0},
	{0}};
static const struct cli_opt o_instr_dir[] = {
	{"instruments", "DIR", "instrument definitions (default $DYAD_INSTRUMENTS, else the built-in folder)", 0},
	{0}};
static const struct cli_opt o_measure_ack[] = {{"measure", "ID", "the measure whose risk flags you have reviewed", 1},
	{"action", "TEXT", "the action you took (required): e.g. who you spoke to and what was agreed", 1}, {0}};
static const struct cli_opt o_overdue[] = {
	{"overdue-by", "DAYS", "only pregnancies at least this many days past their EDD (default 1)", 0}, {0}};
static const struct cli_opt o_risks[] = {
	{"older-than", "DAYS", "list open flags raised on measures at least this many days old (default 2)", 0}, {0}};
static const struct cli_opt o_measure_list[] = {{"referral", "ID", "the referral", 1}, {0}};
static const struct cli_opt o_score[] = {
	{"responses", "VALUES", "item values separated by ';' (empty for a missing item)", 1},
	{"age-months", "N", "the infant's corrected age in months (ASQ:SE-2)", 0},
	{"table", "NAME=FILE", "a local table for this run, e.g. intervals=asqse2-intervals.csv", 0},
	{"instruments", "DIR", "instrument definitions (default $DYAD_INSTRUMENTS, else the built-in folder)", 0},
	{0}};
static const struct cli_opt o_change[] = {
	{"referral", "ID", "the referral (episode of care)", 1},
	{"instruments", "DIR", "instrument definitions (default $DYAD_INSTRUMENTS, else the built-in folder)", 0},
	{0}};
static const struct cli_opt o_goal_add[] = {
	{"referral", "ID", "the referral", 1},
	{"text", "TEXT", "the goal in the family's own words", 1},
	{"date", "DATE", "the date the goal was set (default today)", 0},
	{0}};
static const struct cli_opt o_goal_rate[] = {
	{"goal", "ID", "the goal", 1},
	{"date", "DATE", "the date of the rating", 1},
	{"rating", "N", "how close the family feels to the goal, 0 (not at all) to 10 (reached)", 1},
	{0}};
static const struct cli_opt o_goal_list[] = {{"referral", "ID", "the referral", 1}, {0}};
static const struct cli_opt o_note_add[] = {
	{"referral", "ID", "the referral (episode of care) the note belongs to", 1},
	{"kind", "KIND", "contact, assessment_formulation, safeguarding, supervision, telephone or other", 1},
	{"text", "TEXT", "the note (up to 20,000 characters); or --file", 0},
	{"file", "FILE", "read the note from this UTF-8 text file instead of --text", 0},
	{"contact", "ID", "the contact the note is about (one of the referral's)", 0},
	{"sign", NULL, "sign it now: a signed note can never be changed, only followed by an addendum", 0},
	{0}};
static const struct cli_opt o_note_edit[] = {
	{"note", "ID", "your draft note", 1},
	{"text", "TEXT", "the note's new words; or --file", 0},
	{"file", "FILE", "read the new words from this file instead of --text", 0},
	{"kind", "KIND", "a new kind (default: unchanged)", 0},
	{0}};
static const struct cli_opt o_note_id[] = {{"note", "ID", "the note", 1}, {0}};
static const struct cli_opt o_note_addendum[] = {
	{"note", "ID", "the signed note the addendum follows", 1},
	{"text", "TEXT", "the addendum's words; or --file", 0},
	{"file", "FILE", "read the addendum from this file instead of --text", 0},
	{0}};
static const struct cli_opt o_note_error[] = {
	{"note", "ID", "the signed note entered in error", 1},
	{"reason", "TEXT", "why it was entered in error, e.g. \"written on the wrong family's record\"", 1},
	{0}};
static const struct cli_opt o_note_list[] = {
	{"referral", "ID", "the referral", 1},
	{"all", NULL, "also notes entered in error (kept, hidden by default)", 0},
	{0}};

static const struct cli_opt o_serve[] = {
	{"listen", "HOST:PORT", "address to listen on (default 127.0.0.1:8080; port 0 picks a free one)", 0},
	{"tls-cert", "FILE", "PEM certificate: serve HTTPS (with --tls-key)", 0},
	{"tls-key", "FILE", "PEM private key for --tls-cert", 0},
	{"threads", "N", "worker threads, each with its own database connection (default 4)", 0},
	{"max-connections", "N", "connections open at once (default 512)", 0},
	{"idle-timeout", "SECONDS", "close a connection idle this long (default 30)", 0},
	{"instruments", "DIR", "instrument definitions (default $DYAD_INSTRUMENTS, else the built-in folder)", 0},
	{"quiet", NULL, "no access log on stderr", 0},
	{0}};
static const struct cli_opt o_user_add[] = {
	{"name", "NAME", "the sign-in name (lower-case letters, digits, . _ -)", 1},
	{"display", "TEXT", "the person's name as shown on pages (default: NAME)", 0},
	{"role", "ROLES", "admin, manager, clinician, admin_staff, analyst (several comma-separated) or network (alone)", 1},
	{"team", "CODES", "the teams they work in (a network user: whose figures it sees), by code, comma-separated (default: the database's team)", 0},
	{0}};
static const struct cli_opt o_user_name[] = {{"name", "NAME", "the user", 1}, {0}};
static const struct cli_opt o_session_list[] = {{"user", "NAME", "only this user's sessions", 0}, {0}};
static const struct cli_opt o_token[] = {
	{"user", "NAME", "the user the token acts as", 1},
	{"expires", "DATE", "the last day the token works (YYYY-MM-DD)", 1},
	{0}};
static const struct cli_opt o_team_add[] = {
	{"code", "CODE", "a short code for the team", 1},
	{"name", "NAME", "the team's name", 1},
	{0}};
static const struct cli_opt o_audit_show[] = {
	{"family", "ID", "the family", 1},
	{"limit", "N", "at most N entries, newest first (default 100)", 0},
	{0}};

static const struct cli_opt o_interventions[] = {
	{"interventions", "FILE", "the intervention catalogue (default $DYAD_INTERVENTIONS, else the built-in config/interventions.ini)", 0},
	{0}};
static const struct cli_opt o_careplan_add[] = {
	{"referral", "ID", "the referral (episode) the plan is for", 1},
	{"intervention", "CODE", "an intervention of the catalogue (dyad interventions list)", 1},
	{"start", "DATE", "the day it starts, or is planned to start", 1},
	{"sessions", "N", "sessions planned (default: the catalogue's planned_sessions)", 0},
	{"practitioners", "IDS", "who delivers it: one practitioner, or a co-working pair (1,2); at most 4", 1},
	{"goals", "IDS", "the referral's goals it works towards (dyad goal list)", 0},
	{"status", "STATUS", "planned (default) or active", 0},
	{"interventions", "FILE", "the intervention catalogue (default $DYAD_INTERVENTIONS, else the built-in config/interventions.ini)", 0},
	{0}};
static const struct cli_opt o_careplan_move[] = {
	{"plan", "ID", "the plan", 1},
	{"to", "STATUS", "active, completed or stopped_early", 1},
	{"date", "DATE", "the day of the move", 1},
	{"reason", "TEXT", "why it stopped early (needed for stopped_early)", 0},
	{0}};
static const struct cli_opt o_careplan_list[] = {{"referral", "ID", "the referral", 1}, {0}};
static const struct cli_opt o_video_start[] = {
	{"referral", "ID", "the referral (episode) the family is seen on", 1},
	{"intervention", "CODE", "the video intervention of the catalogue, e.g. video_interaction_guidance, vipp_sd", 1},
	{"question", "TEXT", "the helping question the family chose, in their words (one line)", 1},
	{"date", "DATE", "the day the cycle starts", 1},
	{"interventions", "FILE", "the intervention catalogue (default $DYAD_INTERVENTIONS, else the built-in config/interventions.ini)", 0},
	{0}};
static const struct cli_opt o_video_link[] = {
	{"cycle", "ID", "the cycle (dyad video list)", 1},
	{"contact", "ID", "an attended contact of the referral naming the cycle's intervention", 1},
	{"step", "STEP", "filming or review", 1},
	{0}};
static const struct cli_opt o_letter_make[] = {
	{"referral", "ID", "the referral the letter is about", 1},
	{"kind", "KIND", "acknowledgement, decision (after triage) or discharge (after discharge)", 1},
	{"to", "WHO", "referrer (default), gp or health_visitor", 0},
	{"templates", "DIR", "the letter templates (default $DYAD_LETTERS, else the built-in config/letters)", 0},
	{0}};
static const struct cli_opt o_feedback_add[] = {
	{"referral", "ID", "the discharged referral the family's answers are about", 1},
	{"answers", "LIST", "one answer code per question in order, ';'-separated, empty for a question skipped (e.g. \"yes;partly;;yes\")", 1},
	{"date", "DATE", "the day the family answered (default today)", 0},
	{"questionnaire", "FILE", "the feedback questionnaire (default $DYAD_FEEDBACK, else the built-in config/feedback.ini)", 0},
	{0}};
static const struct cli_opt o_feedback_list[] = {
	{"from", "DATE", "first day answered (default: all)", 0},
	{"to", "DATE", "last day answered (default: all)", 0},
	{0}};
static const struct cli_opt o_report_feedback[] = {
	{"from", "DATE", "first day of the period (response sets answered from this day)", 1},
	{"to", "DATE", "last day of the period", 1},
	{"publish", NULL, "suppress small numbers for publication (counts 1 to 4 as *; docs/reports.md)", 0},
	{"team", "CODE", "only the families of this team (default: every team the database holds)", 0},
	{0}};
static const struct cli_opt o_group_add[] = {
	{"intervention", "CODE", "a group intervention of the catalogue (mode group), e.g. circle_of_security", 1},
	{"starts", "DATE", "the day of the first session", 1},
	{"sessions", "N", "sessions in the run (default: the catalogue's planned_sessions)", 0},
	{"venue", "TEXT", "where it meets, e.g. \"Meadows Children's Centre\"", 1},
	{"location", "PLACE", "the kind of place: home, clinic, gp, childrens_centre, video or phone", 1},
	{"capacity", "N", "places in the run (1-100)", 1},
	{"facilitators", "IDS", "the practitioners who run it (1-4)", 1},
	{"interventions", "FILE", "the intervention catalogue (default $DYAD_INTERVENTIONS, else the built-in config/interventions.ini)", 0},
	{0}};
static const struct cli_opt o_group_enrol[] = {
	{"run", "ID", "the group run", 1},
	{"referral", "ID", "the caregiver's referral (accepted and open)", 1},
	{"caregiver", "ID", "the caregiver who joins", 1},
	{0}};
static const struct cli_opt o_group_wait[] = {
	{"intervention", "CODE", "the group programme they wait for", 1},
	{"referral", "ID", "the caregiver's referral (accepted and open)", 1},
	{"caregiver", "ID", "the caregiver who waits", 1},
	{"interventions", "FILE", "the intervention catalogue (default $DYAD_INTERVENTIONS, else the built-in config/interventions.ini)", 0},
	{0}};
static const struct cli_opt o_group_session[] = {
	{"run", "ID", "the group run", 1},
	{"number", "N", "which session of the run (1 to its sessions)", 1},
	{"date", "DATE", "the day it took place", 1},
	{"attended", "IDS", "the enrolled caregivers present (every other enrolled caregiver did not attend)", 0},
	{"duration", "MINUTES", "length in minutes", 0},
	{0}};
static const struct cli_opt o_group_show[] = {
	{"run", "ID", "the group run", 1},
	{"interventions", "FILE", "the intervention catalogue (default $DYAD_INTERVENTIONS, else the built-in config/interventions.ini)", 0},
	{0}};
static const struct cli_opt o_group_waiting[] = {
	{"intervention", "CODE", "only those waiting for this programme", 0},
	{0}};

static const struct cli_opt o_report_workforce[] = {
	{"from", "DATE", "first day of the period (activity dated from this day)", 1},
	{"to", "DATE", "last day of the period (at most 24 months)", 1},
	{"publish", NULL, "suppress small numbers for publication (counts 1 to 4 as *; docs/reports.md)", 0},
	{"team", "CODE", "only this team's work (default: the database's team)", 0},
	{0}};
#define WF_PROFESSIONS "midwife, health_visitor, family_nurse, nurse, social_worker, gp, perinatal_mental_health, " \
	"early_years, childrens_centre, psychologist or other"
static const struct cli_opt o_training_add[] = {
	{"course", "TEXT", "the course's name, e.g. \"Circle of Security awareness\"", 1},
	{"date", "DATE", "the day it ran", 1},
	{"hours", "HOURS", "its length in hours, more than 0 and at most 24, one decimal at most (e.g. 2.5)", 1},
	{"trainers", "IDS", "the team's practitioners who delivered it (1-6)", 1},
	{"attendees", "ROWS", "who came, counted: PROFESSION:ORGANISATION:COUNT rows separated by ';', e.g."
	 " \"health_visitor:Northtown HV:12;midwife:City Hospital:3\" (professions: " WF_PROFESSIONS ")", 1},
	{"named", "TEXT", "attendees' names, if the team keeps them (personal data: never in reports)", 0},
	{0}};
static const struct cli_opt o_wf_list[] = {
	{"from", "DATE", "only records dated from this day", 0},
	{"to", "DATE", "only records dated up to this day", 0},
	{0}};
static const struct cli_opt o_consultation_add[] = {
	{"date", "DATE", "the day of the consultation", 1},
	{"practitioner", "ID", "the team's practitioner who gave it", 1},
	{"profession", "CODE", "the profession of who consulted: " WF_PROFESSIONS, 1},
	{"organisation", "TEXT", "their organisation, e.g. \"Northtown Health Visiting\"", 1},
	{"family", "ID", "the family discussed, when it is one of the team's", 0},
	{"advice", "TEXT", "the advice given", 1},
	{"follow-up", "TEXT", "the follow-up agreed", 0},
	{"follow-up-on", "DATE", "the day of the follow-up", 0},
	{0}};
static const struct cli_opt o_supervision_add[] = {
	{"date", "DATE", "the day of the session", 1},
	{"practitioner", "ID", "the team's practitioner who gave it", 1},
	{"profession", "CODE", "the profession of those supervised: " WF_PROFESSIONS, 1},
	{"organisation", "TEXT", "their organisation", 1},
	{"service", "TEXT", "the service they work in, e.g. \"Health visiting\"", 1},
	{"mode", "MODE", "individual or group", 1},
	{"supervised", "N", "people supervised (1 for individual; default 1)", 0},
	{"duration", "MINUTES", "the session's length, 1 to 600 minutes", 1},
	{"supervisee", "TEXT", "their name(s), if the team keeps them (personal data: never in reports)", 0},
	{0}};

static const struct cli_opt o_appt_book[] = {
	{"referral", "ID", "the referral (episode) the appointment is for", 1},
	{"date", "DATE", "the day (YYYY-MM-DD or today; not a day already past)", 1},
	{"time", "HH:MM", "the start time, 24-hour", 1},
	{"duration", "MINUTES", "its length in minutes, 5 to 600 (default 60)", 0},
	{"kind", "KIND", "assessment, intervention, review, group, consultation or other", 1},
	{"intervention", "CODE", "for interventions: e.g. parent_infant_psychotherapy, video_interaction_guidance", 0},
	{"location", "PLACE", "home, clinic, gp, childrens_centre, video or phone", 1},
	{"practitioners", "IDS", "who will see the family (at least one), e.g. 2,5", 1},
	{"attendees", "IDS", "family members expected, e.g. 11,12", 0},
	{"interventions", "FILE", "the intervention catalogue (default $DYAD_INTERVENTIONS, else the built-in config/interventions.ini)", 0},
	{0}};
static const struct cli_opt o_appt_list[] = {{"referral", "ID", "the referral", 1}, {0}};
static const struct cli_opt o_appt_id[] = {{"appointment", "ID", "the appointment", 1}, {0}};
static const struct cli_opt o_appt_outcome[] = {
	{"appointment", "ID", "the booked appointment", 1},
	{"outcome", "CODE", "attended or did_not_attend (on or after its day); cancelled_by_family or cancelled_by_service", 1},
	{0}};
static const struct cli_opt o_appt_cancel[] = {
	{"appointment", "ID", "the booked appointment", 1},
	{"by", "WHO", "family or service: who cancelled it", 1},
	{0}};
static const struct cli_opt o_appt_move[] = {
	{"appointment", "ID", "the booked appointment", 1},
	{"date", "DATE", "the new day (not a day already past)", 1},
	{"time", "HH:MM", "the new start time (default: the same)", 0},
	{"duration", "MINUTES", "the new length (default: the same)", 0},
	{0}};
static const struct cli_opt o_diary[] = {
	{"practitioner", "ID", "whose diary (default: the whole team's)", 0},
	{"week", "DATE", "the week (Monday to Sunday) holding this day (default: this week)", 0},
	{"day", "DATE", "just this day", 0},
	{0}};
static const struct cli_opt o_diary_ics[] = {
	{"practitioner", "ID", "whose diary (default: the whole team's)", 0},
	{"from", "DATE", "first day (default: Monday of this week)", 0},
	{"to", "DATE", "last day (default: 8 weeks on; at most 62 days)", 0},
	{0}};

static const struct cli_opt o_person_correct[] = {
	{"person", "ID", "the person whose record is corrected", 1},
	{"reason", "TEXT", "why: one line, kept with the earlier value", 1},
	{"given-name", "NAME", "given name", 0},
	{"family-name", "NAME", "family name", 0},
	{"dob", "DATE", "date of birth, YYYY-MM-DD (\"\" to clear, for an unborn infant)", 0},
	{"edd", "DATE", "estimated date of delivery", 0},
	{"gestation-weeks", "N", "gestation at birth in weeks (22-44)", 0},
	{"nhs-number", "NUMBER", "10-digit NHS number (spaces allowed)", 0},
	{"sex", "SEX", "female, male, indeterminate or unknown", 0},
	{"ethnicity", "CODE", "NHS ethnic category letter (A-S, Z not stated)", 0},
	{"postcode", "POSTCODE", "home postcode", 0},
	{"imd-decile", "N", "deprivation decile, 1 to 10", 0},
	{"relationship", "REL", "caregivers: mother, father, partner, ...", 0},
	{0}};
static const struct cli_opt o_corr_revert[] = {
	{"correction", "ID", "the correction to undo (dyad history)", 1},
	{"reason", "TEXT", "why it is undone", 1},
	{0}};
static const struct cli_opt o_history[] = {
	{"person", "ID", "one person's corrections", 0},
	{"family", "ID", "every correction of the family's records", 0},
	{0}};
static const struct cli_opt o_family_merge[] = {
	{"keep", "ID", "the family kept: it receives every record", 1},
	{"merge", "ID", "the family merged: kept only as a tombstone pointing to --keep", 1},
	{"reason", "TEXT", "why the two are one family", 1},
	{0}};

/* Corrections of referrals, contacts and measures; entered in error (docs/corrections.md). */
#define CORR_REASON {"reason", "TEXT", "why: one line, kept with the earlier value", 1}
static const struct cli_opt o_ref_correct[] = {
	{"referral", "ID", "the referral corrected", 1}, CORR_REASON,
	{"received", "DATE", "the date the referral was received, YYYY-MM-DD (the clocks follow)", 0},
	{"source", "CODE", "where the referral came from (a source code)", 0},
	{"programme", "CODE", "the programme it was referred to, lower-case letters, digits and '_' (\"\" for none)", 0},
	{"first-time-parent", "ANSWER", "is the caregiver a first-time parent: yes, no or \"\" (not known)", 0},
	{"infant", "ID", "the infant referred: an infant of the family (not one with another open referral)", 0},
	{"caregiver", "ID", "the caregiver referred: a caregiver of the family, \"\" for none (not one with another open referral)", 0},
	{0}};
static const struct cli_opt o_contact_correct[] = {
	{"contact", "ID", "the contact corrected", 1}, CORR_REASON,
	{"date", "DATE", "the day it took place (the clocks follow)", 0},
	{"kind", "KIND", "assessment, intervention, group, review, ...", 0},
	{"location", "PLACE", "where it took place", 0},
	{"attendance", "CODE", "attended, did_not_attend, cancelled_by_family, ...", 0},
	{"duration", "MIN", "minutes, 0 to 600 (\"\" for unknown)", 0},
	{"intervention", "CODE", "for an intervention or group contact: a code of the team's catalogue (dyad interventions list; \"\" for none)", 0},
	{"practitioners", "IDS", "the practitioners present, e.g. 2,5 (the whole list; \"\" for none)", 0},
	{"attendees", "IDS", "the family members present, e.g. 11,12 (the whole list; \"\" for none)", 0},
	{0}};
static const struct cli_opt o_measure_correct[] = {
	{"measure", "ID", "the measure corrected", 1}, CORR_REASON,
	{"date", "DATE", "the day it was completed", 0},
	{"respondent", "ID", "the person who completed it", 0},
	{"responses", "LIST", "the item answers separated by ';' (scored again)", 0},
	{0}};
static const struct cli_opt o_ref_error[] = {{"referral", "ID", "the referral entered in error", 1}, CORR_REASON, {0}};
static const struct cli_opt o_contact_error[] = {{"contact", "ID", "the contact entered in error", 1}, CORR_REASON, {0}};
static const struct cli_opt o_measure_error[] = {{"measure", "ID", "the measure entered in error", 1}, CORR_REASON, {0}};
static const struct cli_opt o_sg_correct[] = {
	{"safeguarding", "ID", "the safeguarding period corrected (dyad safeguarding history)", 1}, CORR_REASON,
	{"status", "STATUS", "the status (a safeguarding code)", 0},
	{"from", "DATE", "the day the status began", 0},
	{"to", "DATE", "the day it ended (\"\" for a current status: one per infant at most)", 0},
	{0}};
static const struct cli_opt o_family_correct[] = {
	{"family", "ID", "the family whose record is corrected", 1}, CORR_REASON,
	{"created-on", "DATE", "the day the family's record was opened", 0},
	{0}};
static const struct cli_opt o_family_error[] = {
	{"family", "ID", "the family record entered in error", 1}, CORR_REASON, {0}};
static const struct cli_opt o_sg_error[] = {
	{"safeguarding", "ID", "the safeguarding period entered in error", 1}, CORR_REASON, {0}};
#undef CORR_REASON

static const struct cli_opt o_migrate_store[] = {
	{"from", "PATH", "the team's SQLite database, at this dyad's schema version (it is only read)", 1},
	{"to", "URL", "the new database: postgresql://... with no team and no records yet (or a new SQLite path)", 1},
	{0}};

const struct cli_command cli_commands[] = {
	{"init", NULL, NULL, 0, "Create the database, or upgrade it to this version of dyad; safe to run again.", o_init, cmd_init, CLI_DB_CREATE, NULL},
	{"demo", NULL, NULL, 0, "Add synthetic families (no real people) to a new, empty database, marked as a demo.", o_demo, cmd_demo, CLI_DB_CREATE, NULL},
	{"import", NULL, "DIR", 1, "Import a team's CSV files from DIR, all or nothing (see docs/csv.md).", o_none, cmd_import, CLI_DB_CREATE, NULL},
	{"export", NULL, "DIR", 1, "Export the team's data as CSV files into the new folder DIR, all or nothing (see docs/csv.md).", o_export, cmd_export, CLI_DB_WRITE, NULL},
	{"backup", NULL, "FILE", 1, "Copy the database, while others work, into the new file FILE: private and verified (docs/operations.md).", o_none, cmd_backup, CLI_DB_WRITE, NULL},
	{"restore", NULL, "FILE", 1, "Replace the database with the backup FILE (refused over records without --force).", o_restore, cmd_restore, CLI_DB_NONE, NULL},
	{"doctor", NULL, NULL, 0, "Check that the database, its exports and backups are private to their owner.", o_doctor, cmd_doctor, CLI_DB_NONE, NULL},
	{"family", "add", NULL, 0, "Create a new family record.", o_none, cmd_family_add, CLI_DB_WRITE, NULL},
	{"family", "show", NULL, 0, "Show a family: safeguarding and unacknowledged risk first, then people and referrals.", o_family_show, cmd_family_show, CLI_DB_READ, NULL},
	{"family", "list", NULL, 0, "List families.", o_list, cmd_family_list, CLI_DB_READ, NULL},
	{"caseload", NULL, NULL, 0, "The team's caseload: families accepted and not discharged.", o_caseload, cmd_caseload, CLI_DB_READ, NULL},
	{"person", "add", NULL, 0, "Add a caregiver or an infant (born or unborn) to a family.", o_person, cmd_person_add, CLI_DB_WRITE, NULL},
	{"person", "birth", NULL, 0, "Record the birth of an unborn infant, keeping their record.", o_birth, cmd_person_birth, CLI_DB_WRITE, NULL},
	{"person", "loss", NULL, 0, "Record a pregnancy loss, a stillbirth or an infant's death: the referral ends, nothing more is asked.", o_loss, cmd_person_loss, CLI_DB_WRITE, NULL},
	{"practitioner", "add", NULL, 0, "Add a member of the team.", o_pract, cmd_practitioner_add, CLI_DB_WRITE, NULL},
	{"practitioner", "list", NULL, 0, "List the team's practitioners.", o_none, cmd_practitioner_list, CLI_DB_READ, NULL},
	{"referral", "add", NULL, 0, "Log a referral (opens an episode of care).", o_ref_add, cmd_referral_add, CLI_DB_WRITE, NULL},
	{"referral", "list", NULL, 0, "List referrals.", o_ref_list, cmd_referral_list, CLI_DB_READ, NULL},
	{"referral", "show", NULL, 0, "Show a referral: safeguarding and unacknowledged risk first, then its state, contacts, measures and outcome.", o_ref_show, cmd_referral_show, CLI_DB_READ, NULL},
	{"referral", "check", NULL, 0, "Check a referral against the eligibility rules, with every reason.", o_ref_check, cmd_referral_check, CLI_DB_READ, NULL},
	{"referral", "triage", NULL, 0, "Accept, decline or signpost a received referral.", o_ref_triage, cmd_referral_triage, CLI_DB_WRITE, NULL},
	{"referral", "move", NULL, 0, "Move a referral along its pathway (assessed, awaiting/in intervention).", o_ref_move, cmd_referral_move, CLI_DB_WRITE, NULL},
	{"referral", "reopen", NULL, 0, "Reopen a referral discharged within the reopening window, with the reason.", o_ref_reopen, cmd_referral_reopen, CLI_DB_WRITE, NULL},
	{"referral", "history", NULL, 0, "A referral's state changes, with dates and users, and its overrides.", o_ref_history, cmd_referral_history, CLI_DB_READ, NULL},
	{"waiting", NULL, NULL, 0, "Everyone waiting for assessment or intervention, most urgent first.", o_waiting, cmd_waiting, CLI_DB_READ, NULL},
	{"report", "waiting", NULL, 0, "Waiting times against the two standards over a period, and by month.", o_report_waiting, cmd_report_waiting, CLI_DB_READ, REPORT_FORMATS},
	{"report", "outcomes", NULL, 0, "Pre/post outcomes per scale with paired t and Wilcoxon tests, episodes discharged in a period.", o_report, cmd_report_outcomes, CLI_DB_READ, REPORT_FORMATS},
	{"report", "completeness", NULL, 0, "Per instrument, the share of eligible episodes with a baseline, an end and both.", o_report, cmd_report_completeness, CLI_DB_READ, REPORT_FORMATS},
	{"report", "safeguarding", NULL, 0, "Safeguarding status at referral against at discharge, and care status at discharge.", o_report, cmd_report_safeguarding, CLI_DB_READ, REPORT_FORMATS},
	{"report", "activity", NULL, 0, "Referrals by source and month, decisions, contacts and DNA rate, caseload at the period's end.", o_report, cmd_report_activity, CLI_DB_READ, REPORT_FORMATS},
	{"report", "equity", NULL, 0, "Referrals, acceptance, completeness and reliable improvement by deprivation, ethnic group and caregiver.", o_report_equity, cmd_report_equity, CLI_DB_READ, REPORT_FORMATS},
	{"report", "quarterly", NULL, 0, "The commissioner's quarterly report: waiting, outcomes, completeness, safeguarding, activity and equity.", o_report_quarter, cmd_report_quarterly, CLI_DB_READ, REPORT_FORMATS},
	{"report", "workforce", NULL, 0, "The team's work with the wider workforce by month: people trained by profession and course, consultations by organisation, supervision hours.", o_report_workforce, cmd_report_workforce, CLI_DB_READ, REPORT_FORMATS},
	{"training", "add", NULL, 0, "Record a training event the team ran: course, day, hours, trainers, attendees by profession and organisation.", o_training_add, cmd_training_add, CLI_DB_WRITE, NULL},
	{"training", "list", NULL, 0, "The team's training events, oldest first, with attendees counted.", o_wf_list, cmd_training_list, CLI_DB_READ, NULL},
	{"consultation", "add", NULL, 0, "Record a consultation given to another professional: who, about which family if ours, advice, follow-up.", o_consultation_add, cmd_consultation_add, CLI_DB_WRITE, NULL},
	{"consultation", "list", NULL, 0, "The consultations the team gave, oldest first.", o_wf_list, cmd_consultation_list, CLI_DB_READ, NULL},
	{"supervision", "add", NULL, 0, "Record reflective supervision the team gave: to whom, service, individual or group, minutes.", o_supervision_add, cmd_supervision_add, CLI_DB_WRITE, NULL},
	{"supervision", "list", NULL, 0, "The supervision sessions the team gave, oldest first.", o_wf_list, cmd_supervision_list, CLI_DB_READ, NULL},
	{"contact", "add", NULL, 0, "Record a contact (appointment) that has taken place.", o_contact, cmd_contact_add, CLI_DB_WRITE, NULL},
	{"contact", "list", NULL, 0, "List a referral's contacts.", o_contact_list, cmd_contact_list, CLI_DB_READ, NULL},
	{"safeguarding", "set", NULL, 0, "Set an infant's safeguarding status from a date.", o_sg_set, cmd_safeguarding_set, CLI_DB_WRITE, NULL},
	{"safeguarding", "history", NULL, 0, "Show an infant's safeguarding history.", o_sg_hist, cmd_safeguarding_history, CLI_DB_READ, NULL},
	{"discharge", NULL, NULL, 0, "Discharge a referral, with each infant's care status.", o_discharge, cmd_discharge, CLI_DB_WRITE, NULL},
	{"measure", "add", NULL, 0, "Record an outcome measure: scored at entry; prints score, band and any risk flag.", o_measure, cmd_measure_record, CLI_DB_WRITE, NULL},
	{"measure", "acknowledge", NULL, 0, "Record that a clinician has reviewed a measure's risk flags, and the action taken.", o_measure_ack, cmd_measure_acknowledge, CLI_DB_WRITE, NULL},
	{"pregnancies", "overdue", NULL, 0, "Unborn infants past their due date: record the birth (or a loss) for each.", o_overdue, cmd_pregnancies_overdue, CLI_DB_READ, NULL},
	{"risks", NULL, NULL, 0, "The team's risk flags still not acknowledged, oldest first (a safety net: see docs/measures.md).", o_risks, cmd_risks, CLI_DB_READ, NULL},
	{"measure", "list", NULL, 0, "A referral's measures with their scores, bands and risk flags.", o_measure_list, cmd_measure_list, CLI_DB_READ, NULL},
	{"measures", "rescore", NULL, 0, "Score again every measure scored by another definition version (or never).", o_instr_dir, cmd_measures_rescore, CLI_DB_WRITE, NULL},
	{"measures", "change", NULL, 0, "First and last scores of each measure and goal, with reliable and clinically significant change.", o_change, cmd_measures_change, CLI_DB_READ, NULL},
	{"score", NULL, "ID", 1, "Score responses for an instrument and print the result as JSON (no database).", o_score, cmd_score, CLI_DB_NONE, "json only (the score, bands, flags and any errors)"},
	{"instruments", "list", NULL, 0, "List the loaded instrument definitions.", o_instr_dir, cmd_instruments_list, CLI_DB_NONE, "table (default), json or csv"},
	{"instruments", "show", "ID", 1, "Show an instrument: items, scales, bands, cut-off, reliable change, risk items.", o_instr_dir, cmd_instruments_show, CLI_DB_NONE, "table only (the definition as data is instruments/ID.json)"},
	{"instruments", "load-text", "FILE", 1, "Store licensed item wording (CSV instrument,item,text) in the database.", o_instr_dir, cmd_instruments_load_text, CLI_DB_WRITE, NULL},
	{"instruments", "load-table", "ID TABLE FILE", 3, "Store a licensed table (e.g. asqse2 intervals) in the database.", o_instr_dir, cmd_instruments_load_table, CLI_DB_WRITE, NULL},
	{"interventions", "list", NULL, 0, "Check and list the intervention catalogue (docs/interventions.md).", o_interventions, cmd_interventions_list, CLI_DB_NONE, NULL},
	{"careplan", "add", NULL, 0, "Add an intervention to a referral's care plan, with its practitioners and goals.", o_careplan_add, cmd_careplan_add, CLI_DB_WRITE, NULL},
	{"careplan", "move", NULL, 0, "Move a plan on: active, completed, or stopped early with the reason.", o_careplan_move, cmd_careplan_move, CLI_DB_WRITE, NULL},
	{"careplan", "list", NULL, 0, "A referral's care plan: each intervention with sessions delivered against planned.", o_careplan_list, cmd_careplan_list, CLI_DB_READ, NULL},
	{"video", "start", NULL, 0, "Start a referral's next video feedback cycle with the family's helping question.", o_video_start, cmd_video_start, CLI_DB_WRITE, NULL},
	{"video", "link", NULL, 0, "Link a contact to a cycle as its filming or its review.", o_video_link, cmd_video_link, CLI_DB_WRITE, NULL},
	{"video", "list", NULL, 0, "A referral's video feedback cycles: filmed, reviewed, helping question.", o_careplan_list, cmd_video_list, CLI_DB_READ, NULL},
	{"letter", "make", NULL, 0, "Make a letter to the referrer, GP or health visitor from the team's template, kept on the referral.", o_letter_make, cmd_letter_make, CLI_DB_WRITE, NULL},
	{"letter", "list", NULL, 0, "A referral's letters: kind, recipient, when and by whom.", o_careplan_list, cmd_letter_list, CLI_DB_READ, NULL},
	{"letter", "show", "ID", 1, "Print a letter: one HTML document that prints on A4.", o_none, cmd_letter_show, CLI_DB_READ, "html (always)"},
	{"feedback", "add", NULL, 0, "Record a family's answers to the feedback questionnaire for a discharged referral (once).", o_feedback_add, cmd_feedback_add, CLI_DB_WRITE, NULL},
	{"feedback", "list", NULL, 0, "The feedback response sets: referral, day answered, answers.", o_feedback_list, cmd_feedback_list, CLI_DB_READ, NULL},
	{"report", "feedback", NULL, 0, "Family feedback: per question, each answer's count and percentage of those who answered.", o_report_feedback, cmd_report_feedback, CLI_DB_READ, REPORT_FORMATS},
	{"group", "add", NULL, 0, "Add a run of a group programme: start, sessions, venue, capacity, facilitators.", o_group_add, cmd_group_add, CLI_DB_WRITE, NULL},
	{"group", "enrol", NULL, 0, "Enrol a caregiver, with their referral, in a group run (takes them off its waiting list).", o_group_enrol, cmd_group_enrol, CLI_DB_WRITE, NULL},
	{"group", "wait", NULL, 0, "Put a caregiver on the waiting list for a programme's next run.", o_group_wait, cmd_group_wait, CLI_DB_WRITE, NULL},
	{"group", "session", NULL, 0, "Record a session's attendance: one contact per enrolled caregiver, all or nothing.", o_group_session, cmd_group_session, CLI_DB_WRITE, NULL},
	{"group", "list", NULL, 0, "The team's group runs, newest first.", o_none, cmd_group_list, CLI_DB_READ, NULL},
	{"group", "show", NULL, 0, "A run's enrolments: sessions attended and whether each meets the completion rule.", o_group_show, cmd_group_show, CLI_DB_READ, NULL},
	{"group", "waiting", NULL, 0, "Caregivers waiting for a programme's next run, longest first.", o_group_waiting, cmd_group_waiting, CLI_DB_READ, NULL},
	{"goal", "add", NULL, 0, "Add one of a referral's (at most 3) goals, in the family's own words.", o_goal_add, cmd_goal_add, CLI_DB_WRITE, NULL},
	{"goal", "rate", NULL, 0, "Rate a goal 0-10 on a date.", o_goal_rate, cmd_goal_rate, CLI_DB_WRITE, NULL},
	{"goal", "list", NULL, 0, "A referral's goals with their first and last ratings.", o_goal_list, cmd_goal_list, CLI_DB_READ, NULL},
	{"retention", "review", NULL, 0, "Families whose records have reached their retention date (docs/retention.md); deletes nothing. Manager or operator.", o_retention_review, cmd_retention_review, CLI_DB_READ, NULL},
	{"find", NULL, "TEXT", 1, "Find people of the team by name (part of it, any case or accents, one letter wrong), NHS number, date of birth or postcode.", o_caseload, cmd_find, CLI_DB_READ, NULL},
	{"note", "add", NULL, 0, "Write a case note on a referral: a draft until you sign it (--sign signs it at once).", o_note_add, cmd_note_add, CLI_DB_WRITE, NULL},
	{"note", "edit", NULL, 0, "Change your own draft note (a signed note never changes).", o_note_edit, cmd_note_edit, CLI_DB_WRITE, NULL},
	{"note", "sign", NULL, 0, "Sign your draft note: from then on it can never be changed or deleted.", o_note_id, cmd_note_sign, CLI_DB_WRITE, NULL},
	{"note", "addendum", NULL, 0, "Follow a signed note with a signed addendum (the note itself is unchanged).", o_note_addendum, cmd_note_addendum, CLI_DB_WRITE, NULL},
	{"note", "error", NULL, 0, "Mark a signed note entered in error, with the reason: kept, hidden by default.", o_note_error, cmd_note_error, CLI_DB_WRITE, NULL},
	{"note", "list", NULL, 0, "A referral's case notes, oldest first: signed notes and your own drafts.", o_note_list, cmd_note_list, CLI_DB_READ, NULL},
	{"note", "show", NULL, 0, "One case note in full.", o_note_id, cmd_note_show, CLI_DB_READ, NULL},
	{"appointment", "book", NULL, 0, "Book an appointment on a referral: day, time, length, place, kind, practitioners, attendees.", o_appt_book, cmd_appointment_book, CLI_DB_WRITE, NULL},
	{"appointment", "list", NULL, 0, "A referral's appointments, by day and time, with their status.", o_appt_list, cmd_appointment_list, CLI_DB_READ, NULL},
	{"appointment", "show", NULL, 0, "One appointment.", o_appt_id, cmd_appointment_show, CLI_DB_READ, NULL},
	{"appointment", "outcome", NULL, 0, "Record what happened: attended or did_not_attend (written as the contact), or a cancellation.", o_appt_outcome, cmd_appointment_outcome, CLI_DB_WRITE, NULL},
	{"appointment", "cancel", NULL, 0, "Cancel a booked appointment, by the family or the service.", o_appt_cancel, cmd_appointment_cancel, CLI_DB_WRITE, NULL},
	{"appointment", "reschedule", NULL, 0, "Move a booked appointment to another day or time (the old booking is kept, marked rescheduled).", o_appt_move, cmd_appointment_reschedule, CLI_DB_WRITE, NULL},
	{"person", "correct", NULL, 0, "Correct a person's details (checked as on entry); the earlier value, who, when and why are kept.", o_person_correct, cmd_person_correct, CLI_DB_WRITE, NULL},
	{"correction", "revert", NULL, 0, "Undo a correction: the earlier value comes back, itself kept as a correction.", o_corr_revert, cmd_correction_revert, CLI_DB_WRITE, NULL},
	{"history", NULL, NULL, 0, "The corrections of a person's or a family's record: old and new values, who, when and why.", o_history, cmd_history, CLI_DB_READ, NULL},
	{"diary", "ics", NULL, 0, "A diary as an iCalendar (.ics) file on standard output: no names, only initials and family ids.", o_diary_ics, cmd_diary_ics, CLI_DB_READ, "ics (always)"},
	{"diary", NULL, NULL, 0, "A practitioner's (or the team's) appointments for a week or a day: family ids and initials, no names.", o_diary, cmd_diary, CLI_DB_READ, NULL},
	{"user", "add", NULL, 0, "Add a user of the web application; the password is read from standard input.", o_user_add, cmd_user_add, CLI_DB_WRITE, NULL},
	{"user", "demo", NULL, 0, "In a demo database without users: one sign-in per role, passwords printed once.", o_none, cmd_user_demo, CLI_DB_WRITE, NULL},
	{"user", "passwd", NULL, 0, "Set a user's password (read from standard input) and end their sessions.", o_user_name, cmd_user_passwd, CLI_DB_WRITE, NULL},
	{"user", "disable", NULL, 0, "Disable a user and end their sessions and API tokens.", o_user_name, cmd_user_disable, CLI_DB_WRITE, NULL},
	{"user", "list", NULL, 0, "List the users with their roles.", o_none, cmd_user_list, CLI_DB_READ, NULL},
	{"session", "list", NULL, 0, "List the live sign-in sessions.", o_session_list, cmd_session_list, CLI_DB_READ, NULL},
	{"session", "revoke", "ID", 1, "End a sign-in session.", o_none, cmd_session_revoke, CLI_DB_WRITE, NULL},
	{"token", "create", NULL, 0, "Create an API token for scripts (printed once; only its hash is kept).", o_token, cmd_token_create, CLI_DB_WRITE, NULL},
	{"team", "add", NULL, 0, "Add a team (users belong to teams and see only their families).", o_team_add, cmd_team_add, CLI_DB_WRITE, NULL},
	{"audit", "verify", NULL, 0, "Check the audit log's hash chain; names the first entry changed or removed.", o_none, cmd_audit_verify, CLI_DB_READ, NULL},
	{"audit", "show", NULL, 0, "Who has looked at or changed a family's record, newest first.", o_audit_show, cmd_audit_show, CLI_DB_READ, NULL},
	{"family", "copy", "ID DIR", 2, "Write a family's own copy of its record (subject access): an HTML document and the same data as JSON, into the new or empty folder DIR.", o_none, cmd_family_copy, CLI_DB_WRITE, "html and json files (always)"},
	{"serve", NULL, NULL, 0, "Run the web application and JSON API (see docs/deploy.md).", o_serve, cmd_serve, CLI_DB_EXTERNAL, NULL},
	{"referral", "correct", NULL, 0, "Correct a referral's received date, source, programme, first-time-parent answer, infant or caregiver (checked as on entry; the clocks follow); the earlier value is kept.", o_ref_correct, cmd_referral_correct, CLI_DB_WRITE, NULL},
	{"contact", "correct", NULL, 0, "Correct a contact's date, kind, intervention, place, attendance, length, practitioners or attendees (checked as on entry; the clocks and reports follow).", o_contact_correct, cmd_contact_correct, CLI_DB_WRITE, NULL},
	{"measure", "correct", NULL, 0, "Correct a measure's date, respondent or answers (checked and scored again as on entry).", o_measure_correct, cmd_measure_correct, CLI_DB_WRITE, NULL},
	{"referral", "error", NULL, 0, "Mark a referral entered in error, with the reason: kept, hidden, left out of figures and clocks.", o_ref_error, cmd_referral_error, CLI_DB_WRITE, NULL},
	{"contact", "error", NULL, 0, "Mark a contact entered in error, with the reason: kept, hidden, left out of figures and clocks.", o_contact_error, cmd_contact_error, CLI_DB_WRITE, NULL},
	{"measure", "error", NULL, 0, "Mark a measure entered in error, with the reason: kept, hidden, left out of figures.", o_measure_error, cmd_measure_error, CLI_DB_WRITE, NULL},
	{"safeguarding", "correct", NULL, 0, "Correct a safeguarding period's status or dates (checked as on entry; one current status per infant).", o_sg_correct, cmd_safeguarding_correct, CLI_DB_WRITE, NULL},
	{"safeguarding", "error", NULL, 0, "Mark a safeguarding period entered in error, with the reason: kept, hidden, left out of figures.", o_sg_error, cmd_safeguarding_error, CLI_DB_WRITE, NULL},
	{"family", "correct", NULL, 0, "Correct the day a family's record was opened; the earlier value, who, when and why are kept.", o_family_correct, cmd_family_correct, CLI_DB_WRITE, NULL},
	{"family", "error", NULL, 0, "Mark a family record entered in error once each of its referrals is: kept, hidden from finding, lists, duplicates and the retention review.", o_family_error, cmd_family_error, CLI_DB_WRITE, NULL},
	{"duplicates", NULL, NULL, 0, "Likely duplicate people of two families of the team, and why (docs/merge.md).", o_none, cmd_duplicates, CLI_DB_READ, NULL},
	{"family", "merge", NULL, 0, "Move every record of one family into another, in one step; the merged family stays as a tombstone.", o_family_merge, cmd_family_merge, CLI_DB_WRITE, NULL},
	{"migrate-store", NULL, NULL, 0, "Copy a team's SQLite database into a new PostgreSQL one, verified table by table (docs/postgresql.md).", o_migrate_store, cmd_migrate_store, CLI_DB_NONE, NULL},
	{0}};
