#!/usr/bin/env bash
# One vocabulary in every output: for every listing and show command, the
# JSON field names are the CSV header (and the table's header), every name
# is one docs/csv.md defines, values have their types (ids and counts are
# numbers, dates are dates or null, lists are arrays, yes/no are booleans),
# and the JSON of a show holds every fact its table prints.
source "$(dirname "$0")/lib.sh"

# A small team with everything a view can show: a demo team, plus a family
# with safeguarding, an unacknowledged risk, contacts, goals and an outcome.
DYAD_DB=$(fresh_db v)
"$DYAD" demo --families 30 --seed 4 >/dev/null
"$DYAD" practitioner add --name "Pat Lee" --profession psychotherapist >/dev/null
F=$("$DYAD" family add | grep -oE '[0-9]+' | head -1)
C=$("$DYAD" person add --family "$F" --role caregiver --relationship mother --given-name Ann --family-name Example \
	--dob 1996-04-01 --nhs-number "943 476 5919" --postcode "ng7 2uh" | grep -oE 'caregiver [0-9]+' | grep -oE '[0-9]+')
I=$("$DYAD" person add --family "$F" --role infant --given-name Bo --family-name Example --dob 2026-06-01 \
	--gestation-weeks 32 | grep -oE 'infant [0-9]+' | grep -oE '[0-9]+')
P=$("$DYAD" --format csv practitioner list 2>/dev/null | grep "Pat Lee" | cut -d, -f1)
R=$("$DYAD" referral add --family "$F" --infant "$I" --caregiver "$C" --received 2026-10-01 --source gp |
	grep -oE 'referral [0-9]+' | grep -oE '[0-9]+')
"$DYAD" referral triage "$R" --decision accepted --date 2026-10-02 >/dev/null
"$DYAD" contact add --referral "$R" --date 2026-10-10 --kind assessment --location home --attendance attended \
	--duration 90 --practitioners "$P" --attendees "$C,$I" >/dev/null
"$DYAD" measure add --referral "$R" --instrument phq9 --timepoint baseline --date 2026-10-10 \
	--responses "2;2;1;2;1;1;2;1;1" >/dev/null 2>&1
"$DYAD" safeguarding set --infant "$I" --status child_in_need --from 2026-10-05 >/dev/null
G=$("$DYAD" goal add --referral "$R" --text "Enjoy bath time together" --date 2026-10-10 | grep -oE 'goal [0-9]+' | head -1 | grep -oE '[0-9]+')
"$DYAD" goal rate --goal "$G" --date 2026-10-10 --rating 3 >/dev/null
"$DYAD" appointment book --referral "$R" --date 2026-11-25 --time 10:00 --kind review --location clinic \
	--practitioners "$P" --attendees "$C" >/dev/null
"$DYAD" goal rate --goal "$G" --date 2026-11-10 --rating 7 >/dev/null
"$DYAD" measure add --referral "$R" --instrument phq9 --timepoint review --date 2026-11-10 \
	--responses "0;1;0;1;0;0;1;0;0" >/dev/null 2>&1

# The names docs/csv.md defines: first cells of its tables (a cell may list
# several names) and `code` words.
vocab=$( (grep -oE '^\| [a-z_, ]+ \|' "$SRC/docs/csv.md" | tr -d '|' | tr ',' '\n'
	grep -oE '`[a-z_]+`' "$SRC/docs/csv.md" | tr -d '`') | tr -d ' ' | sort -u)
known() { grep -qx -- "$1" <<<"$vocab"; }

check() {
	local what=$1
	shift
	if "$@"; then passed=$((passed + 1)); else echo "FAIL: $what"; failed=$((failed + 1)); fi
}

listings=(
	"family list" "family list --open" "caseload" "practitioner list" "referral list" "referral list --family $F"
	"contact list --referral $R" "safeguarding history --infant $I" "measure list --referral $R"
	"goal list --referral $R" "measures change --referral $R" "waiting" "report waiting --from 2026-01-01 --to 2026-11-30"
	"referral check --referral $R" "instruments list" "risks --older-than 0" "appointment list --referral $R"
	"diary --week 2026-11-25")
