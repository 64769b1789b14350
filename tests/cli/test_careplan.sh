#!/usr/bin/env bash
# Care plans from the command line: the catalogue checked and a team's own
# intervention added without code changes; a plan with a co-working pair
# and linked goals; progress counted from attended contacts of that
# intervention only; status moves (stopped early needs a reason); bad input
# refused with the field.
# Usage: bash test_careplan.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"
unset DYAD_INTERVENTIONS
D=$DYAD

expect 0 "circle_of_security +Circle of Security Parenting +group +8" -- "$D" interventions list
expect 0 '"completion_min_sessions": 6' -- "$D" --format json interventions list
printf '[intervention a]\nname = A\nmode = grp\n' >bad.ini
expect 2 "bad.ini line 3: mode: must be individual, dyadic, group or home_visiting" -- \
	"$D" interventions list --interventions bad.ini

"$D" init --team-name T >/dev/null
"$D" family add >/dev/null
"$D" person add --family 1 --role caregiver --relationship mother --given-name Ann --family-name Example \
	--dob 1996-04-01 >/dev/null
"$D" person add --family 1 --role infant --given-name Bo --family-name Example --dob 2026-06-01 >/dev/null
"$D" practitioner add --name "Nurse One" --profession specialist_health_visitor >/dev/null
"$D" practitioner add --name "Worker Two" --profession social_worker >/dev/null
"$D" referral add --family 1 --infant 2 --caregiver 1 --received 2026-09-01 --source health_visitor >/dev/null
"$D" referral triage 1 --decision accepted --date 2026-09-02 >/dev/null
"$D" goal add --referral 1 --text "Enjoy bath time together" --date 2026-09-10 >/dev/null

# A plan with a co-working pair, the catalogue's 8 sessions, one goal.
expect 0 "Added plan 1: circle_of_security from 2026-09-15, 8 sessions planned \(active\)" -- \
	"$D" careplan add --referral 1 --intervention circle_of_security --start 2026-09-15 \
	--practitioners 1,2 --goals 1 --status active
expect 0 "Added plan 2: parent_infant_psychotherapy from 2026-10-01, 12 sessions planned \(planned\)" -- \
	"$D" careplan add --referral 1 --intervention parent_infant_psychotherapy --start 2026-10-01 \
	--sessions 12 --practitioners 1
# Refusals, each naming its field.
expect 2 "intervention: is not in the intervention catalogue" -- "$D" careplan add --referral 1 \
	--intervention walk_and_talk --start 2026-10-01 --sessions 6 --practitioners 1
expect 2 "sessions: is needed" -- "$D" careplan add --referral 1 --intervention systemic_family_therapy \
	--start 2026-10-01 --practitioners 1
expect 2 "start: is before the referral was received" -- "$D" careplan add --referral 1 \
	--intervention baby_massage --start 2026-08-01 --practitioners 1
expect 2 "practitioners: practitioner 9 does not exist" -- "$D" careplan add --referral 1 \
	--intervention baby_massage --start 2026-10-01 --practitioners 1,9
expect 2 "practitioners: lists 1 twice" -- "$D" careplan add --referral 1 \
	--intervention baby_massage --start 2026-10-01 --practitioners 1,1
expect 2 "goals: goal 5 does not exist" -- "$D" careplan add --referral 1 \
	--intervention baby_massage --start 2026-10-01 --practitioners 1 --goals 5
expect 3 "referral 9 does not exist|does not exist" -- "$D" careplan add --referral 9 \
	--intervention baby_massage --start 2026-10-01 --practitioners 1

# Progress: attended circle_of_security contacts from the start count; a
# did-not-attend, another intervention and a contact before the start do not.
c() { "$D" contact add --referral 1 --kind group --location childrens_centre --practitioners 1,2 "$@" >/dev/null; }
c --date 2026-09-10 --intervention circle_of_security --attendance attended
for d in 2026-09-15 2026-09-22 2026-09-29; do c --date $d --intervention circle_of_security --attendance attended; done
c --date 2026-10-06 --intervention circle_of_security --attendance did_not_attend
c --date 2026-10-06 --intervention baby_massage --attendance attended
expect 0 "circle_of_security +2026-09-15 +active +2026-09-15 +3 +8 +37 +1;2 +1" -- "$D" careplan list --referral 1
expect 0 '"delivered": 3' -- "$D" --format json careplan list --referral 1
check "the plan's co-working pair and goal in JSON" bash -c \
	"'$D' --format json careplan list --referral 1 | tr -d ' \n' | grep -q '\"practitioners\":\[1,2\],\"goals\":\[1\]'"

# Moves: stopped early needs a reason; a stopped plan stays stopped.
expect 2 "reason: is required when a plan stops early" -- "$D" careplan move --plan 1 --to stopped_early \
	--date 2026-10-07
expect 0 "Plan 1 is now stopped_early" -- "$D" careplan move --plan 1 --to stopped_early --date 2026-10-07 \
	--reason "family moved to days"
expect 3 "status: a stopped_early plan cannot become completed" -- "$D" careplan move --plan 1 --to completed \
	--date 2026-10-08
expect 3 "status: a planned plan cannot become completed" -- "$D" careplan move --plan 2 --to completed \
	--date 2026-10-08
expect 0 "Plan 2 is now active" -- "$D" careplan move --plan 2 --to active --date 2026-10-01
expect 2 "date: is in the future" -- "$D" careplan move --plan 2 --to completed --date 2027-01-01
expect 0 "stopped_early +2026-10-07 +family moved to days +3 +8" -- "$D" careplan list --referral 1
# Sessions after a plan stopped do not count towards it.
c --date 2026-10-13 --intervention circle_of_security --attendance attended
expect 0 "stopped_early +2026-10-07 +family moved to days +3 +8" -- "$D" careplan list --referral 1

