#!/usr/bin/env bash
# The dyad CLI as a user types it: help, exit codes, error lines naming the
# field, a family from referral to discharge, import/export round trip.
source "$(dirname "$0")/lib.sh"

expect 0 "usage: dyad"            -- "$DYAD" --help
expect 1 "commands:"              -- "$DYAD"
expect 0 "dyad [0-9]+\.[0-9]+"    -- "$DYAD" version
expect 1 "the first word is not a command" -- "$DYAD" frobnicate
expect 1 "family: the word after it is not one of its commands" -- "$DYAD" family fly
expect 1 "dyad family show"       -- "$DYAD" family
expect 0 "--given-name NAME"      -- "$DYAD" person add --help
expect 1 "unknown option at word 1 after the command" -- "$DYAD" family list --colour red
expect 1 "missing required option --family" -- "$DYAD" person add --role infant
expect 1 "given twice: --limit"   -- "$DYAD" family list --limit 3 --limit 4
expect 1 "format: must be one of table, json or csv" -- "$DYAD" --format xml family list

expect 0 "Created .*test.db"      -- "$DYAD" init --team-name "North Test PIP"
expect 0 "Checked"                -- "$DYAD" init
expect 0 "Added family 1"         -- "$DYAD" family add
expect 0 "Added caregiver 1"      -- "$DYAD" person add --family 1 --role caregiver --relationship mother \
	--given-name Ann --family-name Example --dob 1996-04-01 --nhs-number "943 476 5919" --postcode "ng7 2uh"
expect 2 "nhs_number: is not a valid NHS number" -- "$DYAD" person add --family 1 --role caregiver \
	--relationship father --given-name Al --family-name Example --nhs-number 9434765918
expect 3 "nhs_number: another person already has this NHS number" -- "$DYAD" person add --family 1 \
	--role caregiver --relationship father --given-name Al --family-name Example --nhs-number 9434765919
expect 2 "relationship: is not one of mother" -- "$DYAD" person add --family 1 --role caregiver \
	--relationship uncle --given-name Al --family-name Example
expect 3 "family: family 9 does not exist" -- "$DYAD" person add --family 9 --role infant \
	--given-name Bo --family-name Example --dob 2026-01-01
expect 2 "dob: is not a real date" -- "$DYAD" person add --family 1 --role infant \
	--given-name Bo --family-name Example --dob 2026-02-30
expect 0 "Added infant 2"         -- "$DYAD" person add --family 1 --role infant --given-name Bo \
	--family-name Example --dob 2026-01-01 --gestation-weeks 32
expect 0 "Added practitioner 1"   -- "$DYAD" practitioner add --name "Pat Lee" --profession psychotherapist
expect 0 "Logged referral 1"      -- "$DYAD" referral add --family 1 --infant 2 --caregiver 1 \
	--received 2026-03-02 --source health_visitor
expect 2 "source: is not one of" -- "$DYAD" referral add --family 1 --infant 2 \
	--received 2026-03-02 --source police
expect 0 "Recorded contact 1"     -- "$DYAD" contact add --referral 1 --date 2026-03-10 --kind assessment \
	--location home --attendance attended --duration 90 --practitioners 1 --attendees 1,2
expect 2 "date: is before the referral was received" -- "$DYAD" contact add --referral 1 \
	--date 2026-03-01 --kind assessment --location home --attendance attended
expect 2 "attendance: is not one of" -- "$DYAD" contact add --referral 1 --date 2026-03-11 \
	--kind intervention --intervention baby_massage --location home --attendance dna
expect 0 "now child_in_need"      -- "$DYAD" safeguarding set --infant 2 --status child_in_need --from 2026-03-05
expect 0 "child_in_need +2026-03-05 *$" -- "$DYAD" safeguarding history --infant 2
expect 0 "! SAFEGUARDING: Bo Example: child in need since 2026-03-05" -- "$DYAD" family show 1
expect 0 '"relationship": "mother"' -- "$DYAD" --format json family show 1
expect 0 "^family_id,caregiver_name,infant_id,infant_name,age,referral_id,received_on,state,safeguarding"      -- "$DYAD" --format csv family list
expect 3 "family 7 does not exist" -- "$DYAD" family show 7
expect 0 "Bo +[0-9]+ months \(corrected" -- "$DYAD" family list
expect 0 "RISK: PHQ-9 item 9"     -- "$DYAD" measure add --referral 1 --instrument phq9 --timepoint baseline \
	--date 2026-03-10 --responses "2;2;1;2;1;1;2;1;1"
expect 0 "RISK not acknowledged: PHQ-9 item 9 scored above 0: review risk with the caregiver now \(measure 1" -- "$DYAD" family show 1
expect 0 ""                       -- "$DYAD" measure acknowledge --measure 1 --action "Spoke to the caregiver; safety plan agreed"
out=$("$DYAD" family show 1)
if grep -q "RISK" <<<"$out"; then echo "FAIL: risk still shown after acknowledgement"; failed=$((failed + 1)); else passed=$((passed + 1)); fi
expect 0 "Discharged referral 1"  -- "$DYAD" discharge --referral 1 --date 2026-05-01 --reason planned_ending \
	--care-status with_birth_family
expect 3 "already discharged"     -- "$DYAD" discharge --referral 1 --date 2026-05-02 --reason planned_ending \
	--care-status with_birth_family
expect 0 "with_birth_family"      -- "$DYAD" referral show 1

# Round trip through CSV, and a refused import that changes nothing.
expect 0 "Exported 2 people"      -- "$DYAD" export out1
expect 0 "Created"                -- "$DYAD" --db copy.db init
expect 0 "Imported 1 family, 2 people, 1 referral, 1 contact" -- "$DYAD" --db copy.db import out1
expect 0 ""                       -- "$DYAD" --db copy.db export out2
expect 0 ""                       -- diff -r out1 out2
expect 3 "practitioners.csv line 2: practitioner_id: 1 already exists" -- "$DYAD" --db copy.db import out1
mkdir bad && cp out1/*.csv bad/ && rm bad/manifest.csv && sed -i '3s/2026-01-01/2026-13-01/' bad/people.csv
expect 2 "people.csv line 3: date_of_birth: is not a real date" -- "$DYAD" --db fresh.db import bad
expect 3 "no database at fresh.db: create one with .dyad --db fresh.db init" -- "$DYAD" --db fresh.db family list
expect 3 "no database at /nonexistent/dir/x.db" -- "$DYAD" --db /nonexistent/dir/x.db family list
expect 4 "cannot open the database" -- "$DYAD" --db /nonexistent/dir/x.db init

finish
