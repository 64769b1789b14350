# test_merge.sh: `dyad duplicates` and `dyad family merge` (docs/merge.md):
# likely duplicates found for each reason and not otherwise; a merge moves
# every kind of record (rows counted per table before and after), joins a
# person recorded twice into one, keeps the merged family as a tombstone
# hidden from lists and search, is shown in the history and the audit (ids
# only), and is refused whole at each boundary.
#   bash test_merge.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"

"$DYAD" init >/dev/null
# Family 1: Ann and Bo. Family 2: the same two typed again (case differs).
# Family 3: Ann one letter off, same postcode and date of birth.
# Family 4: Anne, one letter off family 3's Ann but another postcode: not alike.
for f in 1 2 3 4; do "$DYAD" family add >/dev/null; done
"$DYAD" person add --family 1 --role caregiver --relationship mother --given-name Ann --family-name Example \
	--dob 1996-04-01 --postcode "NG7 2UH" >/dev/null                                   # person 1
"$DYAD" person add --family 1 --role infant --given-name Bo --family-name Example --dob 2026-06-01 >/dev/null # 2
"$DYAD" person add --family 2 --role caregiver --relationship mother --given-name ANN --family-name EXAMPLE \
	--dob 1996-04-01 >/dev/null                                                        # person 3
"$DYAD" person add --family 2 --role infant --given-name bo --family-name example --dob 2026-06-01 >/dev/null # 4
"$DYAD" person add --family 3 --role caregiver --relationship mother --given-name Ann --family-name Exampel \
	--dob 1996-04-01 --postcode "ng7 2uh" >/dev/null                                   # person 5
"$DYAD" person add --family 4 --role caregiver --relationship mother --given-name Anne --family-name Exampel \
	--dob 1996-04-01 --postcode "NG7 2UJ" >/dev/null                                   # person 6

expect 0 "same_name_dob +caregiver +1996-04-01 +1 +1 +Ann Example" -- "$DYAD" duplicates
expect 0 "same_name_dob +infant +2026-06-01 +1 +2 +Bo Example" -- "$DYAD" duplicates
expect 0 "similar_name_postcode_dob +caregiver +1996-04-01 +1 +1 .* +3 +5 +Ann Exampel" -- "$DYAD" duplicates
out=$("$DYAD" --format csv duplicates)
check "three pairs: 1-3 and 2-4 by name and birth, 1-5 similar (3 has no postcode); family 4 in none" \
	test "$(tail -n +2 <<<"$out" | wc -l)" -eq 3
check "family 4's Ann is not a likely duplicate" bash -c '! grep -qE ",4,6," <<<"$0"' "$out"
expect 0 '"reason": "same_name_dob"' -- "$DYAD" --format json duplicates

# Referrals: both Anns are the caregiver of an open referral.
"$DYAD" referral add --family 1 --infant 2 --caregiver 1 --received 2026-09-01 --source gp >/dev/null      # 1
"$DYAD" referral add --family 2 --infant 4 --caregiver 3 --received 2026-09-02 --source gp >/dev/null      # 2
"$DYAD" note add --referral 2 --kind telephone --text "Spoke to mother" --sign >/dev/null
"$DYAD" person correct 3 --postcode "NG7 2UH" --reason "postcode on the letter" >/dev/null

# Refusals, nothing changed.
expect 2 "merge: a family cannot be merged into itself" -- "$DYAD" family merge --keep 1 --merge 1 --reason "same"
expect 2 "reason" -- "$DYAD" family merge --keep 1 --merge 2 --reason " "
expect 1 "reason" -- "$DYAD" family merge --keep 1 --merge 2
expect 3 "family 99 does not exist" -- "$DYAD" family merge --keep 1 --merge 99 --reason "typed twice"
expect 3 "caregiver 1 of family 1 and caregiver 3 of family 2 are one person, and both are the caregiver of an open referral" \
	-- "$DYAD" family merge --keep 1 --merge 2 --reason "typed twice"
