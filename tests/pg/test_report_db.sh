#!/usr/bin/env bash
# test_report_db.sh: reports answered from the report database (--report-db
# URL, $DYAD_REPORT_DB; a read replica), everything else from --db. The two
# databases hold different teams' data, so the figures show which one
# answered: every report follows the report database, on the command line
# and through `dyad serve`'s API, while listings read and writes go to
# --db. The report database is reached as a read-only role in read-only
# transactions, as a hot standby is; a missing one, or one at another
# schema version, is refused.
#   bash test_report_db.sh DYAD_BINARY SOURCE_DIR   (make test-pg)
source "$(dirname "$0")/../http/lib.sh"
on_pg || { echo "FAIL: run by make test-pg (DYAD_TEST_PG unset)"; echo "0 passed, 1 failed"; exit 1; }

setup_db 40 # --db: 40 families, users and tokens
rep=$(fresh_db replica)
"$DYAD" --db "$rep" demo --families 150 --seed 5 >/dev/null || exit 1
period=(--from 2025-01-01 --to 2026-10-31)

main_json=$("$DYAD" --format json report waiting "${period[@]}" 2>/dev/null)
rep_json=$("$DYAD" --db "$rep" --format json report waiting "${period[@]}" 2>/dev/null)
check "the two databases' waiting figures differ" "$([ -n "$main_json" ] && [ "$main_json" != "$rep_json" ] && echo yes)" yes
check "--report-db: the report database's figures" \
	"$("$DYAD" --report-db "$rep" --format json report waiting "${period[@]}" 2>/dev/null)" "$rep_json"
check "--report-db=URL: the same" \
	"$("$DYAD" --format json --report-db="$rep" report waiting "${period[@]}" 2>/dev/null)" "$rep_json"
check "DYAD_REPORT_DB: the same" \
	"$(DYAD_REPORT_DB="$rep" "$DYAD" --format json report waiting "${period[@]}" 2>/dev/null)" "$rep_json"
check "--report-db overrides DYAD_REPORT_DB" \
	"$(DYAD_REPORT_DB="$rep" "$DYAD" --report-db "$DYAD_DB" --format json report waiting "${period[@]}" 2>/dev/null)" "$main_json"
out=$("$DYAD" --report-db "$rep" --report-db "$rep" report waiting "${period[@]}" 2>&1)
check "--report-db given twice: refused (exit 1)" "$?" 1
contains "given twice: the message" "$out" "report-db is given twice"

# Every report follows the report database.
for r in "outcomes ${period[*]}" "completeness ${period[*]}" "safeguarding ${period[*]}" "activity ${period[*]}" \
	"equity ${period[*]}" "workforce ${period[*]}" "feedback ${period[*]}" "quarterly --quarter 2026Q3" \
	"quarterly --quarter 2026Q3 --publish"; do
	# shellcheck disable=SC2086
	want=$("$DYAD" --db "$rep" --format json report $r 2>/dev/null)
	# shellcheck disable=SC2086
	got=$("$DYAD" --report-db "$rep" --format json report $r 2>/dev/null)
	check "report $r: from the report database" "$([ -n "$want" ] && [ "$got" = "$want" ] && echo yes)" yes
done

# Everything else reads and writes --db.
want=$("$DYAD" --format json family list --all 2>/dev/null)
check "family list: from --db" "$("$DYAD" --report-db "$rep" --format json family list --all 2>/dev/null)" "$want"
fam_main=$(sql "$DYAD_DB" "SELECT COUNT(*) FROM family")
fam_rep=$(sql "$rep" "SELECT COUNT(*) FROM family")
"$DYAD" --report-db "$rep" family add >/dev/null
check "a write goes to --db" "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM family")" $((fam_main + 1))
check "and never to the report database" "$(sql "$rep" "SELECT COUNT(*) FROM family")" "$fam_rep"

# A read-only role (docs/postgresql.md's grants) in read-only transactions,
# as on a hot standby: the reports are answered, and it cannot write.
role="rpt_$$_$RANDOM"
name=${rep#postgresql:///}
name=${name%%\?*}
sql "$rep" "CREATE ROLE $role LOGIN; GRANT USAGE ON SCHEMA public TO $role;
	GRANT SELECT ON ALL TABLES IN SCHEMA public TO $role; ALTER ROLE $role SET default_transaction_read_only = on" >/dev/null
ro="postgresql:///$name?host=$DYAD_TEST_PG&user=$role"
check "read-only role: the report answered" \
	"$("$DYAD" --report-db "$ro" --format json report waiting "${period[@]}" 2>/dev/null)" "$rep_json"
psql "$ro" -XAtq -c "INSERT INTO team (id, code, name) VALUES (99, 'x', 'x')" >/dev/null 2>&1
check "read-only role: a write is refused by the server" "$?" 1

# Refused: no such database, or one at another schema version.
out=$("$DYAD" --report-db "$WORK/none.db" report waiting "${period[@]}" 2>&1)
check "a missing report database: exit 3" "$?" 3
contains "a missing report database: the message" "$out" "report-db: there is no database at"
check "and no file is made for it" "$([ -e "$WORK/none.db" ] && echo made || echo none)" none
old=$(fresh_db old)
"$DYAD" --db "$old" demo --families 5 >/dev/null 2>&1
sql "$old" "DELETE FROM schema_migration WHERE version = (SELECT MAX(version) FROM schema_migration)" >/dev/null
out=$("$DYAD" --report-db "$old" report waiting "${period[@]}" 2>&1)
check "a report database at another schema version: exit 3" "$?" 3
contains "another schema version: the message" "$out" "report-db: the report database is at schema version"

# The web application: its report API and pages read the report database
# (the read-only role), its writes go to --db.
start_server --report-db "$ro"
api manager GET "/api/v1/reports/waiting?from=2025-01-01&to=2026-10-31"
check "API report: 200" "$CODE" 200
api_rep=$BODY
check "API report: the report database's figures (as the CLI gives them)" \
	"$(jq -S . <<<"$api_rep")" "$(jq -S . <<<"$rep_json")"
api manager GET "/api/v1/reports/activity?from=2025-01-01&to=2026-10-31&format=csv"
check "API report as CSV: from the report database" "$BODY" \
	"$("$DYAD" --db "$rep" --format csv report activity "${period[@]}" 2>/dev/null)"
api manager POST /api/v1/families
check "API write: 201" "$CODE" 201
check "API write: to --db" "$(sql "$DYAD_DB" "SELECT COUNT(*) FROM family")" $((fam_main + 2))
check "API write: not to the report database" "$(sql "$rep" "SELECT COUNT(*) FROM family")" "$fam_rep"
api manager GET /api/v1/families?limit=500
contains "API family list: from --db (its newest family)" "$BODY" "\"id\": ?$((fam_main + 2))[,}]"
stop_server
check "the server stops cleanly" "$?" 0
finish
