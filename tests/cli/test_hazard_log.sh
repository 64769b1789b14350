#!/usr/bin/env bash
# The hazard log (docs/safety/hazard-log.md) names, for each hazard, the
# tests that prove its mitigation. This checks that every hazard of the
# mitigation table names at least one test, and that every test named
# exists where it says: a cmocka test function registered in its program,
# or a "## NAME" section of a CLI script. Every such program and script is
# a CTest test, so `make test` runs them all.
source "$(dirname "$0")/lib.sh"
LOG="$SRC/docs/safety/hazard-log.md"

if [ -f "$LOG" ]; then passed=$((passed + 1)); else echo "FAIL: no $LOG"; failed=$((failed + 1)); fi

# Hazards listed in the first table must each have a row in the second
# naming at least one test.
hazards=$(grep -oE '^\| H[0-9]+ \| \*\*' "$LOG" | grep -oE 'H[0-9]+' | sort -u)
[ -n "$hazards" ] || { echo "FAIL: no hazards found"; failed=$((failed + 1)); }
for h in $hazards; do
	row=$(grep -E "^\| $h \| [^*]" "$LOG" | head -1)
	if grep -qE '`tests/[^`#]+#[^`]+`' <<<"$row"; then passed=$((passed + 1)); else
		echo "FAIL: hazard $h names no test"; failed=$((failed + 1)); fi
done

# Every named test exists.
while IFS= read -r ref; do
	file=${ref%%#*}
	name=${ref#*#}
	path="$SRC/$file"
	if [ ! -f "$path" ]; then
		echo "FAIL: $ref: no file $file"; failed=$((failed + 1)); continue
	fi
	case "$file" in
	*.c) grep -qE "cmocka_unit_test[a-z_]*\(${name}[,)]" "$path" ;;
	*.sh) grep -qxF "## $name" <(sed -E 's/^(## [^:]*):.*/\1/' "$path") ;;
	*) false ;;
	esac
	if [ $? -eq 0 ]; then passed=$((passed + 1)); else echo "FAIL: $ref is not a test in $file"; failed=$((failed + 1)); fi
done < <(grep -oE '`tests/[^`#]+#[^`]+`' "$LOG" | tr -d '`' | sort -u)

finish
