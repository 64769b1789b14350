#!/usr/bin/env bash
# test_find.sh: finding a family on the web and through the API: by NHS
# number, name with a slip, date of birth; the user's team only (another
# team's manager finds nobody); analysts may not search; the search box
# shows the people found with links to their families; what was typed is
# never in the server's log or the audit.
. "$(dirname "$0")/lib.sh"

setup_db 30
IFS='|' read -r P F NHS GIVEN FAMILY DOB <<<"$(sql "$DYAD_DB" \
	"SELECT id, family_id, nhs_number, given_name, family_name, date_of_birth FROM person
	 WHERE nhs_number IS NOT NULL AND role = 'caregiver' ORDER BY id LIMIT 1")"
start_server

spaced="${NHS:0:3}%20${NHS:3:3}%20${NHS:6:4}"
api clinician GET "/api/v1/search?q=$spaced"
check "search by NHS number" "$CODE" 200
check "finds the person" "$(jq "[.items[] | select(.person_id == $P)] | length" <<<"$BODY")" 1
check "says how" "$(jq -r '.items[0].match' <<<"$BODY")" nhs_number
slip="${GIVEN}%20${FAMILY:0:2}x${FAMILY:3}"
api manager GET "/api/v1/search?q=$slip&limit=500"
check "a name with one letter wrong finds them" "$(jq "[.items[] | select(.person_id == $P)] | length" <<<"$BODY")" 1
api admin_staff GET "/api/v1/search?q=$DOB&limit=500"
check "admin staff find by date of birth" "$(jq "[.items[] | select(.person_id == $P)] | length" <<<"$BODY")" 1
api analyst GET "/api/v1/search?q=$spaced"
check "analysts may not search people" "$CODE" 403
lacks "nor see the number" "$BODY" "$NHS"
api other GET "/api/v1/search?q=$spaced"
check "another team's manager: 200" "$CODE" 200
check "finds nobody of this team" "$(jq '.total' <<<"$BODY")" 0
api clinician GET "/api/v1/search?q=%20"
check "a blank search is refused" "$CODE" 400

# The search box.
jar="$WORK/jar"
sign_in clinician "$jar"
page=$(curl -s -b "$jar" "${URL}families?q=$spaced")
contains "the search box finds the person" "$page" "href=\"/families/$F\">$GIVEN $FAMILY</a>"
contains "and says how many" "$page" "1 person found"
page=$(curl -s -b "$jar" "${URL}families?q=zzzzqqq")
contains "nobody found says so" "$page" "0 people found"

stop_server
check "the server's log holds no search text" "$(grep -c "$NHS\|$FAMILY" "$WORK/serve.log" | head -1)" 0
check "the audit holds no search text" \
	"$(sql "$DYAD_DB" "SELECT count(*) FROM audit WHERE coalesce(detail, '') LIKE '%$NHS%'")" 0
finish
