#!/usr/bin/env bash
# test_retention_http.sh: the retention review on the web and through the
# API (docs/retention.md): managers only (clinician, admin staff, analyst
# and admin are refused), their own team's families only, audited, and
# nothing deleted; the page lists the same families with the rule's source.
. "$(dirname "$0")/lib.sh"

setup_db 30
families=$(sql "$DYAD_DB" "SELECT COUNT(*) FROM family")
# Families whose every episode has ended (discharged or closed at triage), and that have some.
closed=$(sql "$DYAD_DB" "SELECT COUNT(*) FROM family f WHERE NOT EXISTS (SELECT 1 FROM episode e WHERE
	e.family_id = f.id AND e.discharged_on IS NULL AND e.state NOT IN ('declined','signposted','discharged'))")
check "the demo has families whose care has ended" "$([ "$closed" -gt 0 ] && echo yes)" yes
start_server

api manager GET "/api/v1/retention?as_of=2199-01-01"
check "manager: 200" "$CODE" 200
check "every family with no open care is past its date by 2199" "$(jq '.total' <<<"$BODY")" "$closed"
check "items agree with the total" "$(jq '.items | length' <<<"$BODY")" "$closed"
check "each names its rule" "$(jq '[.items[] | select(.rule | test("^(child|child_late|caregiver)$") | not)] | length' <<<"$BODY")" 0
check "the built-in rules" "$(jq -r '.rules' <<<"$BODY")" "built-in defaults"
lacks "no names in the review" "$BODY" "given_name|family_name|nhs_number|postcode"
api manager GET "/api/v1/retention"
check "nothing of the demo is due today" "$(jq '.total' <<<"$BODY")" 0
api manager GET "/api/v1/retention?as_of=2199-02-30"
check "a bad date: 400" "$CODE" 400
for r in clinician admin_staff analyst admin; do
	api "$r" GET "/api/v1/retention?as_of=2199-01-01"
	check "$r may not review retention" "$CODE" 403
done
api other GET "/api/v1/retention?as_of=2199-01-01"
check "another team's manager: 200" "$CODE" 200
check "sees none of this team's families" "$(jq '.total' <<<"$BODY")" 0

jar="$WORK/jar"
sign_in manager "$jar"
page=$(curl -s -b "$jar" "${URL}retention?as_of-day=1&as_of-month=1&as_of-year=2199")
contains "the page" "$page" "<h1>Retention review</h1>"
contains "the page lists the families" "$page" "$closed families past their retention date on 1 January 2199"
contains "with the rule's source" "$page" "Records Management Code of Practice 2021"
contains "and says it deletes nothing" "$page" "This page deletes nothing"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "${URL}retention?as_of-day=30&as_of-month=2&as_of-year=2199")
check "a bad date on the page: 400" "$code" 400
sign_in clinician "$jar.c"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar.c" "${URL}retention")
check "a clinician may not open the page" "$code" 403

stop_server
check "each review is in the audit" "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM audit WHERE entity = 'retention' AND detail LIKE 'review as of 2199-01-01:%'")" 3
check "nothing was deleted" "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM family")" "$families"
finish
