#!/usr/bin/env bash
# Outcome measures from the command line: scoring without a database,
# instrument listing, recording with score, band and risk flag, refusals
# naming the field, acknowledgement, change, goals, text packs, rescoring,
# and CSV import scoring each row (a bad one named by line, column and item).
source "$(dirname "$0")/lib.sh"

expect 0 '"score":14,"band":"moderate","clinical":true' -- "$DYAD" score phq9 --responses "2;2;2;2;2;1;1;2;0"
expect 0 '"risk_flags":\[\{"id":"phq9_item9"' -- "$DYAD" score phq9 --responses "0;0;0;0;0;0;0;0;1"
expect 2 'responses: item 2: 4 is not allowed' -- "$DYAD" score phq9 --responses "1;4;0;0;0;0;0;0;0"
expect 2 '^dyad: responses: 2 values given but GAD-7 has 7 items' -- "$DYAD" score gad7 --responses "1;1"
expect 3 "no instrument with this id is loaded"        -- "$DYAD" score nosuch --responses "1"
expect 2 '"errors":\[\{"field":"age"'     -- "$DYAD" score asqse2 --responses "0;5"
printf 'interval,from_months,to_months,items,monitoring,cutoff\n2,0,2,16,30,40\n6,3,8,20,40,50\n' > intervals.csv
expect 0 '"interval":2'                  -- "$DYAD" score asqse2 --age-months 1 --table intervals=intervals.csv \
	--responses "0;0;5;0;0;5;0;0;10;0;0;0;0;0;0;5c"
expect 0 "pirgas +Parent-Infant"         -- "$DYAD" instruments list
expect 0 '"completed_by": "observer"'    -- "$DYAD" --format json instruments list
expect 0 "Risk items"                    -- "$DYAD" instruments show phq9
expect 0 "Unverified values"             -- "$DYAD" instruments show gbo
expect 3 "no instrument with this id is loaded"        -- "$DYAD" instruments show nosuch
mkdir badinst && sed 's/"higher_is_worse"/"upwards"/' "$SRC/instruments/gad7.json" > badinst/gad7.json
expect 2 "badinst/gad7.json: scales\[0\].direction" -- "$DYAD" instruments list --instruments badinst

# A family, a referral, and measures recorded and scored at entry.
expect 0 "Created"                       -- "$DYAD" init
expect 0 "Added family 1"                -- "$DYAD" family add
expect 0 "Added caregiver 1"             -- "$DYAD" person add --family 1 --role caregiver --relationship mother \
	--given-name Ann --family-name Example --dob 1996-04-01
expect 0 "Added infant 2"                -- "$DYAD" person add --family 1 --role infant --given-name Bo \
	--family-name Example --dob 2025-11-01 --gestation-weeks 33
expect 0 "Added practitioner 1"          -- "$DYAD" practitioner add --name "Pat Lee" --profession psychotherapist
expect 0 "Logged referral 1"             -- "$DYAD" referral add --family 1 --infant 2 --caregiver 1 \
	--received 2026-01-05 --source health_visitor
expect 0 "PHQ-9 total: 14 \(moderate; case\)" -- "$DYAD" measure add --referral 1 --instrument phq9 \
	--timepoint baseline --date 2026-01-12 --responses "2;2;2;2;2;1;1;2;0"
expect 0 "GAD-7 total: 12 \(moderate; case" -- "$DYAD" measure add --referral 1 \
	--instrument gad7 --timepoint baseline --date 2026-01-12 --responses "2;2;2;2;2;1;1"
expect 0 "RISK: PHQ-9 item 9 .*dyad measure acknowledge --measure 3" -- "$DYAD" measure add --referral 1 --instrument phq9 \
	--timepoint review --date 2026-02-12 --responses "1;1;1;1;1;1;1;1;1"
expect 2 "responses: item 3: 7 is not allowed" -- "$DYAD" measure add --referral 1 --instrument phq9 \
	--timepoint review --date 2026-02-13 --responses "1;1;7;1;1;1;1;1;1"
expect 2 "practitioner: PIR-GAS is rated by a clinician" -- "$DYAD" measure add --referral 1 --instrument pirgas \
	--timepoint baseline --date 2026-01-12 --responses 45
expect 2 "respondent: person 2 is not a caregiver" -- "$DYAD" measure add --referral 1 --instrument phq9 \
	--timepoint review --date 2026-02-14 --respondent 2 --responses "0;0;0;0;0;0;0;0;0"
expect 2 "subject: PHQ-9 is about the caregiver, not the pair" -- "$DYAD" measure add --referral 1 \
	--instrument phq9 --timepoint review --date 2026-02-14 --subject pair --responses "0;0;0;0;0;0;0;0;0"
expect 0 "PIR-GAS rating: 45 \(disturbed\)" -- "$DYAD" measure add --referral 1 --instrument pirgas \
	--timepoint baseline --date 2026-01-12 --practitioner 1 --responses 45
expect 0 "Acknowledged 1 risk flag on measure 3" -- "$DYAD" measure acknowledge --measure 3 --action "Spoke to the caregiver; safety plan agreed"
expect 3 "no unacknowledged risk flag"   -- "$DYAD" measure acknowledge --measure 3 --action "Spoke to the caregiver; safety plan agreed"
expect 3 "measure 99 does not exist"     -- "$DYAD" measure acknowledge --measure 99 --action "Spoke to the caregiver; safety plan agreed"
expect 0 "pirgas +baseline +1 +pair +1 +2 +rating +45 +disturbed" -- "$DYAD" measure list --referral 1
expect 0 "acknowledged 2026-11-22 by cli:[a-z]+ \(PHQ-9 item 9" -- "$DYAD" measure list --referral 1

