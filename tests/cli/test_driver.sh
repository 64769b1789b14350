#!/usr/bin/env bash
# The database driver chosen by the --db URL, seen from the command line:
# the trace: driver wraps the SQLite file, shows that one command is one
# write transaction, and a failure injected at commit leaves nothing saved.
source "$(dirname "$0")/lib.sh"

expect 0 "Created"                 -- "$DYAD" init --team-name "Driver Test"
expect 0 "Added family 1"          -- "$DYAD" --db "trace:log=$WORK/t.log:$DYAD_DB" family add
expect 0 ""                        -- test "$(grep -c '^begin write$' "$WORK/t.log")" -eq 1
expect 0 ""                        -- test "$(grep -c '^commit$' "$WORK/t.log")" -eq 1
expect 0 ""                        -- grep -q '^prepare INSERT INTO audit' "$WORK/t.log"
# A person's details travel as bound values: never in the trace.
expect 0 "Added caregiver"         -- "$DYAD" --db "trace:log=$WORK/p.log:$DYAD_DB" person add --family 1 \
	--role caregiver --relationship mother --given-name Zelda --family-name Quixote --nhs-number 9434765919
expect 1 ""                        -- grep -qiE 'Zelda|Quixote|9434765919' "$WORK/p.log"
# Commit fails: the command says so and the family is not there.
expect 4 "injected failure"        -- "$DYAD" --db "trace:fail=commit@1:$DYAD_DB" family add
expect 0 "Family 1"                -- "$DYAD" family show 1
expect 3 "family 2 does not exist|not found|does not exist" -- "$DYAD" family show 2
expect 1 "fail= takes OP@N"        -- "$DYAD" --db "trace:fail=soon:$DYAD_DB" family list
expect 4 "cannot connect to PostgreSQL" -- "$DYAD" --db "postgresql:///dyad?host=$WORK/no-server" family list
expect 1 "no driver for this database name" -- "$DYAD" --db "mysql://localhost/dyad" family list
finish
