#!/usr/bin/env bash
# test_http.sh: the real `dyad serve` over a real socket: every endpoint for
# every role (and a manager of another team), nothing identifiable for the
# analyst, limits answered with 4xx while the server keeps serving, forms
# without their CSRF token refused, sign-in lock-out, security headers, the
# access log, the audit of a family read and its hash chain, a clean stop.
. "$(dirname "$0")/lib.sh"

setup_db 40
DB=$DYAD_DB
q() { sql "$DB" "$1"; }
# A family whose referral has measures and goals; its infant; a measure.
read -r F E I <<<"$(q "SELECT e.family_id, e.id, e.infant_id FROM episode e
  WHERE EXISTS (SELECT 1 FROM measure m WHERE m.episode_id = e.id)
    AND EXISTS (SELECT 1 FROM goal g WHERE g.episode_id = e.id) AND e.discharged_on IS NULL
  ORDER BY e.id LIMIT 1" | tr '|' ' ')"
[ -n "$F" ] || { echo "FAIL: the demo has no referral with measures and goals"; exit 1; }
start_server --idle-timeout 2

# --- Every GET endpoint x every role -------------------------------------
#                                              admin mgr clin staff analyst other
matrix=(
	"/api/v1/me                                 200 200 200 200 200 200"
	"/api/v1/families                           403 200 200 200 403 403"
	"/api/v1/families?open=1&limit=5            403 200 200 200 403 403"
	"/api/v1/families/$F                        403 200 200 200 403 404"
	"/api/v1/families/999999                    403 404 404 404 403 404"
	"/api/v1/referrals?family=$F                403 200 200 200 403 404"
	"/api/v1/referrals/$E                       403 200 200 200 403 404"
	"/api/v1/referrals/$E/contacts              403 200 200 200 403 404"
	"/api/v1/referrals/$E/measures              403 200 200 403 403 404"
	"/api/v1/referrals/$E/goals                 403 200 200 403 403 404"
	"/api/v1/people/$I/safeguarding             403 200 200 200 403 404"
	"/api/v1/waiting                            403 200 200 200 403 403"
	"/api/v1/reports/waiting?from=2025-01-01    403 200 200 403 200 403"
	"/api/v1/reports/outcomes?from=2024-01-01   403 200 200 403 200 403"
	"/api/v1/reports/safeguarding?from=2024-01-01 403 200 200 403 200 403"
	"/api/v1/reports/quarterly?from=2026-07-01&to=2026-09-30 403 200 200 403 200 403"
	"/api/v1/reports/nosuch?from=2024-01-01     404 404 404 404 404 404"
	"/api/v1/instruments                        200 200 200 200 200 200"
	"/api/v1/instruments/epds                   200 200 200 200 200 200"
	"/api/v1/instruments/nope                   404 404 404 404 404 404"
)
ANALYST_BODIES=
for row in "${matrix[@]}"; do
	read -r path want_admin want_manager want_clinician want_admin_staff want_analyst want_other <<<"$row"
	for r in $ROLES; do
		want="want_$r"
		api "$r" GET "$path"
		check "GET $path as $r" "$CODE" "${!want}"
		[ "$r" = analyst ] && ANALYST_BODIES+="$BODY"$'\n'
		if [ "${CODE:0:1}" = 4 ]; then
			contains "GET $path as $r: error shape" "$BODY" '^\{"error":\{"code":"[a-z_]+","field":(null|"[^"]*"),"message":"[^"]+"\}\}$'
		fi
	done
done
api manager GET /api/v1/nothing-here
check "unknown API path" "$CODE" 404
contains "unknown API path: error shape" "$BODY" '"code":"not_found"'
CODE=$(curl -s -o /dev/null -w '%{http_code}' "${URL}api/v1/families")
check "no token" "$CODE" 401
CODE=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(printf '%064d' 0)" "${URL}api/v1/families")
check "unknown token" "$CODE" 401

# The family read returns its people (the manager sees names).
api manager GET "/api/v1/families/$F"
name=$(q "SELECT given_name FROM person WHERE family_id = $F LIMIT 1")
contains "family read shows the family's people" "$BODY" "\"given_name\":\"$name\""

