#!/usr/bin/env bash
# Video feedback cycles from the command line: numbered cycles of a
# referral with the family's helping question; filming then review linked
# from the referral's attended contacts of the cycle's intervention; each
# refusal naming its field; the question kept out of the audit; listed as
# JSON; written to the CSV export and read back by import unchanged, a
# cycle that breaks a rule refused with its file, line and column; the
# demo team has cycles.
# Usage: bash test_video.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"
unset DYAD_INTERVENTIONS
D=$DYAD

"$D" init --team-name T >/dev/null
"$D" family add >/dev/null
"$D" person add --family 1 --role caregiver --relationship mother --given-name Ann --family-name Example \
	--dob 1996-04-01 >/dev/null
"$D" person add --family 1 --role infant --given-name Bo --family-name Example --dob 2026-06-01 >/dev/null
"$D" practitioner add --name "Pat Lee" --profession psychotherapist >/dev/null
"$D" referral add --family 1 --infant 2 --caregiver 1 --received 2026-09-01 --source health_visitor >/dev/null
"$D" referral triage 1 --decision accepted --date 2026-09-02 >/dev/null
k() { "$D" contact add --referral 1 --kind intervention --location home --practitioners 1 --attendees 1,2 "$@" |
	grep -oE 'contact [0-9]+' | grep -oE '[0-9]+'; }
F1=$(k --date 2026-09-10 --intervention video_interaction_guidance --attendance attended)
R1=$(k --date 2026-09-17 --intervention video_interaction_guidance --attendance attended)
MISSED=$(k --date 2026-09-24 --intervention video_interaction_guidance --attendance did_not_attend)
OTHER=$(k --date 2026-09-24 --intervention parent_infant_psychotherapy --attendance attended)
F2=$(k --date 2026-10-01 --intervention video_interaction_guidance --attendance attended)

Q="How can I <b>help</b> her settle when she cries?"
expect 2 "intervention: circle_of_security is a group programme" -- "$D" video start --referral 1 \
	--intervention circle_of_security --question "$Q" --date 2026-09-10
expect 2 "date: is before the referral was received" -- "$D" video start --referral 1 \
	--intervention video_interaction_guidance --question "$Q" --date 2026-08-01
expect 0 "Started cycle 1 \(id 1\) of referral 1: video_interaction_guidance" -- "$D" video start --referral 1 \
	--intervention video_interaction_guidance --question "$Q" --date 2026-09-10
expect 2 "step: a review needs a filming first" -- "$D" video link --cycle 1 --contact "$R1" --step review
expect 0 "Linked contact $F1 to cycle 1 as filming" -- "$D" video link --cycle 1 --contact "$F1" --step filming
expect 3 "contact: is linked to a cycle already" -- "$D" video link --cycle 1 --contact "$F1" --step filming
expect 2 "contact: the family did not attend it" -- "$D" video link --cycle 1 --contact "$MISSED" --step filming
expect 2 "contact: does not name the cycle's intervention" -- "$D" video link --cycle 1 --contact "$OTHER" --step filming
expect 2 "step: must be filming or review" -- "$D" video link --cycle 1 --contact "$R1" --step edit
expect 0 "Linked contact $R1 to cycle 1 as review" -- "$D" video link --cycle 1 --contact "$R1" --step review
expect 3 "step: the cycle has its review already" -- "$D" video link --cycle 1 --contact "$F2" --step review
expect 0 "Started cycle 2 \(id 2\)" -- "$D" video start --referral 1 --intervention video_interaction_guidance \
	--question "Playing together" --date 2026-10-01
expect 0 "Linked contact $F2 to cycle 2 as filming" -- "$D" video link --cycle 2 --contact "$F2" --step filming
expect 2 "contact: contact 99 does not exist" -- "$D" video link --cycle 2 --contact 99 --step filming

expect 0 "1 +1 +video_interaction_guidance +2026-09-10 +$F1 +2026-09-10 +$R1 +2026-09-17 +How can I <b>help</b>" -- \
	"$D" video list --referral 1
expect 0 "2 +2 +video_interaction_guidance +2026-10-01 +$F2 +2026-10-01 +Playing together" -- "$D" video list --referral 1
check "JSON: the cycle's helping question" bash -c \
	"'$D' --format json video list --referral 1 | jq -e '.[0].helping_question == \"$Q\"' >/dev/null"
check "the question never in the audit" test "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM audit WHERE detail LIKE '%settle%'")" -eq 0

