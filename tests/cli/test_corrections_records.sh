# test_corrections_records.sh: corrections of a referral, a contact and a
# measure (`dyad referral|contact|measure correct`) and entered in error
# (`dyad referral|contact|measure error`): each checked as on entry and
# refused whole at the rules' boundaries; a corrected date moves the waiting
# clock the report shows, a corrected measure is scored again; a record
# entered in error is kept, hidden and left out of the report's counts; a
# referral's programme, first-time-parent answer, infant and caregiver and a
# contact's intervention, practitioners and attendees checked as on entry
# (no infant or caregiver given a second open referral; the catalogue; the
# caseload by practitioner follows the rewritten links); every one undone by
# `dyad correction revert`; all of it in `dyad history` and in
# corrections.csv, export -> import -> export byte-identical.
#   bash test_corrections_records.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"

"$DYAD" init >/dev/null
"$DYAD" family add >/dev/null
"$DYAD" person add --family 1 --role caregiver --relationship mother --given-name Ann --family-name Example \
	--dob 1996-04-01 >/dev/null
"$DYAD" person add --family 1 --role infant --given-name Bo --family-name Example --dob 2026-06-01 >/dev/null
"$DYAD" practitioner add --name "Pat One" --profession clinical_psychologist >/dev/null
"$DYAD" referral add --family 1 --infant 2 --caregiver 1 --received 2026-09-01 --source gp >/dev/null
"$DYAD" contact add --referral 1 --date 2026-09-20 --kind assessment --location home --attendance attended \
	--practitioners 1 >/dev/null
"$DYAD" contact add --referral 1 --date 2026-09-25 --kind assessment --location clinic --attendance attended \
	--practitioners 1 --duration 60 >/dev/null
"$DYAD" measure add --referral 1 --instrument phq9 --timepoint baseline --date 2026-09-25 \
	--responses "1;1;1;1;1;1;1;1;0" >/dev/null

# The clock A figure of the waiting report: the median days to assessment.
clock_a() {
	"$DYAD" --format csv report waiting --from 2026-09-01 --to 2026-11-30 | awk -F, '$1 == "all" && $2 == "A" { print $4 }'
}
# The number of assessments the activity report counts.
assessments() {
	"$DYAD" --format csv report activity --from 2026-09-01 --to 2026-11-30 |
		awk -F, '$1 == "assessment" { print $(NF - 1); exit }'
}
check "clock A before any correction: 19 days" test "$(clock_a)" = 19
check "two assessments counted" test "$(assessments)" = 2

# A contact's date: refused at the rules' boundaries, nothing kept.
expect 2 "date: is in the future" -- "$DYAD" contact correct 1 --date 2026-11-23 --reason "diary misread"
expect 2 "date: is before the referral was received" -- \
	"$DYAD" contact correct 1 --date 2026-08-31 --reason "diary misread"
expect 2 "duration_min: must be a whole number from 0 to 600" -- "$DYAD" contact correct 2 --duration 601 --reason "typo"
expect 2 "reason: is required" -- "$DYAD" contact correct 1 --date 2026-09-10 --reason " "
expect 2 "nothing would change" -- "$DYAD" contact correct 1 --date 2026-09-20 --reason "same"
expect 1 "name a field to correct" -- "$DYAD" contact correct 1 --reason "nothing"
expect 3 "contact 99 does not exist" -- "$DYAD" contact correct 99 --date 2026-09-10 --reason "x"
expect 0 "No corrections" -- "$DYAD" history --family 1
# Within the boundaries: the received day itself, today, 600 minutes.
expect 0 "Corrected contact 2" -- "$DYAD" contact correct 2 --duration 600 --reason "the session ran long"
expect 0 "Corrected contact 1" -- "$DYAD" contact correct 1 --date 2026-09-01 --reason "the diary was misread"
check "clock A follows the contact date: 0 days" test "$(clock_a)" = 0
expect 0 "Corrected contact 1" -- "$DYAD" contact correct 1 --date 2026-09-10 --reason "the day after all"
check "clock A follows the contact date again: 9 days" test "$(clock_a)" = 9

