#!/usr/bin/env bash
# test_reports.sh: dyad report outcomes, completeness and safeguarding on a
# hand-worked data set of seven discharged episodes (the answers are worked
# in docs/reports.md, "A worked example"; the p-values and confidence limits
# are R 4.2.2's t.test and wilcox.test), every format, and --publish:
# no published output holds a count from 1 to 4, nor lets one be recovered
# from a total.
. "$(dirname "$0")/lib.sh"

# resp TOTAL NITEMS LASTZERO: item answers (each 0-3) summing to TOTAL; the
# last item 0 when LASTZERO is 1 (PHQ-9 item 9, so no risk flag is raised).
resp() {
	local t=$1 n=$2 out="" i v
	for ((i = 1; i <= n; i++)); do
		if [ "$i" -eq "$n" ] && [ "$3" = 1 ]; then v=0; else v=$((t > 3 ? 3 : t)); fi
		t=$((t - v))
		out+="${out:+;}$v"
	done
	echo "$out"
}
ep=0
# episode PHQPRE PHQPOST GADPRE GADPOST SG_AT_REFERRAL SG_AT_DISCHARGE CARE ("-": not given)
episode() {
	local f p i
	f=$("$DYAD" family add | grep -oE '[0-9]+' | head -1)
	p=$("$DYAD" person add --family "$f" --role caregiver --relationship mother --given-name Ann \
		--family-name "Case$f" --dob 1995-01-01 | grep -oE '[0-9]+' | head -1)
	i=$("$DYAD" person add --family "$f" --role infant --given-name Bo --family-name "Case$f" \
		--dob 2026-01-01 | grep -oE '[0-9]+' | head -1)
	ep=$((ep + 1))
	"$DYAD" referral add --family "$f" --infant "$i" --caregiver "$p" --received 2026-02-01 --source gp >/dev/null
	"$DYAD" referral triage --referral "$ep" --decision accepted --date 2026-02-02 >/dev/null
	[ "$5" != none ] && "$DYAD" safeguarding set --infant "$i" --status "$5" --from 2026-01-20 >/dev/null
	[ "$6" != "$5" ] && "$DYAD" safeguarding set --infant "$i" --status "$6" --from 2026-06-01 >/dev/null
	local m="$DYAD measure add --referral $ep --respondent $p"
	$m --instrument phq9 --timepoint baseline --date 2026-02-10 --responses "$(resp "$1" 9 1)" >/dev/null
	[ "$2" != - ] && $m --instrument phq9 --timepoint end --date 2026-07-10 --responses "$(resp "$2" 9 1)" >/dev/null
	[ "$3" != - ] && $m --instrument gad7 --timepoint baseline --date 2026-02-10 --responses "$(resp "$3" 7 0)" >/dev/null
	[ "$4" != - ] && $m --instrument gad7 --timepoint end --date 2026-07-10 --responses "$(resp "$4" 7 0)" >/dev/null
	expect 0 "Discharged referral $ep" -- "$DYAD" discharge --referral "$ep" --date 2026-07-20 --reason planned_ending \
		--care-status "$7"
}

expect 0 "Created" -- "$DYAD" init
#       PHQ-9    GAD-7   safeguarding at referral / discharge        care at discharge
episode 14 6     12 5    child_protection_plan child_in_need         with_birth_family
episode 12 9     10 8    none none                                   with_birth_family
episode 20 10    15 9    child_in_need child_protection_plan         in_care
episode 9 3      - -     none none                                   with_birth_family
episode 15 15    - -     early_help none                             with_birth_family
episode 11 13    - -     none early_help                             reunited
episode 10 -     - -     none none                                   with_birth_family
# An episode discharged outside the period counts nowhere.
"$DYAD" family add >/dev/null
"$DYAD" person add --family 8 --role caregiver --relationship mother --given-name Cy --family-name Out --dob 1990-01-01 >/dev/null
"$DYAD" person add --family 8 --role infant --given-name Di --family-name Out --dob 2026-01-01 >/dev/null
"$DYAD" referral add --family 8 --infant 16 --caregiver 15 --received 2026-02-01 --source gp >/dev/null
"$DYAD" referral triage --referral 8 --decision accepted --date 2026-02-02 >/dev/null
"$DYAD" measure add --referral 8 --respondent 15 --instrument phq9 --timepoint baseline --date 2026-02-10 --responses "3;3;3;3;3;3;3;0;0" >/dev/null
"$DYAD" measure add --referral 8 --respondent 15 --instrument phq9 --timepoint end --date 2026-08-10 --responses "0;0;0;0;0;0;0;0;0" >/dev/null
"$DYAD" discharge --referral 8 --date 2026-08-20 --reason planned_ending --care-status with_birth_family >/dev/null

