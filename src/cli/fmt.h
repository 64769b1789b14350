/* fmt.h: small display helpers shared by the CLI commands. */
#ifndef DYAD_CLI_FMT_H
#define DYAD_CLI_FMT_H

#include <stdint.h>

/* "%lld" of v into out (24 bytes); "" for 0. */
const char *fmt_id(char out[24], int64_t v);

/* ids joined by ";" into out (n bytes; as many as fit), the form of an
 * "ids" column. */
const char *fmt_ids(char *out, unsigned n, const int64_t *ids, int k);

/* "%d" of v into out (16 bytes); "" when v == absent. */
const char *fmt_int(char out[16], int v, int absent);

/* ISO date into out (11 bytes); "" for DATE_NONE. */
const char *fmt_date(char out[11], int32_t d);

/* An infant's age for people: "unborn (due 2026-03-12)", "7 months",
 * "7 months (corrected 5 months)" for a baby born before 37 weeks. */
const char *fmt_infant_age(char *out, unsigned n, int32_t dob, int32_t edd, int gestation_weeks, int32_t on);

/* "485 777 3456" from 10 digits; "" stays "". */
const char *fmt_nhs(char out[13], const char *digits);

#endif
