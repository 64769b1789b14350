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
. "$(dirname "$0")/lib.sh"
demo_db "$DYAD" "$DB" "$FAMILIES" || true

"$BUILD/bench_find" "$DB" "${N:-200}"

# A person half way through the demo (any size), by NHS number and misspelt.
read -r nhs given family <<<"$(sqlite3 -separator ' ' "$DB" "SELECT nhs_number, given_name, family_name FROM person
	WHERE nhs_number IS NOT NULL ORDER BY id LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM person)")"
slip="${given} ${family:0:2}x${family:3}"
RUNS=${RUNS:-5}
for q in "$nhs" "$slip"; do
	median "dyad find (whole command) '$q'" "$DYAD" --db "$DB" find "$q"
done
