/* fuzz_intervention: random bytes into the intervention catalogue parser.
 * Nothing may crash, leak or read out of bounds; a catalogue that parses
 * must hold usable entries (a code, a name, a known mode, a completion rule
 * no larger than the planned sessions), and a refusal must be DY_EINVAL
 * with a terminated message naming a line. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/intervention.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct intervention_catalogue c;
	struct dy_err e;
	dy_err_clear(&e);
	if (intervention_parse((const char *)data, size, &c, &e) == 0) {
		if (c.n == 0 || c.n > INTERVENTION_MAX)
			abort();
		for (size_t i = 0; i < c.n; i++) {
			const struct intervention_def *d = &c.defs[i];
			if (!d->code[0] || !d->name[0] || !intervention_mode_code(d->mode)[0])
				abort();
			if (d->completion_min_sessions > d->planned_sessions)
				abort();
			if (intervention_find(&c, d->code) != d)
				abort();
			(void)intervention_completed(d, d->planned_sessions);
		}
	} else if (e.code != DY_EINVAL || !memchr(e.msg, '\0', sizeof e.msg) || c.n != 0) {
		abort();
	}
	intervention_catalogue_free(&c);
	return 0;
}
