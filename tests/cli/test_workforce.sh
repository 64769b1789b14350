#!/usr/bin/env bash
# The team's work with the wider workforce from the command line: training
# events, consultations and supervision recorded and listed; bad records
# refused whole naming the field; the workforce report's figures on a
# hand-built set, month by month, in every format; --publish shows counts
# from 1 to 4 as *; free text and named attendees never in the report.
# Usage: bash test_workforce.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"
D=$DYAD

"$D" init --team-name T >/dev/null
"$D" practitioner add --name "Tess Trainer" --profession psychotherapist >/dev/null
"$D" practitioner add --name "Sam Super" --profession clinical_psychologist >/dev/null
"$D" family add >/dev/null
"$D" person add --family 1 --role caregiver --relationship mother --given-name Ann --family-name Example \
	--dob 1996-04-01 >/dev/null

# --- training -------------------------------------------------------------
expect 0 "Recorded training event 1: COS awareness on 2026-09-10, 3 hours, 15 attendees" -- "$D" training add \
	--course "COS awareness" --date 2026-09-10 --hours 3 --trainers 1,2 \
	--attendees "health_visitor:Northtown HV:12;midwife:City Hospital:3" --named "Jane Secretname"
expect 0 "Recorded training event 2: COS awareness on 2026-10-05, 2.5 hours, 9 attendees" -- "$D" training add \
	--course "COS awareness" --date 2026-10-05 --hours 2.5 --trainers 1 \
	--attendees "health_visitor:Southtown HV:7;social_worker:County CSC:2"
expect 0 "Recorded training event 3: Infant mental health on 2026-10-20, 6 hours, 4 attendees" -- "$D" training add \
	--course "Infant mental health" --date 2026-10-20 --hours 6 --trainers 2 \
	--attendees "midwife:City Hospital:4;early_years:Meadows CC:0"
expect 2 "hours: must be more than 0 and at most 24 hours" -- "$D" training add --course C --date 2026-10-01 \
	--hours 0 --trainers 1 --attendees "midwife:X:3"
expect 2 "hours: must be more than 0 and at most 24 hours" -- "$D" training add --course C --date 2026-10-01 \
	--hours 25 --trainers 1 --attendees "midwife:X:3"
expect 2 "attendees: must count at least one attendee" -- "$D" training add --course C --date 2026-10-01 \
	--hours 2 --trainers 1 --attendees "midwife:X:0"
expect 2 "attendees: is not one of midwife, health_visitor" -- "$D" training add --course C --date 2026-10-01 --hours 2 --trainers 1 \
	--attendees "plumber:X:3"
expect 2 "date: is in the future" -- "$D" training add --course C --date 2026-12-01 --hours 2 --trainers 1 \
	--attendees "midwife:X:3"
expect 2 "trainers: practitioner 9 does not exist" -- "$D" training add --course C --date 2026-10-01 --hours 2 \
	--trainers 9 --attendees "midwife:X:3"
expect 0 "2 +2026-10-05 +COS awareness +2.5 +1 +9 +health_visitor:Southtown HV:7;social_worker:County CSC:2" -- \
	"$D" training list
check "nothing half-written: 3 events" test "$("$D" --format csv training list | tail -n +2 | wc -l)" -eq 3
expect 0 "\"named_attendees\": \"Jane Secretname\"" -- "$D" --format json training list --to 2026-09-30

# --- consultations --------------------------------------------------------
expect 0 "Recorded consultation 1: health_visitor of Northtown HV on 2026-09-01, about a family of ours" -- \
	"$D" consultation add --date 2026-09-01 --practitioner 1 --profession health_visitor \
	--organisation "Northtown HV" --family 1 --advice "Secretadvice: a joint visit" --follow-up "Call back" \
	--follow-up-on 2026-09-15
expect 0 "Recorded consultation 2" -- "$D" consultation add --date 2026-11-02 --practitioner 2 --profession midwife \
	--organisation "City Hospital" --advice "Refer to us"
expect 0 "Recorded consultation 3" -- "$D" consultation add --date 2026-10-15 --practitioner 2 \
	--profession social_worker --organisation "County CSC" --advice "Keep the baby's view in mind"
expect 2 "family: family 9 is not one of the team's" -- "$D" consultation add --date 2026-10-15 --practitioner 2 \
	--profession gp --organisation "Surgery" --family 9 --advice "x"
