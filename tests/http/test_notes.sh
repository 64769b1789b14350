#!/usr/bin/env bash
# test_notes.sh: case notes through the JSON API as each role: clinicians
# and managers write, sign, add addenda and mark notes entered in error;
# admin staff, analysts and admins never see a note (403); another team's
# manager gets 404; a signed note never changes (409); drafts are their
# author's; the note's words never reach the server's log.
. "$(dirname "$0")/lib.sh"

setup_db 5
E=$(sql "$DYAD_DB" "SELECT id FROM episode ORDER BY id LIMIT 1")
F=$(sql "$DYAD_DB" "SELECT family_id FROM episode WHERE id = $E")
start_server
W=Zq9Mk_apinote

api clinician POST "/api/v1/referrals/$E/notes" "{\"kind\":\"safeguarding\",\"text\":\"$W draft\\nline two\"}"
check "clinician writes a draft" "$CODE" 201
check "it is a draft" "$(jq -r .state <<<"$BODY")" draft
N=$(jq -r .id <<<"$BODY")
check "the author is the signed-in user" "$(jq -r .author <<<"$BODY")" clinician
api manager GET "/api/v1/notes/$N"
check "another author's draft is not there for the manager" "$CODE" 404
api manager POST "/api/v1/notes/$N/sign" '{}'
check "only the author signs" "$CODE" 409
api clinician POST "/api/v1/notes/$N/edit" "{\"text\":\"$W edited\"}"
check "the author changes the draft" "$CODE" 200
api clinician POST "/api/v1/notes/$N/sign" '{}'
check "the author signs" "$(jq -r .state <<<"$BODY")" signed
api clinician POST "/api/v1/notes/$N/edit" '{"text":"changed"}'
check "a signed note never changes" "$CODE" 409
api manager POST "/api/v1/notes/$N/addendum" "{\"text\":\"$W addendum\"}"
check "the manager adds an addendum" "$CODE" 201
check "the addendum points to the note" "$(jq -r .addendum_to <<<"$BODY")" "$N"
api manager GET "/api/v1/families/$F"
api clinician GET "/api/v1/notes/$N"
check "the original is unchanged" "$(jq -r .text <<<"$BODY")" "$W edited"
api clinician POST "/api/v1/notes/$N/error" '{"reason":""}'
check "entered in error needs a reason" "$CODE" 400
api clinician POST "/api/v1/notes/$N/error" "{\"reason\":\"$W wrong family\"}"
check "marked entered in error" "$(jq -r .state <<<"$BODY")" entered_in_error
api clinician GET "/api/v1/referrals/$E/notes"
check "hidden from the default list" "$(jq "[.items[] | select(.id == $N)] | length" <<<"$BODY")" 0
api clinician GET "/api/v1/referrals/$E/notes?all=1"
check "kept, and listed with all=1" "$(jq "[.items[] | select(.id == $N)] | length" <<<"$BODY")" 1
api clinician POST "/api/v1/referrals/$E/notes" '{"kind":"gossip","text":"x"}'
check "a bad kind is refused" "$CODE" 400
check "naming the field" "$(jq -r .error.field <<<"$BODY")" kind

for r in admin_staff analyst admin; do
	api "$r" GET "/api/v1/referrals/$E/notes"
	check "$r may not list notes" "$CODE" 403
	lacks "$r sees no note's words" "$BODY" "$W"
	api "$r" GET "/api/v1/notes/$N"
	check "$r may not read a note" "$CODE" 403
	api "$r" POST "/api/v1/referrals/$E/notes" '{"kind":"other","text":"x"}'
	check "$r may not write a note" "$CODE" 403
done
api other GET "/api/v1/notes/$N"
check "another team's manager: no such note" "$CODE" 404
api other GET "/api/v1/referrals/$E/notes"
check "another team's manager: no such referral" "$CODE" 404

# --- the pages ---------------------------------------------------------------
jar="$WORK/jar"
signin_as() { # NAME: a cookie session in $jar; sets PCSRF
	rm -f "$jar"
	local form c
	form=$(curl -s -c "$jar" -b "$jar" "${URL}sign-in")
	c=$(grep -oE 'name="csrf" value="[0-9a-f]{64}' <<<"$form" | grep -oE '[0-9a-f]{64}')
	curl -s -o /dev/null -c "$jar" -b "$jar" -d "csrf=$c" -d "name=$1" --data-urlencode "password=password of $1 1234" \
		"${URL}sign-in"
	PCSRF=$(curl -s -b "$jar" "${URL}api/v1/me" | jq -r .csrf_token)
}
page() { # METHOD PATH [curl data args...]: sets CODE, BODY
	local m=$1 p=$2
	shift 2
	CODE=$(curl -s -o "$WORK/page" -w '%{http_code}' -b "$jar" -c "$jar" -X "$m" "$@" "${URL%/}$p")
	BODY=$(cat "$WORK/page")
}
signin_as clinician
page GET "/families/$F"
check "the family page" "$CODE" 200
contains "the family page flags the safeguarding notes" "$BODY" "1 signed safeguarding note on this family"
contains "the family page links to the case notes" "$BODY" "/referrals/$E/notes"
page GET "/referrals/$E/notes"
check "the notes page" "$CODE" 200
contains "shows the addendum's words" "$BODY" "$W addendum"
lacks "hides the note entered in error" "$BODY" "$W edited"
page GET "/referrals/$E/notes?all=1"
check "the notes page with all=1" "$CODE" 200
contains "shows it when asked" "$BODY" "Entered in error"
page POST "/referrals/$E/notes" -d "csrf=$PCSRF" -d kind=telephone --data-urlencode $'text=Rang Ann.\nShe will come on Monday.'
check "writing a note redirects to it" "$CODE" 303
page GET "/referrals/$E/notes"
contains "the draft is shown to its author" "$BODY" "Rang Ann."
P=$(sql "$DYAD_DB" "SELECT max(id) FROM note")
page POST "/notes/$P/sign" -d "csrf=$PCSRF"
check "signing redirects" "$CODE" 303
check "the note is signed" "$(sql "$DYAD_DB" "SELECT count(*) FROM note WHERE id = $P AND signed_at IS NOT NULL")" 1
page POST "/referrals/$E/notes" -d "csrf=$PCSRF" -d kind=telephone -d "text="
check "an empty note is shown again with its error" "$CODE" 400
contains "the error names the field" "$BODY" 'href="#text"'
page GET "/notes/$P/error"
check "the entered-in-error form" "$CODE" 200
page POST "/notes/$P/error" -d "csrf=$PCSRF" -d "reason="
check "a reason is required" "$CODE" 400
page POST "/notes/$P/addendum" -d "csrf=$PCSRF" --data-urlencode "text=Ann came."
check "an addendum redirects" "$CODE" 303
signin_as admin_staff
page GET "/referrals/$E/notes"
check "admin staff never see the notes page" "$CODE" 403
page GET "/families/$F"
lacks "nor the safeguarding notes flag" "$BODY" "safeguarding note"
lacks "nor the notes link" "$BODY" "/referrals/$E/notes"

stop_server
check "the server's log holds no note's words" "$(grep -c "$W" "$WORK/serve.log" "$WORK/serve.out" | awk -F: '{s += $2} END {print s}')" 0
check "the audit holds no note's words" "$(sql "$DYAD_DB" "SELECT count(*) FROM audit WHERE coalesce(detail, '') LIKE '%$W%'")" 0
finish