"$DYAD" referral triage 2 --decision declined --date 2026-09-03 --reason "already known" >/dev/null
"$DYAD" safeguarding set --infant 2 --status child_in_need --from 2026-09-04 >/dev/null
"$DYAD" safeguarding set --infant 4 --status early_help --from 2026-09-05 >/dev/null
expect 3 "infant 2 of family 1 and infant 4 of family 2 are one infant with two different current safeguarding statuses" \
	-- "$DYAD" family merge --keep 1 --merge 2 --reason "typed twice"
check "a refused merge changes nothing" test "$(sql "$DYAD_DB" \
	"SELECT COUNT(*) FROM family WHERE merged_into IS NOT NULL") $(sql "$DYAD_DB" "SELECT family_id FROM episode WHERE id = 2")" = "0 2"
# The statuses agree now: one current status (child in need) on both records.
"$DYAD" safeguarding set --infant 4 --status child_in_need --from 2026-09-06 >/dev/null
# Another team's family cannot be merged.
"$DYAD" team add --code other --name "Other team" >/dev/null
sql "$DYAD_DB" "INSERT INTO family (id, team_id, created_on) VALUES (9, 2, '2026-01-01')"
expect 3 "families 1 and 9 are of different teams" -- "$DYAD" family merge --keep 1 --merge 9 --reason "x"

sg_before=$(sql "$DYAD_DB" "SELECT COUNT(*) FROM safeguarding")
expect 0 "Merged family 2 into family 1 \(merge 1\): people_joined 2, episodes 1, safeguarding 2, notes 1, corrections 1" -- \
	"$DYAD" family merge --keep 1 --merge 2 --reason "typed twice at referral"
expect 0 "Family 2 has been merged into family 1" -- "$DYAD" family show 2
expect 0 '"merged_into": 1' -- "$DYAD" --format json family show 2
# The second referral is family 1's now, with family 1's Ann and Bo.
check "referral 2 is family 1's, its caregiver person 1 and infant person 2" test \
	"$(sql "$DYAD_DB" "SELECT family_id, caregiver_id, infant_id FROM episode WHERE id = 2")" = "1|1|2"
check "Bo's safeguarding periods are all on person 2" test \
	"$(sql "$DYAD_DB" "SELECT COUNT(*) FROM safeguarding WHERE infant_id = 2") $(sql "$DYAD_DB" "SELECT COUNT(*) FROM safeguarding")" = "$sg_before $sg_before"
check "the signed note stays signed, on its referral" test \
	"$(sql "$DYAD_DB" "SELECT episode_id, CASE WHEN signed_at IS NULL THEN 0 ELSE 1 END FROM note")" = "2|1"
check "the correction moved with the family" test "$(sql "$DYAD_DB" "SELECT family_id FROM correction")" = "1"
check "SQL still cannot change a correction otherwise" eval \
	'! sql "$DYAD_DB" "UPDATE correction SET new_value = '"'x'"'" 2>/dev/null'
check "SQL still cannot move a signed note" eval '! sql "$DYAD_DB" "UPDATE note SET episode_id = 1" 2>/dev/null'
check "SQL cannot change or delete a merge" eval \
	'! sql "$DYAD_DB" "UPDATE family_merge SET reason = '"'x'"'" 2>/dev/null && ! sql "$DYAD_DB" "DELETE FROM family_merge" 2>/dev/null'
expect 0 "family +2 +merged_into +1 +typed twice at referral" -- "$DYAD" history --family 1
expect 0 "merged_into" -- "$DYAD" history --family 2
# The tombstone is hidden: lists, search, duplicates.
out=$("$DYAD" --format csv family list)
check "family list leaves out the tombstone" bash -c '! grep -qE "^2," <<<"$0" && grep -qE "^1," <<<"$0"' "$out"
out=$("$DYAD" --format csv find example)
check "find finds family 1's Ann, never the tombstone's" bash -c 'grep -qE "^1,1," <<<"$0" && ! grep -qE "^2," <<<"$0"' "$out"
out=$("$DYAD" --format csv duplicates)
check "the tombstone's people are no longer duplicates" bash -c '! grep -qE ",2,[34]," <<<"$0"' "$out"
out=$("$DYAD" --format csv retention review --as-of 2100-01-01)
check "the retention review leaves out the tombstone" bash -c 'grep -qE "^3," <<<"$0" && ! grep -qE "^2," <<<"$0"' "$out"
# Refused after: merged already, on either side.
expect 3 "family 2 has been merged into family 1 already" -- "$DYAD" family merge --keep 1 --merge 2 --reason "again"
expect 3 "family 2 has been merged into family 1 already" -- "$DYAD" family merge --keep 2 --merge 3 --reason "again"
expect 3 "family: family 2 was merged into family 1: add to that family" -- "$DYAD" person add --family 2 \
	--role caregiver --relationship father --given-name Eli --family-name Late --dob 1990-01-01
