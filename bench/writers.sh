#!/usr/bin/env bash
# writers.sh: single-write latency with synchronous=FULL against NORMAL
# (bench_commit), and the throughput of 8 `dyad practitioner add` processes
# writing at once for 10 s (every write waits for the lock; none may fail).
# Usage: bench/writers.sh [DYAD] (run from the repository root after `make build`).
set -euo pipefail
DYAD=${1:-build/release/dyad}
DYAD=$(cd "$(dirname "$DYAD")" && pwd)/$(basename "$DYAD")
BENCH=$(dirname "$DYAD")/bench_commit
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "### Single-write latency: synchronous=FULL against NORMAL (WAL)"
echo
"$BENCH" "$WORK" 300
echo
cd "$WORK"
export DYAD_DB="$WORK/w.db" DYAD_USER=bench
"$DYAD" init --team-code B --team-name Bench >/dev/null
writer() {
	local k=$1 i=0 end=$((SECONDS + 10))
	while [ $SECONDS -lt $end ]; do
		i=$((i + 1))
		if "$DYAD" practitioner add --name "w$k n$i" --profession admin >/dev/null 2>&1; then echo ok >>"ack.$k"; else echo x >>fail; fi
	done
}
t0=$(date +%s%N)
for k in 1 2 3 4 5 6 7 8; do writer "$k" & done
wait
t1=$(date +%s%N)
acked=$(cat ack.* | wc -l)
failed=$( (cat fail 2>/dev/null || true) | wc -l)
secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
echo "### 8 concurrent writers (separate dyad processes, synchronous=FULL)"
echo
echo "| writers | seconds | writes acknowledged | writes/s | failed |"
echo "|---|---|---|---|---|"
awk -v a="$acked" -v s="$secs" -v f="$failed" 'BEGIN { printf "| 8 | %s | %d | %.1f | %d |\n", s, a, a / s, f }'
