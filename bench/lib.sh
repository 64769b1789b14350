# bench/lib.sh: what the benchmark scripts share (sourced).
# median NAME CMD...: runs CMD $RUNS times under /usr/bin/time, prints each
# wall time and the median wall time and peak memory.
median() {
	local name=$1
	shift
	local times=() mems=()
	for _ in $(seq "$RUNS"); do
		local line
		line=$({ /usr/bin/time -f '%e s %M KB' "$@" >/dev/null; } 2>&1 | tail -1)
		times+=("$(awk '{print $1}' <<<"$line")")
		mems+=("$(awk '{print $3}' <<<"$line")")
	done
	local t m
	t=$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((RUNS + 1) / 2))p")
	m=$(printf '%s\n' "${mems[@]}" | sort -g | sed -n "$(((RUNS + 1) / 2))p")
	printf '%-58s runs: %s s   median: %s s, %s KB\n' "$name" "${times[*]}" "$t" "$m"
}
