#!/usr/bin/env bash
# test_team_scope.sh: teams sharing one database see only their own rows.
# A manager of another team ("other", same server, same database) asks for
# every record of the demo team by its id, through every API route and
# page that takes one, and lists, searches and reports: each is refused
# (404 as for a record that does not exist; 403 for the team's lists,
# waiting list, groups and reports, which are the server's team's), no list
# holds one of the demo team's rows, and no answer holds one of its family
# names; writes to its records are refused and change nothing. The demo
# team's own manager gets each of them (so the ids asked for are real).
# Runs on both stores (make test-pg).
. "$(dirname "$0")/lib.sh"

# refused NAME CODE: 403 or 404.
refused() { if [ "$2" = 403 ] || [ "$2" = 404 ]; then ok; else bad "$1: got '$2', want 403 or 404"; fi; }

setup_db 12
q() { sql "$DYAD_DB" "$1"; }
start_server

# Records of the demo team: one of each kind that has a route.
IFS='|' read -r F E P <<<"$(q "SELECT e.family_id, e.id, e.caregiver_id FROM episode e
  WHERE e.decision = 'accepted' AND e.discharged_on IS NULL AND e.caregiver_id IS NOT NULL
    AND EXISTS (SELECT 1 FROM measure m WHERE m.episode_id = e.id) ORDER BY e.id LIMIT 1")"
M=$(q "SELECT min(id) FROM measure WHERE episode_id = $E")
api clinician POST "/api/v1/referrals/$E/notes" '{"kind":"other","text":"scope note"}'
check "the demo team's clinician writes a note" "$CODE" 201
N=$(jq -r .id <<<"$BODY")
api clinician POST "/api/v1/notes/$N/sign" '{}'
PR=$(q "SELECT min(id) FROM practitioner")
unset DYAD_INTERVENTIONS
"$DYAD" group add --intervention circle_of_security --starts 2026-11-01 --venue "Zq9 venue" --location childrens_centre \
	--capacity 4 --facilitators "$PR" >/dev/null
G=$(q "SELECT max(id) FROM group_run")
names=$(q "SELECT DISTINCT family_name FROM person" | paste -sd'|')
families=$(q "SELECT id FROM family WHERE team_id = (SELECT id FROM team WHERE code <> 'other' ORDER BY id LIMIT 1)")
[ -n "$F" ] && [ -n "$M" ] && [ -n "$N" ] && [ -n "$G" ] && [ -n "$names" ] ||
	{ echo "FAIL: setup found no records to ask for"; exit 1; }

api manager GET "/api/v1/families/$F"
contains "the demo team's manager sees its family's names (what the checks below look for)" "$BODY" "$names"

record_routes=(
	"/api/v1/families/$F" "/api/v1/referrals/$E"
	"/api/v1/referrals/$E/contacts" "/api/v1/referrals/$E/goals" "/api/v1/referrals/$E/measures"
	"/api/v1/referrals/$E/notes" "/api/v1/referrals/$E/careplan" "/api/v1/people/$P/safeguarding"
	"/api/v1/notes/$N")
for path in "${record_routes[@]}" "/api/v1/groups/$G"; do
	api manager GET "$path"
	check "the demo team's manager: GET $path" "$CODE" 200
	api other GET "$path"
	if [ "$path" = "/api/v1/groups/$G" ]; then
		refused "another team's manager: GET $path is refused" "$CODE"
	else
		check "another team's manager: GET $path is not there" "$CODE" 404
	fi
	lacks "another team's manager: GET $path names nobody" "$BODY" "$names"
done

# Lists, search, waiting, groups: none of the demo team's rows.
api manager GET "/api/v1/families?limit=100"
check "the demo team's manager lists its families" "$(jq '.items | length' <<<"$BODY")" "$(wc -l <<<"$families")"
for path in "/api/v1/families?limit=100" "/api/v1/referrals?limit=100" /api/v1/waiting /api/v1/groups \
	"/api/v1/search?q=$(q "SELECT family_name FROM person WHERE id = $P")" "/api/v1/search?q=a"; do
	api other GET "$path"
	if [ "$CODE" = 200 ]; then # answered: with nothing of the demo team's
		check "another team's manager: GET $path lists nothing" "$(jq '[.. | objects | .items? // empty | .[]] | length' <<<"$BODY")" 0
	else
		refused "another team's manager: GET $path is refused" "$CODE"
	fi
	lacks "another team's manager: GET $path names nobody" "$BODY" "$names"
done

