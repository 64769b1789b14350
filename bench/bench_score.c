/* bench_score: administrations scored per second on one core.
 *
 * Loads the shipped definitions once, prepares a mix of valid response
 * strings (PHQ-9, GAD-7, EPDS, HADS, DASS-21, CORE-10 with a missing item,
 * WEMWBS, KIPS with not-observed items, MPAS, SDQ, PBQ, PIR-GAS), then times
 * score_compute over N administrations, cycling through the mix.
 * Usage: bench_score [N] (default 5,000,000). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app_files.h"
#include "core/instrument.h"
#include "core/score.h"

struct job {
	const struct instrument *in;
	char text[256];
	size_t len;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 5000000L;
	if (n <= 0)
		n = 5000000L;
	const char *dir = getenv("DYAD_INSTRUMENTS");
	struct instrument_set set;
	struct dy_err e;
	dy_err_clear(&e);
	instrument_set_init(&set);
	if (instrument_set_load_dir(&set, dir && *dir ? dir : DYAD_SOURCE_DIR "/instruments", &e)) {
		fprintf(stderr, "bench_score: %s: %s: %s\n", e.where, e.field, e.msg);
		return 1;
	}
	static const struct { const char *id, *resp; } mix[] = {
		{"phq9", "1;2;0;3;1;2;0;1;0"},
		{"gad7", "2;1;1;0;3;2;1"},
		{"epds", "1;1;2;0;1;2;1;0;1;0"},
		{"hads", "1;2;0;1;3;0;2;1;1;0;2;1;0;1"},
		{"dass21", "1;0;2;1;0;3;1;2;0;1;2;1;0;3;1;0;2;1;0;2;1"},
		{"core10", "1;3;2;0;1;0;2;1;;2"},
		{"wemwbs", "3;4;3;2;4;3;5;3;4;2;3;4;3;4"},
		{"kips", "3;4;NO;2;5;3;NO;4;3;3;4;NO"},
		{"mpas", "1;1;1;2;3;1;2;2;5;4;5;2;5;5;1;1;1;1;1"},
		{"sdq", "2;1;0;2;1;0;1;0;2;1;2;0;1;1;0;1;2;0;0;2;1;0;0;1;2"},
		{"pbq", "0;1;0;2;0;1;0;0;1;0;2;0;1;0;0;1;0;0;1;2;0;1;0;0;1"},
		{"pirgas", "65"},
	};
	enum { NJOBS = sizeof mix / sizeof mix[0] };
	struct job jobs[NJOBS];
	for (int i = 0; i < NJOBS; i++) {
		jobs[i].in = instrument_set_find(&set, mix[i].id);
		if (!jobs[i].in) {
			fprintf(stderr, "bench_score: %s not found\n", mix[i].id);
			return 1;
		}
		snprintf(jobs[i].text, sizeof jobs[i].text, "%s", mix[i].resp);
		jobs[i].len = strlen(jobs[i].text);
	}
	static struct score_result r;
	double check = 0;
	long bad = 0;
	/* warm up */
	for (int i = 0; i < 100000; i++)
		score_compute(jobs[i % NJOBS].in, jobs[i % NJOBS].text, jobs[i % NJOBS].len,
		              SCORE_NO_AGE, &r, NULL);
	double t0 = now();
	for (long i = 0; i < n; i++) {
		const struct job *j = &jobs[i % NJOBS];
		if (score_compute(j->in, j->text, j->len, SCORE_NO_AGE, &r, NULL))
			bad++;
		check += r.scales[0].value;
	}
	double dt = now() - t0;
	printf("bench_score: %ld administrations of %d instruments in %.3f s: %.0f per second "
	       "(%.0f ns each; checksum %.1f, refused %ld)\n",
	       n, NJOBS, dt, (double)n / dt, dt * 1e9 / (double)n, check, bad);
	instrument_set_free(&set);
	return bad ? 1 : 0;
}
