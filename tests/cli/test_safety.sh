#!/usr/bin/env bash
# Safety of the record from the command line: no database made by a
# mistyped path, a refused import or demo leaves nothing behind, demo data
# only into a new or empty demo database (and every view says so), changes
# only by a named operator who is recorded, the team's name kept through
# export and import, and init --team-name on an existing database renaming
# it out loud.
source "$(dirname "$0")/lib.sh"

# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() {
	local what=$1
	shift
	if "$@"; then passed=$((passed + 1)); else echo "FAIL: $what"; failed=$((failed + 1)); fi
}

# --- no database made by a mistyped path -------------------------------------
for cmd in "family list" "caseload" "waiting" "referral show 1" "family add" "measures change --referral 1" \
	"practitioner list" "export out"; do
	# shellcheck disable=SC2086
	expect 3 "no database at typo.db: create one with .dyad --db typo.db init." -- "$DYAD" --db typo.db $cmd
done
check "no typo.db after the refused commands" test ! -e typo.db
check "no export folder after a refused export" test ! -e out
expect 3 "no database at $WORK/nothere.db" -- env DYAD_DB="$WORK/nothere.db" "$DYAD" family list
check "DYAD_DB naming a missing file makes nothing" test ! -e "$WORK/nothere.db"

# A refused import or demo into a new path leaves no database behind.
mkdir bad
printf 'person_id,family_id,role\n1,1,martian\n' >bad/people.csv
expect 2 "nothing was imported; no database was made at new.db" -- "$DYAD" --db new.db import bad
check "no new.db after a refused import" test ! -e new.db
expect 3 "nothere is not a folder: give the folder that .dyad export DIR. wrote" -- "$DYAD" --db new.db import nothere
expect 3 "is not a folder" -- "$DYAD" --db new.db import bad/people.csv
check "no new.db after importing a missing folder" test ! -e new.db
expect 2 "families: must be a whole number" -- "$DYAD" --db new.db demo --families 0
check "no new.db after a refused demo" test ! -e new.db
ls new.db* >/dev/null 2>&1 && { echo "FAIL: new.db companions left behind"; failed=$((failed + 1)); }

# --- the operator is named and recorded ---------------------------------------
expect 0 "Created"               -- "$DYAD" init --team-name "Riverside Parent-Infant Team"
expect 1 "as: .dyad family add. is recorded in the audit under the operator's name: give --as NAME" -- \
	env -u DYAD_USER "$DYAD" family add
expect 1 "give --as NAME"        -- env DYAD_USER= "$DYAD" person add --family 1 --role infant --given-name A \
	--family-name B --dob 2026-01-01
expect 1 "give --as NAME"        -- env -u DYAD_USER "$DYAD" export out
expect 0 "No families recorded yet" -- env -u DYAD_USER "$DYAD" family list
expect 0 "Added family 1"        -- env -u DYAD_USER "$DYAD" --as "Dr Ada Byron" family add
expect 1 "as: the operator's name must be 1 to 50" -- "$DYAD" --as "$(printf 'a\tb')" family add
expect 0 "Added infant 1" -- "$DYAD" person add --family 1 --role infant --given-name Bo \
	--family-name Example --dob 2026-09-01
expect 0 "Added caregiver"       -- "$DYAD" person add --family 1 --role caregiver --relationship mother \
	--given-name Ann --family-name Example
expect 0 "Logged referral 1"     -- env -u DYAD_USER "$DYAD" --as=pat referral add --family 1 --infant 1 \
	--caregiver 2 --received 2026-11-01 --source gp
expect 0 "Referral 1 accepted"   -- "$DYAD" --as "Sam Patel" referral triage --referral 1 --decision accepted \
	--date 2026-11-02
