#!/usr/bin/env bash
# Clinical safety from the command line (issue 8; docs/safety/hazard-log.md
# names each check here by its "point"): risk flags seen in every view,
# acknowledged with the action taken, blocking discharge, listed by
# `dyad risks`; safeguarding on every view and first in the waiting list.
source "$(dirname "$0")/lib.sh"
export USER=tester

# lacks PATTERN -- command...: the command succeeds and its output does NOT match.
lacks() {
	local pattern=$1
	shift 2
	local out
	out=$("$@" 2>&1)
	if grep -qE -- "$pattern" <<<"$out"; then
		echo "FAIL: '$*' output has /$pattern/"
		echo "$out" | sed 's/^/    /' | head -20
		failed=$((failed + 1))
		return
	fi
	passed=$((passed + 1))
}

expect 0 "Created"      -- "$DYAD" init
expect 0 "Added family 1" -- "$DYAD" family add
expect 0 "Added caregiver 1" -- "$DYAD" person add --family 1 --role caregiver --relationship mother \
	--given-name Ann --family-name Example --dob 1996-04-01
expect 0 "Added infant 2" -- "$DYAD" person add --family 1 --role infant --given-name Bo --family-name Example \
	--dob 2026-06-01 --gestation-weeks 39
expect 0 "Logged referral 1" -- "$DYAD" referral add --family 1 --infant 2 --caregiver 1 \
	--received 2026-10-01 --source health_visitor
expect 0 "" -- "$DYAD" referral triage --referral 1 --decision accepted --date 2026-10-02
# A second family, waiting longer, with no plan and no flag.
expect 0 "Added family 2" -- "$DYAD" family add
expect 0 "Added caregiver 3" -- "$DYAD" person add --family 2 --role caregiver --relationship mother \
	--given-name Cat --family-name Other --dob 1990-01-01
expect 0 "Added infant 4" -- "$DYAD" person add --family 2 --role infant --given-name Di --family-name Other \
	--dob 2026-05-01 --gestation-weeks 40
expect 0 "Logged referral 2" -- "$DYAD" referral add --family 2 --infant 4 --caregiver 3 \
	--received 2026-09-01 --source gp
expect 0 "" -- "$DYAD" referral triage --referral 2 --decision accepted --date 2026-09-02

## point 1: a raised flag is shown in words in every view of the family, the caseload and the waiting list
expect 0 "RISK: PHQ-9 item 9" -- "$DYAD" measure add --referral 1 --instrument phq9 --timepoint baseline \
	--date 2026-11-10 --responses "2;2;1;2;1;1;2;1;1"
WORDS="RISK not acknowledged: PHQ-9 item 9 scored above 0"
expect 0 "$WORDS"  -- "$DYAD" family show 1
expect 0 "$WORDS"  -- "$DYAD" referral show 1
expect 0 "$WORDS"  -- "$DYAD" measure list --referral 1
expect 0 "$WORDS"  -- "$DYAD" caseload
expect 0 "$WORDS"  -- "$DYAD" family list
expect 0 "$WORDS"  -- "$DYAD" waiting
expect 0 '"risk": "RISK not acknowledged: PHQ-9 item 9' -- "$DYAD" --format json waiting
lacks "phq9_item9" -- "$DYAD" caseload
lacks "RISK"       -- "$DYAD" family show 2

## point 1: acknowledgement needs the action taken, and records who and when
expect 1 "missing required option --action" -- "$DYAD" measure acknowledge --measure 1
expect 2 "action: is required" -- "$DYAD" measure acknowledge --measure 1 --action "   "

## point 1: discharge with an open flag is refused unless the action taken is recorded
expect 3 "risk-action: referral 1 has 1 risk flag not acknowledged \(PHQ-9 item 9" -- "$DYAD" discharge \
	--referral 1 --date 2026-11-20 --reason planned_ending --care-status with_birth_family
expect 0 "$WORDS"  -- "$DYAD" family show 1

## point 1: `dyad risks` lists open flags older than a number of days (default 2)
expect 0 "1 +1 +1 +2026-11-10 +12 +PHQ-9 item 9" -- "$DYAD" risks
expect 0 "No risk flag has been left open that long" -- "$DYAD" risks --older-than 13
expect 2 "older-than" -- "$DYAD" risks --older-than -1

