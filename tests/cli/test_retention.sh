# test_retention.sh: `dyad retention review` lists the families whose record
# has reached its retention date (docs/retention.md) on hand-built families:
# a child's 25th birthday (kept the day before, due on the day), the 26th
# when the child was 17 at the end of care (16y364d vs 17y0d), 20 years
# after care ended for a caregiver, an unborn child by the EDD, a referral
# closed at triage, open care never listed; the rules file and its
# refusals; the review is audited and deletes nothing.
#   bash test_retention.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"
export DYAD_TODAY=2001-06-01
unset DYAD_RETENTION

"$DYAD" init >/dev/null
# family ID CARER --dob|--edd DATE RECEIVED: an infant (with a caregiver when CARER is yes) and a
# referral received that day.
family() {
	local DYAD_TODAY=$5 # the people and the referral as recorded on the day it came
	"$DYAD" family add >/dev/null
	local carer=() out
	if [ "$2" = yes ]; then
		out=$("$DYAD" person add --family "$1" --role caregiver --relationship mother --given-name Ann \
			--family-name Test$1 --dob 1980-01-01)
		carer=(--caregiver "$(grep -oE '[0-9]+' <<<"$out" | head -1)")
	fi
	out=$("$DYAD" person add --family "$1" --role infant --given-name Bo --family-name Test$1 "$3" "$4")
	"$DYAD" referral add --family "$1" --infant "$(grep -oE '[0-9]+' <<<"$out" | head -1)" "${carer[@]}" \
		--received "$5" --source gp >/dev/null || echo "FAIL: referral for family $1"
}
discharge() {
	"$DYAD" discharge --referral "$1" --date "$2" --reason planned_ending --care-status with_birth_family >/dev/null ||
		echo "FAIL: discharge $1"
}
# 1: child born 2000-05-10, discharged 2001-03-01: due on 2025-05-10.
family 1 yes --dob 2000-05-10 2000-06-01
"$DYAD" referral triage --referral 1 --decision accepted --date 2000-06-10 >/dev/null
discharge 1 2001-03-01
# 2: a pregnancy discharged before the birth: the EDD 2001-02-01 stands for the birth: 2026-02-01.
family 2 yes --edd 2001-02-01 2000-10-01
"$DYAD" referral triage --referral 2 --decision accepted --date 2000-10-05 >/dev/null
discharge 2 2000-12-01
# 3 and 4 (no caregiver recorded, so only the child's rule): born 2000-01-15; care ended at 17y0d (2017-01-15) and at 16y364d (2017-01-14).
family 3 no --dob 2000-01-15 2000-03-01
family 4 no --dob 2000-01-15 2000-03-01
for r in 3 4; do
	"$DYAD" referral triage --referral $r --decision accepted --date 2000-03-05 >/dev/null
	discharge $r 2001-01-01
done
sql "$DYAD_DB" "UPDATE episode SET discharged_on = '2017-01-15' WHERE id = 3" >/dev/null
sql "$DYAD_DB" "UPDATE episode SET discharged_on = '2017-01-14' WHERE id = 4" >/dev/null
# 5: care ended 2008-03-01: the caregiver's 20 years (2028-03-01) outlast the child's 25th birthday (2025-02-01).
family 5 yes --dob 2000-02-01 2000-03-01
"$DYAD" referral triage --referral 5 --decision accepted --date 2000-03-05 >/dev/null
discharge 5 2001-01-01
sql "$DYAD_DB" "UPDATE episode SET discharged_on = '2008-03-01' WHERE id = 5" >/dev/null
# 6: still open (accepted, never discharged): never listed.
family 6 yes --dob 2000-01-01 2000-02-01
"$DYAD" referral triage --referral 6 --decision accepted --date 2000-02-05 >/dev/null
# 7: declined at triage on 2000-07-01: care ended that day; born 2000-03-03: 2025-03-03.
family 7 yes --dob 2000-03-03 2000-06-20
"$DYAD" referral triage --referral 7 --decision declined --date 2000-07-01 --reason "outside the area" >/dev/null

