# test_notes.sh: `dyad note add|edit|sign|addendum|error|list|show`: a
# signed note never changes, an addendum and entered-in-error keep the
# original, drafts are their author's, safeguarding notes are flagged on the
# family, and notes go through CSV export and import unchanged.
#   bash test_notes.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"

"$DYAD" init >/dev/null
"$DYAD" family add >/dev/null
"$DYAD" person add --family 1 --role caregiver --relationship mother --given-name Ann --family-name Example \
	--dob 1996-04-01 >/dev/null
"$DYAD" person add --family 1 --role infant --given-name Bo --family-name Example --dob 2026-06-01 >/dev/null
"$DYAD" referral add --family 1 --infant 2 --caregiver 1 --received 2026-11-01 --source gp >/dev/null
"$DYAD" contact add --referral 1 --date 2026-11-10 --kind assessment --location home --attendance attended >/dev/null

expect 0 "Added note 1 as a draft" -- "$DYAD" note add --referral 1 --kind contact --contact 1 \
	--text "Home visit: Bo settled on Ann's lap."
expect 0 "Changed draft note 1" -- "$DYAD" note edit 1 --text "Home visit: Bo settled quickly."
expect 3 "another author" -- "$DYAD" --as sam note sign 1
expect 0 "No notes" -- "$DYAD" --as sam note list 1
expect 0 "Signed note 1" -- "$DYAD" note sign 1
expect 3 "can no longer be changed" -- "$DYAD" note edit 1 --text "changed"
expect 3 "already signed|can no longer" -- "$DYAD" note sign 1
expect 0 "settled quickly" -- "$DYAD" note show 1
expect 0 "Added note 2, a signed addendum to note 1" -- "$DYAD" --as sam note addendum 1 --text "Also seen by Sam."
printf 'Bruise on left arm seen.\nDiscussed with Ann; she will see the GP.\n' >long.txt
expect 0 "Added note 3, signed" -- "$DYAD" note add --referral 1 --kind safeguarding --file long.txt --sign
expect 0 "SAFEGUARDING NOTES: 1 signed safeguarding note" -- "$DYAD" family show 1
expect 2 "reason: is required" -- "$DYAD" note error 3 --reason " "
expect 0 "Marked note 3 entered in error" -- "$DYAD" note error 3 --reason "written on the wrong family"
expect 3 "already marked" -- "$DYAD" note error 3 --reason "again"
out=$("$DYAD" note list 1)
check "entered in error is hidden by default" bash -c '! grep -q "Bruise" <<<"$0"' "$out"
expect 0 "entered_in_error.*written on the wrong family.*Bruise on left arm" -- "$DYAD" note list 1 --all
expect 0 '"addendum_to": 1' -- "$DYAD" --format json note list 1
check "no flag once the safeguarding note is withdrawn" bash -c '! "$0" family show 1 | grep -q "SAFEGUARDING NOTES"' "$DYAD"
expect 2 "kind: must be" -- "$DYAD" note add --referral 1 --kind gossip --text x
expect 1 "--text TEXT or --file FILE" -- "$DYAD" note add --referral 1 --kind other
expect 2 "contact: contact 9 is not a contact of referral 1" -- "$DYAD" note add --referral 1 --kind other \
	--contact 9 --text x
expect 3 "referral 9 does not exist" -- "$DYAD" note add --referral 9 --kind other --text x
expect 1 "operator" -- env -u DYAD_USER "$DYAD" note add --referral 1 --kind other --text x

# The database itself refuses a change to a signed note, whatever the path.
export -f sql
check "SQL cannot change a signed note" bash -c '! sql "$0" "UPDATE note SET text = '"'x'"' WHERE id = 1" 2>/dev/null' "$DYAD_DB"
check "SQL cannot delete a signed note" bash -c '! sql "$0" "DELETE FROM note WHERE id = 1" 2>/dev/null' "$DYAD_DB"
check "the signed note is there as it was" test "$(sql "$DYAD_DB" "SELECT count(*) FROM note WHERE id = 1 AND text <> 'x'")" = 1

# Export, import, export: byte-identical, notes included.
expect 0 "3 case notes" -- "$DYAD" export x1
expect 0 "3 case notes" -- "$DYAD" --db copy.db import x1
expect 0 "" -- "$DYAD" --db copy.db export x2
check "notes.csv is byte-identical after a round trip" cmp -s x1/notes.csv x2/notes.csv
check "every file is byte-identical after a round trip" diff -r x1 x2
# Importing the notes again is refused whole: a note is never replaced.
expect 3 "" -- "$DYAD" --db copy.db import x1
finish
