# lib.sh: helpers for the HTTP tests (sourced). Each test runs as
#   bash test_*.sh DYAD_BINARY SOURCE_DIR
# in a fresh temporary folder: it builds a demo database with one user per
# role (and a manager of another team), starts the real `dyad serve` on a
# free loopback port, drives it with curl over a real socket, and ends by
# printing "N passed, N failed".
set -uo pipefail
DYAD=$1
SRC=$2
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
DB_DIR=$WORK
source "$(dirname "${BASH_SOURCE[0]}")/../cli/db.sh"
cd "$WORK"
export DYAD_DB
DYAD_DB=$(fresh_db web)
export DYAD_TODAY=${DYAD_TODAY:-2026-11-22}
export DYAD_USER=http-test  # the named local operator the CLI acts as
export DYAD_INSTRUMENTS="$SRC/instruments"
passed=0
failed=0
ROLES="admin manager clinician admin_staff analyst other"

ok() { passed=$((passed + 1)); }
bad() {
	echo "FAIL: $*"
	failed=$((failed + 1))
}

# check NAME GOT WANT: one assertion.
check() {
	if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', want '$3'"; fi
}

# contains NAME TEXT PATTERN / lacks NAME TEXT PATTERN (grep -E).
contains() { if grep -qE -- "$3" <<<"$2"; then ok; else bad "$1: lacks /$3/"; fi; }
lacks() { if grep -qE -- "$3" <<<"$2"; then bad "$1: has /$3/: $(grep -oE -- "$3" <<<"$2" | head -3 | tr '\n' ' ')"; else ok; fi; }

# setup_db FAMILIES: a demo team, one user per role, a manager of another
# team, and an API token for each (TOKEN_<role>).
setup_db() {
	"$DYAD" demo --families "$1" --seed 7 >/dev/null || exit 1
	"$DYAD" team add --code other --name "Another team" >/dev/null || exit 1
	local r
	for r in admin manager clinician admin_staff analyst; do
		echo "password of $r 1234" | "$DYAD" user add --name "$r" --display "Test $r" --role "$r" >/dev/null || exit 1
	done
	echo "password of other 1234" | "$DYAD" user add --name other --role manager --team other >/dev/null || exit 1
	for r in $ROLES; do
		local t
		t=$("$DYAD" token create --user "$r" --expires 2099-01-01 2>/dev/null | grep -oE "^[0-9a-f]{64}$") || exit 1
		eval "TOKEN_$r=$t"
	done
}

# start_server [options]: dyad serve on a free port; sets URL.
start_server() {
	"$DYAD" serve --listen 127.0.0.1:0 "$@" >"$WORK/serve.out" 2>"$WORK/serve.log" &
	SERVER_PID=$!
	local i
	for i in $(seq 1 100); do
		URL=$(grep -o 'http://[^ ]*/' "$WORK/serve.out" 2>/dev/null) && [ -n "$URL" ] && return 0
		sleep 0.05
	done
	echo "FAIL: the server did not start"; cat "$WORK/serve.log"; exit 1
}

stop_server() {
	kill -TERM "$SERVER_PID"
	wait "$SERVER_PID"
	local rc=$?
	SERVER_PID=
	return $rc
}

# api ROLE METHOD PATH [JSON]: sets CODE and BODY.
api() {
	local role=$1 method=$2 path=$3 data=${4:-}
	local t="TOKEN_$role"
	local args=(-s -o "$WORK/body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer ${!t}")
	[ -n "$data" ] && args+=(-H 'Content-Type: application/json' --data-binary "$data")
	CODE=$(curl "${args[@]}" "${URL%/}$path")
	BODY=$(cat "$WORK/body")
}

# sign_in ROLE JAR: signs ROLE (a setup_db user) in through the sign-in
# form; the session cookie is kept in the cookie jar JAR.
sign_in() {
	local c
	c=$(curl -s -c "$2" -b "$2" "${URL}sign-in" | grep -oE 'name="csrf" value="[0-9a-f]{64}' | grep -oE '[0-9a-f]{64}')
	curl -s -o /dev/null -c "$2" -b "$2" -d "csrf=$c" -d "name=$1" --data-urlencode "password=password of $1 1234" \
		"${URL}sign-in"
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
