#!/usr/bin/env bash
# Letters and family feedback from the command line: an acknowledgement, a
# decision letter (refused before the decision) and a discharge letter
# (refused before the discharge) made from the templates in config/letters,
# each stored on the referral with who produced it; a caregiver whose name
# holds a script prints as text, never as markup; a template with an unknown
# field is refused with its file, line and field; feedback recorded once per
# discharged referral, checked against config/feedback.ini; the feedback
# report's counts and percentages, and its small-number suppression.
# Usage: bash test_letters.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"
unset DYAD_LETTERS DYAD_FEEDBACK
D=$DYAD

"$D" init --team-name "Tees & Wear PIP" >/dev/null
"$D" family add >/dev/null
"$D" person add --family 1 --role caregiver --relationship mother --given-name '<script>alert(1)</script>' \
	--family-name 'O"Brien' --dob 1996-04-01 >/dev/null
"$D" person add --family 1 --role infant --given-name Bo --family-name Example --dob 2026-06-01 >/dev/null
"$D" practitioner add --name "Pat Lee" --profession psychotherapist >/dev/null
"$D" referral add --family 1 --infant 2 --caregiver 1 --received 2026-09-01 --source health_visitor >/dev/null

expect 0 "Made letter 1: acknowledgement to referrer, referral 1" -- "$D" letter make --referral 1 --kind acknowledgement
"$D" letter show 1 >ack.html
check "the script prints as text" grep -q '&lt;script&gt;alert(1)&lt;/script&gt; O&quot;Brien' ack.html
check "no script element" bash -c '! grep -qi "<script" ack.html'
check "the team name escaped" grep -q 'Tees &amp; Wear PIP' ack.html
check "A4 page" grep -q '@page { size: A4' ack.html
check "no external request" bash -c '! grep -qiE "(src|href)=|url\(" ack.html'
check "the referrer in words" grep -q 'from health visitor' ack.html
expect 3 "kind: referral 1 has no triage decision yet" -- "$D" letter make --referral 1 --kind decision
expect 3 "kind: referral 1 is not discharged" -- "$D" letter make --referral 1 --kind discharge --to gp
expect 2 "kind: must be acknowledgement, decision or discharge" -- "$D" letter make --referral 1 --kind thanks
expect 2 "to: must be referrer, gp or health_visitor" -- "$D" letter make --referral 1 --kind acknowledgement --to nurse
expect 3 "does not exist" -- "$D" letter show 99

"$D" referral triage 1 --decision accepted --date 2026-09-02 --reason "Relationship worries <b>noted</b>" >/dev/null
expect 0 "Made letter 2: decision to health_visitor" -- "$D" letter make --referral 1 --kind decision --to health_visitor
"$D" letter show 2 >dec.html
check "decision and reason" grep -q 'accepted, on 2 September 2026' dec.html
check "reason escaped" grep -q 'Relationship worries &lt;b&gt;noted&lt;/b&gt;' dec.html
check "to the health visitor" grep -q 'To the health visitor' dec.html

k() { "$D" contact add --referral 1 --kind intervention --location home --practitioners 1 --attendees 1,2 "$@" >/dev/null; }
k --date 2026-09-10 --intervention video_interaction_guidance --attendance attended
k --date 2026-09-17 --intervention video_interaction_guidance --attendance attended
k --date 2026-09-24 --intervention video_interaction_guidance --attendance did_not_attend
expect 3 "referral 1 is not discharged" -- "$D" feedback add --referral 1 --answers "yes;yes;yes;yes"
"$D" discharge --referral 1 --date 2026-11-20 --reason planned_ending --care-status with_birth_family >/dev/null
expect 0 "Made letter 3: discharge to gp" -- "$D" letter make --referral 1 --kind discharge --to gp
"$D" letter show 3 >dis.html
check "discharge date and reason" grep -q '20 November 2026: planned ending' dis.html
check "sessions delivered" grep -q 'Video Interaction Guidance: 2 sessions' dis.html
check "contacts attended" grep -q '<dd>2</dd>' dis.html
expect 0 "3 +1 +discharge +gp +.*cli:tester" -- "$D" letter list --referral 1
expect 0 '"kind": *"decision"' -- "$D" --format json letter list --referral 1
if [[ $DYAD_DB != postgres* ]] && command -v sqlite3 >/dev/null; then
	check "audited: kind and recipient, no name" test "$(sqlite3 "$DYAD_DB" \
		"SELECT group_concat(detail, '|') FROM audit WHERE action = 'letter.make'")" = \
		"acknowledgement to referrer|decision to health_visitor|discharge to gp"
