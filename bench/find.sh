#!/usr/bin/env bash
# bench/find.sh: finding a family on a 100,000-family demo database (issue 12).
# Builds the database once (dyad demo --families 100000 --seed 7), then runs
# bench_find (200 random people, four searches each: NHS number, exact name,
# a name with one letter wrong, a name in capitals; every one must find its
# person) and times the whole `dyad find` command (process start, opening
# the database, the search, printing) 5 times for an NHS number and a
# misspelt name, printing the median wall time.
# Targets (issue 12): under 20 ms for an NHS number, under 100 ms for a
# misspelt name.
# Usage: bash bench/find.sh [BUILD_DIR] [WORK_DIR]
set -euo pipefail

BUILD=${1:-build/release}
DYAD=$BUILD/dyad
export DYAD_USER=bench
WORK=${2:-$(mktemp -d)}
FAMILIES=${FAMILIES:-100000}
DB="$WORK/bench-find.db"
mkdir -p "$WORK"
if [ ! -s "$DB" ]; then
	rm -f "$DB" "$DB-wal" "$DB-shm"
	echo "building $FAMILIES families in $DB ..."
	/usr/bin/time -f 'demo: %e s %M KB' "$DYAD" --db "$DB" demo --families "$FAMILIES" --seed 7 >/dev/null
fi

"$BUILD/bench_find" "$DB" "${N:-200}"

read -r nhs given family <<<"$(sqlite3 -separator ' ' "$DB" \
	"SELECT nhs_number, given_name, family_name FROM person WHERE id = 123457")"
slip="${given} ${family:0:2}x${family:3}"
for q in "$nhs" "$slip"; do
	times=()
	for i in 1 2 3 4 5; do
		t0=$(date +%s%N)
		"$DYAD" --db "$DB" find "$q" >/dev/null
		t1=$(date +%s%N)
		times+=($(((t1 - t0) / 1000000)))
	done
	med=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
	echo "dyad find (whole command) '$q': ${times[*]} ms; median $med ms"
done
