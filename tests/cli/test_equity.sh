#!/usr/bin/env bash
# test_equity.sh: dyad report equity on a hand-worked data set of two teams
# (every figure worked out below), --team on every report (a different
# answer for each team, a team that does not exist refused), and --publish:
# no count from 1 to 4 anywhere in the published JSON or CSV, and no hidden
# figure recoverable from a total (each column with its total, each IMD
# quintile with its two deciles).
. "$(dirname "$0")/lib.sh"

ep=0
# referral RELATIONSHIP ETHNICITY IMD RECEIVED DECISION DECIDED DISCHARGED PHQPRE PHQPOST
# ("-": none). The referred caregiver carries the ethnicity and IMD decile.
referral() {
	local f p i opts=""
	f=$("$DYAD" family add | grep -oE '[0-9]+' | head -1)
	[ "$2" != - ] && opts+=" --ethnicity $2"
	[ "$3" != - ] && opts+=" --imd-decile $3"
	# shellcheck disable=SC2086
	p=$("$DYAD" person add --family "$f" --role caregiver --relationship "$1" --given-name Ann \
		--family-name "Eq$f" --dob 1995-01-01 $opts | grep -oE '[0-9]+' | head -1)
	i=$("$DYAD" person add --family "$f" --role infant --given-name Bo --family-name "Eq$f" \
		--dob 2026-01-01 | grep -oE '[0-9]+' | head -1)
	ep=$((ep + 1))
	expect 0 "" -- "$DYAD" referral add --family "$f" --infant "$i" --caregiver "$p" --received "$4" --source gp
	case "$5" in
	accepted) expect 0 "" -- "$DYAD" referral triage --referral "$ep" --decision accepted --date "$6" ;;
	declined) expect 0 "" -- "$DYAD" referral triage --referral "$ep" --decision declined --date "$6" --reason "Not for us" ;;
	signposted) expect 0 "" -- "$DYAD" referral triage --referral "$ep" --decision signposted --date "$6" --service "Health visiting" ;;
	esac
	local m="$DYAD measure add --referral $ep --respondent $p --instrument phq9"
	[ "$8" != - ] && expect 0 "" -- $m --timepoint baseline --date "$(date -d "$6 + 1 day" +%F)" --responses "$(phq9_answers "$8")"
	[ "$9" != - ] && expect 0 "" -- $m --timepoint end --date "$(date -d "$7 - 2 days" +%F)" --responses "$(phq9_answers "$9")"
	[ "$7" != - ] && expect 0 "" -- "$DYAD" discharge --referral "$ep" --date "$7" --reason planned_ending \
		--care-status with_birth_family
	fam=$f
}

expect 0 "Created" -- "$DYAD" init
expect 0 "" -- "$DYAD" team add --code north --name North

# Team "team" (the database's own): twelve referrals, all received in July 2026.
#        relationship ethnicity IMD received  decision   decided    discharged PHQ pre post
referral mother       A  1  2026-07-01 accepted   2026-07-02 2026-07-25 20 8  # R1  -12 reliable
referral mother       A  1  2026-07-01 accepted   2026-07-02 2026-07-25 18 10 # R2  -8 reliable
referral mother       B  1  2026-07-01 accepted   2026-07-02 2026-07-25 15 12 # R3  -3
referral mother       C  1  2026-07-01 accepted   2026-07-02 2026-07-25 14 6  # R4  -8 reliable
referral mother       A  1  2026-07-01 accepted   2026-07-02 2026-07-25 12 12 # R5  0
referral mother       A  1  2026-07-01 accepted   2026-07-02 2026-07-25 16 9  # R6  -7 reliable
referral mother       M  2  2026-07-03 accepted   2026-07-04 2026-07-25 10 -  # R7  baseline only
referral mother       N  2  2026-07-03 declined   2026-07-04 -          -  -  # R8
referral father       H  5  2026-07-03 accepted   2026-07-04 2026-07-25 15 5  # R9  -10 reliable
referral father       Z  6  2026-07-03 signposted 2026-07-04 -          -  -  # R10
referral grandparent  -  -  2026-07-03 accepted   2026-07-04 2026-07-25 -  -  # R11 no measure
referral mother       R  9  2026-07-20 pending    -          -          -  -  # R12 not decided
# Team north: three referrals (families moved to north below).
referral mother  A  1  2026-07-05 accepted   2026-07-06 2026-07-28 20 10; n1=$fam # N1 -10 reliable
referral father  B  3  2026-07-05 declined   2026-07-06 -          -  -;  n2=$fam # N2
referral mother  D  10 2026-06-20 accepted   2026-06-25 2026-07-28 12 11; n3=$fam # N3 received in June; -1
north=$(sql "$DYAD_DB" "SELECT id FROM team WHERE code = 'north'")
sql "$DYAD_DB" "UPDATE family SET team_id = $north WHERE id IN ($n1, $n2, $n3)" >/dev/null