# A referral's received date: not after a contact, not in the future.
expect 2 "received_on: 1 contact or move of this referral lies before this date" -- \
	"$DYAD" referral correct 1 --received 2026-09-11 --reason "letter date"
expect 2 "source" -- "$DYAD" referral correct 1 --source pigeon --reason "x"
expect 0 "Corrected referral 1" -- "$DYAD" referral correct 1 --received 2026-09-05 --source health_visitor \
	--reason "the letter's date"
check "clock A from the corrected received date: 5 days" test "$(clock_a)" = 5
expect 0 "received_on +2026-09-01 +2026-09-05 +the letter's date" -- "$DYAD" history --family 1
expect 0 "source +gp +health_visitor" -- "$DYAD" history --family 1

# A measure: scored again as on entry, refused at the item's range.
expect 2 "responses: item 9" -- "$DYAD" measure correct 1 --responses "1;1;1;1;1;1;1;1;4" --reason "keyed"
expect 2 "date: is in the future" -- "$DYAD" measure correct 1 --date 2026-11-23 --reason "keyed"
expect 2 "respondent: person 2 is not a caregiver" -- "$DYAD" measure correct 1 --respondent 2 --reason "keyed"
expect 0 "total +8 +mild" -- "$DYAD" measure list 1
expect 0 "Corrected measure 1" -- "$DYAD" measure correct 1 --responses "3;3;3;1;1;1;1;1;3" --reason "keyed wrongly"
expect 0 "total +17 +moderately_severe|total +17" -- "$DYAD" measure list 1

# Entered in error: kept, hidden, out of the counts and the clock.
expect 0 "Marked contact 1 entered in error" -- "$DYAD" contact error 1 --reason "another family's visit"
expect 3 "entered in error already" -- "$DYAD" contact error 1 --reason "again"
expect 3 "marked entered in error: undo that first" -- \
	"$DYAD" contact correct 1 --date 2026-09-12 --reason "x"
check "one assessment counted" test "$(assessments)" = 1
check "clock A stops at the other assessment: 20 days" test "$(clock_a)" = 20
out=$("$DYAD" referral show 1)
check "the contact in error is not shown" bash -c '! grep -qE "^1 +2026-09-10" <<<"$0"' "$out"
check "the contact in error is kept" test "$(sql "$DYAD_DB" "SELECT error_reason FROM contact WHERE id = 1")" = \
	"another family's visit"
expect 0 "entered_in_error +yes +another family's visit" -- "$DYAD" history --family 1
expect 0 "Marked measure 1 entered in error" -- "$DYAD" measure error 1 --reason "wrong family"
expect 0 "No measures" -- "$DYAD" measure list 1

# Undo: the mark goes, the figures come back.
cid=$("$DYAD" --format csv history --family 1 | awk -F, '$4 == "contact" && $6 == "entered_in_error" { print $1 }')
expect 0 "Undid correction $cid" -- "$DYAD" correction revert "$cid" --reason "it was this family's"
check "two assessments counted again" test "$(assessments)" = 2
check "clock A back to 5 days" test "$(clock_a)" = 5
expect 3 "has been undone already" -- "$DYAD" correction revert "$cid" --reason "again"
# Undoing a date correction moves the clock back; undoing one overtaken refuses.
rid=$("$DYAD" --format csv history --family 1 | awk -F, '$4 == "referral" && $6 == "received_on" { print $1 }')
expect 3 "date has been changed since correction 2" -- "$DYAD" correction revert 2 --reason "x"
expect 0 "Undid correction $rid" -- "$DYAD" correction revert "$rid" --reason "the first date was right"
check "clock A from the first received date: 9 days" test "$(clock_a)" = 9

