# test_appointments.sh: `dyad appointment book|list|show|outcome|cancel|
# reschedule`, `dyad diary` and `dyad diary ics`: a booking is checked as a
# contact is, never in the past; its outcome is recorded once, and
# attended / did not attend become the contact the referral and reports
# count; a move keeps the old booking; the diary and its .ics name no one.
#   bash test_appointments.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"

"$DYAD" init >/dev/null
"$DYAD" family add >/dev/null
"$DYAD" person add --family 1 --role caregiver --relationship mother --given-name Ann --family-name Example \
	--dob 1996-04-01 >/dev/null
"$DYAD" person add --family 1 --role infant --given-name Bo --family-name Example --dob 2026-06-01 >/dev/null
"$DYAD" family add >/dev/null
"$DYAD" person add --family 2 --role caregiver --relationship father --given-name Cal --family-name Other >/dev/null
"$DYAD" person add --family 2 --role infant --given-name Di --family-name Other --dob 2026-05-01 >/dev/null
"$DYAD" referral add --family 1 --infant 2 --caregiver 1 --received 2026-11-01 --source gp >/dev/null
"$DYAD" referral add --family 2 --infant 4 --caregiver 3 --received 2026-11-02 --source gp >/dev/null
"$DYAD" referral triage 1 --decision accepted --date 2026-11-05 >/dev/null
"$DYAD" practitioner add --name "Pat Smith" --profession psychotherapist >/dev/null
"$DYAD" practitioner add --name "Lee Jones" --profession clinical_psychologist >/dev/null

# Today is Sunday 22 November 2026 (lib.sh).
book() { "$DYAD" appointment book --kind assessment --location home "$@"; }
expect 0 "Booked appointment 1 on referral 1: 22 November 2026 at 09:30, 60 minutes" -- \
	book --referral 1 --date 2026-11-22 --time 09:30 --practitioners 1 --attendees 1,2
expect 0 "Booked appointment 2 on referral 1: 24 November 2026 at 14:00, 90 minutes" -- \
	book --referral 1 --date 2026-11-24 --time 14:00 --duration 90 --practitioners 1,2
expect 0 "Booked appointment 3 on referral 2" -- book --referral 2 --date 2026-11-25 --time 11:00 --practitioners 2
expect 0 "Booked appointment 4" -- book --referral 2 --date 2026-11-30 --time 10:00 --practitioners 1
# Refusals name the field; nothing is booked.
expect 2 "date: is in the past" -- book --referral 1 --date 2026-11-21 --time 09:30 --practitioners 1
expect 2 "time: must be a time of day" -- book --referral 1 --date 2026-11-23 --time 9.30 --practitioners 1
expect 2 "duration: runs past midnight" -- book --referral 1 --date 2026-11-23 --time 23:30 --practitioners 1
expect 2 "location: is not one of" -- "$DYAD" appointment book --referral 1 --date 2026-11-23 --time 10:00 --kind assessment \
	--location moon --practitioners 1
expect 2 "attendees: person 3 is not in family 1" -- book --referral 1 --date 2026-11-23 --time 10:00 \
	--practitioners 1 --attendees 3
expect 3 "practitioners: practitioner 9 does not exist" -- book --referral 1 --date 2026-11-23 --time 10:00 \
	--practitioners 9
expect 2 "intervention: is required" -- "$DYAD" appointment book --referral 1 --date 2026-11-23 --time 10:00 \
	--kind intervention --location clinic --practitioners 1
expect 1 "practitioners" -- "$DYAD" appointment book --referral 1 --date 2026-11-23 --time 10:00 --kind assessment \
	--location home
expect 0 "No appointments in this diary" -- "$DYAD" diary --day 2026-11-23

# Outcomes: attended on the day becomes the contact, and moves the referral.
expect 3 "has not come yet" -- "$DYAD" appointment outcome 2 --outcome attended
expect 0 "Appointment 1: attended; recorded as contact 1" -- "$DYAD" appointment outcome 1 --outcome attended
expect 3 "already has its outcome" -- "$DYAD" appointment outcome 1 --outcome did_not_attend
expect 0 "1 +2026-11-22 +assessment +home +attended +60 +1 +1;2" -- "$DYAD" contact list 1
expect 0 "State: assessed" -- "$DYAD" referral show 1
# A cancellation ahead of the day writes no contact.
expect 0 "Appointment 3: cancelled_by_service \(ahead of its day" -- "$DYAD" appointment cancel 3 --by service
expect 2 "by: must be family or service" -- "$DYAD" appointment cancel 4 --by nobody
expect 0 "No contacts" -- "$DYAD" contact list 2
# A move keeps the old booking, marked rescheduled, pointing to the new one.
expect 0 "Moved appointment 2 to 26 November 2026: it is now appointment 5" -- \
	"$DYAD" appointment reschedule 2 --date 2026-11-26 --time 15:00