expect 0 "Acknowledged 1 risk flag on measure 1, by cli:tester" -- "$DYAD" measure acknowledge --measure 1 \
	--action "Phoned the caregiver the same day; GP informed; safety plan agreed"
expect 0 "acknowledged 2026-11-22 by cli:tester \(PHQ-9 item 9" -- "$DYAD" measure list --referral 1
expect 0 "Phoned the caregiver the same day" -- "$DYAD" --format csv measure list --referral 1
lacks "RISK not acknowledged" -- "$DYAD" family show 1
lacks "RISK not acknowledged" -- "$DYAD" caseload
expect 0 "No risk flag has been left open" -- "$DYAD" risks

## point 1: a discharge records the action taken for a flag still open, and acknowledges it
expect 0 "RISK: EPDS item 10" -- "$DYAD" measure add --referral 1 --instrument epds --timepoint baseline \
	--date 2026-11-11 --responses "1;1;1;1;1;1;1;1;1;2"
expect 0 "Discharged referral 1" -- "$DYAD" discharge --referral 1 --date 2026-11-20 --reason planned_ending \
	--care-status with_birth_family --risk-action "Handed over to the perinatal mental health team with the flag"
lacks "RISK not acknowledged" -- "$DYAD" family show 1
expect 0 "acknowledged 2026-11-22 by cli:tester \(EPDS item 10" -- "$DYAD" measure list --referral 1

## point 2: a blank risk item raises its own flag
expect 0 "RISK: CORE-10 item 6 \(risk item\) not answered: ask directly" -- "$DYAD" measure add --referral 2 \
	--instrument core10 --timepoint baseline --date 2026-11-12 --responses "0;4;4;0;0;;0;0;0;0"
expect 0 "not answered: ask directly" -- "$DYAD" waiting

## point 3: PIR-GAS 1-10 raises a flag that asks for a safeguarding review
expect 0 "Added practitioner 1" -- "$DYAD" practitioner add --name "Pat Lee" --profession psychotherapist
expect 0 "RISK: PIR-GAS in the documented maltreatment range \(1-10\): review safeguarding now" -- "$DYAD" \
	measure add --referral 2 --instrument pirgas --timepoint baseline --date 2026-11-12 --practitioner 1 --responses 8
expect 0 "review safeguarding now" -- "$DYAD" family show 2

## point 4: safeguarding status on every view, and the waiting list can put plans first
expect 0 "safeguarding status is now" -- "$DYAD" safeguarding set --infant 2 --status child_protection_plan --from 2026-10-05
expect 0 "SAFEGUARDING: Bo Example: child protection plan since 2026-10-05" -- "$DYAD" referral show 1
expect 0 "SAFEGUARDING: Bo Example: child protection plan" -- "$DYAD" measure list --referral 1
expect 0 "child protection plan" -- "$DYAD" family list
expect 0 "Added family 3" -- "$DYAD" family add
expect 0 "Added infant 5" -- "$DYAD" person add --family 3 --role infant --given-name Em --family-name Third \
	--dob 2026-07-01 --gestation-weeks 40
expect 0 "Added caregiver 6" -- "$DYAD" person add --family 3 --role caregiver --relationship father \
	--given-name Ed --family-name Third --dob 1992-02-02
expect 0 "Logged referral 3" -- "$DYAD" referral add --family 3 --infant 5 --caregiver 6 \
	--received 2026-11-01 --source social_care
expect 0 "" -- "$DYAD" referral triage --referral 3 --decision accepted --date 2026-11-02
expect 0 "safeguarding status is now" -- "$DYAD" safeguarding set --infant 5 --status looked_after --from 2026-11-01
expect 0 "child_protection_plan|looked_after" -- "$DYAD" --format csv waiting
# by urgency family 2 (waiting since September) comes first; by safeguarding family 3 (looked after) does
first_urgent=$("$DYAD" --format csv waiting | sed -n 2p | cut -d, -f1)
first_sg=$("$DYAD" --format csv waiting --order safeguarding | sed -n 2p | cut -d, -f1)
if [ "$first_urgent" = 2 ] && [ "$first_sg" = 3 ]; then passed=$((passed + 1)); else
	echo "FAIL: waiting order: urgency first $first_urgent (want 2), safeguarding first $first_sg (want 3)"
	failed=$((failed + 1)); fi
