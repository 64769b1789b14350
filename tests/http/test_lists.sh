#!/usr/bin/env bash
# test_lists.sh: family lists sorted and paged by key, on the API and the
# find-a-family page: for every sort and both directions, walking the pages
# by next_after gives every family exactly once, in the order asked for
# (ties broken by id), the same as one long page; a bad sort or order is
# refused with 400 naming it; the page's column headers sort (saying which
# is sorted, and which way) and its "Next" link continues where the page
# ended, with nothing repeated or missed; the caseload link from home
# lists only open referrals.
. "$(dirname "$0")/lib.sh"

setup_db 130
q() { sql "$DYAD_DB" "$1"; }
start_server
FAMILIES=$(q "SELECT COUNT(*) FROM family")

# key SORT: jq expression giving an item's sort key as the server compares it.
key() {
	case $1 in
	name) echo '((.caregiver.family_name | ascii_downcase) + " " + (.caregiver.given_name | ascii_downcase))' ;;
	received) echo '(.received_on // "")' ;;
	last_contact) echo '(.last_contact // "")' ;;
	id) echo '""' ;;
	esac
}

for sort in id name received last_contact; do
	for order in ascending descending; do
		ids="" after="" pages=0
		while :; do
			api manager GET "/api/v1/families?sort=$sort&order=$order&limit=17${after:+&after=$after}"
			[ "$CODE" = 200 ] || { bad "$sort $order: page answered $CODE"; break; }
			ids+="$(jq -r '.items[].id' <<<"$BODY")"$'\n'
			pages=$((pages + 1))
			after=$(jq -r '.next_after // empty' <<<"$BODY")
			[ -n "$after" ] && [ "$pages" -lt 20 ] || break
		done
		want=$order
		[ $sort = id ] && { [ $order = ascending ] && want=oldest || want=newest; }
		check "$sort $order: the sort is echoed (by id: oldest or newest)" "$(jq -r '"\(.sort) \(.order)"' <<<"$BODY")" "$sort $want"
		check "$sort $order: pages of 17 give every family" "$(grep -c . <<<"$ids")" "$FAMILIES"
		check "$sort $order: each once" "$(grep . <<<"$ids" | sort -u | wc -l)" "$FAMILIES"
		api manager GET "/api/v1/families?sort=$sort&order=$order&limit=500"
		check "$sort $order: the same as one long page" "$(grep . <<<"$ids" | paste -sd,)" \
			"$(jq -r '[.items[].id] | join(",")' <<<"$BODY")"
		# In order: keys never go the wrong way; equal keys by id.
		cmp='<'; [ $order = descending ] && cmp='>'
		check "$sort $order: in order, ties by id" "$(jq "[.items | map([$(key $sort), .id]) as \$k |
			range(1; \$k | length) | select((\$k[. - 1] $cmp \$k[.]) | not)] | length" <<<"$BODY")" 0
	done
done
api manager GET "/api/v1/families?sort=name&order=newest"
check "order=newest is descending for any sort" "$(jq -r .order <<<"$BODY")" descending
api manager GET "/api/v1/families?sort=shoe_size"
check "an unknown sort: 400" "$CODE" 400
check "naming it" "$(jq -r .error.field <<<"$BODY")" sort
api manager GET "/api/v1/families?order=sideways"
check "an unknown order: 400" "$CODE" 400
api manager GET "/api/v1/families?open=1&sort=last_contact&limit=500"
check "open=1 lists only open referrals" "$(jq '.items | length' <<<"$BODY")" \
	"$(q "SELECT COUNT(*) FROM family f JOIN episode ep ON ep.id = (SELECT MAX(id) FROM episode WHERE family_id = f.id)
	      WHERE ep.decision = 'accepted' AND ep.discharged_on IS NULL")"

# The page: headers sort, "Next" continues.
jar="$WORK/jar"
sign_in clinician "$jar"
page=$(curl -s -b "$jar" "${URL}families")
contains "by name unless asked" "$page" 'aria-sort="ascending"><a href="/families\?sort=name&amp;order=descending">Parent or carer'
contains "the other columns sort too" "$page" 'href="/families\?sort=last_contact&amp;order=ascending">Last contact'
contains "caption says the order" "$page" "Families by the parent or carer(&#39;|')s name, A to Z: 50 on this page"
first=$(grep -oE 'href="/families/[0-9]+"' <<<"$page" | grep -oE '[0-9]+' | paste -sd,)
next=$(grep -oE 'nhsuk-pagination__link--next" href="[^"]+"' <<<"$page" | sed 's/.*href="//; s/"$//; s/&amp;/\&/g')
check "a Next link after the last shown" "$next" "/families?sort=name&order=ascending&after=${first##*,}"
page2=$(curl -s -b "$jar" "${URL%/}$next")
second=$(grep -oE 'href="/families/[0-9]+"' <<<"$page2" | grep -oE '[0-9]+' | paste -sd,)
api clinician GET "/api/v1/families?sort=name&limit=100"
check "pages 1 and 2 are the first 100 by name" "$first,$second" "$(jq -r '[.items[].id] | join(",")' <<<"$BODY")"
contains "page 2 links back to the first page" "$page2" 'nhsuk-pagination__link--prev" href="/families\?sort=name&amp;order=ascending"'
page=$(curl -s -b "$jar" "${URL}families?sort=last_contact&order=descending")
contains "sorted by last contact, newest first" "$page" 'aria-sort="descending"><a href="/families\?sort=last_contact&amp;order=ascending">Last contact'
home=$(curl -s -b "$jar" "$URL")
contains "home links to the whole caseload, longest since contact first" "$home" \
	'href="/families\?open=1&amp;sort=last_contact&amp;order=ascending"'
page=$(curl -s -b "$jar" "${URL}families?open=1&sort=last_contact&order=ascending")
contains "the caseload page says what it is" "$page" "Open referrals by last contact, longest ago first"

stop_server
finish