# A team's own intervention, added to a copy of the catalogue, needs no code change.
cp "$SRC/config/interventions.ini" own.ini
printf '\n[intervention walk_and_talk]\nname = Walk and talk\nmode = individual\nplanned_sessions = 6\n' >>own.ini
expect 0 "walk_and_talk +Walk and talk +individual +6" -- "$D" interventions list --interventions own.ini
expect 0 "Added plan 3: walk_and_talk from 2026-10-01, 6 sessions planned" -- env DYAD_INTERVENTIONS=own.ini \
	"$D" careplan add --referral 1 --intervention walk_and_talk --start 2026-10-01 --practitioners 2
# ... and its contacts are recorded against the team's catalogue, not a list
# fixed in the program, and counted by its plan.
k() { "$D" contact add --referral 1 --location home --attendance attended --practitioners 2 "$@"; }
expect 2 "intervention: walk_and_talk is not in the team's intervention catalogue" -- \
	k --date 2026-10-02 --kind intervention --intervention walk_and_talk
expect 0 "Recorded contact" -- k --date 2026-10-02 --kind intervention --intervention walk_and_talk \
	--interventions own.ini
expect 0 "Recorded contact" -- env DYAD_INTERVENTIONS=own.ini "$D" contact add --referral 1 --date 2026-10-09 \
	--kind intervention --intervention walk_and_talk --location home --attendance attended
expect 0 "walk_and_talk +2026-10-01 +planned +2 +6" -- env DYAD_INTERVENTIONS=own.ini "$D" careplan list --referral 1
expect 2 "intervention: is required for an intervention contact" -- k --date 2026-10-02 --kind intervention
expect 2 "intervention: is recorded only on an intervention or group contact" -- \
	k --date 2026-10-02 --kind review --intervention baby_massage
expect 2 "intervention: walk_and_talk is an intervention of mode individual, not a group programme" -- \
	k --date 2026-10-02 --kind group --intervention walk_and_talk --interventions own.ini
expect 2 "intervention: is not an intervention code" -- k --date 2026-10-02 --kind intervention \
	--intervention "Walk And Talk"
# The catalogue file is checked before anything is written.
expect 2 "bad.ini line 3: mode" -- k --date 2026-10-02 --kind intervention --intervention walk_and_talk \
	--interventions bad.ini

# Paired, intensive home visiting: Minding the Baby with a named nurse and
# social worker from the third trimester to the child's second birthday,
# weekly visits counted against plan.
expect 0 "Added practitioner 3" -- "$D" practitioner add --name "Nia Nurse" --profession nurse
expect 0 "Added practitioner 4" -- "$D" practitioner add --name "Mo Midwife" --profession midwife
expect 0 "Added practitioner 5" -- "$D" practitioner add --name "Hal Visitor" --profession health_visitor
expect 2 "profession: is not one of .*health_visitor, nurse, midwife" -- "$D" practitioner add --name "X" --profession doula
"$D" family add >/dev/null
"$D" person add --family 2 --role caregiver --relationship mother --given-name Cat --family-name Second \
	--dob 2004-02-02 >/dev/null
"$D" person add --family 2 --role infant --given-name Unborn --family-name Second --edd 2026-12-20 >/dev/null
"$D" referral add --family 2 --infant 4 --caregiver 3 --received 2026-09-20 --source midwife >/dev/null
"$D" referral triage 2 --decision accepted --date 2026-09-21 >/dev/null
expect 0 "Added plan 4: minding_the_baby from 2026-10-01, 20 sessions planned \(active\)" -- "$D" careplan add \
	--referral 2 --intervention minding_the_baby --start 2026-10-01 --sessions 20 --practitioners 3,2 --status active
v() { "$D" contact add --referral 2 --kind intervention --intervention minding_the_baby --location home \
	--practitioners 3,2 --attendance attended --date "$1" >/dev/null; }
for d in 2026-10-01 2026-10-08 2026-10-15 2026-10-29 2026-11-12; do v $d; done
# Today is 2026-11-22: visits due on 10-01, 08, 15, 22, 29, 11-05, 12, 19 = 8; 5 made.
# Planned end: the EDD 2026-12-20 plus 24 months (the child is not born yet).
expect 0 "minding_the_baby +2026-10-01 +active +2026-10-01 +5 +20 +25 +2;3 + +2028-12-20 +8" -- \
	"$D" careplan list --referral 2
check "planned_end and visits_expected in JSON" bash -c \
	"'$D' --format json careplan list --referral 2 | tr -d ' \n' | grep -q '\"planned_end\":\"2028-12-20\",\"visits_expected\":8'"
# Once born, the second birthday counts from the date of birth.
"$D" person correct 4 --dob 2026-11-10 --reason "born" >/dev/null
expect 0 "2028-11-10 +8" -- "$D" careplan list --referral 2
# Ended on 2026-11-12: visits expected count to that day (7), no later.
expect 0 "Plan 4 is now stopped_early" -- "$D" careplan move --plan 4 --to stopped_early --date 2026-11-12 \
	--reason "moved to a neighbouring team"
expect 0 "stopped_early +2026-11-12 .* +2028-11-10 +7" -- "$D" careplan list --referral 2
# A plan without a visit frequency has none expected; a span gives its end.
expect 0 "Added plan 5: video_interaction_guidance from 2026-10-05" -- "$D" careplan add --referral 2 \
	--intervention video_interaction_guidance --start 2026-10-05 --practitioners 5
check "VIG: planned end = start + 12 weeks, no visits expected" bash -c \
	"'$D' --format csv careplan list --referral 2 | tr -d '\r' | grep -q '^5,video_interaction_guidance,2026-10-05,planned,.*,2026-12-28,\$'"

finish