P="--from 2026-07-01 --to 2026-07-31"
# close NAME GOT WANT: equal to 1e-9 relative (1e-12 absolute near 0), or both null.
close() {
	if awk -v g="$2" -v w="$3" 'BEGIN { if (g == "null" || w == "null") exit !(g == w);
		d = g - w; if (d < 0) d = -d; a = w < 0 ? -w : w; exit !(d <= 1e-9 * a || d <= 1e-12) }'; then
		passed=$((passed + 1))
	else
		echo "FAIL: $1: got $2, want $3"
		failed=$((failed + 1))
	fi
}

# --- outcomes -------------------------------------------------------------
json=$("$DYAD" --format json report outcomes $P)
phq=$(jq -c '.scales[] | select(.instrument == "phq9" and .scale == "total")' <<<"$json")
close "discharged in the period" "$(jq .n_discharged <<<"$json")" 7
while read -r field want; do
	close "phq9 $field" "$(jq ".$field" <<<"$phq")" "$want"
done <<'WANT'
n_episodes 7
n_pairs 6
completeness_pct 85.7
mean_pre 13.5
sd_pre 3.8340579025361627
mean_post 9.3333333333333339
sd_post 4.4121045620731456
mean_change -4.1666666666666670
sd_change 4.6654760385909890
ci95_low -9.0627834986447819
ci95_high 0.7294501653114481
t -2.1876025462728412
df 5
p_t 0.0803390926171894
wilcoxon_v 1
p_wilcoxon 0.1056454292018769
cohen_dz -0.893084999730281
d_pre_sd -1.086751106161044
pct_improved 66.7
pct_reliable_improvement 50.0
pct_reliable_deterioration 0.0
n_clinical_pre 5
pct_clinical_to_nonclinical 40.0
pct_reliable_recovery 20.0
WANT
check() { if [ "$2" = "$3" ]; then passed=$((passed + 1)); else echo "FAIL: $1: got '$2', want '$3'"; failed=$((failed + 1)); fi; }
check "phq9 direction" "$(jq -r .direction <<<"$phq")" higher_is_worse
check "fields exactly as issue 15 names them, in order" "$(jq -r 'keys_unsorted | join(",")' <<<"$phq")" \
	"instrument,scale,direction,n_episodes,n_pairs,completeness_pct,mean_pre,sd_pre,mean_post,sd_post,mean_change,sd_change,ci95_low,ci95_high,t,df,p_t,wilcoxon_v,p_wilcoxon,cohen_dz,d_pre_sd,pct_improved,pct_reliable_improvement,pct_reliable_deterioration,n_clinical_pre,pct_clinical_to_nonclinical,pct_reliable_recovery"
gad=$(jq -c '.scales[] | select(.instrument == "gad7" and .scale == "total")' <<<"$json")
# GAD-7 (cut-off 8, reliable change 4): 12->5, 10->8, 15->9.
while read -r field want; do
	close "gad7 $field" "$(jq ".$field" <<<"$gad")" "$want"
