/* store_copy.c: one database's team tables copied into another and
 * verified by count and checksum (store_copy.h). The catalogue queries are
 * the only text written per dialect. */
#include "store/store_copy.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

#define MAX_COLS 64

/* The tables that belong to one database rather than to the team: the
 * migrations it has had (the target records its own), sign-in sessions
 * (people sign in again on the new server) and failed sign-ins; and the
 * report tallies and outcome rows (migrations 28 and 29), which the target
 * makes again from the records copied (store_bulk_end). */
static const char *const local_tables[] = {"schema_migration", "session",        "signin_throttle",
                                           "contact_tally",    "referral_tally", "report_measure"};

enum kind { K_INT, K_REAL, K_TEXT };

struct col {
	const char *name;
	enum kind kind;
	int pk; /* its place in the primary key (1-based), 0 when not in it */
};

struct table {
	const char *name;
	struct col cols[MAX_COLS];
	int ncols;
	const char *select_sql; /* every column, in primary-key order */
	const char **deps; /* tables it refers to (the target's foreign keys) */
	int ndeps;
	int placed;
};

int store_copy_is_local(const char *table)
{
	for (size_t i = 0; i < sizeof local_tables / sizeof *local_tables; i++)
		if (strcmp(table, local_tables[i]) == 0)
			return 1;
	return 0;
}

static const char *keep_str(struct arena *keep, const char *s, struct dy_err *e)
{
	char *p = arena_strdup(keep, s);
	if (!p)
		dy_fail(e, DY_EINTERNAL, "copy", "the copy's schema is larger than its memory allows");
	return p;
}

/* The names of db's tables, sorted by byte; *n how many. */
static int list_tables(db_t *db, struct arena *keep, const char **names, int *n, struct dy_err *e)
{
	const char *sql = db_dialect(db) == DB_DIALECT_PG
	                          ? "SELECT c.relname FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace"
	                            " WHERE s.nspname = current_schema() AND c.relkind IN ('r', 'p')"
	                            " ORDER BY c.relname COLLATE \"C\""
	                          : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'"
	                            " ORDER BY name";
	db_stmt_t *s = db_prepare(db, sql, e);
	if (!s)
		return DY_ESTORE;
	int rc;
	*n = 0;
	while ((rc = db_step(s, e)) == DB_ROW) {
		if (*n == STORE_COPY_TABLES) {
			db_step(s, e);
			return dy_fail(e, DY_EINTERNAL, "copy", "more than %d tables", STORE_COPY_TABLES);
		}
		if (!(names[(*n)++] = keep_str(keep, db_col_text(s, 0), e)))
			return DY_EINTERNAL;
	}
	return rc;
}

static enum kind kind_of(const char *type)
{
	char up[64];
	size_t i = 0;
	for (; type[i] && i < sizeof up - 1; i++)
		up[i] = (char)(type[i] >= 'a' && type[i] <= 'z' ? type[i] - 32 : type[i]);
	up[i] = 0;
	if (strstr(up, "INT"))
		return K_INT;
	if (strstr(up, "REAL") || strstr(up, "DOUBLE") || strstr(up, "FLOA"))
		return K_REAL;
	return K_TEXT;
}

/* The columns of table t in db, in their order, with their kinds and
 * primary-key places. */
static int read_cols(db_t *db, const char *table, struct arena *keep, struct col *cols, int *n, struct dy_err *e)
{
	const char *sql =
		db_dialect(db) == DB_DIALECT_PG
			? "SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
			  " COALESCE((SELECT k.n FROM pg_index i, unnest(i.indkey) WITH ORDINALITY AS k(att, n)"
			  "  WHERE i.indrelid = a.attrelid AND i.indisprimary AND k.att = a.attnum), 0)"
			  " FROM pg_attribute a"
			  " WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"
			: "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid";
	db_stmt_t *s = db_prepare(db, sql, e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, table);
	int rc;
	*n = 0;
	while ((rc = db_step(s, e)) == DB_ROW) {
		if (*n == MAX_COLS) {
			db_step(s, e);
			return dy_fail(e, DY_EINTERNAL, table, "more than %d columns", MAX_COLS);
		}
		struct col *c = &cols[(*n)++];
		if (!(c->name = keep_str(keep, db_col_text(s, 0), e)))
			return DY_EINTERNAL;
		c->kind = kind_of(db_col_text(s, 1));
		c->pk = (int)db_col_int(s, 2);
	}
	return rc;
}