expect 0 "received +awaiting_assessment +2026-11-02 +cli:Sam Patel" -- "$DYAD" referral history --referral 1
audit=$(sql "$DYAD_DB" "SELECT actor FROM audit ORDER BY id" 2>/dev/null | tr '\n' '|')
check "the audit records each operator (got: $audit)" grep -q "cli:Dr Ada Byron|cli:tester|cli:tester|cli:pat|cli:Sam Patel" <<<"$audit"

# --- demo data only into a new or empty demo database ------------------------
expect 3 "this database already holds families or practitioners: demo data goes only into a new, empty database" -- \
	"$DYAD" demo --families 3
expect 0 "infant +Bo +Example" -- "$DYAD" family show 1
out=$("$DYAD" family list)
check "a refused demo adds no family" test "$(grep -c Example <<<"$out")" -eq 1
expect 0 "Created"                -- "$DYAD" --db empty.db init --team-name "Lakeside"
expect 3 "set up for a real team \(Lakeside\): demo data goes only into a new database .* --into-existing" -- \
	"$DYAD" --db empty.db demo --families 2
expect 0 "Added 2 families"       -- "$DYAD" --db demo.db demo --families 2 --seed 3
expect 3 "already holds families" -- "$DYAD" --db demo.db demo --families 2 --seed 3
out=$("$DYAD" --db demo.db --format csv family list 2>/dev/null)
check "demo twice does not double the families" test "$(tail -n +2 <<<"$out" | wc -l)" -eq 2
for cmd in "family list" "caseload" "waiting" "family show 1" "referral show 1" "referral list" "practitioner list"; do
	# shellcheck disable=SC2086
	expect 0 "^DEMO DATABASE \(Demo parent-infant team\): synthetic families, no real people" -- \
		"$DYAD" --db demo.db $cmd
done
expect 0 "dyad: DEMO DATABASE"     -- "$DYAD" --db demo.db --format json family list
json=$("$DYAD" --db demo.db --format json family list 2>/dev/null)
check "json stays plain json in a demo database" jq -e 'length == 2' <<<"$json" >/dev/null
out=$("$DYAD" family list)
check "a real database shows no demo banner" test "$(grep -c DEMO <<<"$out")" -eq 0
expect 0 "Added 2 families"        -- "$DYAD" --db empty.db demo --families 2 --into-existing
expect 0 "^DEMO DATABASE \(Lakeside\)" -- "$DYAD" --db empty.db family list

# --- the team's name: init renames out loud; export/import keeps it ----------
# (a database with nothing recorded yet takes the files' team; one with
# records keeps its own and says so)
expect 0 "Checked .* for team: Riverside Parent-Infant Team" -- "$DYAD" init
expect 0 "Renamed the team from \"Riverside Parent-Infant Team\" to \"Riverside PIP\"" -- \
	"$DYAD" init --team-name "Riverside PIP"
expect 0 "team code is kept"      -- "$DYAD" init --team-code other
expect 0 "Exported"               -- "$DYAD" export backup
check "team.csv holds the team" grep -q "^team,Riverside PIP,no" backup/team.csv
expect 0 "Team: Riverside PIP \(from the files\)\." -- "$DYAD" --db copy.db import backup
expect 0 "Checked .* for team: Riverside PIP$" -- "$DYAD" --db copy.db init
expect 0 "Exported"               -- "$DYAD" --db copy.db export backup2
check "export, import, export gives the same bytes" diff -r backup backup2
expect 0 "Created"                -- "$DYAD" --db other.db init --team-name "Hillside"
expect 0 "Added practitioner 1"   -- "$DYAD" --db other.db practitioner add --name "Jo Hill" --profession admin
expect 0 "files are from the team \"Riverside PIP\"; this database keeps its team \"Hillside\"" -- \
	"$DYAD" --db other.db import backup
expect 0 "Exported"               -- "$DYAD" --db demo.db export demoout
expect 0 "a demo database"        -- "$DYAD" --db demo2.db import demoout
expect 0 "^DEMO DATABASE"         -- "$DYAD" --db demo2.db family list

finish
