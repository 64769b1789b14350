#!/usr/bin/env bash
# bench/diary.sh: a practitioner's week in the diary (issue 12; target: a
# week's diary under 50 ms). Builds a demo team of FAMILIES families (default
# 20,000) once, books BOOKINGS_PER_DAY appointments a weekday for each of its
# first PRACTITIONERS practitioners over WEEKS weeks from the Monday after
# DYAD_TODAY, each on an open referral and through `dyad appointment book`
# (so every booking is checked and audited as a user's would be), then times
# the diary: one practitioner's week, the whole team's week, one day, and the
# 8-week .ics feed (median of RUNS).
# Usage: bash bench/diary.sh [DYAD_BINARY] [WORK_DIR]   (FAMILIES=N, DB=PATH, RUNS=N to change)
set -euo pipefail
DYAD=${1:-build/release/dyad}
WORK=${2:-$(mktemp -d)}
FAMILIES=${FAMILIES:-20000}
PRACTITIONERS=${PRACTITIONERS:-12}
WEEKS=${WEEKS:-4}
BOOKINGS_PER_DAY=${BOOKINGS_PER_DAY:-4}
RUNS=${RUNS:-5}
export DYAD_USER=bench
export DYAD_TODAY=${DYAD_TODAY:-2026-11-22}
DB=${DB:-$WORK/bench-diary-$FAMILIES.db}
mkdir -p "$WORK"
. "$(dirname "$0")/lib.sh"

# DB=PATH: an existing demo database (a copy: it is booked into)
demo_db "$DYAD" "$DB" "$FAMILIES" || true
if [ "$(sqlite3 "$DB" "SELECT COUNT(*) FROM appointment")" -eq 0 ]; then
	mapfile -t open < <(sqlite3 "$DB" "SELECT id FROM episode WHERE decision = 'accepted' AND discharged_on IS NULL
		ORDER BY id LIMIT 2000")
	monday=$(date -d "$DYAD_TODAY + $((8 - $(date -d "$DYAD_TODAY" +%u))) days" +%F)
	n=0
	start=$SECONDS
	for w in $(seq 0 $((WEEKS - 1))); do
		for d in 0 1 2 3 4; do
			day=$(date -d "$monday + $((7 * w + d)) days" +%F)
			for p in $(seq 1 "$PRACTITIONERS"); do
				for h in $(seq 1 "$BOOKINGS_PER_DAY"); do
					ref=${open[$((n % ${#open[@]}))]}
					"$DYAD" --db "$DB" appointment book --referral "$ref" --date "$day" \
						--time "$(printf %02d $((8 + 2 * h))):00" --kind intervention \
						--intervention parent_infant_psychotherapy --location home --practitioners "$p" >/dev/null
					n=$((n + 1))
				done
			done
		done
	done
	echo "booked $n appointments in $((SECONDS - start)) s"
fi

echo "$("$DYAD" version), $FAMILIES families, $(sqlite3 "$DB" "SELECT COUNT(*) FROM appointment") appointments, load $(cut -d' ' -f1-3 /proc/loadavg)"
monday=$(date -d "$DYAD_TODAY + $((8 - $(date -d "$DYAD_TODAY" +%u))) days" +%F)
median "diary --practitioner 1 --week (one practitioner's week)" "$DYAD" --db "$DB" diary --practitioner 1 --week "$monday"
median "diary --week (the whole team's week)" "$DYAD" --db "$DB" diary --week "$monday"
median "diary --practitioner 1 --day" "$DYAD" --db "$DB" diary --practitioner 1 --day "$monday"
median "diary ics --practitioner 1 (8 weeks)" "$DYAD" --db "$DB" diary ics --practitioner 1 --from "$monday"
