#!/usr/bin/env bash
# test_merge_http.sh: likely duplicates and family merge on the web and
# through the API: a clinician sees the pairs with the reason and merges
# after a confirm step that asks why; a merge refused says why and keeps
# what was typed; the merged family's page says where its records are; the
# API lists the pairs and merges with the counts of what moved; analysts
# and admin staff may not, and another team's manager sees none of it.
. "$(dirname "$0")/lib.sh"

setup_db 5
add_family() { # a family with Quenby Marlowe (born 1995-02-03); prints its id
	local f
	f=$("$DYAD" family add | grep -oE "[0-9]+" | head -1)
	"$DYAD" person add --family "$f" --role caregiver --relationship mother --given-name Quenby \
		--family-name "$1" --dob 1995-02-03 >/dev/null
	echo "$f"
}
X=$(add_family Marlowe)
Y=$(add_family MARLOWE)
Z=$(add_family marlowe)
start_server

api clinician GET "/api/v1/duplicates"
check "API: the duplicates answer" "$CODE" 200
check "API: the pair of X and Y, by name and date of birth" "$(jq -r --argjson x "$X" --argjson y "$Y" \
	'[.items[] | select(.person.family_id == $x and .other.family_id == $y)][0].reason' <<<"$BODY")" same_name_dob
api analyst GET "/api/v1/duplicates"
check "API: an analyst may not see duplicates" "$CODE" 403
api other GET "/api/v1/duplicates"
lacks "API: another team's manager sees none of this team's people" "$BODY" "Marlowe|MARLOWE"

jar="$WORK/jar"
sign_in clinician "$jar"
page=$(curl -s -b "$jar" "${URL}duplicates")
contains "the page names the reason" "$page" "Same name and date of birth"
contains "and links to the merge" "$page" "/families/$X/merge\?with=$Y"
form=$(curl -s -b "$jar" "${URL}families/$X/merge?with=$Y")
contains "the confirm step says what will happen" "$form" "Merge family $Y into family $X"
csrf=$(grep -oE 'name="csrf" value="[0-9a-f]{64}' <<<"$form" | head -1 | grep -oE '[0-9a-f]{64}')
post() { curl -s -o "$WORK/p" -w '%{http_code}' -b "$jar" --data-urlencode "csrf=$csrf" "$@" "${URL}families/$X/merge"; }
check "a merge needs a reason" "$(post -d merge="$Y" -d reason=)" 400
contains "saying so" "$(cat "$WORK/p")" 'href="#reason"'
check "nothing merged yet" "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM family WHERE merged_into IS NOT NULL")" 0
check "the merge is made" "$(post -d merge="$Y" --data-urlencode "reason=typed twice at referral")" 303
check "family Y points to X" "$(sql "$DYAD_DB" "SELECT merged_into FROM family WHERE id = $Y")" "$X"
check "a second merge of Y is refused" "$(post -d merge="$Y" --data-urlencode "reason=again")" 400
contains "with the reason" "$(cat "$WORK/p")" "has been merged into family $X already"
contains "the merged family's page says where its records are" "$(curl -s -b "$jar" "${URL}families/$Y")" \
	"has been merged into <a href=\"/families/$X\">family $X"
page=$(curl -s -b "$jar" "${URL}duplicates")
lacks "the tombstone's people are no longer listed" "$page" "/families/$Y\""

# The API merge: Z into X, Z's Quenby becoming X's.
api clinician POST "/api/v1/families/$X/merge" "{\"merge\": $Z, \"reason\": \"one family\"}"
check "API: merged" "$CODE" 201
check "API: the counts of what moved" "$(jq -r '.moved.people_joined, .merged' <<<"$BODY" | tr '\n' ' ')" "1 $Z "
api clinician POST "/api/v1/families/$X/merge" "{\"merge\": $Z, \"reason\": \"one family\"}"
check "API: merged already" "$CODE" 409
api clinician POST "/api/v1/families/$X/merge" "{\"merge\": $X, \"reason\": \"same\"}"
check "API: a family into itself is refused" "$(jq -r .error.field <<<"$BODY") $CODE" "merge 400"
api clinician POST "/api/v1/families/$X/merge" "{\"reason\": \"no family\"}"
check "API: the family to merge is required" "$CODE" 400
api other POST "/api/v1/families/1/merge" "{\"merge\": 2, \"reason\": \"not ours\"}"
check "API: another team's manager: no such family" "$CODE" 404
sign_in admin_staff "$WORK/jar2"
check "admin staff may not open the duplicates page" \
	"$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar2" "${URL}duplicates")" 403
check "no names in the audit's merge entries" "$(sql "$DYAD_DB" \
	"SELECT COUNT(*) FROM audit WHERE action = 'family.merge' AND (detail LIKE '%arlowe%' OR detail LIKE '%1995%')")" 0
finish