expect 0 "looked after" -- "$DYAD" waiting --order safeguarding
expect 2 "order: must be urgency or safeguarding" -- "$DYAD" waiting --order name

## point 10: the edge of care level
expect 0 "safeguarding status is now" -- "$DYAD" safeguarding set --infant 4 --status edge_of_care --from 2026-11-15
expect 0 "edge of care" -- "$DYAD" family show 2
# the default age limit: accepted up to and including the second birthday
expect 0 "" -- "$DYAD" family add
expect 0 "Added infant 7" -- "$DYAD" person add --family 4 --role infant --given-name Two --family-name Years \
	--dob 2024-11-22
expect 0 "Added caregiver 8" -- "$DYAD" person add --family 4 --role caregiver --relationship mother --given-name Mo \
	--family-name Years --dob 1990-05-05
expect 0 "Logged referral 4" -- "$DYAD" referral add --family 4 --infant 7 --caregiver 8 --received 2026-11-22 --source gp
expect 0 "Referral 4 \(received\): eligible" -- "$DYAD" referral check --referral 4

## point 10: a transfer names its destination; a re-referral links the earlier one; reopening within a window
P10="--db p10.db"
expect 0 "Created" -- "$DYAD" $P10 init
expect 0 "" -- "$DYAD" $P10 family add
expect 0 "" -- "$DYAD" $P10 person add --family 1 --role caregiver --relationship mother --given-name Tess \
	--family-name Ten --dob 1990-10-10
expect 0 "" -- "$DYAD" $P10 person add --family 1 --role infant --given-name Tom --family-name Ten --dob 2026-06-10
expect 0 "Logged referral 1" -- "$DYAD" $P10 referral add --family 1 --infant 2 --caregiver 1 --received 2026-09-01 \
	--source gp
expect 0 "" -- "$DYAD" $P10 referral triage --referral 1 --decision accepted --date 2026-09-02
expect 2 "transferred-to: is required: the team the family is transferred to" -- "$DYAD" $P10 discharge --referral 1 \
	--date 2026-11-01 --reason transferred --care-status with_birth_family
expect 2 "transferred-to: is given only with the reason transferred" -- "$DYAD" $P10 discharge --referral 1 \
	--date 2026-11-01 --reason moved_away --care-status with_birth_family --transferred-to "Leeds PIP"
expect 0 "Discharged" -- "$DYAD" $P10 discharge --referral 1 --date 2026-11-01 --reason transferred \
	--care-status with_birth_family --transferred-to "Leeds Parent-Infant Team"
expect 0 "Transferred to: Leeds Parent-Infant Team" -- "$DYAD" $P10 referral show 1
# a re-referral names the earlier, closed referral of the same family
expect 0 "It is a re-referral: it follows referral 1" -- "$DYAD" $P10 referral add --family 1 --infant 2 --caregiver 1 \
	--received 2026-11-05 --source health_visitor --previous 1
expect 0 "Re-referral: it follows referral 1 of this family" -- "$DYAD" $P10 referral show 2
expect 0 "^2,1,2,1,.*,,1.?$" -- "$DYAD" $P10 --format csv referral list
expect 3 "previous: referral 2 is still open" -- "$DYAD" $P10 referral add --family 1 --infant 2 --caregiver 1 \
	--received 2026-11-06 --source gp --previous 2 --allow-duplicate
expect 3 "previous: referral 9 does not exist" -- "$DYAD" $P10 referral add --family 1 --infant 2 --received 2026-11-06 \
	--source gp --previous 9 --allow-duplicate
# reopening: only within the window (configurable), only a discharged referral, always with the reason
expect 3 "only a discharged referral can be reopened" -- "$DYAD" $P10 referral reopen --referral 2 --date 2026-11-10 \
	--reason "by mistake"
expect 3 "is 9 days after the discharge: a referral is reopened within 5 days" -- env DYAD_REOPEN_WINDOW_DAYS=5 \
	"$DYAD" $P10 referral reopen --referral 1 --date 2026-11-10 --reason "the transfer fell through"
expect 2 "DYAD_REOPEN_WINDOW_DAYS: must be a whole number" -- env DYAD_REOPEN_WINDOW_DAYS=many \
	"$DYAD" $P10 referral reopen --referral 1 --date 2026-11-10 --reason "the transfer fell through"
