/* db.c: the driver chosen by URL, and the calls of db.h made through its
 * table; helpers every driver shares (ids, dates, optional text). */
#include "store/db_driver.h"

#include <stdio.h>
#include <string.h>

#include "util/date.h"
#include "util/str.h"

/* URL prefixes, most specific first; "" (a plain path) is SQLite. */
static const struct {
	const char *prefix;
	const struct db_ops *ops;
} drivers[] = {
	{"trace:", &db_trace_ops},
	{"postgresql:", &db_pg_ops},
	{"postgres:", &db_pg_ops},
	{"sqlite:", &db_sqlite_ops},
	{"", &db_sqlite_ops},
};

/* The driver for url and where its target starts, or NULL. */
static const struct db_ops *driver_for(const char *url, const char **target)
{
	if (!url)
		return NULL;
	for (size_t i = 0; i < sizeof drivers / sizeof drivers[0]; i++) {
		size_t n = strlen(drivers[i].prefix);
		if (strncmp(url, drivers[i].prefix, n) == 0) {
			/* a plain path is a file, not another database's URL */
			if (n == 0 && strstr(url, "://"))
				return NULL;
			*target = url + n;
			return drivers[i].ops;
		}
	}
	return NULL;
}

int db_url_exists(const char *url)
{
	const char *target;
	const struct db_ops *ops = driver_for(url, &target);
	return ops ? ops->exists(target) : 1;
}

void db_url_shown(const char *url, char *out, size_t n)
{
	if (!n)
		return;
	size_t o = 0;
	const char *at = strchr(url, '@'), *scheme = strstr(url, "://");
	/* The user:password@ part of the authority. */
	const char *colon = scheme && at ? memchr(scheme + 3, ':', (size_t)(at - scheme - 3)) : NULL;
	for (const char *p = url; *p && o + 1 < n;) {
		if (p == colon) {
			o += (size_t)snprintf(out + o, n - o, ":***");
			p = at;
			continue;
		}
		if (strncmp(p, "password=", 9) == 0 && (p == url || p[-1] == '?' || p[-1] == '&' || p[-1] == ' ')) {
			o += (size_t)snprintf(out + o, n - o, "password=***");
			p += 9;
			while (*p && *p != '&' && *p != ' ')
				p++;
			continue;
		}
		out[o++] = *p++;
	}
	out[o < n ? o : n - 1] = '\0';
}

void db_url_remove(const char *url)
{
	const char *target;
	const struct db_ops *ops = driver_for(url, &target);
	if (ops)
		ops->remove(target);
}

int db_open(const char *url, db_t **out, struct dy_err *e)
{
	*out = NULL;
	if (!url || !*url)
		return dy_fail(e, DY_EUSAGE, "db", "no database given");
	const char *target;
	const struct db_ops *ops = driver_for(url, &target);
	if (!ops)
		return dy_fail(e, DY_EUSAGE, "db", "no driver for this database name (a file path, sqlite:PATH or"
		                                   " postgresql://...)");
	if (!*target)
		return dy_fail(e, DY_EUSAGE, "db", "%.*s needs a database after the prefix", (int)(target - url), url);
	return ops->open(target, out, e);
}

void db_close(db_t *db)
{
	if (db)
		db->ops->close(db);
}

const char *db_driver_name(const db_t *db) { return db->ops->name; }
enum db_dialect db_dialect(const db_t *db) { return (enum db_dialect)db->ops->dialect(db); }
int db_exec(db_t *db, const char *sql, struct dy_err *e) { return db->ops->exec(db, sql, e); }
db_stmt_t *db_prepare(db_t *db, const char *sql, struct dy_err *e) { return db->ops->prepare(db, sql, e); }

db_stmt_t *db_prepare_scoped(db_t *db, const char *sql_one, const char *sql_all, int64_t id, struct dy_err *e)
{
	db_stmt_t *s = db_prepare(db, id > 0 ? sql_one : sql_all, e);
	if (s && id > 0)
		db_bind_int(s, 1, id);
	return s;
}

void db_bind_int(db_stmt_t *s, int i, int64_t v) { s->ops->bind_int(s, i, v); }
void db_bind_double(db_stmt_t *s, int i, double v) { s->ops->bind_double(s, i, v); }
void db_bind_null(db_stmt_t *s, int i) { s->ops->bind_null(s, i); }

void db_bind_id(db_stmt_t *s, int i, int64_t v)
{
	if (v)
		s->ops->bind_int(s, i, v);
	else
		s->ops->bind_null(s, i);
}

void db_bind_text(db_stmt_t *s, int i, const char *v) { s->ops->bind_text(s, i, v ? v : "", -1, 1); }
void db_bind_text_ref(db_stmt_t *s, int i, const char *v) { s->ops->bind_text(s, i, v ? v : "", -1, 0); }

void db_bind_text_opt(db_stmt_t *s, int i, const char *v)
{
	if (v && *v)
		s->ops->bind_text(s, i, v, -1, 1);
	else
		s->ops->bind_null(s, i);
}

void db_bind_text_ref_opt(db_stmt_t *s, int i, const char *v)
{
	if (v && *v)
		s->ops->bind_text(s, i, v, -1, 0);
	else
		s->ops->bind_null(s, i);
}

void db_bind_date(db_stmt_t *s, int i, int32_t days)
{
	if (days == DATE_NONE) {
		s->ops->bind_null(s, i);
		return;
	}
	char iso[DATE_LEN];
	date_format(days, iso);
	s->ops->bind_text(s, i, iso, 10, 1);
}

int db_step(db_stmt_t *s, struct dy_err *e) { return s->ops->step(s, e); }