expect 0 "PHQ-9 total: 3 \(minimal\)"     -- "$DYAD" measure add --referral 1 --instrument phq9 \
	--timepoint end --date 2026-04-20 --responses "0;1;0;1;0;0;0;1;0"
expect 0 "GAD-7 total: 2"                -- "$DYAD" measure add --referral 1 --instrument gad7 \
	--timepoint end --date 2026-04-20 --responses "0;0;1;0;0;1;0"
expect 0 "Added goal 1"                  -- "$DYAD" goal add --referral 1 --text "Enjoy bath time together" --date 2026-01-12
expect 0 "Added goal 2"                  -- "$DYAD" goal add --referral 1 --text "Feel calmer at bedtime" --date 2026-01-12
expect 0 "Added goal 3"                  -- "$DYAD" goal add --referral 1 --text "Get out to a group" --date 2026-01-12
expect 3 "already has 3 goals"           -- "$DYAD" goal add --referral 1 --text "One more" --date 2026-01-12
expect 0 "Rated goal 1: 2 out of 10"     -- "$DYAD" goal rate --goal 1 --date 2026-01-12 --rating 2
expect 0 "Rated goal 1: 8 out of 10"     -- "$DYAD" goal rate --goal 1 --date 2026-04-20 --rating 8
expect 2 "rating: must be"               -- "$DYAD" goal rate --goal 1 --date 2026-04-21 --rating 11
expect 0 "Enjoy bath time together +2026-01-12 +2 +2026-01-12 +2 +2026-04-20 +8" -- "$DYAD" goal list --referral 1
expect 0 "scale +1 +caregiver +1 +phq9 +total +3 +2026-01-12 +14 +2026-04-20 +3 +-11 +6 +reliable improvement +yes +yes" \
	-- "$DYAD" measures change --referral 1
expect 0 "talking_therapies .*reliable improvement +recovery +yes" -- "$DYAD" measures change --referral 1
expect 0 '"reliable_change": "reliable improvement"' -- "$DYAD" --format json measures change --referral 1
expect 0 "^goal,,pair,,,gbo,goal1,2,2026-01-12,2,2026-04-20,8,6,2.45,reliable improvement" \
	-- "$DYAD" --format csv measures change --referral 1
expect 3 "referral 9 does not exist"     -- "$DYAD" measures change --referral 9

# Licensed material stays in the database.
printf 'instrument,item,text\nphq9,1,"Our licensed words"\nphq9,10,"Too far"\n' > bad-pack.csv
expect 2 "bad-pack.csv line 3"           -- "$DYAD" instruments load-text bad-pack.csv
printf 'instrument,item,text\nphq9,1,"Our licensed words"\n' > pack.csv
expect 0 "wording of 1 items"            -- "$DYAD" instruments load-text pack.csv
expect 0 "Stored the intervals table of asqse2" -- "$DYAD" instruments load-table asqse2 intervals intervals.csv
expect 0 "ASQ:SE-2 total: 30"            -- "$DYAD" measure add --referral 1 --instrument asqse2 \
	--timepoint baseline --date 2026-01-20 --responses "0;0;5;0;0;5;0;0;10;0;0;0;0;0;0;5c"
expect 0 "Rescored 0 of"                 -- "$DYAD" measures rescore

# Export, import (scored again at import) and export give the same files;
# the wording is never exported.
expect 0 "Exported"                      -- "$DYAD" export out1
expect 1 ""                              -- grep -rq "Our licensed words" out1
expect 0 "Created"                       -- "$DYAD" --db copy.db init
expect 0 "wording of 1 items"            -- "$DYAD" --db copy.db instruments load-text pack.csv
expect 0 "Stored"                        -- "$DYAD" --db copy.db instruments load-table asqse2 intervals intervals.csv
expect 0 "Imported 1 family, "          -- "$DYAD" --db copy.db import out1
expect 0 ""                              -- "$DYAD" --db copy.db export out2
expect 0 ""                              -- diff -r out1 out2
expect 0 "phq9 +review .*acknowledged 2026-11-22 by [^ ]+ \(PHQ-9 item 9" -- "$DYAD" --db copy.db measure list --referral 1
mkdir bad && cp out1/*.csv bad/ && rm bad/manifest.csv && sed -i '2s/2;2;2;2;2;1;1;2;0/2;2;2;2;2;1;1;2;9/' bad/measures.csv
expect 2 "measures.csv line 2: responses: item 9: 9 is not allowed" -- "$DYAD" --db fresh.db import bad
expect 3 "no database at fresh.db"       -- "$DYAD" --db fresh.db family list
# The same measure twice in the file: refused whole, named by its line (the
# import sends a measure without waiting only when no earlier row has its key).
mkdir dup && cp out1/*.csv dup/ && rm dup/manifest.csv && sed -i '2p' dup/measures.csv
expect 3 "measures.csv line 3: .*already recorded" -- "$DYAD" --db dup.db import dup
expect 3 "no database at dup.db"         -- "$DYAD" --db dup.db family list

finish