# Referral entered in error: out of the referrals counted and of the clocks.
"$DYAD" family add >/dev/null
"$DYAD" person add --family 2 --role caregiver --relationship father --given-name Cal --family-name Other >/dev/null
"$DYAD" person add --family 2 --role infant --given-name Di --family-name Other --dob 2026-07-01 >/dev/null
"$DYAD" referral add --family 2 --infant 4 --caregiver 3 --received 2026-10-01 --source gp >/dev/null
referrals() {
	"$DYAD" --format csv report activity --from 2026-09-01 --to 2026-11-30 | tr -d '\r' |
		awk -F, '$1 == "total" { print $NF; exit }'
}
check "two referrals received" test "$(referrals)" = 2
expect 0 "Marked referral 2 entered in error" -- "$DYAD" referral error 2 --reason "duplicate of another team's"
check "one referral received" test "$(referrals)" = 1
out=$("$DYAD" waiting)
check "the referral in error waits no more" bash -c '! grep -qE "Di Other" <<<"$0"' "$out"

# Safeguarding periods: one current status per infant, kept when corrected,
# undone or entered in error.
"$DYAD" safeguarding set --infant 2 --status child_in_need --from 2026-08-01 >/dev/null
"$DYAD" safeguarding set --infant 2 --status child_protection_plan --from 2026-10-01 >/dev/null
expect 0 "^1 +2 +child_in_need +2026-08-01 +2026-10-01" -- "$DYAD" safeguarding history 2
expect 3 "ended_on: the infant has another current safeguarding status" -- \
	"$DYAD" safeguarding correct 1 --to "" --reason "never ended"
expect 2 "started_on: is in the future" -- "$DYAD" safeguarding correct 2 --from 2026-11-23 --reason "x"
expect 2 "status: is not one of" -- "$DYAD" safeguarding correct 2 --status unsafe --reason "x"
expect 0 "Corrected safeguarding 2" -- "$DYAD" safeguarding correct 2 --from 2026-11-22 --reason "the conference date"
expect 0 "Marked safeguarding 2 entered in error" -- "$DYAD" safeguarding error 2 --reason "another infant's plan"
expect 0 "^1 +2 +child_in_need +2026-08-01 +2026-10-01 *$" -- "$DYAD" safeguarding history 2
out=$("$DYAD" safeguarding history 2)
check "the period in error is hidden" bash -c '! grep -qE "child_protection_plan" <<<"$0"' "$out"
expect 0 "Corrected safeguarding 1" -- "$DYAD" safeguarding correct 1 --to "" --reason "still current"
sid=$("$DYAD" --format csv history --family 1 | awk -F, '$4 == "safeguarding" && $6 == "entered_in_error" { print $1 }')
expect 3 "ended_on: the infant has another current safeguarding status" -- \
	"$DYAD" correction revert "$sid" --reason "it was hers"
expect 0 "child_in_need +2026-08-01 *$" -- "$DYAD" safeguarding history 2

# A family record: the day it was opened, not in the future; undone alike.
expect 2 "created_on: is in the future" -- "$DYAD" family correct 1 --created-on 2026-11-23 --reason "x"
expect 0 "Corrected family 1" -- "$DYAD" family correct 1 --created-on 2026-08-15 --reason "opened at the meeting"
expect 0 "family +1 +created_on +2026-11-22 +2026-08-15 +opened at the meeting" -- "$DYAD" history --family 1
fid=$("$DYAD" --format csv history --family 1 | awk -F, '$4 == "family" { print $1 }')
expect 0 "Undid correction $fid" -- "$DYAD" correction revert "$fid" --reason "it was opened today"
check "the family's day is back" test "$(sql "$DYAD_DB" "SELECT created_on FROM family WHERE id = 1")" = 2026-11-22
expect 0 "Corrected family 1" -- "$DYAD" family correct 1 --created-on 2026-08-15 --reason "opened at the meeting"

