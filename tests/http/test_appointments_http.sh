#!/usr/bin/env bash
# test_appointments_http.sh: appointments and the diary through the API and
# the web pages: booking staff book, move and close appointments; an
# attended outcome is written as the contact; an analyst gets 403 and
# another team's manager 404; the diary, its page and its .ics download show
# family ids and initials, never a name; the family page lists what is
# booked; a booking form refused keeps what was typed and names the field.
. "$(dirname "$0")/lib.sh"

setup_db 5
F=$("$DYAD" family add | grep -oE "[0-9]+" | head -1)
"$DYAD" person add --family "$F" --role caregiver --relationship mother --given-name Quenby --family-name Marlowe \
	--dob 1995-02-03 >/dev/null
"$DYAD" person add --family "$F" --role infant --given-name Rook --family-name Marlowe --dob 2026-07-01 >/dev/null
read -r CG INF <<<"$(sql "$DYAD_DB" "SELECT id FROM person WHERE family_id = $F ORDER BY id" | tr '\n' ' ')"
E=$("$DYAD" referral add --family "$F" --infant "$INF" --caregiver "$CG" --received 2026-11-01 --source gp |
	grep -oE "[0-9]+" | head -1)
P=$(sql "$DYAD_DB" "SELECT id FROM practitioner ORDER BY id LIMIT 1")
NAMES=$(sql "$DYAD_DB" "SELECT given_name || '|' || family_name FROM person" | paste -sd'|')
start_server

# Today is Sunday 22 November 2026.
api clinician POST "/api/v1/referrals/$E/appointments" \
	"{\"date\":\"2026-11-22\",\"time\":\"09:30\",\"kind\":\"assessment\",\"location\":\"home\",\"practitioners\":[$P]}"
check "clinician books" "$CODE" 201
A1=$(jq -r .id <<<"$BODY")
check "booked" "$(jq -r .status <<<"$BODY")" booked
check "at its time" "$(jq -r .time <<<"$BODY")" "09:30"
api admin_staff POST "/api/v1/referrals/$E/appointments" \
	"{\"date\":\"2026-11-25\",\"time\":\"14:00\",\"duration\":45,\"kind\":\"review\",\"location\":\"clinic\",\"practitioners\":[$P]}"
check "admin staff book" "$CODE" 201
A2=$(jq -r .id <<<"$BODY")
api clinician POST "/api/v1/referrals/$E/appointments" \
	"{\"date\":\"2026-11-21\",\"time\":\"09:30\",\"kind\":\"assessment\",\"location\":\"home\",\"practitioners\":[$P]}"
check "a day already past is refused" "$CODE" 400
check "naming the date" "$(jq -r .error.field <<<"$BODY")" date
api clinician POST "/api/v1/referrals/$E/appointments" \
	"{\"date\":\"2026-11-23\",\"time\":\"9am\",\"kind\":\"assessment\",\"location\":\"home\",\"practitioners\":[$P]}"
check "a time not HH:MM is refused, naming time" "$(jq -r .error.field <<<"$BODY")" time
api analyst POST "/api/v1/referrals/$E/appointments" \
	"{\"date\":\"2026-11-23\",\"time\":\"09:30\",\"kind\":\"assessment\",\"location\":\"home\",\"practitioners\":[$P]}"
check "an analyst may not book" "$CODE" 403
api other GET "/api/v1/appointments/$A1"
check "another team's manager: no such appointment" "$CODE" 404
api analyst GET "/api/v1/diary"
check "an analyst may not see the diary" "$CODE" 403