fi

# A template with an unknown field is refused at load, with file, line and name.
mkdir tpl
cp "$SRC"/config/letters/*.html tpl/
printf '<p>Hello\n{{famly_name}}</p>\n' >tpl/acknowledgement.html
expect 2 "tpl/acknowledgement.html line 2: famly_name: is not a letter field" -- \
	"$D" letter make --referral 1 --kind acknowledgement --templates tpl
printf '<p>{{{infant_name}}}</p>\n' >tpl/acknowledgement.html
expect 2 "line 1: template: .*never raw" -- "$D" letter make --referral 1 --kind acknowledgement --templates tpl
printf '<p>{{#infant_dob}}born</p>\n' >tpl/acknowledgement.html
expect 2 "infant_dob: a block is not closed" -- "$D" letter make --referral 1 --kind acknowledgement --templates tpl
expect 0 "" -- "$D" letter list --referral 1
check "nothing stored by a refusal" test "$("$D" --format csv letter list --referral 1 | wc -l)" -eq 4

# Feedback: once per discharged referral, answers checked against the questionnaire.
expect 2 "answers: has 3 answers; the questionnaire family_feedback_v1 has 4 questions" -- \
	"$D" feedback add --referral 1 --answers "yes;yes;yes"
expect 2 "answers: question 2 \(listened\) must be one of yes, partly, no, or empty" -- \
	"$D" feedback add --referral 1 --answers "yes;maybe;yes;yes"
expect 2 "answers: answer at least one question" -- "$D" feedback add --referral 1 --answers ";;;"
expect 2 "date: is in the future" -- "$D" feedback add --referral 1 --answers "yes;;;" --date 2026-12-01
expect 0 "Recorded the family's feedback for referral 1" -- "$D" feedback add --referral 1 --answers "yes;partly;;yes" \
	--date 2026-11-21
expect 3 "has its feedback recorded already" -- "$D" feedback add --referral 1 --answers "yes;yes;yes;yes"
expect 0 "1 +family_feedback_v1 +2026-11-21 +yes;partly;;yes" -- "$D" feedback list

# The report on a hand-built set: 7 more discharged referrals with feedback.
for i in 2 3 4 5 6 7 8; do
	"$D" family add >/dev/null
	"$D" person add --family $i --role infant --given-name B$i --family-name Example --dob 2026-05-01 >/dev/null
	"$D" referral add --family $i --infant $((i + 1)) --received 2026-09-01 --source gp >/dev/null
	"$D" referral triage $i --decision accepted --date 2026-09-02 >/dev/null
	"$D" discharge --referral $i --date 2026-11-01 --reason planned_ending --care-status with_birth_family >/dev/null
done
a() { "$D" feedback add --referral "$1" --answers "$2" --date 2026-11-10 >/dev/null || echo "FAIL: feedback $1"; }
a 2 "yes;yes;yes;yes"
a 3 "yes;yes;partly;yes"
a 4 "yes;yes;yes;maybe"
a 5 "partly;yes;yes;yes"
a 6 "yes;no;yes;yes"
a 7 "no;yes;yes;no"
a 8 "yes;yes;;yes"
# relationship: 8 answered: yes 6 (75.0%), partly 1 (12.5%), no 1 (12.5%);
# understand_baby: 6 answered (two skipped): yes 5 (83.3%), partly 1 (16.7%), no 0.
"$D" --format csv report feedback --from 2026-11-01 --to 2026-11-30 | tr -d '\r' >fb.csv
check "relationship yes 6 of 8" grep -q '^relationship,yes,8,6,75.0$' fb.csv
check "relationship partly 1 of 8" grep -q '^relationship,partly,8,1,12.5$' fb.csv
check "understand_baby yes 5 of 6" grep -q '^understand_baby,yes,6,5,83.3$' fb.csv
check "understand_baby no 0 of 6" grep -q '^understand_baby,no,6,0,0.0$' fb.csv
expect 0 '"respondents": *8' -- "$D" --format json report feedback --from 2026-11-01 --to 2026-11-30
"$D" --format csv report feedback --from 2026-11-01 --to 2026-11-30 --publish | tr -d '\r' >fbp.csv
check "published: 6 of 8 shown" grep -q '^relationship,yes,8,6,75.0$' fbp.csv
check "published: 1 hidden with its percentage" grep -q '^relationship,partly,8,\*,\*$' fbp.csv
check "published: maybe 1 hidden" grep -q '^recommend,maybe,8,\*,\*$' fbp.csv
check "published: 0 is shown" grep -q '^understand_baby,no,6,0,0.0$' fbp.csv
expect 0 "Family feedback" -- "$D" --format html report feedback --from 2026-11-01 --to 2026-11-30
# CSV: letters.csv and feedback.csv round-trip byte-identically, and a bad
# row is refused whole with its file, line and column.
"$D" export out >/dev/null
check "letters.csv header" bash -c "head -1 out/letters.csv | tr -d '\r' | grep -qx 'letter_id,referral_id,kind,to,produced_at,produced_by,html'"
check "feedback.csv header" bash -c "head -1 out/feedback.csv | tr -d '\r' | grep -qx 'referral_id,questionnaire,answered_on,answers,recorded_by'"
NEW=$(fresh_db new)
expect 0 "3 letters, 8 feedback response sets" -- "$D" --db "$NEW" import out
expect 0 "3 letters, 8 feedback response sets" -- "$D" --db "$NEW" export back
check "letters.csv byte-identical after a round trip" cmp -s out/letters.csv back/letters.csv
check "feedback.csv byte-identical after a round trip" cmp -s out/feedback.csv back/feedback.csv
check "every file byte-identical after a round trip" diff -r out back
"$D" --db "$NEW" letter show 1 >ack2.html
check "the letter as it was made" cmp -s ack.html ack2.html
bad() { # bad NAME FILE SED-EXPRESSION: the export with FILE edited (and no manifest)
	rm -rf "$1" && cp -r out "$1" && rm "$1/manifest.csv" && sed -i "$3" "$1/$2"
}
bad kind letters.csv "s/,acknowledgement,referrer,/,thanks,referrer,/"
expect 2 "letters.csv line 2.*kind.*must be acknowledgement, decision or discharge" -- \
	"$D" --db "$(fresh_db kind)" import kind
bad stamp letters.csv "2s/,20[0-9-]*T[0-9:]*Z,/,yesterday,/"
expect 2 "letters.csv line 2.*produced_at.*YYYY-MM-DDTHH:MM:SSZ" -- "$D" --db "$(fresh_db stamp)" import stamp
bad answer feedback.csv "2s/yes;partly;;yes/yes;maybe;;yes/"
expect 2 "feedback.csv line 2.*answers.*question 2 \(listened\) must be one of" -- \
	"$D" --db "$(fresh_db answer)" import answer
bad noref feedback.csv "2s/^1,/99,/"
expect 2 "feedback.csv line 2.*referral_id.*referral 99 does not exist" -- "$D" --db "$(fresh_db noref)" import noref
bad twice feedback.csv "3s/^2,/1,/"
expect 2 "feedback.csv line 3.*referral_id.*feedback there twice" -- "$D" --db "$(fresh_db twice)" import twice
finish
