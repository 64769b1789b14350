# test_reliability.sh: what a team sharing one database relies on: a busy
# database makes a writer wait, then say "busy, try again" (exit 3), never a
# storage error; every file dyad creates is private whatever the umask.
#   bash test_reliability.sh DYAD_BINARY SOURCE_DIR
# sqlite only: file modes, -wal/-shm files and sqlite3's locks are SQLite's;
# PostgreSQL's waits are in tests/pg/test_pg_writers.sh.
source "$(dirname "$0")/lib.sh"

mode() { stat -c %a "$1"; }

# --- files are private under umask 022 ------------------------------------
umask 022
expect 0 "" -- "$DYAD" init --team-code T1 --team-name "Test team"
expect 0 "Added practitioner" -- "$DYAD" practitioner add --name "Pat Lee" --profession psychotherapist
check "database is 0600 (is $(mode test.db))" [ "$(mode test.db)" = 600 ]
check "its -wal is 0600" [ ! -e test.db-wal ] || [ "$(mode test.db-wal)" = 600 ]
check "its -shm is 0600" [ ! -e test.db-shm ] || [ "$(mode test.db-shm)" = 600 ]
# -wal and -shm exist while a connection is open: look at them then.
(echo "BEGIN; SELECT count(*) FROM practitioner;"; sleep 1; echo "COMMIT;") | sqlite3 test.db >/dev/null &
sleep 0.3
check "the -wal file exists and is 0600" [ "$(mode test.db-wal 2>/dev/null)" = 600 ]
check "the -shm file exists and is 0600" [ "$(mode test.db-shm 2>/dev/null)" = 600 ]
wait

# --- a busy database: wait, then a clear message and exit 3 ---------------
# hold_lock SECONDS: another program takes the write lock and holds it; this
# returns once the lock is held (a loaded machine may take its time to start it).
hold_lock() {
	rm -f held
	(echo "BEGIN IMMEDIATE;"; echo ".shell touch held"; sleep "$1"; echo "COMMIT;") | sqlite3 test.db &
	for _ in $(seq 200); do [ -e held ] && return; sleep 0.05; done
}
# Another program holds the write lock for 2 s: a writer waits and succeeds.
hold_lock 2
expect 0 "Added practitioner" -- "$DYAD" practitioner add --name "Sam Roe" --profession clinical_psychologist
wait
# It holds it longer than the writer's bound (here 500 ms): exit 3, "busy".
hold_lock 3
expect 3 "busy.*try again" -- env DYAD_BUSY_MS=500 "$DYAD" practitioner add --name "Kim Poe" --profession clinical_psychologist
out=$(DYAD_BUSY_MS=500 "$DYAD" practitioner add --name "Kim Poe" --profession clinical_psychologist 2>&1)
check "a busy refusal is not a storage error: $out" eval '! grep -qi "database error\|locked" <<<"$out"'
wait
expect 0 "Added practitioner" -- "$DYAD" practitioner add --name "Kim Poe" --profession clinical_psychologist

# --- text: valid UTF-8, trimmed, NFC, lengths in characters ---------------
expect 0 "Added family 1" -- "$DYAD" family add
person() { "$DYAD" person add --family 1 --role caregiver --relationship mother --family-name Test --given-name "$@"; }
expect 0 "Added caregiver" -- person "$(printf 'e\xcc\x81%.0s' {1..51})"
expect 0 "Added caregiver" -- person "$(printf '\xc3\xa9%.0s' {1..100})"
expect 2 "given_name: is longer than 100 characters" -- person "$(printf '\xc3\xa9%.0s' {1..101})"
expect 2 "given_name: is required" -- person "   "
expect 2 "U\+202E at character 3" -- person "$(printf 'Al\xe2\x80\xaeice')"
expect 2 "U\+200B at character 3" -- person "$(printf 'Al\xe2\x80\x8bice')"
expect 2 "not valid UTF-8 text \(at character 3\)" -- person "$(printf 'Al\xffice')"
expect 0 "Added caregiver" -- person "  Zoe$(printf '\xcc\x88')  "
json=$("$DYAD" --format json family show 1)
check "51 e + accent is stored as 51 é (NFC)" grep -q "\"given_name\": \"$(printf '\xc3\xa9%.0s' {1..51})\"" <<<"$json"
check "a name is trimmed and composed" grep -q "\"given_name\": \"Zo$(printf '\xc3\xab')\"" <<<"$json"
# import: invalid UTF-8 in any field is refused with file, line and column
"$DYAD" export x1 >/dev/null
mkdir x2 && cp x1/people.csv x2/ && sed -i "2s/,Test,/,T$(printf '\xff')st,/" x2/people.csv
expect 2 "people.csv line 2: family_name: is not valid UTF-8 text \(at character 2\)" -- "$DYAD" --db t2.db import x2

# --- the rest -----------------------------------------------------------------
expect 2 "nhs.number: is a placeholder" -- "$DYAD" person add --family 1 --role caregiver --relationship father \
	--given-name Al --family-name Test --nhs-number 0000000000
expect 2 "family: is larger than any record number" -- "$DYAD" person add --family 9007199254740993 --role infant \
	--given-name A --family-name B --dob 2026-01-01
expect 1 "--db is given twice" -- "$DYAD" --db a.db --db b.db family list
expect 1 "--format is given twice" -- "$DYAD" --format csv family list --format=json
mkdir bom && printf '\xef\xbb\xbf"person_id",family_id,role,relationship,nhs_number,given_name,family_name,date_of_birth,edd,sex,ethnicity,postcode,imd_decile\r\n1,1,caregiver,mother,,Ann,Test,1990-01-01,,,,,\r\n' >bom/people.csv
expect 0 "Imported 1 family, 1 person" -- "$DYAD" --db bom.db import bom
mkdir big && printf 'person_id,family_id,role,relationship,nhs_number,given_name,family_name,date_of_birth,edd,sex,ethnicity,postcode,imd_decile\n9007199254740993,1,caregiver,mother,,Ann,Test,1990-01-01,,,,,\n' >big/people.csv
expect 2 "person_id: is larger than the largest id" -- "$DYAD" --db big.db import big
finish
