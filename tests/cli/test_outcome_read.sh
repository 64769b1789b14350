#!/usr/bin/env bash
# test_outcome_read.sh: the outcomes and completeness reports read the
# period's discharged referrals with their measures in one pass
# (store_report_measures) and pair each referral's scores in app/. This
# holds the rules that pass must keep, each at its edge: a referral with no
# measure still counts as discharged; a review measure makes a referral
# eligible for its instrument but gives no pair; of two baselines the
# earliest and of two ends the latest are paired, whatever order they were
# entered in; two respondents of one referral give two pairs; a measure
# entered in error counts for nothing (an instrument whose only measure is
# in error is not eligible), and undoing the mark brings it back.
. "$(dirname "$0")/lib.sh"

GAD="1;1;1;1;1;1;0"
ep=0
fam=0
person=0
# referral: a family with a mother, a father and an infant, a referral
# accepted on 2026-02-02; sets $ep, $mum, $dad.
referral() {
	fam=$((fam + 1))
	"$DYAD" family add >/dev/null
	mum=$((person + 1)) dad=$((person + 2)) baby=$((person + 3))
	person=$((person + 3))
	"$DYAD" person add --family $fam --role caregiver --relationship mother --given-name Ann --family-name "Read$fam" --dob 1995-01-01 >/dev/null
	"$DYAD" person add --family $fam --role caregiver --relationship father --given-name Ben --family-name "Read$fam" --dob 1994-01-01 >/dev/null
	"$DYAD" person add --family $fam --role infant --given-name Cy --family-name "Read$fam" --dob 2026-01-01 >/dev/null
	ep=$((ep + 1))
	"$DYAD" referral add --family $fam --infant $baby --caregiver $mum --received 2026-02-01 --source gp >/dev/null
	"$DYAD" referral triage --referral $ep --decision accepted --date 2026-02-02 >/dev/null
}
measure() { # REFERRAL RESPONDENT INSTRUMENT TIMEPOINT DATE RESPONSES
	expect 0 "" -- "$DYAD" measure add --referral "$1" --respondent "$2" --instrument "$3" --timepoint "$4" \
		--date "$5" --responses "$6"
}
discharge() {
	expect 0 "Discharged" -- "$DYAD" discharge --referral "$1" --date 2026-07-20 --reason planned_ending \
		--care-status with_birth_family
}

expect 0 "Created" -- "$DYAD" init
# Referral 1: the mother's two baselines and two ends entered latest first
# (pair 10 -> 6), the father's baseline and end (pair 20 -> 5), a GAD-7
# review only.
referral
measure 1 $mum phq9 end 2026-07-01 "$(phq9_answers 6)"
measure 1 $mum phq9 end 2026-06-01 "$(phq9_answers 4)"
measure 1 $mum phq9 baseline 2026-03-01 "$(phq9_answers 14)"
measure 1 $mum phq9 baseline 2026-02-10 "$(phq9_answers 10)"
measure 1 $dad phq9 baseline 2026-02-11 "$(phq9_answers 20)"
measure 1 $dad phq9 end 2026-07-02 "$(phq9_answers 5)"
measure 1 $mum gad7 review 2026-04-01 "$GAD"
discharge 1
# Referral 2: no measure at all.
referral
discharge 2
# Referral 3: a PHQ-9 baseline and an end; the end is entered in error below.
referral
measure 3 $mum phq9 baseline 2026-02-10 "$(phq9_answers 12)"
measure 3 $mum phq9 end 2026-07-10 "$(phq9_answers 2)"
discharge 3
# Referral 4: a GAD-7 baseline only, entered in error below.
referral
measure 4 $mum gad7 baseline 2026-02-10 "$GAD"
discharge 4
# Referral 5: discharged, but outside the period.
referral
measure 5 $mum phq9 baseline 2026-02-10 "$(phq9_answers 9)"
measure 5 $mum phq9 end 2026-08-01 "$(phq9_answers 1)"
"$DYAD" discharge --referral 5 --date 2026-08-20 --reason planned_ending --care-status with_birth_family >/dev/null

end3=$("$DYAD" --format json measure list 3 | jq '[.[] | select(.timepoint == "end")][0].measure_id')
base4=$("$DYAD" --format json measure list 4 | jq '[.[] | select(.timepoint == "baseline")][0].measure_id')
expect 0 "" -- "$DYAD" measure error "$end3" --reason "wrong form"
expect 0 "" -- "$DYAD" measure error "$base4" --reason "wrong family"

P="--from 2026-07-01 --to 2026-07-31"
same() { # NAME GOT WANT
	if [ "$2" = "$3" ]; then passed=$((passed + 1)); else echo "FAIL: $1: got $2, want $3"; failed=$((failed + 1)); fi
}
out=$("$DYAD" --format json report outcomes $P)
same "discharged, with the referral that has no measure" "$(jq .n_discharged <<<"$out")" 4
same "PHQ-9 total: episodes, pairs, means (earliest baseline, latest end, both respondents)" \
	"$(jq -c '.scales[] | select(.instrument == "phq9" and .scale == "total") | [.n_episodes, .n_pairs, .mean_pre, .mean_post]' <<<"$out")" \
	"[2,2,15,5.5]"
same "GAD-7: a review alone gives no pair, so no scale figures" \
	"$(jq -c '[.scales[] | select(.instrument == "gad7") | .n_pairs]' <<<"$out")" "[]"
comp=$("$DYAD" --format json report completeness $P)
same "completeness PHQ-9: referral 3 eligible by its baseline, its end in error" \
	"$(jq -c '.instruments[] | select(.instrument == "phq9") | [.eligible, .with_baseline, .with_end, .with_both]' <<<"$comp")" \
	"[2,2,1,1]"
same "completeness GAD-7: the review's referral only (referral 4's one measure is in error)" \
	"$(jq -c '.instruments[] | select(.instrument == "gad7") | [.eligible, .with_baseline, .with_end, .with_both]' <<<"$comp")" \
	"[1,0,0,0]"

# Undoing the marks brings both measures back into the figures.
for f in 3 4; do
	c=$("$DYAD" --format csv history --family $f | awk -F, '$4 == "measure" && $6 == "entered_in_error" { print $1 }')
	expect 0 "Undid correction $c" -- "$DYAD" correction revert "$c" --reason "it was right"
done
comp=$("$DYAD" --format json report completeness $P)
same "completeness PHQ-9 after the undo" \
	"$(jq -c '.instruments[] | select(.instrument == "phq9") | [.eligible, .with_baseline, .with_end, .with_both]' <<<"$comp")" \
	"[2,2,2,2]"
same "completeness GAD-7 after the undo" \
	"$(jq -c '.instruments[] | select(.instrument == "gad7") | [.eligible, .with_baseline, .with_end, .with_both]' <<<"$comp")" \
	"[2,1,0,0]"
out=$("$DYAD" --format json report outcomes $P)
same "PHQ-9 pairs after the undo" \
	"$(jq -c '.scales[] | select(.instrument == "phq9" and .scale == "total") | [.n_pairs, .mean_pre, .mean_post]' <<<"$out")" \
	"[3,14,4.333333333]"
finish