/* The tables table refers to, by the foreign keys of db. */
static int read_deps(db_t *db, struct table *t, struct arena *keep, struct dy_err *e)
{
	const char *sql = db_dialect(db) == DB_DIALECT_PG
	                          ? "SELECT DISTINCT CAST(CAST(confrelid AS regclass) AS text) FROM pg_constraint"
	                            " WHERE conrelid = CAST(? AS regclass) AND contype = 'f'"
	                          : "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)";
	db_stmt_t *s = db_prepare(db, sql, e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, t->name);
	const char *found[STORE_COPY_TABLES];
	int rc, n = 0;
	while ((rc = db_step(s, e)) == DB_ROW)
		if (n < STORE_COPY_TABLES && !(found[n++] = keep_str(keep, db_col_text(s, 0), e)))
			return DY_EINTERNAL;
	if (rc)
		return rc;
	t->deps = arena_alloc(keep, sizeof *t->deps * (size_t)(n ? n : 1));
	if (!t->deps)
		return dy_fail(e, DY_EINTERNAL, "copy", "the copy's schema is larger than its memory allows");
	memcpy(t->deps, found, sizeof *found * (size_t)n);
	t->ndeps = n;
	return 0;
}

/* SQL text built into keep: "a", "b", ... quoted. */
static const char *built(struct arena *keep, struct buf *b, struct dy_err *e)
{
	const char *s = keep_str(keep, buf_cstr(b), e);
	buf_free(b);
	return s;
}

static void put_cols(struct buf *b, const struct table *t)
{
	for (int i = 0; i < t->ncols; i++)
		buf_printf(b, "%s\"%s\"", i ? ", " : "", t->cols[i].name);
}

static const char *select_sql(const struct table *t, struct arena *keep, struct dy_err *e)
{
	struct buf b;
	buf_init(&b, 1 << 20);
	buf_puts(&b, "SELECT ");
	put_cols(&b, t);
	buf_printf(&b, " FROM \"%s\" ORDER BY ", t->name);
	int any = 0;
	for (int k = 1; k <= t->ncols; k++)
		for (int i = 0; i < t->ncols; i++)
			if (t->cols[i].pk == k)
				buf_printf(&b, "%s\"%s\"", any++ ? ", " : "", t->cols[i].name);
	for (int i = 0; !any && i < t->ncols; i++) /* no primary key: every column */
		buf_printf(&b, "%s\"%s\" NULLS FIRST", i ? ", " : "", t->cols[i].name);
	return built(keep, &b, e);
}

/* Reads table t's columns on both sides and checks they agree. */
static int describe(db_t *from, db_t *to, struct table *t, struct arena *keep, struct dy_err *e)
{
	struct col other[MAX_COLS];
	int nother = 0;
	int rc = read_cols(from, t->name, keep, t->cols, &t->ncols, e);
	if (!rc)
		rc = read_cols(to, t->name, keep, other, &nother, e);
	if (rc)
		return rc;
	if (nother != t->ncols)
		return dy_fail(e, DY_ECONFLICT, t->name, "the source has %d columns and the target %d: both must be at the"
		               " same schema version", t->ncols, nother);
	for (int i = 0; i < t->ncols; i++) {
		int j = 0;
		while (j < nother && strcmp(other[j].name, t->cols[i].name) != 0)
			j++;
		if (j == nother)
			return dy_fail(e, DY_ECONFLICT, t->name, "column %s is not in the target", t->cols[i].name);
		if (other[j].kind != t->cols[i].kind)
			return dy_fail(e, DY_ECONFLICT, t->name, "column %s holds a different kind of value in the target",
			               t->cols[i].name);
	}
	if (!(t->select_sql = select_sql(t, keep, e)))
		return DY_EINTERNAL;
	return read_deps(to, t, keep, e);
}

/* Adds column i of the current row of s to the checksum, canonically:
 * N for NULL, I<integer>, R<%.17g>, T<bytes>:<text>, each ended by ';'. */