# A referral's programme, first-time-parent answer, infant and caregiver:
# checked as on entry (the programme's form, people of the family in their
# roles, no infant or caregiver given a second open referral), undone alike.
"$DYAD" person add --family 1 --role infant --given-name Cy --family-name Example --dob 2026-06-01 >/dev/null
"$DYAD" person add --family 1 --role caregiver --relationship father --given-name Dan --family-name Example \
	--dob 1990-01-01 >/dev/null
"$DYAD" referral add --family 1 --infant 5 --received 2026-10-01 --source gp --allow-duplicate >/dev/null
expect 2 "programme: must be a programme code" -- "$DYAD" referral correct 1 --programme "Minding" --reason "x"
expect 2 "first_time_parent: must be yes, no or empty" -- \
	"$DYAD" referral correct 1 --first-time-parent maybe --reason "x"
expect 0 "Corrected referral 1" -- "$DYAD" referral correct 1 --programme minding_the_baby --first-time-parent no \
	--reason "on the referral form"
check "the programme and answer are held" test \
	"$(sql "$DYAD_DB" "SELECT programme || '/' || first_time_parent FROM episode WHERE id = 1")" = minding_the_baby/no
expect 0 "programme minding_the_baby" -- "$DYAD" referral show 1
expect 0 "referral +1 +first_time_parent +no +on the referral form" -- "$DYAD" history --family 1
expect 2 "infant: person 1 is not an infant" -- "$DYAD" referral correct 1 --infant 1 --reason "x"
expect 2 "infant: person 4 is not in family 1" -- "$DYAD" referral correct 1 --infant 4 --reason "x"
expect 2 "infant_id: must be a record id" -- "$DYAD" referral correct 1 --infant "" --reason "x"
expect 2 "caregiver: person 5 is not a caregiver" -- "$DYAD" referral correct 1 --caregiver 5 --reason "x"
expect 3 "referral: the infant or caregiver already has an open referral \(3\); nothing was saved" -- \
	"$DYAD" referral correct 1 --infant 5 --reason "the twin"
expect 0 "Corrected referral 1" -- "$DYAD" referral correct 1 --caregiver 6 --reason "the father made the referral"
check "the caregiver is held" test "$(sql "$DYAD_DB" "SELECT caregiver_id FROM episode WHERE id = 1")" = 6
expect 3 "already has an open referral \(1\)" -- "$DYAD" referral correct 3 --caregiver 6 --reason "x"
expect 0 "Corrected referral 3" -- "$DYAD" referral correct 3 --caregiver 1 --reason "the mother came"
expect 0 "caregiver_id +1 +6 +the father made the referral" -- "$DYAD" history --family 1
c1=$("$DYAD" --format csv history --family 1 | awk -F, '$5 == 1 && $6 == "caregiver_id" { print $1 }')
c3=$("$DYAD" --format csv history --family 1 | awk -F, '$5 == 3 && $6 == "caregiver_id" { print $1 }')
expect 3 "already has an open referral \(3\)" -- "$DYAD" correction revert "$c1" --reason "the mother after all"
expect 0 "Undid correction $c3" -- "$DYAD" correction revert "$c3" --reason "no caregiver came"
expect 0 "Undid correction $c1" -- "$DYAD" correction revert "$c1" --reason "the mother after all"
check "the caregivers are back" test "$(sql "$DYAD_DB" "SELECT id || ':' || COALESCE(caregiver_id, 0) FROM episode
	WHERE id IN (1, 3) ORDER BY id" | tr '\n' ' ')" = "1:1 3:0 "
pid=$("$DYAD" --format csv history --family 1 | awk -F, '$6 == "programme" { print $1 }')
expect 0 "Undid correction $pid" -- "$DYAD" correction revert "$pid" --reason "no programme named"
check "the programme is gone, the answer kept" test \
	"$(sql "$DYAD_DB" "SELECT COALESCE(programme, '') || '/' || first_time_parent FROM episode WHERE id = 1")" = /no