# Reports: the demo team's figures are its own manager's only.
for r in waiting activity outcomes; do
	api manager GET "/api/v1/reports/$r?from=2025-01-01&to=2026-11-22"
	check "the demo team's manager: report $r" "$CODE" 200
	api other GET "/api/v1/reports/$r?from=2025-01-01&to=2026-11-22"
	refused "another team's manager: report $r is refused" "$CODE"
done
# ?team=: the manager's own team answers, the other team (not theirs) and a
# team that does not exist are refused alike (404 no such team).
own=$(q "SELECT code FROM team WHERE code <> 'other' ORDER BY id LIMIT 1")
for r in equity waiting; do
	api manager GET "/api/v1/reports/$r?from=2025-01-01&to=2026-11-22&team=$own"
	check "the demo team's manager: report $r of their own team" "$CODE" 200
	api manager GET "/api/v1/reports/$r?from=2025-01-01&to=2026-11-22"
	all=$BODY
	api manager GET "/api/v1/reports/$r?from=2025-01-01&to=2026-11-22&team=$own"
	check "report $r: their own team's figures are every team's here (the other team has no families)" "$BODY" "$all"
	for t in other nowhere; do
		api manager GET "/api/v1/reports/$r?from=2025-01-01&to=2026-11-22&team=$t"
		check "the demo team's manager: report $r of team $t is not there" "$CODE" 404
		contains "report $r of team $t: no such team" "$BODY" "no such team"
	done
done

# Pages, signed in as another team's manager.
sign_in other "$WORK/jar"
for path in "/families/$F" "/referrals/$E" "/referrals/$E/notes" "/referrals/$E/measures/$M"; do
	code=$(curl -s -o "$WORK/page" -w '%{http_code}' -b "$WORK/jar" "${URL%/}$path")
	check "another team's manager: page $path is not there" "$code" 404
	lacks "another team's manager: page $path names nobody" "$(cat "$WORK/page")" "$names"
done
for path in / /families "/families?q=a" /waiting /groups "/groups/$G" /reports; do
	code=$(curl -s -o "$WORK/page" -w '%{http_code}' -b "$WORK/jar" "${URL%/}$path")
	[ "$code" = 200 ] || refused "another team's manager: page $path" "$code"
	lacks "another team's manager: page $path names nobody" "$(cat "$WORK/page")" "$names"
done

# Writes to the demo team's records: refused, nothing changed.
before=$(q "SELECT (SELECT count(*) FROM contact) || '/' || (SELECT count(*) FROM note) || '/' || (SELECT count(*) FROM goal)")
api other POST "/api/v1/referrals/$E/contacts" '{"date":"2026-11-20","kind":"home_visit","location":"home","attendance":"attended"}'
check "another team's manager cannot add a contact" "$CODE" 404
api other POST "/api/v1/referrals/$E/notes" '{"kind":"other","text":"x"}'
check "another team's manager cannot write a note" "$CODE" 404
api other POST "/api/v1/notes/$N/addendum" '{"text":"x"}'
check "another team's manager cannot add an addendum" "$CODE" 404
api other POST "/api/v1/referrals/$E/goals" '{"position":3,"text":"x","set_on":"2026-11-20"}'
check "another team's manager cannot set a goal" "$CODE" 404
check "nothing was written" "$(q "SELECT (SELECT count(*) FROM contact) || '/' || (SELECT count(*) FROM note) || '/' || (SELECT count(*) FROM goal)")" "$before"
# A family moved to the other team: the demo team's manager's figures
# (without ?team=) are their own team's, not every team's, while the local
# operator's (every team) still count it.
moved=$(q "SELECT family_id FROM episode WHERE received_on BETWEEN '2025-01-01' AND '2026-11-22' ORDER BY id LIMIT 1")
q "UPDATE family SET team_id = (SELECT id FROM team WHERE code = 'other') WHERE id = $moved" >/dev/null
for r in waiting activity outcomes equity; do
	api manager GET "/api/v1/reports/$r?from=2025-01-01&to=2026-11-22"
	mine=$BODY
	api manager GET "/api/v1/reports/$r?from=2025-01-01&to=2026-11-22&team=$own"
	check "report $r without ?team= is the manager's own team's figures" "$mine" "$BODY"
done
every=$("$DYAD" --format json report waiting --from 2025-01-01 --to 2026-11-22)
only=$("$DYAD" --format json report waiting --from 2025-01-01 --to 2026-11-22 --team "$own")
check "the operator's report without --team counts the other team's family too" \
	"$([ -n "$every" ] && [ "$every" != "$only" ] && echo differs)" differs
finish
