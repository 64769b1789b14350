#!/usr/bin/env bash
# Workforce activity on the web: the /workforce page lists the last 90
# days' training, consultations and supervision for managers and clinicians
# (advice as text, never markup); admin staff and analysts may not open it
# or its API; the analyst gets the workforce report, always published.
. "$(dirname "$0")/lib.sh"

setup_db 20
"$DYAD" consultation add --date 2026-11-20 --practitioner 1 --profession health_visitor --organisation "Northtown HV" \
	--family 1 --advice 'Watch <script>x</script> and wonder' >/dev/null || exit 1
start_server

jar="$WORK/jar"
sign_in clinician "$jar"
page=$(curl -s -b "$jar" "${URL}workforce")
contains "the page" "$page" '<h1>Work with the wider workforce</h1>'
contains "training from the demo" "$page" '<h2>Training</h2><table'
contains "the advice as text" "$page" 'Watch &lt;script&gt;x&lt;/script&gt; and wonder'
lacks "no script from the advice" "$page" '<script>x'
contains "a link to the family" "$page" 'href="/families/1"'
sign_in analyst "$WORK/jar2"
check "analyst: no workforce page" "$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar2" "${URL}workforce")" 403
sign_in admin_staff "$WORK/jar3"
check "admin staff: no workforce page" "$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar3" "${URL}workforce")" 403

page=$(curl -s -b "$jar" "${URL}reports")
contains "the reports page offers the workforce report" "$page" 'Workforce activity: <a href="/api/v1/reports/workforce\?from='

api manager GET "/api/v1/workforce?from=2026-11-01&to=2026-11-22"
check "manager: the list" "$CODE" 200
check "the consultation" "$(jq -r '.consultations[-1].advice' <<<"$BODY")" 'Watch <script>x</script> and wonder'
api analyst GET "/api/v1/workforce"
check "analyst: no list" "$CODE" 403
api admin_staff GET "/api/v1/workforce"
check "admin staff: no list" "$CODE" 403
api other GET "/api/v1/workforce"
check "a manager of another team: no list" "$CODE" 403
api analyst GET "/api/v1/reports/workforce?from=2026-09-01&to=2026-11-22"
check "analyst: the report" "$CODE" 200
check "analyst: no count from 1 to 4" \
	"$(jq '[.trained_by_profession[]?, .consultations_by_organisation[]? | to_entries[] | select(.value|type == "number" and . >= 1 and . <= 4)] | length' <<<"$BODY")" 0
lacks "analyst: no advice in the report" "$BODY" 'Watch|wonder'
api manager GET "/api/v1/reports/workforce?from=2026-09-01&to=2026-11-22"
check "manager: the report" "$CODE" 200
check "manager: 3 months" "$(jq '.by_month | length' <<<"$BODY")" 4

stop_server
finish
