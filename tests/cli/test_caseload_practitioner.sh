# test_caseload_practitioner.sh: the activity report's caseload per
# practitioner (docs/reports.md): each practitioner counts an open episode
# once however many of its contacts they were at; an episode counts for
# every practitioner who saw it; a contact entered in error, a contact after
# the period's last day, a referral entered in error and an episode
# discharged before the last day give nobody a caseload; undoing the error
# brings the count back.
#   bash test_caseload_practitioner.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"

"$DYAD" init >/dev/null
for f in 1 2 3; do
	"$DYAD" family add >/dev/null
	"$DYAD" person add --family $f --role caregiver --relationship mother --given-name Ann \
		--family-name "Example$f" --dob 1996-04-0$f >/dev/null
	"$DYAD" person add --family $f --role infant --given-name Bo --family-name "Example$f" --dob 2026-06-0$f \
		>/dev/null
	"$DYAD" referral add --family $f --infant $((2 * f)) --caregiver $((2 * f - 1)) --received 2026-09-01 \
		--source gp >/dev/null
	"$DYAD" referral triage --referral $f --decision accepted --date 2026-09-02 >/dev/null
done
for p in One Two Three Four; do
	"$DYAD" practitioner add --name "Pat $p" --profession clinical_psychologist >/dev/null
done
visit() { # referral date practitioners
	"$DYAD" contact add --referral "$1" --date "$2" --kind assessment --location home --attendance attended \
		--practitioners "$3" >/dev/null
}
# Referral 1: practitioners 1 and 2 together, then 1 twice more (1 counts once).
visit 1 2026-09-10 1,2
visit 1 2026-09-12 1
visit 1 2026-09-20 1
# Referral 2: practitioner 1, and practitioner 3 only after the period's end.
visit 2 2026-09-11 1
visit 2 2026-10-05 3
# Referral 3: practitioner 4 alone, on a contact later entered in error.
visit 3 2026-09-15 4

caseload() { # the per-practitioner table of the report for September as "id:n id:n"
	"$DYAD" --format csv report activity --from 2026-09-01 --to 2026-09-30 | tr -d "\r" |
		awk -F, '/^# caseload_by_practitioner/ { t = 1; next } t && /^#/ { t = 0 }
			t && $1 ~ /^[0-9]+$/ { printf "%s%s:%s", s, $1, $2; s = " " }'
}
check "each practitioner once an episode, contacts by the last day only" test "$(caseload)" = "1:2 2:1 4:1"

expect 0 "Marked contact 6 entered in error" -- "$DYAD" contact error 6 --reason "another team's visit"
check "a contact entered in error gives no caseload" test "$(caseload)" = "1:2 2:1"
expect 0 "" -- "$DYAD" correction revert "$(sql "$DYAD_DB" "SELECT max(id) FROM correction")" --reason "it was ours"
check "undone, it counts again" test "$(caseload)" = "1:2 2:1 4:1"

expect 0 "Marked referral 2 entered in error" -- "$DYAD" referral error 2 --reason "a duplicate referral"
check "a referral entered in error gives no caseload" test "$(caseload)" = "1:1 2:1 4:1"

expect 0 "" -- "$DYAD" discharge 1 --date 2026-09-25 --reason planned_ending --care-status with_birth_family
check "an episode discharged before the last day gives no caseload" test "$(caseload)" = "4:1"
check "the caseload at the end counts the one open episode" test "$("$DYAD" --format json report activity \
	--from 2026-09-01 --to 2026-09-30 | grep -o '"caseload_at_end": *[0-9]*' | grep -o '[0-9]*$')" = 1
finish