int db_run(db_stmt_t *s, struct dy_err *e)
{
	if (s->ops->run)
		return s->ops->run(s, e);
	int rc = s->ops->step(s, e);
	if (rc < 0)
		return rc;
	s->ops->reset(s);
	return 0;
}

int db_run_id(db_stmt_t *s, int64_t *id, struct dy_err *e) { return s->ops->run_id(s, id, e); }

int db_run_insert(db_stmt_t *s, int64_t *id, struct dy_err *e)
{
	return *id > 0 ? db_run(s, e) : db_run_id(s, id, e);
}

int db_get_row(db_t *db, const char *sql, int64_t id, const char *what, db_stmt_t **out, struct dy_err *e)
{
	db_stmt_t *s = *out = db_prepare(db, sql, e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, id);
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	if (rc == DB_DONE)
		return dy_fail(e, DY_ENOTFOUND, what, "%s %lld does not exist", what, (long long)id);
	return 0;
}

int db_query_row(db_t *db, const char *sql, void (*read)(void *ctx, db_stmt_t *s), void *ctx, int *found,
                 struct dy_err *e)
{
	*found = 0;
	db_stmt_t *s = db_prepare(db, sql, e);
	if (!s)
		return DY_ESTORE;
	int rc = db_step(s, e);
	if (rc < 0)
		return rc;
	if (rc == DB_ROW) {
		read(ctx, s);
		*found = 1;
		s->ops->reset(s);
	}
	return 0;
}

static void read_int(void *ctx, db_stmt_t *s) { *(int64_t *)ctx = db_col_int(s, 0); }

int db_query_int(db_t *db, const char *sql, int64_t *out, struct dy_err *e)
{
	*out = 0;
	int found;
	return db_query_row(db, sql, read_int, out, &found, e);
}

int db_query_int_id(db_t *db, const char *sql, int64_t id, int64_t *out, struct dy_err *e)
{
	*out = 0;
	db_stmt_t *s = db_prepare(db, sql, e);
	if (!s)
		return DY_ESTORE;
	db_bind_int(s, 1, id);
	int rc = db_step(s, e);
	if (rc == DB_ROW) {
		*out = db_col_is_null(s, 0) ? 0 : db_col_int(s, 0);
		rc = db_step(s, e);
	}
	return rc < 0 ? rc : 0;
}

int db_run_one(db_t *db, db_stmt_t *s, const char *what, int64_t id, struct dy_err *e)
{
	int rc = db_run(s, e);
	if (!rc && db_changes(db) == 0)
		return dy_fail(e, DY_ENOTFOUND, what, "%s %lld does not exist", what, (long long)id);
	return rc;
}

int64_t db_col_int(db_stmt_t *s, int i) { return s->ops->col_int(s, i); }
double db_col_double(db_stmt_t *s, int i) { return s->ops->col_double(s, i); }
int db_col_is_null(db_stmt_t *s, int i) { return s->ops->col_is_null(s, i); }

const char *db_col_text(db_stmt_t *s, int i)
{
	const char *t = s->ops->col_text(s, i);
	return t ? t : "";
}

int32_t db_col_date(db_stmt_t *s, int i)
{
	int32_t d;
	const char *t = s->ops->col_text(s, i);
	if (!t || date_parse(t, &d))
		return DATE_NONE;
	return d;
}

void db_col_copy(db_stmt_t *s, int i, char *out, unsigned n) { str_copy(out, n, db_col_text(s, i)); }

int db_begin(db_t *db, struct dy_err *e) { return db->ops->begin(db, 1, e); }
int db_begin_read(db_t *db, struct dy_err *e) { return db->ops->begin(db, 0, e); }
int db_commit(db_t *db, struct dy_err *e) { return db->ops->commit(db, e); }
void db_rollback(db_t *db) { db->ops->rollback(db); }
int db_in_transaction(db_t *db) { return db->ops->in_transaction(db); }

void db_end_reads(db_t *db)
{
	if (db->ops->end_reads && !db->ops->in_transaction(db))
		db->ops->end_reads(db);
}
int db_bulk(db_t *db, unsigned how, struct dy_err *e) { return db->ops->bulk(db, how, e); }
int db_changes(db_t *db) { return db->ops->changes(db); }

/* A table or column name as db_load_begin takes it: letters, digits, _. */
static int plain_name(const char *s)
{
	if (!s || !*s || strlen(s) > 63)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

int db_load_begin(db_t *db, const char *table, const char *const *cols, int ncols, struct dy_err *e)
{
	if (!plain_name(table) || ncols < 1)
		return dy_fail(e, DY_EINTERNAL, "db", "a load names a table that is not a plain name, or no columns");
	for (int i = 0; i < ncols; i++)
		if (!plain_name(cols[i]))
			return dy_fail(e, DY_EINTERNAL, table, "a load names a column that is not a plain name");
	if (!db->ops->in_transaction(db))
		return dy_fail(e, DY_EINTERNAL, table, "a load outside a write transaction");
	return db->ops->load_begin(db, table, cols, ncols, e);
}

int db_load_row(db_t *db, const struct db_value *v, struct dy_err *e) { return db->ops->load_row(db, v, e); }
int db_load_end(db_t *db, struct dy_err *e) { return db->ops->load_end(db, e); }

int db_commit_safety(db_t *db, enum db_safety how, struct dy_err *e)
{
	return db->ops->safety ? db->ops->safety(db, how, e) : 0;
}

int db_checkpoint(db_t *db, int *complete, struct dy_err *e)
{
	*complete = 1;
	return db->ops->checkpoint ? db->ops->checkpoint(db, complete, e) : 0;
}
enum db_constraint db_constraint(db_t *db) { return db->ops->constraint(db); }
