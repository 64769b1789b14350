#!/usr/bin/env bash
# test_openapi.sh: the OpenAPI 3.1 document at /api/v1/openapi.json against
# what the server actually answers: it is the committed document; every API
# route in the source is documented and every documented operation exists;
# each documented GET, called as a manager, answers a status the document
# lists, and a 200 carries every property the document requires.
. "$(dirname "$0")/lib.sh"

setup_db 20
read -r F E I <<<"$(sql "$DYAD_DB" "SELECT family_id, id, infant_id FROM episode ORDER BY id LIMIT 1" | tr '|' ' ')"
start_server

doc=$(curl -s "${URL}api/v1/openapi.json")
check "openapi version" "$(jq -r .openapi <<<"$doc")" "3.1.0"
check "served document is the committed one" "$(jq -S . <<<"$doc" | md5sum)" "$(jq -S . "$SRC/src/http/openapi.json" | md5sum)"

# Every route of the API source files is documented, with its method.
while read -r method pattern; do
	m=$(tr 'A-Z' 'a-z' <<<"${method#HTTP_}")
	has=$(jq -r --arg p "$pattern" --arg m "$m" '.paths[$p][$m] != null' <<<"$doc")
	check "documented: $method $pattern" "$has" true
done < <(grep -hoE '\{HTTP_(GET|POST|PUT|PATCH|DELETE), "/api/v1/[^"]*"' "$SRC"/src/http/api_*.c | sed -E 's/^\{(HTTP_[A-Z]+), "(.*)"$/\1 \2/')

# Every documented operation answers as documented.
subst() { sed -e "s/{id}/$2/" <<<"$1"; }
while IFS=$'\t' read -r path method; do
	case $path in
	*/instruments/*) real=$(subst "$path" epds) ;;
	*/families/*) real=$(subst "$path" "$F") ;;
	*/people/*) real=$(subst "$path" "$I") ;;
	*/reports/*) real=${path/\{name\}/waiting} ;;
	*) real=$(subst "$path" "$E") ;;
	esac
	query=
	case $path in /api/v1/reports/*) query='?from=2025-01-01' ;; /api/v1/search) query='?q=an' ;; esac
	statuses=$(jq -r --arg p "$path" --arg m "$method" '.paths[$p][$m].responses | keys | join(" ")' <<<"$doc")
	if [ "$method" = get ]; then
		api manager GET "$real$query"
	else
		# An empty object: the operation must exist (so not 404/405 for its path) and refuse or act.
		api manager "$(tr a-z A-Z <<<"$method")" "$real" '{}'
	fi
	case " $statuses " in *" $CODE "*) ok ;; *) bad "$method $path answered $CODE, documented: $statuses" ;; esac
	if [ "$CODE" = 200 ] || [ "$CODE" = 201 ]; then
		ref=$(jq -r --arg p "$path" --arg m "$method" --arg c "$CODE" '.paths[$p][$m].responses[$c].content["application/json"].schema["$ref"] // ""' <<<"$doc")
		[ -z "$ref" ] && continue
		name=${ref##*/}
		required=$(jq -r --arg n "$name" '.components.schemas[$n] | (.required // [.allOf[]?.required // []] | flatten) | join(" ")' <<<"$doc")
		for prop in $required; do
			has=$(jq --arg k "$prop" 'has($k)' <<<"$BODY")
			check "$method $path: $CODE has '$prop' ($name)" "$has" true
		done
	elif [ "${CODE:0:1}" = 4 ]; then
		check "$method $path: $CODE has the error shape" "$(jq -r '.error | has("code") and has("field") and has("message")' <<<"$BODY")" true
	fi
done < <(jq -r '.paths | to_entries[] | .key as $p | .value | keys[] | [$p, .] | @tsv' <<<"$doc")

stop_server
finish
