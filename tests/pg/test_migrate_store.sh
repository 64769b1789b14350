#!/usr/bin/env bash
# test_migrate_store.sh: `dyad migrate-store` moves a team's SQLite
# database up into PostgreSQL: a demo team (300 families, with notes,
# appointments and measures) copied whole, every table's row count equal
# (the tables listed from SQLite's own catalogue, so a table the copy left
# out fails here), exports byte-identical, reports identical; refused
# without a trace into a database that holds the team or any record, from a
# source at another schema version, or when a row does not go in; an
# interrupted copy (its commit failing) leaves the target empty. And back
# from PostgreSQL into a new SQLite file.
#   bash test_migrate_store.sh DYAD_BINARY SOURCE_DIR   (make test-pg)
source "$(dirname "$0")/../cli/lib.sh"
on_pg || { echo "FAIL: run by make test-pg (DYAD_TEST_PG unset)"; echo "0 passed, 1 failed"; exit 1; }

lite="$WORK/team.db"
pg=$DYAD_DB
period=(--from 2025-01-01 --to 2026-10-31)
expect 0 "" -- "$DYAD" --db "$lite" demo --families 300 --seed 11
# Notes (signed and drafts, with text that needs care: quotes, commas, a
# line break, non-ASCII) and appointments on open referrals; measures come
# with the demo.
refs=$("$DYAD" --db "$lite" --format json caseload --all 2>/dev/null | grep -oE '"referral_id": ?[0-9]+' | grep -oE '[0-9]+$' | head -20)
n=0
for r in $refs; do
	"$DYAD" --db "$lite" note add "$r" --kind other --text $'Seen at home, "settled";\nnaïve — café' --sign >/dev/null &&
		"$DYAD" --db "$lite" note add "$r" --kind telephone --text "Draft: call back" >/dev/null &&
		"$DYAD" --db "$lite" appointment book "$r" --date 2026-11-30 --time 10:30 --kind review --location home \
			--practitioners 1 >/dev/null && n=$((n + 1))
done
check "notes and appointments added on 20 referrals" [ "$n" -eq 20 ]
for t in note appointment measure; do
	check "the source holds $t rows" [ "$(sql "$lite" "SELECT COUNT(*) FROM $t")" -gt 0 ]
done

# Refused before anything is written.
expect 1 "operator" -- env -u DYAD_USER "$DYAD" migrate-store --from "$lite" --to "$pg"
expect 3 "from: there is no database" -- "$DYAD" migrate-store --from "$WORK/none.db" --to "$pg"
expect 2 "to: the target is the source" -- "$DYAD" migrate-store --from "$lite" --to "$lite"
expect 1 "to" -- "$DYAD" migrate-store --from "$lite"

# every_empty URL: every table of the target but the migrations' record is
# empty.
every_empty() {
	local t rows=0
	for t in $(sql "$1" "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration'"); do
		rows=$((rows + $(sql "$1" "SELECT COUNT(*) FROM $t")))
	done
	[ "$rows" -eq 0 ]
}

# Interrupted: the copy's one commit fails, after the target's migrations
# (one commit each) have made its tables; nothing of the copy is kept.
m=$(sql "$lite" "SELECT COUNT(*) FROM schema_migration")
expect 4 "" -- "$DYAD" migrate-store --from "$lite" --to "trace:log=$WORK/t.log:fail=commit@$((m + 1)):$pg"
check "the copy is one write transaction after the migrations" [ "$(grep -c '^begin write' "$WORK/t.log")" -eq $((m + 1)) ]
check "interrupted: the target holds nothing" every_empty "$pg"

# Corrupted: a date PostgreSQL does not take, in the last person row. The
# refusal names the table, never the value; nothing is kept.
cp "$lite" "$WORK/bad.db"
sqlite3 "$WORK/bad.db" "UPDATE person SET date_of_birth = '2025-02-30' WHERE id = (SELECT MAX(id) FROM person)"
out=$("$DYAD" migrate-store --from "$WORK/bad.db" --to "$pg" 2>&1)
check "corrupted: refused (exit 4)" [ $? -eq 4 ]
check "corrupted: the refusal names the table" grep -q "person: the target refused a row" <<<"$out"
check "corrupted: the refusal does not quote the value" bash -c "! grep -q 2025-02-30 <<<'$out'"
check "corrupted: the target holds nothing" every_empty "$pg"

# A source at another schema version, or lacking a table, is refused.
cp "$lite" "$WORK/old.db"
sqlite3 "$WORK/old.db" "DELETE FROM schema_migration WHERE version = (SELECT MAX(version) FROM schema_migration)"
expect 3 "from: the source is at schema version" -- "$DYAD" migrate-store --from "$WORK/old.db" --to "$pg"
cp "$lite" "$WORK/lacks.db"
sqlite3 "$WORK/lacks.db" "DROP TABLE letter"
expect 3 "letter: this table is in the target only" -- "$DYAD" migrate-store --from "$WORK/lacks.db" --to "$pg"
check "refused: the target still holds nothing" every_empty "$pg"

