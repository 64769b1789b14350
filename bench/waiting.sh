#!/usr/bin/env bash
# bench/waiting.sh: the waiting figures on a 100,000-family demo database.
# Builds the database once (dyad demo --families 100000 --seed 7), then times
# `dyad waiting` and `dyad report waiting` over the last year, 3 runs each,
# with /usr/bin/time, and prints the median wall time and peak memory.
# Target (issue 4): under 1 second each.
# Usage: bash bench/waiting.sh [DYAD_BINARY] [WORK_DIR]   (FAMILIES=N, RUNS=N, DB=PATH to change)
set -euo pipefail

DYAD=${1:-build/release/dyad}
export DYAD_USER=bench   # the operator the audit records
WORK=${2:-$(mktemp -d)}
FAMILIES=${FAMILIES:-100000}
RUNS=${RUNS:-3}
DB=${DB:-$WORK/bench-waiting.db}   # DB=PATH: an existing demo database
mkdir -p "$WORK"

. "$(dirname "$0")/lib.sh"
demo_db "$DYAD" "$DB" "$FAMILIES" || true

today=$(date -u +%F)
from=$(date -u -d "$today - 1 year + 1 day" +%F)


echo "$("$DYAD" version), $FAMILIES families, as of $today"
median "dyad waiting" "$DYAD" --db "$DB" waiting
median "dyad waiting --breach-within 7" "$DYAD" --db "$DB" waiting --breach-within 7
median "dyad report waiting $from..$today" "$DYAD" --db "$DB" --format json report waiting --from "$from" --to "$today"
echo "waiting clocks listed: $("$DYAD" --db "$DB" --format csv waiting | tail -n +2 | wc -l)"
