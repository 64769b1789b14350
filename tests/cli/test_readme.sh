#!/usr/bin/env bash
# The README's walk-through ("A family from referral to discharge") runs as
# written and prints what its comments say: the shell block is read from
# README.md, each command runs in order, must succeed, and must print every
# "quoted" text of its comment (spaces compared loosely). It runs on today
# and on the same day next year, since its dates are counted from today.
# sqlite only: the README's walk-through makes its own ./dyad.db file.
source "$(dirname "$0")/lib.sh"

block=$(sed -n '/^## A family from referral to discharge/,/^## /p' "$SRC/README.md" |
	sed -n '/^```sh$/,/^```$/p' | sed '1d;$d')
[ -n "$block" ] || { echo "FAIL: no walk-through block in README.md"; echo "0 passed, 1 failed"; exit 1; }

# Logical lines: continuation lines joined.
mapfile -t lines < <(sed -e ':a' -e '/\\$/N; s/\\\n */ /; ta' <<<"$block")

squash() { tr -s ' \t' ' '; }

walk() { # TODAY: runs the walk-through in a fresh folder with dyad's today = TODAY
	local today=$1 dir
	dir=$(mktemp -d "$WORK/walk.XXXX")
	mkdir -p "$dir/build/release"
	ln -s "$DYAD" "$dir/build/release/dyad"
	(
		cd "$dir" || exit 1
		export DYAD_TODAY=$today
		unset DYAD_USER DYAD_DB
		ok=0 bad=0
		for line in "${lines[@]}"; do
			cmd=${line%%  #*}
			comment=""
			[ "$cmd" != "$line" ] && comment=${line#*  #}
			eval "$cmd" >"$dir/out" 2>&1 # in this shell: the block's export and day() stay
			rc=$?
			out=$(cat "$dir/out")
			if [ $rc -ne 0 ]; then
				echo "FAIL ($today): '$cmd' exited $rc:"
				sed 's/^/    /' <<<"$out" | head -10
				bad=$((bad + 1))
				continue
			fi
			ok=$((ok + 1))
			while IFS= read -r want; do
				[ -z "$want" ] && continue
				if grep -qF -- "$(squash <<<"$want")" <<<"$(squash <<<"$out")"; then
					ok=$((ok + 1))
				else
					echo "FAIL ($today): '$cmd' does not print \"$want\":"
					sed 's/^/    /' <<<"$out" | head -20
					bad=$((bad + 1))
				fi
			done < <(grep -oE '"[^"]*"' <<<"$comment" | sed 's/^"//; s/"$//')
		done
		echo "$ok $bad"
	) | tee "$dir/result" | grep -v '^[0-9]* [0-9]*$'
	read -r ok bad < <(tail -1 "$dir/result")
	passed=$((passed + ok))
	failed=$((failed + bad))
}

walk "$(date +%F)"
walk "$(date -d '+1 year' +%F)"
finish
