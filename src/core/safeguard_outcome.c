/* safeguard_outcome.c: start x end safeguarding table and care outcomes. */
#include "core/safeguard_outcome.h"

#include <math.h>
#include <string.h>

static double pct(size_t k, size_t n)
{
	return n ? 100.0 * (double)k / (double)n : NAN;
}

int sg_care_with_birth_family(const char *care_status)
{
	return care_status && (strcmp(care_status, "with_birth_family") == 0 || strcmp(care_status, "reunited") == 0);
}

int sg_care_counts(const char *care_status)
{
	return care_status && care_status[0] && strcmp(care_status, "died") != 0;
}

int sg_outcome_compute(const struct sg_infant *inf, size_t n, struct sg_outcome *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n; i++)
		if (inf[i].start_level < 0 || inf[i].start_level >= SG_LEVELS || inf[i].end_level < 0 ||
		    inf[i].end_level >= SG_LEVELS)
			return -1;
	size_t down = 0, same = 0, up = 0, kept = 0, high_kept = 0, high_down = 0;
	for (size_t i = 0; i < n; i++) {
		const struct sg_infant *x = &inf[i];
		out->table[x->start_level][x->end_level]++;
		down += x->end_level < x->start_level;
		same += x->end_level == x->start_level;
		up += x->end_level > x->start_level;
		int high = x->start_level >= SG_HIGH_FROM;
		out->n_high += high;
		high_down += high && x->end_level < x->start_level;
		if (x->care_known) {
			out->n_care_known++;
			kept += x->with_birth_family != 0;
			if (high) {
				out->n_high_care_known++;
				high_kept += x->with_birth_family != 0;
			}
		}
	}
	out->n = n;
	out->pct_deescalated = pct(down, n);
	out->pct_unchanged = pct(same, n);
	out->pct_escalated = pct(up, n);
	out->pct_remained_or_reunited = pct(kept, out->n_care_known);
	out->pct_high_remained_or_reunited = pct(high_kept, out->n_high_care_known);
	out->pct_high_deescalated = pct(high_down, out->n_high);
	return 0;
}
