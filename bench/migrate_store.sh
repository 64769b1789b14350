#!/usr/bin/env bash
# Times `dyad migrate-store`: a demo team's SQLite database moved into a
# new PostgreSQL database (a throwaway PostgreSQL 15 server from
# scripts/pg-cluster, default settings: fsync on), copied, read back and
# checksummed table by table. Prints the rows copied, the wall and
# processor time and the peak memory (RSS) of the dyad process, as a
# Markdown row for bench/RESULTS.md.
# Usage: bench/migrate_store.sh [FAMILIES]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
DYAD=${DYAD:-$PWD/build/release/dyad}
[ -x "$DYAD" ] || { echo "build dyad first (make build)" >&2; exit 2; }
export DYAD_USER=bench
n=${1:-100000}
out=$PWD/bench/out/migrate-$n
pgdir=$PWD/build/bench-pg-migrate
rm -rf "$out"
mkdir -p "$out"
trap 'scripts/pg-cluster stop "$pgdir" >/dev/null 2>&1 || true' EXIT
scripts/pg-cluster start "$pgdir" >/dev/null
"$DYAD" --db "$out/demo.db" demo --families "$n" --seed 7 >/dev/null
url=$(scripts/pg-cluster url "$pgdir" "mig$n")
/usr/bin/time -f '%e %U %S %M' -o "$out/time" "$DYAD" migrate-store --from "$out/demo.db" --to "$url" >"$out/out.txt"
rows=$(grep -oE '[0-9]+ rows in [0-9]+ tables' "$out/out.txt")
read -r wall user sys rss <"$out/time"
echo "| families | copied | wall s | cpu s (dyad) | peak RSS MB | rows/s | load average |"
echo "|---:|---|---:|---:|---:|---:|---|"
awk -v n="$n" -v r="$rows" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
	'BEGIN { split(r, p, " "); printf "| %d | %s | %.1f | %.1f | %.0f | %.0f | %s |\n", n, r, w, u + s, m / 1024, p[1] / w, l }'
echo "Largest tables:"
sort -k2 -n -r "$out/out.txt" | awk 'NF == 3 && $2 ~ /^[0-9]+$/' | head -5
