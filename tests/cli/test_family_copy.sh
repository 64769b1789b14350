# test_family_copy.sh: `dyad family copy ID DIR` (docs/subject-access.md):
# two families with every kind of record; the copy of one holds each kind
# of its records, in HTML and the same data as JSON, and nothing of the
# other (names, NHS number, note text, ids); the HTML parses; the folder is
# refused when it holds anything; the audit names the family only.
#   bash test_family_copy.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"
D=$DYAD
export -f sql

"$D" init >/dev/null
"$D" practitioner add --name "Pat Smith" --profession psychotherapist >/dev/null
# build FAMILY CAREGIVER-NAME INFANT-NAME SURNAME NHS WORD: one family with
# a referral, contact, appointment, safeguarding, measure, goal and rating,
# care plan, notes (signed, addendum, entered in error), letter, feedback
# and a correction; WORD marks its free text.
build() {
	local f=$1 c i r
	"$D" family add >/dev/null
	"$D" person add --family "$f" --role caregiver --relationship mother --given-name "$2" --family-name "$4" \
		--dob 1994-02-03 --nhs-number "$5" --postcode "NG7 2UH" >/dev/null
	"$D" person add --family "$f" --role infant --given-name "$3" --family-name "$4" --dob 2026-06-01 >/dev/null
	c=$(( (f - 1) * 2 + 1 )); i=$(( c + 1 )); r=$f
	"$D" referral add --family "$f" --infant "$i" --caregiver "$c" --received 2026-09-01 --source gp >/dev/null
	"$D" referral triage "$r" --decision accepted --date 2026-09-03 >/dev/null
	"$D" contact add --referral "$r" --date 2026-09-10 --kind assessment --location home --attendance attended \
		--duration 60 --practitioners 1 --attendees "$c,$i" >/dev/null
	"$D" safeguarding set --infant "$i" --status child_in_need --from 2026-09-05 >/dev/null
	"$D" measure add --referral "$r" --instrument phq9 --timepoint baseline --date 2026-09-10 \
		--responses "1;1;1;1;1;1;1;1;0" >/dev/null
	"$D" goal add --referral "$r" --text "$6 goal: enjoy bath time" --date 2026-09-10 >/dev/null
	"$D" goal rate --goal "$f" --date 2026-10-01 --rating 4 >/dev/null
	"$D" careplan add --referral "$r" --intervention parent_infant_psychotherapy --start 2026-10-01 \
		--practitioners 1 --sessions 12 >/dev/null
	"$D" note add --referral "$r" --kind other --text "$6 signed note text" --sign >/dev/null
	"$D" note addendum $(( (f - 1) * 3 + 1 )) --text "$6 addendum text" >/dev/null
	"$D" note add --referral "$r" --kind other --text "$6 wrong note text" --sign >/dev/null
	"$D" note error $(( (f - 1) * 3 + 3 )) --reason "$6 wrong family" >/dev/null
	"$D" letter make --referral "$r" --kind acknowledgement >/dev/null
	"$D" appointment book --referral "$r" --date 2026-11-30 --time 10:00 --kind review --location clinic \
		--practitioners 1 >/dev/null
	"$D" person correct "$c" --family-name "$4" --postcode "NG7 2RD" --reason "$6 moved house" >/dev/null
	"$D" discharge --referral "$r" --date 2026-11-20 --reason planned_ending --care-status with_birth_family >/dev/null
	"$D" feedback add --referral "$r" --answers "yes;partly;;yes" --date 2026-11-21 >/dev/null
}
build 1 Annabel Bartholomew Example 9434765919 Alpha
build 2 Cordelia Desmond Otherfamily 4505577104 Bravo
expect 0 "Alpha addendum text" -- "$D" note list 1

# The copy of family 1.
expect 0 "Wrote family 1's copy into copy1: family-1.html and family-1.json" -- "$D" family copy 1 copy1
H=copy1/family-1.html
J=copy1/family-1.json
check "two files, nothing else" bash -c '[ "$(ls copy1 | tr "\n" " ")" = "family-1.html family-1.json " ]'
check "the JSON parses" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$J"
check "the HTML parses, every element closed" python3 - "$H" <<'EOF'
import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "hr", "img", "input", "link"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []; self.bad = 0
    def handle_starttag(self, t, a):
        if t not in VOID: self.stack.append(t)
    def handle_endtag(self, t):
        if not self.stack or self.stack.pop() != t: self.bad += 1
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read()); p.close()
sys.exit(1 if p.bad or p.stack else 0)
EOF
check "no script, the style inline" bash -c "! grep -qi '<script' $H && grep -q '<style>' $H && ! grep -qi 'stylesheet' $H"

