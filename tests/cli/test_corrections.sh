# test_corrections.sh: `dyad person correct`, `dyad correction revert` and
# `dyad history`: a correction is checked as on entry and refused whole; the
# earlier value, who, when and why are kept and shown; a correction can be
# undone from the history (once, and not after the field has moved on);
# names and NHS numbers corrected are what `dyad find` finds at once; the
# database itself keeps every correction row.
#   bash test_corrections.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"

"$DYAD" init >/dev/null
"$DYAD" family add >/dev/null
"$DYAD" person add --family 1 --role caregiver --relationship mother --given-name Ann --family-name Example \
	--dob 1996-04-01 --nhs-number "943 476 5919" >/dev/null
"$DYAD" person add --family 1 --role infant --given-name Bo --family-name Example --dob 2026-06-01 >/dev/null
"$DYAD" family add >/dev/null
"$DYAD" person add --family 2 --role caregiver --relationship father --given-name Cal --family-name Other \
	--nhs-number "401 023 2137" >/dev/null

expect 0 "No corrections: the record is as entered" -- "$DYAD" history --person 1
expect 0 "Corrected person 1; the earlier values are kept" -- \
	"$DYAD" person correct 1 --family-name Sample --dob 1996-04-02 --reason "typed wrongly at referral"
expect 0 "family_name +Example +Sample +typed wrongly at referral" -- "$DYAD" history --person 1
expect 0 "dob +1996-04-01 +1996-04-02 +typed wrongly at referral" -- "$DYAD" history --person 1
expect 0 '"corrected_by": "cli:tester"' -- "$DYAD" --format json history --person 1
expect 0 "1996-04-02" -- "$DYAD" family show 1
# find: the new name at once, the old name no more (Bo still is an Example).
expect 0 "1 +1 +caregiver +Ann +Sample" -- "$DYAD" find sample
expect 0 "1 +1 +caregiver +Ann +Sample" -- "$DYAD" find SAMPEL
out=$("$DYAD" find example)
check "the old name no longer finds Ann" bash -c '! grep -qE " Ann " <<<"$0"' "$out"
# An NHS number corrected is found by the new number only.
expect 0 "Corrected person 1" -- "$DYAD" person correct 1 --nhs-number "450 557 7104" --reason "wrong number copied"
expect 0 "Ann +Sample" -- "$DYAD" find "4505577104"
expect 0 "Nobody found" -- "$DYAD" find "943 476 5919"

# Refused whole, naming the field: nothing kept.
expect 2 "date_of_birth: is in the future" -- "$DYAD" person correct 2 --dob 2027-01-01 --reason "x"
expect 2 "nhs_number" -- "$DYAD" person correct 1 --nhs-number 123 --reason "x"
expect 3 "nhs_number: another person already has this NHS number" -- \
	"$DYAD" person correct 1 --nhs-number "401 023 2137" --reason "x"
expect 2 "reason: is required" -- "$DYAD" person correct 1 --dob 1996-04-03 --reason " "
expect 2 "nothing would change" -- "$DYAD" person correct 1 --family-name Sample --reason "again"
expect 1 "name a field to correct" -- "$DYAD" person correct 1 --reason "nothing"
expect 0 "1996-04-02" -- "$DYAD" family show 1
check "three corrections kept (two fields, then the number)" test \
	"$("$DYAD" --format csv history --person 1 | tail -n +2 | wc -l)" -eq 3

# Undo from the history: the earlier value is back, itself a correction.
expect 0 "Undid correction 1: the earlier value is back \(correction 4\)" -- \
	"$DYAD" correction revert 1 --reason "the referral letter was right"
expect 0 "family_name +Sample +Example +the referral letter was right +1" -- "$DYAD" history --person 1
expect 0 "Ann +Example" -- "$DYAD" find "ann example"
expect 3 "has been undone already" -- "$DYAD" correction revert 1 --reason "again"
"$DYAD" person correct 1 --dob 1996-05-05 --reason "second letter" >/dev/null
expect 3 "date of birth|dob has been changed since correction 2" -- "$DYAD" correction revert 2 --reason "x"
expect 3 "correction 99 does not exist|does not exist" -- "$DYAD" correction revert 99 --reason "x"
expect 0 "family_name|dob" -- "$DYAD" history --family 1
expect 0 "No corrections" -- "$DYAD" history --family 2
expect 1 "one of them" -- "$DYAD" history --person 1 --family 1

# A name outside Latin corrected in (its words kept as the index's keys, on
# either store): found by the new name and one slip from it; the old name
# of that person no more.
expect 0 "Corrected person 3" -- "$DYAD" person correct 3 --family-name "Παπαδόπουλος" --reason "transliterated"
expect 0 "2 +3 +caregiver +Cal +Παπαδόπουλος" -- "$DYAD" find "Παπαδόπουλος"
expect 0 "Cal +Παπαδόπουλος .*one_slip" -- "$DYAD" find "Παπαδόπουλοσ"
expect 0 "Nobody found" -- "$DYAD" find "other"

# The database keeps every correction row, whatever the path.
rows_before=$(sql "$DYAD_DB" "SELECT COUNT(*) FROM correction")
check "SQL cannot change a correction" eval '! sql "$DYAD_DB" "UPDATE correction SET new_value = '"'x'"'" 2>/dev/null'
check "SQL cannot delete a correction" eval '! sql "$DYAD_DB" "DELETE FROM correction" 2>/dev/null'
check "every correction row is still there, unchanged" test \
	"$(sql "$DYAD_DB" "SELECT COUNT(*) FROM correction WHERE new_value <> 'x'")" = "$rows_before"
check "six corrections in all" test "$rows_before" -eq 6
# Values never reach the audit: only the fields' names.
check "the audit records each correction" eval 'sql "$DYAD_DB" "SELECT action FROM audit" | grep -q "^person.correct$"'
check "the audit names fields, not values" eval \
	'! sql "$DYAD_DB" "SELECT * FROM audit" | grep -qE "Sample|1996-04-02|4505577104"'
finish