# The move.
out=$("$DYAD" migrate-store --from "$lite" --to "$pg" 2>&1)
check "migrated (exit 0)" [ $? -eq 0 ]
grep -q "Copied team demo from sqlite into postgresql" <<<"$out" || echo "$out" | head -5
check "it says what it copied" grep -q "Copied team demo from sqlite into postgresql" <<<"$out"
# Into an empty database the copy sets aside the empty tables' foreign keys
# and plain indexes and makes them again after it (store_bulk.h): every
# one is back as a new database has it, and the clock dates came across.
fresh=$(fresh_db fresh)
expect 0 "" -- "$DYAD" --db "$fresh" init
defs="SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'
 UNION ALL SELECT pg_get_indexdef(indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1"
check "every foreign key and index is back after the move" [ "$(sql "$pg" "$defs")" = "$(sql "$fresh" "$defs")" ]
check "the keys and indexes listed" [ "$(sql "$pg" "$defs" | wc -l)" -gt 100 ]
q="SELECT id, clock_assessed, clock_intervention, clock_direct FROM episode ORDER BY id"
check "the clock dates came across" [ "$(sql "$pg" "$q")" = "$(sql "$lite" "$q")" ]

# Every table of SQLite's own catalogue: in PostgreSQL with as many rows,
# and in the copy's list with that count (the tables each database keeps
# for itself are named as not copied).
tables=$(sql "$lite" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
check "the two databases hold the same tables" [ "$tables" = \
	"$(sql "$pg" "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename COLLATE \"C\"")" ]
check "at least 50 tables" [ "$(wc -w <<<"$tables")" -ge 50 ]
for t in $tables; do
	case $t in
	schema_migration | session | signin_throttle)
		check "$t: named as not copied" grep -qE "Not copied.*$t" <<<"$out"
		continue
		;;
	contact_tally | referral_tally | report_measure)
		# made again from the copied records: the same rows on both
		check "$t: named as not copied" grep -qE "Not copied.*$t" <<<"$out"
		q="SELECT * FROM $t"
		# a score as a whole number of thousandths: the stores print reals alike
		[ "$t" = report_measure ] && q="SELECT CAST(discharged_on AS TEXT), episode_id, measure_id, position,
			family_id, person_id, subject_caregiver_id, subject_infant_id, instrument, is_end, paired,
			CAST(date AS TEXT), CAST(round(value * 1000) AS INTEGER), clinical FROM $t"
		check "$t: made again, the same rows as SQLite's" \
			[ "$(sql "$pg" "$q" | LC_ALL=C sort)" = "$(sql "$lite" "$q" | LC_ALL=C sort)" ]
		check "$t: not empty" [ -n "$(sql "$lite" "$q")" ]
		continue
		;;
	esac
	a=$(sql "$lite" "SELECT COUNT(*) FROM $t")
	b=$(sql "$pg" "SELECT COUNT(*) FROM $t")
	[ "$t" = audit ] && b=$((b - 1)) # and the move's own entry
	check "$t: $a rows in SQLite, $b in PostgreSQL" [ "$a" = "$b" ]
	check "$t: in the copy's list with its count" grep -qE "^$t +$a  [0-9a-f]{64}$" <<<"$out"
done

# The audit: the chain goes on whole, with the move as its last entry.
check "the move is audited in the target" [ "$(sql "$pg" "SELECT action FROM audit ORDER BY id DESC LIMIT 1")" = migrate-store ]
expect 0 "is whole" -- "$DYAD" --db "$pg" audit verify

# The same answers from both stores.
a=$("$DYAD" --db "$lite" --format json report waiting "${period[@]}" 2>/dev/null)
b=$("$DYAD" --db "$pg" --format json report waiting "${period[@]}" 2>/dev/null)
check "report waiting: identical JSON" [ "$a" = "$b" ]
check "report waiting: answered" [ -n "$a" ]
expect 0 "" -- "$DYAD" --db "$lite" export "$WORK/ex_lite"
expect 0 "" -- "$DYAD" --db "$pg" export "$WORK/ex_pg"
check "exports hold the same files" [ "$(ls "$WORK/ex_lite")" = "$(ls "$WORK/ex_pg")" ]
for f in "$WORK"/ex_lite/*; do
	check "export $(basename "$f"): byte-identical" cmp -s "$f" "$WORK/ex_pg/$(basename "$f")"
done
# New records go on from the copied ids, on both stores alike.
a=$("$DYAD" --db "$lite" family add)
b=$("$DYAD" --db "$pg" family add)
check "a new family takes the same next id on both" [ "$a" = "$b" ]

# A second move into it is refused: the team is there.
expect 3 "to: the target already holds team demo" -- "$DYAD" migrate-store --from "$lite" --to "$pg"
# Into a database holding another team: refused.
other=$(fresh_db other)
expect 0 "" -- "$DYAD" --db "$other" init --team-code north --team-name "North"
expect 3 "to: the target already holds team north" -- "$DYAD" migrate-store --from "$lite" --to "$other"
# And back: PostgreSQL into a new SQLite file gives the same export.
expect 0 "Copied team demo from postgresql into sqlite" -- "$DYAD" migrate-store --from "$pg" --to "$WORK/back.db"
expect 0 "" -- "$DYAD" --db "$WORK/back.db" export "$WORK/ex_back"
for f in "$WORK"/ex_pg/*; do
	check "back in SQLite, export $(basename "$f"): byte-identical" cmp -s "$f" "$WORK/ex_back/$(basename "$f")"
done
# A refused move into a new SQLite path leaves no file behind.
expect 3 "letter" -- "$DYAD" migrate-store --from "$WORK/lacks.db" --to "$WORK/never.db"
check "no file is left where the refused copy was going" [ ! -e "$WORK/never.db" ]
finish
