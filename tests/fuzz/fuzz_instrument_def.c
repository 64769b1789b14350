/* fuzz_instrument_def: random bytes into the instrument definition parser,
 * and (when a definition parses) into its table loader and scorer, so that
 * whatever a service writes in instruments/ can never crash dyad. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/instrument.h"
#include "core/score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct instrument *in = NULL;
	struct dy_err e;
	dy_err_clear(&e);
	if (instrument_parse((const char *)data, size, "fuzz.json", &in, &e) != 0)
		return 0;
	/* A definition that parsed must score anything without crashing. */
	static struct score_result r;
	static const char *const resp[] = {"", "0", "1;2;3", "0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0",
	                                   "5;;NO;10c;-1;99999"};
	for (size_t i = 0; i < sizeof resp / sizeof resp[0]; i++) {
		score_compute(in, resp[i], strlen(resp[i]), 12, &r, &e);
		free(score_to_json(&r));
	}
	for (int t = 0; t < in->ntables; t++) {
		const char *csv = in->tables[t].kind == TABLE_LOOKUP
		                      ? "raw,value\n0,0\n1,1\n2,2\n"
		                      : "interval,from_months,to_months,items,monitoring,cutoff\n12,0,24,1,0,1\n";
		instrument_parse_table(in, in->tables[t].name, csv, strlen(csv), "fuzz.csv", &e);
	}
	score_compute(in, "1", 1, 12, &r, &e);
	free(score_to_json(&r));
	instrument_free(in);
	return 0;
}