expect 2 "reason: is required" -- "$DYAD" $P10 referral reopen --referral 1 --date 2026-11-10 --reason " "
expect 0 "Reopened referral 1: awaiting assessment again" -- "$DYAD" $P10 referral reopen --referral 1 \
	--date 2026-11-10 --reason "the transfer fell through"
expect 0 "the transfer fell through" -- "$DYAD" $P10 referral history --referral 1
lacks "Transferred to" -- "$DYAD" $P10 referral show 1
expect 0 "State: awaiting assessment" -- "$DYAD" $P10 referral show 1
expect 0 "Discharged" -- "$DYAD" $P10 discharge --referral 1 --date 2026-11-12 --reason transferred \
	--care-status with_birth_family --transferred-to "Leeds Parent-Infant Team"
# destination, link and the reopening go out and come back byte for byte
expect 0 "" -- "$DYAD" $P10 export p10out
check "referrals.csv holds the destination and the link" grep -q "Leeds Parent-Infant Team" p10out/referrals.csv
expect 0 "" -- "$DYAD" --db p10b.db import p10out
expect 0 "" -- "$DYAD" --db p10b.db export p10out2
check "referrals round-trip" cmp -s p10out/referrals.csv p10out2/referrals.csv
check "the reopening round-trips" cmp -s p10out/episode_events.csv p10out2/episode_events.csv

## point 6: reliable change from published figures, and unverified figures shown as such
expect 0 '"unverified":"bands, reliable change"' -- "$DYAD" score core10 --responses "1;1;1;1;1;1;1;1;1;1"
expect 0 "8.59 points \(SEM 3.1, z 1.96\) +unverified: reliable change" -- "$DYAD" instruments show wemwbs
expect 0 "4.3 points \(r 0.83, SD 3.76, z 1.96\)" -- "$DYAD" instruments show hads
expect 0 "7.15 points" -- "$DYAD" instruments show core10
expect 0 "CORE-10 clinical score: 14 \(mild; clinical range\) \[unverified: bands, reliable change\]" -- "$DYAD" \
	measure add --referral 2 --instrument core10 --timepoint review --date 2026-11-20 --responses "1;1;1;1;1;1;1;1;1;1"
expect 0 "unverified: bands, reliable change" -- "$DYAD" measure list --referral 2
expect 0 "unverified: bands, reliable change" -- "$DYAD" measures change --referral 2
mkdir -p teamsd && sed 's/"sd": 3.76,//' "$SRC/instruments/hads.json" > teamsd/hads.json
expect 2 "teamsd/hads.json: scales\[0\].reliable_change.sd: is required with reliability: a published standard deviation" \
	-- "$DYAD" instruments list --instruments teamsd

## point 5: overdue EDDs listed; gestation from the EDD at birth; measures that do not fit the stage refused
P5="--db p5.db"
expect 0 "Created" -- "$DYAD" $P5 init
expect 0 "" -- "$DYAD" $P5 family add
expect 0 "" -- "$DYAD" $P5 person add --family 1 --role caregiver --relationship mother --given-name Ann \
	--family-name Five --dob 1994-01-01
expect 0 "Added infant 2" -- "$DYAD" $P5 person add --family 1 --role infant --given-name Baby --family-name Five \
	--edd 2026-11-01
expect 0 "Logged referral 1" -- "$DYAD" $P5 referral add --family 1 --infant 2 --caregiver 1 --received 2026-08-01 \
	--source midwife
expect 0 "1 +2 +Baby Five +2026-11-01 +21" -- "$DYAD" $P5 pregnancies overdue
expect 0 "No pregnancy is past its due date" -- "$DYAD" $P5 pregnancies overdue --overdue-by 30
expect 2 "instrument: MPAS is completed about a born infant, and this infant was not yet born" -- "$DYAD" $P5 \
	measure add --referral 1 --instrument mpas --timepoint baseline --date 2026-08-10 \
	--responses "1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1"
expect 0 "MAAS" -- "$DYAD" $P5 measure add --referral 1 --instrument maas --timepoint baseline --date 2026-08-10 \
	--responses "3;3;3;3;3;3;3;3;3;3;3;3;3;3;3;3;3;3;3"
