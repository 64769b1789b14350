/* testutil.h: helpers shared by the cmocka tests. Include after cmocka.h's
 * prerequisites (stdarg.h, stddef.h, stdint.h, setjmp.h). */
#ifndef DYAD_TESTUTIL_H
#define DYAD_TESTUTIL_H

#include <stdint.h>

/* A fresh empty directory under $TMPDIR (or /tmp); the path is owned by the
 * helper and stays valid until the next call. Aborts on failure. */
const char *tu_tempdir(void);

/* A new, empty database for a test, as a URL for db_open / app_open:
 * a file `name` in a fresh tu_tempdir(), or, when $DYAD_TEST_PG names the
 * socket folder of a throwaway PostgreSQL server (scripts/pg-cluster, make
 * test-pg), a new database on it. Owned by the helper; valid until the next
 * call. Aborts on failure. */
const char *tu_db_url(const char *name);

/* 1 when tests run against PostgreSQL ($DYAD_TEST_PG set). */
int tu_on_pg(void);

/* Writes text to dir/name, creating or replacing it. Aborts on failure. */
void tu_write_file(const char *dir, const char *name, const char *text);

/* Reads a whole file into a malloc'd NUL-terminated string (caller frees),
 * or NULL when it cannot be read. */
char *tu_read_file(const char *path);

/* Parses YYYY-MM-DD or aborts: for writing dates in tests plainly. */
int32_t tu_date(const char *iso);

#endif