# The audit names the families, never a person's details.
check "the audit records the merge with ids only" test \
	"$(sql "$DYAD_DB" "SELECT entity_id, detail FROM audit WHERE action = 'family.merge'")" = "2|into=1"
check "no names in the audit" eval '! sql "$DYAD_DB" "SELECT * FROM audit" | grep -qiE "example|1996-04-01"'
# The same safeguarding period on both records of one infant: refused (it
# would be one period twice); a day apart, the merge goes ahead.
K=$("$DYAD" family add | grep -oE "[0-9]+" | head -1)
M=$("$DYAD" family add | grep -oE "[0-9]+" | head -1)
IK=$("$DYAD" person add --family "$K" --role infant --given-name Cy --family-name Same --dob 2026-05-01 |
	grep -oE "infant [0-9]+" | grep -oE "[0-9]+")
IM=$("$DYAD" person add --family "$M" --role infant --given-name Cy --family-name Same --dob 2026-05-01 |
	grep -oE "infant [0-9]+" | grep -oE "[0-9]+")
"$DYAD" safeguarding set --infant "$IK" --status early_help --from 2026-06-01 >/dev/null
"$DYAD" safeguarding set --infant "$IM" --status early_help --from 2026-06-01 >/dev/null
expect 3 "infant $IK of family $K and infant $IM of family $M are one infant, and both hold the same safeguarding period" \
	-- "$DYAD" family merge --keep "$K" --merge "$M" --reason "typed twice"
sql "$DYAD_DB" "UPDATE safeguarding SET started_on = '2026-06-02' WHERE infant_id = $IM"
expect 0 "Merged family $M into family $K .*people_joined 1, safeguarding 1" -- \
	"$DYAD" family merge --keep "$K" --merge "$M" --reason "typed twice"
check "infant $IK holds both periods, both current, of one status" test "$(sql "$DYAD_DB" \
	"SELECT COUNT(*), SUM(CASE WHEN ended_on IS NULL THEN 1 ELSE 0 END) FROM safeguarding WHERE infant_id = $IK")" = "2|2"

# Every kind of record moves: synthetic families, one merge per kind into
# family A; per table, A's rows after = A's before + the merged family's,
# the merged family's 0, and no row lost or added.
DYAD_DB=$(fresh_db demo)
"$DYAD" demo --families 120 >/dev/null
A=$(sql "$DYAD_DB" "SELECT MIN(id) FROM family")
# A signed note, an appointment and a correction, each on another family's
# open referral (none of them A's).
open_of() { # the newest open referral of the Nth family from the top that has one
	sql "$DYAD_DB" "SELECT MAX(id) FROM episode WHERE state NOT IN ('declined','signposted','discharged')
		AND family_id <> $A GROUP BY family_id ORDER BY family_id DESC LIMIT 1 OFFSET $1"
}
"$DYAD" note add --referral "$(open_of 0)" --kind other --text "Moved later" --sign >/dev/null
P=$(sql "$DYAD_DB" "SELECT MIN(id) FROM practitioner")
"$DYAD" appointment book --referral "$(open_of 1)" --date 2026-12-01 --time 10:00 --kind review --location clinic \
	--practitioners "$P" >/dev/null
