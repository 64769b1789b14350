#!/usr/bin/env bash
# test_network_role_http.sh: the network role (issue 14, point 3; docs/
# postgresql.md "Several teams, one database"). Three teams share one
# database: the demo team A, team B (half of A's families moved to it) and
# team C. A network user given A and B gets every report over A and B
# counted as one population, always published (small numbers as "*"):
#  - while C holds nothing, each of its reports is exactly the operator's
#    published report over every team (pooled statistics, not per-team
#    sums), and publish=0 changes nothing;
#  - once families move to C, its counts equal the operator's per-team
#    counts of A plus B (referrals, decisions, contacts; outcome pairs),
#    and C's (a distinctive count) never contribute;
#  - ?team= narrows to one of its teams; C and a team that does not exist
#    answer 404 "no such team" alike.
# It never sees a record, list, search or casework: each such API call and
# page answers 403 (its home is the reports page, its menu only Reports).
# An admin gives the role on the users page with its teams (alone only).
# Runs on both stores (make test-pg).
. "$(dirname "$0")/lib.sh"

setup_db 90
q() { sql "$DYAD_DB" "$1"; }
A=$(q "SELECT code FROM team WHERE code <> 'other' ORDER BY id LIMIT 1")
"$DYAD" team add --code netb --name "Team B" >/dev/null || exit 1
"$DYAD" team add --code netc --name "Team C" >/dev/null || exit 1
q "UPDATE family SET team_id = (SELECT id FROM team WHERE code = 'netb') WHERE id % 2 = 1" >/dev/null

# The role is given alone, with its teams; a team that does not exist is refused.
out=$(echo "password of network 1234" | "$DYAD" user add --name bad --role network,analyst --team "$A" 2>&1)
check "network with another role is refused" "$([ $? -ne 0 ] && echo refused)" refused
contains "network with another role: says why" "$out" "only role"
out=$(echo "password of network 1234" | "$DYAD" user add --name bad --role network --team "$A,nowhere" 2>&1)
contains "a network user of a team that does not exist is refused" "$out" "no team has the code nowhere"
echo "password of network 1234" | "$DYAD" user add --name network --display "Test network" --role network \
	--team "$A,netb" >/dev/null || { echo "FAIL: user add --role network"; exit 1; }
TOKEN_network=$("$DYAD" token create --user network --expires 2099-01-01 2>/dev/null | grep -oE "^[0-9a-f]{64}$")
start_server

FROM=2025-01-01
TO=2026-11-22
PERIOD="from=$FROM&to=$TO"
api network GET /api/v1/me
check "network: who am I" "$CODE" 200
check "network: its role" "$(jq -r .roles <<<"$BODY")" network
check "network: its two teams" "$(jq '.teams | length' <<<"$BODY")" 2

# operator REPORT [options]: the operator's report as JSON, keys sorted.
operator() {
	local r=$1
	shift
	"$DYAD" --format json report "$r" --from $FROM --to $TO "$@" 2>/dev/null | jq -S .
}

# 1. C holds nothing: A and B together are every family of the database.
reports="waiting outcomes completeness safeguarding activity equity quarterly workforce feedback"
stars=0
for r in $reports; do
	api network GET "/api/v1/reports/$r?$PERIOD"
	check "network: report $r" "$CODE" 200
	mine=$(jq -S . <<<"$BODY")
	check "network: report $r is the operator's published report over A and B together" "$mine" \
		"$(operator "$r" --publish)"
	api network GET "/api/v1/reports/$r?$PERIOD&publish=0"
	check "network: report $r with publish=0 is still published" "$(jq -S . <<<"$BODY")" "$mine"
	stars=$((stars + $(grep -o '"\*"' <<<"$mine" | wc -l)))
done
[ "$stars" -gt 0 ] && ok || bad "network: no count was suppressed in any report (want some '*')"
check "the operator's unpublished activity shows what the network's hides" \
	"$([ "$(operator activity)" != "$(operator activity --publish)" ] && echo differs)" differs