# A contact's intervention, practitioners and attendees: the catalogue, the
# team's practitioners and the family's people, as on entry; the lists as
# sorted ids, their link tables rewritten, the caseload figure following.
"$DYAD" practitioner add --name "Sam Two" --profession health_visitor >/dev/null
"$DYAD" referral triage 3 --decision accepted --date 2026-10-05 >/dev/null
"$DYAD" contact add --referral 3 --date 2026-10-10 --kind assessment --location home --attendance attended \
	--practitioners 1 --attendees 5 >/dev/null
caseload() {
	"$DYAD" --format csv report activity --from 2026-09-01 --to 2026-11-30 | tr -d '\r' |
		sed -n '/^# caseload_by_practitioner/,/^$/p' | grep -E '^[0-9]' | tr '\n' ' '
}
check "practitioner 1 holds the accepted referral" test "$(caseload)" = "1,1 "
expect 3 "practitioners: practitioner 9 does not exist" -- "$DYAD" contact correct 3 --practitioners 1,9 --reason "x"
expect 2 "practitioners: lists 1 twice" -- "$DYAD" contact correct 3 --practitioners 1,1 --reason "x"
expect 2 "practitioners: must be record numbers separated by commas" -- \
	"$DYAD" contact correct 3 --practitioners "1;2" --reason "x"
expect 2 "attendees: person 3 is not in family 1" -- "$DYAD" contact correct 3 --attendees 5,3 --reason "x"
expect 2 "nothing would change" -- "$DYAD" contact correct 3 --practitioners 1 --attendees 5 --reason "x"
expect 0 "Corrected contact 3" -- "$DYAD" contact correct 3 --practitioners 2,1 --attendees 5,1 \
	--reason "Sam co-worked; the mother came"
check "the links are rewritten" test "$(sql "$DYAD_DB" "SELECT 'p' || practitioner_id FROM contact_practitioner
	WHERE contact_id = 3 UNION ALL SELECT 'a' || person_id FROM contact_attendee WHERE contact_id = 3
	ORDER BY 1" | tr '\n' ' ')" = "a1 a5 p1 p2 "
check "both practitioners hold the referral" test "$(caseload)" = "1,1 2,1 "
expect 0 "practitioners +1 +1,2 +Sam co-worked" -- "$DYAD" history --family 1
expect 0 "attendees +5 +1,5 +Sam co-worked" -- "$DYAD" history --family 1
expect 0 "Corrected contact 3" -- "$DYAD" contact correct 3 --practitioners 2 --reason "Sam alone"
check "only practitioner 2 holds it" test "$(caseload)" = "2,1 "
prid=$("$DYAD" --format csv history --family 1 | awk -F, '$6 == "practitioners" { id = $1 } END { print id }')
expect 0 "Undid correction $prid" -- "$DYAD" correction revert "$prid" --reason "Pat was there"
check "the caseload follows the undo" test "$(caseload)" = "1,1 2,1 "
expect 2 "intervention: is recorded only on an intervention or group contact" -- \
	"$DYAD" contact correct 3 --intervention vipp_sd --reason "x"
expect 2 "intervention: is required for an intervention contact" -- \
	"$DYAD" contact correct 3 --kind intervention --reason "x"
expect 2 "intervention: nonesuch is not in the team's intervention catalogue" -- \
	"$DYAD" contact correct 3 --kind intervention --intervention nonesuch --reason "x"
expect 0 "Corrected contact 3" -- "$DYAD" contact correct 3 --kind intervention --intervention vipp_sd \
	--reason "it was the first VIPP session"
expect 0 "Corrected contact 3" -- "$DYAD" contact correct 3 --intervention video_interaction_guidance \
	--reason "VIG, not VIPP"