done <<'WANT'
n_episodes 3
n_pairs 3
mean_change -5
pct_reliable_improvement 66.7
n_clinical_pre 3
pct_clinical_to_nonclinical 33.3
pct_reliable_recovery 33.3
WANT
csv=$("$DYAD" --format csv report outcomes $P)
check "csv header = json fields" "$(head -1 <<<"$csv" | tr -d '\r')" "$(jq -r 'keys_unsorted | join(",")' <<<"$phq")"
expect 0 "^phq9  +total  +higher_is_worse  +7  +6  +85.7  +13.5 " -- "$DYAD" report outcomes $P
expect 0 "^<!DOCTYPE html>" -- "$DYAD" --format html report outcomes $P
expect 1 "html is for a report" -- "$DYAD" --format html waiting
expect 2 "to: is before" -- "$DYAD" report outcomes --from 2026-07-01 --to 2026-06-01
# A period with no discharge: the figures that cannot be computed are null, never 0.
empty=$("$DYAD" --format json report outcomes --from 2025-01-01 --to 2025-01-31)
check "no discharge in the period" "$(jq -c '[.n_discharged, (.scales | length)]' <<<"$empty")" "[0,0]"
one=$("$DYAD" --format json report outcomes --from 2026-08-01 --to 2026-08-31)
check "one pair: sd, t and p null" "$(jq -c '.scales[0] | [.n_pairs, .mean_change, .sd_change, .t, .p_t, .cohen_dz]' <<<"$one")" \
	"[1,-21,null,null,null,null]"

# --- completeness ---------------------------------------------------------
json=$("$DYAD" --format json report completeness $P)
check "completeness phq9" "$(jq -c '.instruments[] | select(.instrument == "phq9") | [.eligible, .with_baseline, .with_end, .with_both, .pct_both]' <<<"$json")" \
	"[7,7,6,6,85.7]"
check "completeness gad7" "$(jq -c '.instruments[] | select(.instrument == "gad7") | [.eligible, .with_baseline, .with_end, .with_both, .pct_both]' <<<"$json")" \
	"[3,3,3,3,100]"

# --- safeguarding ---------------------------------------------------------
json=$("$DYAD" --format json report safeguarding $P)
check "start x end: child protection plan row" "$(jq -c '.transitions[] | select(.at_referral == "child_protection_plan") | [.none, .early_help, .child_in_need, .child_protection_plan, .total]' <<<"$json")" "[0,0,1,0,1]"
check "start x end: none row" "$(jq -c '.transitions[] | select(.at_referral == "none") | [.none, .early_help, .total]' <<<"$json")" "[3,1,4]"
check "start x end: totals" "$(jq -c '.transitions[] | select(.at_referral == "total") | [.none, .early_help, .child_in_need, .child_protection_plan, .total]' <<<"$json")" "[4,1,1,1,7]"
check "safeguarding summary" "$(jq -c '.summary | [.n, .pct_deescalated, .pct_unchanged, .pct_escalated, .n_care_known, .pct_remained_or_reunited, .n_high, .pct_high_deescalated]' <<<"$json")" \
	"[7,28.6,42.9,28.6,7,85.7,1,100]"

# --- publish --------------------------------------------------------------
pub=$("$DYAD" --format json report outcomes $P --publish)
check "published: gad7's 3 pairs hidden, and every figure over them" \
	"$(jq -c '.scales[] | select(.instrument == "gad7") | [.n_episodes, .n_pairs, .mean_pre, .p_t, .pct_improved, .n_clinical_pre]' <<<"$pub")" \
	'["*","*","*","*","*","*"]'
check "published: phq9's 6 pairs shown" "$(jq -c '.scales[] | select(.instrument == "phq9") | [.n_pairs, .n_clinical_pre, .pct_reliable_recovery]' <<<"$pub")" "[6,5,20]"
sg=$("$DYAD" --format json report safeguarding $P --publish)
check "published: the summary's small groups hidden" "$(jq -c '.summary | [.n, .n_high, .pct_high_deescalated]' <<<"$sg")" '[7,"*","*"]'

# No published output holds a count from 1 to 4: every count field of every
# report, in JSON (counts are the n*, eligible, with_*, level and total fields).
counts='^(n|n_.*|eligible|with_.*|none|early_help|child_in_need|child_protection_plan|edge_of_care|looked_after|total|ended|left_path|still_waiting|breached_still_waiting|left_out)$'
for r in outcomes completeness safeguarding waiting; do
	out=$("$DYAD" --format json report "$r" $P --publish)
	small=$(jq --arg re "$counts" '[.. | objects | to_entries[] | select(.key | test($re)) | .value | numbers | select(. >= 1 and . <= 4)] | length' <<<"$out")
	check "published $r: no count from 1 to 4" "$small" 0
	# The same data unpublished does hold small counts (the check can fail).
	out=$("$DYAD" --format json report "$r" $P)
	small=$(jq --arg re "$counts" '[.. | objects | to_entries[] | select(.key | test($re)) | .value | numbers | select(. >= 1 and . <= 4)] | length' <<<"$out")
	[ "$r" = waiting ] || check "unpublished $r holds small counts" "$([ "$small" -gt 0 ] && echo yes)" yes
