#!/usr/bin/env bash
# Group programmes from the command line: a Circle of Security run (8
# sessions, the catalogue's completion rule of 6); enrolment and the waiting
# list when the run is full; each session's attendance written as one
# contact per family (on its timeline and counted by its care plan);
# completion at its boundary (5 of 8 not complete, 6 complete); a session
# after an enrolled family's discharge refused whole.
# Usage: bash test_groups.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"
unset DYAD_INTERVENTIONS
D=$DYAD

"$D" init --team-name T >/dev/null
"$D" practitioner add --name "Fac One" --profession psychotherapist >/dev/null
"$D" practitioner add --name "Fac Two" --profession nursery_nurse >/dev/null
# Three families, each a mother and a baby, referred and accepted.
for f in 1 2 3; do
	"$D" family add >/dev/null
	c=$(( (f - 1) * 2 + 1 ))
	"$D" person add --family $f --role caregiver --relationship mother --given-name "Mum$f" --family-name Test \
		--dob 1995-01-0$f >/dev/null
	"$D" person add --family $f --role infant --given-name "Baby$f" --family-name Test --dob 2026-05-0$f >/dev/null
	"$D" referral add --family $f --infant $((c + 1)) --caregiver $c --received 2026-08-01 --source midwife >/dev/null
	"$D" referral triage $f --decision accepted --date 2026-08-02 >/dev/null
done

expect 2 "intervention: parent_infant_psychotherapy is not a group intervention" -- "$D" group add \
	--intervention parent_infant_psychotherapy --starts 2026-09-01 --venue "Hall" --location childrens_centre \
	--capacity 2 --facilitators 1
expect 0 "Added group run 1: circle_of_security from 2026-09-01, 8 sessions, 2 places" -- "$D" group add \
	--intervention circle_of_security --starts 2026-09-01 --venue "Meadows Children's Centre" \
	--location childrens_centre --capacity 2 --facilitators 1,2
expect 2 "caregiver: person 2 is an infant" -- "$D" group enrol --run 1 --referral 1 --caregiver 2
expect 2 "caregiver: person 3 is not of this referral's family" -- "$D" group enrol --run 1 --referral 1 --caregiver 3
expect 0 "Enrolled caregiver 1 in group run 1" -- "$D" group enrol --run 1 --referral 1 --caregiver 1
expect 3 "caregiver: is already enrolled" -- "$D" group enrol --run 1 --referral 1 --caregiver 1
expect 0 "Caregiver 5 is on the waiting list for the next circle_of_security run" -- "$D" group wait \
	--intervention circle_of_security --referral 3 --caregiver 5
expect 0 "Enrolled caregiver 3" -- "$D" group enrol --run 1 --referral 2 --caregiver 3
expect 3 "run: is full \(2 places\)" -- "$D" group enrol --run 1 --referral 3 --caregiver 5
expect 0 "circle_of_security +3 +5 +2026-11-22" -- "$D" group waiting

# Mum1 attends sessions 1-6, Mum2 sessions 1-5.
for n in 1 2 3 4 5; do
	expect 0 "Recorded session $n of group run 1: 2 attended, 2 contacts written" -- "$D" group session --run 1 \
		--number $n --date 2026-09-0$n --attended 1,3 --duration 120
done
expect 0 "Recorded session 6 of group run 1: 1 attended, 2 contacts written" -- "$D" group session --run 1 \
	--number 6 --date 2026-09-06 --attended 1
expect 3 "number: session 6 of this run is already recorded" -- "$D" group session --run 1 --number 6 \
	--date 2026-09-07 --attended 1
expect 2 "attended: person 5 is not enrolled" -- "$D" group session --run 1 --number 7 --date 2026-09-07 --attended 5
expect 2 "number: must be from 1 to 8" -- "$D" group session --run 1 --number 9 --date 2026-09-07
expect 2 "date: is in the future" -- "$D" group session --run 1 --number 7 --date 2026-12-01

# Completion at its boundary: 6 of 8 completes, 5 does not.
expect 0 "circle_of_security from 2026-09-01 at Meadows Children's Centre; 6 of 8 sessions held; 2 of 2 places" -- \
	"$D" group show --run 1
expect 0 "1 +1 +1 +Mum1 Test +6 +6 +6 +yes" -- "$D" group show --run 1
expect 0 "2 +2 +3 +Mum2 Test +5 +6 +6 +no" -- "$D" group show --run 1

# The sessions are on each family's record as contacts, and count for a care plan.
expect 0 "group +circle_of_security +childrens_centre +did_not_attend" -- "$D" contact list --referral 2
check "referral 1 has 6 group contacts" test "$("$D" --format csv contact list --referral 1 | grep -c ',group,')" -eq 6
"$D" careplan add --referral 1 --intervention circle_of_security --start 2026-09-01 --practitioners 1,2 \
	--status active >/dev/null
expect 0 "circle_of_security +2026-09-01 +active +2026-09-01 +6 +8 +75" -- "$D" careplan list --referral 1

