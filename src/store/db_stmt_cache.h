/* db_stmt_cache.h: a driver's prepared statements, found again by their SQL
 * (store/ only; db_sqlite.c and db_pg.c each keep one per connection).
 *
 * Callers of db_prepare pass string literals, so a statement is found by
 * the string's address at once (a small direct-mapped table), and its text
 * is compared only the first time an address is seen. */
#ifndef DYAD_STORE_DB_STMT_CACHE_H
#define DYAD_STORE_DB_STMT_CACHE_H

#define DB_STMT_HINTS 256

struct db_stmt_cache {
	const char **sql; /* each statement's SQL as its caller passed it */
	void **stmt;      /* the driver's statement */
	int n, cap;
	int hint[DB_STMT_HINTS]; /* index + 1 of the statement last found by an address; 0 none */
};

/* The statement added for sql (the same address, else the same text), or
 * NULL when there is none yet. */
void *db_stmt_cache_find(struct db_stmt_cache *c, const char *sql);

/* Adds stmt, prepared for sql (which must outlive the cache: a literal). */
void db_stmt_cache_add(struct db_stmt_cache *c, const char *sql, void *stmt);

/* Frees the cache's own memory (not the statements: the driver finalises
 * each of c->stmt[0 .. c->n - 1] first) and empties it. */
void db_stmt_cache_free(struct db_stmt_cache *c);

#endif
