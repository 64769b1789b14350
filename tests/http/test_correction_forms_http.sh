#!/usr/bin/env bash
# test_correction_forms_http.sh: correcting a referral, a contact, a
# measure, a safeguarding period and a family record on the web, and
# marking one entered in error: each form shows the value held; a value
# refused names the field, keeps what was typed and changes nothing; a
# correction needs a reason; one saved returns to the family's history,
# which lists it; a contact entered in error leaves the referral's view and
# Undo brings it back; an analyst may not; a form without its CSRF token is
# refused. The family page links to the forms, and a referral's page (its
# section of the family page) to its own; codes and people are chosen from
# selects and ticked boxes, a code not on the list refused; Find a family
# links to the likely duplicates for those who may see them.
. "$(dirname "$0")/lib.sh"

setup_db 8
C=$(sql "$DYAD_DB" "SELECT c.id FROM contact c JOIN episode e ON e.id = c.episode_id WHERE c.duration_min IS NOT NULL
	AND c.error_reason IS NULL AND e.error_reason IS NULL ORDER BY c.id LIMIT 1")
R=$(sql "$DYAD_DB" "SELECT episode_id FROM contact WHERE id = $C")
F=$(sql "$DYAD_DB" "SELECT family_id FROM episode WHERE id = $R")
M=$(sql "$DYAD_DB" "SELECT id FROM measure WHERE instrument = 'phq9' AND error_reason IS NULL ORDER BY id LIMIT 1")
S=$(sql "$DYAD_DB" "SELECT id FROM safeguarding WHERE error_reason IS NULL AND ended_on IS NULL AND status <> 'none'
	ORDER BY id LIMIT 1")
SF=$(sql "$DYAD_DB" "SELECT p.family_id FROM safeguarding s JOIN person p ON p.id = s.infant_id WHERE s.id = $S")
MF=$(sql "$DYAD_DB" "SELECT e.family_id FROM measure m JOIN episode e ON e.id = m.episode_id WHERE m.id = $M")
check "the demo has such records" "$([ -n "$C" ] && [ -n "$M" ] && [ -n "$S" ] && echo y)" y
start_server
corrections() { sql "$DYAD_DB" "SELECT COUNT(*) FROM correction"; }
day_before() { date -u -d "$1 -1 day" +%F; }

jar="$WORK/jar"
cjar="$WORK/cjar"
sign_in admin_staff "$jar"
sign_in clinician "$cjar"
csrf_of() { grep -oE 'name="csrf" value="[0-9a-f]{64}' <<<"$1" | head -1 | grep -oE '[0-9a-f]{64}'; }
# post JAR PATH CURL-ARGS...: posts the form with the jar's CSRF token; the code, the page in $WORK/p.
post() {
	local j=$1 path=$2
	shift 2
	local t
	t=$(csrf_of "$(curl -s -b "$j" "${URL}families")")
	curl -s -o "$WORK/p" -w '%{http_code} %{redirect_url}' -b "$j" --data-urlencode "csrf=$t" "$@" "${URL}$path"
}

# The links.
family=$(curl -s -b "$jar" "${URL}families/$F")
contains "the family page links to the family record's form" "$family" "/families/$F/correct"
contains "to the referral's" "$family" "/referrals/$R/correct"
contains "to the referral's entered in error" "$family" "/referrals/$R/error"
contains "to the contact's" "$family" "/contacts/$C/correct"
contains "to the contact's entered in error" "$family" "/contacts/$C/error"
contains "a clinician's family page links to the measure's" "$(curl -s -b "$cjar" "${URL}families/$MF")" \
	"/measures/$M/correct"
contains "and to the safeguarding period's" "$(curl -s -b "$cjar" "${URL}families/$SF")" "/safeguarding/$S/correct"
lacks "not for admin staff, who may not correct it" "$(curl -s -b "$jar" "${URL}families/$SF")" \
	"/safeguarding/$S/correct"
loc=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" "${URL}referrals/$R")
contains "the referral's page is its section of the family page" "$loc" "/families/$F#referral-$R$"
section=$(sed -n "/id=\"referral-$R\"/,/<h3>Timeline/p" <<<"$family")
contains "which links to the referral's correction" "$section" "href=\"/referrals/$R/correct\">Correct the referral"
contains "and to marking it entered in error" "$section" "href=\"/referrals/$R/error\">Referral entered in error"
contains "Find a family links to the likely duplicates for a clinician" "$(curl -s -b "$cjar" "${URL}families")" \
	'href="/duplicates"'
lacks "not for admin staff, who may not see them" "$(curl -s -b "$jar" "${URL}families")" 'href="/duplicates"'

# A referral's received date.
RECEIVED=$(sql "$DYAD_DB" "SELECT received_on FROM episode WHERE id = $R")
form=$(curl -s -b "$jar" "${URL}referrals/$R/correct")
contains "the referral form shows the date held" "$form" "value=\"$RECEIVED\""
n=$(corrections)
check "a received date in the future is refused" "$(post "$jar" "referrals/$R/correct" -d received_on=2099-01-01 \
	-d reason=typo)" "400 "
contains "naming the field" "$(cat "$WORK/p")" 'href="#received_on"'
contains "keeping what was typed" "$(cat "$WORK/p")" 'value="2099-01-01"'
check "nothing changed" "$(sql "$DYAD_DB" "SELECT received_on FROM episode WHERE id = $R") $(corrections)" "$RECEIVED $n"
EARLIER=$(day_before "$RECEIVED")
check "a correction needs a reason" "$(post "$jar" "referrals/$R/correct" -d "received_on=$EARLIER" -d reason=)" "400 "
contains "naming the reason" "$(cat "$WORK/p")" 'href="#reason"'
check "nothing changed without one" "$(corrections)" "$n"
contains "the referral's correction returns to the history" \
	"$(post "$jar" "referrals/$R/correct" -d "received_on=$EARLIER" --data-urlencode "reason=letter date misread")" \
	"^303 .*/families/$F/history$"
check "the date is changed" "$(sql "$DYAD_DB" "SELECT received_on FROM episode WHERE id = $R")" "$EARLIER"
hist=$(curl -s -b "$jar" "${URL}families/$F/history")
contains "the history lists it" "$hist" "Referral $R"
contains "with the earlier date" "$hist" ">$RECEIVED<"
contains "who and why" "$hist" "admin_staff: letter date misread"

# A contact's duration.
DUR=$(sql "$DYAD_DB" "SELECT duration_min FROM contact WHERE id = $C")
NEWDUR=$((DUR == 45 ? 50 : 45))
contains "the contact form shows the duration held" "$(curl -s -b "$jar" "${URL}contacts/$C/correct")" \
	"value=\"$DUR\""
n=$(corrections)
check "a duration over 600 is refused" "$(post "$jar" "contacts/$C/correct" -d duration_min=601 -d reason=x)" "400 "
contains "naming the field" "$(cat "$WORK/p")" 'href="#duration_min"'
check "nothing changed" "$(sql "$DYAD_DB" "SELECT duration_min FROM contact WHERE id = $C") $(corrections)" "$DUR $n"
check "a correction needs a reason" "$(post "$jar" "contacts/$C/correct" -d "duration_min=$NEWDUR")" "400 "
contains "the contact's correction is saved" \
	"$(post "$jar" "contacts/$C/correct" -d "duration_min=$NEWDUR" -d "reason=timed wrongly")" "^303 .*/history$"
check "the duration is changed" "$(sql "$DYAD_DB" "SELECT duration_min FROM contact WHERE id = $C")" "$NEWDUR"
contains "the history lists it" "$(curl -s -b "$jar" "${URL}families/$F/history")" "Contact $C"

# A measure's answers: clinical staff.
RESP=$(sql "$DYAD_DB" "SELECT responses FROM measure WHERE id = $M")
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "${URL}measures/$M/correct")
check "admin staff may not open a measure's form" "$code" 403
contains "the measure form shows the answers held" "$(curl -s -b "$cjar" "${URL}measures/$M/correct")" \
	"value=\"$RESP\""
n=$(corrections)
check "an answer out of range is refused" \
	"$(post "$cjar" "measures/$M/correct" -d "responses=0;0;0;0;0;0;0;0;9" -d reason=x)" "400 "
contains "naming the field" "$(cat "$WORK/p")" 'href="#responses"'
check "nothing changed" "$(sql "$DYAD_DB" "SELECT responses FROM measure WHERE id = $M") $(corrections)" "$RESP $n"
check "a correction needs a reason" "$(post "$cjar" "measures/$M/correct" -d "responses=3;3;3;3;3;3;3;3;3")" "400 "
NEWRESP="3;3;3;3;3;3;3;3;3"
[ "$RESP" = "$NEWRESP" ] && NEWRESP="2;2;2;2;2;2;2;2;2"
contains "the measure's correction is saved" \
	"$(post "$cjar" "measures/$M/correct" -d "responses=$NEWRESP" -d "reason=keyed wrongly")" "^303 .*/history$"
check "the answers are changed" "$(sql "$DYAD_DB" "SELECT responses FROM measure WHERE id = $M")" "$NEWRESP"
contains "the history lists it" "$(curl -s -b "$cjar" "${URL}families/$MF/history")" "Measure $M"

# A safeguarding period's start.
STARTED=$(sql "$DYAD_DB" "SELECT started_on FROM safeguarding WHERE id = $S")
contains "the safeguarding form shows the start held" "$(curl -s -b "$cjar" "${URL}safeguarding/$S/correct")" \
	"value=\"$STARTED\""
n=$(corrections)
check "a start in the future is refused" \
	"$(post "$cjar" "safeguarding/$S/correct" -d started_on=2099-01-01 -d reason=x)" "400 "
contains "naming the field" "$(cat "$WORK/p")" 'href="#started_on"'
check "nothing changed" "$(sql "$DYAD_DB" "SELECT started_on FROM safeguarding WHERE id = $S") $(corrections)" \
	"$STARTED $n"
SEARLIER=$(day_before "$STARTED")
check "a correction needs a reason" "$(post "$cjar" "safeguarding/$S/correct" -d "started_on=$SEARLIER")" "400 "
contains "the safeguarding correction is saved" \
	"$(post "$cjar" "safeguarding/$S/correct" -d "started_on=$SEARLIER" -d "reason=conference date")" \
	"^303 .*/families/$SF/history$"
check "the start is changed" "$(sql "$DYAD_DB" "SELECT started_on FROM safeguarding WHERE id = $S")" "$SEARLIER"
contains "the history lists it" "$(curl -s -b "$cjar" "${URL}families/$SF/history")" "Safeguarding $S"

# A family record's opening day.
OPENED=$(sql "$DYAD_DB" "SELECT created_on FROM family WHERE id = $F")
contains "the family form shows the day held" "$(curl -s -b "$jar" "${URL}families/$F/correct")" "value=\"$OPENED\""
n=$(corrections)
check "an opening day in the future is refused" \
	"$(post "$jar" "families/$F/correct" -d created_on=2099-01-01 -d reason=x)" "400 "
contains "naming the field" "$(cat "$WORK/p")" 'href="#created_on"'
check "nothing changed" "$(sql "$DYAD_DB" "SELECT created_on FROM family WHERE id = $F") $(corrections)" "$OPENED $n"
check "a correction needs a reason" "$(post "$jar" "families/$F/correct" -d created_on=2020-01-02)" "400 "
contains "the family's correction is saved" \
	"$(post "$jar" "families/$F/correct" -d created_on=2020-01-02 -d "reason=opened at the meeting")" \
	"^303 .*/families/$F/history$"
check "the day is changed" "$(sql "$DYAD_DB" "SELECT created_on FROM family WHERE id = $F")" 2020-01-02
contains "the history lists it" "$(curl -s -b "$jar" "${URL}families/$F/history")" "Family $F"

# Codes and people are chosen, not typed: selects and ticked boxes; a code
# posted that is not on the list is refused naming the field.
form=$(curl -s -b "$jar" "${URL}referrals/$R/correct")
SRC=$(sql "$DYAD_DB" "SELECT source FROM episode WHERE id = $R")
INF=$(sql "$DYAD_DB" "SELECT infant_id FROM episode WHERE id = $R")
contains "the referral's source is a select" "$form" '<select class="nhsuk-select" id="source" name="source">'
contains "holding the source" "$form" "<option value=\"$SRC\" selected>"
contains "the programme is a select" "$form" 'id="programme" name="programme"'
contains "the first-time-parent answer is a select" "$form" \
	'id="first_time_parent" name="first_time_parent"><option value="">Choose</option><option value="yes"'
contains "the infant is one of the family's infants" "$form" "id=\"infant_id\" name=\"infant_id\""
contains "holding the infant" "$form" "<option value=\"$INF\" selected>"
lacks "no source typed" "$form" 'id="source" name="source" type="text"'
n=$(corrections)
check "a source not on the list is refused" "$(post "$jar" "referrals/$R/correct" -d source=pigeon -d reason=x)" "400 "
contains "naming the field" "$(cat "$WORK/p")" 'href="#source"'
check "an answer not yes or no is refused" \
	"$(post "$jar" "referrals/$R/correct" -d first_time_parent=maybe -d reason=x)" "400 "
contains "naming it" "$(cat "$WORK/p")" 'href="#first_time_parent"'
check "an infant as the caregiver is refused" "$(post "$jar" "referrals/$R/correct" -d "caregiver_id=$INF" \
	-d reason=x)" "400 "
contains "naming the caregiver field" "$(cat "$WORK/p")" 'href="#caregiver_id"'
contains "saying why" "$(cat "$WORK/p")" "is not a caregiver"
check "nothing changed" "$(corrections)" "$n"
contains "the answer is corrected" "$(post "$jar" "referrals/$R/correct" -d first_time_parent=yes \
	-d "reason=on the referral letter")" "^303 .*/families/$F/history$"
check "and held" "$(sql "$DYAD_DB" "SELECT first_time_parent FROM episode WHERE id = $R")" yes
form=$(curl -s -b "$jar" "${URL}contacts/$C/correct")
for f in kind location attendance intervention; do
	contains "the contact's $f is a select" "$form" "<select class=\"nhsuk-select\" id=\"$f\" name=\"$f\">"
done
contains "the practitioners are ticked boxes" "$form" 'name="practitioners" type="checkbox"'
contains "the attendees too" "$form" 'name="attendees" type="checkbox"'
n=$(corrections)
check "a place not on the list is refused" "$(post "$jar" "contacts/$C/correct" -d location=moon -d reason=x)" "400 "
contains "naming the field" "$(cat "$WORK/p")" 'href="#location"'
check "an intervention not in the catalogue is refused" "$(post "$jar" "contacts/$C/correct" -d kind=intervention \
	-d intervention=nonesuch -d reason=x)" "400 "
contains "naming the intervention" "$(cat "$WORK/p")" 'href="#intervention"'
contains "saying why" "$(cat "$WORK/p")" "not in the team"
check "nothing changed" "$(corrections)" "$n"
P1=$(sql "$DYAD_DB" "SELECT id FROM practitioner ORDER BY id LIMIT 1")
P2=$(sql "$DYAD_DB" "SELECT id FROM practitioner ORDER BY id LIMIT 1 OFFSET 1")
contains "the practitioners are corrected" "$(post "$jar" "contacts/$C/correct" -d practitioners-listed=1 \
	-d "practitioners=$P2" -d "practitioners=$P1" -d "reason=both were there")" "^303 "
check "the links are rewritten" "$(sql "$DYAD_DB" "SELECT practitioner_id FROM contact_practitioner
	WHERE contact_id = $C ORDER BY 1" | tr '\n' ,)" "$P1,$P2,"
contains "the history shows the list" "$(curl -s -b "$jar" "${URL}families/$F/history")" ">$P1,$P2<"
contains "none ticked clears them" "$(post "$jar" "contacts/$C/correct" -d practitioners-listed=1 \
	-d "reason=nobody recorded")" "^303 "
check "no practitioner left" "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM contact_practitioner WHERE contact_id = $C")" 0
PC=$(sql "$DYAD_DB" "SELECT MAX(id) FROM correction WHERE entity = 'contact' AND entity_id = $C
	AND field = 'practitioners'")
contains "undo from the history" "$(post "$jar" "corrections/$PC/revert" -d "reason=they were there")" "^303 "
check "the links are back" "$(sql "$DYAD_DB" "SELECT practitioner_id FROM contact_practitioner
	WHERE contact_id = $C ORDER BY 1" | tr '\n' ,)" "$P1,$P2,"

# Entered in error: the contact leaves the referral's view; Undo brings it back.
contains "the confirm page shows the contact" "$(curl -s -b "$jar" "${URL}contacts/$C/error")" \
	"Mark contact $C entered in error"
check "marking needs a reason" "$(post "$jar" "contacts/$C/error" -d reason=)" "400 "
contains "naming it" "$(cat "$WORK/p")" 'href="#reason"'
check "not marked without one" "$(sql "$DYAD_DB" "SELECT COALESCE(error_reason, 'none') FROM contact WHERE id = $C")" none
contains "the contact is marked" "$(post "$jar" "contacts/$C/error" --data-urlencode "reason=another family's visit")" \
	"^303 .*/families/$F/history$"
api admin_staff GET "/api/v1/referrals/$R"
check "the contact in error is hidden from the referral" "$(jq "[.contacts[].id] | index($C)" <<<"$BODY")" null
check "marked twice is refused" "$(post "$jar" "contacts/$C/error" -d reason=again)" "400 "
contains "saying so" "$(cat "$WORK/p")" "already"
EC=$(sql "$DYAD_DB" "SELECT MAX(id) FROM correction WHERE entity = 'contact' AND entity_id = $C
	AND field = 'entered_in_error'")
hist=$(curl -s -b "$jar" "${URL}families/$F/history")
contains "the history lists the marking with its Undo" "$hist" "/corrections/$EC/revert"
contains "undo from the history" "$(post "$jar" "corrections/$EC/revert" -d "reason=it was theirs")" "^303 "
api admin_staff GET "/api/v1/referrals/$R"
check "the contact is back in the referral" "$(jq "[.contacts[].id] | index($C) != null" <<<"$BODY")" true
for k in "referrals/$R" "measures/$M" "safeguarding/$S"; do
	code=$(curl -s -o /dev/null -w '%{http_code}' -b "$cjar" "${URL}$k/error")
	check "the confirm page of $k" "$code" 200
done
contains "a safeguarding period marked in error" \
	"$(post "$cjar" "safeguarding/$S/error" -d "reason=wrong infant")" "^303 .*/families/$SF/history$"
check "kept, marked" "$(sql "$DYAD_DB" "SELECT error_reason FROM safeguarding WHERE id = $S")" "wrong infant"
contains "a measure marked in error" "$(post "$cjar" "measures/$M/error" -d "reason=wrong family")" "^303 "
check "kept, marked" "$(sql "$DYAD_DB" "SELECT error_reason FROM measure WHERE id = $M")" "wrong family"

# A family record entered in error: refused while a referral of it is not;
# then gone from the families list; Undo brings it back.
contains "the family page links to marking the family record" "$family" "href=\"/families/$F/error\""
check "refused while its referrals are not" "$(post "$jar" "families/$F/error" -d reason=x)" "400 "
contains "saying so" "$(cat "$WORK/p")" "not entered in error: mark"
F1=$(sql "$DYAD_DB" "SELECT family_id FROM episode GROUP BY family_id HAVING COUNT(*) = 1 AND COUNT(error_reason) = 0
	ORDER BY family_id LIMIT 1")
R1=$(sql "$DYAD_DB" "SELECT id FROM episode WHERE family_id = $F1")
contains "its one referral marked" "$(post "$jar" "referrals/$R1/error" -d "reason=not ours")" "^303 "
contains "the family list shows the family" "$(curl -s -b "$jar" "${URL}families")" "href=\"/families/$F1\""
contains "then the family record marked" "$(post "$jar" "families/$F1/error" -d "reason=opened by mistake")" \
	"^303 .*/families/$F1/history$"
lacks "the family list no longer shows it" "$(curl -s -b "$jar" "${URL}families")" "href=\"/families/$F1\""
contains "its page says it was entered in error" "$(curl -s -b "$jar" "${URL}families/$F1")" \
	"nhsuk-warning-callout__label\">Entered in error"
FE=$(sql "$DYAD_DB" "SELECT MAX(id) FROM correction WHERE entity = 'family' AND entity_id = $F1
	AND field = 'entered_in_error'")
contains "undo from the history" "$(post "$jar" "corrections/$FE/revert" -d "reason=it is a family")" "^303 "
contains "the family list shows it again" "$(curl -s -b "$jar" "${URL}families")" "href=\"/families/$F1\""

# Who may not; CSRF.
sign_in analyst "$WORK/ajar"
for k in "referrals/$R/correct" "contacts/$C/correct" "contacts/$C/error" "families/$F/correct"; do
	code=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/ajar" "${URL}$k")
	check "an analyst may not open $k" "$code" 403
done
n=$(corrections)
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -d duration_min=30 -d reason=x "${URL}contacts/$C/correct")
check "a form without its CSRF token is refused" "$code" 403
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -d reason=x "${URL}referrals/$R/error")
check "entered in error without its CSRF token too" "$code" 403
check "nothing changed" "$(corrections)" "$n"
finish
