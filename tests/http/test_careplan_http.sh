#!/usr/bin/env bash
# Care plans over the web: the catalogue at /api/v1/interventions; a plan
# added through the API with a co-working pair, refused for a role that may
# not plan care and for another team; progress counted from the contacts;
# stopped early with its reason; the plan shown on the family page with
# delivered against planned.
. "$(dirname "$0")/lib.sh"

setup_db 20
read -r F E <<<"$(sql "$DYAD_DB" "SELECT family_id, id FROM episode WHERE decision = 'accepted' AND discharged_on IS NULL ORDER BY id LIMIT 1" | tr '|' ' ')"
[ -n "$E" ] || { echo "FAIL: the demo has no open accepted referral"; exit 1; }
RECEIVED=$(sql "$DYAD_DB" "SELECT received_on FROM episode WHERE id = $E")
P1=$("$DYAD" practitioner add --name "Nurse Pair-One" --profession specialist_health_visitor | grep -oE 'practitioner [0-9]+' | grep -oE '[0-9]+')
P2=$("$DYAD" practitioner add --name "Worker Pair-Two" --profession social_worker | grep -oE 'practitioner [0-9]+' | grep -oE '[0-9]+')
start_server

api clinician GET /api/v1/interventions
check "catalogue answers" "$CODE" 200
check "Circle of Security plans 8 sessions" "$(jq -r '.items[] | select(.code == "circle_of_security") | .planned_sessions' <<<"$BODY")" 8

plan="{\"intervention\":\"circle_of_security\",\"start\":\"$RECEIVED\",\"practitioners\":[$P1,$P2],\"status\":\"active\"}"
api admin_staff POST "/api/v1/referrals/$E/careplan" "$plan"
check "admin staff may not plan care" "$CODE" 403
api other POST "/api/v1/referrals/$E/careplan" "$plan"
check "another team's manager does not find the referral" "$CODE" 404
api clinician POST "/api/v1/referrals/$E/careplan" '{"intervention":"no_such_thing","start":"'"$RECEIVED"'","practitioners":[1]}'
check "an intervention not in the catalogue" "$CODE" 400
check "names the field" "$(jq -r .error.field <<<"$BODY")" intervention
api clinician POST "/api/v1/referrals/$E/careplan" "$plan"
check "plan added" "$CODE" 201
PLAN=$(jq -r .id <<<"$BODY")
check "the catalogue's 8 sessions" "$(jq -r .planned <<<"$BODY")" 8
check "the co-working pair" "$(jq -c .practitioners <<<"$BODY")" "[$P1,$P2]"
before=$(jq -r .delivered <<<"$BODY")

# Two attended sessions of the programme, one missed.
for att in attended attended did_not_attend; do
	"$DYAD" contact add --referral "$E" --date "$DYAD_TODAY" --kind group --intervention circle_of_security \
		--location childrens_centre --attendance $att --practitioners "$P1,$P2" >/dev/null
done
api clinician GET "/api/v1/referrals/$E/careplan"
check "list answers" "$CODE" 200
check "delivered counts attended sessions only" "$(jq -r ".items[] | select(.id == $PLAN) | .delivered" <<<"$BODY")" $((before + 2))

api clinician POST "/api/v1/careplans/$PLAN/status" '{"to":"stopped_early"}'
check "stopping early needs a reason" "$CODE" 400
check "names the reason" "$(jq -r .error.field <<<"$BODY")" reason
api clinician POST "/api/v1/careplans/$PLAN/status" '{"to":"stopped_early","reason":"<b>moved</b> to days"}'
check "stopped early" "$CODE" 200
check "status" "$(jq -r .status <<<"$BODY")" stopped_early
api clinician POST "/api/v1/careplans/$PLAN/status" '{"to":"completed"}'
check "a stopped plan cannot complete" "$CODE" 409

# The family page shows the plan, the pair and the progress; the reason as text.
jar="$WORK/jar"
form=$(curl -s -c "$jar" -b "$jar" "${URL}sign-in")
csrf=$(grep -oE 'name="csrf" value="[0-9a-f]{64}' <<<"$form" | grep -oE '[0-9a-f]{64}')
curl -s -o /dev/null -c "$jar" -b "$jar" -d "csrf=$csrf" -d name=clinician \
	--data-urlencode 'password=password of clinician 1234' "${URL}sign-in"
page=$(curl -s -b "$jar" "${URL}families/$F")
contains "care plan section" "$page" '<h3>Care plan</h3>'
contains "intervention by name" "$page" 'Circle of Security Parenting'
contains "the pair, with their professions" "$page" 'Nurse Pair-One \(specialist health visitor\) and Worker Pair-Two \(social worker\)'
contains "progress" "$page" "$((before + 2)) of 8 sessions"
contains "stop reason escaped" "$page" '&lt;b&gt;moved&lt;/b&gt; to days'
lacks "no raw markup from the reason" "$page" '<b>moved</b>'

stop_server
finish
