#!/usr/bin/env bash
# Clinical safety on the web pages (issue 8; docs/safety/hazard-log.md names
# each check here by its "##" heading): a figure not yet checked against its
# source is shown "unverified" wherever the page shows it, and the discharge
# page asks for the action taken while a risk flag is open (the app refuses
# the discharge without it), and for a transfer's destination team.
source "$(dirname "$0")/lib.sh"

"$DYAD" init >/dev/null || exit 1
echo "password of clinician 1234" | "$DYAD" user add --name clinician --role clinician >/dev/null || exit 1
"$DYAD" family add >/dev/null
"$DYAD" person add --family 1 --role caregiver --relationship mother --given-name Ann --family-name Web \
	--dob 1990-01-01 >/dev/null
"$DYAD" person add --family 1 --role infant --given-name Bo --family-name Web --dob 2026-06-01 >/dev/null
"$DYAD" referral add --family 1 --infant 2 --caregiver 1 --received 2026-10-01 --source gp >/dev/null
"$DYAD" referral triage --referral 1 --decision accepted --date 2026-10-02 >/dev/null
# CORE-10's bands and reliable change are marked unverified; PHQ-9 item 9 raises a flag.
"$DYAD" measure add --referral 1 --instrument core10 --timepoint baseline --date 2026-11-10 \
	--responses "1;1;1;1;1;1;1;1;1;1" >/dev/null || exit 1
"$DYAD" measure add --referral 1 --instrument phq9 --timepoint baseline --date 2026-11-10 \
	--responses "2;2;1;2;1;1;2;1;1" >/dev/null || exit 1
start_server

jar="$WORK/jar"
csrf=$(curl -s -c "$jar" -b "$jar" "${URL}sign-in" | grep -oE 'name="csrf" value="[0-9a-f]{64}' | grep -oE '[0-9a-f]{64}')
curl -s -o /dev/null -c "$jar" -b "$jar" -d "csrf=$csrf" -d name=clinician \
	--data-urlencode 'password=password of clinician 1234' "${URL}sign-in"
scsrf=$(curl -s -b "$jar" "${URL}api/v1/me" | grep -oE '"csrf_token":"[0-9a-f]{64}"' | grep -oE '[0-9a-f]{64}')
[ -n "$scsrf" ] && ok || bad "signed in as the clinician"

## point 6: unverified figures are shown as unverified on the measure and family pages
page=$(curl -s -b "$jar" "${URL}referrals/1/measures/1")
contains "measure page: CORE-10's band" "$page" "mild"
contains "measure page says unverified" "$page" "unverified: bands, reliable change"
page=$(curl -s -b "$jar" "${URL}families/1")
contains "family page: CORE-10's latest band says unverified" "$page" "CORE-10.*unverified: bands, reliable change"
contains "family page timeline: the band says unverified" "$page" "mild \(band unverified\)"
# PHQ-9's bands are verified: nothing is marked on it
page=$(curl -s -b "$jar" "${URL}referrals/1/measures/2")
lacks "measure page: a verified band is not marked" "$page" "unverified"

## a score the instrument does not allow is shown against its own item
items=(-d item1=0 -d item2=0 -d item3=0 -d item4=7 -d item5=0 -d item6=0 -d item7=0 -d item8=0 -d item9=0)
CODE=$(curl -s -o "$WORK/body" -w '%{http_code}' -b "$jar" -d "csrf=$scsrf" -d date-day=12 -d date-month=11 \
	-d date-year=2026 -d timepoint=review -d respondent=1 "${items[@]}" "${URL}referrals/1/measures/new/phq9")
check "a value PHQ-9 does not allow is refused" "$CODE" 400
contains "the error summary links to item 4" "$(cat "$WORK/body")" 'href="#item4"'
contains "the reason names the value" "$(cat "$WORK/body")" "7 is not allowed"

## point 1: the web discharge asks for the action taken while a risk flag is open
page=$(curl -s -b "$jar" "${URL}referrals/1/discharge")
contains "discharge page asks for the action taken" "$page" 'name="risk_action"'
contains "discharge page says why" "$page" "Action taken on the risk flags? not yet acknowledged \(required\)"
form=(-b "$jar" -d "csrf=$scsrf" -d date-day=20 -d date-month=11 -d date-year=2026 -d care_2=with_birth_family)
CODE=$(curl -s -o "$WORK/body" -w '%{http_code}' "${form[@]}" -d reason=planned_ending "${URL}referrals/1/discharge")
check "discharge without the action is refused" "$CODE" 400
contains "the refusal says what to enter" "$(cat "$WORK/body")" "Enter the action taken on the risk flag before discharging"
state=$("$DYAD" --format csv referral list | sed -n 2p | cut -d, -f9)
check "still open after the refusal" "$state" "awaiting_assessment"

## point 10: a transfer on the web names the team the family goes to
CODE=$(curl -s -o "$WORK/body" -w '%{http_code}' "${form[@]}" -d reason=transferred \
	--data-urlencode "risk_action=Rang Ann; GP told" "${URL}referrals/1/discharge")
check "a transfer without its destination is refused" "$CODE" 400
contains "the refusal names the destination" "$(cat "$WORK/body")" "the team the family is transferred to"
CODE=$(curl -s -o /dev/null -w '%{http_code}' "${form[@]}" -d reason=transferred \
	--data-urlencode "transferred_to=Leeds Parent-Infant Team" --data-urlencode "risk_action=Rang Ann; GP told" \
	"${URL}referrals/1/discharge")
check "discharged with the action and the destination" "$CODE" 303
out=$("$DYAD" referral show 1)
contains "the destination is recorded" "$out" "Transferred to: Leeds Parent-Infant Team"
contains "the discharge acknowledged the flag with the action" "$out" "acknowledged"
lacks "no flag left open" "$out" "RISK not acknowledged"

finish
