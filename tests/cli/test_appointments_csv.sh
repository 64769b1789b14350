# test_appointments_csv.sh: appointments.csv (docs/csv.md): bookings of
# every state (booked, attended, did not attend, cancelled ahead of the day
# and on it, moved) go out and come back byte-identically; a bad row is
# refused whole, at each rule's boundary, with file, line and column, and
# nothing is written.
#   bash test_appointments_csv.sh DYAD_BINARY SOURCE_DIR
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
"$DYAD" referral triage 2 --decision accepted --date 2026-11-05 >/dev/null
"$DYAD" practitioner add --name "Pat Smith" --profession psychotherapist >/dev/null
"$DYAD" practitioner add --name "Lee Jones" --profession clinical_psychologist >/dev/null

# Today is Sunday 22 November 2026 (lib.sh); later days are set per command.
book() { "$DYAD" appointment book --kind assessment --location home "$@" >/dev/null; }
book --referral 1 --date 2026-11-22 --time 09:30 --practitioners 1 --attendees 1,2              # 1
book --referral 1 --date 2026-11-24 --time 14:00 --duration 90 --practitioners 1,2              # 2
book --referral 2 --date 2026-11-25 --time 11:00 --practitioners 2                              # 3
book --referral 2 --date 2026-11-26 --time 10:00 --practitioners 1 --attendees 3                # 4
book --referral 1 --date 2026-11-27 --time 08:00 --duration 5 --practitioners 2                 # 5
"$DYAD" appointment book --referral 2 --date 2026-12-01 --time 13:15 --duration 600 --kind review \
	--location clinic --practitioners 1,2 --attendees 3,4 >/dev/null                            # 6
expect 0 "recorded as contact 1" -- "$DYAD" appointment outcome 1 --outcome attended
expect 0 "it is now appointment 7" -- "$DYAD" appointment reschedule 2 --date 2026-11-23 --time 15:00
expect 0 "ahead of its day" -- "$DYAD" appointment cancel 3 --by service
expect 0 "recorded as contact 2" -- env DYAD_TODAY=2026-11-26 "$DYAD" appointment cancel 4 --by family
expect 0 "recorded as contact 3" -- env DYAD_TODAY=2026-11-28 "$DYAD" appointment outcome 5 --outcome did_not_attend

# Out and back: every file byte-identical.
expect 0 "7 appointments" -- "$DYAD" export out
tr -d '\r' <out/appointments.csv >a.csv
check "appointments.csv header" grep -qx 'appointment_id,referral_id,date,time,duration_min,kind,intervention,location,practitioner_ids,attendee_ids,status,status_on,contact_id,rescheduled_to,booked_by,booked_at' a.csv
# By referral, day and time: the move's new booking (7, on the 23rd) comes
# before the booking it replaced (2, on the 24th).
check "rows by referral, day and time" bash -c '[ "$(cut -d, -f1 a.csv | tail -n +2 | tr "\n" " ")" = "1 7 2 5 3 4 6 " ]'
check "attended: its day, practitioners, attendees and contact" \
	grep -qE '^1,1,2026-11-22,09:30,60,assessment,,home,1,1;2,attended,2026-11-22,1,,cli:tester,2026-[0-9-]+T[0-9:]+Z$' a.csv
check "moved: rescheduled on the 22nd, pointing to 7" grep -qE '^2,1,2026-11-24,14:00,90,.*,rescheduled,2026-11-22,,7,' a.csv
check "cancelled ahead of the day: no contact" grep -qE '^3,2,2026-11-25,.*,cancelled_by_service,2026-11-22,,,' a.csv
check "cancelled on the day: its contact" grep -qE '^4,2,2026-11-26,.*,3,cancelled_by_family,2026-11-26,2,,' a.csv
check "did not attend, recorded later" grep -qE '^5,1,2026-11-27,08:00,5,.*,did_not_attend,2026-11-28,3,,' a.csv
check "still booked: no outcome" grep -qE '^6,2,2026-12-01,13:15,600,review,,clinic,1;2,3;4,booked,,,,' a.csv
NEW=$(fresh_db new)
expect 0 "7 appointments" -- "$DYAD" --db "$NEW" import out
expect 0 "7 appointments" -- "$DYAD" --db "$NEW" export back
check "appointments.csv byte-identical after a round trip" cmp -s out/appointments.csv back/appointments.csv
check "every file byte-identical after a round trip" diff -r out back
expect 0 '"rescheduled_to": 7' -- "$DYAD" --db "$NEW" --format json appointment show 2
expect 0 "2026-11-23 +15:00 .*booked" -- "$DYAD" --db "$NEW" diary --practitioner 2 --week 2026-11-23
expect 3 "no longer booked|already has its outcome" -- "$DYAD" --db "$NEW" appointment outcome 1 --outcome attended
expect 3 "already exists" -- "$DYAD" --db "$NEW" import out

