/* bench_commit.c: the cost of a power-safe commit. Times N one-row write
 * transactions (BEGIN IMMEDIATE, INSERT, COMMIT: what one interactive
 * write does in the database) on a file in the given folder, with
 * synchronous=FULL (what dyad uses) and with NORMAL, and prints the median
 * and 95th percentile latency of each.
 *   bench_commit [DIR [N]]        (DIR default a new folder in /tmp; N 300) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/db.h"

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int run(const char *dir, const char *mode, int n)
{
	char path[1024], pragma[64];
	snprintf(path, sizeof path, "%s/commit-%s.db", dir, mode);
	unlink(path);
	db_t *db;
	struct dy_err e;
	if (db_open(path, &db, &e)) {
		fprintf(stderr, "bench_commit: %s\n", e.msg);
		return 1;
	}
	snprintf(pragma, sizeof pragma, "PRAGMA synchronous=%s", mode);
	if (db_exec(db, pragma, &e) || db_exec(db, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", &e)) {
		fprintf(stderr, "bench_commit: %s\n", e.msg);
		db_close(db);
		return 1;
	}
	double *ms = malloc((size_t)n * sizeof *ms);
	for (int i = 0; i < n; i++) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		db_stmt_t *s;
		if (db_begin(db, &e) || !(s = db_prepare(db, "INSERT INTO t (v) VALUES (?)", &e)))
			return 1;
		db_bind_text(s, 1, "a single interactive write");
		if (db_run(s, &e) || db_commit(db, &e))
			return 1;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		ms[i] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	}
	qsort(ms, (size_t)n, sizeof *ms, cmp);
	printf("| %-6s | %d | %.2f | %.2f |\n", mode, n, ms[n / 2], ms[(n * 95) / 100]);
	free(ms);
	db_close(db);
	unlink(path);
	return 0;
}

int main(int argc, char **argv)
{
	char tmp[] = "/tmp/bench_commit-XXXXXX";
	const char *dir = argc > 1 ? argv[1] : mkdtemp(tmp);
	if (!dir) {
		perror("bench_commit");
		return 1;
	}
	int n = argc > 2 ? atoi(argv[2]) : 300;
	if (n < 20)
		n = 20;
	printf("| synchronous | commits | median ms | p95 ms |\n|---|---|---|---|\n");
	int rc = run(dir, "FULL", n) || run(dir, "NORMAL", n);
	if (argc < 2)
		rmdir(dir);
	return rc;
}
