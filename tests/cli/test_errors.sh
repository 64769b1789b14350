#!/usr/bin/env bash
# Errors say what to do next, not-found is always exit 3, a bare record
# number works wherever --referral ID (or --family, --infant...) does, and
# messages count in good English.
source "$(dirname "$0")/lib.sh"

"$DYAD" init >/dev/null
"$DYAD" family add >/dev/null
"$DYAD" person add --family 1 --role caregiver --relationship mother --given-name Ann --family-name Example \
	--dob 1996-04-01 >/dev/null
"$DYAD" person add --family 1 --role infant --given-name Bo --family-name Example --dob 2020-01-01 >/dev/null
"$DYAD" referral add --family 1 --infant 2 --caregiver 1 --received 2026-11-01 --source gp >/dev/null
# A younger sibling, within ASQ:SE-2's ages (1-72 months), for the table hint below.
"$DYAD" person add --family 1 --role infant --given-name Cy --family-name Example --dob 2025-01-01 >/dev/null

# The next step is named.
expect 3 "to accept it all the same, give the reason: --override infant_age:REASON \(or --override-infant-age REASON\)" -- \
	"$DYAD" referral triage 1 --decision accepted --date 2026-11-02
expect 0 "1 override recorded"    -- "$DYAD" referral triage 1 --decision accepted --date 2026-11-02 \
	--override-infant-age "sibling known to the team"
expect 3 "discharge with .dyad discharge --referral 1 --date DATE --reason REASON --care-status STATUS." -- \
	"$DYAD" referral move 1 --to discharged --date 2026-11-03
expect 2 "load-table asqse2 TABLE FILE" -- "$DYAD" measure add 1 --instrument asqse2 --timepoint baseline \
	--date 2026-11-03 --respondent 1 --infant 3 --responses "0;0"
expect 3 "nothere is not a folder: give the folder that .dyad export DIR. wrote" -- "$DYAD" import nothere
expect 3 "no database at gone.db: create one with .dyad --db gone.db init." -- "$DYAD" --db gone.db waiting

# Not found is exit 3, whatever is missing.
expect 3 "family 9 does not exist"    -- "$DYAD" family show 9
expect 3 "referral 9 does not exist"  -- "$DYAD" referral show 9
expect 3 "person 9 does not exist"    -- "$DYAD" safeguarding set --infant 9 --status none --from 2026-11-01
expect 3 "person 9 does not exist"    -- "$DYAD" safeguarding history --infant 9
expect 3 "person 9 does not exist"    -- "$DYAD" person birth --person 9 --dob 2026-01-01
expect 3 "measure 9 does not exist"   -- "$DYAD" measure acknowledge 9 --action "reviewed"
expect 3 "goal 9 does not exist"      -- "$DYAD" goal rate --goal 9 --date 2026-11-01 --rating 3
for cmd in "referral history" "referral check" "contact list" "measure list" "goal list" "measures change"; do
	# shellcheck disable=SC2086
	expect 3 "^dyad: referral: referral 9 does not exist$" -- "$DYAD" $cmd 9
done

expect 3 "infant: person 99 does not exist" -- "$DYAD" referral add --family 1 --infant 99 --received 2026-11-01 \
	--source gp
expect 2 "infant: person 1 is not an infant" -- "$DYAD" referral add --family 1 --infant 1 --received 2026-11-01 \
	--source gp

# A bare record number, or the option: the same.
for cmd in "family show" "referral show" "referral history" "referral check" "contact list" "measure list" \
	"goal list" "measures change" "safeguarding history"; do
	opt=--referral
	case $cmd in family*) opt=--family ;; safeguarding*) opt=--infant ;; esac
	id=1
	[ "$opt" = --infant ] && id=2
	# shellcheck disable=SC2086
	a=$("$DYAD" --format json $cmd $id 2>&1)
	# shellcheck disable=SC2086
	b=$("$DYAD" --format json $cmd $opt $id 2>&1)
	if [ "$a" = "$b" ] && [ -n "$a" ]; then passed=$((passed + 1)); else
		echo "FAIL: '$cmd $id' and '$cmd $opt $id' differ"; failed=$((failed + 1)); fi
done
expect 1 "given twice" -- "$DYAD" referral show 1 --referral 1
expect 1 "given twice"   -- "$DYAD" referral show --referral 1 2

# Counting in words.
expect 0 "Imported 1 family, 3 people, 1 referral, 0 contacts" -- sh -c \
	"'$DYAD' export out >/dev/null && '$DYAD' --db copy.db import out"
expect 0 "1 waiting clock, 0 in breach" -- "$DYAD" waiting --as-of 2026-11-03
expect 0 "Caseload of .*: 1 family accepted" -- "$DYAD" caseload
finish
