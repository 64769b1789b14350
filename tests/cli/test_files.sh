# test_files.sh: export is all or nothing into a new private folder with a
# manifest that import checks; import reads only plain files (symbolic
# links, FIFOs and folders are refused plainly, never followed or waited on).
#   bash test_files.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"

mode() { stat -c %a "$1"; }
umask 022
expect 0 "Added 20 families" -- "$DYAD" demo --families 20 --seed 4

# --- export: private, complete, refuses an existing folder -----------------
expect 0 "Exported" -- "$DYAD" export out
check "the export folder is 0700 (is $(mode out))" [ "$(mode out)" = 700 ]
bad=$(find out -type f ! -perm 600 | wc -l)
check "every export file is 0600 ($bad are not)" [ "$bad" -eq 0 ]
check "the export has a manifest" [ -f out/manifest.csv ]
check "the manifest lists every other file" [ "$(tail -n +2 out/manifest.csv | wc -l)" -eq "$(ls out | grep -vc manifest.csv)" ]
check "nothing is left beside the export" [ "$(ls -A . | grep -vc '^test.db\|^out$')" -eq 0 ]
expect 3 "already exists.*--replace" -- "$DYAD" export out
echo keep >out/old-note.txt
expect 0 "Exported" -- "$DYAD" export out --replace
check "--replace swaps the whole folder" [ ! -e out/old-note.txt ]
check "--replace leaves nothing beside the export" [ "$(ls -A . | grep -vc '^test.db\|^out$')" -eq 0 ]
# A writer killed between making its private folder and renaming it leaves
# that folder: the next export beside it removes it when its process is gone,
# and never the folder of an export still running.
mkdir orphans && mkdir orphans/.a.dyad-export-4194999-AbC123 && touch orphans/.a.dyad-export-4194999-AbC123/people.csv
mkdir orphans/.b.dyad-export-$$-XyZ789
expect 0 "Exported" -- "$DYAD" export orphans/new
check "a dead writer's private folder is removed" [ ! -e orphans/.a.dyad-export-4194999-AbC123 ]
check "a running writer's private folder is kept" [ -d orphans/.b.dyad-export-$$-XyZ789 ]
rm -rf orphans
# A planted symbolic link where a temporary file used to go is never written through.
mkdir plant && echo "victim" >victim.txt
ln -s ../victim.txt plant/people.csv.tmp
ln -s ../victim.txt plant/people.csv
expect 3 "already exists" -- "$DYAD" export plant
expect 0 "Exported" -- "$DYAD" export plant --replace
check "the victim file is untouched" [ "$(cat victim.txt)" = victim ]
# A target that is a file, or a symbolic link, is refused even with --replace.
ln -s out linkdir
expect 3 "not a folder" -- "$DYAD" export linkdir --replace
check "the link's folder is untouched" [ -f out/manifest.csv ]

# --- import checks the manifest -------------------------------------------
expect 0 "Imported" -- "$DYAD" --db ok.db import out
cp -r out cut && head -n -1 cut/contacts.csv >cut/c && mv cut/c cut/contacts.csv
expect 2 "manifest.csv.*contacts.csv does not match its checksum" -- "$DYAD" --db cut.db import cut
cp -r out gone && rm gone/goals.csv
expect 2 "manifest.csv.*goals.csv, which is missing" -- "$DYAD" --db gone.db import gone
check "a refused import leaves no database behind" [ ! -e cut.db ]
# Files without a manifest (made by hand) still import.
cp -r out hand && rm hand/manifest.csv
expect 0 "Imported" -- "$DYAD" --db hand.db import hand

# --- import reads only plain files ----------------------------------------
mkdir sym && cp out/people.csv sym/real.csv && ln -s real.csv sym/people.csv
expect 2 "people.csv.*symbolic link" -- "$DYAD" --db s1.db import sym
mkdir dang && cp out/people.csv dang/ && ln -s /nonexistent/x.csv dang/referrals.csv
expect 2 "referrals.csv.*symbolic link" -- "$DYAD" --db s2.db import dang
mkdir fifo && cp out/people.csv fifo/ && mkfifo fifo/contacts.csv
expect 2 "contacts.csv.*not a plain file" -- timeout 10 "$DYAD" --db s3.db import fifo
mkdir isdir && mkdir isdir/people.csv
expect 2 "people.csv.*is a folder, not a file" -- "$DYAD" --db s4.db import isdir

# --- the formula guard round-trips ----------------------------------------
expect 0 "" -- "$DYAD" --db f.db init
expect 0 "Added practitioner" -- "$DYAD" --db f.db practitioner add --name "'=SUM(1)" --profession admin
expect 0 "Added practitioner" -- "$DYAD" --db f.db practitioner add --name "=HYPERLINK(1)" --profession admin
expect 0 "Exported" -- "$DYAD" --db f.db export fx
expect 0 "Imported" -- "$DYAD" --db f2.db import fx
a=$("$DYAD" --db f.db --format csv practitioner list)
b=$("$DYAD" --db f2.db --format csv practitioner list)
check "names starting with ' and = round-trip: [$b]" [ "$a" = "$b" ]
check "the typed apostrophe is kept" grep -q "''=SUM(1)" fx/practitioners.csv
finish