expect 0 "Gestation at birth: 42 weeks, worked out from the EDD" -- "$DYAD" $P5 person birth --person 2 --dob 2026-11-15
expect 0 "No pregnancy is past its due date" -- "$DYAD" $P5 pregnancies overdue
expect 2 "instrument: MAAS is completed in pregnancy" -- "$DYAD" $P5 measure add --referral 1 --instrument maas \
	--timepoint review --date 2026-11-20 --responses "3;3;3;3;3;3;3;3;3;3;3;3;3;3;3;3;3;3;3"
expect 2 "instrument: SDQ is for children from 24 months .*this infant is 0 months old" -- "$DYAD" $P5 measure add \
	--referral 1 --instrument sdq --timepoint review --date 2026-11-20 \
	--responses "1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1"

## point 9: twins on one referral: one set of clocks and counts, measures and safeguarding per infant
P9="--db p9.db"
expect 0 "Created" -- "$DYAD" $P9 init
expect 0 "" -- "$DYAD" $P9 family add
expect 0 "" -- "$DYAD" $P9 person add --family 1 --role caregiver --relationship mother --given-name Ana \
	--family-name Twin --dob 1993-03-03
expect 0 "Added infant 2" -- "$DYAD" $P9 person add --family 1 --role infant --given-name Kit --family-name Twin \
	--dob 2026-07-01 --gestation-weeks 36
expect 0 "Added infant 3" -- "$DYAD" $P9 person add --family 1 --role infant --given-name Lou --family-name Twin \
	--dob 2026-07-01 --gestation-weeks 36
expect 2 "other-infants: person 1 is not an infant" -- "$DYAD" $P9 referral add --family 1 --infant 2 --other-infants 1 \
	--caregiver 1 --received 2026-09-01 --source health_visitor
expect 2 "other_infant_ids: repeats the referral's infant 2" -- "$DYAD" $P9 referral add --family 1 --infant 2 \
	--other-infants 2 --caregiver 1 --received 2026-09-01 --source health_visitor
expect 0 "It covers 2 infants" -- "$DYAD" $P9 referral add --family 1 --infant 2 --other-infants 3 --caregiver 1 \
	--received 2026-09-01 --source health_visitor
# the second twin is on the open referral: a separate referral for them is a duplicate
expect 3 "already has an open referral \(1\)" -- "$DYAD" $P9 referral add --family 1 --infant 3 --caregiver 1 \
	--received 2026-09-02 --source gp
expect 0 "Infants covered \(2\): 2, 3" -- "$DYAD" $P9 referral show 1
expect 0 "^1,1,2,1,.*,3,,.?$" -- "$DYAD" $P9 --format csv referral list
expect 0 "" -- "$DYAD" $P9 referral triage --referral 1 --decision accepted --date 2026-09-02
# one referral waiting, counted once (still waiting: 1) by the waiting report
check "twins wait as one referral" test "$("$DYAD" $P9 --format csv waiting | tail -n +2 | wc -l)" = 1
expect 0 "^all,A,0,,,,,0,0,1,1" -- "$DYAD" $P9 --format csv report waiting --from 2026-09-01 --to 2026-11-22
# a measure about an infant names which twin; each twin's measure is their own
expect 0 "" -- "$DYAD" $P9 practitioner add --name "Pat Lee" --profession psychotherapist
expect 2 "infant: PIR-GAS is about an infant and this referral covers 2 infants" -- "$DYAD" $P9 measure add \
	--referral 1 --instrument pirgas --timepoint baseline --date 2026-09-10 --responses "75" --practitioner 1
expect 0 "PIR-GAS" -- "$DYAD" $P9 measure add --referral 1 --instrument pirgas --timepoint baseline \
	--date 2026-09-10 --responses "75" --practitioner 1 --infant 2
expect 0 "PIR-GAS" -- "$DYAD" $P9 measure add --referral 1 --instrument pirgas --timepoint baseline \
	--date 2026-09-10 --responses "45" --practitioner 1 --infant 3
