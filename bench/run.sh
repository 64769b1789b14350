#!/usr/bin/env bash
# Runs every benchmark and prints their figures (copy them into
# bench/RESULTS.md with the machine and date).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "date: $(date -u +%Y-%m-%d)"
for b in bench/*.sh; do
	[ "$(basename "$b")" = run.sh ] && continue
	echo
	echo "## $(basename "$b" .sh)"
	"$b"
done
for b in build/release/bench_*; do
	[ -x "$b" ] || continue
	echo
	echo "## $(basename "$b")"
	"$b"
done
