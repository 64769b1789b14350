# lib.sh: helpers for the CLI tests (sourced). Each test script runs as
#   bash script.sh DYAD_BINARY SOURCE_DIR
# in a fresh temporary folder, and ends by printing "N passed, N failed".
set -uo pipefail
DYAD=$1
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB_DIR=$WORK
source "$(dirname "${BASH_SOURCE[0]}")/db.sh"
cd "$WORK"
export DYAD_DB
DYAD_DB=$(fresh_db test)
# The operator the audit records (commands that change the record need one).
export DYAD_USER=tester
# A fixed "today", so that ages, waits and date checks give the same answers
# whenever the tests run (dyad reads DYAD_TODAY instead of the clock).
export DYAD_TODAY=${DYAD_TODAY:-2026-11-22}
passed=0
failed=0

# expect CODE PATTERN -- command...: runs the command, checks its exit code
# and that stdout+stderr contain PATTERN (a grep -E regex; "" for any).
expect() {
	local code=$1 pattern=$2
	shift 3
	local out rc
	out=$("$@" 2>&1)
	rc=$?
	if [ "$rc" -ne "$code" ]; then
		echo "FAIL: '$*' exited $rc, expected $code"
		echo "$out" | sed 's/^/    /' | head -20
		failed=$((failed + 1))
		return
	fi
	if [ -n "$pattern" ] && ! grep -qE -- "$pattern" <<<"$out"; then
		echo "FAIL: '$*' output lacks /$pattern/"
		echo "$out" | sed 's/^/    /' | head -20
		failed=$((failed + 1))
		return
	fi
	passed=$((passed + 1))
}

# check NAME command...: one pass when the command succeeds, else a
# failure naming NAME.
check() {
	local name=$1
	shift
	if "$@"; then passed=$((passed + 1)); else echo "FAIL: $name"; failed=$((failed + 1)); fi
}

# phq9_answers TOTAL: PHQ-9 item answers (each 0-3, item 9 always 0, so no
# risk flag is raised) summing to TOTAL (at most 24).
phq9_answers() {
	local t=$1 out="" i v
	for ((i = 1; i <= 9; i++)); do
		if [ "$i" -eq 9 ]; then v=0; else v=$((t > 3 ? 3 : t)); fi
		t=$((t - v))
		out+="${out:+;}$v"
	done
	echo "$out"
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
