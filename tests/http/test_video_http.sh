#!/usr/bin/env bash
# Video feedback cycles on the family page: a cycle started and its filming
# and review linked show with the helping question (as text) and the dates;
# admin staff, who may not read clinical detail, do not see the section.
. "$(dirname "$0")/lib.sh"

setup_db 20
unset DYAD_INTERVENTIONS
read -r F E <<<"$(sql "$DYAD_DB" "SELECT family_id, id FROM episode WHERE decision = 'accepted' AND discharged_on IS NULL
	AND received_on <= '2026-11-01' ORDER BY id LIMIT 1" | tr '|' ' ')"
[ -n "$E" ] || { echo "FAIL: the demo has no open accepted referral"; exit 1; }
k() { "$DYAD" contact add --referral "$E" --kind intervention --intervention video_interaction_guidance \
	--location home --attendance attended --date "$1" | grep -oE 'contact [0-9]+' | grep -oE '[0-9]+'; }
FILM=$(k 2026-11-02)
REVIEW=$(k 2026-11-09)
C=$("$DYAD" video start --referral "$E" --intervention video_interaction_guidance --date 2026-11-02 \
	--question 'Why does she <script>cry</script> at bath time?' | grep -oE 'id [0-9]+' | grep -oE '[0-9]+')
"$DYAD" video link --cycle "$C" --contact "$FILM" --step filming >/dev/null || exit 1
"$DYAD" video link --cycle "$C" --contact "$REVIEW" --step review >/dev/null || exit 1
start_server

jar="$WORK/jar"
sign_in clinician "$jar"
page=$(curl -s -b "$jar" "${URL}families/$F")
contains "the section" "$page" '<h3>Video feedback cycles</h3>'
contains "the question as text" "$page" 'Why does she &lt;script&gt;cry&lt;/script&gt; at bath time\?'
lacks "no script from the question" "$page" '<script>cry'
contains "filmed" "$page" '>2 November 2026<'
contains "reviewed" "$page" '>9 November 2026<'
sign_in admin_staff "$WORK/jar2"
page=$(curl -s -b "$WORK/jar2" "${URL}families/$F")
contains "admin staff see the family" "$page" '<h1'
lacks "but not the helping question" "$page" 'Video feedback cycles|bath time'

stop_server
finish
