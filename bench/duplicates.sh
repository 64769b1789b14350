#!/usr/bin/env bash
# bench/duplicates.sh: the likely-duplicates report on a 100,000-family
# demo database (issue 12; docs/merge.md). Builds the database once (dyad
# demo --families 100000 --seed 7), then types COPIES of its caregivers in
# again as new families (the same names in capitals, the same date of
# birth and postcode, no NHS number: what a second referral typed by hand
# gives), and times the whole `dyad duplicates` command (process start,
# opening the database, reading every person with a date of birth,
# comparing each with those born the same day, printing) 5 times, printing
# the median wall time and how many pairs it found (at least COPIES).
# Usage: bash bench/duplicates.sh [BUILD_DIR] [WORK_DIR]
set -euo pipefail

BUILD=${1:-build/release}
DYAD=$BUILD/dyad
export DYAD_USER=bench
WORK=${2:-$(mktemp -d)}
FAMILIES=${FAMILIES:-100000}
COPIES=${COPIES:-100}
DB="$WORK/bench-duplicates.db"
mkdir -p "$WORK"
. "$(dirname "$0")/lib.sh"
if demo_db "$DYAD" "$DB" "$FAMILIES"; then
	# Each copied caregiver (every 997th with a date of birth) in a family of their own.
	sqlite3 "$DB" "
		CREATE TEMP TABLE pick AS SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM person
			WHERE role = 'caregiver' AND date_of_birth IS NOT NULL AND id % 997 = 0 LIMIT $COPIES;
		INSERT INTO family (id, team_id, created_on)
			SELECT (SELECT MAX(id) FROM family) + n, 1, '2026-01-01' FROM pick;
		INSERT INTO person (family_id, role, relationship, given_name, family_name, date_of_birth, postcode)
			SELECT (SELECT MAX(id) FROM family) - $COPIES + pick.n, 'caregiver', p.relationship,
				upper(p.given_name), upper(p.family_name), p.date_of_birth, p.postcode
			FROM pick JOIN person p ON p.id = pick.id;"
fi
echo "$(sqlite3 "$DB" "SELECT COUNT(*) FROM person") people, $(sqlite3 "$DB" \
	"SELECT COUNT(*) FROM person WHERE date_of_birth IS NOT NULL") with a date of birth"

RUNS=${RUNS:-5}
median "dyad duplicates (whole command)" "$DYAD" --db "$DB" --format csv duplicates
"$DYAD" --db "$DB" --format csv duplicates >"$WORK/pairs.csv"
echo "pairs found: $(($(wc -l <"$WORK/pairs.csv") - 1)) (copies typed in: $COPIES); by reason:"
tail -n +2 "$WORK/pairs.csv" | cut -d, -f1 | sort | uniq -c
