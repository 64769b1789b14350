#!/usr/bin/env bash
# The key worker a caseload (and every family list) shows for a referral:
# the practitioner at most of its contacts; on a tie, the one seen at the
# later contact; on a tie of that too, the practitioner added first. Each
# step below adds a contact and checks the name a clinician would see.
# Usage: bash test_key_worker.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"
D=$DYAD

"$D" init --team-name T >/dev/null
# Practitioners 1, 2 and 3, in that order (the order breaks the last tie).
for who in "Nurse One/specialist_health_visitor" "Worker Two/social_worker" "Therapist Three/psychotherapist"; do
	"$D" practitioner add --name "${who%/*}" --profession "${who#*/}" >/dev/null
done
"$D" family add >/dev/null
for p in "caregiver --relationship mother --given-name Ann --dob 1996-04-01" "infant --given-name Bo --dob 2026-06-01"; do
	# shellcheck disable=SC2086 # the options are words on purpose
	"$D" person add --family 1 --family-name Example --role $p >/dev/null
done
"$D" referral add --family 1 --infant 2 --caregiver 1 --received 2026-09-01 --source health_visitor >/dev/null
"$D" referral triage 1 --decision accepted --date 2026-09-02 >/dev/null

# key WHO: the caseload's row for family 1 names WHO as key worker ("" none).
key() { expect 0 "^1,Ann Example,mother,2,Bo,[^,]*,1,[a-z_]+,$1," -- "$D" --format csv caseload; }
contact() {
	"$D" contact add --referral 1 --date "$1" --kind assessment --location home --attendance attended \
		--practitioners "$2" >/dev/null
}

key ""                                  # no contact yet: nobody
contact 2026-09-10 2,3
key "Worker Two"                        # 1 each, same day: the first added of the two
contact 2026-09-17 3
key "Therapist Three"                   # the most contacts
contact 2026-09-24 1
contact 2026-10-01 1
key "Nurse One"                         # 2 each with Therapist Three; Nurse One seen later
contact 2026-10-08 2
contact 2026-10-08 3
key "Therapist Three"                   # three contacts, the most
contact 2026-10-15 1,2
key "Nurse One"                         # Nurse One and Therapist Three 3 each, Nurse One later
contact 2026-10-15 3
key "Therapist Three"                   # four contacts, the most
finish
