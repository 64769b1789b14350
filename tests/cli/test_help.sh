#!/usr/bin/env bash
# Every command's --help tells the truth: walks every command that
# `dyad --help` lists, reads the options its --help lists, and checks that
# each one is accepted by the command, that each option marked "(required"
# is refused when missing (and only those), and that the formats offered
# are the formats given.
source "$(dirname "$0")/lib.sh"

"$DYAD" init >/dev/null

# The commands of the overview: the lower-case words before the first
# upper-case placeholder (ID, DIR, FILE) or the summary.
mapfile -t commands < <("$DYAD" --help | sed -n '/^commands:/,/^$/p' | sed '1d;/^$/d' |
	awk '{ c = $1; if ($2 ~ /^[a-z-]+$/) c = c " " $2; print c }')
[ "${#commands[@]}" -gt 30 ] || { echo "FAIL: only ${#commands[@]} commands in dyad --help"; failed=$((failed + 1)); }

# dummy VALUE-NAME: a value of the right shape for the parser (the command
# may then refuse it, which is not a parse error).
dummy() {
	case $1 in
	FORMAT) echo table ;;
	PATH) echo "$DYAD_DB" ;;
	*) echo 1 ;;
	esac
}

# without NAME: the required options with dummy values, less --NAME (into rest).
without() {
	rest=()
	for ((k = 0; k < ${#required[@]}; k++)); do
		if [ "${required[$k]}" = "--$1" ]; then
			[ $((k + 1)) -lt ${#required[@]} ] && [[ ${required[$((k + 1))]} != --* ]] && k=$((k + 1))
			continue
		fi
		rest+=("${required[$k]}")
	done
}

parse_error='unknown option|needs a value|takes no value|missing required option|unexpected argument|given twice'

for cmd in "${commands[@]}"; do
	# shellcheck disable=SC2086
	help=$("$DYAD" $cmd --help 2>&1)
	rc=$?
	if [ $rc -ne 0 ] || ! grep -q "^usage: dyad $cmd" <<<"$help"; then
		echo "FAIL: '$cmd --help' exited $rc or lacks its usage line"
		failed=$((failed + 1))
		continue
	fi
	passed=$((passed + 1))
	[ "$cmd" = version ] && continue
	# Positional arguments of the usage line (upper-case words before [options]).
	usage=$(head -1 <<<"$help")
	read -r -a pos < <(sed -E 's/^usage: dyad [a-z -]+//; s/\[options\]//; s/\[ID\]//' <<<"$usage")
	pos=("${pos[@]/*/x}")
	extra=()
	[ "$cmd" = serve ] && extra=(--listen 256.1.1.1:1)
	names=() args=() req=()
	while read -r line; do
		name=$(sed -E 's/^ *--([a-z-]+).*/\1/' <<<"$line")
		arg=$(sed -E 's/^ *--[a-z-]+ ([^ ]+)  .*/\1/; t; s/.*//' <<<"$line")
		names+=("$name")
		args+=("$arg")
		grep -q "(required" <<<"$line" && req+=("$name")
	done < <(grep -E '^  --[a-z-]+' <<<"$help")
	# The required options with dummy values.
	required=()
	for r in "${req[@]}"; do
		for i in "${!names[@]}"; do
			[ "${names[$i]}" = "$r" ] || continue
			required+=("--$r")
			[ -n "${args[$i]}" ] && required+=("$(dummy "${args[$i]}")")
		done
	done
	# With only the required options: nothing is missing.
	# shellcheck disable=SC2086
	out=$(timeout 20 "$DYAD" $cmd "${pos[@]}" "${required[@]}" "${extra[@]}" 2>&1)
	if grep -qE "missing required option" <<<"$out"; then
		echo "FAIL: '$cmd' with its required options still says: $out"
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
	# Each listed option is accepted.
	for i in "${!names[@]}"; do
		n=${names[$i]}
		[ "$n" = help ] && continue
		opt=(--"$n")
		[ -n "${args[$i]}" ] && opt+=("$(dummy "${args[$i]}")")
		without "$n"
		ex=("${extra[@]}")
		[ "$n" = listen ] && ex=()
		# shellcheck disable=SC2086
		out=$(timeout 20 "$DYAD" $cmd "${pos[@]}" "${rest[@]}" "${opt[@]}" "${ex[@]}" 2>&1)
		if grep -qE "$parse_error" <<<"$out"; then
			echo "FAIL: '$cmd ${opt[*]}' (listed in its --help) is refused: $out"
			failed=$((failed + 1))
		else
			passed=$((passed + 1))
		fi
	done
	# Each required option is refused when missing.
	for r in "${req[@]}"; do
		without "$r"
		# shellcheck disable=SC2086
		out=$(timeout 20 "$DYAD" $cmd "${pos[@]}" "${rest[@]}" "${extra[@]}" 2>&1)
		rc=$?
		if [ $rc -eq 1 ] && grep -q "missing required option --$r" <<<"$out"; then
			passed=$((passed + 1))
		else
			echo "FAIL: '$cmd' without --$r (marked required) exited $rc: $out"
			failed=$((failed + 1))
		fi
	done
done

# The formats each --help offers are the formats given.
expect 0 "json only"              -- "$DYAD" score --help
expect 0 "^\{"                    -- "$DYAD" score phq9 --responses "0;0;0;0;0;0;0;0;0"
expect 0 "table only"             -- "$DYAD" instruments show --help
expect 1 "table only"             -- "$DYAD" --format json instruments show phq9
expect 0 "table \(default\), json or csv" -- "$DYAD" family list --help
expect 0 "--as NAME .*required"   -- "$DYAD" family add --help
expect 0 "usage: dyad version"    -- "$DYAD" version --help
out=$("$DYAD" family add --help)
if grep -q -- "--format" <<<"$out"; then echo "FAIL: family add offers --format"; failed=$((failed + 1)); else passed=$((passed + 1)); fi

finish