static void sum_value(crypto_generichash_state *h, db_stmt_t *s, int i, enum kind k)
{
	char head[48];
	int n;
	if (db_col_is_null(s, i)) {
		crypto_generichash_update(h, (const unsigned char *)"N;", 2);
		return;
	}
	if (k == K_INT) {
		n = snprintf(head, sizeof head, "I%lld;", (long long)db_col_int(s, i));
	} else if (k == K_REAL) {
		n = snprintf(head, sizeof head, "R%.17g;", db_col_double(s, i));
	} else {
		const char *t = db_col_text(s, i);
		size_t len = strlen(t);
		n = snprintf(head, sizeof head, "T%zu:", len);
		crypto_generichash_update(h, (const unsigned char *)head, (unsigned long long)n);
		crypto_generichash_update(h, (const unsigned char *)t, len);
		head[0] = ';';
		n = 1;
	}
	crypto_generichash_update(h, (const unsigned char *)head, (unsigned long long)n);
}

static void sum_row(crypto_generichash_state *h, db_stmt_t *s, const struct table *t)
{
	for (int i = 0; i < t->ncols; i++)
		sum_value(h, s, i, t->cols[i].kind);
	crypto_generichash_update(h, (const unsigned char *)"\n", 1);
}

static void sum_hex(crypto_generichash_state *h, char *out)
{
	unsigned char d[32];
	crypto_generichash_final(h, d, sizeof d);
	sodium_bin2hex(out, STORE_COPY_SUM_HEX, d, sizeof d);
}

/* The target's own message may quote a value: name the table only. */
static int refused(const struct table *t, int rc, struct dy_err *e)
{
	if (rc == DY_ECONFLICT)
		dy_fail(e, rc, t->name, "the target refused a row of this table (a broken constraint): nothing was copied");
	else if (rc == DY_ESTORE)
		dy_fail(e, rc, t->name, "the target refused a row of this table (a value its column does not take) or"
		        " failed: nothing was copied");
	return rc;
}

/* Copies t's rows from `from` into `to` in one load (db_load_*: COPY on
 * PostgreSQL), summing them as they are read. */
static int copy_rows(db_t *from, db_t *to, const struct table *t, int64_t *rows, char *sum, int64_t *max_id,
                     struct dy_err *e)
{
	*rows = 0;
	*max_id = 0;
	db_stmt_t *s = db_prepare(from, t->select_sql, e);
	if (!s)
		return DY_ESTORE;
	const char *names[MAX_COLS];
	int id_col = -1;
	for (int i = 0; i < t->ncols; i++) {
		names[i] = t->cols[i].name;
		if (strcmp(t->cols[i].name, "id") == 0 && t->cols[i].kind == K_INT)
			id_col = i;
	}
	int rc = db_load_begin(to, t->name, names, t->ncols, e);
	if (rc)
		return rc;
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, 32);
	struct db_value v[MAX_COLS];
	while ((rc = db_step(s, e)) == DB_ROW) {
		sum_row(&h, s, t);
		for (int i = 0; i < t->ncols; i++) {
			memset(&v[i], 0, sizeof v[i]);
			if (db_col_is_null(s, i)) {
				v[i].kind = DB_VALUE_NULL;
			} else if (t->cols[i].kind == K_INT) {
				v[i].kind = DB_VALUE_INT;
				v[i].i = db_col_int(s, i);
			} else if (t->cols[i].kind == K_REAL) {
				v[i].kind = DB_VALUE_REAL;
				v[i].d = db_col_double(s, i);
			} else {
				v[i].kind = DB_VALUE_TEXT;
				v[i].text = db_col_text(s, i); /* valid until the next step */
			}
		}
		if (id_col >= 0 && v[id_col].i > *max_id)
			*max_id = v[id_col].i;
		(*rows)++;
		if ((rc = db_load_row(to, v, e)))
			break;
	}
	/* A refused row leaves the source's statement part-way: store_copy's
	 * rollback of the source's snapshot resets it. */
	struct dy_err end;
	int erc = db_load_end(to, rc ? &end : e);
	if (!rc)
		rc = erc;
	sum_hex(&h, sum);
	return refused(t, rc, e);
}

/* Reads t back from db: its rows and checksum. */
static int sum_table(db_t *db, const struct table *t, int64_t *rows, char *sum, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, t->select_sql, e);
	if (!s)
		return DY_ESTORE;
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, 32);
	int rc;
	*rows = 0;
	while ((rc = db_step(s, e)) == DB_ROW) {
		sum_row(&h, s, t);
		(*rows)++;
	}
	sum_hex(&h, sum);
	return rc;
}