rows() { "$DYAD" --format csv retention review --as-of "$1" | tail -n +2 | tr -d "\r" | awk -F, '{printf "%s,%s,%s,%s ", $1, $2, $3, $NF}'; }
check "nothing due in 2024" test "$(rows 2024-12-31)" = ""
check "16y364d at the end of care: the 25th birthday" test "$(rows 2025-03-02)" = "4,2025-01-15,child,2017-01-14 "
check "declined at triage: due on the 25th birthday" test "$(rows 2025-03-03)" = "4,2025-01-15,child,2017-01-14 7,2025-03-03,child,2000-07-01 "
check "the day before the 25th birthday: kept" test "$(rows 2025-05-09)" = "4,2025-01-15,child,2017-01-14 7,2025-03-03,child,2000-07-01 "
check "the 25th birthday: due" test "$(rows 2025-05-10)" = \
	"1,2025-05-10,child,2001-03-01 4,2025-01-15,child,2017-01-14 7,2025-03-03,child,2000-07-01 "
check "17 at the end of care: the 26th birthday" test "$(rows 2026-01-15)" = \
	"1,2025-05-10,child,2001-03-01 3,2026-01-15,child_late,2017-01-15 4,2025-01-15,child,2017-01-14 7,2025-03-03,child,2000-07-01 "
check "17 at the end of care: kept the day before the 26th birthday" \
	bash -c '! grep -q "^3," <<<"$("$0" --format csv retention review --as-of 2026-01-14)"' "$DYAD"
check "pregnancy: the EDD stands for the birth" bash -c 'grep -q "^2,2026-02-01,child," <<<"$("$0" --format csv retention review --as-of 2026-02-01)"' "$DYAD"
check "caregiver rule outlasts the child's: kept until 20 years after care" \
	bash -c '! grep -q "^5," <<<"$("$0" --format csv retention review --as-of 2028-02-29)"' "$DYAD"
expect 0 '"family_id": 5,
    "retention_date": "2028-03-01",
    "rule": "caregiver",
    "basis": "20 years after care ended: .*unverified' -- "$DYAD" --format json retention review --as-of 2028-03-01
check "open care is never listed" bash -c '! grep -q "^6," <<<"$("$0" --format csv retention review --as-of 2199-12-31)"' "$DYAD"
expect 0 "No family's record has reached its retention date" -- "$DYAD" retention review
expect 0 "family_id +retention_date +rule +basis +last_care_ended" -- "$DYAD" retention review --as-of 2030-01-01
expect 2 "as-of" -- "$DYAD" retention review --as-of 2030-02-30

# The rules file: $DYAD_RETENTION, else ./retention.ini; refused whole naming file, line and key.
printf '[retention]\ncaregiver_years = 25\n' >retention.ini
check "./retention.ini is read: the caregiver's record 25 years" \
	bash -c '! grep -q "^5," <<<"$("$0" --format csv retention review --as-of 2033-02-28)"' "$DYAD"
expect 0 "5,2033-03-01,caregiver,25 years after care ended: local rule" -- "$DYAD" --format csv retention review --as-of 2033-03-01
printf '[retention]\ncaregiver_years = 20\nchild_until_birthday = 25 years\n' >bad.ini
expect 2 "bad.ini line 3: child_until_birthday: must be a whole number from 1 to 120" -- \
	env DYAD_RETENTION=bad.ini "$DYAD" retention review
printf '[retention]\nchild_late_until_birthday = 24\n' >bad2.ini
expect 2 "bad2.ini line 2: child_late_until_birthday: must not be before child_until_birthday" -- \
	env DYAD_RETENTION=bad2.ini "$DYAD" retention review
expect 3 "retention rules: cannot open missing.ini" -- env DYAD_RETENTION=missing.ini "$DYAD" retention review
rm -f retention.ini

# Audited; nothing deleted.
check "each review is in the audit with its date and count" \
	test "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM audit WHERE action = 'read' AND entity = 'retention' AND detail = 'review as of 2026-01-15: 4 due'")" = 1
check "the review deletes nothing" test "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM family")|$(sql "$DYAD_DB" "SELECT COUNT(*) FROM person")|$(sql "$DYAD_DB" "SELECT COUNT(*) FROM episode")" = "7|12|7"
expect 0 "--as-of DATE" -- "$DYAD" retention review --help
finish