api clinician POST "/api/v1/appointments/$A2/outcome" '{"outcome":"attended"}'
check "attended before the day: refused" "$CODE" 409
api clinician POST "/api/v1/appointments/$A1/outcome" '{"outcome":"attended"}'
check "attended on the day" "$(jq -r .status <<<"$BODY")" attended
C=$(jq -r .contact_id <<<"$BODY")
api clinician GET "/api/v1/referrals/$E/contacts"
check "written as the contact" "$(jq "[.items[]? // .[]? | select(.id == $C and .attendance == \"attended\")] | length" <<<"$BODY")" 1
api clinician POST "/api/v1/appointments/$A2/reschedule" '{"date":"2026-11-26","time":"10:00"}'
check "moved: a new booking" "$CODE" 201
A3=$(jq -r .id <<<"$BODY")
check "at the new time" "$(jq -r '.date + " " + .time' <<<"$BODY")" "2026-11-26 10:00"
api clinician GET "/api/v1/appointments/$A2"
check "the old booking is kept as rescheduled" "$(jq -r '.status + " " + (.rescheduled_to|tostring)' <<<"$BODY")" \
	"rescheduled $A3"

api manager GET "/api/v1/diary?practitioner=$P&from=2026-11-16&to=2026-11-29"
check "the diary holds the attended and the moved appointments" "$(jq '[.items[].id] | sort' -c <<<"$BODY")" \
	"$(jq -nc "[$A1, $A3] | sort")"
contains "with initials" "$BODY" '"initials": *"[^"]*\.'
lacks "the diary names no one" "$BODY" "\"($NAMES)\""

# The web pages.
jar="$WORK/jar"
sign_in admin_staff "$jar"
page=$(curl -s -b "$jar" "${URL}referrals/$E/appointments")
contains "the referral's appointments" "$page" "<h1>Appointments</h1>"
contains "the moved booking shown" "$page" "Rescheduled"
contains "an outcome form for the booked one" "$page" "/appointments/$A3/outcome"
csrf=$(grep -oE 'name="csrf" value="[0-9a-f]{64}' <<<"$page" | head -1 | grep -oE '[0-9a-f]{64}')
code=$(curl -s -o "$WORK/p" -w '%{http_code}' -b "$jar" -d "csrf=$csrf" -d date-day=1 -d date-month=12 \
	-d date-year=2026 -d time=25:00 -d kind=assessment -d location=clinic -d "practitioners=$P" \
	"${URL}referrals/$E/appointments")
check "a bad time is refused on the form" "$code" 400
contains "naming the field" "$(cat "$WORK/p")" 'href="#time"'
contains "keeping what was typed" "$(cat "$WORK/p")" 'value="25:00"'
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -d "csrf=$csrf" -d date-day=1 -d date-month=12 \
	-d date-year=2026 -d time=11:15 -d kind=assessment -d location=clinic -d "practitioners=$P" \
	"${URL}referrals/$E/appointments")
check "booked through the form" "$code" 303
family=$(curl -s -b "$jar" "${URL}families/$F")
contains "the family page lists what is booked" "$family" "Booked appointments"
contains "with its day and time" "$family" "1 December 2026 at 11:15"
diary=$(curl -s -b "$jar" "${URL}diary?practitioner=$P&week=2026-11-30")
contains "the diary page: the week" "$diary" "30 November 2026 to 6 December 2026"
contains "the booking in it" "$diary" "11:15"
lacks "the diary page names no one" "$diary" ">($NAMES)[ <]"
ics=$(curl -s -D "$WORK/h" -b "$jar" "${URL}diary.ics?practitioner=$P&week=2026-11-23")
contains "the .ics is a calendar" "$(cat "$WORK/h")" "Content-Type: text/calendar"
contains "an iCalendar" "$ics" "^BEGIN:VCALENDAR"
check "the two bookings from that week on (not the 22nd, before it)" "$(grep -c '^BEGIN:VEVENT' <<<"$ics")" 2
lacks "the calendar names no one" "$ics" "($NAMES)"
# The waiting list says what is booked: referral E, assessed on the 22nd,
# waits for an intervention (clock B, target 22 December).
api clinician POST "/api/v1/referrals/$E/appointments" "{\"date\":\"2026-12-10\",\"time\":\"10:00\",\
\"kind\":\"intervention\",\"intervention\":\"circle_of_security\",\"location\":\"clinic\",\"practitioners\":[$P]}"
check "an intervention booked" "$CODE" 201
api manager GET "/api/v1/waiting?limit=500"
check "the API's waiting row says what is booked, and whether in time" \
	"$(jq -r ".items[] | select(.referral_id == $E) | .clock + \" \" + .booked + \" \" + .booked_on + \" \" + .booking" <<<"$BODY")" \
	"B intervention 2026-12-10 within target"
mjar="$WORK/mjar"
sign_in manager "$mjar"
waiting=$(curl -s -b "$mjar" "${URL}waiting")
contains "the waiting page says so" "$waiting" "Intervention booked for 10 December 2026: within target"
finish
