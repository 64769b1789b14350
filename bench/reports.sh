#!/usr/bin/env bash
# bench/reports.sh: every report on a 100,000-family demo database.
# Builds the database once (dyad demo --families N --seed 7, DYAD_TODAY
# fixed so the demo's dates and the quarter agree), then times each report
# over the quarter 2026Q3 (and outcomes/safeguarding/completeness/activity
# also over the year to the demo's today), 3 runs each, with /usr/bin/time:
# median wall time and peak memory. Targets (issue 15): each report under
# 1 s, the quarterly HTML under 2 s at 100,000 families.
# Usage: bash bench/reports.sh [DYAD_BINARY] [WORK_DIR]   (FAMILIES=N, RUNS=N, DB=PATH or a
# postgresql:// URL holding a demo to change)
set -euo pipefail

DYAD=${1:-build/release/dyad}
export DYAD_USER=bench
export DYAD_TODAY=${DYAD_TODAY:-2026-11-22}
WORK=${2:-$(mktemp -d)}
FAMILIES=${FAMILIES:-100000}
RUNS=${RUNS:-3}
DB=${DB:-$WORK/bench-reports-$FAMILIES.db}   # DB=PATH: an existing demo database
mkdir -p "$WORK"

. "$(dirname "$0")/lib.sh"
demo_db "$DYAD" "$DB" "$FAMILIES" || true


echo "$("$DYAD" version), $FAMILIES families, DYAD_TODAY $DYAD_TODAY"
Q=(--from 2026-07-01 --to 2026-09-30)
Y=(--from 2025-11-23 --to 2026-11-22)
for r in waiting outcomes completeness safeguarding activity equity; do
	median "report $r 2026Q3 (json)" "$DYAD" --db "$DB" --format json report "$r" "${Q[@]}"
	median "report $r last year (json)" "$DYAD" --db "$DB" --format json report "$r" "${Y[@]}"
done
median "report quarterly --quarter 2026Q3 (json)" "$DYAD" --db "$DB" --format json report quarterly --quarter 2026Q3
median "report quarterly --quarter 2026Q3 (html)" "$DYAD" --db "$DB" --format html report quarterly --quarter 2026Q3
median "report quarterly --quarter 2026Q3 --publish (html)" "$DYAD" --db "$DB" --format html report quarterly --quarter 2026Q3 --publish
median "waiting" "$DYAD" --db "$DB" waiting
