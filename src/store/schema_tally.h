/* schema_tally.h: the report tallies' shared SQL (migrations 28 and 29,
 * schema_v28.c and schema_v29.c): one definition for the triggers that
 * keep them and for store_tally_recompute, which makes them from the
 * records. Private to store/. */
#ifndef DYAD_STORE_SCHEMA_TALLY_H
#define DYAD_STORE_SCHEMA_TALLY_H

/* The team of the referral whose id is the expression ep. */
#define TEAM_OF(ep) "(SELECT tf.team_id FROM episode te JOIN family tf ON tf.id = te.family_id WHERE te.id = " ep ")"
/* The contacts (not in error) of the referrals e with their families f
 * that cond selects, counted by day and code for the team expression team
 * (a column, or a family's old or new team), each count times sign ("" or
 * "-"): contact_tally's rows. */
#define TALLY_ROWS(team, sign, cond)                                                                               \
	"SELECT c.date, " team ", c.kind, c.location, coalesce(c.intervention, ''), c.attendance, " sign "COUNT(*)"     \
	" FROM contact c JOIN episode e ON e.id = c.episode_id JOIN family f ON f.id = e.family_id"                     \
	" WHERE c.error_at IS NULL AND " cond                                                                         \
	" GROUP BY c.date, " team ", c.kind, c.location, coalesce(c.intervention, ''), c.attendance"

/* referral_tally's rows of the referrals r (not in error) that the FROM
 * clause src (empty for a trigger's row) and the condition cond select, for
 * the team expression team, each with n: received, by source, on the
 * received date; decided, by decision, on the decision date; and, when
 * accepted, opens on the received date and closes on the discharge date.
 * As columns date, team_id, what, code, n. The caseload on day D is the
 * opens dated on or before D less the closes dated before D. */
#define REF_ROWS(r, team, n, src, cond)                                                                            \
	"SELECT " r ".received_on AS date, " team " AS team_id, 'received' AS what, " r ".source AS code, " n " AS n"   \
	src " WHERE " cond " AND " r ".error_at IS NULL"                                                              \
	" UNION ALL SELECT " r ".decided_on, " team ", 'decided', " r ".decision, " n src " WHERE " cond " AND " r       \
	".error_at IS NULL AND " r ".decided_on IS NOT NULL"                                                          \
	" UNION ALL SELECT " r ".received_on, " team ", 'opens', '', " n src " WHERE " cond " AND " r                   \
	".error_at IS NULL AND " r ".decision = 'accepted'"                                                           \
	" UNION ALL SELECT " r ".discharged_on, " team ", 'closes', '', " n src " WHERE " cond " AND " r                \
	".error_at IS NULL AND " r ".decision = 'accepted' AND " r ".discharged_on IS NOT NULL"

/* report_measure's columns (migration 29, schema_v29.c), and its rows for
 * the accepted referrals e, not in error and discharged, that cond
 * selects: one for each present score of their baseline and end measures,
 * one for each of their other measures (and each baseline or end measure
 * with no score present: position -1), and one with measure_id 0 and
 * position -1 for a referral with no measure; measures in error left out
 * (found through their own small index, measure_in_error, so that a
 * referral's measures are read from measure_once alone). The rows
 * store_report_measures gives. */
#define OUTCOME_COLS                                                                                               \
	"discharged_on, episode_id, measure_id, position, family_id, person_id, subject_caregiver_id,"                \
	" subject_infant_id, instrument, is_end, paired, date, value, clinical"
#define OUTCOME_ROWS(cond)                                                                                         \
	"SELECT e.discharged_on, e.id, coalesce(m.id, 0), coalesce(sc.position, -1), e.family_id, m.person_id,"       \
	" m.subject_caregiver_id, m.subject_infant_id, m.instrument, CASE WHEN m.timepoint = 'end' THEN 1 ELSE 0 END," \
	" CASE WHEN m.timepoint IN ('baseline', 'end') THEN 1 ELSE 0 END, m.date, sc.value, sc.clinical"              \
	" FROM episode e LEFT JOIN measure m ON m.episode_id = e.id"                                                  \
	"  AND m.id NOT IN (SELECT lm.id FROM measure lm WHERE lm.error_at IS NOT NULL)"                              \
	" LEFT JOIN measure_score sc ON sc.measure_id = m.id AND m.timepoint IN ('baseline', 'end')"                  \
	"  AND sc.value IS NOT NULL"                                                                                  \
	" WHERE e.error_at IS NULL AND e.decision = 'accepted' AND e.discharged_on IS NOT NULL AND " cond

#endif