expect 2 "advice: is required" -- "$D" consultation add --date 2026-10-15 --practitioner 2 --profession gp \
	--organisation "Surgery" --advice ""
expect 2 "follow_up_on: is before the consultation" -- "$D" consultation add --date 2026-10-15 --practitioner 2 \
	--profession gp --organisation "Surgery" --advice "x" --follow-up-on 2026-10-01
expect 2 "practitioner: practitioner 7 does not exist" -- "$D" consultation add --date 2026-10-15 \
	--practitioner 7 --profession gp --organisation "Surgery" --advice "x"
expect 0 "1 +2026-09-01 +1 +health_visitor +Northtown HV +1 +Secretadvice: a joint visit +Call back +2026-09-15" -- \
	"$D" consultation list
check "listing a family named in a consultation is audited" \
	test "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM audit WHERE action = 'list' AND entity = 'family' AND entity_id = 1")" -ge 1

# --- supervision ----------------------------------------------------------
expect 0 "Recorded supervision 1: group, 6 supervised, 90 minutes on 2026-09-07" -- "$D" supervision add \
	--date 2026-09-07 --practitioner 2 --profession health_visitor --organisation "Northtown HV" \
	--service "Health visiting" --mode group --supervised 6 --duration 90
expect 0 "Recorded supervision 2: individual, 1 supervised, 60 minutes on 2026-09-21" -- "$D" supervision add \
	--date 2026-09-21 --practitioner 2 --profession social_worker --organisation "County CSC" \
	--service "Children's social care" --mode individual --duration 60 --supervisee "Sally Secretperson"
expect 0 "Recorded supervision 3" -- "$D" supervision add --date 2026-11-16 --practitioner 1 \
	--profession health_visitor --organisation "Southtown HV" --service "Health visiting" --mode group \
	--supervised 4 --duration 75
expect 2 "duration: must be a whole number from 1 to 600" -- "$D" supervision add --date 2026-11-16 --practitioner 1 \
	--profession health_visitor --organisation "Southtown HV" --service "Health visiting" --mode group \
	--supervised 4 --duration 601
expect 2 "supervised: must be 1 for individual supervision" -- "$D" supervision add --date 2026-11-16 \
	--practitioner 1 --profession health_visitor --organisation "Southtown HV" --service "HV" --mode individual \
	--supervised 3 --duration 60
expect 2 "mode: must be individual or group" -- "$D" supervision add --date 2026-11-16 --practitioner 1 \
	--profession health_visitor --organisation "Southtown HV" --service "HV" --mode pair --duration 60
expect 0 "2 +2026-09-21 +2 +social_worker +County CSC +Children's social care +individual +1 +60 +Sally Secretperson" -- \
	"$D" supervision list
# Records outside the period.
"$D" training add --course "Infant mental health" --date 2026-08-31 --hours 6 --trainers 2 \
	--attendees "midwife:City Hospital:40" >/dev/null
"$D" supervision add --date 2026-08-03 --practitioner 1 --profession midwife --organisation "City Hospital" \
	--service "Midwifery" --mode group --supervised 8 --duration 90 >/dev/null

# --- the report -----------------------------------------------------------
P="--from 2026-09-01 --to 2026-11-30"
csv=$("$D" --format csv report workforce $P | tr -d '\r')
row() { grep -A12 "^# $1\$" <<<"$csv" | grep -m1 "^$2,"; }
check "by month, September" test "$(row by_month 2026-09)" = "2026-09,1,3.0,15,1,1,2,1,7,2.5"
check "by month, October" test "$(row by_month 2026-10)" = "2026-10,2,8.5,13,1,0,0,0,0,0.0"
check "by month, November" test "$(row by_month 2026-11)" = "2026-11,0,0.0,0,1,0,1,1,4,1.3"
check "by month, total" test "$(row by_month total)" = "total,3,11.5,28,3,1,3,2,11,3.8"
check "trained: health visitors" test "$(row trained_by_profession health_visitor)" = "health_visitor,12,7,0,19"
check "trained: midwives (the August event left out)" test "$(row trained_by_profession midwife)" = "midwife,3,4,0,7"
check "trained: early years counted 0" test "$(row trained_by_profession early_years)" = "early_years,0,0,0,0"
check "trained: total" test "$(row trained_by_profession total)" = "total,15,13,0,28"
check "trained: by course" test "$(row trained_by_course '"COS awareness"\|COS awareness')" = "COS awareness,15,9,0,24"
check "consultations: by organisation" test "$(row consultations_by_organisation 'County CSC')" = "County CSC,0,1,0,1"
check "consultations: total" test "$(row consultations_by_organisation total)" = "total,1,1,1,3"
for f in json csv table html; do
	out=$("$D" --format $f report workforce $P)
	check "$f: the report is there" test -n "$out"
	check "$f: no advice, follow-up, names" test -z "$(grep -E 'Secret|Call back' <<<"$out")"