/* PostgreSQL: every sequence owned by a copied table's id set past the
 * largest id copied (ids are dyad_next_id's today; a later migration may
 * bring a sequence). */
static int sequences_past(db_t *to, const struct table *t, int64_t max_id, struct dy_err *e)
{
	if (db_dialect(to) != DB_DIALECT_PG || max_id <= 0)
		return 0;
	db_stmt_t *s = db_prepare(to, "SELECT pg_get_serial_sequence(?, 'id')", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, t->name);
	char seq[200] = "";
	int rc = db_step(s, e);
	if (rc == DB_ROW) {
		db_col_copy(s, 0, seq, sizeof seq);
		rc = db_step(s, e);
	}
	if (rc || !seq[0])
		return rc;
	s = db_prepare(to, "SELECT setval(CAST(? AS regclass), ?)", e);
	if (!s)
		return DY_ESTORE;
	db_bind_text(s, 1, seq);
	db_bind_int(s, 2, max_id);
	while ((rc = db_step(s, e)) == DB_ROW)
		;
	return rc;
}

static int count_rows(db_t *db, const struct table *t, struct arena *keep, int64_t *n, struct dy_err *e)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM \"%s\"", t->name);
	const char *k = keep_str(keep, sql, e);
	return k ? db_query_int(db, k, n, e) : DY_EINTERNAL;
}

/* Refuses a target that already holds the team, a family or any team row. */
static int target_empty(db_t *from, db_t *to, struct table *tabs, int n, struct arena *keep,
                        struct store_copy_report *r, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(from, "SELECT id, code FROM team ORDER BY id", e);
	if (!s)
		return DY_ESTORE;
	int rc = db_step(s, e);
	if (rc == DB_ROW) {
		r->team_id = db_col_int(s, 0);
		db_col_copy(s, 1, r->team_code, sizeof r->team_code);
		while ((rc = db_step(s, e)) == DB_ROW)
			;
	}
	if (rc < 0)
		return rc;
	if (r->team_code[0]) {
		int64_t have = 0;
		s = db_prepare(to, "SELECT COUNT(*) FROM team WHERE code = ?", e);
		if (!s)
			return DY_ESTORE;
		db_bind_text(s, 1, r->team_code);
		if ((rc = db_step(s, e)) == DB_ROW) {
			have = db_col_int(s, 0);
			rc = db_step(s, e);
		}
		if (rc)
			return rc;
		if (have)
			return dy_fail(e, DY_ECONFLICT, "to", "the target already holds team %s: it is not copied twice",
			               r->team_code);
	}
	char other[64] = "";
	s = db_prepare(to, "SELECT code FROM team ORDER BY id", e);
	if (!s)
		return DY_ESTORE;
	if ((rc = db_step(s, e)) == DB_ROW) {
		db_col_copy(s, 0, other, sizeof other);
		while ((rc = db_step(s, e)) == DB_ROW)
			;
	}
	if (rc)
		return rc;
	if (other[0])
		return dy_fail(e, DY_ECONFLICT, "to", "the target already holds team %s: copy into a new, empty database",
		               other);
	int64_t families = 0;
	if ((rc = db_query_int(to, "SELECT COUNT(*) FROM family", &families, e)))
		return rc;
	if (families)
		return dy_fail(e, DY_ECONFLICT, "to", "the target already holds %lld families: copy into a new, empty database",
		               (long long)families);
	for (int i = 0; i < n; i++) {
		int64_t have = 0;
		if ((rc = count_rows(to, &tabs[i], keep, &have, e)))
			return rc;
		if (have)
			return dy_fail(e, DY_ECONFLICT, "to", "the target's table %s already holds %lld rows: copy into a new,"
			               " empty database", tabs[i].name, (long long)have);
	}
	return 0;
}

/* Orders tabs so that every table comes after the tables it refers to
 * (a cycle, which the schema does not have, keeps the remaining order). */
