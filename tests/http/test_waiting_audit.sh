#!/usr/bin/env bash
# test_waiting_audit.sh: the waiting list names the babies waiting, so every
# family it shows is logged in the audit ('list', once per family however
# many of its clocks are shown), before it is shown: a page of the API list,
# the /waiting page (50 to a page, with "Next" and "Previous" links), the
# home page's five, and `dyad waiting`; an analyst sees no name and no entry
# is written for them.
. "$(dirname "$0")/lib.sh"

setup_db 1500
q() { sql "$DYAD_DB" "$1"; }
start_server
top() { q "SELECT MAX(id) FROM audit"; }
# logged SINCE ACTOR: the families with 'list' entries since SINCE, sorted, with
# how many entries each (id:n).
logged() { q "SELECT group_concat(entity_id || ':' || n, ',') FROM (SELECT entity_id, COUNT(*) AS n FROM audit
  WHERE id > $1 AND actor = '$2' AND action = 'list' AND entity = 'family' GROUP BY entity_id ORDER BY entity_id) t"; }
once() { tr ' ' '\n' | grep . | sort -n | uniq | sed 's/$/:1/' | paste -sd,; }

api manager GET "/api/v1/waiting?limit=500"
total=$(jq .total <<<"$BODY")
[ "$total" -gt 50 ] || { echo "FAIL: only $total waiting: too few for two pages"; exit 1; }
ALL=$(jq -r '[.items[].family_id] | join(" ")' <<<"$BODY")

t=$(top)
api manager GET "/api/v1/waiting?limit=7&offset=3"
check "an API page: 200" "$CODE" 200
check "each family on the page logged once" "$(logged "$t" manager)" \
	"$(jq -r '.items[].family_id' <<<"$BODY" | tr '\n' ' ' | once)"

jar="$WORK/clinician"
sign_in clinician "$jar"
t=$(top)
page=$(curl -s -b "$jar" "${URL}waiting")
shown=$(sed -n '/<h1>Waiting<\/h1>/,/Waiting report/p' <<<"$page" | grep -oE 'href="/families/[0-9]+"' | grep -oE '[0-9]+' | paste -sd' ')
check "the page shows 50" "$(wc -w <<<"$shown")" 50
check "the first 50, most urgent first" "$shown" "$(cut -d' ' -f1-50 <<<"$ALL")"
check "each family the page names logged once" "$(logged "$t" clinician)" "$(once <<<"$shown")"
contains "a Next link" "$page" 'nhsuk-pagination__link--next" href="/waiting\?start=50"'
contains "the caption says which" "$page" "$total waiting, most urgent first: 1 to 50"
t=$(top)
page=$(curl -s -b "$jar" "${URL}waiting?start=50")
shown=$(sed -n '/<h1>Waiting<\/h1>/,/Waiting report/p' <<<"$page" | grep -oE 'href="/families/[0-9]+"' | grep -oE '[0-9]+' | paste -sd' ')
check "page 2: the rest after 50" "$shown" "$(cut -d' ' -f51-100 <<<"$ALL")"
check "page 2's families logged" "$(logged "$t" clinician)" "$(once <<<"$shown")"
contains "page 2 links back" "$page" 'nhsuk-pagination__link--prev" href="/waiting\?start=0"'

t=$(top)
home=$(curl -s -b "$jar" "$URL")
five=$(cut -d' ' -f1-5 <<<"$ALL")
for f in $five; do
	contains "home names waiting family $f" "$home" "href=\"/families/$f\""
done
check "home logs its waiting five (and more for its other panels)" \
	"$(q "SELECT COUNT(DISTINCT entity_id) FROM audit WHERE id > $t AND actor = 'clinician' AND action = 'list'
	  AND entity_id IN ($(tr ' ' , <<<"$five"))")" "$(tr ' ' '\n' <<<"$five" | sort -u | wc -l)"

jar="$WORK/analyst"
sign_in analyst "$jar"
t=$(top)
page=$(curl -s -b "$jar" "${URL}waiting")
lacks "an analyst sees no family" "$page" 'href="/families/[0-9]'
check "and no entry is written for them" "$(q "SELECT COUNT(*) FROM audit WHERE id > $t AND action = 'list'")" 0

stop_server
t=$(top)
"$DYAD" --format csv waiting >/dev/null 2>&1
check "dyad waiting logs every family it lists, once each" "$(logged "$t" "cli:$DYAD_USER")" "$(once <<<"$ALL")"
finish