done
expect 0 '"people_trained": 28' -- "$D" --format json report workforce $P
expect 0 "<svg" -- "$D" --format html report workforce $P
pub=$("$D" --format csv report workforce $P --publish | tr -d '\r')
check "published: 3 consultations hidden" grep -q "^total,3,11.5,28,\*,\*,3,2,11,3.8$" <<<"$pub"
check "published: no count from 1 to 4 in a count table" \
	test -z "$(grep -A20 '^# trained_by_profession' <<<"$pub" | grep -E ',[1-4](,|$)')"
check "published: 12 and 7 stay, as do 19 and the total" grep -qx "health_visitor,12,7,0,19" <<<"$pub"
check "published: midwives' 3 and 4 hidden" grep -qx "midwife,\*,\*,0,7" <<<"$pub"
check "published: social workers' 2 hidden, and their total" grep -qx "social_worker,0,\*,0,\*" <<<"$pub"
expect 2 "to: the workforce report covers at most 24 months" -- "$D" report workforce --from 2024-01-01 --to 2026-11-30
expect 2 "to: is before" -- "$D" report workforce --from 2026-09-01 --to 2026-08-01

# --- CSV: export, import, export byte-identical; a bad row refused whole --
"$D" export out >/dev/null
for f in training training_attendees consultations supervision; do
	check "$f.csv exported" test -s out/$f.csv
done
check "training.csv" grep -q "^2,COS awareness,2026-10-05,2.5,1,,cli:tester" out/training.csv
check "training_attendees.csv" grep -q "^1,health_visitor,Northtown HV,12" out/training_attendees.csv
check "supervision.csv" grep -q "^2,2026-09-21,2,social_worker,County CSC,Children's social care,individual,1,60,Sally Secretperson,cli:tester" out/supervision.csv
N=$(fresh_db rt)
expect 0 "4 training events, 3 consultations, 4 supervision sessions" -- "$D" --db "$N" import out
"$D" --db "$N" export out2 >/dev/null
check "export, import, export: the same bytes" diff -r out out2
expect 0 "total +3 +11.5 +28 +3 +1 +3 +2 +11 +3.8" -- "$D" --db "$N" report workforce $P
bad() { rm -rf bad && cp -r out bad && rm bad/manifest.csv; }
bad; sed -i 's/,group,6,90,/,group,6,601,/' bad/supervision.csv
expect 2 "supervision.csv line 3: duration_min: must be a whole number from 1 to 600" -- "$D" --db "$(fresh_db b1)" import bad
bad; sed -i '/^3,/d' bad/training_attendees.csv
expect 2 "training.csv line 5: training_id: training 3 counts no attendee" -- "$D" --db "$(fresh_db b2)" import bad
bad; sed -i 's/^1,2026-09-01,1,health_visitor,Northtown HV,1,/1,2026-09-01,1,health_visitor,Northtown HV,7,/' bad/consultations.csv
expect 2 "consultations.csv line 2: family_id: family 7 is not one of the team's" -- "$D" --db "$(fresh_db b3)" import bad
bad; sed -i 's/^2,COS awareness,2026-10-05,2.5,/2,COS awareness,2026-10-05,0,/' bad/training.csv
expect 2 "training.csv line 4: hours: must be more than 0" -- "$D" --db "$(fresh_db b4)" import bad
bad; printf '9,midwife,City Hospital,3\n' >>bad/training_attendees.csv
expect 2 "training_attendees.csv line [0-9]+: training_id: training 9 is not in training.csv" -- \
	"$D" --db "$(fresh_db b5)" import bad

finish
