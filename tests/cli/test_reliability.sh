# test_reliability.sh: what a team sharing one database relies on: a busy
# database makes a writer wait, then say "busy, try again" (exit 3), never a
# storage error; every file dyad creates is private whatever the umask.
#   bash test_reliability.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"

mode() { stat -c %a "$1"; }
check() { # name condition...
	local name=$1
	shift
	if "$@"; then passed=$((passed + 1)); else echo "FAIL: $name"; failed=$((failed + 1)); fi
}

# --- files are private under umask 022 ------------------------------------
umask 022
expect 0 "" -- "$DYAD" init --team-code T1 --team-name "Test team"
expect 0 "Added practitioner" -- "$DYAD" practitioner add --name "Pat Lee" --profession psychotherapist
check "database is 0600 (is $(mode test.db))" [ "$(mode test.db)" = 600 ]
check "its -wal is 0600" [ ! -e test.db-wal ] || [ "$(mode test.db-wal)" = 600 ]
check "its -shm is 0600" [ ! -e test.db-shm ] || [ "$(mode test.db-shm)" = 600 ]
# -wal and -shm exist while a connection is open: look at them then.
(echo "BEGIN; SELECT count(*) FROM practitioner;"; sleep 1; echo "COMMIT;") | sqlite3 test.db >/dev/null &
sleep 0.3
check "the -wal file exists and is 0600" [ "$(mode test.db-wal 2>/dev/null)" = 600 ]
check "the -shm file exists and is 0600" [ "$(mode test.db-shm 2>/dev/null)" = 600 ]
wait

# --- a busy database: wait, then a clear message and exit 3 ---------------
# Another program holds the write lock for 2 s: a writer waits and succeeds.
(echo "BEGIN IMMEDIATE;"; sleep 2; echo "COMMIT;") | sqlite3 test.db &
sleep 0.3
expect 0 "Added practitioner" -- "$DYAD" practitioner add --name "Sam Roe" --profession clinical_psychologist
wait
# It holds it longer than the writer's bound (here 500 ms): exit 3, "busy".
(echo "BEGIN IMMEDIATE;"; sleep 2; echo "COMMIT;") | sqlite3 test.db &
sleep 0.3
expect 3 "busy.*try again" -- env DYAD_BUSY_MS=500 "$DYAD" practitioner add --name "Kim Poe" --profession clinical_psychologist
out=$(DYAD_BUSY_MS=500 "$DYAD" practitioner add --name "Kim Poe" --profession clinical_psychologist 2>&1)
check "a busy refusal is not a storage error: $out" eval '! grep -qi "database error\|locked" <<<"$out"'
wait
expect 0 "Added practitioner" -- "$DYAD" practitioner add --name "Kim Poe" --profession clinical_psychologist
finish
