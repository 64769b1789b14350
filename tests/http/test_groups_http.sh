#!/usr/bin/env bash
# Groups over the web: the list of runs and who waits (GET /groups, GET
# /api/v1/groups); one run with each caregiver's attendance at each session
# and completion; a session's attendance recorded through the API and
# through the page's form (one contact per family; a refused form keeps
# what was typed and names the field); another team's manager and the
# analyst kept out; each family named logged in the audit; the venue, typed
# by a user, shown as text.
. "$(dirname "$0")/lib.sh"

setup_db 40
unset DYAD_INTERVENTIONS
mapfile -t EPS < <(sql "$DYAD_DB" "SELECT id, caregiver_id FROM episode WHERE decision = 'accepted'
	AND discharged_on IS NULL AND caregiver_id IS NOT NULL AND received_on <= '2026-10-01' ORDER BY id LIMIT 2")
[ "${#EPS[@]}" -eq 2 ] || { echo "FAIL: the demo has fewer than two open accepted referrals"; exit 1; }
IFS="|" read -r E1 C1 <<<"${EPS[0]}"
IFS="|" read -r E2 C2 <<<"${EPS[1]}"
P=$("$DYAD" practitioner add --name "Group Facilitator" --profession psychotherapist | grep -oE 'practitioner [0-9]+' | grep -oE '[0-9]+')
RUN=$("$DYAD" group add --intervention circle_of_security --starts 2026-11-01 --venue "<b>Meadows</b> Hall" \
	--location childrens_centre --capacity 4 --facilitators "$P" | grep -oE 'group run [0-9]+' | grep -oE '[0-9]+')
[ -n "$RUN" ] || { echo "FAIL: group add"; exit 1; }
"$DYAD" group enrol --run "$RUN" --referral "$E1" --caregiver "$C1" >/dev/null || exit 1
"$DYAD" group enrol --run "$RUN" --referral "$E2" --caregiver "$C2" >/dev/null || exit 1
contacts() { sql "$DYAD_DB" "SELECT COUNT(*) FROM contact WHERE kind = 'group' AND episode_id IN ($E1, $E2)"; }
before=$(contacts)
start_server

api clinician GET /api/v1/groups
check "runs answer" "$CODE" 200
check "the run with its places" "$(jq -r ".items[] | select(.id == $RUN) | \"\(.intervention) \(.enrolled)/\(.capacity) \(.sessions)\"" <<<"$BODY")" \
	"circle_of_security 2/4 8"
api analyst GET /api/v1/groups
check "the analyst sees no caregivers' groups" "$CODE" 403
api other GET "/api/v1/groups/$RUN"
check "another team's manager is refused the team's groups" "$CODE" 403

api clinician POST "/api/v1/groups/$RUN/sessions" "{\"number\":1,\"date\":\"2026-11-02\",\"attended\":[$C1],\"duration_min\":120}"
check "session 1 recorded" "$CODE" 201
check "one contact per family" "$(jq -r .contacts_written <<<"$BODY")" 2
check "contacts on the families' records" "$(contacts)" $((before + 2))
api clinician POST "/api/v1/groups/$RUN/sessions" '{"number":1,"date":"2026-11-03","attended":[]}'
check "a session recorded twice" "$CODE" 409
check "names the number" "$(jq -r .error.field <<<"$BODY")" number
api clinician POST "/api/v1/groups/$RUN/sessions" '{"date":"2026-11-03"}'
check "the number is required" "$(jq -r .error.field <<<"$BODY")" number

audit_before=$(sql "$DYAD_DB" "SELECT COUNT(*) FROM audit WHERE action = 'list' AND entity = 'family'")
api clinician GET "/api/v1/groups/$RUN"
check "the run answers" "$CODE" 200
check "two caregivers" "$(jq '.members | length' <<<"$BODY")" 2
EN1=$(jq -r ".members[] | select(.caregiver_id == $C1) | .enrolment_id" <<<"$BODY")
EN2=$(jq -r ".members[] | select(.caregiver_id == $C2) | .enrolment_id" <<<"$BODY")
check "session 1: who attended" "$(jq -c '.session_attendance[0].attended' <<<"$BODY")" "[$EN1]"
check "session 1: who did not" "$(jq -c '.session_attendance[0].did_not_attend' <<<"$BODY")" "[$EN2]"
check "not complete after 1 of 8" "$(jq -r ".members[] | select(.caregiver_id == $C1) | .completed" <<<"$BODY")" false
sleep 0.5 # the server's audit writer commits reads in the background
audit_after=$(sql "$DYAD_DB" "SELECT COUNT(*) FROM audit WHERE action = 'list' AND entity = 'family'")
check "each family named is logged" "$((audit_after - audit_before))" 2

# The pages.
jar="$WORK/jar"
sign_in clinician "$jar"
page=$(curl -s -b "$jar" "${URL}groups")
contains "nav link" "$page" 'href="/groups">Groups<'
contains "programme by name" "$page" "href=\"/groups/$RUN\">Circle of Security Parenting<"
contains "venue as text" "$page" '&lt;b&gt;Meadows&lt;/b&gt; Hall'
lacks "no markup from the venue" "$page" '<b>Meadows</b>'
contains "sessions held" "$page" '1 of 8'
page=$(curl -s -b "$jar" "${URL}groups/$RUN")
contains "completion rule" "$page" 'At least 6 sessions attended'
contains "session 1 column" "$page" 'Session 1<br><span class="nhsuk-body-s">2 November 2026'
contains "attended mark" "$page" '>Attended<'
contains "did not attend mark" "$page" '>Did not attend<'
contains "caregiver links to the referral" "$page" "href=\"/referrals/$E1\""
contains "next session offered" "$page" 'name="number"[^>]*value="2"'
csrf=$(grep -oE 'name="csrf" value="[0-9a-f]{64}' <<<"$page" | head -1 | grep -oE '[0-9a-f]{64}')

post() { curl -s -o "$WORK/page" -w '%{http_code}' -b "$jar" -d "csrf=$csrf" "$@" "${URL}groups/$RUN/sessions"; }
code=$(post -d number=99 -d date-day=9 -d date-month=11 -d date-year=2026 -d duration=90 -d "attended=$C2")
check "a session beyond the run refused" "$code" 400
contains "error names the number" "$(cat "$WORK/page")" 'href="#number"'
contains "the length typed is kept" "$(cat "$WORK/page")" 'name="duration"[^>]*value="90"'
contains "the caregiver ticked is kept" "$(cat "$WORK/page")" "value=\"$C2\" checked"
code=$(post -d number=2 -d date-day=9 -d date-month=11 -d date-year=2026 -d duration=90 -d "attended=$C1" -d "attended=$C2")
check "session 2 saved" "$code" 303
check "two more contacts" "$(contacts)" $((before + 4))
page=$(curl -s -b "$jar" "${URL}groups/$RUN")
contains "session 2 column" "$page" 'Session 2<br><span class="nhsuk-body-s">9 November 2026'
contains "attendance counted" "$page" '2 of 8'

stop_server
finish
