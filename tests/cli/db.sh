# db.sh: which store a CLI test runs on (sourced by lib.sh and by tests
# that keep their own folder). Set DB_DIR to the test's folder first.
# With DYAD_TEST_PG naming the socket folder of a throwaway PostgreSQL
# server (scripts/pg-cluster; make test-pg) every database is a new one on
# that server, else a file in DB_DIR.

# fresh_db NAME: the URL of a new, empty database.
fresh_db() {
	if [ -n "${DYAD_TEST_PG:-}" ]; then
		local name="${1}_db_$$_${RANDOM}"
		/usr/lib/postgresql/15/bin/createdb -h "$DYAD_TEST_PG" -U dyad "$name" || exit 1
		echo "postgresql:///$name?host=$DYAD_TEST_PG&user=dyad"
	else
		echo "$DB_DIR/$1.db"
	fi
}

# sql DB QUERY: QUERY's rows as a|b lines, from either store (for checks
# a user cannot make through dyad itself).
sql() {
	case "$1" in
	postgres*) psql "$1" -XAtq -F'|' -c "$2" ;;
	*) sqlite3 "$1" "$2" ;;
	esac
}

# on_pg: true when this run is against PostgreSQL.
on_pg() { [ -n "${DYAD_TEST_PG:-}" ]; }
