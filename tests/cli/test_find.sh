# test_find.sh: `dyad find TEXT`: by NHS number (with or without spaces),
# name (any case, accents, part of it, one letter wrong), date of birth and
# postcode; best matches first; a blank search refused; paging.
#   bash test_find.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"

"$DYAD" init >/dev/null
"$DYAD" family add >/dev/null
"$DYAD" person add --family 1 --role caregiver --relationship mother --given-name "Zoë" --family-name "Núñez" \
	--dob 1996-04-01 --nhs-number "943 476 5919" --postcode "ng7 2uh" >/dev/null
"$DYAD" person add --family 1 --role infant --given-name Bo --family-name "Núñez" --dob 2026-06-01 >/dev/null
"$DYAD" family add >/dev/null
"$DYAD" person add --family 2 --role caregiver --relationship mother --given-name Ann --family-name Nunn \
	--dob 1990-01-01 >/dev/null
"$DYAD" referral add --family 1 --infant 2 --caregiver 1 --received 2026-11-01 --source gp >/dev/null

expect 0 "^1 +1 +caregiver +Zoë +Núñez .*nhs_number" -- "$DYAD" find "943 476 5919"
expect 0 "nhs_number" -- "$DYAD" find 9434765919
expect 0 "Zoë +Núñez .*received +exact" -- "$DYAD" find "zoe nunez"
expect 0 "Zoë +Núñez .*exact" -- "$DYAD" find "ZOË NÚÑEZ"
expect 0 "Zoë +Núñez .*one_slip" -- "$DYAD" find "zoe nunex"
expect 0 "Zoë +Núñez .*partial" -- "$DYAD" find "zo nu"
expect 0 "1 +1 +caregiver .*date_of_birth" -- "$DYAD" find 1996-04-01
expect 0 "1 +1 +caregiver .*date_of_birth" -- "$DYAD" find 01/04/1996
expect 0 "postcode" -- "$DYAD" find "NG72UH"
# Both Núñez, then Nunn (a partial match) after the exact ones.
out=$("$DYAD" --format csv find "nun")
check "partial finds all three" [ "$(tail -n +2 <<<"$out" | wc -l)" = 3 ]
out=$("$DYAD" --format csv find "nunez")
check "exact matches come first" bash -c 'sed -n 2p <<<"$0" | grep -q "Núñez,.*,exact"' "$out"
expect 0 "Showing 1 to 1 of 2" -- "$DYAD" find nunez --limit 1
expect 0 "Nobody found" -- "$DYAD" find "nobody atall"
expect 2 "text: is required" -- "$DYAD" find "   "
expect 0 '"match": "nhs_number"' -- "$DYAD" --format json find "943 476 5919"
# A name outside Latin (kept as UTF-8): its reverse and a search's half
# word cut inside a letter are no valid UTF-8, which PostgreSQL refuses as
# text; the index keeps them as keys, so both stores find the person.
"$DYAD" family add >/dev/null
expect 0 "" -- "$DYAD" person add --family 3 --role caregiver --relationship mother --given-name "Αλέξης" \
	--family-name "Παπαδόπουλος" --dob 1991-02-03
expect 0 "Αλέξης +Παπαδόπουλος .*exact" -- "$DYAD" find "Παπαδόπουλος"
expect 0 "Αλέξης +Παπαδόπουλος .*partial" -- "$DYAD" find "Παπα"
expect 0 "Αλέξης +Παπαδόπουλος .*one_slip" -- "$DYAD" find "Παπαδόπουλοσ"
expect 0 "Αλέξης +Παπαδόπουλος .*one_slip" -- "$DYAD" find "Αλέξης Παπαδόπουλοσ"
finish
