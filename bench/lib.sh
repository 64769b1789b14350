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

# demo_db DYAD DB FAMILIES: makes DB with `dyad demo --families FAMILIES
# --seed 7` (its time and peak memory printed) unless DB holds one already;
# returns 0 when it made it and 1 when it was there, so that a script can
# add to a new one (`if demo_db ...; then ...; fi`, or `demo_db ... || true`).
# A database URL (postgresql://...) is taken as holding one already: load
# it with `dyad migrate-store` (bench/migrate_store.sh).
demo_db() {
	[ -s "$2" ] && return 1
	case $2 in *://*) return 1 ;; esac
	rm -f "$2" "$2-wal" "$2-shm"
	echo "building $3 families in $2 ..."
	/usr/bin/time -f 'demo: %e s %M KB' "$1" --db "$2" demo --families "$3" --seed 7 >/dev/null
}

# count_lua FILE: writes a wrk script to FILE that counts the answers that
# were 200 and those that were not (wrk itself counts a 3xx, such as a
# redirect to the sign-in page, as a success), printed at the end as
# "answers200 N other M".
count_lua() {
	cat >"$1" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; other = 0 end
function response(status, headers, body) if status == 200 then ok = ok + 1 else other = other + 1 end end
function done(summary, latency, requests)
	local o, b = 0, 0
	for _, t in ipairs(threads) do o = o + t:get("ok"); b = b + t:get("other") end
	io.write(string.format("answers200 %d other %d\n", o, b))
end
LUA
}
