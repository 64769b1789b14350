#!/usr/bin/env bash
# web.sh: the web application under load, on loopback only: wrk with 100
# connections for DURATION seconds (default 30) against a family's record
# (the page when it exists, and the API read, both audited) and an API list,
# on a demo database of FAMILIES families (default 100,000). Prints
# requests per second, p50/p99 latency, errors, and the server's resident
# memory before and after each run (targets: p99 < 10 ms, no errors, RSS
# < 100 MB and not growing). Bounded: every run stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
FAMILIES=${FAMILIES:-100000}
DURATION=${DURATION:-30}
CONNS=${CONNS:-100}
DYAD=build/release/dyad
DB=${DB:-build/bench-web-$FAMILIES.db}
export DYAD_USER=bench
command -v wrk >/dev/null || { echo "web.sh: wrk is not installed (scripts/deps installs it)"; exit 1; }
[ -x "$DYAD" ] || make -s build-dyad >/dev/null

if [ ! -f "$DB" ]; then
	echo "making $DB ($FAMILIES demo families; once)..." >&2
	"$DYAD" --db "$DB" demo --families "$FAMILIES" --seed 1 >"$DB.logins"
fi
# A fresh sign-in for this run (the demo's password was shown once).
pw=bench-password-$RANDOM$RANDOM
echo "$pw" | "$DYAD" --db "$DB" user passwd --name demo-manager >/dev/null
token=$("$DYAD" --db "$DB" token create --user demo-manager --expires 2099-12-31 2>/dev/null | grep -oE '^[0-9a-f]{64}$')
family=$(sqlite3 "$DB" "SELECT family_id FROM episode WHERE discharged_on IS NULL ORDER BY id LIMIT 1 OFFSET 500")

"$DYAD" --db "$DB" serve --listen 127.0.0.1:0 --quiet >build/bench-web.out 2>build/bench-web.err &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
	url=$(grep -o 'http://[^ ]*/' build/bench-web.out 2>/dev/null) && [ -n "$url" ] && break
	sleep 0.1
done
[ -n "${url:-}" ] || { echo "web.sh: the server did not start"; cat build/bench-web.err; exit 1; }
url=${url%/}

# A session cookie for the page (its CSRF token comes with the form).
jar=build/bench-web.jar
rm -f "$jar"
csrf=$(curl -s -c "$jar" -b "$jar" "$url/sign-in" | grep -oE 'name="csrf" value="[0-9a-f]{64}' | grep -oE '[0-9a-f]{64}')
curl -s -o /dev/null -c "$jar" -b "$jar" -d "csrf=$csrf" -d name=demo-manager -d "password=$pw" "$url/sign-in"
session=$(awk '$6 == "dyad_session" {print $7}' "$jar")

rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status"; }

# run LABEL PATH HEADER
run() {
	local label=$1 path=$2 header=$3
	curl -s -o /dev/null -H "$header" "$url$path" # warm up
	local before out
	before=$(rss)
	out=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 5s --latency -H "$header" "$url$path")
	local after rps p50 p99 non2xx sockerr
	after=$(rss)
	rps=$(awk '/Requests\/sec/ {print int($2)}' <<<"$out")
	p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
	p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
	non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
	sockerr=$(awk -F'Socket errors: ' '/Socket errors/ {print $2}' <<<"$out")
	printf '| %s | %s | %s | %s | %s | %s | %s MB | %s MB |\n' "$label" "$path" "$rps" "$p50" "$p99" \
		"${non2xx:-0} non-2xx${sockerr:+, socket: $sockerr}" "$before" "$after"
}

echo "families: $FAMILIES, $CONNS connections, ${DURATION}s each, wrk -t2 on loopback; server: 4 worker threads"
echo
echo "| what | path | req/s | p50 | p99 | errors | RSS before | RSS after |"
echo "|---|---|---|---|---|---|---|---|"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "dyad_session=$session" "$url/families/$family")
if [ "$code" = 200 ]; then
	run "family page (audited read)" "/families/$family" "Cookie: dyad_session=$session"
else
	echo "| family page | /families/ID | (no page yet: HTTP $code) | | | | | |"
fi
run "family, API (audited read)" "/api/v1/families/$family" "Authorization: Bearer $token"
run "family list, API" "/api/v1/families?limit=50&offset=5000" "Authorization: Bearer $token"
run "family, API (audited read), again" "/api/v1/families/$family" "Authorization: Bearer $token"