# safeguarding is each twin's own
expect 0 "safeguarding status is now" -- "$DYAD" $P9 safeguarding set --infant 3 --status child_in_need --from 2026-09-05
expect 0 "SAFEGUARDING: Lou Twin: child in need" -- "$DYAD" $P9 referral show 1
lacks "Kit Twin: child in need" -- "$DYAD" $P9 referral show 1
# the further infants go out and come back in referrals.csv (other_infant_ids)
expect 0 "" -- "$DYAD" $P9 export p9out
check "referrals.csv names the second twin" grep -qE ',3,,.?$' p9out/referrals.csv
expect 0 "" -- "$DYAD" --db p9b.db import p9out
expect 0 "Infants covered \(2\): 2, 3" -- "$DYAD" --db p9b.db referral show 1
expect 0 "" -- "$DYAD" --db p9b.db export p9out2
check "twins round-trip byte for byte" cmp -s p9out/referrals.csv p9out2/referrals.csv
sed 's/,3,,\r$/,1,,\r/' p9out/referrals.csv > p9bad.csv && mkdir p9bad && cp p9out/people.csv p9bad/ && mv p9bad.csv p9bad/referrals.csv
expect 2 "referrals.csv line 2: other_infant_ids: person 1 is not an infant" -- "$DYAD" --db p9c.db import p9bad

## point 5: a pregnancy loss, stillbirth or infant death ends the referral with care; nothing more is asked
L5="--db l5.db"
expect 0 "Created" -- "$DYAD" $L5 init
expect 0 "" -- "$DYAD" $L5 family add
expect 0 "" -- "$DYAD" $L5 person add --family 1 --role caregiver --relationship mother --given-name Cara \
	--family-name Loss --dob 1991-01-01
expect 0 "Added infant 2" -- "$DYAD" $L5 person add --family 1 --role infant --given-name Baby --family-name Loss \
	--edd 2026-11-01
expect 0 "Logged referral 1" -- "$DYAD" $L5 referral add --family 1 --infant 2 --caregiver 1 --received 2026-09-01 \
	--source midwife
expect 0 "" -- "$DYAD" $L5 referral triage --referral 1 --decision accepted --date 2026-09-02
expect 0 "RISK: PHQ-9 item 9" -- "$DYAD" $L5 measure add --referral 1 --instrument phq9 --timepoint baseline \
	--date 2026-09-20 --responses "2;2;1;2;1;1;2;1;1"
expect 0 "1 +2 +Baby Loss +2026-11-01" -- "$DYAD" $L5 pregnancies overdue
expect 2 "kind: no birth is recorded for this infant" -- "$DYAD" $L5 person loss --person 2 --kind infant_death \
	--date 2026-10-10
expect 2 "kind: is not one of pregnancy_loss, stillbirth or infant_death" -- "$DYAD" $L5 person loss --person 2 --kind miscarriage --date 2026-10-10
expect 2 "date: is in the future" -- "$DYAD" $L5 person loss --person 2 --kind pregnancy_loss --date 2026-12-10
expect 2 "person: is a caregiver" -- "$DYAD" $L5 person loss --person 1 --kind pregnancy_loss --date 2026-10-10
# a risk flag still open: the referral cannot end without the action taken (as a discharge), nothing is saved
expect 3 "risk-action" -- "$DYAD" $L5 person loss --person 2 --kind pregnancy_loss --date 2026-10-10
lacks "BEREAVEMENT" -- "$DYAD" $L5 family show 1
expect 0 "Referral 1 has ended \(bereavement\); its waiting clocks stopped, neither met nor breached" -- "$DYAD" $L5 \
	person loss --person 2 --kind pregnancy_loss --date 2026-10-10 --risk-action "Rang Cara; GP and midwife told"
W5="BEREAVEMENT: Baby Loss: pregnancy loss on 2026-10-10. Please take care in every contact"
expect 0 "$W5" -- "$DYAD" $L5 family show 1
expect 0 "$W5" -- "$DYAD" $L5 referral show 1
expect 0 "$W5" -- "$DYAD" $L5 measure list --referral 1
expect 0 "State: discharged" -- "$DYAD" $L5 referral show 1
expect 0 '"loss": "pregnancy_loss"' -- "$DYAD" $L5 --format json family show 1
# no age prompt: the family page says what happened instead of "unborn (due ...)"
lacks "unborn \(due" -- "$DYAD" $L5 family show 1
expect 0 "No pregnancy is past its due date" -- "$DYAD" $L5 pregnancies overdue
expect 0 "Nobody is waiting" -- "$DYAD" $L5 waiting
lacks "Loss" -- "$DYAD" $L5 caseload
# clock A (never assessed, target 15 September) left the path: counted apart, not as breached
expect 0 "^all,A,0,,,,,0,1,0,0" -- "$DYAD" $L5 --format csv report waiting --from 2026-09-01 --to 2026-11-22
expect 0 "2 +died" -- "$DYAD" $L5 referral show 1
expect 3 "person: a pregnancy loss is recorded for this pregnancy" -- "$DYAD" $L5 person birth --person 2 \
	--dob 2026-10-20
