#!/usr/bin/env bash
# scripts/check-layers on a temporary copy of src/: the real tree passes; an
# include planted pointing up a layer (core -> app, store -> report,
# http -> cli) fails, naming the file and line; so does an unknown layer.
# Usage: bash test_check_layers.sh SOURCE_DIR
set -uo pipefail
SRC=$1
CHECK="$SRC/scripts/check-layers"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0

# check NAME CODE PATTERN: runs the script on $WORK/src, expects CODE and PATTERN.
check() {
	local name=$1 code=$2 pattern=$3 out rc
	out=$("$CHECK" "$WORK/src" 2>&1)
	rc=$?
	if [ "$rc" -ne "$code" ] || ! grep -qE -- "$pattern" <<<"$out"; then
		echo "FAIL: $name: exit $rc (expected $code), output:"
		sed 's/^/    /' <<<"$out" | head -10
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
}

fresh() {
	rm -rf "$WORK/src"
	cp -r "$SRC/src" "$WORK/src"
}

fresh
check "the tree as it is" 0 "every include points down"

fresh
f=$(ls "$WORK"/src/core/*.c | head -1)
printf '#include "app/app.h"\n' >>"$f"
n=$(wc -l <"$f")
check "core includes app" 1 "^core/$(basename "$f"):$n: core includes app"

fresh
printf '\n#  include "report/report.h"\n' >>"$WORK/src/store/db.h"
check "store includes report (spaced directive)" 1 "store/db.h:[0-9]+: store includes report"

fresh
mkdir -p "$WORK/src/http"
printf '#include "cli/cli.h"\n' >"$WORK/src/http/planted.c"
check "http includes cli" 1 "http/planted.c:1: http includes cli"

fresh
printf '#include "util/str.h"\n#include "store/db.h"\n' >"$WORK/src/app/planted.c"
check "app includes lower layers" 0 "every include points down"

fresh
mkdir -p "$WORK/src/misc"
printf '#include "util/str.h"\n' >"$WORK/src/misc/x.c"
check "an unknown layer" 1 "src/misc is not a known layer"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
