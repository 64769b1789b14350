#!/usr/bin/env bash
# test_pg_servers.sh: two `dyad serve` processes over one PostgreSQL
# database, as behind a reverse proxy: a session signed in on one is good
# on the other (sessions are rows of the database), a write through either
# is read through both, a sign-out on one ends the session on both, and
# killing one with SIGKILL leaves the other serving with every
# acknowledged write there.
#   bash test_pg_servers.sh DYAD_BINARY SOURCE_DIR   (make test-pg)
source "$(dirname "$0")/../http/lib.sh"
on_pg || { echo "FAIL: run by make test-pg (DYAD_TEST_PG unset)"; echo "0 passed, 1 failed"; exit 1; }

setup_db 20
start_server
A_PID=$SERVER_PID A=$URL
mv "$WORK/serve.out" "$WORK/serve_a.out"
start_server
B_PID=$SERVER_PID B=$URL
check "two servers on two ports" "$([ "$A" != "$B" ] && echo yes)" yes

jar="$WORK/jar"
form=$(curl -s -c "$jar" -b "$jar" "${A}sign-in")
csrf=$(grep -oE 'name="csrf" value="[0-9a-f]{64}' <<<"$form" | grep -oE '[0-9a-f]{64}')
CODE=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -d "csrf=$csrf" -d name=manager \
	--data-urlencode 'password=password of manager 1234' "${A}sign-in")
check "signed in on server A" "$CODE" 303
me=$(curl -s -b "$jar" "${B}api/v1/me")
contains "the session of A is good on B" "$me" '"name":"manager"'
scsrf=$(grep -oE '"csrf_token":"[0-9a-f]{64}"' <<<"$me" | grep -oE '[0-9a-f]{64}')

# Writes through both, each acknowledged with its new id.
ids=()
for i in $(seq 1 10); do
	for s in "$A" "$B"; do
		body=$(curl -s -b "$jar" -X POST -H "X-CSRF-Token: $scsrf" -w ' %{http_code}' "${s}api/v1/families")
		[ "${body##* }" = 201 ] && ids+=("$(grep -oE '"id":[0-9]+' <<<"$body" | head -1 | cut -d: -f2)")
	done
done
check "20 writes acknowledged through the two servers" "${#ids[@]}" 20
check "no id given twice" "$(printf '%s\n' "${ids[@]}" | sort | uniq -d | wc -l)" 0

# One server killed: the other serves, and every acknowledged family is there.
kill -KILL "$A_PID"
wait "$A_PID" 2>/dev/null
missing=0
for id in "${ids[@]}"; do
	CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "${B}api/v1/families/$id")
	[ "$CODE" = 200 ] || missing=$((missing + 1))
done
check "after A is killed, B finds every acknowledged family" "$missing" 0
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -d "csrf=$scsrf" "${B}sign-out")
check "sign-out on B" "$CODE" 303
start_server
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "${URL}api/v1/me")
check "the session ended on B is ended on a new server too" "$CODE" 401
stop_server
check "the new server stops cleanly" "$?" 0
SERVER_PID=$B_PID
stop_server
check "B stops cleanly" "$?" 0
finish
