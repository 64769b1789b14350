#!/usr/bin/env bash
# The referral pathway from the command line: duplicates, eligibility check
# and triage with overrides, legal and illegal moves, automatic moves on
# contacts, the waiting list and the waiting report on a hand-computed set,
# and the CSV round trip keeping states and history.
# Usage: bash test_pathway.sh DYAD_BINARY SOURCE_DIR
set -euo pipefail

DYAD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=${2:-.}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
DB_DIR=$TMP
source "$SRC/tests/cli/db.sh"
export DYAD_TODAY=2025-03-31 DYAD_DB DYAD_USER=tester
DYAD_DB=$(fresh_db t)
unset DYAD_RULES

pass=0
fail=0
OUT=""
ERR=""

# run EXPECTED_RC CMD...: runs dyad, keeps stdout/stderr, checks the exit code.
run() {
	local want=$1
	shift
	local rc=0
	"$DYAD" "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
	OUT=$(tr -d '\r' <"$TMP/out")
	ERR=$(cat "$TMP/err")
	if [ "$rc" -ne "$want" ]; then
		echo "FAIL: dyad $* exited $rc, expected $want"
		echo "  stdout: $OUT" | head -5
		echo "  stderr: $ERR"
		fail=$((fail + 1))
		return 1
	fi
	return 0
}

ok() { pass=$((pass + 1)); }
bad() {
	echo "FAIL: $1"
	fail=$((fail + 1))
}
# has TEXT PATTERN NAME
has() { if grep -q -- "$2" <<<"$1"; then ok; else bad "$3: expected '$2' in: $1"; fi; }

run 0 init && ok

# A family: caregiver 1, infant 2 (born 2022-01-01: 36 months at referral).
run 0 family add && ok
run 0 person add --family 1 --role caregiver --relationship mother --given-name Ann --family-name Marsh \
	--dob 1990-04-04 --postcode "NG7 2UH" --nhs-number 9990000018 && ok
run 0 person add --family 1 --role infant --given-name Bo --family-name Marsh --dob 2022-01-01 && ok
run 0 referral add --family 1 --infant 2 --caregiver 1 --received 2025-01-10 --source gp && ok
has "$OUT" "Logged referral 1" "referral add"

# Duplicates: refused with exit 3, naming the open referral; allowed with the flag.
run 3 referral add --family 1 --infant 2 --received 2025-01-11 --source gp && ok
has "$ERR" "already has an open referral (1)" "duplicate message"
has "$ERR" "allow-duplicate" "duplicate hint"
if grep -q "Marsh\|9990000018" <<<"$ERR"; then bad "duplicate message names a person"; else ok; fi
run 0 referral add --family 1 --infant 2 --received 2025-01-11 --source gp --allow-duplicate && ok
has "$OUT" "an open referral: 1" "duplicate note"

# Eligibility check: 36 months against the default limit of 24.
run 0 referral check --referral 1 && ok
has "$OUT" "not eligible" "check decision"
has "$OUT" "infant is 36 months at referral, past the day they reached 24 months; the team accepts infants up to that day" "check reason"
has "$OUT" "built-in defaults" "check rules source"
# A rules file by option and by environment: areas the postcode is outside.
printf '[team]\ninfant_age_limit_months = 48\nareas = NG1, NG9 2\n' >"$TMP/rules.ini"
run 0 referral check --referral 1 --rules "$TMP/rules.ini" && ok
has "$OUT" "postcode district NG7 is outside the area served" "check area"
if grep -q "36 months" <<<"$OUT"; then bad "48-month limit still fails"; else ok; fi
DYAD_RULES="$TMP/rules.ini" run 0 --format csv referral check --referral 1 && ok
has "$OUT" "1,,no,area,no," "check csv"
printf '[team]\ncolour = blue\n' >"$TMP/bad.ini"
run 2 referral check --referral 1 --rules "$TMP/bad.ini" && ok
has "$ERR" "line 2: colour" "bad rules file"

# Triage: acceptance refused without an override (exit 3), with every reason.
run 3 referral triage --referral 1 --decision accepted --date 2025-01-12 && ok
has "$ERR" "override" "triage refused"
has "$ERR" "infant is 36 months" "triage reasons"
run 0 referral history --referral 1 && ok
if grep -q "awaiting_assessment" <<<"$OUT"; then bad "refused triage moved the state"; else ok; fi
run 2 referral triage --referral 1 --decision accepted --date 2025-01-12 --override "infant_age" && ok
run 0 referral triage --referral 1 --decision accepted --date 2025-01-12 \
	--override "infant_age:developmental delay; sibling known to the team" && ok
