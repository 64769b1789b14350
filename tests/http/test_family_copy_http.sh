#!/usr/bin/env bash
# A family's own copy on the web (docs/subject-access.md): GET
# /families/{id}/copy downloads the HTML document and GET
# /api/v1/families/{id}/copy gives the same data as JSON, to a manager or
# clinician; an analyst, admin staff and another team's manager get none
# of it; the copy holds the family's notes and nothing of another family,
# a name holding a script is text, and each copy is audited.
. "$(dirname "$0")/lib.sh"

setup_db 12
# new_family GIVEN FAMILY NOTE: a family with a referral and a signed note;
# prints the family id.
new_family() {
	local f c i r
	f=$("$DYAD" family add | grep -oE '[0-9]+' | head -1)
	c=$("$DYAD" person add --family "$f" --role caregiver --relationship mother --given-name "$1" --family-name "$2" \
		--dob 1996-04-01 | grep -oE 'caregiver [0-9]+' | grep -oE '[0-9]+')
	i=$("$DYAD" person add --family "$f" --role infant --given-name Bo --family-name "$2" --dob 2026-06-01 |
		grep -oE 'infant [0-9]+' | grep -oE '[0-9]+')
	r=$("$DYAD" referral add --family "$f" --infant "$i" --caregiver "$c" --received 2026-11-01 --source gp |
		grep -oE 'referral [0-9]+' | grep -oE '[0-9]+')
	"$DYAD" note add --referral "$r" --kind other --text "$3" --sign >/dev/null
	echo "$f"
}
F=$(new_family '<script>alert(1)</script>' Quillfeather "Zulu note about the first family")
G=$(new_family Ximena Ottolinevance "Yankee note about the second family")
[ -n "$F" ] && [ -n "$G" ] || { echo "FAIL: families not made"; exit 1; }
start_server

# The API: JSON, to a clinician and a manager.
api clinician GET "/api/v1/families/$F/copy"
check "clinician: 200" "$CODE" 200
check "the family's id" "$(jq .family_id <<<"$BODY")" "$F"
check "its note" "$(jq -r '.notes[0].text' <<<"$BODY")" "Zulu note about the first family"
check "its people" "$(jq -r '[.people[].family_name] | unique | join(",")' <<<"$BODY")" Quillfeather
check "every section present" "$(jq -c 'keys_unsorted' <<<"$BODY")" \
	'["family_id","team","made_on","people","referrals","referral_history","contacts","appointments","safeguarding","measures","goals","care_plans","notes","letters","feedback","corrections"]'
lacks "nothing of the other family" "$BODY" 'Ximena|Ottolinevance|Yankee'
api manager GET "/api/v1/families/$F/copy"
check "manager: 200" "$CODE" 200
for r in analyst admin_staff admin; do
	api "$r" GET "/api/v1/families/$F/copy"
	check "$r refused the JSON copy" "$CODE" 403
	lacks "$r sees no note" "$BODY" Zulu
done
api other GET "/api/v1/families/$F/copy"
check "another team's manager gets nothing" "$([ "$CODE" = 403 ] || [ "$CODE" = 404 ] && echo refused)" refused
lacks "another team sees no note" "$BODY" Zulu
api clinician GET "/api/v1/families/999999/copy"
check "no such family: 404" "$CODE" 404
api clinician GET "/api/v1/families/x/copy"
check "a bad id: 400 or 404" "$([ "$CODE" = 400 ] || [ "$CODE" = 404 ] && echo refused)" refused

# The page: an HTML download, to a signed-in clinician.
jar="$WORK/jar"
sign_in clinician "$jar"
headers=$(curl -s -D - -o "$WORK/copy.html" -b "$jar" "${URL}families/$F/copy")
contains "200" "$headers" '^HTTP/1.1 200'
contains "an HTML download" "$headers" 'Content-Disposition: attachment; filename="family-'"$F"'.html"'
contains "text/html" "$headers" 'Content-Type: text/html'
html=$(cat "$WORK/copy.html")
contains "its note" "$html" 'Zulu note about the first family'
contains "the name holding a script is text" "$html" '&lt;script&gt;alert\(1\)&lt;/script&gt;'
lacks "no script element" "$html" '<script'
lacks "nothing of the other family" "$html" 'Ximena|Ottolinevance|Yankee'
contains "dates in UK form" "$html" '1 November 2026'
check "the HTML parses" "$(python3 -c '
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []; self.bad = 0
    def handle_starttag(self, t, a):
        if t != "meta": self.stack.append(t)
    def handle_endtag(self, t):
        if not self.stack or self.stack.pop() != t: self.bad += 1
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read()); p.close()
print("ok" if not p.bad and not p.stack else "bad")' "$WORK/copy.html")" ok
contains "the family page links to the copy" "$(curl -s -b "$jar" "${URL}families/$F")" "href=\"/families/$F/copy\""
for r in analyst admin_staff; do
	sign_in "$r" "$WORK/jar_$r"
	code=$(curl -s -o "$WORK/refused.html" -w '%{http_code}' -b "$WORK/jar_$r" "${URL}families/$F/copy")
	check "$r refused the page" "$code" 403
	lacks "$r sees no note on the page" "$(cat "$WORK/refused.html")" Zulu
done
lacks "admin staff see no link to the copy" "$(curl -s -b "$WORK/jar_admin_staff" "${URL}families/$F")" "/families/$F/copy"

# The audit: three copies of family F (two JSON, one page), naming only it.
check "each copy audited" "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM audit WHERE action = 'family.copy' AND entity = 'family'
	AND entity_id = $F AND detail IS NULL")" 3
check "no copy of the other family" "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM audit WHERE action = 'family.copy'
	AND entity_id <> $F")" 0
finish