expect 0 "intervention +vipp_sd +video_interaction_guidance +VIG, not VIPP" -- "$DYAD" history --family 1
iid=$("$DYAD" --format csv history --family 1 | awk -F, '$6 == "intervention" { id = $1 } END { print id }')
expect 0 "Undid correction $iid" -- "$DYAD" correction revert "$iid" --reason "VIPP after all"
check "the intervention is back" test "$(sql "$DYAD_DB" "SELECT intervention FROM contact WHERE id = 3")" = vipp_sd
expect 0 "^3 +2026-10-10 +intervention +vipp_sd +home +attended +1;2 +1;5" -- "$DYAD" referral show 3
# The kind and intervention corrected together are undone together (either
# alone would break the catalogue rule), each row naming the one it undoes.
kid=$("$DYAD" --format csv history --family 1 | awk -F, '$5 == 3 && $6 == "kind" { print $1 }')
ivs=$("$DYAD" --format csv history --family 1 |
	awk -F, '$6 == "intervention" && $9 == "it was the first VIPP session" { print $1 }')
expect 0 "Undid correction $kid" -- "$DYAD" correction revert "$kid" --reason "an assessment after all"
check "kind and intervention are back" test \
	"$(sql "$DYAD_DB" "SELECT kind || '/' || COALESCE(intervention, '') FROM contact WHERE id = 3")" = "assessment/"
expect 0 "kind +intervention +assessment +an assessment after all +$kid" -- "$DYAD" history --family 1
expect 0 "intervention +vipp_sd +an assessment after all +$ivs" -- "$DYAD" history --family 1
expect 3 "correction $ivs has been undone already" -- "$DYAD" correction revert "$ivs" --reason "x"

# A family record entered in error: only once each of its referrals is;
# then hidden as a merged family is (finding, the list, the likely
# duplicates), kept, and brought back by undoing the mark.
"$DYAD" family add >/dev/null
"$DYAD" person add --family 3 --role infant --given-name Di --family-name Other --dob 2026-07-01 >/dev/null
expect 3 "record: family 1 has 2 referrals not entered in error: mark them entered in error first" -- \
	"$DYAD" family error 1 --reason "x"
expect 0 "same_name_dob +infant +2026-07-01 +2 +4 +Di Other +3 +7" -- "$DYAD" duplicates
expect 0 "^2 +4 +infant +Di +Other" -- "$DYAD" find "Di Other"
expect 0 "Marked family 2 entered in error" -- "$DYAD" family error 2 --reason "opened for the wrong family"
expect 3 "entered in error already" -- "$DYAD" family error 2 --reason "again"
out=$("$DYAD" find "Di Other")
check "find no longer shows the family in error" bash -c '! grep -qE "^2 +4 " <<<"$0" && grep -qE "^3 +7 " <<<"$0"' "$out"
out=$("$DYAD" --format csv family list)
check "nor does the family list" bash -c '! grep -qE "^2," <<<"$0" && grep -qE "^3," <<<"$0"' "$out"
expect 0 "No likely duplicates" -- "$DYAD" duplicates
check "the family is kept, marked" test "$(sql "$DYAD_DB" "SELECT error_reason FROM family WHERE id = 2")" = \
	"opened for the wrong family"
expect 0 "family +2 +entered_in_error +yes +opened for the wrong family" -- "$DYAD" history --family 2
expect 0 "Its record was entered in error" -- "$DYAD" family show 2
expect 0 '"entered_in_error": *"yes"' -- "$DYAD" --format json family show 2
expect 3 "marked entered in error: undo that first" -- \
	"$DYAD" family correct 2 --created-on 2026-10-01 --reason "x"
expect 3 "family: family 2 is marked entered in error: undo that first" -- "$DYAD" person add --family 2 \
	--role caregiver --relationship mother --given-name Eve --family-name Other --dob 1990-01-01
expect 3 "family: family 2 is marked entered in error: undo that first" -- "$DYAD" referral add --family 2 \
	--infant 4 --received 2026-10-01 --source gp
expect 3 "merge: family 2 is marked entered in error: undo that first" -- "$DYAD" family merge --keep 3 \
	--merge 2 --reason "the same family"
