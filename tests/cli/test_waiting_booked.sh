# test_waiting_booked.sh: the waiting list says what is booked (issue 12,
# "assessment booked for 12 March: within target"): each waiting clock's
# earliest booked appointment, on or after the list's day, of a kind that
# would stop it (an assessment for clock A; an intervention or group for
# clock B), and whether that day is within the clock's target. Other kinds,
# cancelled and moved bookings, and days before the list's do not count.
#   bash test_waiting_booked.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"

"$DYAD" init >/dev/null
"$DYAD" practitioner add --name "Pat Smith" --profession psychotherapist >/dev/null
# Four families, each a caregiver (id 2f-1) and an infant (id 2f).
for f in 1 2 3 4; do
	name=(x Able Baker Carter Dunn)
	"$DYAD" family add >/dev/null
	"$DYAD" person add --family $f --role caregiver --relationship mother --given-name Ann \
		--family-name "${name[$f]}" >/dev/null
	"$DYAD" person add --family $f --role infant --given-name Bo --family-name "${name[$f]}" --dob 2026-06-0$f \
		>/dev/null
done
# Clock A's target is 14 days from the referral: 29 November, 24 November,
# 4 December; referral 4 was assessed on 16 November (clock B, target
# 16 December).
"$DYAD" referral add --family 1 --infant 2 --caregiver 1 --received 2026-11-15 --source gp >/dev/null
"$DYAD" referral add --family 2 --infant 4 --caregiver 3 --received 2026-11-10 --source gp >/dev/null
"$DYAD" referral add --family 3 --infant 6 --caregiver 5 --received 2026-11-20 --source gp >/dev/null
"$DYAD" referral add --family 4 --infant 8 --caregiver 7 --received 2026-11-01 --source gp >/dev/null
for r in 1 2 3; do "$DYAD" referral triage $r --decision accepted --date 2026-11-21 >/dev/null; done
"$DYAD" referral triage 4 --decision accepted --date 2026-11-02 >/dev/null
"$DYAD" contact add --referral 4 --date 2026-11-16 --kind assessment --location clinic --attendance attended \
	>/dev/null || echo "FAIL: the assessment of referral 4 was not recorded"

# Today is Sunday 22 November 2026 (lib.sh).
book() { "$DYAD" appointment book --location home --practitioners 1 --time 10:00 "$@" >/dev/null ||
	echo "FAIL: booking $* refused"; }
book --referral 1 --kind assessment --date 2026-11-27           # appointment 1: within (29 Nov)
book --referral 1 --kind assessment --date 2026-12-10           # 2: later; the earliest counts
book --referral 2 --kind review --date 2026-11-23                # 3: a review stops no clock
book --referral 2 --kind assessment --date 2026-12-01           # 4: after target (24 Nov)
book --referral 2 --kind assessment --date 2026-11-24           # 5: within, then cancelled
"$DYAD" appointment cancel 5 --by family >/dev/null
book --referral 4 --kind assessment --date 2026-11-25           # 6: assessed already: no
book --referral 4 --kind intervention --intervention circle_of_security --date 2026-12-20  # 7: after (16 Dec)
book --referral 4 --kind intervention --intervention circle_of_security --date 2026-12-03  # 8: moved to 9
"$DYAD" appointment reschedule 8 --date 2026-12-04 >/dev/null

csv=$("$DYAD" --format csv waiting | tr -d '\r')
row() { grep -E "^$1,[0-9]+,[^,]*,$2," <<<"$csv"; }
check "the header names the booking columns" bash -c 'head -1 <<<"$0" | grep -qE ",booked,booked_on,booking$"' "$csv"
check "clock A: the earliest assessment, within target" \
	bash -c 'grep -qE ",A,.*,assessment,2026-11-27,within target$" <<<"$0"' "$(row 1 1)"
check "a review does not count; a cancelled booking does not count; after target" \
	bash -c 'grep -qE ",A,.*,assessment,2026-12-01,after target$" <<<"$0"' "$(row 2 2)"
check "nothing booked: the columns are empty" bash -c 'grep -qE ",A,.*,,,$" <<<"$0"' "$(row 3 3)"
check "clock B: an intervention, the moved booking's new day, within target" \
	bash -c 'grep -qE ",B,.*,intervention,2026-12-04,within target$" <<<"$0"' "$(row 4 4)"
expect 0 "assessment +2026-11-27 +within target" -- "$DYAD" waiting
expect 0 '"booking": "after target"' -- "$DYAD" --format json waiting
# As at 28 November the booking of the 27th has passed: the next one counts.
check "as at a later day, only bookings from that day" bash -c \
	'"$1" --format csv waiting --as-of 2026-11-28 | tr -d "\\r" | grep -qE "^1,2,[^,]*,1,A,.*,assessment,2026-12-10,after target$"' \
	_ "$DYAD"
echo "$csv" >finish2; finish