done
# Nor lets one be recovered from a total: in the start x end table, no row
# (with its total) and no column (with its total) holds exactly one hidden
# figure; the hidden figures are really 1 to 4 or hide one.
tsv=$(jq -r '.transitions[] | [.none, .early_help, .child_in_need, .child_protection_plan, .edge_of_care, .looked_after, .total] | @tsv' <<<"$sg")
rows_single=$(awk -F'\t' '{ h = 0; for (i = 1; i <= NF; i++) h += $i == "*"; if (h == 1) n++ } END { print n + 0 }' <<<"$tsv")
cols_single=$(awk -F'\t' '{ for (i = 1; i <= NF; i++) h[i] += $i == "*" } END { for (i in h) if (h[i] == 1) n++; print n + 0 }' <<<"$tsv")
check "no row holds a single hidden figure" "$rows_single" 0
check "no column holds a single hidden figure" "$cols_single" 0
check "the CSV hides the same cells as the JSON" \
	"$("$DYAD" --format csv report safeguarding $P --publish | tr -d '\r' | tr ',' '\n' | grep -c '^\*$')" \
	"$(jq '[.. | select(. == "*")] | length' <<<"$sg")"

# --- twins: the safeguarding figures count each infant of a referral --------
f=$("$DYAD" family add | grep -oE '[0-9]+' | head -1)
c=$("$DYAD" person add --family "$f" --role caregiver --relationship mother --given-name Eve --family-name Twin \
	--dob 1994-01-01 | grep -oE '[0-9]+' | head -1)
t1=$("$DYAD" person add --family "$f" --role infant --given-name Fay --family-name Twin --dob 2026-03-01 | grep -oE '[0-9]+' | head -1)
t2=$("$DYAD" person add --family "$f" --role infant --given-name Gus --family-name Twin --dob 2026-03-01 | grep -oE '[0-9]+' | head -1)
expect 0 "covers 2 infants" -- "$DYAD" referral add --family "$f" --infant "$t1" --other-infants "$t2" --caregiver "$c" \
	--received 2026-03-10 --source gp
tw=$("$DYAD" --format csv referral list | tail -n +2 | tail -1 | cut -d, -f1)
"$DYAD" referral triage --referral "$tw" --decision accepted --date 2026-03-11 >/dev/null
"$DYAD" safeguarding set --infant "$t1" --status child_protection_plan --from 2026-03-01 >/dev/null
"$DYAD" safeguarding set --infant "$t1" --status none --from 2026-08-01 >/dev/null
"$DYAD" safeguarding set --infant "$t2" --status child_in_need --from 2026-08-01 >/dev/null
expect 0 "Discharged referral $tw" -- "$DYAD" discharge --referral "$tw" --date 2026-09-15 --reason planned_ending \
	--care-status "$t1:with_birth_family,$t2:in_care"
tj=$("$DYAD" --format json report safeguarding --from 2026-09-01 --to 2026-09-30)
check "twins: two infants, one de-escalated, one escalated, one still with the birth family" \
	"$(jq -c '.summary | [.n, .pct_deescalated, .pct_escalated, .n_care_known, .pct_remained_or_reunited, .n_high, .pct_high_deescalated]' <<<"$tj")" \
	"[2,50,50,2,50,1,100]"
check "twins: each infant's own row of the start x end table" \
	"$(jq -c '[.transitions[] | select(.at_referral == "child_protection_plan" or .at_referral == "none") | [.at_referral, .none, .child_in_need, .total]]' <<<"$tj")" \
	'[["none",0,1,1],["child_protection_plan",1,0,1]]'

finish
