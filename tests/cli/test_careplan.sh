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

finish
