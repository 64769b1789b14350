# test_kill.sh: kills dyad with SIGKILL at random moments during imports,
# single writes and exports, and checks after every kill what a team relies
# on: the database passes SQLite's integrity check; an import is there whole
# or not at all; every write dyad acknowledged (exit 0) is present, once;
# an export folder is either absent or complete (every file matches its
# manifest checksum), and nothing else is left beside it.
#   bash test_kill.sh DYAD_BINARY SOURCE_DIR
# TRIALS (default 70) is the number of kills of each kind; `make soak` runs
# more. SEED makes the random moments repeatable.
source "$(dirname "$0")/../cli/lib.sh"
TRIALS=${TRIALS:-70}
RANDOM=${SEED:-$$}
export DYAD_USER=crash
# The three kinds run side by side (each waits mostly on the disk); each
# writes its verdicts to its own file, counted at the end.
check() { # name condition...
	local name=$1
	shift
	if "$@"; then echo "PASS: $name"; else echo "FAIL: $name"; fi
}
integrity() { [ "$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)" = ok ]; }
# A random pause of 0 to $1 milliseconds.
pause() { local ms=$((RANDOM * 32768 + RANDOM)); ms=$((ms % ($1 + 1))); sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"; }
# Milliseconds a command takes (to spread the kills over its whole run).
timed() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)); }

"$DYAD" --db src.db demo --families 40 --seed 5 >/dev/null
export_ms=$(timed "$DYAD" --db src.db export src)
import_ms=$(timed "$DYAD" --db probe.db import src)
echo "setup: ${SECONDS}s; one export takes ${export_ms} ms, one import ${import_ms} ms"
families=$(grep -c . <(cut -d, -f2 src/people.csv | tail -n +2 | sort -u))

# --- imports -----------------------------------------------------------------
imports() {
mkdir imp && cd imp
bad_integrity=0 partial=0 whole=0 none=0
for ((t = 1; t <= TRIALS; t++)); do
	rm -f imp.db imp.db-wal imp.db-shm
	"$DYAD" --db imp.db import ../src >/dev/null 2>&1 &
	pid=$!
	pause $((import_ms * 3 / 2))
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ -e imp.db ] || { none=$((none + 1)); continue; }
	integrity imp.db || bad_integrity=$((bad_integrity + 1))
	n=$(sqlite3 imp.db 'SELECT count(*) FROM family' 2>/dev/null || echo 0)
	if [ "$n" -eq 0 ]; then none=$((none + 1)); elif [ "$n" -eq "$families" ]; then whole=$((whole + 1)); else partial=$((partial + 1)); fi
done
echo "imports (${SECONDS}s): $TRIALS kills: $whole whole, $none nothing, $partial partial"
check "every import database passes the integrity check" [ "$bad_integrity" -eq 0 ]
check "no import is partial" [ "$partial" -eq 0 ]
}

# --- single writes ---------------------------------------------------------------
writes() {
mkdir wr && cd wr
"$DYAD" --db w.db init --team-code W --team-name "Writes" >/dev/null
: >ack
(
	i=0
	while [ ! -e stop ]; do
		i=$((i + 1))
		"$DYAD" --db w.db practitioner add --name "p$i" --profession admin >/dev/null 2>&1 && echo "p$i" >>ack
	done
) 2>/dev/null &
loop=$!
kills=0
while [ "$kills" -lt "$TRIALS" ]; do
	pause 60
	pid=$(pgrep -P "$loop" | head -1)
	[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
done
touch stop
wait "$loop"
integrity w.db
check "the written database passes the integrity check" [ $? -eq 0 ]
sqlite3 w.db 'SELECT name FROM practitioner' | sort >stored
sort ack >acked
lost=$(comm -23 acked stored | wc -l)
doubled=$(uniq -d stored | wc -l)
echo "writes (${SECONDS}s): $kills kills, $(wc -l <acked) acknowledged, $(wc -l <stored) stored, $lost lost, $doubled doubled"
check "every acknowledged write is present" [ "$lost" -eq 0 ]
check "no write is stored twice" [ "$doubled" -eq 0 ]
check "at most one unacknowledged write per kill" [ "$(comm -13 acked stored | wc -l)" -le "$kills" ]
}

# --- exports -------------------------------------------------------------------
# One export killed after a random pause of 0 to $2 ms, into ex/out$1;
# counted as complete, absent or incomplete.
kill_export() {
	"$DYAD" --db src.db export "ex/out$1" >/dev/null 2>&1 &
	local pid=$! ok=1
	pause "$2"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ ! -e "ex/out$1" ]; then absent=$((absent + 1)); return; fi
	while IFS=, read -r f rows sum; do
		[ "$f" = file ] && continue
		[ "$(b2sum -l 256 "ex/out$1/$f" 2>/dev/null | cut -d' ' -f1)" = "${sum%$'\r'}" ] || ok=0
	done <"ex/out$1/manifest.csv"
	[ "$(ls "ex/out$1" | wc -l)" -eq "$(($(wc -l <"ex/out$1/manifest.csv")))" ] || ok=0
	if [ "$ok" -eq 1 ]; then complete=$((complete + 1)); else incomplete=$((incomplete + 1)); fi
}

exports() {
mkdir ex
incomplete=0 complete=0 absent=0
for ((t = 1; t <= TRIALS; t++)); do
	kill_export "$t" $((export_ms * 3 / 2))
done
# The machine's load moves an export's length away from the one measured at
# the start; when every kill fell on one side of the end, add kills that
# fall on the other (early ones, or ones after a long wait), so that both
# a killed export and a finished one are checked.
for ((x = 1; x <= 20 && absent == 0; x++)); do
	kill_export "$((TRIALS + x))" $((export_ms / 10))
done
for ((x = 1; x <= 20 && complete == 0; x++)); do
	kill_export "$((TRIALS + 20 + x))" $((export_ms * 4 * x))
done
left=$(ls -A ex | grep -vc '^out[0-9]*$')
echo "exports (${SECONDS}s): $TRIALS kills: $complete complete, $absent absent, $incomplete incomplete, $left left over"
check "no export folder is incomplete" [ "$incomplete" -eq 0 ]
check "a killed export leaves nothing behind" [ "$left" -eq 0 ]
check "the export kills landed both before and after the end ($complete complete, $absent absent)" \
	[ "$complete" -gt 0 ] && [ "$absent" -gt 0 ]
}

imports >imports.out 2>&1 &
p1=$!
writes >writes.out 2>&1 &
p2=$!
exports >exports.out 2>&1 &
p3=$!
wait $p1 $p2 $p3
cat imports.out writes.out exports.out | grep -v '^PASS'
passed=$(cat imports.out writes.out exports.out | grep -c '^PASS')
failed=$(cat imports.out writes.out exports.out | grep -c '^FAIL')
finish
