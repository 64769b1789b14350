/* testutil.c: temp dirs and file helpers for tests. */
#include "testutil.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/date.h"

const char *tu_tempdir(void)
{
	static char path[512];
	const char *base = getenv("TMPDIR");
	snprintf(path, sizeof path, "%s/dyadtest.XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(path)) {
		perror("mkdtemp");
		abort();
	}
	return path;
}

int tu_on_pg(void)
{
	const char *sock = getenv("DYAD_TEST_PG");
	return sock && *sock;
}

const char *tu_db_url(const char *name)
{
	static char url[1024];
	static int serial;
	if (!tu_on_pg()) {
		snprintf(url, sizeof url, "%s/%s", tu_tempdir(), name);
		return url;
	}
	const char *sock = getenv("DYAD_TEST_PG");
	char conn[600], db[64], sqlbuf[128];
	snprintf(conn, sizeof conn, "host=%s user=dyad dbname=postgres", sock);
	snprintf(db, sizeof db, "tu_%ld_%d", (long)getpid(), ++serial);
	PGconn *c = PQconnectdb(conn);
	snprintf(sqlbuf, sizeof sqlbuf, "CREATE DATABASE %s", db);
	PGresult *r = PQstatus(c) == CONNECTION_OK ? PQexec(c, sqlbuf) : NULL;
	if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
		fprintf(stderr, "tu_db_url: %s\n", PQerrorMessage(c));
		abort();
	}
	PQclear(r);
	PQfinish(c);
	snprintf(url, sizeof url, "postgresql:///%s?host=%s&user=dyad", db, sock);
	return url;
}

void tu_write_file(const char *dir, const char *name, const char *text)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fputs(text, f) < 0 || fclose(f)) {
		perror(path);
		abort();
	}
}

char *tu_read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, len = 0;
	char *s = malloc(cap);
	size_t n;
	while (s && (n = fread(s + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len < 2)
			s = realloc(s, cap *= 2);
	}
	fclose(f);
	if (s)
		s[len] = '\0';
	return s;
}

int32_t tu_date(const char *iso)
{
	int32_t d;
	if (date_parse(iso, &d)) {
		fprintf(stderr, "tu_date: bad date %s\n", iso);
		abort();
	}
	return d;
}
