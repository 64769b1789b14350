#!/usr/bin/env bash
# test_corrections_http.sh: correcting a person's details on the web: the
# form shows the details held; a correction refused keeps what was typed
# and names the field; a correction saved shows in the person's history
# with the earlier value, who and why, and search finds the new name at
# once; undo brings the earlier value back; an analyst may not correct.
. "$(dirname "$0")/lib.sh"

setup_db 5
F=$("$DYAD" family add | grep -oE "[0-9]+" | head -1)
P=$("$DYAD" person add --family "$F" --role caregiver --relationship mother --given-name Quenby --family-name Marlowe \
	--dob 1995-02-03 | grep -oE "caregiver [0-9]+" | grep -oE "[0-9]+")
start_server

jar="$WORK/jar"
sign_in admin_staff "$jar"
family=$(curl -s -b "$jar" "${URL}families/$F")
contains "the family page links to the correction form" "$family" "/people/$P/correct"
form=$(curl -s -b "$jar" "${URL}people/$P/correct")
contains "the form shows the details held" "$form" 'value="Marlowe"'
csrf=$(grep -oE 'name="csrf" value="[0-9a-f]{64}' <<<"$form" | head -1 | grep -oE '[0-9a-f]{64}')
post() { curl -s -o "$WORK/p" -w '%{http_code}' -b "$jar" --data-urlencode "csrf=$csrf" \
	-d given_name=Quenby "$@" "${URL}people/$P/correct"; }
check "a future date of birth is refused" "$(post -d family_name=Marlowe -d dob=2030-01-01 -d reason=typo)" 400
contains "naming the field" "$(cat "$WORK/p")" 'href="#dob"'
check "a correction needs a reason" "$(post -d family_name=Marlow -d reason=)" 400
contains "keeping what was typed" "$(cat "$WORK/p")" 'value="Marlow"'
check "the correction is saved" "$(post -d family_name=Marlow --data-urlencode "reason=spelt wrongly at referral")" 303
hist=$(curl -s -b "$jar" "${URL}people/$P/history")
contains "the history shows the field" "$hist" "Family name"
contains "the earlier value" "$hist" ">Marlowe<"
contains "the new value" "$hist" ">Marlow<"
contains "who and why" "$hist" "admin_staff: spelt wrongly at referral"
api admin_staff GET "/api/v1/search?q=marlow"
contains "search finds the new name" "$BODY" '"family_name": *"Marlow"'
C=$(sql "$DYAD_DB" "SELECT id FROM correction WHERE entity_id = $P ORDER BY id DESC LIMIT 1")
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" --data-urlencode "csrf=$csrf" \
	--data-urlencode "reason=the letter was right" "${URL}corrections/$C/revert")
check "undo" "$code" 303
check "the earlier value is back" "$(sql "$DYAD_DB" "SELECT family_name FROM person WHERE id = $P")" Marlowe
# The API: the same correction, the person's history, undo.
api clinician POST "/api/v1/people/$P/correct" '{"reason":"from the GP letter","changes":{"dob":"1995-02-04"}}'
check "API: corrected" "$CODE" 201
check "API: the history holds the earlier date" "$(jq -r '.items[-1] | .old_value + " " + .new_value' <<<"$BODY")" \
	"1995-02-03 1995-02-04"
C2=$(jq -r '.items[-1].id' <<<"$BODY")
api clinician POST "/api/v1/people/$P/correct" '{"reason":"x","changes":{"nhs_number":"123"}}'
check "API: a bad NHS number is refused, naming it" "$(jq -r .error.field <<<"$BODY")" nhs_number
api clinician POST "/api/v1/corrections/$C2/revert" '{"reason":"the letter was wrong"}'
check "API: undone" "$(jq -r '.new_value + " reverts " + (.reverts|tostring)' <<<"$BODY")" "1995-02-03 reverts $C2"
api analyst GET "/api/v1/people/$P/history"
check "API: an analyst may not see the history" "$CODE" 403
api other GET "/api/v1/people/$P/history"
check "API: another team's manager: no such person" "$CODE" 404
sign_in analyst "$WORK/jar2"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar2" "${URL}people/$P/correct")
check "an analyst may not open the form" "$code" 403
finish
