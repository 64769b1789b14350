/* db_stmt_cache.c: the prepared-statement lookup both drivers share (see
 * db_stmt_cache.h). */
#include "store/db_stmt_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"

static size_t slot(const char *sql) { return ((uintptr_t)sql >> 3) & (DB_STMT_HINTS - 1); }

void *db_stmt_cache_find(struct db_stmt_cache *c, const char *sql)
{
	size_t h = slot(sql);
	int k = c->hint[h] - 1;
	if (k >= 0 && c->sql[k] == sql)
		return c->stmt[k];
	for (int i = 0; i < c->n; i++) {
		if (c->sql[i] == sql || strcmp(c->sql[i], sql) == 0) {
			c->hint[h] = i + 1;
			return c->stmt[i];
		}
	}
	return NULL;
}

void db_stmt_cache_add(struct db_stmt_cache *c, const char *sql, void *stmt)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->sql = xrealloc(c->sql, (size_t)c->cap * sizeof *c->sql);
		c->stmt = xrealloc(c->stmt, (size_t)c->cap * sizeof *c->stmt);
	}
	c->sql[c->n] = sql;
	c->stmt[c->n] = stmt;
	c->n++;
	c->hint[slot(sql)] = c->n;
}

void db_stmt_cache_free(struct db_stmt_cache *c)
{
	free(c->sql);
	free(c->stmt);
	memset(c, 0, sizeof *c);
}
