# bench/lib.sh: what the benchmark scripts share (sourced).
# median NAME CMD...: runs CMD $RUNS times under /usr/bin/time, prints each
# wall time, and the median wall time, processor time (user + system) and
# peak memory. On a machine shared with other work the processor time is
# the steadier figure; the wall time is what a user waits.
median() {
	local name=$1
	shift
	local times=() cpus=() mems=()
	for _ in $(seq "$RUNS"); do
		local line
		line=$({ /usr/bin/time -f '%e %U %S %M' "$@" >/dev/null; } 2>&1 | tail -1)
		times+=("$(awk '{print $1}' <<<"$line")")
		cpus+=("$(awk '{printf "%.2f", $2 + $3}' <<<"$line")")
		mems+=("$(awk '{print $4}' <<<"$line")")
	done
	local t c m
	t=$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((RUNS + 1) / 2))p")
	c=$(printf '%s\n' "${cpus[@]}" | sort -g | sed -n "$(((RUNS + 1) / 2))p")
	m=$(printf '%s\n' "${mems[@]}" | sort -g | sed -n "$(((RUNS + 1) / 2))p")
	printf '%-58s runs: %s s   median: %s s (cpu %s s), %s KB\n' "$name" "${times[*]}" "$t" "$c" "$m"
}