P="--from 2026-07-01 --to 2026-07-31"
# rows JSON TABLE KEY: one line per row, "name ref dec acc pct_acc elig both pct_complete pairs reliable pct_reliable"
rows() {
	jq -r --arg t "$2" --arg k "$3" '.[$t][] | [.[$k], .referrals, .decided, .accepted, .pct_accepted, .eligible,
		.with_both, .pct_complete, .n_pairs, .n_reliable_improvement, .pct_reliable_improvement]
		| map(if . == null then "null" else tostring end) | join(" ")' <<<"$1"
}
same() {
	if [ "$2" = "$3" ]; then passed=$((passed + 1)); else
		echo "FAIL: $1"; diff <(echo "$3") <(echo "$2") | sed 's/^/    /'; failed=$((failed + 1)); fi
}

# --- team "team", worked by hand ---------------------------------------------
# Referrals received in July: R1-R12 (12). Decided in July: all but R12 (11);
# accepted R1-R7, R9, R11 (9): 9/11 = 81.8%. Eligible (accepted, discharged
# in July, a measure given): R1-R7, R9 (8; R11 had none); with a baseline
# and an end: R1-R6, R9 (7): 7/8 = 87.5%. PHQ-9 total pairs 7; reliable
# improvement (a fall of 6 or more): R1, R2, R4, R6, R9 (5): 5/7 = 71.4%.
# Decile 1 = R1-R6: 6 6 6 100, eligible 6 both 6 100, pairs 6 reliable 4 (66.7).
# Decile 2 = R7, R8: 2 referrals, 2 decided, 1 accepted (50); eligible 1
#   (R7), both 0 (0.0); no pair (null). Decile 5 = R9: 1 1 1 100 1 1 100 1 1 100.
# Decile 6 = R10 (signposted): 1 1 0 0; nothing discharged. Decile 9 = R12:
#   received, not decided (acceptance null). Unknown = R11 (no IMD anywhere):
#   1 1 1 100, eligible 0 (no measure).
json=$("$DYAD" --format json report equity $P --team team)
same "team: by decile" "$(rows "$json" imd_decile imd_decile)" "1 6 6 6 100 6 6 100 6 4 66.7
2 2 2 1 50 1 0 0 0 0 null
3 0 0 0 null 0 0 null 0 0 null
4 0 0 0 null 0 0 null 0 0 null
5 1 1 1 100 1 1 100 1 1 100
6 1 1 0 0 0 0 null 0 0 null
7 0 0 0 null 0 0 null 0 0 null
8 0 0 0 null 0 0 null 0 0 null
9 1 0 0 null 0 0 null 0 0 null
10 0 0 0 null 0 0 null 0 0 null
unknown 1 1 1 100 0 0 null 0 0 null
total 12 11 9 81.8 8 7 87.5 7 5 71.4"
# Quintile 1 = deciles 1 and 2: 8 8 7 (87.5), 7 6 (85.7), 6 4 (66.7);
# quintile 3 = deciles 5 and 6: 2 2 1 (50), 1 1 (100), 1 1 (100);
# quintile 5 = decile 9.
same "team: by quintile" "$(rows "$json" imd_quintile imd_quintile)" "1 8 8 7 87.5 7 6 85.7 6 4 66.7
2 0 0 0 null 0 0 null 0 0 null
3 2 2 1 50 1 1 100 1 1 100
4 0 0 0 null 0 0 null 0 0 null
5 1 0 0 null 0 0 null 0 0 null
unknown 1 1 1 100 0 0 null 0 0 null
total 12 11 9 81.8 8 7 87.5 7 5 71.4"
# White A-C = R1-R6; Black M-P = R7, R8; Asian H-L = R9; Other R-S = R12;
# Not stated Z = R10; not recorded = R11.
same "team: by ethnic group" "$(rows "$json" ethnic_group ethnic_group)" "white 6 6 6 100 6 6 100 6 4 66.7
mixed 0 0 0 null 0 0 null 0 0 null
asian_or_asian_british 1 1 1 100 1 1 100 1 1 100
black_or_black_british 2 2 1 50 1 0 0 0 0 null
other_ethnic_group 1 0 0 null 0 0 null 0 0 null
not_stated 1 1 0 0 0 0 null 0 0 null
not_recorded 1 1 1 100 0 0 null 0 0 null
total 12 11 9 81.8 8 7 87.5 7 5 71.4"
# Mothers R1-R8, R12: 9 referrals, 8 decided, 7 accepted (87.5), eligible
# 7, both 6 (85.7), pairs 6, reliable 4 (66.7). Fathers R9, R10: 2 2 1
# (50), 1 1 (100), 1 1 (100). Other carers R11 (grandparent): 1 1 1 (100).
same "team: by caregiver" "$(rows "$json" caregiver caregiver)" "mothers 9 8 7 87.5 7 6 85.7 6 4 66.7
fathers 2 2 1 50 1 1 100 1 1 100
other_carers 1 1 1 100 0 0 null 0 0 null
not_recorded 0 0 0 null 0 0 null 0 0 null
total 12 11 9 81.8 8 7 87.5 7 5 71.4"

