#!/usr/bin/env bash
# bench/compare_reports.sh: the reports' output must not change with a
# change made for speed. Builds a demo database (dyad demo --families N
# --seed 7, DYAD_TODAY fixed) with the OLD binary, lets the NEW binary
# migrate a copy of it (its backfill), and builds a second demo with the
# NEW binary (its triggers); then every report (json, over the quarter
# 2026Q3 and the year to the demo's today), the quarterly (json and html,
# with and without --publish), `dyad waiting` and `dyad report waiting`
# (csv) must be byte for byte the same from the three. Prints one line per
# output and exits 1 on the first difference.
# Usage: bash bench/compare_reports.sh OLD_DYAD NEW_DYAD [WORK_DIR]   (FAMILIES=N to change, 20000 by default)
set -euo pipefail

OLD=$1
NEW=$2
WORK=${3:-$(mktemp -d)}
FAMILIES=${FAMILIES:-20000}
export DYAD_USER=bench
export DYAD_TODAY=${DYAD_TODAY:-2026-11-22}
mkdir -p "$WORK"
A=$WORK/old.db B=$WORK/old-migrated.db C=$WORK/new.db
rm -f "$A"* "$B"* "$C"*
"$OLD" --db "$A" demo --families "$FAMILIES" --seed 7 >/dev/null
cp "$A" "$B"
"$NEW" --db "$C" demo --families "$FAMILIES" --seed 7 >/dev/null

Q=(--from 2026-07-01 --to 2026-09-30)
Y=(--from 2025-11-23 --to 2026-11-22)
cases=()
for r in waiting outcomes completeness safeguarding activity; do
	cases+=("--format json report $r ${Q[*]}" "--format json report $r ${Y[*]}")
	cases+=("--format json report $r ${Q[*]} --publish")
done
cases+=("--format csv report waiting ${Y[*]}" "--format csv report activity ${Y[*]}")
cases+=("--format json report quarterly --quarter 2026Q3" "--format html report quarterly --quarter 2026Q3")
cases+=("--format html report quarterly --quarter 2026Q3 --publish" "--format json report quarterly --quarter 2025Q4")
cases+=("--format csv waiting" "--format json waiting --breach-within 7")

fail=0
for c in "${cases[@]}"; do
	# shellcheck disable=SC2086 # each case is a list of words
	"$OLD" --db "$A" $c >"$WORK/out.old" 2>/dev/null
	# shellcheck disable=SC2086
	"$NEW" --db "$B" $c >"$WORK/out.migrated" 2>/dev/null
	# shellcheck disable=SC2086
	"$NEW" --db "$C" $c >"$WORK/out.new" 2>/dev/null
	if cmp -s "$WORK/out.old" "$WORK/out.migrated" && cmp -s "$WORK/out.old" "$WORK/out.new"; then
		printf 'same   %8s bytes  %s\n' "$(wc -c <"$WORK/out.old")" "$c"
	else
		printf 'DIFFER %8s bytes  %s\n' "$(wc -c <"$WORK/out.old")" "$c"
		diff "$WORK/out.old" "$WORK/out.migrated" | head -5 || true
		diff "$WORK/out.old" "$WORK/out.new" | head -5 || true
		fail=1
	fi
done
[ "$fail" = 0 ] && echo "all outputs the same ($FAMILIES families)"
exit "$fail"