expect 3 "only a booked appointment can be moved" -- "$DYAD" appointment reschedule 2 --date 2026-11-27
expect 2 "date: is in the past" -- "$DYAD" appointment reschedule 5 --date 2026-11-01
expect 0 '"status": "rescheduled"' -- "$DYAD" --format json appointment show 2
expect 0 '"rescheduled_to": 5' -- "$DYAD" --format json appointment show 2
expect 0 "5 +2026-11-26 +15:00 +90 +1 +1 +assessment +home +booked +1;2" -- "$DYAD" appointment list 1

# The diary: a practitioner's week (Monday to Sunday), by day and time;
# initials and family ids, never a name.
out=$("$DYAD" diary --practitioner 1 --week 2026-11-24)
check "practitioner 1's week holds appointment 5 and not 3 (Lee's) or 1 (last week)" \
	bash -c 'grep -qE "^2026-11-26 +15:00 +90 +5 +1 +A.E., B.E." <<<"$0" && ! grep -qE "^2026-11-2[25] " <<<"$0"' "$out"
check "the diary names no one" bash -c '! grep -qE "Ann|Example|Cal|Other" <<<"$0"' "$out"
expect 0 "2026-11-25 +11:00 +60 +3 +2 +C.O., D.O. .*cancelled_by_service" -- "$DYAD" diary --week 2026-11-24
expect 0 "2026-11-22 +09:30 .*attended" -- "$DYAD" diary --practitioner 1 --day 2026-11-22
expect 0 "No appointments in this diary" -- "$DYAD" diary --practitioner 2 --day 2026-11-22
expect 3 "practitioner 9 does not exist" -- "$DYAD" diary --practitioner 9
expect 1 "not both" -- "$DYAD" diary --day 2026-11-22 --week 2026-11-22

# The .ics export: an iCalendar a calendar reads, with no names.
"$DYAD" diary ics --practitioner 1 --from 2026-11-16 --to 2026-12-06 >p1.ics
check "the calendar begins and ends as RFC 5545 says" bash -c \
	'[ "$(head -1 p1.ics)" = $'"'"'BEGIN:VCALENDAR\r'"'"' ] && [ "$(tail -1 p1.ics)" = $'"'"'END:VCALENDAR\r'"'"' ]'
check "every line ends CRLF and is at most 75 octets" bash -c \
	'! LC_ALL=C grep -v $'"'"'\r$'"'"' p1.ics | grep -q . && ! LC_ALL=C awk "length(\$0) > 76" p1.ics | grep -q .'
check "three events: appointments 1, 5 and 4" bash -c \
	'[ "$(grep -c "^BEGIN:VEVENT" p1.ics)" = 3 ] && grep -q "UID:appointment-5@dyad" p1.ics'
check "appointment 5 at its new time" grep -q $'^DTSTART:20261126T150000\r$' p1.ics
check "summary: kind, family id and initials" grep -q 'SUMMARY:assessment: family 1 (A.E.\\, B.E.)' p1.ics
check "the calendar names no one" bash -c '! grep -qE "Ann|Example|Cal|Other" p1.ics'
"$DYAD" diary ics --from 2026-11-16 --to 2026-12-06 >team.ics
check "the team's calendar shows the cancellation as cancelled" grep -q $'^STATUS:CANCELLED\r$' team.ics
expect 2 "at most 62 days" -- "$DYAD" diary ics --from 2026-01-01 --to 2026-12-31

# Discharged: nothing more is booked on the referral.
"$DYAD" referral triage 2 --decision declined --date 2026-11-22 --reason "not for us" >/dev/null
expect 3 "referral 2 is declined: nothing more can be booked" -- book --referral 2 --date 2026-12-01 --time 10:00 --practitioners 1
finish
