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
. bench/lib.sh
FAMILIES=${FAMILIES:-100000}
DURATION=${DURATION:-30}
CONNS=${CONNS:-100}
DYAD=${DYAD:-build/release/dyad} # another build (an older commit) to compare
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
family=$(sqlite3 "$DB" "SELECT family_id FROM episode WHERE discharged_on IS NULL ORDER BY id LIMIT 1 OFFSET $((FAMILIES / 200))")

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
# The server's processor time so far (user + system, all its threads), in clock ticks.
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
# The bytes the server has had written to the disk so far (its commits,
# checkpoints and audit entries).
written() { awk '$1 == "write_bytes:" {print $2}' "/proc/$pid/io"; }
reads() { sqlite3 "$DB" "SELECT COUNT(*) FROM audit WHERE action = 'read' AND entity = '$1' AND entity_id = $2"; }

# wrk counts 3xx answers (a redirect to the sign-in page) as successes:
# this script counts the answers that were 200 and those that were not.
lua=build/bench-web.lua
count_lua "$lua"

# check LABEL PATH HEADER MARK: the answer is 200 and holds MARK (the page
# or record itself, not a sign-in form or an error).
check() {
	local body code
	body=$(curl -s -w '\n%{http_code}' -H "$3" "$url$2")
	code=${body##*$'\n'}
	if [ "$code" != 200 ] || ! grep -qF -- "$4" <<<"$body"; then
		echo "web.sh: $1: $2 answered HTTP $code without the expected content" >&2
		exit 1
	fi
}

# run LABEL PATH HEADER [ENTITY ID]: with ENTITY ID, the audit entries
# added for that record are counted against the answers.
run() {
	local label=$1 path=$2 header=$3 entity=${4:-} id=${5:-}
	curl -s -o /dev/null -H "$header" "$url$path" # warm up
	local before out n0=0 n1=0
	[ -n "$entity" ] && n0=$(reads "$entity" "$id")
	before=$(rss)
	local c0 c1 w0 w1
	c0=$(cpu)
	w0=$(written)
	out=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 5s --latency -s "$lua" -H "$header" "$url$path")
	local after rps p50 p99 ok other sockerr audited=""
	after=$(rss)
	c1=$(cpu)
	w1=$(written)
	if [ -n "$entity" ]; then
		sleep 0.5 # the last answers' entries are committed before they are sent; this is only for wrk's stragglers
		n1=$(reads "$entity" "$id")
		audited="$((n1 - n0))"
	fi
	rps=$(awk '/Requests\/sec/ {print int($2)}' <<<"$out")
	p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
	p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
	ok=$(awk '$1 == "answers200" {print $2}' <<<"$out")
	other=$(awk '$1 == "answers200" {print $4}' <<<"$out")
	sockerr=$(awk -F'Socket errors: ' '/Socket errors/ {print $2}' <<<"$out")
	# The server's processor time per answer: the figure that says what a
	# request costs when the machine is shared (wall latency then says
	# more about the other programs than about dyad).
	local per
	per=$(awk -v t=$((c1 - c0)) -v n=$((ok + other)) -v hz="$hz" 'BEGIN {printf "%.2f ms", n ? t * 1000 / hz / n : 0}')
	local wper
	wper=$(awk -v b=$((w1 - w0)) -v n=$((ok + other)) 'BEGIN {printf "%.1f KB", n ? b / 1024 / n : 0}')
	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s MB | %s MB |\n' "$label" "$path" "$rps" "$p50" "$p99" \
		"$per" "$wper" "$ok" "${other:-?} not 200${sockerr:+; socket: $sockerr}" "${audited:-n/a}" "$before" "$after"
}

echo "families: $FAMILIES, $CONNS connections, ${DURATION}s each, wrk -t2 on loopback; server: 4 worker threads"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo
echo "| what | path | req/s | p50 | p99 | server CPU per answer | written per answer | 200 answers | errors | audit entries added | RSS before | RSS after |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
check "family page" "/families/$family" "Cookie: dyad_session=$session" "<h2>People</h2>"
check "family API" "/api/v1/families/$family" "Authorization: Bearer $token" "\"id\":$family,"
check "family list API" "/api/v1/families?limit=50&after=5000" "Authorization: Bearer $token" '"next_after":'
run "family page (audited read)" "/families/$family" "Cookie: dyad_session=$session" family "$family"
run "family, API (audited read)" "/api/v1/families/$family" "Authorization: Bearer $token" family "$family"
run "family list, API (keyset)" "/api/v1/families?limit=50&after=5000" "Authorization: Bearer $token"
run "family page (audited read), again" "/families/$family" "Cookie: dyad_session=$session" family "$family"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