expect 3 "keep: family 2 is marked entered in error: undo that first" -- "$DYAD" family merge --keep 2 \
	--merge 3 --reason "the same family"
fe=$("$DYAD" --format csv history --family 2 | awk -F, '$4 == "family" && $6 == "entered_in_error" { print $1 }')
expect 0 "Undid correction $fe" -- "$DYAD" correction revert "$fe" --reason "it was theirs"
expect 0 "^2 +4 +infant +Di +Other" -- "$DYAD" find "Di Other"
expect 0 "same_name_dob +infant +2026-07-01 +2 +4 +Di Other +3 +7" -- "$DYAD" duplicates
expect 0 "Marked family 2 entered in error" -- "$DYAD" family error 2 --reason "opened for the wrong family"

# The audit names the records and fields, never a value.
out=$(sql "$DYAD_DB" "SELECT action, entity, entity_id, detail FROM audit WHERE action LIKE '%.correct' OR action LIKE '%.error'")
check "the audit names each correction" grep -qE "contact.correct\|contact\|1\|date" <<<"$out"
check "the audit names the referral's fields" grep -qE "referral.correct\|referral\|1\|received_on,source" <<<"$out"
check "the audit names entered in error" grep -qE "measure.error\|measure\|1\|entered_in_error" <<<"$out"
check "no value in the audit" bash -c '! grep -qE "2026-09|another family|3;3;3|health_visitor" <<<"$0"' "$out"

# The database keeps every correction row.
check "SQL cannot delete a correction" eval '! sql "$DYAD_DB" "DELETE FROM correction WHERE id = 1" 2>/dev/null'
check "SQL cannot change a correction" eval '! sql "$DYAD_DB" "UPDATE correction SET reason = reason" 2>/dev/null'

# corrections.csv: export -> import -> export byte-identical, the marks with it.
expect 0 "Exported" -- "$DYAD" export ex1
check "corrections.csv has every correction" test \
	"$(tail -n +2 ex1/corrections.csv | wc -l)" -eq "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM correction")" -a \
	"$(tail -n +2 ex1/corrections.csv | wc -l)" -eq 37
DB2=$(fresh_db second)
expect 0 "Imported" -- env DYAD_DB="$DB2" "$DYAD" import ex1
expect 0 "Exported" -- env DYAD_DB="$DB2" "$DYAD" export ex2
check "export -> import -> export byte-identical" diff -r ex1 ex2
check "the referral stays entered in error" test \
	"$(sql "$DB2" "SELECT error_reason FROM episode WHERE id = 2")" = "duplicate of another team's"
check "the measure stays entered in error" test "$(sql "$DB2" "SELECT COUNT(*) FROM measure WHERE error_at IS NOT NULL")" = 1
check "the safeguarding period stays entered in error, with its id" test \
	"$(sql "$DB2" "SELECT COUNT(*) FROM safeguarding WHERE id = 2 AND error_reason = 'another infant''s plan'")" = 1
check "the family stays entered in error" test \
	"$(sql "$DB2" "SELECT error_reason FROM family WHERE id = 2")" = "opened for the wrong family"
check "the contact undone is not marked" test "$(sql "$DB2" "SELECT COUNT(*) FROM contact WHERE error_at IS NOT NULL")" = 0
out=$(env DYAD_DB="$DB2" "$DYAD" --format csv report activity --from 2026-09-01 --to 2026-11-30)
check "the imported figures leave the referral in error out (1 and 3 counted)" bash -c 'grep -qE "^total,1,1,0,2.?$" <<<"$0"' "$out"
# A broken row is refused whole, naming the file, line and column.
mkdir bad && cp ex1/*.csv bad/ && rm bad/manifest.csv && sed -i '2s/,contact,/,parcel,/' bad/corrections.csv
DB3=$(fresh_db third)
expect 2 "corrections.csv.*line 2.*record" -- env DYAD_DB="$DB3" "$DYAD" import bad

finish