# --- Writes x roles ------------------------------------------------------
for r in $ROLES; do
	api "$r" POST /api/v1/families
	case $r in manager | clinician | admin_staff) want=201 ;; *) want=403 ;; esac
	check "POST /api/v1/families as $r" "$CODE" "$want"
done
contact='{"date":"2026-11-20","kind":"review","location":"clinic","attendance":"did_not_attend"}'
for r in $ROLES; do
	api "$r" POST "/api/v1/referrals/$E/contacts" "$contact"
	case $r in manager | clinician | admin_staff) want=201 ;; other) want=404 ;; *) want=403 ;; esac
	check "POST contact as $r" "$CODE" "$want"
done
day=10
for r in $ROLES; do
	day=$((day + 1))
	measure='{"instrument":"epds","timepoint":"review","date":"2026-11-'$day'","responses":"1;1;1;1;1;1;1;1;1;2"}'
	api "$r" POST "/api/v1/referrals/$E/measures" "$measure"
	case $r in manager | clinician) want=201 ;; other) want=404 ;; *) want=403 ;; esac
	check "POST measure as $r" "$CODE" "$want"
	if [ "$CODE" = 201 ]; then
		contains "measure scored on save" "$BODY" '"scores":\[\{"scale":"[a-z_0-9]+","value":[0-9.]+'
		contains "EPDS item 10 raises its risk flag" "$BODY" '"risk_flags":\[\{"measure_id":[0-9]+,"risk":"[a-z0-9_]+","item":10'
		MEASURE=$(jq -r .id <<<"$BODY")
	fi
done
ack='{"action":"Discussed with the mother; GP informed the same day"}'
api admin_staff POST "/api/v1/measures/$MEASURE/acknowledge" "$ack"
check "admin staff cannot acknowledge a risk" "$CODE" 403
api clinician POST "/api/v1/measures/$MEASURE/acknowledge"
check "acknowledging needs the action taken" "$CODE" 400
api clinician POST "/api/v1/measures/$MEASURE/acknowledge" "$ack"
check "a clinician acknowledges the risk" "$CODE" 200
api admin_staff POST "/api/v1/people/$I/safeguarding" '{"status":"early_help","from":"2026-11-21"}'
check "admin staff cannot set safeguarding" "$CODE" 403
api other POST "/api/v1/people/$I/safeguarding" '{"status":"early_help","from":"2026-11-21"}'
check "another team's manager cannot see the infant" "$CODE" 404
api manager POST "/api/v1/referrals/$E/contacts" '{"date":"2026-11-20","kind":"séance","attendance":"attended"}'
check "a bad code is refused" "$CODE" 400
contains "a bad code names its field" "$BODY" '"field":"kind"'
api manager POST "/api/v1/referrals/$E/contacts" '{"date":"2026-11-20","kind":"review","kind":"review"}'
check "duplicate JSON keys are refused" "$CODE" 400
api manager POST "/api/v1/referrals/$E/contacts" "$(printf '[%.0s' $(seq 1 50))"
check "deeply nested JSON is refused" "$CODE" 400
CODE=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN_manager" -H 'Content-Type: text/plain' \
	--data 'x' "${URL}api/v1/referrals/$E/contacts")
check "a body that is not JSON" "$CODE" 415

# --- The analyst sees no name, NHS number, postcode, date of birth or free text
api analyst GET "/api/v1/reports/waiting?from=2024-01-01&to=2026-11-22"
ANALYST_BODIES+="$BODY"
REPORT_BODY=$BODY
found=0
# A report's own calendar (the period, each month's and quarter's day) is
# not a person's date, even when someone was born on a quarter's last day.
CALENDAR_FREE=$(sed -E 's/"(as_at|from|to|month|first|last|period_start|period_end)": ?"[0-9]{4}-[0-9]{2}-[0-9]{2}"//g' <<<"$ANALYST_BODIES")
while IFS='|' read -r given family nhs postcode dob; do
	for v in "\"$given\"" "\"$family\"" "$nhs" "$postcode"; do
		[ -n "$v" ] && [ "$v" != '""' ] && grep -qF -- "$v" <<<"$ANALYST_BODIES" && { found=1; echo "analyst saw: $v"; }
	done
	[ -n "$dob" ] && grep -qF -- "$dob" <<<"$CALENDAR_FREE" && { found=1; echo "analyst saw: $dob"; }
