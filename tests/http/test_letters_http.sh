#!/usr/bin/env bash
# Letters and family feedback on the web and the API: the family page lists
# a referral's letters with "Make a letter"; the form makes one (a decision
# letter before triage refused with the reason on the form); the API makes
# and lists letters and returns one as an HTML download in which a name
# holding a script is text; an analyst gets none of it; the feedback form
# of a discharged referral records the family's answers once, and the API
# refuses a second set and an open referral.
. "$(dirname "$0")/lib.sh"

setup_db 20
unset DYAD_LETTERS DYAD_FEEDBACK
F=$("$DYAD" family add | grep -oE '[0-9]+' | head -1)
CG=$("$DYAD" person add --family "$F" --role caregiver --relationship mother --given-name '<script>alert(1)</script>' \
	--family-name Example --dob 1996-04-01 | grep -oE 'caregiver [0-9]+' | grep -oE '[0-9]+')
IN=$("$DYAD" person add --family "$F" --role infant --given-name Bo --family-name Example --dob 2026-06-01 |
	grep -oE 'infant [0-9]+' | grep -oE '[0-9]+')
R=$("$DYAD" referral add --family "$F" --infant "$IN" --caregiver "$CG" --received 2026-11-01 --source gp |
	grep -oE 'referral [0-9]+' | grep -oE '[0-9]+')
read -r FD D <<<"$(sql "$DYAD_DB" "SELECT e.family_id, e.id FROM episode e WHERE e.discharged_on IS NOT NULL
	AND e.decision = 'accepted' AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.episode_id = e.id) ORDER BY e.id LIMIT 1" | tr '|' ' ')"
read -r O <<<"$(sql "$DYAD_DB" "SELECT id FROM episode WHERE decision = 'accepted' AND discharged_on IS NULL ORDER BY id LIMIT 1")"
[ -n "$R" ] && [ -n "$IN" ] && [ -n "$D" ] && [ -n "$O" ] || { echo "FAIL: the demo lacks a pending, a discharged or an open referral"; exit 1; }
start_server

jar="$WORK/jar"
sign_in admin_staff "$jar"
page=$(curl -s -b "$jar" "${URL}families/$F")
contains "letters section" "$page" '<h3>Letters</h3>'
contains "make a letter" "$page" "href=\"/referrals/$R/letters/new\""
form=$(curl -s -b "$jar" "${URL}referrals/$R/letters/new")
csrf=$(grep -oE 'name="csrf" value="[0-9a-f]{64}' <<<"$form" | head -1 | grep -oE '[0-9a-f]{64}$')
out=$(curl -s -b "$jar" -d "csrf=$csrf" -d kind=decision -d to=referrer "${URL}referrals/$R/letters/new")
contains "decision before triage refused on the form" "$out" 'has no triage decision yet'
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -d "csrf=$csrf" -d kind=acknowledgement -d to=gp \
	"${URL}referrals/$R/letters/new")
check "made from the form" "$code" 303
page=$(curl -s -b "$jar" "${URL}families/$F")
contains "listed on the page" "$page" 'To the GP'

api clinician POST "/api/v1/referrals/$R/letters" '{"kind":"acknowledgement","to":"referrer"}'
check "API make" "$CODE" 201
L=$(jq -r .id <<<"$BODY")
api clinician POST "/api/v1/referrals/$R/letters" '{"kind":"discharge","to":"gp"}'
check "discharge before discharge: 409" "$CODE" 409
api clinician GET "/api/v1/referrals/$R/letters"
check "API list" "$(jq '.items | length' <<<"$BODY")" 2
headers=$(curl -s -D - -o "$WORK/letter.html" -H "Authorization: Bearer $TOKEN_manager" "${URL}api/v1/letters/$L")
contains "an HTML download" "$headers" 'Content-Disposition: attachment; filename="letter-'"$L"'.html"'
contains "text/html" "$headers" 'Content-Type: text/html'
letter=$(cat "$WORK/letter.html")
contains "the script as text" "$letter" '&lt;script&gt;alert\(1\)&lt;/script&gt;'
lacks "no script element" "$letter" '<script'
contains "A4" "$letter" '@page \{ size: A4'
api analyst GET "/api/v1/letters/$L"
check "analyst refused a letter" "$CODE" 403
api analyst GET "/api/v1/referrals/$R/letters"
check "analyst refused the list" "$CODE" 403

# Feedback: the form on a discharged referral, once.
page=$(curl -s -b "$jar" "${URL}families/$FD")
contains "feedback button" "$page" "href=\"/referrals/$D/feedback\""
form=$(curl -s -b "$jar" "${URL}referrals/$D/feedback")
contains "the question" "$form" 'Did the service improve your relationship with your baby\?'
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -d "csrf=$csrf" -d date-day=21 -d date-month=11 -d date-year=2026 \
	-d q_relationship=yes -d q_listened=partly -d q_recommend=yes "${URL}referrals/$D/feedback")
check "feedback saved" "$code" 303
check "stored" "$(sql "$DYAD_DB" "SELECT answers FROM feedback WHERE episode_id = $D")" "yes;partly;;yes"
page=$(curl -s -b "$jar" "${URL}families/$FD")
contains "shown as recorded" "$page" 'feedback was recorded on 21 November 2026'
api clinician POST "/api/v1/referrals/$D/feedback" '{"answers":"yes;yes;yes;yes"}'
check "second set: 409" "$CODE" 409
api clinician POST "/api/v1/referrals/$O/feedback" '{"answers":"yes;yes;yes;yes"}'
check "open referral: 409" "$CODE" 409
api clinician POST "/api/v1/referrals/$O/feedback" '{"answers":"yes;sometimes;yes;yes"}'
check "bad answer: 400" "$CODE" 400
api analyst POST "/api/v1/referrals/$D/feedback" '{"answers":"yes;yes;yes;yes"}'
check "analyst refused" "$CODE" 403
api analyst GET "/api/v1/reports/feedback?from=2020-01-01&to=2026-12-31&format=csv"
check "analyst sees the report" "$CODE" 200

stop_server
finish