# --- team north, and every team ----------------------------------------------
# North: N1 and N2 received in July (N3 in June): 2 referrals, both decided
# in July, 1 accepted (50); eligible N1 and N3 (discharged in July), both
# with a pair (100); pairs 2, reliable N1 only (-10; N3 -1): 1 (50).
json=$("$DYAD" --format json report equity $P --team north)
same "north: total" "$(rows "$json" imd_decile imd_decile | tail -1)" "total 2 2 1 50 2 2 100 2 1 50"
same "north: decile 10 (N3, mixed)" "$(rows "$json" imd_decile imd_decile | sed -n 10p)" "10 0 0 0 null 1 1 100 1 0 0"
# Every team: 14 referrals, 13 decided, 10 accepted (76.9), eligible 10,
# both 9 (90), pairs 9, reliable 6 (66.7).
json=$("$DYAD" --format json report equity $P)
same "every team: total" "$(rows "$json" caregiver caregiver | tail -1)" "total 14 13 10 76.9 10 9 90 9 6 66.7"
expect 3 "no such team" -- "$DYAD" report equity $P --team nowhere
for r in waiting outcomes completeness safeguarding activity quarterly; do
	expect 3 "no such team" -- "$DYAD" report "$r" $P --team nowhere
done
# --team on the other reports: north discharged N1 and N3 only.
same "outcomes: north pairs" "$("$DYAD" --format json report outcomes $P --team north | jq '.scales[0].n_pairs')" 2
same "outcomes: team pairs" "$("$DYAD" --format json report outcomes $P --team team | jq '.scales[0].n_pairs')" 7
same "activity: north referrals" "$("$DYAD" --format json report activity $P --team north | jq '[.referrals[] | select(.source == "total")][0]["2026-07"]')" 2
same "activity: team referrals" "$("$DYAD" --format json report activity $P --team team | jq '[.referrals[] | select(.source == "total")][0]["2026-07"]')" 12
same "waiting: north differs from team" \
	"$([ "$("$DYAD" --format json report waiting $P --team north)" != "$("$DYAD" --format json report waiting $P --team team)" ] && echo yes)" yes