has "$OUT" "accepted on 2025-01-12: awaiting assessment; 1 override recorded" "triage accepted"
run 0 referral history --referral 1 && ok
has "$OUT" "received *awaiting_assessment *2025-01-12 *cli:tester" "history stamped"
has "$OUT" "infant_age *developmental delay; sibling known to the team *cli:tester *2025-01-12" "override stored"

# Decline needs a reason (exit 2); then closed: illegal moves exit 3 with the reason.
run 2 referral triage --referral 2 --decision declined --date 2025-01-12 && ok
has "$ERR" "reason: is required" "decline reason"
run 0 referral triage --referral 2 --decision declined --date 2025-01-12 --reason "duplicate of referral 1" && ok
run 3 referral move --referral 2 --to in_intervention --date 2025-01-13 && ok
has "$ERR" "cannot move from declined to in intervention: a declined referral is closed" "illegal move"
run 3 referral move --referral 1 --to in_intervention --date 2025-01-13 && ok
has "$ERR" "cannot move from awaiting assessment to in intervention" "skip assessment"
run 2 referral move --referral 1 --to sideways --date 2025-01-13 && ok
run 3 discharge --referral 2 --date 2025-01-14 --reason other --care-status with_birth_family && ok

# Contacts move the state on: attended assessment -> assessed; attended intervention -> in intervention.
run 0 contact add --referral 1 --date 2025-01-20 --kind assessment --location home --attendance did_not_attend && ok
run 0 contact add --referral 1 --date 2025-01-27 --kind assessment --location home --attendance attended && ok
run 0 referral move --referral 1 --to awaiting_intervention --date 2025-01-28 --reason "VIG waiting list" && ok
run 0 contact add --referral 1 --date 2025-02-20 --kind intervention --intervention video_interaction_guidance \
	--location home --attendance attended && ok
run 0 referral history --referral 1 && ok
has "$OUT" "awaiting_assessment *assessed *2025-01-27" "auto assessed"
has "$OUT" "awaiting_intervention *in_intervention *2025-02-20" "auto in intervention"
run 0 discharge --referral 1 --date 2025-03-20 --reason planned_ending --care-status with_birth_family && ok
run 0 --format csv referral history --referral 1 && ok
has "$OUT" "state_change,in_intervention,discharged,,2025-03-20,cli:tester,planned_ending" "discharge event"

# The waiting set (see tests/app/test_pathway_app.c, families E1-E4):
#   E1 A 01-02..01-10 = 8 (Jan), B 01-10..02-05 = 26 (Feb)
#   E2 DNA 01-12, A 01-05..01-25 = 20 (Jan, breached), B waiting from 01-25 (target 02-25)
#   E3 A 01-20..02-03 = 14 (Feb, on the target day), B waiting from 02-03 (target 03-03)
#   E4 A waiting from 02-10 (target 02-24)
DYAD_DB=$(fresh_db w)
run 0 init && ok
add_family() { # N RECEIVED
	"$DYAD" family add >/dev/null
	"$DYAD" person add --family "$1" --role caregiver --relationship mother --given-name Cara --family-name "W$1" --dob 1990-01-01 >/dev/null
	"$DYAD" person add --family "$1" --role infant --given-name Dee --family-name "W$1" --dob 2024-10-01 >/dev/null
	"$DYAD" referral add --family "$1" --infant $((2 * $1)) --caregiver $((2 * $1 - 1)) --received "$2" --source gp >/dev/null
	"$DYAD" referral triage --referral "$1" --decision accepted --date "$2" >/dev/null
}
seen() { "$DYAD" contact add --referral "$1" --date "$2" --kind "$3" --location clinic --attendance "$4" \
	$([ "$3" = intervention ] && echo --intervention parent_infant_psychotherapy) >/dev/null; }
add_family 1 2025-01-02
add_family 2 2025-01-05
add_family 3 2025-01-20
add_family 4 2025-02-10
seen 1 2025-01-10 assessment attended
seen 1 2025-02-05 intervention attended
seen 2 2025-01-12 assessment did_not_attend
seen 2 2025-01-25 assessment attended
seen 3 2025-02-03 assessment attended
seen 3 2025-03-05 intervention attended