expect 3 "person: a loss is already recorded" -- "$DYAD" $L5 person loss --person 2 --kind pregnancy_loss \
	--date 2026-10-11
# the loss goes out and comes back with the record
expect 0 "" -- "$DYAD" $L5 export l5out
check "people.csv holds the loss" grep -q "pregnancy_loss,2026-10-10" l5out/people.csv
expect 0 "" -- "$DYAD" --db l5b.db import l5out
expect 0 "$W5" -- "$DYAD" --db l5b.db family show 1
# a twin's death: the referral stays open for the living twin; nothing more is measured about the baby who died
expect 0 "Referral 1 stays open for the other infant it covers" -- "$DYAD" $P9 person loss --person 3 \
	--kind infant_death --date 2026-11-01
expect 0 "BEREAVEMENT: Lou Twin: death of the baby on 2026-11-01" -- "$DYAD" $P9 referral show 1
expect 2 "infant: a loss is recorded for this baby" -- "$DYAD" $P9 measure add --referral 1 --instrument pirgas \
	--timepoint review --date 2026-11-05 --responses "60" --practitioner 1 --infant 3
expect 0 "PIR-GAS" -- "$DYAD" $P9 measure add --referral 1 --instrument pirgas --timepoint review \
	--date 2026-11-05 --responses "80" --practitioner 1 --infant 2
# discharging later gives the baby who died the care status "died", never a living one by default
expect 0 "Discharged" -- "$DYAD" $P9 discharge --referral 1 --date 2026-11-20 --reason planned_ending \
	--care-status with_birth_family
expect 0 "3 +died" -- "$DYAD" $P9 referral show 1
expect 0 "2 +with_birth_family" -- "$DYAD" $P9 referral show 1

## point 7: a clock ends, neither met nor breached, when the episode leaves its path
P7="--db p7.db"
expect 0 "Created" -- "$DYAD" $P7 init
expect 0 "" -- "$DYAD" $P7 family add
expect 0 "" -- "$DYAD" $P7 person add --family 1 --role caregiver --relationship mother --given-name Al \
	--family-name Seven --dob 1990-01-01
expect 0 "" -- "$DYAD" $P7 person add --family 1 --role infant --given-name Bee --family-name Seven --dob 2026-04-01
expect 0 "" -- "$DYAD" $P7 practitioner add --name "Pat Lee" --profession psychotherapist
expect 0 "Logged referral 1" -- "$DYAD" $P7 referral add --family 1 --infant 2 --caregiver 1 --received 2026-09-01 \
	--source gp
expect 0 "" -- "$DYAD" $P7 referral triage --referral 1 --decision accepted --date 2026-09-02
expect 0 "" -- "$DYAD" $P7 contact add --referral 1 --date 2026-09-05 --kind assessment --location home \
	--attendance attended --duration 60 --practitioners 1 --attendees 1,2
expect 0 "Discharged" -- "$DYAD" $P7 discharge --referral 1 --date 2026-11-01 --reason planned_ending \
	--care-status with_birth_family
# clock B (target 5 October) left the path on 1 November: counted apart, not as ended or breached
expect 0 "^all,B,0,,,,,0,1,0,0" -- "$DYAD" $P7 --format csv report waiting --from 2026-09-01 --to 2026-11-22
# a group-only pathway: clock A leaves its path at the first group session
expect 0 "Logged referral 2" -- "$DYAD" $P7 referral add --family 1 --infant 2 --caregiver 1 --received 2026-11-02 \
	--source gp --allow-duplicate
expect 0 "" -- "$DYAD" $P7 referral triage --referral 2 --decision accepted --date 2026-11-02
expect 0 "" -- "$DYAD" $P7 contact add --referral 2 --date 2026-11-20 --kind group --location clinic \
	--attendance attended --duration 60 --practitioners 1 --attendees 1,2
expect 0 "Nobody is waiting" -- "$DYAD" $P7 waiting
expect 0 "^all,A,0,,,,,0,1,0,0" -- "$DYAD" $P7 --format csv report waiting --from 2026-11-02 --to 2026-11-22

finish
