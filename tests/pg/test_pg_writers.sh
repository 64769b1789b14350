#!/usr/bin/env bash
# test_pg_writers.sh: eight processes write contacts, measures, bookings and
# practitioners to one PostgreSQL database for DURATION seconds (30 by
# default) while a reader lists; one writer is killed with SIGKILL midway,
# in the middle of a command. Every acknowledged write must be there exactly
# once, ids must be unique, the only error may be the killed process's, and
# the audit chain must still verify.
#   bash test_pg_writers.sh DYAD_BINARY SOURCE_DIR   (make test-pg)
source "$(dirname "$0")/../cli/lib.sh"
on_pg || { echo "FAIL: run by make test-pg (DYAD_TEST_PG unset)"; echo "0 passed, 1 failed"; exit 1; }
DURATION=${DURATION:-30}
WRITERS=8
VICTIM=8

"$DYAD" init --team-code T1 --team-name "Test team" >/dev/null
names=(x Ash Birch Cedar Dale Elm Fir Gale Hazel)
for k in $(seq 1 $WRITERS); do # one family and one referral per writer: referral k
	"$DYAD" family add >/dev/null
	"$DYAD" person add --family "$k" --role caregiver --relationship mother --given-name Cara \
		--family-name "${names[$k]}" --dob 1990-01-0"$k" >/dev/null
	"$DYAD" person add --family "$k" --role infant --given-name Ivy --family-name "${names[$k]}" \
		--dob 2026-01-0"$k" >/dev/null
	"$DYAD" referral add --family "$k" --infant $((2 * k)) --caregiver $((2 * k - 1)) \
		--received 2026-01-05 --source health_visitor >/dev/null
done
check "the setup made $WRITERS referrals" [ "$("$DYAD" --format csv referral list | tail -n +2 | wc -l)" -eq $WRITERS ]
"$DYAD" practitioner add --name "Diary Keeper" --profession psychotherapist >/dev/null # who the bookings name: 1

writer() { # k: contact (duration i), measure (a date of its own), practitioner, booking, in turn
	local k=$1 i=0 end=$((SECONDS + DURATION)) what
	while [ $SECONDS -lt $end ]; do
		i=$((i + 1))
		case $((i % 4)) in
		0) what="contact $i"
		   cmd=(contact add --referral "$k" --date 2026-02-01 --kind intervention
		        --intervention parent_infant_psychotherapy --location home --attendance attended --duration "$i") ;;
		1) what="measure $(date -d "2026-01-05 + $i days" +%F)"
		   cmd=(measure add --referral "$k" --instrument phq9 --timepoint review
		        --date "${what#measure }" --responses "0;1;0;1;0;1;0;1;0") ;;
		2) what="practitioner w$k n$i"
		   cmd=(practitioner add --name "w$k n$i" --profession psychotherapist) ;;
		3) what="booking $(date -d "2026-11-22 + $i days" +%F) $(printf %02d $((8 + k))):00"
		   cmd=(appointment book --referral "$k" --date "${what:8:10}" --time "${what:19:5}"
		        --kind intervention --intervention parent_infant_psychotherapy --location home --practitioners 1) ;;
		esac
		# measure dates stay on or before today (2026-11-22): i up to 320
		[ "$i" -gt 320 ] && break
		echo "$what" >"inflight.$k"
		if "$DYAD" "${cmd[@]}" >/dev/null 2>"err.$k.$i"; then
			echo "$what" >>"ack.$k"
			rm -f "err.$k.$i"
		else
			echo "$what" >>"fail.$k"
		fi
	done
}
reader() {
	local end=$((SECONDS + DURATION))
	while [ $SECONDS -lt $end ]; do
		"$DYAD" --format csv practitioner list >/dev/null 2>>reader.err || echo x >>reader.fail
		"$DYAD" caseload --limit 5 >/dev/null 2>>reader.err || echo x >>reader.fail
	done
}
pids=()
for k in $(seq 1 $WRITERS); do writer "$k" & pids+=($!); done
reader & rpid=$!
sleep $((DURATION / 2))
# SIGKILL the victim's loop and then the dyad command it is running.
kill -STOP "${pids[$((VICTIM - 1))]}"
victim_cmd=$(pgrep -P "${pids[$((VICTIM - 1))]}" -x dyad | head -1)
[ -n "$victim_cmd" ] && kill -KILL "$victim_cmd"
kill -KILL "${pids[$((VICTIM - 1))]}"
for p in "${pids[@]}" $rpid; do wait "$p" 2>/dev/null; done
rm -f err."$VICTIM".* # the killed process's own error, if it wrote one

acked=$(cat ack.* 2>/dev/null | wc -l)
fails=$(cat fail.* 2>/dev/null | wc -l)
echo "writers: $acked acknowledged, $fails failed in ${DURATION}s; killed: writer $VICTIM (command ${victim_cmd:-between commands})"
check "no write failed: $(cat err.* 2>/dev/null | sort | uniq -c | head -3)" [ "$fails" -eq 0 ]
check "writers made progress ($acked)" [ "$acked" -ge $((WRITERS * 3)) ]
check "the reader never failed: $(sort reader.err 2>/dev/null | uniq -c | head -3)" [ ! -e reader.fail ]

# What the database holds, in the same words as the acknowledgements.
: >stored.txt
for k in $(seq 1 $WRITERS); do
	sql "$DYAD_DB" "SELECT 'contact ' || duration_min FROM contact WHERE episode_id = $k" | sed "s/^/$k /" >>stored.txt
	sql "$DYAD_DB" "SELECT 'measure ' || date FROM measure WHERE episode_id = $k" | sed "s/^/$k /" >>stored.txt
	sql "$DYAD_DB" "SELECT 'booking ' || date || ' ' || lpad((start_min / 60)::text, 2, '0') || ':00' FROM appointment
		WHERE episode_id = $k" | sed "s/^/$k /" >>stored.txt
done
sql "$DYAD_DB" "SELECT 'practitioner ' || name FROM practitioner WHERE name LIKE 'w%'" |
	sed -E 's/^(practitioner w([0-9]+) .*)$/\2 \1/' >>stored.txt
for k in $(seq 1 $WRITERS); do sed "s/^/$k /" "ack.$k" 2>/dev/null; done | sort >acked.txt
sort stored.txt >stored.sorted
lost=$(comm -23 acked.txt stored.sorted | wc -l)
doubled=$(uniq -d stored.sorted | wc -l)
extra=$(comm -13 acked.txt stored.sorted)
echo "stored: $(wc -l <stored.sorted), lost: $lost, doubled: $doubled, not acknowledged: $(echo -n "$extra" | grep -c .)"
check "no acknowledged write is lost" [ "$lost" -eq 0 ]
check "no write is stored twice" [ "$doubled" -eq 0 ]
# Only the killed command's write may be there unacknowledged (it may have
# committed before the kill), and only if it was that writer's last one.
ok_extra=1
while read -r line; do
	[ -z "$line" ] && continue
	[ "$line" = "$VICTIM $(cat "inflight.$VICTIM")" ] || ok_extra=0
done <<<"$extra"
check "nothing stored that was not acknowledged (but the killed command's): $extra" [ "$ok_extra" -eq 1 ]
for t in contact measure appointment practitioner audit; do
	check "$t ids are unique" [ "$(sql "$DYAD_DB" "SELECT count(*) - count(DISTINCT id) FROM $t")" -eq 0 ]
done
expect 0 "whole" -- "$DYAD" audit verify
finish
