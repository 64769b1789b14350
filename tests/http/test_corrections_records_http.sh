#!/usr/bin/env bash
# test_corrections_records_http.sh: correcting a referral, a contact and a
# measure, and marking them entered in error, through the JSON API: the
# corrections come back with the earlier values; a contact date corrected
# or a contact entered in error moves the referral's clock, and undoing it
# moves it back; a value refused names the field; measures need clinical
# staff; a contact's practitioners and attendees are corrected as a whole
# list; an analyst and another team's manager may not.
. "$(dirname "$0")/lib.sh"

setup_db 8
# A referral whose assessment clock was stopped by an attended assessment.
R=$(sql "$DYAD_DB" "SELECT id FROM episode WHERE clock_assessed IS NOT NULL AND clock_assessed > received_on
	ORDER BY id LIMIT 1")
C=$(sql "$DYAD_DB" "SELECT c.id FROM contact c JOIN episode e ON e.id = c.episode_id WHERE e.id = $R
	AND c.kind = 'assessment' AND c.attendance = 'attended' AND c.date = e.clock_assessed ORDER BY c.id LIMIT 1")
RECEIVED=$(sql "$DYAD_DB" "SELECT received_on FROM episode WHERE id = $R")
ASSESSED=$(sql "$DYAD_DB" "SELECT clock_assessed FROM episode WHERE id = $R")
M=$(sql "$DYAD_DB" "SELECT id FROM measure WHERE instrument = 'phq9' ORDER BY id LIMIT 1")
check "the demo has such a referral, contact and measure" "$([ -n "$R" ] && [ -n "$C" ] && [ -n "$M" ] && echo y)" y
start_server
clock() { sql "$DYAD_DB" "SELECT COALESCE(CAST(clock_assessed AS TEXT), 'none') FROM episode WHERE id = $R"; }

api admin_staff POST "/api/v1/contacts/$C/correct" "{\"reason\":\"diary misread\",\"changes\":{\"date\":\"$RECEIVED\"}}"
check "API: contact corrected" "$CODE" 201
check "API: the contact's corrections hold the earlier date" \
	"$(jq -r '.items[-1] | .record + " " + .field + " " + .old_value + " " + .new_value' <<<"$BODY")" \
	"contact date $ASSESSED $RECEIVED"
check "the clock stops on the corrected date" "$(clock)" "$RECEIVED"
CC=$(jq -r '.items[-1].id' <<<"$BODY")
api admin_staff POST "/api/v1/contacts/$C/correct" '{"reason":"x","changes":{"duration_min":"601"}}'
check "API: a duration over 600 is refused" "$CODE" 400
check "API: naming the field" "$(jq -r .error.field <<<"$BODY")" duration_min
api admin_staff POST "/api/v1/contacts/$C/correct" '{"reason":"x","changes":{"colour":"blue"}}'
check "API: an unknown field is refused" "$CODE" 400
api admin_staff POST "/api/v1/contacts/$C/correct" '{"changes":{"date":"2020-01-01"}}'
check "API: a reason is required" "$(jq -r .error.field <<<"$BODY")" reason
api admin_staff POST "/api/v1/corrections/$CC/revert" '{"reason":"the diary was right"}'
check "API: undone" "$CODE" 201
check "the clock is back" "$(clock)" "$ASSESSED"

# The lists: the whole list as ids, kept ascending; a person of another family refused.
P1=$(sql "$DYAD_DB" "SELECT id FROM practitioner ORDER BY id LIMIT 1")
P2=$(sql "$DYAD_DB" "SELECT id FROM practitioner ORDER BY id LIMIT 1 OFFSET 1")
OTHER=$(sql "$DYAD_DB" "SELECT p.id FROM person p JOIN episode e ON e.id = $R WHERE p.family_id <> e.family_id
	ORDER BY p.id LIMIT 1")
api admin_staff POST "/api/v1/contacts/$C/correct" "{\"reason\":\"x\",\"changes\":{\"attendees\":\"$OTHER\"}}"
check "API: an attendee of another family is refused" "$CODE $(jq -r .error.field <<<"$BODY")" "400 attendees"
api admin_staff POST "/api/v1/contacts/$C/correct" \
	"{\"reason\":\"both were there\",\"changes\":{\"practitioners\":\"$P2,$P1\"}}"
check "API: practitioners corrected, the list ascending" \
	"$CODE $(jq -r '.items[-1] | .field + " " + .new_value' <<<"$BODY")" "201 practitioners $P1,$P2"
api admin_staff GET "/api/v1/referrals/$R/contacts"
check "the contact lists both" "$(jq -c "[.items[] | select(.id == $C) | .practitioners[]]" <<<"$BODY")" "[$P1,$P2]"

api admin_staff POST "/api/v1/contacts/$C/error" '{"reason":"another family'"'"'s visit"}'
check "API: contact entered in error" "$CODE" 201
check "API: recorded as a correction" "$(jq -r '.items[-1] | .field + "=" + .new_value' <<<"$BODY")" \
	"entered_in_error=yes"
EC=$(jq -r '.items[-1].id' <<<"$BODY")
check "the contact in error no longer stops the clock" "$([ "$(clock)" != "$ASSESSED" ] && echo moved)" moved
api admin_staff POST "/api/v1/contacts/$C/error" '{"reason":"again"}'
check "API: marked already" "$CODE" 409
api admin_staff GET "/api/v1/referrals/$R"
check "the contact in error is hidden from the referral" "$(jq "[.contacts[].id] | index($C)" <<<"$BODY")" null
api admin_staff GET "/api/v1/referrals/$R/contacts"
check "and from its contacts" "$(jq "[.items[].id] | index($C)" <<<"$BODY")" null
api admin_staff POST "/api/v1/corrections/$EC/revert" '{"reason":"it was theirs"}'
check "API: entered in error undone" "$CODE" 201
check "the clock is back again" "$(clock)" "$ASSESSED"

# The web: the family's history shows every kind, each with Undo.
F=$(sql "$DYAD_DB" "SELECT family_id FROM episode WHERE id = $R")
jar="$WORK/jar"
sign_in admin_staff "$jar"
family=$(curl -s -b "$jar" "${URL}families/$F")
contains "the family page links to the family's history" "$family" "/families/$F/history"
hist=$(curl -s -b "$jar" "${URL}families/$F/history")
contains "the history names the contact" "$hist" "Contact $C"
contains "the earlier date" "$hist" ">$ASSESSED<"
contains "entered in error, who and why" "$hist" "another family&#39;s visit|another family's visit"
contains "each with Undo" "$hist" "/corrections/$EC/revert"
csrf=$(grep -oE 'name="csrf" value="[0-9a-f]{64}' <<<"$hist" | head -1 | grep -oE '[0-9a-f]{64}')
code=$(curl -s -o "$WORK/p" -w '%{http_code}' -b "$jar" --data-urlencode "csrf=$csrf" \
	--data-urlencode "reason=again" "${URL}corrections/$EC/revert")
check "an undo refused on the web stays on the family's history" "$code" 400
contains "saying why" "$(cat "$WORK/p")" "undone already"
api admin_staff POST "/api/v1/contacts/$C/error" '{"reason":"once more"}'
EC2=$(jq -r '.items[-1].id' <<<"$BODY")
code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" --data-urlencode "csrf=$csrf" \
	--data-urlencode "reason=it was theirs" "${URL}corrections/$EC2/revert")
contains "undo on the web returns to the family's history" "$code" "^303 .*/families/$F/history#correction-"
check "the clock is back once more" "$(clock)" "$ASSESSED"
sign_in analyst "$WORK/jar2"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar2" "${URL}families/$F/history")
check "an analyst may not see the family's history" "$code" 403

# Measures: clinical staff; scored again.
api admin_staff POST "/api/v1/measures/$M/correct" '{"reason":"x","changes":{"responses":"0;0;0;0;0;0;0;0;0"}}'
check "API: admin staff may not correct a measure" "$CODE" 403
api clinician POST "/api/v1/measures/$M/correct" '{"reason":"x","changes":{"responses":"0;0;0;0;0;0;0;0;9"}}'
check "API: an answer out of range is refused" "$(jq -r .error.field <<<"$BODY")" responses
api clinician POST "/api/v1/measures/$M/correct" '{"reason":"keyed wrongly","changes":{"responses":"3;3;3;3;3;3;3;3;3"}}'
check "API: measure corrected" "$CODE" 201
check "the measure is scored again" "$(sql "$DYAD_DB" "SELECT CAST(value AS INTEGER) FROM measure_score WHERE measure_id = $M")" 27
api clinician POST "/api/v1/measures/$M/error" '{"reason":"wrong family"}'
check "API: measure entered in error" "$CODE" 201

# A family record's opening day.
api admin_staff POST "/api/v1/families/$F/correct" '{"reason":"opened at the meeting","changes":{"created_on":"2020-01-02"}}'
check "API: family corrected" "$(jq -r '.items[-1] | .record + " " + .field + " " + .new_value' <<<"$BODY")" \
	"family created_on 2020-01-02"
api admin_staff POST "/api/v1/families/$F/correct" '{"reason":"x","changes":{"team_id":"2"}}'
check "API: a family's team is not corrected" "$(jq -r .error.field <<<"$BODY")" field

# Referrals; who may not.
api manager POST "/api/v1/referrals/$R/correct" '{"reason":"x","changes":{"received_on":"2099-01-01"}}'
check "API: a received date in the future is refused" "$(jq -r .error.field <<<"$BODY")" received_on
api analyst POST "/api/v1/referrals/$R/error" '{"reason":"x"}'
check "API: an analyst may not" "$CODE" 403
api other POST "/api/v1/referrals/$R/error" '{"reason":"x"}'
check "API: another team's manager: no such referral" "$CODE" 404
api manager POST "/api/v1/referrals/$R/error" '{"reason":"duplicate"}'
check "API: referral entered in error" "$CODE" 201
check "kept, marked" "$(sql "$DYAD_DB" "SELECT error_reason FROM episode WHERE id = $R")" duplicate
finish
