/* stage.h: whether a measure fits the infant's stage of life (issue 8,
 * docs/instruments.md "stage"): an antenatal measure (MAAS) only while the
 * infant is unborn, a postnatal one (MPAS, PPAS, PBQ, SDQ, ASQ:SE-2, KIPS)
 * only once born and within its age range (SDQ from 24 months). Pure. */
#ifndef DYAD_CORE_STAGE_H
#define DYAD_CORE_STAGE_H

#include <stdint.h>

#include "core/instrument.h"
#include "util/err.h"

/* Checks definition `in` against an infant born on `birth` (DATE_NONE:
 * not born yet) for a measure dated `on`. Returns 0, or DY_EINVAL with
 * field "instrument" and the reason in words (no dates: they identify). */
int stage_check(const struct instrument *in, int32_t birth, int32_t on, struct dy_err *e);

#endif
