#!/usr/bin/env bash
# Times `dyad import` of a demo team's CSV files into PostgreSQL (a
# throwaway PostgreSQL 15 server from scripts/pg-cluster, default settings:
# fsync on) and into SQLite, for comparison; DYAD_TIMING=1 prints each step.
# Usage: bench/pg_import.sh [FAMILIES]   (default 100000)
# Prints a Markdown row for bench/RESULTS.md, then each import's processor
# time (user and sys of the dyad process, from /usr/bin/time: on a shared
# machine the figure to compare besides wall time) and each PostgreSQL step.
set -euo pipefail
cd "$(dirname "$0")/.."
make -s build >/dev/null
DYAD=$PWD/build/release/dyad
export DYAD_USER=bench
n=${1:-100000}
out=$PWD/bench/out/pg-$n
pgdir=$PWD/build/bench-pg
rm -rf "$out"
mkdir -p "$out"
trap 'scripts/pg-cluster stop "$pgdir"' EXIT
scripts/pg-cluster start "$pgdir" >/dev/null
"$DYAD" --db "$out/demo.db" demo --families "$n" --seed 7 >/dev/null
"$DYAD" --db "$out/demo.db" export "$out/csv" >/dev/null
rows=$(cat "$out"/csv/*.csv | wc -l)
url=$(scripts/pg-cluster url "$pgdir" "imp$n")
"$DYAD" --db "$url" init >/dev/null
# the demo's and the export's writes reach the disk first, so that their
# write-back does not run during the import being timed
sync
t0=$(date +%s.%N)
timed() { /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB" -o "$1" "${@:2}"; }
DYAD_TIMING=1 timed "$out/pg.time" "$DYAD" --db "$url" import "$out/csv" >"$out/pg.log" 2>&1
t1=$(date +%s.%N)
"$DYAD" --db "$out/lite.db" init >/dev/null
DYAD_TIMING=1 timed "$out/lite.time" "$DYAD" --db "$out/lite.db" import "$out/csv" >"$out/lite.log" 2>&1
t2=$(date +%s.%N)
echo "| families | rows in CSV | PostgreSQL import s | SQLite import s | load average |"
echo "|---:|---:|---:|---:|---|"
awk -v n="$n" -v r="$rows" -v a="$t0" -v b="$t1" -v c="$t2" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
	'BEGIN { printf "| %d | %d | %.1f | %.1f | %s |\n", n, r, b - a, c - b, l }'
echo "dyad import into PostgreSQL: $(cat "$out/pg.time")"
echo "dyad import into SQLite: $(cat "$out/lite.time")"
echo "PostgreSQL steps:"; grep '^import:' "$out/pg.log" || true