for cmd in "${listings[@]}"; do
	# shellcheck disable=SC2086
	json=$("$DYAD" --format json $cmd 2>/dev/null)
	# shellcheck disable=SC2086
	csvh=$("$DYAD" --format csv $cmd 2>/dev/null | head -1 | tr -d '\r')
	# shellcheck disable=SC2086
	tableh=$("$DYAD" $cmd 2>/dev/null | grep -E "^$(cut -d, -f1 <<<"$csvh")  " | head -1 | tr -s ' ' ',')
	[ "$cmd" = "report waiting --from 2026-01-01 --to 2026-11-30" ] && json=$(jq '[.months[0].A | {n}]' <<<"$json") &&
		csvh=$(cut -d, -f3 <<<"$csvh") && tableh=$csvh
	check "$cmd: json is an array of objects" jq -e 'type == "array" and length > 0' <<<"$json" >/dev/null
	keys=$(jq -r '.[0] | keys_unsorted | join(",")' <<<"$json")
	check "$cmd: json fields ($keys) = csv header ($csvh)" test "$keys" = "$csvh"
	# (referral check's table is a sentence and its reasons, not a table)
	[ "$cmd" != "referral check --referral $R" ] &&
		check "$cmd: table header ($tableh) = csv header" test "$tableh" = "$csvh"
	for k in ${keys//,/ }; do
		check "$cmd: field '$k' is in docs/csv.md" known "$k"
	done
	# Types: *_id numbers, *_ids arrays, dates dates or null, no "current".
	check "$cmd: ids are numbers" jq -e '[.[] | to_entries[] | select(.key | test("_id$")) | .value |
		select(. != null and (type != "number"))] | length == 0' <<<"$json" >/dev/null
	check "$cmd: dates are dates or null" jq -e '[.[] | to_entries[] | select(.key | test("(_on|date|^date)$"))
		| .value | select(. != null and (type != "string" or (test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$") | not)))]
		| length == 0' <<<"$json" >/dev/null
done
check "contact list: practitioner_ids is an array of numbers" jq -e ".[0].practitioner_ids == [$P]" \
	<<<"$("$DYAD" --format json contact list --referral "$R" 2>/dev/null)" >/dev/null
check "measure list: clinical is a boolean" jq -e '[.[] | .clinical | select(. != null and type != "boolean")] | length == 0' \
	<<<"$("$DYAD" --format json measure list --referral "$R" 2>/dev/null)" >/dev/null
check "safeguarding history: a current status has ended_on null" jq -e '.[-1].ended_on == null' \
	<<<"$("$DYAD" --format json safeguarding history --infant "$I" 2>/dev/null)" >/dev/null
check "referral check: eligible is a boolean" jq -e '.[0].eligible | type == "boolean"' \
	<<<"$("$DYAD" --format json referral check --referral "$R" 2>/dev/null)" >/dev/null
out=$("$DYAD" family list --limit 5 2>&1)
last=$("$DYAD" --format csv family list --limit 5 2>/dev/null | tail -1 | cut -d, -f1)
check "family list says it is cut, and where the next page starts" \
	grep -qE "^Showing 5 of 31: the next page is --after $last \(with the same --sort\), or use --all" <<<"$out"
out=$("$DYAD" --format json family list --limit 5 2>&1 >/dev/null)
check "family list in json says it is cut, on stderr" grep -q "dyad: Showing 5 of 31: the next page is --after" <<<"$out"
# Keyset pages by name: page after page, every family once, in name order.
pages=""; after=""
for _ in $(seq 1 10); do
	page=$("$DYAD" --format csv family list --sort name --limit 7 ${after:+--after "$after"} 2>/dev/null | tail -n +2)
	[ -n "$page" ] || break
	pages+="$page"$'\n'
	after=$(tail -1 <<<"$page" | cut -d, -f1)
done
check "family list --sort name, 7 at a time with --after: 31 families" test "$(grep -c . <<<"$pages")" -eq 31
check "each once" test "$(cut -d, -f1 <<<"$pages" | grep . | sort -u | wc -l)" -eq 31
check "as one listing by name gives them" test "$(cut -d, -f1 <<<"$pages" | grep . | paste -sd,)" = \
	"$("$DYAD" --format csv family list --sort name --all 2>/dev/null | tail -n +2 | cut -d, -f1 | paste -sd,)"
check "by the caregiver's family name" test "$(cut -d, -f2 <<<"$pages" | grep . | awk '{print tolower($NF)}' | paste -sd' ')" = \
	"$(cut -d, -f2 <<<"$pages" | grep . | awk '{print tolower($NF)}' | sort | paste -sd' ')"
check "family list --sort bad is refused" bash -c '! "$0" family list --sort shoe_size >/dev/null 2>&1' "$DYAD"
check "family list --offset is no longer an option" bash -c '! "$0" family list --offset 5 >/dev/null 2>&1' "$DYAD"
out=$("$DYAD" --format csv referral list --all 2>&1)
check "referral list --all gives every referral" test "$(grep -c '^[0-9]' <<<"$out")" -eq 31
out=$("$DYAD" --format csv referral list --state in_intervention 2>/dev/null)
check "referral list --state filters" test "$(tail -n +2 <<<"$out" | grep -vc ',in_intervention,')" -eq 0

# Shows: every field name known, the CSV header among the JSON's fields,
# and every fact of the table in the JSON.
norm() { tr 'A-Z' 'a-z' | tr -d ' _'; }
show_facts() { # CMD...: table cells of the show's tables must be JSON values
	local json table values missing=0
	json=$("$DYAD" --format json "$@" 2>/dev/null)
	table=$("$DYAD" "$@" 2>/dev/null)
	values=$(jq -r '.. | scalars | tostring' <<<"$json" | norm | sort -u)
	for k in $(jq -r '[paths | .[] | strings] | unique | .[]' <<<"$json"); do
		check "$*: field '$k' is in docs/csv.md" known "$k"
	done
	# Table rows: cells split at two spaces or more, under a header row.
	while IFS= read -r cell; do
		[ -z "$cell" ] && continue
		n=$(norm <<<"$cell")
		if ! grep -qxF -- "$n" <<<"$values"; then
			echo "FAIL: $*: the table shows '$cell' but the json does not"
			missing=1
		fi
	done < <(awk '/^[a-z_]+  /{t=1; next} /^$/{t=0} t && !/^Showing/' <<<"$table" | sed -E 's/  +/\n/g; s/;/\n/g')
	if [ $missing -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}
show_facts family show "$F"
show_facts referral show "$R"
show_facts referral history "$R"
show_facts family show 3
show_facts referral show 3
json=$("$DYAD" --format json family show "$F" 2>/dev/null)
check "family show json: safeguarding in words and codes" jq -e ".safeguarding[0] == {\"infant_id\": $I,
	\"name\": \"Bo Example\", \"status\": \"child_in_need\", \"started_on\": \"2026-10-05\"}" \
	<<<"$json" >/dev/null
check "family show json: the unacknowledged risk with its label" jq -e '.unacknowledged_risks[0] |
	(.risk == "phq9_item9" and .item == 9 and (.label | test("PHQ-9 item 9")))' <<<"$json" >/dev/null
table=$("$DYAD" family show "$F" 2>/dev/null)
check "family show: safeguarding first" grep -q "^ *! SAFEGUARDING: Bo Example: child in need since 2026-10-05" \
	<<<"$(grep -A1 '^Family ' <<<"$table" | tail -1)"
check "family show: risk in words" grep -q "^ *! RISK not acknowledged: PHQ-9 item 9" <<<"$table"
json=$("$DYAD" --format json referral show "$R" 2>/dev/null)
check "referral show json: state, safeguarding, risk, contacts, measures" jq -e '.state == "awaiting_assessment" or
	.state == "assessed" and (.safeguarding | length) == 1 and (.unacknowledged_risks | length) == 1 and
	(.contacts | length) == 1 and (.measures | length) == 2' <<<"$json" >/dev/null
table=$("$DYAD" referral show "$R" 2>/dev/null)
check "referral show: safeguarding and risk at the top" \
	test "$(grep -A2 '^Referral ' <<<"$table" | tail -2 | grep -c '^ *! ')" -eq 2
csv=$("$DYAD" --format csv referral show "$R" 2>/dev/null | head -1 | tr -d '\r')
keys=$(jq -r '.referral | keys_unsorted | join(",")' <<<"$json")
check "referral show csv header ($csv) = the referral's json fields" test "$csv" = "$keys"
csv=$("$DYAD" --format csv family show "$F" 2>/dev/null | head -1 | tr -d '\r')
keys=$("$DYAD" --format json family show "$F" 2>/dev/null | jq -r '.people[0] | keys_unsorted | join(",")')
check "family show csv header ($csv) = the people's json fields" test "$csv" = "$keys"
json=$("$DYAD" --format json referral history "$R" 2>/dev/null)
check "referral history json holds state changes and overrides" jq -e '(.state_changes | length) >= 2 and
	(.eligibility_overrides | type) == "array"' <<<"$json" >/dev/null

finish
