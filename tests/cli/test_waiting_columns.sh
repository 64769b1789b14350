#!/usr/bin/env bash
# test_waiting_columns.sh: the waiting list's family columns come from reads
# of many families at once (app_family_alerts_many; the open risk flags of a
# long list in one read of every open flag, store_risk_open_many; the
# infants' names from the same read of the people). Each listed row must say
# what the family's own page says: its infant's name, and "RISK not
# acknowledged: <oldest flag>" with "(and N more)". Checked on a short list
# (a family look-up for each STORE_BATCH families) and on a long one with
# fewer open flags than families (the one read of every flag).
. "$(dirname "$0")/lib.sh"

EPDS_RISK="0;0;0;0;0;0;0;0;0;2" # item 10 above 0: a risk flag

# flag REFERRAL DATE: an EPDS with item 10 above 0 from the referral's caregiver.
flag() {
	local cg
	cg=$("$DYAD" --format json referral show "$1" 2>/dev/null | jq -r '.referral.caregiver_id')
	expect 0 "" -- "$DYAD" measure add --referral "$1" --respondent "$cg" --instrument epds --timepoint review \
		--date "$2" --responses "$EPDS_RISK"
}

# agree LABEL: every row of the waiting list against its family's page.
agree() {
	"$DYAD" --format json waiting 2>/dev/null >list.json
	local bad=0 rows risky
	rows=$(jq length list.json)
	risky=$(jq '[.[] | select(.risk != null)] | length' list.json)
	for f in $(jq -r '.[].family_id' list.json | sort -un); do
		"$DYAD" --format json family show "$f" 2>/dev/null >fam.json
		want_risk=$(jq -r '.unacknowledged_risks | if length == 0 then "null"
			else "RISK not acknowledged: " + .[0].label + (if length > 1 then " (and \(length - 1) more)" else "" end) end' fam.json)
		got_risk=$(jq -r --argjson f "$f" '[.[] | select(.family_id == $f)][0].risk // "null"' list.json)
		[ "$want_risk" = "$got_risk" ] || { echo "family $f: risk '$got_risk', its page: '$want_risk'"; bad=1; }
		for i in $(jq -r --argjson f "$f" '.[] | select(.family_id == $f) | .infant_id' list.json | sort -u); do
			want_name=$(jq -r --argjson i "$i" '.people[] | select(.person_id == $i) | .given_name + " " + .family_name' fam.json)
			got_name=$(jq -r --argjson i "$i" '[.[] | select(.infant_id == $i)][0].infant_name' list.json)
			[ "$want_name" = "$got_name" ] || { echo "infant $i: name '$got_name', its family's page: '$want_name'"; bad=1; }
		done
	done
	check "$1: $rows rows, $risky with a risk, each as its family's page says" test "$bad" = 0 -a "$rows" -gt 0 -a "$risky" -gt 0
}

# A short list: 300 families, about 20 waiting, flags added to two of them
# (one twice, for "and 1 more").
expect 0 "" -- "$DYAD" demo --families 300 --seed 7
first=$("$DYAD" --format json waiting 2>/dev/null | jq -r '.[0].referral_id')
second=$("$DYAD" --format json waiting 2>/dev/null | jq -r '.[1].referral_id')
flag "$first" 2026-11-01
flag "$first" 2026-11-10
flag "$second" 2026-11-05
n=$("$DYAD" --format json waiting 2>/dev/null | jq '[.[].family_id] | unique | length')
check "the short list names fewer families than a batch (64): $n" test "$n" -lt 64
agree "short list"

# A long list: 2,000 families, about 100 waiting and fewer open flags than
# that across the database, one listed family flagged twice more.
DYAD_DB=$(fresh_db long)
expect 0 "" -- "$DYAD" demo --families 2000 --seed 7
third=$("$DYAD" --format json waiting 2>/dev/null | jq -r '.[2].referral_id')
flag "$third" 2026-11-02
flag "$third" 2026-11-03
n=$("$DYAD" --format json waiting 2>/dev/null | jq '[.[].family_id] | unique | length')
open=$("$DYAD" --format json risks 2>/dev/null | jq length)
check "the long list names more families ($n) than there are open flags ($open)" test "$n" -gt 64 -a "$open" -le "$n"
agree "long list"
finish