# The export carries the cycles; import reads them back unchanged.
"$D" export out >/dev/null
tr -d '\r' <out/video_cycles.csv >video.txt
check "video_cycles.csv header" grep -qx "cycle_id,referral_id,number,intervention,helping_question,started_on,filming_contact_ids,review_contact_ids,created_by" video.txt
check "video_cycles.csv row" grep -q "^1,1,1,video_interaction_guidance,How can I <b>help</b> her settle when she cries?,2026-09-10,$F1,$R1," video.txt
NEW=$(fresh_db new)
expect 0 "2 video feedback cycles" -- "$D" --db "$NEW" import out
expect 0 "2 video feedback cycles" -- "$D" --db "$NEW" export back
check "video_cycles.csv is byte-identical after a round trip" cmp -s out/video_cycles.csv back/video_cycles.csv
check "every file is byte-identical after a round trip" diff -r out back
expect 0 "1 +1 +video_interaction_guidance +2026-09-10 +$F1 +2026-09-10 +$R1 +2026-09-17 +How can I <b>help</b>" -- \
	"$D" --db "$NEW" video list --referral 1
expect 0 "Started cycle 3 " -- "$D" --db "$NEW" video start --referral 1 --intervention video_interaction_guidance \
	--question "Bedtime" --date 2026-10-01
expect 3 "contact: is linked to a cycle already" -- "$D" --db "$NEW" video link --cycle 3 --contact "$F2" --step filming

# A cycle that breaks a rule is refused whole, naming the file, line and
# column (folders edited by hand, so without their manifest).
bad() { # bad NAME SED-EXPRESSION: the export with video_cycles.csv edited
	rm -rf "$1" && cp -r out "$1" && rm "$1/manifest.csv" && sed -i "$2" "$1/video_cycles.csv"
}
bad swapped "s/,$F1,$R1,/,$R1,$F1,/"
expect 2 "video_cycles.csv line 2.*review_contact_ids.*contact $F1: the review is before the filming it reviews" -- \
	"$D" --db "$(fresh_db swapped)" import swapped
bad twice "3s/,2026-10-01,$F2,,/,2026-09-10,$F1,,/"
expect 3 "video_cycles.csv line 3.*filming_contact_ids.*contact $F1: is linked to a cycle already" -- \
	"$D" --db "$(fresh_db twice)" import twice
bad missed "s/,$F2,,/,$MISSED,,/"
expect 2 "video_cycles.csv line 3.*contact $MISSED: the family did not attend it" -- \
	"$D" --db "$(fresh_db missed)" import missed
bad group "2s/,video_interaction_guidance,/,circle_of_security,/"
expect 2 "video_cycles.csv line 2.*intervention: circle_of_security is a group programme" -- \
	"$D" --db "$(fresh_db group)" import group
bad nocontact "s/,$F2,,/,999,,/"
expect 2 "video_cycles.csv line 3.*contact 999 does not exist" -- "$D" --db "$(fresh_db nocontact)" import nocontact
bad samenumber "3s/^2,1,2,/2,1,1,/"
expect 3 "video_cycles.csv line 3.*cycle 2, or cycle 1 of referral 1, already exists" -- \
	"$D" --db "$(fresh_db samenumber)" import samenumber

# The demo team: the families seen for Video Interaction Guidance or VIPP-SD
# have cycles, each filmed, its review (when it has one) on or after the
# filming; they go out and back in with the rest of the demo.
DEMO=$(fresh_db demo)
expect 0 "[1-9][0-9]* video feedback cycles" -- "$D" --db "$DEMO" demo --families 40 --seed 2
check "every demo cycle has a filming" test "$(sql "$DEMO" "SELECT COUNT(*) FROM video_cycle c WHERE NOT EXISTS
	(SELECT 1 FROM video_link l WHERE l.cycle_id = c.id AND l.step = 'filming')")" -eq 0
check "every demo review is on or after its cycle's filming" test "$(sql "$DEMO" "SELECT COUNT(*) FROM video_link r
	JOIN contact k ON k.id = r.contact_id JOIN video_link f ON f.cycle_id = r.cycle_id AND f.step = 'filming'
	JOIN contact kf ON kf.id = f.contact_id WHERE r.step = 'review' AND k.date < kf.date")" -eq 0
expect 0 "" -- "$D" --db "$DEMO" export demo_out
expect 0 "[1-9][0-9]* video feedback cycles" -- "$D" --db "$(fresh_db demo_copy)" import demo_out
finish