# Family 2 is discharged on 2026-09-10: a later session is refused whole.
"$D" discharge --referral 2 --date 2026-09-10 --reason moved_away --care-status with_birth_family >/dev/null
expect 3 "attended: enrolment 2 \(referral 2\): the session is after the family was discharged" -- \
	"$D" group session --run 1 --number 7 --date 2026-09-14 --attended 1
expect 0 "6 of 8 sessions held" -- "$D" group show --run 1
check "nothing half-written: referral 1 still has 6 group contacts" \
	test "$("$D" --format csv contact list --referral 1 | grep -c ',group,')" -eq 6

# The CSV export carries the care plan, the run, its enrolments, every
# session's attendance (with the contact it wrote) and the waiting list.
"$D" export out >/dev/null
for f in careplans group_runs group_enrolments group_attendance group_waiting; do tr -d '\r' <out/$f.csv >$f.txt; done
check "careplans.csv" grep -qx "1,1,circle_of_security,2026-09-01,8,active,2026-09-01,,1;2,,6,cli:.*" careplans.txt
check "group_runs.csv" grep -qx "1,circle_of_security,2026-09-01,8,Meadows Children's Centre,childrens_centre,2,1;2,cli:.*" \
	group_runs.txt
check "group_enrolments.csv header" grep -qx "enrolment_id,run_id,referral_id,caregiver_id,enrolled_on" group_enrolments.txt
check "group_enrolments.csv" grep -qE "^2,1,2,3,[0-9-]{10}$" group_enrolments.txt
check "12 attendance rows (6 sessions, 2 caregivers)" test "$(tail -n +2 group_attendance.txt | wc -l)" -eq 12
check "session 6: caregiver 2 did not attend" grep -qE "^1,6,2026-09-06,2,no,[0-9]+$" group_attendance.txt
check "group_waiting.csv: taken into no run yet" grep -qE "^1,circle_of_security,3,5,[0-9-]{10},$" group_waiting.txt
check "the manifest lists them" test "$(grep -cE '^(careplans|group_runs|group_enrolments|group_attendance|group_waiting)\.csv,' out/manifest.csv)" -eq 5
# Import reads them back: a new database exported again gives the same
# files, byte for byte.
NEW=$(fresh_db new)
expect 0 "1 care plan item, 1 group run, 2 group enrolments, 1 group waiting-list entry" -- "$D" --db "$NEW" import out
expect 0 "" -- "$D" --db "$NEW" export back
check "every file is byte-identical after a round trip" diff -r out back
expect 0 "1 +1 +1 +Mum1 Test +6 +6 +6 +yes" -- "$D" --db "$NEW" group show --run 1
expect 0 "circle_of_security +2026-09-01 +active +2026-09-01 +6 +8 +75" -- "$D" --db "$NEW" careplan list --referral 1
expect 0 "circle_of_security +3 +5" -- "$D" --db "$NEW" group waiting
expect 3 "run: is full \(2 places\)" -- "$D" --db "$NEW" group enrol --run 1 --referral 3 --caregiver 5

# A row that breaks a rule is refused whole, naming the file, line and
# column (folders edited by hand, so without their manifest); nothing is
# left behind.
bad() { # bad NAME FILE SED-EXPRESSION: the export with FILE edited
	rm -rf "$1" && cp -r out "$1" && rm "$1/manifest.csv" && sed -i "$3" "$1/$2.csv"
}
bad b1 careplans "2s/,active,2026-09-01,,/,stopped_early,2026-09-20,,/"
expect 2 "careplans.csv line 2.*stop_reason" -- "$D" --db "$(fresh_db b1)" import b1
bad b2 careplans "2s/,1;2,/,1;7,/"
expect 2 "careplans.csv line 2.*practitioner_ids.*practitioner 7 does not exist" -- "$D" --db "$(fresh_db b2)" import b2
bad b3 group_runs "2s/,2,1;2,/,0,1;2,/"
expect 2 "group_runs.csv line 2.*capacity" -- "$D" --db "$(fresh_db b3)" import b3
bad b4 group_enrolments "3s/^2,1,2,3,/2,1,2,4,/"
expect 2 "group_enrolments.csv line 3.*caregiver_id.*person 4 is not a caregiver" -- "$D" --db "$(fresh_db b4)" import b4
bad b5 group_attendance "/^1,6,2026-09-06,2,no,/s/,no,/,yes,/"
expect 2 "group_attendance.csv line [0-9]+.*attended.*says yes but contact [0-9]+ says the caregiver did not attend" -- \
	"$D" --db "$(fresh_db b5)" import b5
bad b6 group_attendance "/^1,6,2026-09-06,2,no,/s/^1,6,2026-09-06,/1,6,2026-09-07,/"
expect 2 "group_attendance.csv line [0-9]+.*date.*another date on an earlier row" -- "$D" --db "$(fresh_db b6)" import b6
bad b7 group_waiting "2s/,circle_of_security,/,parent_infant_psychotherapy,/"
B7=$(fresh_db b7)
expect 2 "group_waiting.csv line 2.*intervention.*is not a group intervention" -- "$D" --db "$B7" import b7
if on_pg; then
	check "nothing half-written by a refused import" test "$(sql "$B7" "SELECT COUNT(*) FROM person")" -eq 0
else
	check "no database left behind by a refused import" test ! -e "$B7"
fi

finish