# Every kind of record of family 1, in both files.
py() { python3 -c "import json,sys; d=json.load(open('$J')); sys.exit(0 if ($1) else 1)"; }
check "JSON: both people" py "len(d['people']) == 2 and d['people'][0]['given_name'] == 'Annabel'"
check "JSON: the NHS number" py "d['people'][0]['nhs_number'] == '9434765919'"
check "JSON: the referral and its history" py "len(d['referrals']) == 1 and len(d['referral_history']) >= 2"
check "JSON: the contact, naming its practitioner" py "d['contacts'][0]['practitioners'] == ['Pat Smith']"
check "JSON: the appointment" py "d['appointments'][0]['kind'] == 'review' and d['appointments'][0]['time'] == '10:00'"
check "JSON: the safeguarding period" py "d['safeguarding'][0]['status'] == 'child_in_need'"
check "JSON: the measure with its scores" py "d['measures'][0]['instrument'] == 'phq9' and d['measures'][0]['scores'][0]['score'] == 8"
check "JSON: the goal and its rating" py "d['goals'][0]['text'].startswith('Alpha goal') and d['goals'][0]['ratings'][0]['rating'] == 4"
check "JSON: the care plan" py "d['care_plans'][0]['intervention'] == 'parent_infant_psychotherapy'"
check "JSON: three notes: signed, addendum, entered in error" \
	py "[n['state'] for n in d['notes']] == ['signed', 'signed', 'entered in error'] and d['notes'][1]['addendum_to'] == 1"
check "JSON: the entered-in-error reason" py "d['notes'][2]['error_reason'] == 'Alpha wrong family'"
check "JSON: the letter's words" py "d['letters'][0]['kind'] == 'acknowledgement' and 'Annabel' in d['letters'][0]['text']"
check "JSON: the feedback" py "d['feedback'][0]['answers'] == 'yes;partly;;yes'"
check "JSON: the corrections" py "any(c['field'] == 'postcode' and c['old_value'] == 'NG7 2UH' for c in d['corrections'])"
for s in "Annabel" "Bartholomew" "9434765919" "Alpha signed note text" "Alpha addendum text" "Alpha wrong note text" \
	"Alpha goal: enjoy bath time" "Pat Smith" "child_in_need" "phq9" "parent_infant_psychotherapy" \
	"entered in error" "Alpha moved house" "yes;partly;;yes" "1 September 2026" "30 November 2026"; do
	check "HTML holds '$s'" grep -qF "$s" "$H"
done
for s in People Referrals Contacts Appointments Safeguarding "Case notes" Letters "Family feedback" "Corrections to the record"; do
	check "HTML has the section '$s'" grep -qE "<h2>$s" "$H"
done
check "HTML marks the note entered in error" grep -q '<td class="error">entered in error</td>' "$H"
check "HTML dates in UK form, not ISO" bash -c "! grep -qE '>2026-[0-9]{2}-[0-9]{2}<' $H"

# Nothing of family 2: names, NHS number, free text, its ids.
for f in "$H" "$J"; do
	for s in Cordelia Desmond Otherfamily 4505577104 Bravo; do
		check "$(basename "$f") holds nothing of family 2 ('$s')" bash -c "! grep -qF '$s' '$f'"
	done
done
check "JSON: only family 1's ids" py "all(p['person_id'] in (1, 2) for p in d['people']) and \
all(x.get('referral_id') == 1 for k in ('referrals','contacts','appointments','measures','goals','care_plans','notes','letters','feedback') for x in d[k]) and \
all(s['infant_id'] == 2 for s in d['safeguarding']) and all(c['record_id'] in (1, 2) for c in d['corrections'])"
check "no audit data in the copy" bash -c "! grep -qE 'note\\.sign|note\\.add|family\\.copy|\"action\"' '$J' '$H'"

# The audit: one family.copy entry naming family 1 and nothing else.
expect 0 "family.copy" -- "$D" audit show --family 1
check "the audit entry names the family only" bash -c \
	'[ "$(sql "$DYAD_DB" "SELECT entity || '"'"':'"'"' || entity_id || '"'"':'"'"' || COALESCE(detail, '"'"''"'"') FROM audit WHERE action = '"'"'family.copy'"'"'")" = "family:1:" ]'

# The folder: an empty one is filled; one that holds anything is refused
# and left as it was; a missing family or ID is refused and writes nothing.
mkdir empty
expect 0 "Wrote family 2's copy" -- "$D" family copy 2 empty
check "the empty folder now holds family 2's copy" test -s empty/family-2.html
mkdir full && echo keep >full/mine.txt
expect 3 "dir: exists and is not empty" -- "$D" family copy 1 full
check "the full folder is untouched" bash -c '[ "$(ls full)" = mine.txt ]'
echo x >afile
expect 3 "dir: exists and is not a folder" -- "$D" family copy 1 afile
expect 3 "family 9 does not exist" -- "$D" family copy 9 none
check "nothing written for a missing family" test ! -e none
expect 2 "ID: must be a family number" -- "$D" family copy x none
expect 1 "DIR" -- "$D" family copy 1
expect 0 "subject access|own copy" -- "$D" family copy --help
check "two copies audited, no more" bash -c '[ "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM audit WHERE action = '"'"'family.copy'"'"'")" = 2 ]'
finish