# 2. Families of both teams move to C (every fourth, so C has many).
q "UPDATE family SET team_id = (SELECT id FROM team WHERE code = 'netc') WHERE id % 4 = 0" >/dev/null
# Counts that stay above the suppression threshold, from a report's JSON.
counts() {
	jq -c '[.referrals[-1].total, .decisions[-1].n, .contacts_by_kind[-1].total, .caseload_at_end]'
}
# sum JSON_A JSON_B: element by element.
sum() { jq -nc --argjson a "$1" --argjson b "$2" '[range($a | length)] | map($a[.] + $b[.])'; }
ca=$(operator activity --team "$A" | counts)
cb=$(operator activity --team netb | counts)
cc=$(operator activity --team netc | counts)
call=$(operator activity | counts)
api network GET "/api/v1/reports/activity?$PERIOD"
mine=$(counts <<<"$BODY")
check "network: activity counts are A's plus B's" "$mine" "$(sum "$ca" "$cb")"
check "team C has referrals of its own (what must not be counted)" "$(jq '.[0] > 5' <<<"$cc")" true
check "network: every team's counts less C's" "$(sum "$mine" "$cc")" "$call"
grep -q '"\*"' <<<"$BODY" && ok || bad "network: activity has no suppressed cell"
jq -e '[.. | numbers] | all(. < 1 or . > 4 or . != floor)' >/dev/null <<<"$(jq '[.referrals, .decisions,
	.contacts_by_kind, .caseload_by_practitioner] | map(.[] | del(.dna_rate))' <<<"$BODY")" && ok ||
	bad "network: activity shows a count from 1 to 4"

