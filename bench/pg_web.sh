#!/usr/bin/env bash
# pg_web.sh: two `dyad serve` processes over one PostgreSQL database (issue
# 14, "several servers"), under load on loopback: a throwaway PostgreSQL 15
# server (scripts/pg-cluster, unix socket only) holding a demo of FAMILIES
# families (default 2,000), two servers on two ports, and one wrk per
# server at the same time (CONNS connections each, default 50, DURATION
# seconds, default 30) against a family's record through the API (an
# audited read: each answer also commits an audit entry, so both servers
# write to the one database all along) and against an API list. Prints,
# per server and per run, requests per second, p50/p99 latency, answers
# other than 200, socket errors, the audit entries added against the
# answers, and each server's resident memory after the runs. Bounded: every
# run stops by itself and the cluster is removed at the end.
#   bash bench/pg_web.sh        (FAMILIES=N DURATION=S CONNS=N to change)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
FAMILIES=${FAMILIES:-2000}
DURATION=${DURATION:-30}
CONNS=${CONNS:-50}
DYAD=${DYAD:-build/release/dyad}
export DYAD_USER=bench
command -v wrk >/dev/null || { echo "pg_web.sh: wrk is not installed (scripts/deps installs it)"; exit 1; }
[ -x "$DYAD" ] || make -s build-dyad >/dev/null
DYAD=$(realpath "$DYAD")

work=$(realpath -m build/bench-pg-web)
rm -rf "$work"
mkdir -p "$work"
pids=()
urls=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	scripts/pg-cluster stop "$work/pg" >/dev/null 2>&1 || true
}
trap cleanup EXIT
scripts/pg-cluster start "$work/pg" >/dev/null
db=$(scripts/pg-cluster url "$work/pg" web)
q() { psql -X -A -t -q -d "$db" -c "$1"; }

t0=$(date +%s)
echo "making $FAMILIES demo families in PostgreSQL..." >&2
"$DYAD" --db "$db" demo --families "$FAMILIES" --seed 1 >/dev/null
echo "demo made in $(($(date +%s) - t0)) s" >&2
token=$("$DYAD" --db "$db" token create --user demo-manager --expires 2099-12-31 2>/dev/null | grep -oE '^[0-9a-f]{64}$')
family=$(q "SELECT family_id FROM episode WHERE discharged_on IS NULL ORDER BY id LIMIT 1 OFFSET $((FAMILIES / 20))")

# serve N: starts server N on a free port; its URL appended to urls.
serve() {
	"$DYAD" --db "$db" serve --listen 127.0.0.1:0 --quiet >"$work/serve$1.out" 2>"$work/serve$1.err" &
	pids+=($!)
	local u=""
	for _ in $(seq 1 100); do
		u=$(grep -o 'http://[^ ]*/' "$work/serve$1.out" 2>/dev/null) && [ -n "$u" ] && break
		sleep 0.1
	done
	[ -n "$u" ] || { echo "pg_web.sh: server $1 did not start"; cat "$work/serve$1.err"; exit 1; }
	urls+=("${u%/}")
}
serve 1
serve 2

lua=$work/count.lua
count_lua "$lua"

rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }
audits() { q "SELECT COUNT(*) FROM audit WHERE action = 'read' AND entity = 'family' AND entity_id = $family"; }

# row LABEL N FILE: one table row from wrk's output for server N.
row() {
	local out=$3 rps p50 p99 ok other sock
	rps=$(awk '/Requests\/sec/ {print int($2)}' "$out")
	p50=$(awk '$1 == "50%" {print $2}' "$out")
	p99=$(awk '$1 == "99%" {print $2}' "$out")
	ok=$(awk '$1 == "answers200" {print $2}' "$out")
	other=$(awk '$1 == "answers200" {print $4}' "$out")
	sock=$(awk -F'Socket errors: ' '/Socket errors/ {print $2}' "$out")
	printf '| %s | server %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$rps" "$p50" "$p99" "$ok" "${other:-?}" \
		"${sock:-none}"
	total_ok=$((total_ok + ok))
}

# run LABEL PATH: both servers at once, one wrk each.
run() {
	local h="Authorization: Bearer $token" n0 n1
	for u in "${urls[0]}" "${urls[1]}"; do
		code=$(curl -s -o /dev/null -w '%{http_code}' -H "$h" "$u$2")
		[ "$code" = 200 ] || { echo "pg_web.sh: $u$2 answered $code"; exit 1; }
	done
	n0=$(audits)
	wrk -t1 -c"$CONNS" -d"${DURATION}s" --timeout 5s --latency -s "$lua" -H "$h" "${urls[0]}$2" >"$work/wrk1.out" &
	local w1=$!
	wrk -t1 -c"$CONNS" -d"${DURATION}s" --timeout 5s --latency -s "$lua" -H "$h" "${urls[1]}$2" >"$work/wrk2.out"
	wait "$w1"
	sleep 1 # answers still in flight when wrk stopped counting
	n1=$(audits)
	total_ok=0
	row "$1" 1 "$work/wrk1.out"
	row "$1" 2 "$work/wrk2.out"
	[ "$3" = audited ] && echo "|   audit entries added for the family: $((n1 - n0)) against $total_ok answers of 200 | | | | | | | |"
	return 0
}

echo "families: $FAMILIES in PostgreSQL $(q 'SHOW server_version'), 2 servers x $CONNS connections, ${DURATION}s each"
echo "$(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| what | server | req/s | p50 | p99 | 200 answers | other answers | socket errors |"
echo "|---|---|---|---|---|---|---|---|"
run "family, API (audited read)" "/api/v1/families/$family" audited
run "family list, API (keyset)" "/api/v1/families?limit=50&after=100" plain
echo
echo "RSS after: server 1 $(rss "${pids[0]}") MB, server 2 $(rss "${pids[1]}") MB"
echo "server logs: $(cat "$work"/serve*.err | grep -c . || true) lines on standard error"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