# --- suppression -------------------------------------------------------------
# Published: no count 1-4 anywhere; every count column with its total row
# holds 0 or at least 2 hidden figures; so does each quintile with its two
# deciles (unknown with unknown).
COUNTS='["referrals","decided","accepted","eligible","with_both","n_pairs","n_reliable_improvement"]'
published_ok() { # JSON PREFIX
	local j=$1 p=$2
	jq -e --arg p "$p" --argjson c "$COUNTS" '
		. as $root | def tab($n): $root | getpath(($p + $n) | split(".") | map(select(. != "")));
		def hidden($v): $v == "*";
		# no count from 1 to 4 in the equity tables
		([ "imd_decile","imd_quintile","ethnic_group","caregiver" ] | map(tab(.)[] | to_entries[]
			| select(.key as $k | $c | index($k)) | .value | select(type == "number" and . >= 1 and . <= 4)) | length == 0)
		and
		# each column with its total: never exactly one hidden
		([ "imd_decile","imd_quintile","ethnic_group","caregiver" ] | all(tab(.) as $t | $c | all(. as $k |
			[$t[] | .[$k] | select(. == "*")] | length != 1)))
		and
		# each quintile with its deciles
		(tab("imd_decile") as $d | tab("imd_quintile") as $q | [range(0; 5)] | all(. as $i |
			[$d[2 * $i], $d[2 * $i + 1], $q[$i]] as $g | $c | all(. as $k | [$g[] | .[$k] | select(. == "*")] | length != 1)))
		and
		(tab("imd_decile")[10] as $a | tab("imd_quintile")[5] as $b | $c | all(. as $k | [$a[$k], $b[$k]] | map(select(. == "*")) | length != 1))
	' <<<"$j" >/dev/null
}
pub=$("$DYAD" --format json report equity $P --team team --publish)
check "published equity: no small count, no single hidden figure in a line" published_ok "$pub" ""
check "published equity hides something (the check can fail)" grep -q '"\*"' <<<"$pub"
not_published_ok() { ! published_ok "$@"; }
check "unpublished equity holds small counts (the check can fail)" not_published_ok "$("$DYAD" --format json report equity $P --team team)" ""
# The worked decile/quintile protection: decile 2 (2 referrals) is hidden, so
# its sibling decile 1 (6) is hidden too and quintile 1 (8) cannot give it.
same "published: deciles 1 and 2 referrals" "$(jq -c '[.imd_decile[0].referrals, .imd_decile[1].referrals, .imd_quintile[0].referrals]' <<<"$pub")" '["*","*",8]'
same "published: total referrals shown" "$(jq -c '.imd_decile[11].referrals' <<<"$pub")" 12
# Every team's, and the quarterly with equity nested under its name.
check "published equity, every team" published_ok "$("$DYAD" --format json report equity $P --publish)" ""
q=$("$DYAD" --format json report quarterly --quarter 2026Q3 --publish)
check "published quarterly equity" published_ok "$q" "equity."
same "quarterly holds equity" "$(jq -c '.equity.imd_quintile | length' <<<"$q")" 7
# CSV: no cell of a count from 1 to 4 in the equity tables.
csv=$("$DYAD" --format csv report equity $P --publish)
check "published equity CSV: no count 1-4" bash -c '! grep -v "^#" <<<"$1" | cut -d, -f2,3,4,6,7,9,10 | grep -qE "(^|,)[1-4](,|$)"' _ "$csv"
check "unpublished equity CSV holds small counts" bash -c 'grep -v "^#" <<<"$1" | cut -d, -f2,3,4,6,7,9,10 | grep -qE "(^|,)[1-4](,|$)"' _ "$("$DYAD" --format csv report equity $P)"
# HTML: the quintile chart is drawn.
check "equity HTML has its chart" grep -q "reliable improvement by deprivation quintile" <<<"$("$DYAD" --format html report equity $P)"
expect 0 "imd_quintile" -- "$DYAD" report equity $P

# Eligibility comes from the outcome read (a discharged referral with a
# measure not in error): R7's one measure entered in error takes decile 2's
# eligible referral away, and undoing the mark brings it back.
elig() { "$DYAD" --format json report equity $P --team team | jq -c '[.imd_decile[1].eligible, .imd_decile[11].eligible]'; }
same "decile 2 and total eligible" "$(elig)" "[1,8]"
r7=$(sql "$DYAD_DB" "SELECT id FROM measure WHERE episode_id = 7")
expect 0 "" -- "$DYAD" measure error "$r7" --reason "wrong family"
same "R7's only measure in error: not eligible" "$(elig)" "[0,7]"
c=$("$DYAD" --format csv history --family 7 | awk -F, '$4 == "measure" && $6 == "entered_in_error" { print $1 }')
expect 0 "Undid correction $c" -- "$DYAD" correction revert "$c" --reason "it was right"
same "after the undo: eligible again" "$(elig)" "[1,8]"
finish