done < <(q "SELECT given_name, family_name, COALESCE(nhs_number,''), COALESCE(postcode,''), COALESCE(CAST(date_of_birth AS TEXT),'') FROM person")
while IFS= read -r text; do
	grep -qF -- "$text" <<<"$ANALYST_BODIES" && { found=1; echo "analyst saw a goal's words"; }
done < <(q "SELECT text FROM goal")
check "analyst answers hold nothing identifiable" "$found" 0
# ... but does get the figures, small counts suppressed (an analyst's output is published output).
check "the analyst does get figures" "$(jq -r '.clocks.A.n | (type == "number" and (. == 0 or . >= 5)) or . == "*"' <<<"$REPORT_BODY")" true
check "the analyst's counts 1 to 4 are hidden" "$(jq '[.months[] | .A.n, .B.n, .A.still_waiting, .B.still_waiting | numbers | select(. >= 1 and . <= 4)] | length' <<<"$REPORT_BODY")" 0

# Reports in every format; the analyst's are always published (suppressed).
counts='^(n|n_.*|eligible|with_.*|none|early_help|child_in_need|child_protection_plan|edge_of_care|looked_after|total|ended|left_path|still_waiting|breached_still_waiting|left_out)$'
small() { jq --arg re "$counts" '[.. | objects | to_entries[] | select(.key | test($re)) | .value | numbers | select(. >= 1 and . <= 4)] | length' <<<"$1"; }
api manager GET "/api/v1/reports/quarterly?from=2025-01-01&to=2026-11-22"
check "the manager's quarterly has small counts (the data can fail the next check)" "$([ "$(small "$BODY")" -gt 0 ] && echo yes)" yes
api analyst GET "/api/v1/reports/quarterly?from=2025-01-01&to=2026-11-22"
check "the analyst's quarterly: no count from 1 to 4" "$(small "$BODY")" 0
check "the analyst's quarterly: small counts hidden" "$(jq '[.. | select(. == "*")] | length > 0' <<<"$BODY")" true
api manager GET "/api/v1/reports/quarterly?from=2025-01-01&to=2026-11-22&publish=1"
check "publish=1: no count from 1 to 4" "$(small "$BODY")" 0
headers=$(curl -s -D - -o "$WORK/report.csv" -H "Authorization: Bearer $TOKEN_manager" "${URL}api/v1/reports/outcomes?from=2024-01-01&format=csv")
contains "CSV report: its type" "$headers" 'Content-Type: text/csv'
contains "CSV report: a download" "$headers" 'Content-Disposition: attachment; filename="dyad-outcomes.csv"'
contains "CSV report: the outcome fields" "$(head -1 "$WORK/report.csv")" '^instrument,scale,direction,n_episodes,n_pairs,completeness_pct,mean_pre'
html=$(curl -s -H "Authorization: Bearer $TOKEN_manager" "${URL}api/v1/reports/quarterly?from=2026-07-01&to=2026-09-30&format=html")
contains "HTML report: a page with charts" "$html" '<svg xmlns="http://www.w3.org/2000/svg" viewBox'
lacks "HTML report: nothing fetched from elsewhere" "$html" '(src|href)="https?:'
api manager GET "/api/v1/reports/activity?quarter=2026Q3"
check "quarter=2026Q3" "$(jq -r .from,.to <<<"$BODY" | tr "\n" " ")" "2026-07-01 2026-09-30 "
api manager GET "/api/v1/reports/outcomes?from=2024-01-01&format=table"
check "format=table is refused" "$CODE" 400

# --- Limits: 4xx, and the server goes on serving --------------------------
CODE=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Big: $(head -c 40000 /dev/zero | tr '\0' a)" "${URL}api/v1/health")
check "oversize headers" "$CODE" 431
CODE=$(curl -s -o /dev/null -w '%{http_code}' "${URL}api/v1/health?$(head -c 40000 /dev/zero | tr '\0' a)")
case $CODE in 414 | 431) ok ;; *) bad "oversize request line: got $CODE" ;; esac
head -c 3000 /dev/zero | tr '\0' a >"$WORK/big"
CODE=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN_manager" \
	-H 'Content-Type: application/json' --data-binary @"$WORK/big" "${URL}api/v1/families")
