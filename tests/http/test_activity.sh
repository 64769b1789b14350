#!/usr/bin/env bash
# test_activity.sh: the home page's recent-activity panel: what was recorded
# last comes first, with the baby's name linking to the family; a measure
# shows to a clinician but never to admin staff (who may not see measures);
# every family the panel names is logged in the audit as a 'list' look,
# one entry each; an analyst, an admin and another team's manager see no
# name of this team.
. "$(dirname "$0")/lib.sh"

setup_db 30
q() { sql "$DYAD_DB" "$1"; }
read -r F E BABY <<<"$(q "SELECT e.family_id, e.id, p.given_name || '_' || p.family_name FROM episode e
  JOIN person p ON p.id = e.infant_id WHERE e.decision = 'accepted' AND e.discharged_on IS NULL
  ORDER BY e.id LIMIT 1" | tr '|' ' ')"
BABY=${BABY/_/ }
start_server

# Today's contact and measure for the first open referral: the newest things.
api manager POST "/api/v1/referrals/$E/contacts" \
	'{"date":"2026-11-22","kind":"review","location":"clinic","attendance":"did_not_attend"}'
check "a contact recorded today" "$CODE" 201
api clinician POST "/api/v1/referrals/$E/measures" \
	'{"instrument":"gad7","timepoint":"review","date":"2026-11-22","responses":"1;1;1;1;1;1;1"}'
check "a measure recorded today" "$CODE" 201

rows() { sed "s/<tr/\n<tr/g; s/<h2/\n<h2/g" <<<"$1" | sed -n '/<h2>Recent activity<\/h2>/,$p' | grep '<td'; }

jar="$WORK/clinician"
sign_in clinician "$jar"
top=$(q "SELECT MAX(id) FROM audit")
page=$(curl -s -b "$jar" "$URL")
contains "the home page has the panel" "$page" "<h2>Recent activity</h2>"
act=$(rows "$page")
check "ten things shown" "$(wc -l <<<"$act")" 10
# Today's things come first (the demo may have recorded others today too).
today=$(q "SELECT (SELECT COUNT(*) FROM episode_event WHERE date = '2026-11-22') + (SELECT COUNT(*) FROM contact WHERE date = '2026-11-22') + (SELECT COUNT(*) FROM measure WHERE date = '2026-11-22')")
first2=$(head -"$today" <<<"$act")
contains "today's contact comes first, in words" "$first2" "22 November 2026.*href=\"/families/$F\">$BABY</a>.*Review contact: did not attend"
contains "today's measure too (clinician)" "$first2" "GAD-7 entered \(review\)"
# The families named against the 'list' entries added: one for each panel
# of the page that names the family (waiting, caseload, recent activity).
shown=$(grep -oE 'href="/families/[0-9]+"' <<<"$act" | grep -oE '[0-9]+' | sort -un | paste -sd,)
panel() { sed "s/<h2/\n<h2/g" <<<"$page" | sed -n "/<h2>$1<\/h2>/p" | grep -oE 'href="/families/[0-9]+"' | grep -oE '[0-9]+' | sort -u; }
logged=$(q "SELECT group_concat(entity_id, ',') FROM (SELECT DISTINCT entity_id FROM audit WHERE id > $top
  AND actor = 'clinician' AND action = 'list' AND entity = 'family' AND entity_id IN ($shown) ORDER BY entity_id) t")
check "each family the panel names is audited" "$logged" "$shown"
want=$( (panel Waiting; panel Caseload; panel 'Recent activity') | grep -xE "$(tr , '|' <<<"$shown")" | wc -l)
check "once for each panel naming it" \
	"$(q "SELECT COUNT(*) FROM audit WHERE id > $top AND actor = 'clinician' AND action = 'list' AND entity_id IN ($shown)")" \
	"$want"

jar="$WORK/staff"
sign_in admin_staff "$jar"
act=$(rows "$(curl -s -b "$jar" "$URL")")
contains "admin staff see today's contact" "$(head -1 <<<"$act")" "Review contact: did not attend"
lacks "but never a measure" "$act" "entered \("
check "still ten things" "$(wc -l <<<"$act")" 10

for r in analyst admin other; do
	jar="$WORK/$r"
	sign_in "$r" "$jar"
	page=$(curl -s -L -b "$jar" "$URL")
	lacks "$r: no recent activity" "$page" "Recent activity"
	lacks "$r: not the baby's name" "$page" "$BABY"
done

stop_server
finish
