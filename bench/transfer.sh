#!/usr/bin/env bash
# Times `dyad demo`, `dyad export` and `dyad import` at 10,000 and 100,000
# families (wall time and peak memory from /usr/bin/time -v), and sqlite3's
# own `.import` of the same CSV rows into plain tables for comparison.
# Import and .import run 3 times each; the median is reported.
# Usage: bench/transfer.sh [SIZES...]   (default: 10000 100000)
# Prints a Markdown table for bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
make -s build >/dev/null
DYAD=$PWD/build/release/dyad
export DYAD_USER=bench   # the operator the audit records
OUT=$PWD/bench/out
mkdir -p "$OUT"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)

# run LABEL cmd...: prints "seconds kilobytes" of one run.
measure() {
	local log
	log=$(mktemp)
	/usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; exit 1; }
	local wall kb
	wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
	kb=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
	rm -f "$log"
	# wall is m:ss.xx or h:mm:ss
	awk -v w="$wall" -v kb="$kb" 'BEGIN { n = split(w, p, ":"); s = 0;
		for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f %d\n", s, int(kb / 1024) }' 
}

median3() { sort -n | sed -n 2p; }

echo "| families | rows in CSV | demo s (MB) | export s (MB) | import s (MB), median of 3 | sqlite3 .import s, median of 3 | import ÷ .import |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
	dir=$OUT/$n
	rm -rf "$dir"
	mkdir -p "$dir"
	demo=$(measure "$DYAD" --db "$dir/demo.db" demo --families "$n" --seed 7)
	exp=$(measure "$DYAD" --db "$dir/demo.db" export "$dir/csv")
	rows=$(cat "$dir"/csv/*.csv | wc -l)
	imps=()
	sqls=()
	for i in 1 2 3; do
		rm -f "$dir"/imp.db*
		"$DYAD" --db "$dir/imp.db" init >/dev/null
		imps+=("$(measure "$DYAD" --db "$dir/imp.db" import "$dir/csv")")
		rm -f "$dir"/plain.db*
		{
			echo ".mode csv"
			for f in practitioners people referrals contacts safeguarding outcomes measures; do
				echo ".import $dir/csv/$f.csv $f"
			done
		} >"$dir/plain.sql"
		sqls+=("$(measure sqlite3 "$dir/plain.db" ".read $dir/plain.sql")")
	done
	imp=$(printf '%s\n' "${imps[@]}" | median3)
	sql=$(printf '%s\n' "${sqls[@]}" | median3)
	ratio=$(awk -v a="${imp%% *}" -v b="${sql%% *}" 'BEGIN { printf "%.2f", a / b }')
	echo "| $n | $rows | ${demo% *} (${demo#* }) | ${exp% *} (${exp#* }) | ${imp% *} (${imp#* }) | ${sql% *} | $ratio |"
done
