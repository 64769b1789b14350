/* fuzz_responses: random bytes into the response parser and scorer for the
 * shipped definitions (loaded once from DYAD_INSTRUMENTS or the source tree).
 * The first byte picks the instrument and the age; the rest is the
 * responses text. Every result is also rendered as JSON. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/instrument.h"
#include "app/app_files.h"
#include "core/score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct instrument_set set;

static void load_once(void)
{
	static int loaded;
	if (loaded)
		return;
	loaded = 1;
	const char *dir = getenv("DYAD_INSTRUMENTS");
	struct dy_err e;
	dy_err_clear(&e);
	instrument_set_init(&set);
	if (instrument_set_load_dir(&set, dir && *dir ? dir : DYAD_SOURCE_DIR "/instruments", &e)) {
		fprintf(stderr, "fuzz_responses: cannot load instruments: %s\n", e.msg);
		abort();
	}
	/* Give ASQ:SE-2 and SWEMWBS test tables (made-up values) so those paths run. */
	struct instrument *asq = instrument_set_get(&set, "asqse2");
	if (asq) {
		const char *t = "interval,from_months,to_months,items,monitoring,cutoff\n"
		                "2,0,2,16,25,35\n6,3,8,20,30,45\n12,9,14,22,40,50\n";
		instrument_parse_table(asq, "intervals", t, strlen(t), "fuzz", &e);
	}
	struct instrument *sw = instrument_set_get(&set, "swemwbs");
	if (sw) {
		char t[1024] = "raw,value\n";
		for (int k = 7; k <= 35; k++) {
			char row[32];
			snprintf(row, sizeof row, "%d,%d.%02d\n", k, k, k == 7 || k == 35 ? 0 : 50);
			strcat(t, row);
		}
		instrument_parse_table(sw, "metric", t, strlen(t), "fuzz", &e);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	load_once();
	if (size == 0 || set.n == 0)
		return 0;
	const struct instrument *in = set.v[data[0] % set.n];
	int age = (data[0] >> 3) % 20 - 1; /* -1 (unknown) to 18 months */
	static struct score_result r;
	struct dy_err e;
	dy_err_clear(&e);
	score_compute(in, (const char *)data + 1, size - 1, age, &r, &e);
	char *json = score_to_json(&r);
	free(json);
	return 0;
}