run 0 --format csv waiting --as-of 2025-02-28 && ok
rows=$(tail -n +2 <<<"$OUT" | cut -d, -f4,5,7,8,9 | tr '\n' ' ')
if [ "$rows" = "4,A,18,2025-02-24,-4 2,B,34,2025-02-25,-3 3,B,25,2025-03-03,3 " ]; then ok; else bad "waiting order: $rows"; fi
has "$OUT" "4,8,Dee W4,4,A,2025-02-10" "waiting names"
run 0 --format csv waiting --as-of 2025-02-28 --breach-within 0 && ok
n=$(tail -n +2 <<<"$OUT" | wc -l)
[ "$n" -eq 2 ] && ok || bad "breach-within 0 gave $n rows"
run 0 --format csv waiting --as-of 2025-02-28 --breach-within 4 && ok
n=$(tail -n +2 <<<"$OUT" | wc -l)
[ "$n" -eq 3 ] && ok || bad "breach-within 4 gave $n rows"
run 0 waiting --as-of 2025-02-28 --breach-within 0 && ok
has "$OUT" "2 waiting clocks, 2 in breach" "waiting table heading"
run 2 waiting --target-a "fortnight" && ok

# The report, worked by hand:
#   A: stops 8, 20 (Jan), 14 (Feb): n 3, median rank 2 = 14, p90 rank 3 = 20, 2 of 3 met;
#      still waiting at 02-28: E4, breached.
#   B: stop 26 (Feb); still waiting E2 (breached) and E3.
run 0 --format csv report waiting --from 2025-01-01 --to 2025-02-28 && ok
expect="period,clock,n,median_days,p90_days,max_days,pct_within_target,ended,left_path,still_waiting,breached_still_waiting
all,A,3,14,20,20,66.7,0,0,1,1
all,B,1,26,26,26,100.0,0,0,2,1
2025-01,A,2,8,20,20,50.0,0,0,1,0
2025-01,B,0,,,,,0,0,2,0
2025-02,A,1,14,14,14,100.0,0,0,1,1
2025-02,B,1,26,26,26,100.0,0,0,2,1"
if [ "$OUT" = "$expect" ]; then ok; else bad "report csv:
$OUT"; fi
run 0 --format json report waiting --from 2025-01-01 --to 2025-02-28 && ok
has "$OUT" '"pct_within_target": 66.7' "report json"
has "$OUT" '"month": "2025-02"' "report json months"
run 0 --format csv report waiting --from 2025-01-01 --to 2025-02-28 --target-a "3 weeks" && ok
has "$OUT" "all,A,3,14,20,20,100.0,0,0,1,0" "report target option"
run 2 report waiting --from 2025-03-01 --to 2025-02-28 && ok

# CSV round trip keeps states and history byte for byte; without the history, states are derived.
DYAD_DB=$(fresh_db demo)
run 0 demo --families 150 --seed 3 && ok
run 0 export "$TMP/A" && ok
# import into a path with no database makes it, with the files' team
run 0 --db "$TMP/b.db" import "$TMP/A" && ok
run 0 --db "$TMP/b.db" export "$TMP/B" && ok
if diff -r "$TMP/A" "$TMP/B" >/dev/null; then ok; else bad "round trip differs"; fi
has "$(head -1 "$TMP/A/referrals.csv")" "discharge_reason,state,programme,first_time_parent" "referrals header"
has "$(head -1 "$TMP/A/episode_events.csv")" "referral_id,from_state,to_state,date,actor,reason,service,recorded_at" "events header"
mkdir "$TMP/C"
cp "$TMP"/A/*.csv "$TMP/C/"
rm "$TMP/C/episode_events.csv" "$TMP/C/manifest.csv" # edited by hand: no manifest
# drop state, programme, first_time_parent (no referral cell holds a comma)
cut -d, -f1-10 "$TMP/C/referrals.csv" >"$TMP/C/r.tmp" && mv "$TMP/C/r.tmp" "$TMP/C/referrals.csv"
run 0 --db "$TMP/c.db" init && ok
run 0 --db "$TMP/c.db" import "$TMP/C" && ok
run 0 --db "$TMP/c.db" export "$TMP/D" && ok
# Derived states equal the recorded ones except awaiting_intervention (a decision, not in the data: assessed).
diffs=$(paste -d' ' <(cut -d, -f11 "$TMP/A/referrals.csv") <(cut -d, -f11 "$TMP/D/referrals.csv") |
	awk '$1 != $2 && !($1 == "awaiting_intervention" && $2 == "assessed")' | wc -l)
[ "$diffs" -eq 0 ] && ok || bad "derived states differ in $diffs rows"
# A state that contradicts the history is refused.
sed -i '2s/,discharged,/,received,/; 2s/,in_intervention,/,received,/; 2s/,declined,/,received,/' "$TMP/A/referrals.csv"
rm "$TMP/A/manifest.csv" # edited by hand: no manifest
if ! diff -q "$TMP/A/referrals.csv" "$TMP/B/referrals.csv" >/dev/null; then
	run 0 --db "$TMP/e.db" init && ok
	run 2 --db "$TMP/e.db" import "$TMP/A" && ok
	has "$ERR" "state" "contradicting state"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