check "oversize body (declared length)" "$CODE" 413
head -c 200000 /dev/zero | tr '\0' a >"$WORK/big"
CODE=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN_manager" -H 'Transfer-Encoding: chunked' \
	-H 'Content-Type: application/json' --data-binary @"$WORK/big" "${URL}api/v1/referrals/$E/contacts")
check "oversize body (chunked)" "$CODE" 413
CODE=$(curl -s -o /dev/null -w '%{http_code}' -X POST --data-binary @"$WORK/big" "${URL}sign-in")
check "oversize sign-in form" "$CODE" 413
CODE=$(curl -s -o /dev/null -w '%{http_code}' --path-as-is "${URL}api/v1/../v1/health")
check "dot segments refused" "$CODE" 400
CODE=$(curl -s -o /dev/null -w '%{http_code}' "${URL}api/v1/families/%00")
check "encoded NUL refused" "$CODE" 400
CODE=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "${URL}api/v1/health")
check "wrong method" "$CODE" 405
# A client that sends half a request and waits is cut off after the idle time.
port=${URL##*:}
port=${port%/}
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\n' >&3
sleep 3
if timeout 2 cat <&3 >/dev/null; then ok; else bad "an idle half-request is not closed"; fi
exec 3<&- 3>&-
CODE=$(curl -s -o /dev/null -w '%{http_code}' "${URL}api/v1/health")
check "still serving after all that" "$CODE" 200

# --- Forms need their CSRF token; sign-in and sign-out -------------------
jar="$WORK/jar"
form=$(curl -s -c "$jar" -b "$jar" "${URL}sign-in")
csrf=$(grep -oE 'name="csrf" value="[0-9a-f]{64}' <<<"$form" | grep -oE '[0-9a-f]{64}')
[ -n "$csrf" ] && ok || bad "the sign-in form carries no CSRF token"
CODE=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -d name=manager --data-urlencode 'password=password of manager 1234' "${URL}sign-in")
check "sign-in without the CSRF token" "$CODE" 403
CODE=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -d "csrf=$(printf '%064d' 1)" -d name=manager \
	--data-urlencode 'password=password of manager 1234' "${URL}sign-in")
check "sign-in with a wrong CSRF token" "$CODE" 403
headers=$(curl -s -D - -o /dev/null -c "$jar" -b "$jar" -d "csrf=$csrf" -d name=manager \
	--data-urlencode 'password=password of manager 1234' "${URL}sign-in")
contains "sign-in answers 303" "$headers" '^HTTP/1.1 303'
contains "session cookie flags" "$headers" 'Set-Cookie: dyad_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict'
me=$(curl -s -b "$jar" "${URL}api/v1/me")
contains "signed in by cookie" "$me" '"name":"manager"'
scsrf=$(grep -oE '"csrf_token":"[0-9a-f]{64}"' <<<"$me" | grep -oE '[0-9a-f]{64}')
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -X POST "${URL}api/v1/families")
check "API write by cookie without X-CSRF-Token" "$CODE" 403
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -X POST -H "X-CSRF-Token: $scsrf" "${URL}api/v1/families")
check "API write by cookie with X-CSRF-Token" "$CODE" 201
page=$(curl -s -b "$jar" "${URL}reports")
contains "the reports page links each report's download" "$page" 'href="/api/v1/reports/outcomes\?from=[0-9-]+&amp;to=[0-9-]+&amp;format=csv"'
contains "the reports page offers the quarterly report" "$page" 'href="/api/v1/reports/quarterly\?from=2026-10-01&amp;to=2026-11-22&amp;format=html"'
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -X POST "${URL}sign-out")
check "sign-out without the CSRF token" "$CODE" 403
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "${URL}api/v1/me")
check "still signed in after the refused sign-out" "$CODE" 200
sessions=$("$DYAD" session list --user manager)
contains "the session is listed" "$sessions" '127\.0\.0\.1'
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -d "csrf=$scsrf" "${URL}sign-out")
check "sign-out with the CSRF token" "$CODE" 303
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "${URL}api/v1/me")
check "signed out" "$CODE" 401
# A revoked session ends at once.
curl -s -o /dev/null -c "$jar" -b "$jar" -d "csrf=$csrf" -d name=clinician --data-urlencode 'password=password of clinician 1234' "${URL}sign-in"
sid=$("$DYAD" --format csv session list --user clinician | grep -E "^[0-9]+," | head -1 | cut -d, -f1)
"$DYAD" session revoke "$sid" >/dev/null
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "${URL}api/v1/me")
check "a revoked session" "$CODE" 401