# Refusals. bad NAME LINE SED: the export with appointments.csv's line LINE
# edited (and no manifest); then the import must fail naming the line and
# column, and leave the new database empty.
bad() {
	rm -rf "$1" && cp -r out "$1" && rm "$1/manifest.csv" && sed -i "$2$3" "$1/appointments.csv"
}
refused() { # refused CODE PATTERN NAME: imports NAME into a new, empty database
	local db
	db=$(fresh_db "$3")
	"$DYAD" --db "$db" init >/dev/null
	expect "$1" "$2" -- "$DYAD" --db "$db" import "$3"
	check "$3: nothing written" bash -c \
		'[ "$(sql "$0" "SELECT (SELECT COUNT(*) FROM person) + (SELECT COUNT(*) FROM appointment)")" = 0 ]' "$db"
}
export -f sql
bad t1 2 's/,09:30,/,24:00,/'
refused 2 "appointments.csv line 2.*time.*time of day" t1
bad t2 2 's/,09:30,60,/,23:01,60,/'
refused 2 "appointments.csv line 2.*duration.*midnight" t2
bad t3 5 's/,08:00,5,/,08:00,4,/'
refused 2 "appointments.csv line 5.*duration_min" t3
bad t4 8 's/,13:15,600,/,13:15,601,/'
refused 2 "appointments.csv line 8.*duration_min" t4
bad t5 2 's/,home,/,moon,/'
refused 2 "appointments.csv line 2.*location.*is not one of" t5
bad t6 8 's/,review,/,chat,/'
refused 2 "appointments.csv line 8.*kind.*is not one of" t6
bad t7 2 's/,home,1,1;2,/,home,,1;2,/'
refused 2 "appointments.csv line 2.*practitioner_ids.*at least one practitioner" t7
bad t8 2 's/,home,1,1;2,/,home,9,1;2,/'
refused 2 "appointments.csv line 2.*practitioner_ids.*practitioner 9 does not exist" t8
bad t9 2 's/,home,1,1;2,/,home,1,1;3,/'
refused 2 "appointments.csv line 2.*attendee_ids.*person 3 is not in family 1" t9
bad t10 2 's/^1,1,/1,99,/'
refused 2 "appointments.csv line 2.*referral_id.*referral 99 does not exist" t10
bad t11 8 's/,2026-12-01,/,2026-11-01,/'
refused 2 "appointments.csv line 8.*date.*before the referral was received" t11
bad t12 2 's/,attended,/,moved,/'
refused 2 "appointments.csv line 2.*status.*must be booked" t12
bad t13 8 's/,booked,,/,booked,2026-11-22,/'
refused 2 "appointments.csv line 8.*status_on.*blank while the appointment is booked" t13
bad t14 6 's/,cancelled_by_service,2026-11-22,/,cancelled_by_service,,/'
refused 2 "appointments.csv line 6.*status_on.*is required" t14
# Attended a day before its day: refused; on the day it was accepted above.
bad t15 2 's/,attended,2026-11-22,/,attended,2026-11-21,/'
refused 2 "appointments.csv line 2.*status_on.*before the appointment's day" t15
bad t16 2 's/,attended,2026-11-22,1,/,attended,2026-11-22,,/'
refused 2 "appointments.csv line 2.*contact_id.*is required" t16
# A cancellation recorded the day before its day writes no contact; on the
# day it does (appointment 4 above).
bad t17 7 's/,cancelled_by_family,2026-11-26,2,/,cancelled_by_family,2026-11-25,2,/'
refused 2 "appointments.csv line 7.*contact_id.*must be blank" t17
bad t18 6 's/,cancelled_by_service,2026-11-22,,/,cancelled_by_service,2026-11-22,2,/'
refused 2 "appointments.csv line 6.*contact_id.*must be blank" t18
bad t19 2 's/,attended,2026-11-22,1,/,attended,2026-11-22,2,/'
refused 2 "appointments.csv line 2.*contact_id.*contact 2 is not a contact of this referral" t19
bad t20 5 's/,did_not_attend,2026-11-28,3,/,attended,2026-11-28,3,/'
refused 2 "appointments.csv line 5.*contact_id.*recorded as attended" t20
bad t21 4 's/,rescheduled,2026-11-22,,7,/,rescheduled,2026-11-22,,99,/'
refused 2 "appointments.csv line 4.*rescheduled_to.*appointment 99 does not exist" t21
bad t22 4 's/,rescheduled,2026-11-22,,7,/,rescheduled,2026-11-22,,3,/'
refused 2 "appointments.csv line 4.*rescheduled_to.*appointment 3 is of another referral" t22
bad t23 4 's/,rescheduled,2026-11-22,,7,/,rescheduled,2026-11-22,,,/'
refused 2 "appointments.csv line 4.*rescheduled_to.*is required" t23
bad t24 4 's/,rescheduled,2026-11-22,,7,/,rescheduled,2026-11-22,,2,/'
refused 2 "appointments.csv line 4.*rescheduled_to.*another appointment" t24
bad t25 3 's/,booked,,,,/,booked,,,7,/'
refused 2 "appointments.csv line 3.*rescheduled_to.*blank unless" t25
bad t26 3 's/^7,/1,/'
refused 3 "appointments.csv line 3.*appointment_id.*1 already exists" t26
bad t27 8 's/,cli:tester,/,,/'
refused 2 "appointments.csv line 8.*booked_by.*is required" t27
bad t28 8 's/,20[0-9-]*T[0-9:]*Z/,yesterday/'
refused 2 "appointments.csv line 8.*booked_at" t28
bad t29 1 's/,status_on,/,status_day,/'
refused 2 "appointments.csv line 1.*status_on.*missing" t29
# The boundaries that pass: 5 and 600 minutes, 23:50 for 10 minutes.
bad ok1 8 's/,13:15,600,/,14:00,600,/'
expect 0 "7 appointments" -- "$DYAD" --db "$(fresh_db ok1)" import ok1
bad ok2 8 's/,13:15,600,/,23:50,10,/'
expect 0 "7 appointments" -- "$DYAD" --db "$(fresh_db ok2)" import ok2
finish
