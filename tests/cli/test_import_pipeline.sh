#!/usr/bin/env bash
# The import's writes go out without waiting for each answer (on
# PostgreSQL up to 512 in flight, DB_BULK_LATE_ANSWERS), and a failed
# import runs again one answer at a time: whatever the store, an export
# imports back byte for byte, and a bad row deep in a large file is
# refused whole with the same file, line, field and reason as on SQLite,
# leaving nothing written. Runs on SQLite and (as pg/cli/...) on PostgreSQL;
# each refusal is compared with the same import into a SQLite file.
source "$(dirname "$0")/lib.sh"

# A demo team of 200 families: about 1,700 contacts, 800 measures and
# 480 people, so a row past the 600th is far beyond the first 512 writes.
expect 0 "" -- "$DYAD" --db "$WORK/src.db" demo --families 200 --seed 7
expect 0 "" -- "$DYAD" --db "$WORK/src.db" export "$WORK/ex"

# --- round trip: export -> import -> export, byte-identical ----------------
expect 0 "Imported 200 families" -- "$DYAD" --db "$DYAD_DB" import "$WORK/ex"
expect 0 "" -- "$DYAD" --db "$DYAD_DB" export "$WORK/back"
check "the round trip gives the same files" [ "$(ls "$WORK/ex")" = "$(ls "$WORK/back")" ]
for f in "$WORK"/ex/*.csv; do
	n=$(basename "$f")
	check "round trip: $n is byte-identical" cmp -s "$f" "$WORK/back/$n"
done

# refused DIR NAME: imports DIR into a new database of the store under test
# and into a new SQLite file; both must fail with exit 2 or 3 and the same
# message, and leave no person or contact behind. Prints the message.
refused() {
	local dir=$1 name=$2 db lite out lout rc lrc
	db=$(fresh_db "$name")
	lite="$WORK/$name-lite.db"
	"$DYAD" --db "$db" init >/dev/null 2>&1
	"$DYAD" --db "$lite" init >/dev/null 2>&1
	out=$("$DYAD" --db "$db" import "$dir" 2>&1)
	rc=$?
	lout=$("$DYAD" --db "$lite" import "$dir" 2>&1)
	lrc=$?
	check "$name: refused (exit $rc)" [ "$rc" -eq 2 -o "$rc" -eq 3 ]
	check "$name: the same exit code as on SQLite ($rc, $lrc)" [ "$rc" -eq "$lrc" ]
	check "$name: the same message as on SQLite" [ "$out" = "$lout" ]
	[ "$out" = "$lout" ] || { echo "    store:  $out"; echo "    sqlite: $lout"; }
	check "$name: no person written" [ "$(sql "$db" "SELECT COUNT(*) FROM person")" = 0 ]
	check "$name: no contact written" [ "$(sql "$db" "SELECT COUNT(*) FROM contact")" = 0 ]
	check "$name: no measure written" [ "$(sql "$db" "SELECT COUNT(*) FROM measure")" = 0 ]
	echo "$out" >"$WORK/$name.msg"
}

# copy_files NAME: a copy of the export without its manifest (the files are
# edited by hand below, so their checksums would no longer match).
copy_files() {
	rm -rf "$WORK/$1"
	cp -r "$WORK/ex" "$WORK/$1"
	rm -f "$WORK/$1/manifest.csv"
}

# --- a repeated measure deep in measures.csv (row 804) ----------------------
copy_files dupm
rows=$(($(wc -l <"$WORK/dupm/measures.csv") - 1))
check "measures.csv has more than 600 rows ($rows)" [ "$rows" -gt 600 ]
sed -n 601p "$WORK/dupm/measures.csv" >>"$WORK/dupm/measures.csv"
line=$((rows + 2))
refused "$WORK/dupm" dupm
check "dup measure: names measures.csv line $line, its date" \
	grep -qE "measures.csv.*line $line.*date.*already recorded" "$WORK/dupm.msg"

# --- a repeated goal (referral and position) at row 561 of a 600-row -------
# goals.csv: only the database's unique key sees it, and on PostgreSQL it is
# heard hundreds of writes later (in goal_ratings.csv, without the rerun).
copy_files dupg
awk -F, -v OFS=, 'FNR == NR { if (FNR > 1) have[$2 "," $3] = 1; next }
	FNR > 1 { for (p = 1; p <= 3; p++) if (!(($1 "," p) in have)) print 100000 + $1 * 3 + p, $1, p, "Feel closer to my baby", $5 }' \
	"$WORK/ex/goals.csv" "$WORK/ex/referrals.csv" >"$WORK/extra_goals.csv"
{
	head -1 "$WORK/ex/goals.csv"
	{ tail -n +2 "$WORK/ex/goals.csv"; cat "$WORK/extra_goals.csv"; } |
		awk -F, '{ print } NR == 560 { print dup } NR == 300 { dup = $0; sub(/^[0-9]+/, "900001", dup) }'
} >"$WORK/dupg/goals.csv"
rows=$(($(wc -l <"$WORK/dupg/goals.csv") - 1))
check "goals.csv has more than 560 rows ($rows)" [ "$rows" -gt 560 ]
refused "$WORK/dupg" dupg
check "dup goal: names goals.csv line 562, its goal_id" \
	grep -qE "goals.csv line 562: goal_id: goal 900001, or goal [1-3] of referral [0-9]+, already exists" "$WORK/dupg.msg"

# --- a bad value deep in contacts.csv (row 700): refused by the checks ------
copy_files badc
awk -F, -v OFS=, 'NR == 701 { $3 = "2026-13-40" } { print }' "$WORK/ex/contacts.csv" >"$WORK/badc/contacts.csv"
refused "$WORK/badc" badc
check "bad contact date: names contacts.csv line 701, its date" grep -qE "contacts.csv.*line 701.*date" "$WORK/badc.msg"

# --- a repeated NHS number (row 450 of people.csv takes row 3's) ------------
copy_files dupn
nhs=$(awk -F, 'NR == 4 { print $5 }' "$WORK/ex/people.csv")
check "row 3 has an NHS number" [ -n "$nhs" ]
awk -F, -v OFS=, -v n="$nhs" 'NR == 451 { $5 = n } { print }' "$WORK/ex/people.csv" >"$WORK/dupn/people.csv"
refused "$WORK/dupn" dupn
check "repeated NHS number: names people.csv line 451 and nhs_number, not person_id" \
	grep -qE "people.csv.*line 451.*nhs_number: another person already has this NHS number" "$WORK/dupn.msg"
check "repeated NHS number: does not blame person_id" bash -c "! grep -q person_id '$WORK/dupn.msg'"

# --- an NHS number the database already holds (from the first import) ------
mkdir -p "$WORK/more"
head -1 "$WORK/ex/people.csv" >"$WORK/more/people.csv"
echo "9001,9001,caregiver,mother,$nhs,Ann,Other,1990-01-01,,female,A,NG6 3AW,5,,," >>"$WORK/more/people.csv"
out=$("$DYAD" --db "$DYAD_DB" import "$WORK/more" 2>&1)
check "an NHS number already in the database is refused on nhs_number" \
	grep -qE "people.csv.*line 2.*nhs_number: another person already has this NHS number" <<<"$out"
[ $? -eq 0 ] || echo "    $out"
# and a person id the database already holds is refused on person_id
sed -i "2s/^9001,9001,/1,9001,/; 2s/,$nhs,/,,/" "$WORK/more/people.csv"
out=$("$DYAD" --db "$DYAD_DB" import "$WORK/more" 2>&1)
check "a person id already in the database is refused on person_id" \
	grep -qE "people.csv.*line 2.*person_id.*1 already exists" <<<"$out"
check "the refused imports left the first import as it was" \
	[ "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM person")" = "$(sql "$WORK/src.db" "SELECT COUNT(*) FROM person")" ]
[ -n "${SHOW_MSGS:-}" ] && cat "$WORK"/*.msg
finish