# --- Lock-out after repeated failures, the same answer for a stranger ----
signin() { # NAME PASSWORD -> CODE, BODY
	CODE=$(curl -s -o "$WORK/body" -w '%{http_code}' -c "$WORK/jar2" -b "$WORK/jar2" -d "csrf=$csrf2" -d "name=$1" \
		--data-urlencode "password=$2" "${URL}sign-in")
	BODY=$(grep -oE 'href="#name">[^<]*' "$WORK/body")  # the error summary's message (page_sign_in.c)
}
curl -s -c "$WORK/jar2" -b "$WORK/jar2" "${URL}sign-in" >"$WORK/form2"
csrf2=$(grep -oE 'name="csrf" value="[0-9a-f]{64}' "$WORK/form2" | grep -oE '[0-9a-f]{64}')
for i in 1 2 3 4 5; do
	signin clinician "wrong password $i"
	check "wrong password $i" "$CODE" 403
done
wrong=$BODY
[ -n "$wrong" ] && ok || bad "the refused sign-in shows its message"
signin clinician 'password of clinician 1234'
check "locked out: the right password is refused" "$CODE" 403
check "locked out: the same message" "$BODY" "$wrong"
signin clinician 'password of clinician 1234'
check "stays locked out" "$CODE" 403
signin nobody-here 'whatever password'
check "an unknown name: same status" "$CODE" 403
check "an unknown name: same message" "$BODY" "$wrong"
signin manager 'password of manager 1234'
check "another user is not locked" "$CODE" 303

# --- Security headers, no internals in answers ---------------------------
headers=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $TOKEN_manager" "${URL}api/v1/families/$F")
contains "CSP" "$headers" "Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'"
contains "frame-ancestors none" "$headers" "frame-ancestors 'none'"
lacks "no inline script or style allowed" "$headers" "unsafe-inline|unsafe-eval"
contains "nosniff" "$headers" 'X-Content-Type-Options: nosniff'
contains "no referrer" "$headers" 'Referrer-Policy: no-referrer'
contains "personal data not cached" "$headers" 'Cache-Control: no-store'
headers=$(curl -s -D - -o /dev/null "${URL}sign-in")
contains "pages have the CSP too" "$headers" "frame-ancestors 'none'"
contains "pages not cached" "$headers" 'Cache-Control: no-store'
api manager POST "/api/v1/referrals/$E/contacts" '{"date":"nonsense"'
api manager GET "/api/v1/families/abc"
all="$BODY"
api manager POST "/api/v1/referrals/99999999/measures" "$measure"
all+="$BODY"
lacks "no SQL, paths or traces in answers" "$all" 'SQLITE|sqlite|SELECT|INSERT|/work/|\.c:[0-9]|Traceback|stack'

# --- The access log: route patterns, user ids, nothing personal ----------
log=$(cat "$WORK/serve.log")
contains "access log line" "$log" 'time=[0-9T:Z-]+ method=GET route=/api/v1/families/\{id\} status=200 ms=[0-9.]+ user=[0-9]+'
lacks "no raw ids in the log" "$log" "route=/api/v1/families/$F "
lacks "no names in the log" "$log" "$name|password|csrf="

# --- Lists: paged by key, and every family shown is audited ------------------
top=$(q "SELECT MAX(id) FROM audit")
api manager GET "/api/v1/families?limit=5"
ids1=$(jq -r '[.items[].id] | join(",")' <<<"$BODY")
next=$(jq -r '.next_after' <<<"$BODY")
check "a page of five families" "$(jq '.items | length' <<<"$BODY")" 5
check "next_after is the page's last id" "$next" "${ids1##*,}"
check "one 'list' entry for each family shown" \
	"$(q "SELECT group_concat(entity_id, ',') FROM (SELECT entity_id FROM audit WHERE id > $top AND action = 'list' AND entity = 'family' AND actor = 'manager' ORDER BY entity_id) t")" "$ids1"