static void order(struct table *tabs, int n, struct table **out)
{
	int done = 0;
	while (done < n) {
		int progress = 0;
		for (int i = 0; i < n; i++) {
			struct table *t = &tabs[i];
			if (t->placed)
				continue;
			int ready = 1;
			for (int d = 0; ready && d < t->ndeps; d++)
				for (int j = 0; j < n; j++)
					if (j != i && !tabs[j].placed && strcmp(tabs[j].name, t->deps[d]) == 0)
						ready = 0;
			if (ready) {
				t->placed = 1;
				out[done++] = t;
				progress = 1;
			}
		}
		for (int i = 0; !progress && i < n; i++)
			if (!tabs[i].placed) {
				tabs[i].placed = 1;
				out[done++] = &tabs[i];
				break;
			}
	}
}

/* Both databases' tables, the same names; the team tables described. */
static int plan(db_t *from, db_t *to, struct arena *keep, struct table *tabs, int *n, struct store_copy_report *r,
                struct dy_err *e)
{
	const char *a[STORE_COPY_TABLES], *b[STORE_COPY_TABLES];
	int na = 0, nb = 0;
	int rc = list_tables(from, keep, a, &na, e);
	if (!rc)
		rc = list_tables(to, keep, b, &nb, e);
	if (rc)
		return rc;
	for (int i = 0, j = 0; i < na || j < nb;) {
		int c = i == na ? 1 : j == nb ? -1 : strcmp(a[i], b[j]);
		if (c)
			return dy_fail(e, DY_ECONFLICT, c < 0 ? a[i] : b[j], "this table is in the %s only: both databases must"
			               " be at the same schema version", c < 0 ? "source" : "target");
		i++, j++;
	}
	int64_t va = 0, vb = 0;
	if ((rc = db_query_int(from, "SELECT MAX(version) FROM schema_migration", &va, e)) ||
	    (rc = db_query_int(to, "SELECT MAX(version) FROM schema_migration", &vb, e)))
		return rc;
	if (va != vb)
		return dy_fail(e, DY_ECONFLICT, "from", "the source is at schema version %lld and the target at %lld:"
		               " run this dyad's init on the source first", (long long)va, (long long)vb);
	*n = 0;
	for (int i = 0; i < na; i++) {
		if (store_copy_is_local(a[i])) {
			if (r->nlocal < 8)
				snprintf(r->local[r->nlocal++], sizeof r->local[0], "%s", a[i]);
			continue;
		}
		struct table *t = &tabs[(*n)++];
		memset(t, 0, sizeof *t);
		t->name = a[i];
		if ((rc = describe(from, to, t, keep, e)))
			return rc;
	}
	return 0;
}

int store_copy(db_t *from, db_t *to, struct arena *keep, struct store_copy_report *r, struct dy_err *e)
{
	memset(r, 0, sizeof *r);
	if (!db_in_transaction(to))
		return dy_fail(e, DY_EINTERNAL, "copy", "the target is not in a write transaction");
	int rc = db_begin_read(from, e);
	if (rc)
		return rc;
	struct table *tabs = xcalloc(STORE_COPY_TABLES, sizeof *tabs);
	struct table *ordered[STORE_COPY_TABLES];
	int n = 0;
	rc = plan(from, to, keep, tabs, &n, r, e);
	if (!rc)
		rc = target_empty(from, to, tabs, n, keep, r, e);
	if (!rc)
		order(tabs, n, ordered);
	for (int i = 0; !rc && i < n; i++) {
		struct table *t = ordered[i];
		struct store_copy_table *out = &r->t[r->ntables++];
		snprintf(out->name, sizeof out->name, "%s", t->name);
		int64_t max_id = 0, back = 0;
		char back_sum[STORE_COPY_SUM_HEX];
		rc = copy_rows(from, to, t, &out->rows, out->sum, &max_id, e);
		if (!rc)
			rc = sum_table(to, t, &back, back_sum, e);
		if (!rc && back != out->rows)
			rc = dy_fail(e, DY_ESTORE, t->name, "the source holds %lld rows and the target read back %lld:"
			             " nothing was copied", (long long)out->rows, (long long)back);
		if (!rc && strcmp(back_sum, out->sum) != 0)
			rc = dy_fail(e, DY_ESTORE, t->name, "the rows read back from the target differ from the source's"
			             " (checksum): nothing was copied");
		if (!rc)
			rc = sequences_past(to, t, max_id, e);
		r->rows += out->rows;
	}
	db_rollback(from);
	free(tabs);
	return rc;
}
