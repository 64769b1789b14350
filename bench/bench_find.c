/* bench_find.c: how long `dyad find` takes on a large team, and whether it
 * finds everyone it should. Picks N people of the database at random and,
 * for each, times app_find (the whole action: the look-ups, the team check,
 * the rows shown, the audit entry of the search) by NHS number with spaces,
 * by exact name, by the name with one letter of the family name wrong and by
 * the name in capitals, showing the first 50 hits as `dyad find` does;
 * prints the median, 95th percentile and worst wall time of each kind, the
 * median CPU time (the wall time less waiting for the disk to take the audit
 * entry, and for the other processes of a shared machine), and how many
 * searches missed their person among all their hits (must be 0; checked by
 * a second, untimed search).
 *   bench_find DB [N]        (N default 200) */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app_search.h"

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

struct look {
	int64_t want;
	int found;
};

static int seen(void *ctx, const struct search_hit *h, enum find_match m)
{
	(void)m;
	struct look *l = ctx;
	l->found |= h->p.id == l->want;
	return 0;
}

struct pick {
	int64_t id;
	char nhs[11], given[NAME_BYTES], family[NAME_BYTES];
};

enum { K_NHS, K_EXACT, K_SLIP, K_CASE, K_N };
static const char *const kind_name[K_N] = {"NHS number", "exact name", "name, one letter wrong", "name in capitals"};

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_find DB [N]\n");
		return 1;
	}
	int n = argc > 2 ? atoi(argv[2]) : 200;
	struct app a;
	struct dy_err e;
	if (app_open(&a, argv[1], "bench", &e)) {
		fprintf(stderr, "bench_find: %s\n", e.msg);
		return 1;
	}
	struct pick *p = calloc((size_t)n, sizeof *p);
	db_stmt_t *s = db_prepare(a.db,
	                          "SELECT id, nhs_number, given_name, family_name FROM person WHERE nhs_number IS NOT NULL"
	                          " ORDER BY random() LIMIT ?",
	                          &e);
	db_bind_int(s, 1, n);
	int got = 0;
	while (got < n && db_step(s, &e) == DB_ROW) {
		p[got].id = db_col_int(s, 0);
		db_col_copy(s, 1, p[got].nhs, sizeof p[got].nhs);
		db_col_copy(s, 2, p[got].given, sizeof p[got].given);
		db_col_copy(s, 3, p[got].family, sizeof p[got].family);
		got++;
	}
	n = got;
	double *ms[K_N], *cpu[K_N];
	int missed[K_N] = {0};
	for (int k = 0; k < K_N; k++)
		ms[k] = malloc((size_t)n * sizeof(double)), cpu[k] = malloc((size_t)n * sizeof(double));
	for (int i = 0; i < n; i++) {
		for (int k = 0; k < K_N; k++) {
			char q[3 * NAME_BYTES];
			if (k == K_NHS)
				snprintf(q, sizeof q, "%.3s %.3s %.4s", p[i].nhs, p[i].nhs + 3, p[i].nhs + 6);
			else
				snprintf(q, sizeof q, "%s %s", p[i].given, p[i].family);
			if (k == K_SLIP) {
				size_t at = strlen(p[i].given) + 3;
				q[at] = q[at] == 'x' ? 'y' : 'x';
			}
			if (k == K_CASE)
				for (char *c = q; *c; c++)
					*c = (char)toupper((unsigned char)*c);
			struct look l = {p[i].id, 0};
			int64_t total;
			struct timespec t0, t1, c0, c1;
			clock_gettime(CLOCK_MONOTONIC, &t0);
			clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
			if (app_find(&a, q, 50, 0, seen, &l, &total, &e)) {
				fprintf(stderr, "bench_find: %s\n", e.msg);
				return 1;
			}
			clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
			clock_gettime(CLOCK_MONOTONIC, &t1);
			ms[k][i] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
			cpu[k][i] = (double)(c1.tv_sec - c0.tv_sec) * 1e3 + (double)(c1.tv_nsec - c0.tv_nsec) / 1e6;
			/* All hits walked (limit 0), so a person far down is still seen. */
			l.found = 0;
			if (app_find(&a, q, 0, 0, seen, &l, &total, &e)) {
				fprintf(stderr, "bench_find: %s\n", e.msg);
				return 1;
			}
			missed[k] += !l.found;
		}
	}
	printf("%-24s %9s %9s %9s %9s %7s\n", "search", "median", "p95", "worst", "cpu", "missed");
	for (int k = 0; k < K_N; k++) {
		qsort(ms[k], (size_t)n, sizeof(double), cmp);
		qsort(cpu[k], (size_t)n, sizeof(double), cmp);
		printf("%-24s %6.2f ms %6.2f ms %6.2f ms %6.2f ms %4d/%d\n", kind_name[k], ms[k][n / 2],
		       ms[k][n * 95 / 100], ms[k][n - 1], cpu[k][n / 2], missed[k], n);
		free(ms[k]);
		free(cpu[k]);
	}
	free(p);
	app_close(&a);
	return 0;
}
