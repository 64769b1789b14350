#!/usr/bin/env bash
# The same data gives the same answers on both stores: a demo team and a
# CSV import loaded into SQLite and into PostgreSQL export byte-identical
# CSV files, and every report and listing prints identical JSON.
# PostgreSQL only (a pg/ suite: make test-pg starts the server).
source "$(dirname "$0")/../cli/lib.sh"
on_pg || { echo "FAIL: run by make test-pg (DYAD_TEST_PG unset)"; echo "0 passed, 1 failed"; exit 1; }

lite="$WORK/lite.db"
pg=$DYAD_DB
# seeded demo: synthetic families, contacts, measures, goals, safeguarding
expect 0 "" -- "$DYAD" --db "$lite" demo --families 120 --seed 7
expect 0 "" -- "$DYAD" --db "$pg" demo --families 120 --seed 7

# Every listing and report, as JSON, on both.
for args in "family list" "referral list" "caseload" "waiting" "report waiting --from 2025-01-01 --to 2026-10-31" "risks" \
	"practitioner list" "pregnancies overdue" "family show 3" "referral show 5" "referral history 5" \
	"contact list 5" "measure list 5" "goal list 5" "measures change 5" "safeguarding history 2" \
	"report outcomes --from 2025-01-01 --to 2026-10-31" "report completeness --from 2025-01-01 --to 2026-10-31" \
	"report safeguarding --from 2025-01-01 --to 2026-10-31" "report activity --from 2025-01-01 --to 2026-10-31" \
	"report quarterly --quarter 2026Q3" "report quarterly --quarter 2026Q3 --publish" "find a" "find smith" \
	"group list" "report workforce --from 2025-01-01 --to 2026-10-31" "report workforce --from 2025-01-01 --to 2026-10-31 --publish" \
	"training list" "consultation list --from 2026-01-01" "supervision list --to 2025-06-30"; do
	# shellcheck disable=SC2086
	a=$("$DYAD" --db "$lite" --format json $args 2>&1)
	ra=$?
	# shellcheck disable=SC2086
	b=$("$DYAD" --db "$pg" --format json $args 2>&1)
	check "$args: same JSON on both stores" [ "$a" = "$b" ]
	[ "$a" = "$b" ] || diff <(echo "$a") <(echo "$b") | head -10
	check "$args: answered (exit 0, some JSON)" test "$ra" -eq 0 -a -n "$a"
done

# Export from both: byte-identical files.
expect 0 "" -- "$DYAD" --db "$lite" export "$WORK/ex_lite"
expect 0 "" -- "$DYAD" --db "$pg" export "$WORK/ex_pg"
check "exports hold the same files" [ "$(ls "$WORK/ex_lite")" = "$(ls "$WORK/ex_pg")" ]
for f in "$WORK"/ex_lite/*; do
	n=$(basename "$f")
	check "export $n is byte-identical" cmp -s "$f" "$WORK/ex_pg/$n"
done

# Import the export into a new database on each store: the same again.
lite2="$WORK/lite2.db"
pg2=$(fresh_db again)
expect 0 "" -- "$DYAD" --db "$lite2" import "$WORK/ex_lite"
expect 0 "" -- "$DYAD" --db "$pg2" import "$WORK/ex_lite"
expect 0 "" -- "$DYAD" --db "$lite2" export "$WORK/ex_lite2"
expect 0 "" -- "$DYAD" --db "$pg2" export "$WORK/ex_pg2"
for f in "$WORK"/ex_lite2/*; do
	n=$(basename "$f")
	check "re-export $n is byte-identical" cmp -s "$f" "$WORK/ex_pg2/$n"
done
a=$("$DYAD" --db "$lite2" --format json report waiting --from 2025-01-01 --to 2026-10-31)
b=$("$DYAD" --db "$pg2" --format json report waiting --from 2025-01-01 --to 2026-10-31)
check "report waiting after import: same JSON" [ "$a" = "$b" ]
# The PostgreSQL import sends its rows by COPY with the clock triggers and
# the empty tables' foreign keys and plain indexes set aside (migration
# 27), then sets every clock in one statement and makes the keys and
# indexes again: the kept clock dates are SQLite's (its triggers kept them
# row by row), and every key and index is back.
for args in "waiting" "report activity --from 2025-01-01 --to 2026-10-31" "report quarterly --quarter 2026Q3"; do
	# shellcheck disable=SC2086
	a=$("$DYAD" --db "$lite2" --format json $args 2>&1)
	# shellcheck disable=SC2086
	b=$("$DYAD" --db "$pg2" --format json $args 2>&1)
	check "$args after import: same JSON" [ "$a" = "$b" ]
done
q="SELECT id, clock_assessed, clock_intervention, clock_direct FROM episode ORDER BY id"
a=$(sql "$lite2" "$q")
b=$(sql "$pg2" "$q")
check "clock dates after import: the same on both stores" [ "$a" = "$b" ]
check "clock dates after import: some set" [ "$(echo "$b" | grep -c '|20')" -gt 20 ]
keys="SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f'"
check "every foreign key is back after the import" [ "$(sql "$pg2" "$keys")" = "$(sql "$pg" "$keys")" ]
defs="SELECT pg_get_indexdef(indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) ORDER BY 1"
check "every index is back after the import, as it was" [ "$(sql "$pg2" "$defs")" = "$(sql "$pg" "$defs")" ]
check "the indexes listed" [ "$(sql "$pg2" "$defs" | grep -c contact_clock)" = 1 ]

# A database whose text does not sort byte by byte (an ICU collation) is
# refused at open: the name index and every sorted list would differ.
icu="icu_db_$$_${RANDOM}"
/usr/lib/postgresql/15/bin/createdb -h "$DYAD_TEST_PG" -U dyad --locale-provider=icu --icu-locale=en-GB \
	-T template0 "$icu"
expect 4 "collation is ICU: dyad needs C" -- "$DYAD" --db "postgresql:///$icu?host=$DYAD_TEST_PG&user=dyad" init
finish