api manager GET "/api/v1/families?limit=5&after=$next"
first2=$(jq -r '.items[0].id' <<<"$BODY")
[ "$first2" -gt "$next" ] && ok || bad "the next page starts after next_after ($first2 <= $next)"
api manager GET "/api/v1/families?limit=3&order=newest"
check "newest first" "$(jq -r '[.items[].id] | . == (sort | reverse)' <<<"$BODY")" true
check "newest first starts at the newest family" "$(jq -r '.items[0].id' <<<"$BODY")" "$(q "SELECT MAX(id) FROM family")"
api manager GET "/api/v1/families?after=0"
check "after must be an id" "$CODE" 400

# --- The waiting page: an analyst's figures are published figures ------------
# (a short period, so that some counts are small: the manager sees them)
figures() { # JAR -> the report's rows as |cell|cell|...
	curl -s -b "$1" "${URL}waiting?from-day=1&from-month=9&from-year=2026&to-day=22&to-month=11&to-year=2026" |
		grep -oE '<th scope="row" class="nhsuk-table__header">[^<]*</th>(<td[^>]*>[^<]*</td>)+' | sed 's/<[^>]*>/|/g; s/||*/|/g'
}
small='\|[1-4]( \([0-9]+%\))?\|'
csrf3=$(curl -s -c "$WORK/jar3" -b "$WORK/jar3" "${URL}sign-in" | grep -oE 'name="csrf" value="[0-9a-f]{64}' | grep -oE '[0-9a-f]{64}')
curl -s -o /dev/null -c "$WORK/jar3" -b "$WORK/jar3" -d "csrf=$csrf3" -d name=analyst \
	--data-urlencode 'password=password of analyst 1234' "${URL}sign-in"
mine=$(figures "$WORK/jar2")
theirs=$(figures "$WORK/jar3")
contains "the manager's waiting figures include counts of 1 to 4" "$mine" "$small"
contains "the analyst gets the figures" "$theirs" 'Referral to assessment\|'
lacks "the analyst's counts of 1 to 4 are hidden" "$theirs" "$small"
contains "a hidden count hides its rate too" "$theirs" '\|\*\|\*\|'
contains "the page says what * means" "$(curl -s -b "$WORK/jar3" "${URL}waiting")" 'small-number suppression'
lacks "the manager's figures hide nothing" "$mine" '\|\*\|'

# --- Audit: the family read is logged; tampering is named ----------------
# The family *page*, opened in a browser session, is a look at the family:
# one entry, the newest `audit show` lists for it.
reads() { q "SELECT COUNT(*) FROM audit WHERE action = 'read' AND entity = 'family' AND entity_id = $F"; }
before=$(reads)
CODE=$(curl -s -o "$WORK/page" -w '%{http_code}' -b "$WORK/jar2" "${URL}families/$F")
check "the manager opens the family page" "$CODE" 200
contains "it is the family page" "$(cat "$WORK/page")" '<h2>People</h2>'
check "the page view added one audit entry" "$(reads)" "$((before + 1))"
newest=$(q "SELECT MAX(id) FROM audit WHERE entity = 'family' AND entity_id = $F")
first=$("$DYAD" --format csv audit show --family "$F" | sed -n 2p)
contains "audit show lists the page view first" "$first" "^$newest,[^,]*,manager,[0-9]+,read,127\.0\.0\.1"
shown=$("$DYAD" audit show --family "$F")
contains "the manager's read of the family is in the audit" "$shown" 'manager +[0-9]+ +read +127\.0\.0\.1'
expect_ok=$("$DYAD" audit verify)
contains "the chain verifies" "$expect_ok" 'whole'
victim=$(q "SELECT id FROM audit WHERE action = 'read' AND entity = 'family' AND entity_id = $F LIMIT 1")
q "UPDATE audit SET actor = 'someone else' WHERE id = $victim" 2>/dev/null && bad "the audit table allowed an UPDATE" || ok
drop_trigger="DROP TRIGGER audit_no_update"
on_pg && drop_trigger="$drop_trigger ON audit"
q "$drop_trigger; UPDATE audit SET actor = 'someone else' WHERE id = $victim"
out=$("$DYAD" audit verify 2>&1)
rc=$?
check "verify fails after tampering" "$rc" 3
contains "verify names the changed entry" "$out" "entry $victim was changed"

# --- A clean stop on SIGTERM ---------------------------------------------
stop_server
check "SIGTERM stops the server cleanly" "$?" 0

finish
