# test_writers.sh: 8 writer processes for DURATION seconds (10 by default),
# a reader listing all the while, and one import of 300 families landing in
# the middle. Every write must succeed (writers wait for the lock instead of
# failing), every acknowledged write must be in the database exactly once,
# and the import must be there whole.
#   bash test_writers.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/../cli/lib.sh"
DURATION=${DURATION:-10}
WRITERS=${WRITERS:-8}

"$DYAD" init --team-code T1 --team-name "Test team" >/dev/null
# The import: people and referrals of a 300-family demo team.
# (demo makes src.db: demo data goes only into a new database)
"$DYAD" --db src.db demo --families 300 --seed 3 >/dev/null
"$DYAD" --db src.db export full >/dev/null
mkdir imp && cp full/people.csv full/referrals.csv full/episode_events.csv full/eligibility_overrides.csv imp/

writer() { # k: adds practitioners "w<k> n<i>" until the time is up
	local k=$1 i=0 end=$((SECONDS + DURATION))
	while [ $SECONDS -lt $end ]; do
		i=$((i + 1))
		if "$DYAD" practitioner add --name "w$k n$i" --profession psychotherapist >/dev/null 2>"err.$k.$i"; then
			echo "w$k n$i" >>"ack.$k"
			rm -f "err.$k.$i"
		else
			echo "w$k n$i" >>"fail.$k"
		fi
	done
}
reader() {
	local end=$((SECONDS + DURATION)) n=0
	while [ $SECONDS -lt $end ]; do
		"$DYAD" practitioner list --format csv >/dev/null 2>>reader.err || echo x >>reader.fail
		"$DYAD" caseload --limit 5 >/dev/null 2>>reader.err || echo x >>reader.fail
		n=$((n + 1))
	done
}
pids=()
for k in $(seq 1 "$WRITERS"); do writer "$k" & pids+=($!); done
reader & pids+=($!)
sleep $((DURATION / 3))
"$DYAD" import imp >import.out 2>&1
echo $? >import.rc
for p in "${pids[@]}"; do wait "$p"; done

acked=$(cat ack.* 2>/dev/null | wc -l)
fails=$(cat fail.* 2>/dev/null | wc -l)
echo "writers: $acked acknowledged, $fails failed in ${DURATION}s"
check "no write failed ($fails failed: $(cat err.* 2>/dev/null | sort | uniq -c | head -3))" [ "$fails" -eq 0 ]
check "writers made progress" [ "$acked" -ge "$WRITERS" ]
check "the reader never failed: $(sort reader.err 2>/dev/null | uniq -c | head -3)" [ ! -e reader.fail ]
check "the import succeeded: $(cat import.out)" [ "$(cat import.rc)" -eq 0 ]
"$DYAD" practitioner list --format csv >list.csv
stored=$(tail -n +2 list.csv | grep -c ',w[0-9]* n[0-9]*,' )
cat ack.* | sort >acked.txt
tail -n +2 list.csv | grep -o 'w[0-9]* n[0-9]*' | sort >stored.txt
lost=$(comm -23 acked.txt stored.txt | wc -l)
doubled=$(uniq -d stored.txt | wc -l)
echo "stored: $stored, lost: $lost, doubled: $doubled"
check "no acknowledged write is lost" [ "$lost" -eq 0 ]
check "no write is stored twice" [ "$doubled" -eq 0 ]
check "nothing stored that was not acknowledged" [ "$stored" -eq "$acked" ]
people=$("$DYAD" --format csv family list --limit 100000 2>/dev/null | tail -n +2 | wc -l)
check "all 300 imported families are there (found $people)" [ "$people" -eq 300 ]
finish
