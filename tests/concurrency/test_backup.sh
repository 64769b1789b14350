# test_backup.sh: `dyad backup` takes a verified, private copy while writers
# run; `dyad restore` refuses to overwrite records without --force; `dyad
# doctor` warns about a database, export or backup others can read.
#   bash test_backup.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/../cli/lib.sh"
export DYAD_USER=tester
umask 022
"$DYAD" demo --families 30 --seed 6 >/dev/null

# --- backups while 4 writers run ------------------------------------------
writer() {
	local k=$1 i=0 end=$((SECONDS + 6))
	while [ $SECONDS -lt $end ]; do
		i=$((i + 1))
		"$DYAD" practitioner add --name "w$k n$i" --profession admin >/dev/null 2>>"werr.$k" || echo x >>wfail
	done
}
pids=()
for k in 1 2 3 4; do writer "$k" & pids+=($!); done
sleep 1
for b in 1 2 3; do
	expect 0 "Backed up to b$b.db: [0-9]+ rows in [0-9]+ tables; integrity check ok; row counts match" -- \
		"$DYAD" backup "b$b.db"
	sleep 1
done
for p in "${pids[@]}"; do wait "$p"; done
check "no writer failed during the backups" [ ! -e wfail ]
for b in 1 2 3; do
	check "backup $b is 0600 ($(stat -c %a b$b.db))" [ "$(stat -c %a "b$b.db")" = 600 ]
	check "backup $b passes SQLite's integrity check" [ "$(sqlite3 "b$b.db" 'PRAGMA integrity_check')" = ok ]
	check "backup $b is one file (no -wal beside it)" [ ! -e "b$b.db-wal" ]
done
n1=$(sqlite3 b1.db 'SELECT count(*) FROM practitioner')
n3=$(sqlite3 b3.db 'SELECT count(*) FROM practitioner')
check "later backups hold later writes ($n1 then $n3)" [ "$n3" -gt "$n1" ]
expect 3 "already exists" -- "$DYAD" backup b1.db
check "a refused backup leaves the existing file alone" [ "$(sqlite3 b1.db 'SELECT count(*) FROM practitioner')" = "$n1" ]

# --- restore ----------------------------------------------------------------
expect 3 "holds records.*--force" -- "$DYAD" restore b1.db
expect 0 "Restored new.db: [0-9]+ rows" -- "$DYAD" --db new.db restore b3.db
check "the restored database holds the backup's rows" \
	[ "$("$DYAD" --db new.db --format csv practitioner list | tail -n +2 | wc -l)" -eq "$n3" ]
check "the restored database is 0600" [ "$(stat -c %a new.db)" = 600 ]
expect 0 "Restored" -- "$DYAD" --db new.db restore b1.db --force
check "--force replaced the records" \
	[ "$("$DYAD" --db new.db --format csv practitioner list | tail -n +2 | wc -l)" -eq "$n1" ]
check "a new database is made with 16 KiB pages" [ "$(sqlite3 new.db 'PRAGMA page_size')" = 16384 ]
# A backup made by an earlier dyad (4 KiB pages) restores into a new file.
sqlite3 b3.db "PRAGMA page_size=4096; VACUUM INTO 'p4.db'"
check "the old backup has 4 KiB pages" [ "$(sqlite3 p4.db 'PRAGMA page_size')" = 4096 ]
expect 0 "Restored p4new.db: [0-9]+ rows" -- "$DYAD" --db p4new.db restore p4.db
check "the restored database keeps the backup's 4 KiB pages" [ "$(sqlite3 p4new.db 'PRAGMA page_size')" = 4096 ]
check "the restored database is in WAL mode" [ "$(sqlite3 p4new.db 'PRAGMA journal_mode')" = wal ]
check "the restored database holds the old backup's rows" \
	[ "$("$DYAD" --db p4new.db --format csv practitioner list | tail -n +2 | wc -l)" -eq "$n3" ]
# Changing the page size needs the database to itself: with another
# connection reading it, the restore is refused and nothing changes.
(echo "BEGIN; SELECT count(*) FROM practitioner;"; sleep 4) | sqlite3 p4new.db >/dev/null &
reader=$!
sleep 1
DYAD_BUSY_MS=200 expect 3 "page size differs.*stop the server" -- "$DYAD" --db p4new.db restore b1.db --force
wait "$reader"
check "the refused restore left the 4 KiB database as it was" [ "$(sqlite3 p4new.db 'PRAGMA page_size')" = 4096 ]
check "... and its rows" [ "$("$DYAD" --db p4new.db --format csv practitioner list | tail -n +2 | wc -l)" -eq "$n3" ]
expect 0 "Restored" -- "$DYAD" --db p4new.db restore b1.db --force
check "a 16 KiB backup replaces it whole" [ "$(sqlite3 p4new.db 'PRAGMA page_size')" = 16384 ]
check "... in WAL mode" [ "$(sqlite3 p4new.db 'PRAGMA journal_mode')" = wal ]
check "... with its rows" [ "$("$DYAD" --db p4new.db --format csv practitioner list | tail -n +2 | wc -l)" -eq "$n1" ]
echo "not a database" >junk.db
expect 2 "not a dyad database" -- "$DYAD" --db other.db restore junk.db
expect 3 "not a backup file" -- "$DYAD" --db other.db restore nosuch.db

# --- doctor -------------------------------------------------------------------
rm -f b*.db junk.db new.db p4.db p4new.db
expect 0 "ok: " -- "$DYAD" doctor
chmod 644 test.db
expect 3 "warning: the database .*test.db can be read by others \(mode 644\): chmod 600" -- "$DYAD" doctor
chmod 600 test.db
"$DYAD" export ex >/dev/null
chmod 755 ex && chmod 644 ex/people.csv
out=$("$DYAD" doctor)
check "doctor warns about the export folder" grep -q "export folder .*ex can be read by others" <<<"$out"
check "doctor warns about the export file" grep -q "export file .*people.csv can be read by others" <<<"$out"
chmod 700 ex && chmod 600 ex/people.csv
"$DYAD" backup safe.db >/dev/null && chmod 640 safe.db
expect 3 "safe.db can be read by others \(mode 640\)" -- "$DYAD" doctor
chmod 600 safe.db
expect 0 "ok: " -- "$DYAD" doctor
finish