C=$(sql "$DYAD_DB" "SELECT caregiver_id FROM episode WHERE id = $(open_of 2)")
"$DYAD" person correct "$C" --postcode "NG1 1AA" --reason "moved house" >/dev/null
# kind|table|count of family ?'s rows
OF_EP="episode_id IN (SELECT id FROM episode WHERE family_id = FAM)"
KINDS="people|person|family_id = FAM
episodes|episode|family_id = FAM
contacts|contact|$OF_EP
measures|measure|$OF_EP
safeguarding|safeguarding|infant_id IN (SELECT id FROM person WHERE family_id = FAM)
notes|note|$OF_EP
goals|goal|$OF_EP
care_plans|care_plan|$OF_EP
appointments|appointment|$OF_EP
group_enrolments|group_enrolment|$OF_EP
letters|letter|$OF_EP
feedback|feedback|$OF_EP
video_cycles|video_cycle|$OF_EP
corrections|correction|family_id = FAM
consultations|consultation|family_id = FAM"
count() { sql "$DYAD_DB" "SELECT COUNT(*) FROM $1 WHERE ${2//FAM/$3}"; }
while IFS='|' read -r kind table where; do
	B=$(sql "$DYAD_DB" "SELECT MIN(f.id) FROM family f WHERE f.id <> $A AND f.merged_into IS NULL
		AND EXISTS (SELECT 1 FROM $table WHERE ${where//FAM/f.id})")
	if [ -z "$B" ]; then
		echo "FAIL: no family has $kind"
		failed=$((failed + 1))
		continue
	fi
	total=$(sql "$DYAD_DB" "SELECT COUNT(*) FROM $table")
	a=$(count "$table" "$where" "$A")
	b=$(count "$table" "$where" "$B")
	expect 0 "Merged family $B into family $A .* $kind $b[,.]" -- \
		"$DYAD" family merge --keep "$A" --merge "$B" --reason "one family recorded twice ($kind)"
	check "$kind: family $A holds $a + $b rows, family $B none, $total in all" test \
		"$(count "$table" "$where" "$A") $(count "$table" "$where" "$B") $(sql "$DYAD_DB" "SELECT COUNT(*) FROM $table")" \
		= "$((a + b)) 0 $total"
done <<<"$KINDS"
check "every merge recorded, with its counts" test "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM family_merge")" -eq 15
out=$("$DYAD" --format csv family list --all)
check "no tombstone is listed" test "$(tail -n +2 <<<"$out" | wc -l)" -eq "$(sql "$DYAD_DB" \
	"SELECT COUNT(*) FROM family WHERE merged_into IS NULL")"

# Round trip: export, import into a new database, export again: the same
# bytes; the tombstones and merges come back.
expect 0 "15 family merges" -- "$DYAD" export "$WORK/x1"
check "family_merges.csv holds the 15 merges" test "$(tail -n +2 "$WORK/x1/family_merges.csv" | wc -l)" -eq 15
check "family_merges.csv's counts are the merge's" eval \
	'head -1 "$WORK/x1/family_merges.csv" | tr -d "\r" | grep -q "^merge_id,kept_family_id,merged_family_id,reason,merged_by,merged_at,people,people_joined,episodes,contacts,measures,safeguarding,notes,goals,care_plans,appointments,group_enrolments,letters,feedback,video_cycles,corrections,consultations$"'
DEMO_DB=$DYAD_DB
DYAD_DB=$(fresh_db again)
expect 0 "15 family merges" -- "$DYAD" import "$WORK/x1"
expect 0 "" -- "$DYAD" export "$WORK/x2"
check "export -> import -> export gives the same bytes" diff -r "$WORK/x1" "$WORK/x2"
check "the tombstones come back" test "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM family WHERE merged_into = $A")" -eq 15
B1=$(sql "$DYAD_DB" "SELECT MIN(merged) FROM family_merge")
expect 0 "Family $B1 has been merged into family $A" -- "$DYAD" family show "$B1"
# A bad row is refused whole, with file, line and column.
sed -i '2s/,[0-9]*,\([^,]*\)$/,-1,\1/' "$WORK/x1/family_merges.csv"
rm "$WORK/x1/manifest.csv"
DYAD_DB=$(fresh_db bad)
expect 2 "family_merges.csv line 2.*corrections: must be a count" -- "$DYAD" import "$WORK/x1"
expect 2 "nothing was imported" -- "$DYAD" import "$WORK/x1"
finish