# Outcomes: the pairs of A and B, pooled.
pairs() { jq -c '[.scales[] | {s: (.instrument + "/" + .scale), n: .n_pairs}] | sort_by(.s)'; }
pa=$(operator outcomes --team "$A" | pairs)
pb=$(operator outcomes --team netb | pairs)
pc=$(operator outcomes --team netc | pairs)
api network GET "/api/v1/reports/outcomes?$PERIOD"
check "network: outcomes" "$CODE" 200
want=$(jq -nc --argjson a "$pa" --argjson b "$pb" '($a + $b) | group_by(.s) | map({s: .[0].s, n: (map(.n) | add)})
	| map(if .n >= 1 and .n <= 4 then .n = "*" else . end)')
check "network: outcome pairs are A's plus B's" "$(pairs <<<"$BODY")" "$want"
check "team C has outcome pairs (what must not be counted)" "$(jq 'map(.n) | add > 0' <<<"$pc")" true
n_dis=$(jq .n_discharged <<<"$BODY")
check "network: episodes discharged are A's plus B's" "$n_dis" \
	"$(($(operator outcomes --team "$A" | jq .n_discharged) + $(operator outcomes --team netb | jq .n_discharged)))"

# One of its teams: as the operator's published report of that team.
for r in activity outcomes waiting workforce feedback; do
	api network GET "/api/v1/reports/$r?$PERIOD&team=netb"
	check "network: report $r of team B" "$CODE" 200
	check "network: report $r of team B is that team's, published" "$(jq -S . <<<"$BODY")" \
		"$(operator "$r" --team netb --publish)"
	for t in netc other nowhere; do
		api network GET "/api/v1/reports/$r?$PERIOD&team=$t"
		check "network: report $r of team $t is not there" "$CODE" 404
		contains "network: report $r of team $t: no such team" "$BODY" "no such team"
	done
done

# 3. Nothing identifiable: every record, list, search and casework call.
IFS='|' read -r F E P <<<"$(q "SELECT e.family_id, e.id, e.caregiver_id FROM episode e JOIN family f ON f.id = e.family_id
  WHERE f.team_id = (SELECT id FROM team WHERE code = '$A') AND e.caregiver_id IS NOT NULL ORDER BY e.id LIMIT 1")"
N=$(q "SELECT min(id) FROM note")
AP=$(q "SELECT min(id) FROM appointment")
[ -n "$F" ] && [ -n "$E" ] && [ -n "$P" ] || { echo "FAIL: setup found no records to ask for"; exit 1; }
names=$(q "SELECT DISTINCT family_name FROM person" | paste -sd'|')
for path in "/api/v1/families/$F" "/api/v1/families?limit=5" "/api/v1/families/$F/copy" "/api/v1/referrals/$E" \
	"/api/v1/referrals?limit=5" "/api/v1/referrals/$E/contacts" "/api/v1/referrals/$E/notes" \
	"/api/v1/referrals/$E/measures" "/api/v1/referrals/$E/goals" "/api/v1/referrals/$E/careplan" \
	"/api/v1/referrals/$E/letters" "/api/v1/referrals/$E/appointments" "/api/v1/people/$P/safeguarding" \
	"/api/v1/people/$P/history" ${N:+"/api/v1/notes/$N"} ${AP:+"/api/v1/appointments/$AP"} \
	"/api/v1/search?q=a" /api/v1/waiting /api/v1/diary /api/v1/duplicates /api/v1/groups /api/v1/instruments; do
	api network GET "$path"
	check "network: GET $path is refused" "$CODE" 403
	lacks "network: GET $path names nobody" "$BODY" "$names"
done
before=$(q "SELECT (SELECT count(*) FROM family) || '/' || (SELECT count(*) FROM note) || '/' || (SELECT count(*) FROM contact)")
api network POST /api/v1/families '{}'
check "network: cannot add a family" "$CODE" 403
api network POST "/api/v1/referrals/$E/notes" '{"kind":"other","text":"x"}'
check "network: cannot write a note" "$CODE" 403
api network POST "/api/v1/referrals/$E/contacts" '{"date":"2026-11-20","kind":"home_visit","location":"home","attendance":"attended"}'
check "network: cannot add a contact" "$CODE" 403
check "network: nothing was written" \
	"$(q "SELECT (SELECT count(*) FROM family) || '/' || (SELECT count(*) FROM note) || '/' || (SELECT count(*) FROM contact)")" "$before"

# Pages: home is the reports page, the menu holds only Reports.
sign_in network "$WORK/jar"
code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$WORK/jar" "$URL")
check "network: home sends it to the reports" "$code" "303 ${URL}reports"
page=$(curl -s -b "$WORK/jar" "${URL}reports")
contains "network: the reports page" "$page" "<h1>Reports</h1>"
contains "network: the reports page says they are published" "$page" "counts from 1 to 4 are shown"
contains "network: the reports page says they are its teams' together" "$page" "all your teams together"
contains "network: the menu has Reports" "$page" 'href="/reports">Reports<'
lacks "network: the menu has nothing else" "$page" 'href="/(families|waiting|groups|referrals/new|users)"'
for path in "/families/$F" /families "/families?q=a" "/referrals/$E" /referrals/new /waiting /groups /users; do
	code=$(curl -s -o "$WORK/page" -w '%{http_code}' -b "$WORK/jar" "${URL%/}$path")
	check "network: page $path is refused" "$code" 403
	lacks "network: page $path names nobody" "$(cat "$WORK/page")" "$names"
done

# An admin gives the role on the users page, with its teams.
sign_in admin "$WORK/ajar"
page=$(curl -s -b "$WORK/ajar" "${URL}users")
contains "users page: the network role to tick" "$page" 'value="network"'
contains "users page: a Teams field" "$page" 'name="teams"'
csrf=$(grep -oE 'name="csrf" value="[0-9a-f]{64}' <<<"$page" | head -1 | grep -oE '[0-9a-f]{64}')
add_user() { # NAME TEAMS ROLE...: the answer's status, the page in $WORK/page
	local name=$1 teams=$2
	shift 2
	local args=(-s -o "$WORK/page" -w '%{http_code}' -b "$WORK/ajar" -d "csrf=$csrf" -d "display=Net $name"
		-d "name=$name" --data-urlencode "teams=$teams" --data-urlencode "password=password of $name 1234")
	local r
	for r in "$@"; do args+=(-d "roles=$r"); done
	curl "${args[@]}" "${URL}users"
}
check "users page: network with another role is refused" "$(add_user net2 "$A" network analyst)" 400
contains "users page: says network is given alone" "$(cat "$WORK/page")" "only role"
check "users page: a team that does not exist is refused" "$(add_user net2 "nowhere" network)" 400
contains "users page: names the team" "$(cat "$WORK/page")" "[Nn]o team has the code nowhere"
check "users page: a network user of C and B is added" "$(add_user net2 "netc, netb" network)" 303
check "users page: with the network role" "$(q "SELECT roles FROM app_user WHERE name = 'net2'")" 64
check "users page: and its teams" "$(q "SELECT t.code FROM user_team ut JOIN team t ON t.id = ut.team_id
  JOIN app_user u ON u.id = ut.user_id WHERE u.name = 'net2' ORDER BY t.code" | paste -sd,)" netb,netc
finish
