# test_no_personal.sh: no message repeats a value a person typed or a file
# held. A unique marker (which is also a well-formed NHS number with a wrong
# check digit) is planted in every option, argument and position of every
# command, and in every column of every import file, one at a time; every
# run that fails must not show the marker anywhere in what it prints.
#   bash test_no_personal.sh DYAD_BINARY SOURCE_DIR
source "$(dirname "$0")/../cli/lib.sh"
M=Zq9Mk9434765919
export DYAD_USER=tester
# sweep ARGS...: runs dyad ARGS; a failure must not print the marker.
runs=0 leaks=0
sweep() {
	local out rc
	out=$(timeout 20 "$DYAD" "$@" 2>&1 </dev/null)
	rc=$?
	runs=$((runs + 1))
	if [ "$rc" -ne 0 ] && grep -qi -- "$M" <<<"$out"; then
		leaks=$((leaks + 1))
		echo "LEAK: dyad $* -> $(grep -i -- "$M" <<<"$out" | head -2)"
	fi
}

"$DYAD" demo --families 5 --seed 9 >/dev/null
# Case notes of every state, so that notes.csv has rows to plant the marker in.
"$DYAD" note add --referral 1 --kind safeguarding --text "Seen at home." --sign >/dev/null
"$DYAD" note addendum 1 --text "Later: social worker told." >/dev/null
"$DYAD" note add --referral 1 --kind contact --text "Signed then withdrawn." --sign >/dev/null
"$DYAD" note error 3 --reason "wrong family" >/dev/null
"$DYAD" note add --referral 1 --kind other --text "A draft." >/dev/null
"$DYAD" export clean >/dev/null

# --- a note's words (and an error reason) reach no log, audit or message ----
P=Zq9Mk_notewords
"$DYAD" note add --referral 2 --kind safeguarding --text "$P one" --sign >/dev/null
"$DYAD" note add --referral 2 --kind other --text "$P draft" >/dev/null
"$DYAD" note edit 6 --text "$P draft two" >/dev/null
"$DYAD" note addendum 5 --text "$P two" >/dev/null
"$DYAD" note error 5 --reason "$P reason" >/dev/null
out=$( (
	"$DYAD" note edit 5 --text "$P three"
	"$DYAD" note sign 5
	"$DYAD" note addendum 6 --text "$P four"
	"$DYAD" note error 6 --reason "$P five"
	"$DYAD" note add --referral 2 --kind bad --text "$P six"
	"$DYAD" note add --referral 999 --kind other --text "$P seven"
	"$DYAD" family show 2
	"$DYAD" audit show 2
	"$DYAD" --format json audit show 2
) 2>&1)
check "note commands' messages and the audit view hold no note's words" bash -c '! grep -q "$0" <<<"$1"' "$P" "$out"
check "the audit table holds no note's words" \
	bash -c '[ "$(sqlite3 "$1" "SELECT count(*) FROM audit WHERE coalesce(detail,\"\") || action || entity LIKE \"%$0%\"")" = 0 ]' \
	"$P" "$DYAD_DB"
check "the notes themselves were kept" bash -c '"$0" note list 2 --all | grep -q "$1 two"' "$DYAD" "$P"

# --- every command, every option, every position --------------------------
sweep "$M"
sweep --format "$M" family list
sweep --format="$M" family list
sweep family "$M"
"$DYAD" --help | sed -n '/^commands:/,/^$/p' | tail -n +2 | grep -v '^$' >cmds.txt
while read -r noun second _; do
	case $noun in serve | version | init | demo) continue ;; esac
	verb=
	[[ $second =~ ^[a-z][a-z-]*$ ]] && verb=$second
	help=$("$DYAD" $noun $verb --help)
	npos=$(head -1 <<<"$help" | sed 's/\[options\]//' | tr ' ' '\n' | grep -c '^[A-Z][A-Z]*$')
	pos=()
	for ((i = 0; i < npos; i++)); do pos+=(1); done
	opts=$(grep -oE '^  --[a-z-]+( [A-Z]+)?' <<<"$help" | grep -vE -- '--(db|format|help)' | sed 's/^  //')
	# The marker as each positional argument (but a file or folder name,
	# which is named back so the user knows which one), and as one too many.
	names=($(head -1 <<<"$help" | sed 's/\[options\]//' | tr ' ' '\n' | grep '^[A-Z][A-Z]*$'))
	for ((i = 0; i < npos; i++)); do
		case ${names[i]} in DIR | FILE) continue ;; esac
		p=("${pos[@]}")
		p[i]=$M
		sweep $noun $verb "${p[@]}"
	done
	sweep $noun $verb "${pos[@]}" "$M"
	sweep $noun $verb "${pos[@]}" "--$M=$M"
	while read -r opt arg; do
		[ -n "$opt" ] || continue
		case $arg in DIR | FILE | PATH) continue ;; esac
		if [ -n "$arg" ]; then
			sweep $noun $verb "${pos[@]}" "$opt" "$M"
		else
			sweep $noun $verb "${pos[@]}" "$opt=$M"
		fi
	done <<<"$opts"
done <cmds.txt
check "the command sweep ran ($runs runs)" [ "$runs" -gt 150 ]
check "no command failure shows the marker ($leaks of $runs did)" [ "$leaks" -eq 0 ]

# --- every column of every import file -------------------------------------
runs=0 leaks=0
n=0
for f in clean/*.csv; do
	name=$(basename "$f")
	# manifest.csv is checked whole; team.csv holds the team's name, which
	# is shown on every page (not a person's)
	case $name in manifest.csv | team.csv) continue ;; esac
	[ "$(wc -l <"$f")" -ge 2 ] || continue
	ncols=$(head -1 "$f" | tr -d '\r' | tr ',' '\n' | wc -l)
	for ((c = 1; c <= ncols; c++)); do
		n=$((n + 1))
		rm -rf "bad$n" && cp -r clean "bad$n" && rm "bad$n/manifest.csv"
		# row 2, column c becomes the marker (the first row's cells hold no comma)
		awk -F, -v OFS=, -v c="$c" -v m="$M" 'NR == 2 { $c = m } { print }' "$f" >"bad$n/$name"
		sweep --db "bad$n.db" import "bad$n"
		# and, in the people file, with invalid UTF-8 and a control character
		[ "$name" = people.csv ] &&
		printf '%s' "$(awk -F, -v OFS=, -v c="$c" -v m="$M" 'NR == 2 { $c = "\xff" m "\x01" } { print }' "$f")" >"bad$n/$name"
		[ "$name" = people.csv ] && sweep --db "bad$n.db" import "bad$n"
		rm -rf "bad$n" "bad$n.db"
	done
done
check "the import sweep covered every column ($n columns)" [ "$n" -gt 60 ]
check "no import failure shows the marker ($leaks of $runs did)" [ "$leaks" -eq 0 ]
finish
